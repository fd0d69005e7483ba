// A server's child resources (platform.md §3.2), declared at the top level with
// `format('{0}/{1}', server, child)` names, in one chain of `dependsOn`: Azure runs one
// operation on a server at a time and fails concurrent ones (ServerIsBusy), so Entra
// administrators, firewall rules, the database and the server parameters go one after another.
#include "arm_parts.h"

namespace pgc::emit::arm {
namespace {

constexpr const char* kAdministrators = "Microsoft.DBforPostgreSQL/flexibleServers/administrators";
constexpr const char* kFirewallRules = "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules";
constexpr const char* kDatabases = "Microsoft.DBforPostgreSQL/flexibleServers/databases";
constexpr const char* kConfigurations = "Microsoft.DBforPostgreSQL/flexibleServers/configurations";
// The database every server has; an elastic cluster's one database comes with the cluster.
constexpr const char* kDefaultDatabase = "postgres";

const char* principalType(model::PrincipalKind kind) {
  switch (kind) {
    case model::PrincipalKind::Group: return "Group";
    case model::PrincipalKind::ServicePrincipal: return "ServicePrincipal";
    case model::PrincipalKind::User: return "User";
  }
  return "User";
}

// Builds the chain: each child depends on the server and on the child before it.
class ChildChain {
 public:
  explicit ChildChain(const model::Cluster& cluster)
      : server_(cluster.resourceName.value), serverId_(serverId(cluster)) {}

  void add(const char* type, const std::string& name, Json properties) {
    Json dependsOn = Json::array({serverId_});
    if (!previous_.empty()) dependsOn.push_back(previous_);
    resources_.push_back(Json{{"type", type},
                              {"apiVersion", kPostgresApiVersion},
                              {"name", childName(server_, name)},
                              {"properties", std::move(properties)},
                              {"dependsOn", std::move(dependsOn)}});
    previous_ = resourceId(type, {server_, name});
  }

  std::vector<Json> take() { return std::move(resources_); }

 private:
  std::string server_;
  std::string serverId_;
  std::string previous_;
  std::vector<Json> resources_;
};

}  // namespace

std::vector<Json> childResources(const model::Model& model, const model::Cluster& cluster,
                                 const rules::PlatformCatalog& catalog) {
  ChildChain chain(cluster);
  // Named by the principal's object ID; one without an ID is reported by the rules.
  for (const model::Principal& admin : cluster.entraAdmins) {
    if (admin.objectId.empty()) continue;
    chain.add(kAdministrators, admin.objectId,
              {{"principalName", literal(admin.name)},
               {"principalType", principalType(admin.kind)},
               {"tenantId", "[subscription().tenantId]"}});
  }
  for (const model::FirewallRule& rule : cluster.firewall) {
    std::optional<IpRange> range = firewallRange(rule.value);
    if (!range) continue;  // not an IPv4 address, block or range: the rules report it
    chain.add(kFirewallRules, rule.name,
              {{"startIpAddress", range->start}, {"endIpAddress", range->end}});
  }
  // A flexible server creates the program's database; an elastic cluster has exactly one,
  // named at creation by `properties.cluster.defaultDatabaseName`.
  const std::string& database = cluster.database.value;
  if (cluster.kind.value == model::ClusterKind::Flexible && database != kDefaultDatabase) {
    chain.add(kDatabases, database, {{"charset", "UTF8"}, {"collation", "en_US.utf8"}});
  }
  for (const ServerParameter& parameter : serverParameters(model, cluster, catalog)) {
    chain.add(kConfigurations, parameter.name,
              {{"value", literal(parameter.value)}, {"source", "user-override"}});
  }
  return chain.take();
}

}  // namespace pgc::emit::arm
