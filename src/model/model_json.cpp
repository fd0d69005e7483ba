// Serialises the Model. Keys follow the structs' order; spans are left out so that the
// output describes what is deployed, not where it was written.
#include "pgc/model_json.h"

namespace pgc::model {
namespace {

using Json = nlohmann::ordered_json;

Json tags(const Tags& list) {
  Json out = Json::object();
  for (const auto& [key, value] : list) out[key] = value;
  return out;
}

Json principal(const Principal& p) {
  Json out{{"kind", name(p.kind)}, {"name", p.name}};
  if (!p.objectId.empty()) out["object_id"] = p.objectId;
  return out;
}

Json named(const std::vector<NamedValue>& list, bool withValues) {
  if (!withValues) {
    Json out = Json::array();
    for (const NamedValue& v : list) out.push_back(v.name);
    return out;
  }
  Json out = Json::object();
  for (const NamedValue& v : list) out[v.name] = v.value;
  return out;
}

Json tableRef(const TableRef& ref) { return ref.schema + "." + ref.table; }

Json cluster(const Cluster& c) {
  Json out;
  out["name"] = c.name;
  out["resource_name"] = c.resourceName.value;
  out["location"] = c.location.value;
  out["kind"] = name(c.kind.value);
  out["version"] = c.version.value;
  if (c.kind.value == ClusterKind::Elastic || !c.nodes.defaulted) out["nodes"] = c.nodes.value;
  out["sku"] = c.sku.value;
  out["tier"] = name(c.tier.value);
  out["storage_gb"] = c.storageGB.value;
  out["storage_autogrow"] = c.storageAutogrow.value;
  out["high_availability"] = name(c.highAvailability.value);
  out["zone"] = c.zone.value;
  out["standby_zone"] = c.standbyZone.value;
  out["backup"] = {{"retention_days", c.backupRetentionDays.value},
                   {"geo_redundant", c.geoRedundantBackup.value}};
  Json auth{{"entra", c.entraAuth.value}, {"password", c.passwordAuth.value},
            {"admin_login", c.adminLogin.value}};
  auth["admin_password"] = c.adminPassword.value ? Json(c.adminPassword.value->param) : Json();
  auth["entra_admins"] = Json::array();
  for (const Principal& p : c.entraAdmins) auth["entra_admins"].push_back(principal(p));
  out["auth"] = auth;
  Json firewall = Json::object();
  for (const FirewallRule& rule : c.firewall) firewall[rule.name] = rule.value;
  out["network"] = {{"public_access", c.publicAccess.value},
                    {"firewall", firewall},
                    {"subnet", c.subnet.value},
                    {"private_dns_zone", c.privateDnsZone.value}};
  out["extensions"] = named(c.extensions, false);
  out["settings"] = named(c.settings, true);
  out["database"] = c.database.value;
  out["tags"] = tags(c.tags);
  return out;
}

Json table(const Table& t) {
  Json out;
  out["name"] = t.name;
  Json distribution{{"kind", name(t.distribution.kind)}};
  if (t.distribution.kind == DistributionKind::Distributed) {
    distribution["column"] = t.distribution.column;
    if (t.distribution.colocateWith) distribution["colocate_with"] = tableRef(*t.distribution.colocateWith);
    if (t.distribution.shards) distribution["shards"] = *t.distribution.shards;
  }
  out["distribution"] = distribution;
  out["columns"] = Json::array();
  for (const Column& c : t.columns) {
    Json column{{"name", c.name}, {"type", c.type.sql()}, {"not_null", c.notNull}};
    if (c.defaultSql) column["default"] = *c.defaultSql;
    if (c.checkSql) column["check"] = *c.checkSql;
    if (c.identity) column["identity"] = true;
    if (c.generatedSql) column["generated"] = *c.generatedSql;
    if (!c.description.empty()) column["description"] = c.description;
    out["columns"].push_back(column);
  }
  if (t.primaryKey) out["primary_key"] = t.primaryKey->columns;
  out["unique"] = Json::array();
  for (const KeyConstraint& u : t.uniques) out["unique"].push_back(u.columns);
  out["foreign_keys"] = Json::array();
  for (const ForeignKey& fk : t.foreignKeys) {
    Json key{{"columns", fk.columns}, {"references", tableRef(fk.referenced)},
             {"referenced_columns", fk.referencedColumns}, {"on_delete", name(fk.onDelete)},
             {"on_update", name(fk.onUpdate)}};
    if (!fk.name.empty()) key["name"] = fk.name;
    out["foreign_keys"].push_back(key);
  }
  out["checks"] = Json::array();
  for (const CheckConstraint& c : t.checks) out["checks"].push_back(c.sql);
  out["indexes"] = Json::array();
  for (const Index& i : t.indexes) {
    Json index{{"unique", i.unique}, {"elements", i.elements}};
    if (!i.name.empty()) index["name"] = i.name;
    if (!i.method.empty()) index["using"] = i.method;
    if (i.whereSql) index["where"] = *i.whereSql;
    out["indexes"].push_back(index);
  }
  if (!t.description.empty()) out["description"] = t.description;
  return out;
}

const char* grantTarget(GrantTarget target) {
  switch (target) {
    case GrantTarget::Schema: return "schema";
    case GrantTarget::Table: return "table";
    case GrantTarget::AllTablesInSchema: return "all_tables_in_schema";
  }
  return "schema";
}

}  // namespace

nlohmann::ordered_json toJson(const Model& m) {
  Json out;
  const Environment& e = m.environment;
  Json variables = Json::object();
  for (const auto& [key, value] : e.variables) variables[key] = Json::parse(value);
  out["environment"] = {{"name", e.name},
                        {"stage", name(e.stage.value)},
                        {"location", e.location.value},
                        {"subscription", e.subscription.value},
                        {"resource_group", e.resourceGroup.value},
                        {"scope", name(e.scope.value)},
                        {"tags", tags(e.tags)},
                        {"variables", variables}};
  out["project"] = {{"name", m.project.name},
                    {"description", m.project.description},
                    {"tags", tags(m.project.tags)}};
  out["params"] = Json::array();
  for (const Param& p : m.params) {
    Json param{{"name", p.name}, {"type", name(p.type)}};
    if (!p.description.empty()) param["description"] = p.description;
    if (p.defaultValue) param["default"] = Json::parse(*p.defaultValue);
    out["params"].push_back(param);
  }
  out["clusters"] = Json::array();
  for (const Cluster& c : m.clusters) out["clusters"].push_back(cluster(c));
  out["schemas"] = Json::array();
  for (const Schema& s : m.schemas) {
    Json schema{{"name", s.name}, {"cluster", s.cluster}, {"distributed", s.distributed}};
    schema["tables"] = Json::array();
    for (const Table& t : s.tables) schema["tables"].push_back(table(t));
    out["schemas"].push_back(schema);
  }
  out["roles"] = Json::array();
  for (const Role& r : m.roles) {
    Json role{{"name", r.name}, {"cluster", r.cluster}};
    if (r.principal) role["principal"] = principal(*r.principal);
    role["login"] = r.login;
    if (r.password) role["password"] = r.password->param;
    role["grants"] = Json::array();
    for (const Grant& g : r.grants) {
      Json grant{{"privileges", g.privileges}, {"on", grantTarget(g.target)}, {"schema", g.schema}};
      if (!g.table.empty()) grant["table"] = g.table;
      role["grants"].push_back(grant);
    }
    out["roles"].push_back(role);
  }
  out["outputs"] = Json::array();
  for (const Output& o : m.outputs) {
    Json output{{"name", o.name}, {"type", o.type}};
    if (!o.cluster.empty()) output["value"] = o.cluster + "." + o.attribute;
    else output["value"] = Json::parse(*o.value);
    out["outputs"].push_back(output);
  }
  return out;
}

}  // namespace pgc::model
