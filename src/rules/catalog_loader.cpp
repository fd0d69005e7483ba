// Reads the platform catalog's JSON files. Each fact is an object with a `value` and a
// non-empty `source`; anything else is reported with the file and the JSON path at fault.
#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "pgc/rules_catalog.h"

namespace pgc::rules {
namespace {

using Json = nlohmann::json;

// A problem in one file: where in the JSON, and what.
struct CatalogProblem : std::runtime_error {
  using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw CatalogProblem(fmt::format("`{}` {}", path, what));
}

const Json& member(const Json& object, const std::string& key, const std::string& path) {
  if (!object.is_object()) fail(path, "must be an object");
  auto it = object.find(key);
  if (it == object.end()) fail(path + "." + key, "is missing");
  return *it;
}

std::string text(const Json& value, const std::string& path) {
  if (!value.is_string()) fail(path, "must be a string");
  return value.get<std::string>();
}

int64_t integer(const Json& value, const std::string& path) {
  if (!value.is_number_integer()) fail(path, "must be an integer");
  return value.get<int64_t>();
}

std::vector<std::string> texts(const Json& value, const std::string& path) {
  if (!value.is_array()) fail(path, "must be a list of strings");
  std::vector<std::string> out;
  for (size_t i = 0; i < value.size(); ++i)
    out.push_back(text(value[i], fmt::format("{}[{}]", path, i)));
  return out;
}

std::vector<int64_t> integers(const Json& value, const std::string& path) {
  if (!value.is_array()) fail(path, "must be a list of integers");
  std::vector<int64_t> out;
  for (size_t i = 0; i < value.size(); ++i)
    out.push_back(integer(value[i], fmt::format("{}[{}]", path, i)));
  return out;
}

model::Tier tier(const std::string& name, const std::string& path) {
  if (name == "burstable") return model::Tier::Burstable;
  if (name == "general_purpose") return model::Tier::GeneralPurpose;
  if (name == "memory_optimized") return model::Tier::MemoryOptimized;
  fail(path, "must be burstable, general_purpose or memory_optimized");
}

std::vector<model::Tier> tiers(const Json& value, const std::string& path) {
  std::vector<model::Tier> out;
  for (const std::string& name : texts(value, path)) out.push_back(tier(name, path));
  return out;
}

// One catalog file, parsed; `fact(key)` is the value of a fact that names its source.
class CatalogFile {
 public:
  CatalogFile(const std::string& dir, const std::string& name) : name_(name) {
    std::ifstream in(dir + "/" + name, std::ios::binary);
    if (!in) throw CatalogProblem("cannot be read");
    std::ostringstream content;
    content << in.rdbuf();
    try {
      json_ = Json::parse(content.str());
    } catch (const Json::parse_error& e) {
      throw CatalogProblem(fmt::format("is not valid JSON: {}", e.what()));
    }
    if (!json_.is_object()) throw CatalogProblem("must hold a JSON object");
  }

  const Json& fact(const std::string& key) const {
    const Json& entry = member(json_, key, key);
    std::string source = text(member(entry, "source", key), key + ".source");
    if (source.empty()) fail(key + ".source", "must say where the fact comes from");
    return member(entry, "value", key);
  }
  // A string stored beside a fact's value, such as the platform's own error text.
  std::string beside(const std::string& key, const std::string& field) const {
    return text(member(member(json_, key, key), field, key), key + "." + field);
  }

