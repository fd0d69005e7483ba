// The Model of a cluster: every field read with its type, defaults filled in, the tier
// derived from the SKU family and tags merged project ⊂ environment ⊂ cluster.
#include <fmt/format.h>

#include <algorithm>

#include "environments.h"
#include "field_reader.h"
#include "model_builder.h"

namespace pgc::sema {
namespace {

// Defaults of the Azure quickstart for elastic clusters (platform.md §1.2).
constexpr int64_t kDefaultVersion = 17;
constexpr int64_t kDefaultElasticNodes = 2;
constexpr int64_t kDefaultStorageGB = 64;
constexpr int64_t kDefaultRetentionDays = 7;
const char* const kDefaultSku = "Standard_D4ds_v5";

// Standard_B… burstable, Standard_D… general purpose, Standard_E… memory optimized.
std::optional<model::Tier> tierOfSku(const std::string& sku) {
  const std::string prefix = "Standard_";
  if (sku.rfind(prefix, 0) != 0 || sku.size() == prefix.size()) return std::nullopt;
  switch (sku[prefix.size()]) {
    case 'B': return model::Tier::Burstable;
    case 'D': return model::Tier::GeneralPurpose;
    case 'E': return model::Tier::MemoryOptimized;
    default: return std::nullopt;
  }
}

model::Tier tierNamed(const std::string& name) {
  if (name == "burstable") return model::Tier::Burstable;
  if (name == "memory_optimized") return model::Tier::MemoryOptimized;
  return model::Tier::GeneralPurpose;
}

model::HighAvailability haNamed(const std::string& name) {
  if (name == "zone_redundant") return model::HighAvailability::ZoneRedundant;
  if (name == "same_zone") return model::HighAvailability::SameZone;
  return model::HighAvailability::Disabled;
}

model::Tags mergeInto(model::Tags tags, const std::vector<model::NamedValue>& over) {
  for (const model::NamedValue& tag : over) {
    auto it = std::find_if(tags.begin(), tags.end(), [&](const auto& kv) { return kv.first == tag.name; });
    if (it == tags.end()) tags.emplace_back(tag.name, tag.value);
    else it->second = tag.value;
  }
  std::sort(tags.begin(), tags.end());
  return tags;
}

}  // namespace

void ModelBuilder::buildClusters() {
  for (const auto& cluster : index_.clusters) model_.clusters.push_back(buildCluster(cluster));
}

model::Cluster ModelBuilder::buildCluster(const Declared<ast::ClusterDecl>& declared) {
  const ast::ClusterDecl& decl = *declared.decl;
  describe(declared.item->decorators, declared.item->span);
  model::Cluster c;
  c.name = decl.name.name;
  c.span = decl.name.span;
  BlockValues values =
      emptyBlock(clusterSpec(), fmt::format("cluster `{}`", c.name), decl.name.span);
  evaluateBlock(decl.body, values, evaluator_, sink_);
  FieldReader reader(values, evaluator_, sink_);

  model::Located<std::string> kind = reader.member("kind", "");
  if (!reader.has("kind")) reader.reportMissing("kind", "kind = elastic");
  c.kind = {kind.value == "flexible" ? model::ClusterKind::Flexible : model::ClusterKind::Elastic,
            kind.span, kind.defaulted};
  bool elastic = c.kind.value == model::ClusterKind::Elastic;

  std::string defaultName =
      azureName(fmt::format("{}-{}-{}", model_.project.name, env_.model.name, c.name));
  c.resourceName = reader.string("name", defaultName);
  c.location = reader.string("location", env_.model.location.value);
  if (c.location.defaulted) c.location.span = env_.model.location.span;
  c.version = reader.integer("version", kDefaultVersion);
  c.nodes = reader.integer("nodes", elastic ? kDefaultElasticNodes : 0);
  c.sku = reader.string("sku", kDefaultSku);
  model::Located<std::string> tier = reader.member("tier", "");
  if (!tier.value.empty()) {
    c.tier = {tierNamed(tier.value), tier.span, false};
  } else if (auto derived = tierOfSku(c.sku.value)) {
    c.tier = {*derived, c.sku.span, true};
  } else if (!reader.has("tier")) {
    sink_.report(DiagCode::UnknownTier, c.sku.span, c.sku.value)
        .note("SKUs named Standard_B…, Standard_D… and Standard_E… are burstable, general purpose "
              "and memory optimized")
        .help("set `tier = general_purpose` (or `burstable`, `memory_optimized`)");
  }
  c.storageGB = reader.gigabytes("storage", kDefaultStorageGB);
  c.storageAutogrow = reader.boolean("storage_autogrow", false);
  model::Located<std::string> ha = reader.member("high_availability", "disabled");
  c.highAvailability = {haNamed(ha.value), ha.span, ha.defaulted};
  c.zone = reader.string("zone", "");
  c.standbyZone = reader.string("standby_zone", "");

  auto nested = [&](const char* name) {
    const BlockValues* block = values.block(name);
    return block ? *block : emptyBlock(*clusterSpec().block(name), fmt::format("block `{}`", name),
                                       decl.name.span);
  };
  BlockValues backup = nested("backup");
  FieldReader backupReader(backup, evaluator_, sink_);
  c.backupRetentionDays = backupReader.days("retention", kDefaultRetentionDays);
  c.geoRedundantBackup = backupReader.boolean("geo_redundant", false);

  BlockValues auth = nested("auth");
  FieldReader authReader(auth, evaluator_, sink_);
  c.entraAuth = authReader.boolean("entra", false);
  c.passwordAuth = authReader.boolean("password", true);
  c.adminLogin = authReader.string("admin_login", "");
  c.adminPassword = authReader.secret("admin_password");
  c.entraAdmins = authReader.principals("entra_admins");
  if (c.passwordAuth.value) {
    auth.description = fmt::format("cluster `{}`", c.name);
    if (!authReader.has("admin_login")) {
      authReader.reportMissing("admin_login",
                               "auth { admin_login = \"pgadmin\" }`, or turn passwords off with "
                               "`auth { password = false }");
    }
    if (!authReader.has("admin_password")) {
      authReader.reportMissing("admin_password",
                               "param admin_password: secret` and `auth { admin_password = "
                               "admin_password }");
    }
  }

  BlockValues network = nested("network");
  FieldReader networkReader(network, evaluator_, sink_);
  c.publicAccess = networkReader.boolean("public_access", true);
  for (const model::NamedValue& rule : networkReader.stringMap("firewall")) {
    c.firewall.push_back({rule.name, rule.value, rule.span});
  }
  c.subnet = networkReader.string("subnet", "");
  c.privateDnsZone = networkReader.string("private_dns_zone", "");

  c.extensions = reader.names("extensions");
  c.settings = reader.stringMap("settings");
  c.database = reader.string("database", "postgres");
  std::vector<model::NamedValue> environmentTags;
  for (const auto& [key, value] : env_.model.tags) environmentTags.push_back({key, value, {}});
  c.tags = mergeInto(mergeInto(model_.project.tags, environmentTags), reader.stringMap("tags"));
  return c;
}

}  // namespace pgc::sema
