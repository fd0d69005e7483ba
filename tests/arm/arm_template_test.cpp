// The ARM emitter on Models built here, for what golden cases cannot pin down one by one:
// escaping and quoting, the content hash, firewall ranges, the chain of child resources, which
// secrets the template takes, and the server parameters derived from the platform catalog.
#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>

#include "pgc/emit/arm.h"
#include "pgc/rules_catalog.h"

namespace pgc::tests {
namespace {

using Json = nlohmann::ordered_json;

const rules::PlatformCatalog& catalog() {
  static const rules::PlatformCatalog loaded = [] {
    rules::CatalogLoad load = rules::loadCatalog(std::string(PGC_SOURCE_DIR) + "/stdlib/platform");
    if (!load.catalog) throw std::runtime_error(load.file + ": " + load.error);
    return *load.catalog;
  }();
  return loaded;
}

template <typename T>
model::Located<T> set(T value) {
  return {value, {}, false};
}

model::Param param(const std::string& name, model::ParamType type,
                   std::optional<std::string> defaultValue = std::nullopt) {
  model::Param p;
  p.name = name;
  p.type = type;
  p.hasDefault = defaultValue.has_value();
  p.defaultValue = std::move(defaultValue);
  return p;
}

// One elastic cluster of two nodes with a password admin, in `dev` at westeurope.
model::Model demo() {
  model::Model m;
  m.project.name = "demo";
  m.environment.name = "dev";
  m.environment.location = set<std::string>("westeurope");
  m.params.push_back(param("admin_password", model::ParamType::Secret));
  model::Cluster c;
  c.name = "main";
  c.resourceName = set<std::string>("demo-dev-main");
  c.location = {"westeurope", {}, true};
  c.kind = set(model::ClusterKind::Elastic);
  c.version = set<int64_t>(17);
  c.nodes = set<int64_t>(2);
  c.sku = set<std::string>("Standard_D4ds_v5");
  c.tier = set(model::Tier::GeneralPurpose);
  c.storageGB = set<int64_t>(64);
  c.backupRetentionDays = set<int64_t>(7);
  c.passwordAuth = set(true);
  c.adminLogin = set<std::string>("demoadmin");
  c.adminPassword = set(std::optional<model::ParamRef>(model::ParamRef{"admin_password"}));
  c.publicAccess = set(true);
  c.database = set<std::string>("postgres");
  m.clusters.push_back(c);
  return m;
}

Json resourceOfType(const Json& armTemplate, const std::string& type, size_t nth = 0) {
  for (const Json& resource : armTemplate["resources"]) {
    if (resource["type"] == type && nth-- == 0) return resource;
  }
  return nullptr;
}

std::vector<Json> children(const Json& armTemplate) {
  std::vector<Json> out;
  for (const Json& resource : armTemplate["resources"]) {
    if (resource["type"] != "Microsoft.DBforPostgreSQL/flexibleServers") out.push_back(resource);
  }
  return out;
}

Json configuration(const Json& armTemplate, const std::string& name) {
  std::string suffix = "'" + name + "')]";
  for (const Json& child : children(armTemplate)) {
    std::string childName = child["name"];
    if (child["type"] == "Microsoft.DBforPostgreSQL/flexibleServers/configurations" &&
        childName.size() >= suffix.size() &&
        childName.compare(childName.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return child;
    }
  }
  return nullptr;
}

TEST(ArmTemplateTest, EscapesOnlyLiteralsThatArmWouldReadAsExpressions) {
  model::Model m = demo();
  m.clusters[0].tags = {{"a", "[x]"}, {"b", "[x"},   {"c", "x]"},  {"d", "[]"},
                        {"e", ""},    {"f", "[[x]"}, {"g", " [x]"}};
  Json tags = emit::armTemplate(m, catalog())["resources"][0]["tags"];
  EXPECT_EQ(tags["a"], "[[x]");
  EXPECT_EQ(tags["b"], "[x");
  EXPECT_EQ(tags["c"], "x]");
  EXPECT_EQ(tags["d"], "[[]");
  EXPECT_EQ(tags["e"], "");
  EXPECT_EQ(tags["f"], "[[[x]");  // ARM drops one `[`: the value stays `[[x]`
  EXPECT_EQ(tags["g"], " [x]");
}

TEST(ArmTemplateTest, DoublesQuotesInsideExpressions) {
  model::Model m = demo();
  m.clusters[0].settings = {{"it's", "on", {}}, {"next", "1", {}}};
  Json armTemplate = emit::armTemplate(m, catalog());
  Json first = configuration(armTemplate, "it''s");
  ASSERT_FALSE(first.is_null()) << armTemplate.dump(2);
  EXPECT_EQ(first["name"], "[format('{0}/{1}', 'demo-dev-main', 'it''s')]");
  EXPECT_EQ(configuration(armTemplate, "next")["dependsOn"][1],
            "[resourceId('Microsoft.DBforPostgreSQL/flexibleServers/configurations', "
            "'demo-dev-main', 'it''s')]");
}

uint64_t fnv1a(const std::string& text) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char byte : text) hash = (hash ^ byte) * 1099511628211ull;
  return hash;
}

TEST(ArmTemplateTest, HashCoversTheContentButNotTheGenerator) {
  model::Model m = demo();
  Json armTemplate = emit::armTemplate(m, catalog());
  std::string hash = armTemplate["metadata"]["_generator"]["templateHash"];
  Json content = armTemplate;
  content["metadata"].erase("_generator");
  if (content["metadata"].empty()) content.erase("metadata");
  EXPECT_EQ(hash, std::to_string(fnv1a(emit::renderJson(content))));

  m.clusters[0].nodes = set<int64_t>(3);
  EXPECT_NE(emit::armTemplate(m, catalog())["metadata"]["_generator"]["templateHash"], hash);
  EXPECT_EQ(emit::armTemplate(demo(), catalog())["metadata"]["_generator"]["templateHash"], hash);
}

TEST(ArmTemplateTest, FirewallValuesBecomeStartAndEndAddresses) {
  model::Model m = demo();
  m.clusters[0].firewall = {{"all", "0.0.0.0/0", {}},
                            {"host", "192.0.2.7/32", {}},
                            {"block", "192.0.2.77/28", {}},
                            {"range", "10.0.0.1 - 10.0.0.9", {}},
                            {"reversed", "10.0.0.9-10.0.0.1", {}},
                            {"v6", "::1", {}},
                            {"octet", "192.0.2.256", {}},
                            {"prefix", "10.0.0.0/33", {}}};
  Json armTemplate = emit::armTemplate(m, catalog());
  auto rule = [&](size_t nth) {
    return resourceOfType(armTemplate, "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules",
                          nth)["properties"];
  };
  EXPECT_EQ(rule(0), Json({{"startIpAddress", "0.0.0.0"}, {"endIpAddress", "255.255.255.255"}}));
  EXPECT_EQ(rule(1), Json({{"startIpAddress", "192.0.2.7"}, {"endIpAddress", "192.0.2.7"}}));
  EXPECT_EQ(rule(2), Json({{"startIpAddress", "192.0.2.64"}, {"endIpAddress", "192.0.2.79"}}));
  EXPECT_EQ(rule(3), Json({{"startIpAddress", "10.0.0.1"}, {"endIpAddress", "10.0.0.9"}}));
  // The rest are no IPv4 address, block or range: the rules report them, the emitter skips them.
  EXPECT_TRUE(rule(4).is_null());
}

TEST(ArmTemplateTest, ChildrenFormOneChainAfterTheServer) {
  model::Model m = demo();
  m.clusters[0].entraAuth = set(true);
  m.clusters[0].entraAdmins = {
      {model::PrincipalKind::Group, "dba", "00000000-0000-0000-0000-000000000001", {}},
      {model::PrincipalKind::User, "unpinned@contoso.com", "", {}}};
  m.clusters[0].firewall = {{"office", "203.0.113.0/24", {}}};
  m.clusters[0].extensions = {{"pgcrypto", "", {}}};
  m.clusters[0].settings = {{"work_mem", "64MB", {}}};
  Json armTemplate = emit::armTemplate(m, catalog());
  std::vector<Json> chain = children(armTemplate);
  ASSERT_EQ(chain.size(), 4u) << "the admin without an object ID is left to the rules";
  const std::string server =
      "[resourceId('Microsoft.DBforPostgreSQL/flexibleServers', 'demo-dev-main')]";
  EXPECT_EQ(chain[0]["dependsOn"], Json::array({server}));
  EXPECT_EQ(chain[0]["type"], "Microsoft.DBforPostgreSQL/flexibleServers/administrators");
  EXPECT_EQ(chain[1]["type"], "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules");
  EXPECT_EQ(chain[2]["name"], "[format('{0}/{1}', 'demo-dev-main', 'azure.extensions')]");
  EXPECT_EQ(chain[3]["name"], "[format('{0}/{1}', 'demo-dev-main', 'work_mem')]");
  for (size_t i = 1; i < chain.size(); ++i) {
    ASSERT_EQ(chain[i]["dependsOn"].size(), 2u);
    EXPECT_EQ(chain[i]["dependsOn"][0], server);
    std::string previous = chain[i]["dependsOn"][1];
    EXPECT_NE(previous.find(chain[i - 1]["type"].get<std::string>()), std::string::npos);
  }
}

TEST(ArmTemplateTest, TemplateTakesOnlyTheSecretsItsServersUse) {
  model::Model m = demo();
  m.params.push_back(param("reporting_password", model::ParamType::Secret));
  m.params.push_back(param("owner", model::ParamType::String, "\"ops\""));
  Json armTemplate = emit::armTemplate(m, catalog());
  EXPECT_EQ(armTemplate["parameters"]["admin_password"], Json({{"type", "securestring"}}));
  EXPECT_FALSE(armTemplate["parameters"].contains("reporting_password"))
      << "a role's password is for the SQL bootstrap, not ARM";
  EXPECT_EQ(armTemplate["parameters"]["owner"]["defaultValue"], "ops");

  m.clusters[0].passwordAuth = set(false);
  armTemplate = emit::armTemplate(m, catalog());
  EXPECT_FALSE(armTemplate["parameters"].contains("admin_password"));
  Json properties = armTemplate["resources"][0]["properties"];
  EXPECT_FALSE(properties.contains("administratorLogin"));
  EXPECT_FALSE(properties.contains("administratorLoginPassword"));

  Json parameters = emit::armParameters(m)["parameters"];
  EXPECT_EQ(parameters,
            Json({{"location", {{"value", "westeurope"}}}, {"owner", {{"value", "ops"}}}}));
}

TEST(ArmTemplateTest, LocationIsTheParameterUnlessTheClusterSetsItsOwn) {
  model::Model m = demo();
  EXPECT_EQ(emit::armTemplate(m, catalog())["resources"][0]["location"],
            "[parameters('location')]");
  m.clusters[0].location = set<std::string>("northeurope");
  EXPECT_EQ(emit::armTemplate(m, catalog())["resources"][0]["location"], "northeurope");
}

TEST(ArmTemplateTest, PreloadsWhatExtensionsNeedOverAzuresDefault) {
  model::Model m = demo();
  m.clusters[0].extensions = {{"pg_stat_statements", "", {}}};
  Json armTemplate = emit::armTemplate(m, catalog());
  EXPECT_TRUE(configuration(armTemplate, "shared_preload_libraries").is_null())
      << "Azure preloads pg_stat_statements already";

  m.clusters[0].extensions = {{"pg_cron", "", {}}, {"pg_stat_statements", "", {}}};
  armTemplate = emit::armTemplate(m, catalog());
  EXPECT_EQ(configuration(armTemplate, "shared_preload_libraries")["properties"]["value"],
            "pg_stat_statements,pg_cron");
  EXPECT_EQ(configuration(armTemplate, "azure.extensions")["properties"]["value"],
            "pg_cron,pg_stat_statements");

  m.clusters[0].settings = {{"shared_preload_libraries", "pg_cron, auto_explain", {}}};
  armTemplate = emit::armTemplate(m, catalog());
  EXPECT_EQ(configuration(armTemplate, "shared_preload_libraries")["properties"]["value"],
            "pg_cron, auto_explain")
      << "the program's own value, as written, when it has what the extensions need";
}

TEST(ArmTemplateTest, SubscriptionScopeCreatesTheResourceGroupAndNestsTheRest) {
  model::Model m = demo();
  m.environment.scope = set(model::Scope::Subscription);
  m.environment.resourceGroup = set<std::string>("demo-dev-rg");
  Json armTemplate = emit::armTemplate(m, catalog());
  EXPECT_EQ(armTemplate["$schema"],
            "https://schema.management.azure.com/schemas/2018-05-01/"
            "subscriptionDeploymentTemplate.json#");
  ASSERT_EQ(armTemplate["resources"].size(), 2u);
  EXPECT_EQ(armTemplate["resources"][0]["type"], "Microsoft.Resources/resourceGroups");
  Json nested = armTemplate["resources"][1];
  EXPECT_EQ(nested["resourceGroup"], "demo-dev-rg");
  EXPECT_EQ(nested["properties"]["parameters"]["admin_password"]["value"],
            "[parameters('admin_password')]");
  Json inner = nested["properties"]["template"];
  EXPECT_EQ(inner["$schema"],
            "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#");
  EXPECT_FALSE(inner.contains("metadata"));
  EXPECT_EQ(inner["resources"][0]["type"], "Microsoft.DBforPostgreSQL/flexibleServers");
  EXPECT_EQ(armTemplate["outputs"].size(), inner["outputs"].size());
}

TEST(ArmTemplateTest, RendersTwoSpacesUtf8AndAFinalNewline) {
  EXPECT_EQ(emit::renderJson(Json{{"a", Json::array({1})}, {"b", "Zürich"}}),
            "{\n  \"a\": [\n    1\n  ],\n  \"b\": \"Zürich\"\n}\n");
}

}  // namespace
}  // namespace pgc::tests
