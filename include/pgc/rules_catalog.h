// The platform catalog: what Azure and Citus accept, read from the JSON files under
// stdlib/platform/ so that updating an Azure list is a data edit, never a code change.
// Every fact there carries its source; a missing or malformed file is an error the CLI
// reports, never a crash.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pgc/model.h"

namespace pgc::rules {

struct ExtensionInfo {
  std::string name;
  std::string preloadLibrary;  // empty when the extension needs nothing preloaded
  std::vector<int64_t> unavailableOnVersions;
  std::vector<std::string> types;  // column types it provides
};

struct PreloadLibraries {
  int64_t version = 0;
  std::vector<std::string> defaults;  // what Azure preloads when the program sets nothing
  std::vector<std::string> allowed;
};

struct ColumnTypeInfo {
  std::string name;  // pgc's spelling
  std::vector<std::string> aliases;
  std::optional<bool> hashable;  // unset: not known, never flagged
};

struct Region {
  std::string name;  // the ARM location: australiaeast
  std::string displayName;
  bool restricted = false;
};

struct Range {
  int64_t min = 0;
  int64_t max = 0;
};

struct NamePattern {
  std::string pattern;  // ECMAScript regular expression
  int64_t minLength = 0;
  int64_t maxLength = 0;
};

struct PlatformCatalog {
  // flexible-server.json
  std::vector<int64_t> versions;
  std::map<std::string, model::Tier> skus;
  std::string quickstartSku;  // the size help lines suggest
  std::vector<int64_t> storageSizesGB;
  Range backupRetentionDays;
  std::vector<model::Tier> highAvailabilityUnsupportedTiers;
  std::string highAvailabilityTierError;
  NamePattern serverName;
  NamePattern adminLogin;
  std::vector<std::string> reservedAdminLogins;
  std::vector<std::string> reservedAdminLoginPrefixes;
  NamePattern databaseName;
  std::vector<std::string> reservedDatabases;
  NamePattern firewallRuleName;

  // elastic-cluster.json
  std::vector<int64_t> elasticVersions;
  std::string elasticVersionError;
  Range elasticNodes;  // min and max
  int64_t elasticProdMinNodes = 0;
  int64_t elasticCliMaxNodes = 0;
  std::string elasticCliNodesError;
  std::vector<model::Tier> elasticUnsupportedTiers;
  std::string elasticTierError;
  std::string elasticAutogrowError;
  std::vector<std::string> elasticUnsupportedExtensions;

  // extensions.json
  std::vector<ExtensionInfo> extensions;
  std::vector<std::string> neverListedExtensions;

  // server-parameters.json
  std::vector<PreloadLibraries> preloadLibraries;  // by version
  std::vector<std::string> preloadedEverywhere;
  std::string preloadRejection;  // Azure's error, with {value} and {allowed}
  std::vector<std::string> settingsManagedByPgc;

  // regions.json
  std::vector<Region> regions;

  // postgres-types.json
  std::vector<ColumnTypeInfo> columnTypes;

  // citus.json
  Range shardCount;
  std::vector<std::string> undistributableSchemas;
  std::map<std::string, std::string> citusErrors;  // by key: the text, `{name}` placeholders

  const ExtensionInfo* extension(const std::string& name) const;
  const PreloadLibraries& preloadFor(int64_t version) const;  // the nearest catalogued version
  const ColumnTypeInfo* columnType(const std::string& name) const;  // by name or alias
  const Region* region(const std::string& name) const;
  // A Citus error with its `{key}` placeholders filled.
  std::string citusError(const std::string& key,
                         const std::map<std::string, std::string>& values = {}) const;
};

struct CatalogLoad {
  std::optional<PlatformCatalog> catalog;
  std::string file;   // the file at fault, when it failed
  std::string error;  // what is wrong with it
};

// Reads every catalog file of `platformDir` (stdlib/platform).
CatalogLoad loadCatalog(const std::string& platformDir);

}  // namespace pgc::rules
