// Builds the Model of one environment from the indexed program. Its methods live in
// model_builder.cpp (project, parameters, outputs, decorators), cluster_builder.cpp,
// schema_builder.cpp and role_builder.cpp.
#pragma once

#include "program_scope.h"

namespace pgc::sema {

class ModelBuilder {
 public:
  ModelBuilder(const ProgramIndex& index, const EnvContext& env, Diagnostics& sink);
  model::Model build();

 private:
  void buildProject();
  void buildParams();
  void buildClusters();
  model::Cluster buildCluster(const Declared<ast::ClusterDecl>& cluster);
  void buildSchemas();
  model::Table buildTable(const ast::TableDecl& table, const std::string& schema);
  void resolveTableReferences(model::Table& table, const ast::TableDecl& decl);
  std::optional<model::TableRef> resolveTable(const ast::QualifiedName& name,
                                              const std::string& fromSchema);
  void buildRoles();
  void buildOutputs();
  // The cluster a schema or role is on: `on NAME`, or the only cluster.
  std::string clusterFor(const char* kind, const ast::Ident& name,
                         const std::optional<ast::Ident>& on);
  // Checks the decorators of the construct at `item`; records its `@allow`s and returns the
  // text of its `@description`, if any.
  std::string describe(const std::vector<ast::Decorator>& decorators, const Span& item);

  const ProgramIndex& index_;
  const EnvContext& env_;
  Diagnostics& sink_;
  LetCache lets_;
  ProgramScope scope_;
  Evaluator evaluator_;
  model::Model model_;
  std::vector<const ast::SchemaDecl*> schemaDecls_;
};

}  // namespace pgc::sema