 private:
  std::string name_;
  Json json_;
};

NamePattern namePattern(const Json& value, const std::string& path) {
  NamePattern out;
  out.pattern = text(member(value, "pattern", path), path + ".pattern");
  try {
    std::regex check(out.pattern);
  } catch (const std::regex_error&) {
    fail(path + ".pattern", "is not a regular expression pgc can use (ECMAScript, no look-behind)");
  }
  if (value.contains("minLength")) out.minLength = integer(value["minLength"], path + ".minLength");
  if (value.contains("maxLength")) out.maxLength = integer(value["maxLength"], path + ".maxLength");
  return out;
}

Range range(const Json& value, const std::string& path) {
  return {integer(member(value, "min", path), path + ".min"),
          integer(member(value, "max", path), path + ".max")};
}

void readFlexibleServer(const CatalogFile& file, PlatformCatalog& c) {
  c.versions = integers(file.fact("versions"), "versions.value");
  const Json& skus = file.fact("skus");
  for (const char* name : {"burstable", "general_purpose", "memory_optimized"}) {
    std::string path = std::string("skus.value.") + name;
    for (const std::string& sku : texts(member(skus, name, "skus.value"), path)) {
      c.skus[sku] = tier(name, path);
    }
  }
  c.quickstartSku = text(file.fact("quickstartSku"), "quickstartSku.value");
  c.storageSizesGB = integers(file.fact("storageSizesGB"), "storageSizesGB.value");
  c.backupRetentionDays = range(file.fact("backupRetentionDays"), "backupRetentionDays.value");
  c.highAvailabilityUnsupportedTiers = tiers(file.fact("highAvailabilityUnsupportedTiers"),
                                             "highAvailabilityUnsupportedTiers.value");
  c.highAvailabilityTierError = file.beside("highAvailabilityUnsupportedTiers", "azureError");
  c.serverName = namePattern(file.fact("serverName"), "serverName.value");
  const Json& login = file.fact("adminLogin");
  c.adminLogin = namePattern(login, "adminLogin.value");
  c.reservedAdminLogins =
      texts(member(login, "reserved", "adminLogin.value"), "adminLogin.value.reserved");
  c.reservedAdminLoginPrefixes = texts(member(login, "reservedPrefixes", "adminLogin.value"),
                                       "adminLogin.value.reservedPrefixes");
  const Json& database = file.fact("databaseName");
  c.databaseName = namePattern(database, "databaseName.value");
  c.reservedDatabases =
      texts(member(database, "reserved", "databaseName.value"), "databaseName.value.reserved");
  c.firewallRuleName = namePattern(file.fact("firewallRuleName"), "firewallRuleName.value");
}

void readElasticCluster(const CatalogFile& file, PlatformCatalog& c) {
  c.elasticVersions = integers(file.fact("versions"), "versions.value");
  c.elasticVersionError = file.beside("versions", "azureError");
  const Json& nodes = file.fact("nodes");
  c.elasticNodes = range(nodes, "nodes.value");
  c.elasticProdMinNodes = integer(member(nodes, "prodMin", "nodes.value"), "nodes.value.prodMin");
  c.elasticCliMaxNodes = integer(member(nodes, "cliMax", "nodes.value"), "nodes.value.cliMax");
  c.elasticCliNodesError = file.beside("nodes", "cliError");
  c.elasticUnsupportedTiers = tiers(file.fact("unsupportedTiers"), "unsupportedTiers.value");
  c.elasticTierError = file.beside("unsupportedTiers", "azureError");
  file.fact("storageAutogrow");
  c.elasticAutogrowError = file.beside("storageAutogrow", "azureError");
  file.fact("vnetInjection");
  c.elasticUnsupportedExtensions =
      texts(file.fact("unsupportedExtensions"), "unsupportedExtensions.value");
}

void readExtensions(const CatalogFile& file, PlatformCatalog& c) {
  const Json& list = file.fact("extensions");
  if (!list.is_array()) fail("extensions.value", "must be a list");
  for (size_t i = 0; i < list.size(); ++i) {
    std::string path = fmt::format("extensions.value[{}]", i);
    ExtensionInfo e;
    e.name = text(member(list[i], "name", path), path + ".name");
    if (list[i].contains("preload")) e.preloadLibrary = text(list[i]["preload"], path + ".preload");
    if (list[i].contains("unavailableOnVersions")) {
      e.unavailableOnVersions =
          integers(list[i]["unavailableOnVersions"], path + ".unavailableOnVersions");
    }
    if (list[i].contains("types")) {
      e.types = texts(list[i]["types"], path + ".types");
      if (text(member(list[i], "typesSource", path), path + ".typesSource").empty()) {
        fail(path + ".typesSource", "must say where the types come from");
      }
    }
    c.extensions.push_back(std::move(e));
  }
  c.neverListedExtensions = texts(file.fact("neverListed"), "neverListed.value");
}

void readServerParameters(const CatalogFile& file, PlatformCatalog& c) {
  const Json& list = file.fact("sharedPreloadLibraries");
  if (!list.is_array() || list.empty()) {
    fail("sharedPreloadLibraries.value", "must be a non-empty list");
  }
  for (size_t i = 0; i < list.size(); ++i) {
    std::string path = fmt::format("sharedPreloadLibraries.value[{}]", i);
    PreloadLibraries p;
    p.version = integer(member(list[i], "version", path), path + ".version");
    p.defaults = texts(member(list[i], "default", path), path + ".default");
    p.allowed = texts(member(list[i], "allowed", path), path + ".allowed");
    if (text(member(list[i], "source", path), path + ".source").empty()) {
      fail(path + ".source", "must say where the list comes from");
    }
    c.preloadLibraries.push_back(std::move(p));
  }
  c.preloadedEverywhere = texts(file.fact("preloadedEverywhere"), "preloadedEverywhere.value");
  c.preloadRejection = text(file.fact("azureRejection"), "azureRejection.value");
  c.settingsManagedByPgc = texts(file.fact("managedByPgc"), "managedByPgc.value");
}

void readRegions(const CatalogFile& file, PlatformCatalog& c) {
  const Json& list = file.fact("regions");
  if (!list.is_array()) fail("regions.value", "must be a list");
  for (size_t i = 0; i < list.size(); ++i) {
    std::string path = fmt::format("regions.value[{}]", i);
    Region r;
    r.name = text(member(list[i], "name", path), path + ".name");
    r.displayName = text(member(list[i], "displayName", path), path + ".displayName");
    if (list[i].contains("restricted")) {
      if (!list[i]["restricted"].is_boolean()) fail(path + ".restricted", "must be true or false");
      r.restricted = list[i]["restricted"].get<bool>();
    }
    c.regions.push_back(std::move(r));
  }
}

void readColumnTypes(const CatalogFile& file, PlatformCatalog& c) {
  const Json& list = file.fact("types");
  if (!list.is_array()) fail("types.value", "must be a list");
  for (size_t i = 0; i < list.size(); ++i) {
    std::string path = fmt::format("types.value[{}]", i);
    ColumnTypeInfo t;
    t.name = text(member(list[i], "name", path), path + ".name");
    if (list[i].contains("aliases")) t.aliases = texts(list[i]["aliases"], path + ".aliases");
    const Json& hashable = member(list[i], "hashable", path);
    if (hashable.is_boolean())
      t.hashable = hashable.get<bool>();
    else if (!hashable.is_null())
      fail(path + ".hashable", "must be true, false or null");
    c.columnTypes.push_back(std::move(t));
  }
}

void readCitus(const CatalogFile& file, PlatformCatalog& c) {
  c.shardCount = range(file.fact("shardCount"), "shardCount.value");
  c.undistributableSchemas =
      texts(file.fact("undistributableSchemas"), "undistributableSchemas.value");
  const Json& errors = file.fact("errors");
  if (!errors.is_object()) fail("errors.value", "must be an object");
  for (const auto& [key, entry] : errors.items()) {
    std::string path = "errors.value." + key;
    c.citusErrors[key] = text(member(entry, "text", path), path + ".text");
    if (text(member(entry, "source", path), path + ".source").empty()) {
      fail(path + ".source", "must say where the error text comes from");
    }
  }
}

// Errors that rules quote by key: a catalog without one of them is incomplete.
const char* const kCitusErrorKeys[] = {"missingColumn",
                                       "noHashFunction",
                                       "generatedColumn",
                                       "uniqueWithoutDistributionColumn",
                                       "uniqueIndexWithoutDistributionColumn",
                                       "foreignKeyToDistributed",
                                       "foreignKeyNotColocated",
                                       "foreignKeyNotOnDistributionColumn",
                                       "foreignKeyToLocal",
                                       "foreignKeyOnDelete",
                                       "foreignKeyOnUpdate",
                                       "foreignKeyReferenceToLocal",
                                       "colocateTypes",
                                       "shardCount",
                                       "shardsWithColocate",
                                       "schemaCannotBeDistributed",
                                       "distributedTableInDistributedSchema",
                                       "foreignKeyFromDistributedSchema",
                                       "foreignKeyIntoDistributedSchema"};

}  // namespace

CatalogLoad loadCatalog(const std::string& platformDir) {
  using Reader = void (*)(const CatalogFile&, PlatformCatalog&);
  const std::pair<const char*, Reader> files[] = {
      {"flexible-server.json", readFlexibleServer},
      {"elastic-cluster.json", readElasticCluster},
      {"extensions.json", readExtensions},
      {"server-parameters.json", readServerParameters},
      {"regions.json", readRegions},
      {"postgres-types.json", readColumnTypes},
      {"citus.json", readCitus},
  };
  CatalogLoad result;
  PlatformCatalog catalog;
  for (const auto& [name, read] : files) {
    try {
      read(CatalogFile(platformDir, name), catalog);
      if (std::string(name) == "citus.json") {
        for (const char* key : kCitusErrorKeys) {
          if (!catalog.citusErrors.count(key))
            fail(std::string("errors.value.") + key, "is missing");
        }
      }
    } catch (const CatalogProblem& problem) {
      result.file = platformDir + "/" + name;
      result.error = problem.what();
      return result;
    }
  }
  result.catalog = std::move(catalog);
  return result;
}

}  // namespace pgc::rules
