// Builds pgc's owned AST from a clean parse tree. A plain transformer: one method per
// grammar rule, taking the generated context, returning an AST value. The methods live in
// build_items.cpp, build_tables.cpp and build_expressions.cpp.
#pragma once

#include "PgcLexer.h"
#include "PgcParser.h"
#include "pgc/ast.h"
#include "pgc/diagnostics.h"
#include "token_positions.h"

namespace pgc::syntax {

class AstBuilder {
 public:
  using P = generated::PgcParser;

  AstBuilder(const TokenPositions& positions, Diagnostics& sink)
      : positions_(positions), sink_(sink) {}

  void buildProgram(P::ProgramContext& program, ast::Module& module);

 private:
  // items
  ast::Item transformItem(P::ItemContext& item);
  ast::ItemNode transformDeclaration(P::DeclarationContext& declaration);
  ast::ImportDecl transformImport(P::ImportDeclContext& import);
  ast::LetDecl transformLet(P::LetDeclContext& let);
  ast::Decorator transformDecorator(P::DecoratorContext& decorator);
  std::vector<ast::Decorator> transformDecorators(const std::vector<P::DecoratorContext*>& list);
  ast::Block transformBlock(P::BlockContext& block);
  ast::BlockItem transformBlockItem(P::BlockItemContext& item);
  ast::Grant transformGrant(P::GrantStmtContext& grant);
  ast::SchemaDecl transformSchema(P::SchemaDeclContext& schema);

  // tables
  ast::TableDecl transformTable(P::TableDeclContext& table);
  ast::Distribution transformDistribution(P::DistributionContext& distribution);
  ast::ColumnDecl transformColumn(P::ColumnDeclContext& column);
  ast::ColumnType transformColumnType(P::ColumnTypeContext& type);
  ast::ColumnConstraint transformColumnConstraint(P::ColumnConstraintContext& constraint);
  ast::TableConstraint transformTableConstraint(P::TableConstraintContext& constraint);
  ast::IndexDecl transformIndex(P::IndexDeclContext& index);
  std::vector<ast::Ident> transformColumnList(P::ColumnListContext& list);
  ast::ReferentialAction transformReferentialAction(P::ReferentialActionContext& action);
  ast::RawSql transformRawSql(antlr4::tree::TerminalNode* node);

  // expressions
  ast::ExprPtr transformExpr(P::ExprContext& expr);
  ast::ExprNode transformExprNode(P::ExprContext& expr);
  ast::ExprNode transformPrimary(P::PrimaryContext& primary);
  ast::ExprNode transformUnitLiteral(antlr4::Token* token);
  ast::StringLiteral transformString(P::StringContext& string);
  std::vector<ast::Argument> transformArguments(P::ArgumentsContext* arguments);
  int64_t integerValue(antlr4::Token* token);

  // names and spans
  ast::Ident transformIdent(P::IdentContext& ident);
  ast::QualifiedName transformQualifiedName(P::QualifiedNameContext& name);
  Span span(antlr4::ParserRuleContext& context) const { return positions_.span(&context); }
  Span span(antlr4::Token* token) const { return positions_.span(token); }

  const TokenPositions& positions_;
  Diagnostics& sink_;
};

}  // namespace pgc::syntax
