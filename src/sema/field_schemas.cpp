// Field declarations of every block. Defaults follow platform.md (the Azure quickstart's
// values where Azure has none of its own).
#include "pgc/field_schemas.h"

#include <map>

namespace pgc {

const FieldSpec* BlockSpec::field(const std::string& wanted) const {
  for (const FieldSpec& f : fields) {
    if (wanted == f.name) return &f;
  }
  return nullptr;
}

const BlockSpec* BlockSpec::block(const std::string& wanted) const {
  for (const BlockSpec* b : blocks) {
    if (wanted == b->name) return b;
  }
  return nullptr;
}

const std::vector<std::string>& enumMembers(const std::string& enumName) {
  static const std::map<std::string, std::vector<std::string>> enums = {
      {"stage", {"dev", "test", "staging", "prod"}},
      {"scope", {"resource_group", "subscription"}},
      {"kind", {"elastic", "flexible"}},
      {"tier", {"burstable", "general_purpose", "memory_optimized"}},
      {"high_availability", {"disabled", "zone_redundant", "same_zone"}},
  };
  static const std::vector<std::string> none;
  auto it = enums.find(enumName);
  return it == enums.end() ? none : it->second;
}

std::string fieldTypeName(const FieldSpec& field) {
  switch (field.type) {
    case FieldType::Int: return "an int";
    case FieldType::String: return "a string";
    case FieldType::Bool: return "a bool";
    case FieldType::Size: return "a size such as `128GB`";
    case FieldType::Duration: return "a duration such as `7d`";
    case FieldType::Enum: {
      std::string out;
      const auto& members = enumMembers(field.enumName);
      for (size_t i = 0; i < members.size(); ++i) {
        if (i) out += i + 1 == members.size() ? " or " : ", ";
        out += "`" + members[i] + "`";
      }
      return out;
    }
    case FieldType::Secret: return "a `secret` parameter";
    case FieldType::Principal: return "a principal such as `user(\"…\")`";
    case FieldType::PrincipalList: return "a list of principals";
    case FieldType::NameList: return "a list of names";
    case FieldType::StringMap: return "an object";
    case FieldType::Clause: return "a clause";
  }
  return "a value";
}

const BlockSpec& projectSpec() {
  static const BlockSpec spec{
      "project",
      {
          {"description", FieldType::String, "", "\"\"", false, "what the project is, for people"},
          {"tags", FieldType::StringMap, "", "{}", false, "Azure tags on every resource"},
          {"severities", FieldType::StringMap, "", "{}", false,
           "rule code → \"error\", \"warning\" or \"note\": the project's severity of a platform rule"},
      },
      {}};
  return spec;
}

const BlockSpec& environmentSpec() {
  static const BlockSpec spec{
      "environment",
      {
          {"stage", FieldType::Enum, "stage", "the name, when it is a stage", false,
           "the kind of environment: dev, test, staging or prod; prod-stage policies apply to prod"},
          {"location", FieldType::String, "", "", true, "the Azure region, such as `australiaeast`"},
          {"subscription", FieldType::String, "", "\"\"", false,
           "the Azure subscription id deployments go to"},
          {"resource_group", FieldType::String, "", "\"${project}-${env}-rg\"", false,
           "the resource group the resources are deployed into"},
          {"scope", FieldType::Enum, "scope", "resource_group", false,
           "`subscription` makes the template create the resource group itself"},
          {"tags", FieldType::StringMap, "", "{}", false,
           "Azure tags, merged over the project's"},
      },
      {},
      /*allowsLet=*/true};
  return spec;
}

namespace {

const BlockSpec& backupSpec() {
  static const BlockSpec spec{
      "backup",
      {
          {"retention", FieldType::Duration, "", "7d", false,
           "how long backups are kept: 7 to 35 days"},
          {"geo_redundant", FieldType::Bool, "", "false", false,
           "keep a copy of backups in the paired region; set only at creation"},
      },
      {}};
  return spec;
}

const BlockSpec& authSpec() {
  static const BlockSpec spec{
      "auth",
      {
          {"entra", FieldType::Bool, "", "false", false, "allow Microsoft Entra ID authentication"},
          {"password", FieldType::Bool, "", "true", false, "allow password authentication"},
          {"admin_login", FieldType::String, "", "", false,
           "the administrator's login; required with password authentication"},
          {"admin_password", FieldType::Secret, "", "", false,
           "the administrator's password: a `secret` parameter"},
          {"entra_admins", FieldType::PrincipalList, "", "[]", false,
           "Entra users, groups or service principals that administer the server"},
      },
      {}};
  return spec;
}

const BlockSpec& networkSpec() {
  static const BlockSpec spec{
      "network",
      {
          {"public_access", FieldType::Bool, "", "true", false,
           "whether the server accepts connections from the internet (through the firewall)"},
          {"firewall", FieldType::StringMap, "", "{}", false,
           "firewall rules: a name for each IPv4 address, CIDR or range `A-B`"},
          {"subnet", FieldType::String, "", "\"\"", false,
           "the resource id of a delegated subnet (VNet injection; flexible servers only)"},
          {"private_dns_zone", FieldType::String, "", "\"\"", false,
           "the resource id of the private DNS zone used with a subnet"},
      },
      {}};
  return spec;
}

}  // namespace

const BlockSpec& clusterSpec() {
  static const BlockSpec spec{
      "cluster",
      {
          {"kind", FieldType::Enum, "kind", "", true,
           "`elastic`: an elastic cluster (Citus built in); `flexible`: one Flexible Server"},
          {"name", FieldType::String, "", "\"${project}-${env}-${cluster}\"", false,
           "the Azure resource name"},
          {"location", FieldType::String, "", "env.location", false, "the Azure region"},
          {"version", FieldType::Int, "", "17", false, "the PostgreSQL major version"},
          {"nodes", FieldType::Int, "", "2 on elastic clusters", false,
           "elastic clusters: the number of nodes (the cluster size)"},
          {"sku", FieldType::String, "", "\"Standard_D4ds_v5\"", false,
           "the compute size, such as `Standard_D4ds_v5`"},
          {"tier", FieldType::Enum, "tier", "from the SKU family: B, D, E", false,
           "the compute tier"},
          {"storage", FieldType::Size, "", "64GB", false, "the storage size"},
          {"storage_autogrow", FieldType::Bool, "", "false", false,
           "grow storage automatically (flexible servers only)"},
          {"high_availability", FieldType::Enum, "high_availability", "disabled", false,
           "standby servers: in another zone, in the same zone, or none"},
          {"zone", FieldType::String, "", "\"\"", false, "the availability zone, such as \"1\""},
          {"standby_zone", FieldType::String, "", "\"\"", false,
           "the standby's availability zone with zone-redundant high availability"},
          {"extensions", FieldType::NameList, "", "[]", false,
           "PostgreSQL extensions to allow and create"},
          {"settings", FieldType::StringMap, "", "{}", false, "server parameters"},
          {"database", FieldType::String, "", "\"postgres\"", false,
           "the cluster's database; an elastic cluster has exactly one"},
          {"tags", FieldType::StringMap, "", "{}", false,
           "Azure tags, merged over the project's and the environment's"},
      },
      {&backupSpec(), &authSpec(), &networkSpec()}};
  return spec;
}

const BlockSpec& roleSpec() {
  static const BlockSpec spec{
      "role",
      {
          {"principal", FieldType::Principal, "", "", false,
           "the Entra identity the role stands for"},
          {"login", FieldType::Bool, "", "false", false, "whether the role can log in with a password"},
          {"password", FieldType::Secret, "", "", false,
           "the password of a login role: a `secret` parameter"},
      },
      {},
      /*allowsLet=*/false,
      /*allowsGrant=*/true};
  return spec;
}

const BlockSpec& schemaSpec() {
  static const BlockSpec spec{
      "schema",
      {
          {"on", FieldType::Clause, "", "the only cluster", false, "the cluster the schema is on"},
          {"distributed", FieldType::Clause, "", "", false,
           "a Citus distributed schema: schema-based sharding"},
      },
      {}};
  return spec;
}

const BlockSpec& tableSpec() {
  static const BlockSpec spec{
      "table",
      {
          {"distributed by", FieldType::Clause, "", "", false,
           "hash-distribute the table by a column (`colocate with`, `shards`)"},
          {"reference", FieldType::Clause, "", "", false, "replicate the table to every node"},
          {"local", FieldType::Clause, "", "", false, "keep the table on the coordinator"},
          {"@description", FieldType::Clause, "", "", false, "COMMENT ON TABLE"},
      },
      {}};
  return spec;
}

const BlockSpec& columnSpec() {
  static const BlockSpec spec{
      "column",
      {
          {"type", FieldType::Clause, "", "", true, "a PostgreSQL type"},
          {"not null", FieldType::Clause, "", "", false, "the column never holds NULL"},
          {"primary key", FieldType::Clause, "", "", false, "the column is the primary key"},
          {"unique", FieldType::Clause, "", "", false, "values are unique"},
          {"default", FieldType::Clause, "", "", false, "raw SQL default"},
          {"check", FieldType::Clause, "", "", false, "raw SQL check"},
          {"references", FieldType::Clause, "", "", false, "a foreign key"},
          {"generated", FieldType::Clause, "", "", false, "identity or generated column"},
          {"@description", FieldType::Clause, "", "", false, "COMMENT ON COLUMN"},
      },
      {}};
  return spec;
}

}  // namespace pgc
