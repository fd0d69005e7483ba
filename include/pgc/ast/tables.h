// Tables of a schema: distribution, columns, constraints and indexes.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "pgc/ast/expr.h"

namespace pgc::ast {

// Backticked SQL, copied verbatim into the SQL output.
struct RawSql {
  std::string text;  // without the backticks
  Span span;
};

enum class DistributionKind { None, Distributed, Reference, Local };
struct Distribution {
  DistributionKind kind = DistributionKind::None;
  std::optional<Ident> column;                // distributed by COLUMN
  std::optional<QualifiedName> colocateWith;  // colocate with TABLE
  ExprPtr shards;                             // shards N
  Span span;
};

struct ColumnType {
  Ident name;
  std::vector<int64_t> modifiers;  // varchar(64), numeric(10, 2)
  int arrayDimensions = 0;
  Span span;
};

enum class ReferentialEvent { Delete, Update };
enum class ReferentialEffect { Cascade, Restrict, SetNull, SetDefault, NoAction };
struct ReferentialAction {
  ReferentialEvent event = ReferentialEvent::Delete;
  ReferentialEffect effect = ReferentialEffect::NoAction;
  Span span;
};

struct NotNullConstraint {};
struct NullConstraint {};
struct PrimaryKeyConstraint {};
struct UniqueConstraint {};
struct DefaultConstraint {
  RawSql value;
};
struct CheckConstraint {
  RawSql condition;
};
struct ReferencesConstraint {
  QualifiedName table;
  Ident column;
  std::vector<ReferentialAction> actions;
};
struct IdentityConstraint {};
struct GeneratedConstraint {
  RawSql expression;
};

using ColumnConstraintNode =
    std::variant<NotNullConstraint, NullConstraint, PrimaryKeyConstraint, UniqueConstraint,
                 DefaultConstraint, CheckConstraint, ReferencesConstraint, IdentityConstraint,
                 GeneratedConstraint>;
struct ColumnConstraint {
  ColumnConstraintNode node;
  Span span;
};

struct ColumnDecl {
  std::vector<Decorator> decorators;
  Ident name;
  ColumnType type;
  std::vector<ColumnConstraint> constraints;
  Span span;
};

enum class TableConstraintKind { PrimaryKey, Unique, ForeignKey, Check };
struct TableConstraint {
  TableConstraintKind kind = TableConstraintKind::PrimaryKey;
  std::optional<Ident> name;
  std::vector<Ident> columns;
  std::optional<QualifiedName> referencedTable;  // foreign key
  std::vector<Ident> referencedColumns;
  std::vector<ReferentialAction> actions;
  std::optional<RawSql> check;
  Span span;
};

// An index element is a column or a raw SQL expression such as `lower(email)`.
struct IndexElement {
  std::optional<Ident> column;
  std::optional<RawSql> expression;
  Span span;
};

struct IndexDecl {
  bool unique = false;
  std::optional<Ident> name;
  std::vector<IndexElement> elements;
  std::optional<Ident> method;
  std::optional<RawSql> where;
  Span span;
};

struct TableDecl {
  std::vector<Decorator> decorators;
  Ident name;
  Distribution distribution;
  std::vector<ColumnDecl> columns;
  std::vector<TableConstraint> constraints;
  std::vector<IndexDecl> indexes;
  Span span;
};

}  // namespace pgc::ast
