// AST builder: tables, their distribution, columns, constraints and indexes.
#include "ast_builder.h"

namespace pgc::syntax {

ast::TableDecl AstBuilder::transformTable(P::TableDeclContext& table) {
  ast::TableDecl out;
  out.span = span(table);
  out.decorators = transformDecorators(table.decorator());
  out.name = transformIdent(*table.ident());
  if (table.distribution()) out.distribution = transformDistribution(*table.distribution());
  for (P::TableItemContext* item : table.tableItem()) {
    if (item->columnDecl()) out.columns.push_back(transformColumn(*item->columnDecl()));
    if (item->tableConstraint()) {
      out.constraints.push_back(transformTableConstraint(*item->tableConstraint()));
    }
    if (item->indexDecl()) out.indexes.push_back(transformIndex(*item->indexDecl()));
  }
  return out;
}

ast::Distribution AstBuilder::transformDistribution(P::DistributionContext& distribution) {
  ast::Distribution out;
  out.span = span(distribution);
  if (distribution.REFERENCE()) {
    out.kind = ast::DistributionKind::Reference;
  } else if (distribution.LOCAL()) {
    out.kind = ast::DistributionKind::Local;
  } else {
    out.kind = ast::DistributionKind::Distributed;
    out.column = transformIdent(*distribution.ident());
    if (distribution.qualifiedName()) {
      out.colocateWith = transformQualifiedName(*distribution.qualifiedName());
    }
    if (distribution.expr()) out.shards = transformExpr(*distribution.expr());
  }
  return out;
}

ast::ColumnDecl AstBuilder::transformColumn(P::ColumnDeclContext& column) {
  ast::ColumnDecl out;
  out.span = span(column);
  out.decorators = transformDecorators(column.decorator());
  out.name = transformIdent(*column.ident());
  out.type = transformColumnType(*column.columnType());
  for (auto* constraint : column.columnConstraint()) {
    out.constraints.push_back(transformColumnConstraint(*constraint));
  }
  return out;
}

ast::ColumnType AstBuilder::transformColumnType(P::ColumnTypeContext& type) {
  ast::ColumnType out;
  out.span = span(type);
  out.name = transformIdent(*type.ident());
  for (auto* modifier : type.INT()) out.modifiers.push_back(integerValue(modifier->getSymbol()));
  out.arrayDimensions = static_cast<int>(type.LBRACK().size());
  return out;
}

ast::RawSql AstBuilder::transformRawSql(antlr4::tree::TerminalNode* node) {
  std::string text = node->getText();
  return ast::RawSql{text.substr(1, text.size() - 2), span(node->getSymbol())};
}

ast::ColumnConstraint AstBuilder::transformColumnConstraint(P::ColumnConstraintContext& c) {
  ast::ColumnConstraint out;
  out.span = span(c);
  if (c.NOT()) {
    out.node = ast::NotNullConstraint{};
  } else if (c.NULL_KW()) {
    out.node = ast::NullConstraint{};
  } else if (c.PRIMARY()) {
    out.node = ast::PrimaryKeyConstraint{};
  } else if (c.UNIQUE()) {
    out.node = ast::UniqueConstraint{};
  } else if (c.DEFAULT()) {
    out.node = ast::DefaultConstraint{transformRawSql(c.RAW_SQL())};
  } else if (c.CHECK()) {
    out.node = ast::CheckConstraint{transformRawSql(c.RAW_SQL())};
  } else if (c.REFERENCES()) {
    ast::ReferencesConstraint references{transformQualifiedName(*c.qualifiedName()),
                                         transformIdent(*c.ident()), {}};
    for (auto* action : c.referentialAction()) {
      references.actions.push_back(transformReferentialAction(*action));
    }
    out.node = std::move(references);
  } else if (c.IDENTITY()) {
    out.node = ast::IdentityConstraint{};
  } else {
    out.node = ast::GeneratedConstraint{transformRawSql(c.RAW_SQL())};
  }
  return out;
}

ast::TableConstraint AstBuilder::transformTableConstraint(P::TableConstraintContext& c) {
  ast::TableConstraint out;
  out.span = span(c);
  if (c.CONSTRAINT()) out.name = transformIdent(*c.ident());
  std::vector<P::ColumnListContext*> lists = c.columnList();
  if (c.FOREIGN()) {
    out.kind = ast::TableConstraintKind::ForeignKey;
    out.columns = transformColumnList(*lists.at(0));
    out.referencedTable = transformQualifiedName(*c.qualifiedName());
    out.referencedColumns = transformColumnList(*lists.at(1));
    for (auto* action : c.referentialAction()) {
      out.actions.push_back(transformReferentialAction(*action));
    }
  } else if (c.PRIMARY()) {
    out.kind = ast::TableConstraintKind::PrimaryKey;
    out.columns = transformColumnList(*lists.at(0));
  } else if (c.UNIQUE()) {
    out.kind = ast::TableConstraintKind::Unique;
    out.columns = transformColumnList(*lists.at(0));
  } else {
    out.kind = ast::TableConstraintKind::Check;
    out.check = transformRawSql(c.RAW_SQL());
  }
  return out;
}

std::vector<ast::Ident> AstBuilder::transformColumnList(P::ColumnListContext& list) {
  std::vector<ast::Ident> out;
  for (auto* ident : list.ident()) out.push_back(transformIdent(*ident));
  return out;
}

ast::ReferentialAction AstBuilder::transformReferentialAction(P::ReferentialActionContext& a) {
  ast::ReferentialAction out;
  out.span = span(a);
  out.event = a.DELETE() ? ast::ReferentialEvent::Delete : ast::ReferentialEvent::Update;
  P::ReferentialEffectContext* effect = a.referentialEffect();
  if (effect->CASCADE()) out.effect = ast::ReferentialEffect::Cascade;
  else if (effect->RESTRICT()) out.effect = ast::ReferentialEffect::Restrict;
  else if (effect->NULL_KW()) out.effect = ast::ReferentialEffect::SetNull;
  else if (effect->DEFAULT()) out.effect = ast::ReferentialEffect::SetDefault;
  else out.effect = ast::ReferentialEffect::NoAction;
  return out;
}

ast::IndexDecl AstBuilder::transformIndex(P::IndexDeclContext& index) {
  ast::IndexDecl out;
  out.span = span(index);
  out.unique = index.UNIQUE() != nullptr;
  std::vector<P::IdentContext*> names = index.ident();
  // `index NAME (…)` and `using METHOD` are both idents: tell them apart by position.
  for (P::IdentContext* name : names) {
    if (name->getStart()->getTokenIndex() < index.LPAREN()->getSymbol()->getTokenIndex()) {
      out.name = transformIdent(*name);
    } else {
      out.method = transformIdent(*name);
    }
  }
  for (P::IndexElementContext* element : index.indexElement()) {
    ast::IndexElement e;
    e.span = span(*element);
    if (element->ident()) e.column = transformIdent(*element->ident());
    else e.expression = transformRawSql(element->RAW_SQL());
    out.elements.push_back(std::move(e));
  }
  if (index.WHERE()) out.where = transformRawSql(index.RAW_SQL());
  return out;
}

}  // namespace pgc::syntax
