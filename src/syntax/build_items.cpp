// AST builder: top-level items, decorators, blocks and their contents.
#include "ast_builder.h"

namespace pgc::syntax {

void AstBuilder::buildProgram(P::ProgramContext& program, ast::Module& module) {
  for (P::ItemContext* item : program.item()) {
    if (item->SEMI()) continue;
    module.items.push_back(transformItem(*item));
  }
}

ast::Item AstBuilder::transformItem(P::ItemContext& item) {
  ast::Item out;
  out.span = span(item);
  if (item.importDecl()) {
    out.node = transformImport(*item.importDecl());
    return out;
  }
  out.decorators = transformDecorators(item.decorator());
  out.node = transformDeclaration(*item.declaration());
  return out;
}

ast::ItemNode AstBuilder::transformDeclaration(P::DeclarationContext& d) {
  if (auto* project = d.projectDecl()) {
    ast::StringLiteral name = transformString(*project->string());
    return ast::ProjectDecl{name.plainText(), span(*project->string()),
                            transformBlock(*project->block())};
  }
  if (auto* param = d.paramDecl()) {
    return ast::ParamDecl{transformIdent(*param->ident(0)), transformIdent(*param->ident(1)),
                          param->expr() ? transformExpr(*param->expr()) : nullptr};
  }
  if (auto* let = d.letDecl()) return transformLet(*let);
  if (auto* environment = d.environmentDecl()) {
    ast::EnvironmentDecl out{transformIdent(*environment->ident()), std::nullopt,
                             transformBlock(*environment->block())};
    if (environment->qualifiedName()) {
      out.extends = transformQualifiedName(*environment->qualifiedName());
    }
    return out;
  }
  if (auto* cluster = d.clusterDecl()) {
    return ast::ClusterDecl{transformIdent(*cluster->ident()), transformBlock(*cluster->block())};
  }
  if (auto* schema = d.schemaDecl()) return transformSchema(*schema);
  if (auto* role = d.roleDecl()) {
    ast::RoleDecl out{transformIdent(*role->ident(0)), std::nullopt,
                      transformBlock(*role->block())};
    if (role->ident().size() > 1) out.cluster = transformIdent(*role->ident(1));
    return out;
  }
  auto* output = d.outputDecl();
  return ast::OutputDecl{transformIdent(*output->ident()), transformExpr(*output->expr())};
}

ast::ImportDecl AstBuilder::transformImport(P::ImportDeclContext& import) {
  ast::StringLiteral path = transformString(*import.string());
  ast::ImportDecl out{path.plainText(), span(*import.string()), std::nullopt};
  if (!path.isPlain()) sink_.report(DiagCode::InterpolatedImport, out.pathSpan);
  if (import.ident()) out.alias = transformIdent(*import.ident());
  return out;
}

ast::LetDecl AstBuilder::transformLet(P::LetDeclContext& let) {
  return ast::LetDecl{transformIdent(*let.ident()), transformExpr(*let.expr()), span(let)};
}

ast::Decorator AstBuilder::transformDecorator(P::DecoratorContext& decorator) {
  return ast::Decorator{transformIdent(*decorator.ident()),
                        transformArguments(decorator.arguments()), span(decorator)};
}

std::vector<ast::Decorator> AstBuilder::transformDecorators(
    const std::vector<P::DecoratorContext*>& list) {
  std::vector<ast::Decorator> out;
  for (auto* decorator : list) out.push_back(transformDecorator(*decorator));
  return out;
}

ast::Block AstBuilder::transformBlock(P::BlockContext& block) {
  ast::Block out;
  out.span = span(block);
  for (P::BlockItemContext* item : block.blockItem()) {
    if (item->SEMI()) continue;
    out.items.push_back(transformBlockItem(*item));
  }
  return out;
}

ast::BlockItem AstBuilder::transformBlockItem(P::BlockItemContext& item) {
  if (item.letDecl()) return transformLet(*item.letDecl());
  if (item.grantStmt()) return transformGrant(*item.grantStmt());
  if (item.WHEN()) {
    auto when = std::make_unique<ast::WhenBlock>();
    when->condition = transformExpr(*item.expr());
    when->body = transformBlock(*item.block());
    when->span = span(item);
    return when;
  }
  if (item.ASSIGN()) {
    return ast::Attribute{transformIdent(*item.ident()), transformExpr(*item.expr()), span(item)};
  }
  auto nested = std::make_unique<ast::NestedBlock>();
  nested->name = transformIdent(*item.ident());
  nested->body = transformBlock(*item.block());
  nested->span = span(item);
  return nested;
}

ast::Grant AstBuilder::transformGrant(P::GrantStmtContext& grant) {
  ast::Grant out;
  out.span = span(grant);
  for (auto* privilege : grant.privilege()) out.privileges.push_back(transformIdent(*privilege->ident()));
  P::GrantTargetContext* target = grant.grantTarget();
  if (target->ALL()) out.targetKind = ast::GrantTargetKind::AllTablesInSchema;
  else if (target->TABLE()) out.targetKind = ast::GrantTargetKind::Table;
  else out.targetKind = ast::GrantTargetKind::Schema;
  out.target = transformQualifiedName(*target->qualifiedName());
  return out;
}

ast::SchemaDecl AstBuilder::transformSchema(P::SchemaDeclContext& schema) {
  ast::SchemaDecl out;
  out.name = transformIdent(*schema.ident(0));
  if (schema.ident().size() > 1) out.cluster = transformIdent(*schema.ident(1));
  if (schema.DISTRIBUTED()) {
    out.distributed = true;
    out.distributedSpan = span(schema.DISTRIBUTED()->getSymbol());
  }
  for (P::SchemaItemContext* item : schema.schemaItem()) {
    if (item->tableDecl()) out.tables.push_back(transformTable(*item->tableDecl()));
  }
  return out;
}

ast::Ident AstBuilder::transformIdent(P::IdentContext& ident) {
  return ast::Ident{ident.getText(), span(ident)};
}

ast::QualifiedName AstBuilder::transformQualifiedName(P::QualifiedNameContext& name) {
  ast::QualifiedName out;
  out.span = span(name);
  for (auto* part : name.ident()) out.parts.push_back(transformIdent(*part));
  return out;
}

}  // namespace pgc::syntax
