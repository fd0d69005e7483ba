// Top-level items of a module and the blocks inside them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "pgc/ast/expr.h"
#include "pgc/ast/tables.h"

namespace pgc::ast {

struct LetDecl {
  Ident name;
  ExprPtr value;
  Span span;
};

struct Block;

// `name = value` inside a block.
struct Attribute {
  Ident name;
  ExprPtr value;
  Span span;
};

enum class GrantTargetKind { Schema, Table, AllTablesInSchema };
struct Grant {
  std::vector<Ident> privileges;
  GrantTargetKind targetKind = GrantTargetKind::Schema;
  QualifiedName target;
  Span span;
};

struct NestedBlock;
struct WhenBlock;
using BlockItem = std::variant<Attribute, LetDecl, Grant, std::unique_ptr<NestedBlock>,
                               std::unique_ptr<WhenBlock>>;

// `{ … }`: the body of project, environment, cluster, role and nested blocks.
struct Block {
  std::vector<BlockItem> items;
  Span span;
};

// `backup { … }`
struct NestedBlock {
  Ident name;
  Block body;
  Span span;
};

// `when COND { … }`
struct WhenBlock {
  ExprPtr condition;
  Block body;
  Span span;
};

struct ImportDecl {
  std::string path;
  Span pathSpan;
  std::optional<Ident> alias;
};

struct ProjectDecl {
  std::string name;
  Span nameSpan;
  Block body;
};

struct ParamDecl {
  Ident name;
  Ident type;
  ExprPtr defaultValue;
};

struct EnvironmentDecl {
  Ident name;
  std::optional<QualifiedName> extends;
  Block body;
};

struct ClusterDecl {
  Ident name;
  Block body;
};

struct SchemaDecl {
  Ident name;
  std::optional<Ident> cluster;
  bool distributed = false;
  Span distributedSpan;
  std::vector<TableDecl> tables;
};

struct RoleDecl {
  Ident name;
  std::optional<Ident> cluster;
  Block body;
};

struct OutputDecl {
  Ident name;
  ExprPtr value;
};

using ItemNode = std::variant<ImportDecl, ProjectDecl, ParamDecl, LetDecl, EnvironmentDecl,
                              ClusterDecl, SchemaDecl, RoleDecl, OutputDecl>;

struct Item {
  std::vector<Decorator> decorators;
  ItemNode node;
  Span span;
};

// One parsed file.
struct Module {
  SourceFilePtr file;
  std::vector<Item> items;
};

}  // namespace pgc::ast
