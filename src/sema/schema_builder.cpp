// The Model of schemas and tables: columns and constraints collected, then every reference
// — distribution column, colocation target, foreign keys, indexes — resolved.
#include <fmt/format.h>

#include <map>

#include <algorithm>

#include "model_builder.h"
#include "suggest.h"

namespace pgc::sema {
namespace {

model::ReferentialEffect effectOf(ast::ReferentialEffect effect) {
  switch (effect) {
    case ast::ReferentialEffect::Cascade: return model::ReferentialEffect::Cascade;
    case ast::ReferentialEffect::Restrict: return model::ReferentialEffect::Restrict;
    case ast::ReferentialEffect::SetNull: return model::ReferentialEffect::SetNull;
    case ast::ReferentialEffect::SetDefault: return model::ReferentialEffect::SetDefault;
    case ast::ReferentialEffect::NoAction: return model::ReferentialEffect::NoAction;
  }
  return model::ReferentialEffect::NoAction;
}

void applyActions(const std::vector<ast::ReferentialAction>& actions, model::ForeignKey& fk) {
  for (const ast::ReferentialAction& a : actions) {
    (a.event == ast::ReferentialEvent::Delete ? fk.onDelete : fk.onUpdate) = effectOf(a.effect);
  }
}

std::vector<std::string> names(const std::vector<ast::Ident>& idents) {
  std::vector<std::string> out;
  for (const ast::Ident& i : idents) out.push_back(i.name);
  return out;
}

// Records the first definition of each name; reports any later one, pointing at both.
bool firstDefinition(std::map<std::string, Span>& seen, const char* kind, const ast::Ident& name,
                     Diagnostics& sink) {
  auto [it, inserted] = seen.emplace(name.name, name.span);
  if (inserted) return true;
  sink.report(DiagCode::DuplicateDefinition, name.span, kind, name.name)
      .note(it->second, fmt::format("{} `{}` is first defined here", kind, name.name))
      .help("rename or remove one of them");
  return false;
}

std::vector<std::string> columnNames(const model::Table& table) {
  std::vector<std::string> out;
  for (const model::Column& c : table.columns) out.push_back(c.name);
  return out;
}

}  // namespace

void ModelBuilder::buildSchemas() {
  for (const auto& declared : index_.schemas) {
    const ast::SchemaDecl& decl = *declared.decl;
    model::Schema schema;
    schema.name = decl.name.name;
    schema.span = decl.name.span;
    schema.description = describe(declared.item->decorators, declared.item->span);
    schema.cluster = clusterFor("schema", decl.name, decl.cluster);
    schema.distributed = decl.distributed;
    std::map<std::string, Span> seen;
    for (const ast::TableDecl& table : decl.tables) {
      if (!firstDefinition(seen, "table", table.name, sink_)) continue;
      schema.tables.push_back(buildTable(table, schema.name));
    }
    model_.schemas.push_back(std::move(schema));
    schemaDecls_.push_back(&decl);
  }
  // References can point forward and across schemas: resolve once every table exists.
  for (size_t s = 0; s < model_.schemas.size(); ++s) {
    std::map<std::string, const ast::TableDecl*> decls;
    for (const ast::TableDecl& t : schemaDecls_[s]->tables) decls.emplace(t.name.name, &t);
    for (model::Table& table : model_.schemas[s].tables) {
      resolveTableReferences(table, *decls.at(table.name));
    }
  }
}

model::Table ModelBuilder::buildTable(const ast::TableDecl& decl, const std::string& schema) {
  model::Table table;
  table.schema = schema;
  table.name = decl.name.name;
  table.span = decl.name.span;
  table.description = describe(decl.decorators, decl.span);
  std::map<std::string, Span> seen;
  for (const ast::ColumnDecl& c : decl.columns) {
    if (!firstDefinition(seen, "column", c.name, sink_)) continue;
    model::Column column;
    column.name = c.name.name;
    column.span = c.name.span;
    column.description = describe(c.decorators, c.span);
    column.type = {c.type.name.name, c.type.modifiers, c.type.arrayDimensions, c.type.span};
    for (const ast::ColumnConstraint& constraint : c.constraints) {
      std::visit(
          [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, ast::NotNullConstraint>) column.notNull = true;
            if constexpr (std::is_same_v<T, ast::PrimaryKeyConstraint>) {
              column.primaryKey = true;
              column.notNull = true;
            }
            if constexpr (std::is_same_v<T, ast::UniqueConstraint>) column.unique = true;
            if constexpr (std::is_same_v<T, ast::DefaultConstraint>) column.defaultSql = node.value.text;
            if constexpr (std::is_same_v<T, ast::CheckConstraint>) column.checkSql = node.condition.text;
            if constexpr (std::is_same_v<T, ast::IdentityConstraint>) column.identity = true;
            if constexpr (std::is_same_v<T, ast::GeneratedConstraint>) {
              column.generatedSql = node.expression.text;
            }
          },
          constraint.node);
    }
    if (column.primaryKey) {
      if (table.primaryKey) {
        sink_.report(DiagCode::DuplicateDefinition, c.name.span, "primary key of table", table.name)
            .note(table.primaryKey->span, "the first primary key")
            .help("a table has one primary key; list several columns in `primary key (a, b)`");
      } else {
        table.primaryKey = model::KeyConstraint{"", {column.name}, c.span};
      }
    }
    if (column.unique) table.uniques.push_back({"", {column.name}, c.span});
    table.columns.push_back(std::move(column));
  }
  for (const ast::TableConstraint& c : decl.constraints) {
    std::string name = c.name ? c.name->name : "";
    switch (c.kind) {
      case ast::TableConstraintKind::PrimaryKey:
        if (table.primaryKey) {
          sink_.report(DiagCode::DuplicateDefinition, c.span, "primary key of table", table.name)
              .note(table.primaryKey->span, "the first primary key")
              .help("a table has one primary key; list several columns in `primary key (a, b)`");
        } else {
          table.primaryKey = model::KeyConstraint{name, names(c.columns), c.span};
        }
        break;
      case ast::TableConstraintKind::Unique:
        table.uniques.push_back({name, names(c.columns), c.span});
        break;
      case ast::TableConstraintKind::Check:
        table.checks.push_back({name, c.check->text, c.span});
        break;
      case ast::TableConstraintKind::ForeignKey:
        break;  // resolved with the other references
    }
  }
  for (const ast::IndexDecl& i : decl.indexes) {
    model::Index index;
    index.name = i.name ? i.name->name : "";
    index.unique = i.unique;
    index.method = i.method ? i.method->name : "";
    if (i.where) index.whereSql = i.where->text;
    index.span = i.span;
    for (const ast::IndexElement& e : i.elements) {
      index.elements.push_back(e.column ? e.column->name : e.expression->text);
      index.elementIsSql.push_back(!e.column);
    }
    table.indexes.push_back(std::move(index));
  }
  return table;
}

