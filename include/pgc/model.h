// The Model: what one environment deploys, fully resolved, every default filled in.
// Rules and emitters read only this; spans point back at where each value was written.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pgc/source.h"

namespace pgc::model {

// A value and the place it came from (the field that set it, or the block that defaulted it).
template <typename T>
struct Located {
  T value{};
  Span span;
  bool defaulted = true;
};

enum class Stage { Dev, Test, Staging, Prod };
enum class Scope { ResourceGroup, Subscription };
enum class ClusterKind { Elastic, Flexible };
enum class Tier { Burstable, GeneralPurpose, MemoryOptimized };
enum class HighAvailability { Disabled, ZoneRedundant, SameZone };
enum class PrincipalKind { User, Group, ServicePrincipal };
enum class ParamType { String, Int, Bool, Secret };

const char* name(Stage stage);
const char* name(Scope scope);
const char* name(ClusterKind kind);
const char* name(Tier tier);
const char* name(HighAvailability mode);
const char* name(PrincipalKind kind);
const char* name(ParamType type);

using Tags = std::vector<std::pair<std::string, std::string>>;  // sorted by key

// A value only known at deploy time: an ARM parameter.
struct ParamRef {
  std::string param;
};

struct Param {
  std::string name;
  ParamType type = ParamType::String;
  std::string description;
  std::optional<std::string> defaultValue;  // rendered as JSON text
  bool hasDefault = false;
  Span span;
  Span defaultSpan;  // the default's value, when there is one
};

struct NamedValue {
  std::string name;
  std::string value;
  Span span;
};

struct Project {
  std::string name;
  std::string description;
  Tags tags;
  // `severities = { PGC2104 = "error" }`: rule code → severity, checked by the rules.
  std::vector<NamedValue> severities;
  Span span;
};

struct Environment {
  std::string name;
  Located<Stage> stage;
  Located<std::string> location;
  Located<std::string> subscription;
  Located<std::string> resourceGroup;
  Located<Scope> scope;
  Tags tags;
  std::vector<std::pair<std::string, std::string>> variables;  // `let`s, rendered
  Span span;
};

struct Principal {
  PrincipalKind kind = PrincipalKind::User;
  std::string name;
  std::string objectId;  // empty when not pinned
  Span span;
};

struct FirewallRule {
  std::string name;
  std::string value;  // an IP, a CIDR or "A-B", as written
  Span span;
};

struct Cluster {
  std::string name;  // the pgc name
  Located<std::string> resourceName;
  Located<std::string> location;
  Located<ClusterKind> kind;
  Located<int64_t> version;
  Located<int64_t> nodes;  // elastic clusters; 0 means not set on a flexible server
  Located<std::string> sku;
  Located<Tier> tier;
  Located<int64_t> storageGB;
  Located<bool> storageAutogrow;
  Located<HighAvailability> highAvailability;
  Located<std::string> zone;
  Located<std::string> standbyZone;
  Located<int64_t> backupRetentionDays;
  Located<bool> geoRedundantBackup;
  Located<bool> entraAuth;
  Located<bool> passwordAuth;
  Located<std::string> adminLogin;
  Located<std::optional<ParamRef>> adminPassword;
  std::vector<Principal> entraAdmins;
  Located<bool> publicAccess;
  std::vector<FirewallRule> firewall;
  Located<std::string> subnet;
  Located<std::string> privateDnsZone;
  std::vector<NamedValue> extensions;  // value unused; name and span
  std::vector<NamedValue> settings;
  Located<std::string> database;
  Tags tags;
  Span span;
};

enum class DistributionKind { None, Distributed, Reference, Local };
enum class ReferentialEffect { NoAction, Cascade, Restrict, SetNull, SetDefault };
const char* name(DistributionKind kind);
const char* name(ReferentialEffect effect);

struct ColumnType {
  std::string name;  // as written: bigint, varchar, timestamptz
  std::vector<int64_t> modifiers;
  int arrayDimensions = 0;
  std::string sql() const;  // varchar(64), text[]
  Span span;
};

struct Column {
  std::string name;
  ColumnType type;
  bool notNull = false;
  bool primaryKey = false;
  bool unique = false;
  std::optional<std::string> defaultSql;
  std::optional<std::string> checkSql;
  bool identity = false;
  std::optional<std::string> generatedSql;
  std::string description;
  Span span;
};

// A table by schema and name, resolved.
struct TableRef {
  std::string schema;
  std::string table;
  bool operator==(const TableRef& other) const {
    return schema == other.schema && table == other.table;
  }
};

struct ForeignKey {
  std::string name;  // empty when not named
  std::vector<std::string> columns;
  TableRef referenced;
  std::vector<std::string> referencedColumns;
  ReferentialEffect onDelete = ReferentialEffect::NoAction;
  ReferentialEffect onUpdate = ReferentialEffect::NoAction;
  Span span;
};

struct KeyConstraint {
  std::string name;
  std::vector<std::string> columns;
  Span span;
};

struct CheckConstraint {
  std::string name;
  std::string sql;
  Span span;
};

struct Index {
  std::string name;  // empty when not named
  bool unique = false;
  std::vector<std::string> elements;  // column names, or SQL expressions
  std::vector<bool> elementIsSql;
  std::string method;
  std::optional<std::string> whereSql;
  Span span;
};

struct Distribution {
  DistributionKind kind = DistributionKind::None;
  std::string column;
  Span columnSpan;
  std::optional<TableRef> colocateWith;
  Span colocateSpan;
  std::optional<int64_t> shards;
  Span shardsSpan;
  Span span;
};

struct Table {
  std::string schema;
  std::string name;
  Distribution distribution;
  std::vector<Column> columns;
  std::optional<KeyConstraint> primaryKey;  // from the table or a column constraint
  std::vector<KeyConstraint> uniques;
  std::vector<ForeignKey> foreignKeys;  // table constraints and column references
  std::vector<CheckConstraint> checks;
  std::vector<Index> indexes;
  std::string description;
  Span span;
  const Column* column(const std::string& name) const;
};

struct Schema {
  std::string name;
  std::string cluster;
  bool distributed = false;
  std::vector<Table> tables;
  std::string description;
  Span span;
};

enum class GrantTarget { Schema, Table, AllTablesInSchema };
struct Grant {
  std::vector<std::string> privileges;
  GrantTarget target = GrantTarget::Schema;
  std::string schema;
  std::string table;  // for GrantTarget::Table
  Span span;
};

struct Role {
  std::string name;
  std::string cluster;
  std::optional<Principal> principal;
  bool login = false;
  std::optional<ParamRef> password;
  std::vector<Grant> grants;
  std::string description;
  Span span;
};

// `output host = main.fqdn` or a compile-time value.
struct Output {
  std::string name;
  std::string cluster;    // set for a resource attribute
  std::string attribute;  // fqdn, id, name
  std::optional<std::string> value;  // a compile-time value, rendered as JSON text
  std::string type;       // string, int, bool, array, object
  Span span;
};

// `@allow(PGC2101, reason = "…")`: the code is silenced inside `item`.
struct Suppression {
  std::string code;  // as written: PGC2101
  std::string reason;
  Span item;       // the whole construct the decorator stands on
  Span decorator;  // the decorator itself
};

struct Model {
  Environment environment;
  Project project;
  std::vector<Param> params;
  std::vector<Cluster> clusters;
  std::vector<Schema> schemas;
  std::vector<Role> roles;
  std::vector<Output> outputs;
  std::vector<Suppression> suppressions;

  const Cluster* cluster(const std::string& name) const;
  const Table* table(const TableRef& ref) const;
};

}  // namespace pgc::model
