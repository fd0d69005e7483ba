// Serialises every AST node with its kind and span ("line:col-line:col").
#include "pgc/ast_json.h"

namespace pgc::ast {
namespace {

using Json = nlohmann::ordered_json;

Json node(const char* kind, const Span& span) {
  Json out;
  out["kind"] = kind;
  out["span"] = span.str();
  return out;
}

Json ident(const Ident& id) { return id.name; }

Json qualified(const QualifiedName& name) { return name.str(); }

Json expr(const Expr& e);

Json exprOrNull(const ExprPtr& e) { return e ? expr(*e) : Json(); }

Json arguments(const std::vector<Argument>& args) {
  Json out = Json::array();
  for (const Argument& a : args) {
    Json arg = node("argument", a.span);
    if (a.name) arg["name"] = ident(*a.name);
    arg["value"] = expr(*a.value);
    out.push_back(arg);
  }
  return out;
}

Json decorators(const std::vector<Decorator>& list) {
  Json out = Json::array();
  for (const Decorator& d : list) {
    Json j = node("decorator", d.span);
    j["name"] = ident(d.name);
    j["arguments"] = arguments(d.arguments);
    out.push_back(j);
  }
  return out;
}

struct ExprJson {
  const Span& span;
  Json operator()(const IntLiteral& e) { Json j = node("int", span); j["value"] = e.value; return j; }
  Json operator()(const SizeLiteral& e) {
    Json j = node("size", span);
    j["amount"] = e.amount;
    j["unit"] = spelling(e.unit);
    return j;
  }
  Json operator()(const DurationLiteral& e) {
    Json j = node("duration", span);
    j["amount"] = e.amount;
    j["unit"] = spelling(e.unit);
    return j;
  }
  Json operator()(const BoolLiteral& e) { Json j = node("bool", span); j["value"] = e.value; return j; }
  Json operator()(const StringLiteral& e) {
    Json j = node("string", span);
    Json parts = Json::array();
    for (const StringPart& p : e.parts) {
      if (p.interpolation) parts.push_back(Json{{"interpolation", expr(*p.interpolation)}});
      else parts.push_back(Json{{"text", p.text}});
    }
    j["parts"] = parts;
    return j;
  }
  Json operator()(const NameRef& e) { Json j = node("name", span); j["name"] = ident(e.name); return j; }
  Json operator()(const ListExpr& e) {
    Json j = node("list", span);
    j["elements"] = Json::array();
    for (const ExprPtr& element : e.elements) j["elements"].push_back(expr(*element));
    return j;
  }
  Json operator()(const ObjectExpr& e) {
    Json j = node("object", span);
    j["entries"] = Json::array();
    for (const ObjectEntry& entry : e.entries) {
      j["entries"].push_back(Json{{"key", entry.key.name}, {"value", expr(*entry.value)}});
    }
    return j;
  }
  Json operator()(const MemberExpr& e) {
    Json j = node("member", span);
    j["object"] = expr(*e.object);
    j["member"] = ident(e.member);
    return j;
  }
  Json operator()(const CallExpr& e) {
    Json j = node("call", span);
    j["callee"] = expr(*e.callee);
    j["arguments"] = arguments(e.arguments);
    return j;
  }
  Json operator()(const UnaryExpr& e) {
    Json j = node("unary", span);
    j["op"] = e.op == UnaryOp::Not ? "!" : "-";
    j["operand"] = expr(*e.operand);
    return j;
  }
  Json operator()(const BinaryExpr& e) {
    Json j = node("binary", span);
    j["op"] = spelling(e.op);
    j["left"] = expr(*e.left);
    j["right"] = expr(*e.right);
    return j;
  }
  Json operator()(const InExpr& e) {
    Json j = node(e.negated ? "not_in" : "in", span);
    j["element"] = expr(*e.element);
    j["collection"] = expr(*e.collection);
    return j;
  }
  Json operator()(const ConditionalExpr& e) {
    Json j = node("conditional", span);
    j["condition"] = expr(*e.condition);
    j["then"] = expr(*e.whenTrue);
    j["else"] = expr(*e.whenFalse);
    return j;
  }
};

Json expr(const Expr& e) { return std::visit(ExprJson{e.span}, e.node); }

Json block(const Block& b);

struct BlockItemJson {
  Json operator()(const Attribute& a) {
    Json j = node("attribute", a.span);
    j["name"] = ident(a.name);
    j["value"] = expr(*a.value);
    return j;
  }
  Json operator()(const LetDecl& l) {
    Json j = node("let", l.span);
    j["name"] = ident(l.name);
    j["value"] = expr(*l.value);
    return j;
  }
  Json operator()(const Grant& g) {
    Json j = node("grant", g.span);
    j["privileges"] = Json::array();
    for (const Ident& p : g.privileges) j["privileges"].push_back(ident(p));
    j["on"] = g.targetKind == GrantTargetKind::Schema  ? "schema"
              : g.targetKind == GrantTargetKind::Table ? "table"
                                                       : "all_tables_in_schema";
    j["target"] = qualified(g.target);
    return j;
  }
  Json operator()(const std::unique_ptr<NestedBlock>& n) {
    Json j = node("block", n->span);
    j["name"] = ident(n->name);
    j["body"] = block(n->body);
    return j;
  }
  Json operator()(const std::unique_ptr<WhenBlock>& w) {
    Json j = node("when", w->span);
    j["condition"] = expr(*w->condition);
    j["body"] = block(w->body);
    return j;
  }
};

Json block(const Block& b) {
  Json out = Json::array();
  for (const BlockItem& item : b.items) out.push_back(std::visit(BlockItemJson{}, item));
  return out;
}

Json rawSql(const RawSql& raw) { return raw.text; }

const char* effectName(ReferentialEffect effect) {
  switch (effect) {
    case ReferentialEffect::Cascade: return "cascade";
    case ReferentialEffect::Restrict: return "restrict";
    case ReferentialEffect::SetNull: return "set null";
    case ReferentialEffect::SetDefault: return "set default";
    case ReferentialEffect::NoAction: return "no action";
  }
  return "?";
}

Json actions(const std::vector<ReferentialAction>& list) {
  Json out = Json::array();
  for (const ReferentialAction& a : list) {
    out.push_back(std::string(a.event == ReferentialEvent::Delete ? "on delete " : "on update ") +
                  effectName(a.effect));
  }
  return out;
}

Json names(const std::vector<Ident>& list) {
  Json out = Json::array();
  for (const Ident& id : list) out.push_back(ident(id));
  return out;
}

struct ColumnConstraintJson {
  Json operator()(const NotNullConstraint&) { return "not null"; }
  Json operator()(const NullConstraint&) { return "null"; }
  Json operator()(const PrimaryKeyConstraint&) { return "primary key"; }
  Json operator()(const UniqueConstraint&) { return "unique"; }
  Json operator()(const DefaultConstraint& c) { return Json{{"default", rawSql(c.value)}}; }
  Json operator()(const CheckConstraint& c) { return Json{{"check", rawSql(c.condition)}}; }
  Json operator()(const ReferencesConstraint& c) {
    return Json{{"references", qualified(c.table)}, {"column", ident(c.column)},
                {"actions", actions(c.actions)}};
  }
  Json operator()(const IdentityConstraint&) { return "generated always as identity"; }
  Json operator()(const GeneratedConstraint& c) { return Json{{"generated", rawSql(c.expression)}}; }
};

Json table(const TableDecl& t) {
  Json j = node("table", t.span);
  j["name"] = ident(t.name);
  j["decorators"] = decorators(t.decorators);
  const Distribution& d = t.distribution;
  switch (d.kind) {
    case DistributionKind::None: j["distribution"] = nullptr; break;
    case DistributionKind::Reference: j["distribution"] = "reference"; break;
    case DistributionKind::Local: j["distribution"] = "local"; break;
    case DistributionKind::Distributed: {
      Json dist{{"by", ident(*d.column)}};
      if (d.colocateWith) dist["colocate_with"] = qualified(*d.colocateWith);
      if (d.shards) dist["shards"] = expr(*d.shards);
      j["distribution"] = dist;
      break;
    }
  }
  j["columns"] = Json::array();
  for (const ColumnDecl& c : t.columns) {
    Json column = node("column", c.span);
    column["name"] = ident(c.name);
    column["decorators"] = decorators(c.decorators);
    Json type{{"name", c.type.name.name}};
    if (!c.type.modifiers.empty()) type["modifiers"] = c.type.modifiers;
    if (c.type.arrayDimensions > 0) type["array_dimensions"] = c.type.arrayDimensions;
    column["type"] = type;
    column["constraints"] = Json::array();
    for (const ColumnConstraint& cc : c.constraints) {
      column["constraints"].push_back(std::visit(ColumnConstraintJson{}, cc.node));
    }
    j["columns"].push_back(column);
  }
  j["constraints"] = Json::array();
  for (const TableConstraint& c : t.constraints) {
    static const char* kinds[] = {"primary_key", "unique", "foreign_key", "check"};
    Json constraint = node(kinds[static_cast<int>(c.kind)], c.span);
    if (c.name) constraint["name"] = ident(*c.name);
    if (c.kind == TableConstraintKind::Check) {
      constraint["check"] = rawSql(*c.check);
    } else {
      constraint["columns"] = names(c.columns);
    }
    if (c.referencedTable) {
      constraint["references"] = qualified(*c.referencedTable);
      constraint["referenced_columns"] = names(c.referencedColumns);
      constraint["actions"] = actions(c.actions);
    }
    j["constraints"].push_back(constraint);
  }
  j["indexes"] = Json::array();
  for (const IndexDecl& i : t.indexes) {
    Json index = node("index", i.span);
    index["unique"] = i.unique;
    if (i.name) index["name"] = ident(*i.name);
    index["elements"] = Json::array();
    for (const IndexElement& e : i.elements) {
      index["elements"].push_back(e.column ? Json(ident(*e.column)) : Json{{"sql", rawSql(*e.expression)}});
    }
    if (i.method) index["using"] = ident(*i.method);
    if (i.where) index["where"] = rawSql(*i.where);
    j["indexes"].push_back(index);
  }
  return j;
}

struct ItemJson {
  const Span& span;
  Json operator()(const ImportDecl& i) {
    Json j = node("import", span);
    j["path"] = i.path;
    if (i.alias) j["alias"] = ident(*i.alias);
    return j;
  }
  Json operator()(const ProjectDecl& p) {
    Json j = node("project", span);
    j["name"] = p.name;
    j["body"] = block(p.body);
    return j;
  }
  Json operator()(const ParamDecl& p) {
    Json j = node("param", span);
    j["name"] = ident(p.name);
    j["type"] = ident(p.type);
    j["default"] = exprOrNull(p.defaultValue);
    return j;
  }
  Json operator()(const LetDecl& l) { return BlockItemJson{}(l); }
  Json operator()(const EnvironmentDecl& e) {
    Json j = node("environment", span);
    j["name"] = ident(e.name);
    if (e.extends) j["extends"] = qualified(*e.extends);
    j["body"] = block(e.body);
    return j;
  }
  Json operator()(const ClusterDecl& c) {
    Json j = node("cluster", span);
    j["name"] = ident(c.name);
    j["body"] = block(c.body);
    return j;
  }
  Json operator()(const SchemaDecl& s) {
    Json j = node("schema", span);
    j["name"] = ident(s.name);
    if (s.cluster) j["on"] = ident(*s.cluster);
    j["distributed"] = s.distributed;
    j["tables"] = Json::array();
    for (const TableDecl& t : s.tables) j["tables"].push_back(table(t));
    return j;
  }
  Json operator()(const RoleDecl& r) {
    Json j = node("role", span);
    j["name"] = ident(r.name);
    if (r.cluster) j["on"] = ident(*r.cluster);
    j["body"] = block(r.body);
    return j;
  }
  Json operator()(const OutputDecl& o) {
    Json j = node("output", span);
    j["name"] = ident(o.name);
    j["value"] = expr(*o.value);
    return j;
  }
};

}  // namespace

nlohmann::ordered_json toJson(const Module& module) {
  Json out;
  out["file"] = module.file ? module.file->path() : "";
  out["items"] = Json::array();
  for (const Item& item : module.items) {
    Json j = std::visit(ItemJson{item.span}, item.node);
    if (!item.decorators.empty()) j["decorators"] = decorators(item.decorators);
    out["items"].push_back(j);
  }
  return out;
}

}  // namespace pgc::ast