std::optional<model::TableRef> ModelBuilder::resolveTable(const ast::QualifiedName& name,
                                                          const std::string& fromSchema) {
  std::string schema = name.parts.size() > 1 ? name.parts[0].name : fromSchema;
  const ast::Ident& table = name.parts.back();
  std::vector<std::string> schemas;
  for (const model::Schema& s : model_.schemas) schemas.push_back(s.name);
  auto found = std::find_if(model_.schemas.begin(), model_.schemas.end(),
                            [&](const model::Schema& s) { return s.name == schema; });
  if (name.parts.size() > 2 || found == model_.schemas.end()) {
    Diagnostic& d = sink_.report(DiagCode::UnknownSchema, name.parts[0].span, name.parts[0].name);
    suggestName(d, name.parts[0].name, schemas);
    return std::nullopt;
  }
  std::vector<std::string> tables;
  for (const model::Table& t : found->tables) {
    if (t.name == table.name) return model::TableRef{schema, table.name};
    tables.push_back(t.name);
  }
  Diagnostic& d = sink_.report(DiagCode::UnknownTable, table.span, table.name, schema);
  suggestName(d, table.name, tables);
  return std::nullopt;
}

void ModelBuilder::resolveTableReferences(model::Table& table, const ast::TableDecl& decl) {
  auto checkColumn = [&](const model::Table& owner, const ast::Ident& column) {
    if (owner.column(column.name)) return true;
    Diagnostic& d = sink_.report(DiagCode::UnknownColumn, column.span, column.name, owner.name);
    suggestName(d, column.name, columnNames(owner));
    return false;
  };
  auto checkColumns = [&](const model::Table& owner, const std::vector<ast::Ident>& columns) {
    bool ok = true;
    for (const ast::Ident& c : columns) ok = checkColumn(owner, c) && ok;
    return ok;
  };
  const ast::Distribution& d = decl.distribution;
  model::Distribution& out = table.distribution;
  out.span = d.span;
  out.kind = static_cast<model::DistributionKind>(static_cast<int>(d.kind));
  if (d.kind == ast::DistributionKind::Distributed) {
    out.column = d.column->name;
    out.columnSpan = d.column->span;
    checkColumn(table, *d.column);
    if (d.colocateWith) {
      out.colocateWith = resolveTable(*d.colocateWith, table.schema);
      out.colocateSpan = d.colocateWith->span;
    }
    if (d.shards) {
      Value shards = evaluator_.eval(*d.shards);
      out.shardsSpan = shards.span;
      if (auto* n = shards.as<int64_t>()) {
        out.shards = *n;
      } else if (evaluator_.requireKnown(shards, "a shard count")) {
        sink_.report(DiagCode::TypeMismatch, shards.span, "shards", "an int", describeType(shards));
      }
    }
  }
  for (const ast::TableConstraint& c : decl.constraints) {
    if (c.kind != ast::TableConstraintKind::ForeignKey) {
      if (c.kind != ast::TableConstraintKind::Check) checkColumns(table, c.columns);
      continue;
    }
    bool ok = checkColumns(table, c.columns);
    std::optional<model::TableRef> target = resolveTable(*c.referencedTable, table.schema);
    if (!target || !ok) continue;
    const model::Table* referenced = target->table == table.name && target->schema == table.schema
                                         ? &table
                                         : model_.table(*target);
    if (!checkColumns(*referenced, c.referencedColumns)) continue;
    if (c.columns.size() != c.referencedColumns.size()) {
      auto columns = [](size_t n) { return fmt::format("{} column{}", n, n == 1 ? "" : "s"); };
      sink_.report(DiagCode::ColumnCountMismatch, c.span, columns(c.columns.size()),
                   columns(c.referencedColumns.size()))
          .help("list as many referenced columns as referencing ones, in the same order");
      continue;
    }
    model::ForeignKey fk{c.name ? c.name->name : "", names(c.columns), *target,
                         names(c.referencedColumns), model::ReferentialEffect::NoAction,
                         model::ReferentialEffect::NoAction, c.span};
    applyActions(c.actions, fk);
    table.foreignKeys.push_back(std::move(fk));
  }
  for (const ast::ColumnDecl& column : decl.columns) {
    for (const ast::ColumnConstraint& constraint : column.constraints) {
      const auto* ref = std::get_if<ast::ReferencesConstraint>(&constraint.node);
      if (!ref) continue;
      std::optional<model::TableRef> target = resolveTable(ref->table, table.schema);
      if (!target) continue;
      const model::Table* referenced = target->table == table.name && target->schema == table.schema
                                           ? &table
                                           : model_.table(*target);
      if (!checkColumn(*referenced, ref->column)) continue;
      model::ForeignKey fk{"", {column.name.name}, *target, {ref->column.name},
                           model::ReferentialEffect::NoAction, model::ReferentialEffect::NoAction,
                           constraint.span};
      applyActions(ref->actions, fk);
      table.foreignKeys.push_back(std::move(fk));
    }
  }
  for (const ast::IndexDecl& index : decl.indexes) {
    for (const ast::IndexElement& e : index.elements) {
      if (e.column) checkColumn(table, *e.column);
    }
  }
}

}  // namespace pgc::sema
