// `pgc deploy`'s options: what to deploy, where (subscription, resource group, endpoints),
// how to sign in, and how far to go (--what-if, --dry-run, --no-sql, --target).
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "deploy_sql_step.h"
#include "pgc/deploy/credentials.h"

namespace pgc::cli {

struct DeployOptions {
  std::string file;
  std::string environment;
  std::string subscription;
  std::string resourceGroup;
  std::string cluster;  // only this cluster's SQL bootstrap
  bool whatIf = false;
  bool dryRun = false;
  bool yes = false;
  bool noSql = false;
  std::string auth;  // "" for the whole credential chain
  std::string armEndpoint;
  std::string authorityHost;
  std::string timeoutText = "60m";
  std::chrono::seconds timeout{3600};
  std::map<std::string, std::string> params;  // --param NAME=VALUE
  std::vector<std::string> paramTexts;
  SqlSignIn sql;

  // A live status line: standard output is a terminal and CI is not set.
  bool live() const;
  deploy::CredentialSettings credentialSettings() const;
};

void addDeployOptions(CLI::App& command, DeployOptions& options);

// Checks what the parser cannot (endpoints, --timeout, --param shapes, --what-if without a
// terminal) and fills the parsed forms; the problem in words when there is one.
std::optional<std::string> checkDeployOptions(DeployOptions& options);

}  // namespace pgc::cli
