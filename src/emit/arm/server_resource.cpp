// The `Microsoft.DBforPostgreSQL/flexibleServers` resource of a cluster (platform.md §1, §3.1):
// an elastic cluster is a flexible server with `properties.cluster`.
#include "arm_parts.h"

namespace pgc::emit::arm {
namespace {

const char* enabled(bool on) { return on ? "Enabled" : "Disabled"; }

const char* skuTier(model::Tier tier) {
  switch (tier) {
    case model::Tier::Burstable: return "Burstable";
    case model::Tier::MemoryOptimized: return "MemoryOptimized";
    case model::Tier::GeneralPurpose: return "GeneralPurpose";
  }
  return "GeneralPurpose";
}

const char* haMode(model::HighAvailability mode) {
  switch (mode) {
    case model::HighAvailability::ZoneRedundant: return "ZoneRedundant";
    case model::HighAvailability::SameZone: return "SameZone";
    case model::HighAvailability::Disabled: return "Disabled";
  }
  return "Disabled";
}

Json tags(const model::Tags& tags) {
  Json out = Json::object();
  for (const auto& [key, value] : tags) out[key] = literal(value);
  return out;
}

Json highAvailability(const model::Cluster& c) {
  Json ha = {{"mode", haMode(c.highAvailability.value)}};
  if (!c.standbyZone.value.empty()) ha["standbyAvailabilityZone"] = literal(c.standbyZone.value);
  return ha;
}

// A server in a delegated subnet has no public endpoint to switch (platform.md §3.1).
Json network(const model::Cluster& c) {
  Json network = Json::object();
  if (!c.subnet.value.empty()) {
    network["delegatedSubnetResourceId"] = literal(c.subnet.value);
    if (!c.privateDnsZone.value.empty()) {
      network["privateDnsZoneArmResourceId"] = literal(c.privateDnsZone.value);
    }
    return network;
  }
  network["publicNetworkAccess"] = enabled(c.publicAccess.value);
  return network;
}

Json authConfig(const model::Cluster& c) {
  Json auth = {{"activeDirectoryAuth", enabled(c.entraAuth.value)},
               {"passwordAuth", enabled(c.passwordAuth.value)}};
  if (c.entraAuth.value) auth["tenantId"] = "[subscription().tenantId]";
  return auth;
}

}  // namespace

bool serverTakesPassword(const model::Cluster& cluster) {
  return cluster.passwordAuth.value && cluster.adminPassword.value.has_value();
}

std::string serverId(const model::Cluster& cluster) {
  return resourceId(kServerType, {cluster.resourceName.value});
}

Json serverResource(const model::Cluster& c) {
  Json properties = {{"createMode", "Default"}, {"version", std::to_string(c.version.value)}};
  if (serverTakesPassword(c)) {
    properties["administratorLogin"] = literal(c.adminLogin.value);
    properties["administratorLoginPassword"] = parameterRef(c.adminPassword.value->param);
  }
  if (!c.zone.value.empty()) properties["availabilityZone"] = literal(c.zone.value);
  properties["storage"] = {{"storageSizeGB", c.storageGB.value},
                           {"autoGrow", enabled(c.storageAutogrow.value)}};
  properties["backup"] = {{"backupRetentionDays", c.backupRetentionDays.value},
                          {"geoRedundantBackup", enabled(c.geoRedundantBackup.value)}};
  properties["highAvailability"] = highAvailability(c);
  properties["network"] = network(c);
  properties["authConfig"] = authConfig(c);
  if (c.kind.value == model::ClusterKind::Elastic) {
    properties["cluster"] = {{"clusterSize", c.nodes.value},
                             {"defaultDatabaseName", literal(c.database.value)}};
  }
  bool ownLocation = !c.location.defaulted;
  return Json{{"type", kServerType},
              {"apiVersion", kPostgresApiVersion},
              {"name", literal(c.resourceName.value)},
              {"location", ownLocation ? literal(c.location.value) : parameterRef(kLocationParam)},
              {"tags", tags(c.tags)},
              {"sku", {{"name", literal(c.sku.value)}, {"tier", skuTier(c.tier.value)}}},
              {"properties", std::move(properties)}};
}

}  // namespace pgc::emit::arm
