// The deploy command's SQL step: each cluster's bootstrap applied over libpq, after the
// ARM deployment (to the host its outputs name) or to the database `--target` names.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pgc/deploy/credentials.h"
#include "pgc/deploy/deploy_console.h"
#include "pgc/model.h"

namespace pgc::cli {

// How to sign in to the clusters: the user, and a password from a variable or else an
// Entra token for PostgreSQL.
struct SqlSignIn {
  std::string user;         // --sql-user; defaults to the admin login with a password
  std::string passwordEnv;  // --sql-password-env: the variable holding the password
  int port = 5432;
  std::string sslMode = "verify-full";
  std::string sslRootCert;  // "" picks the system's CA bundle for verify-ca/verify-full
  std::string target;       // --target / PGC_DATABASE_URL: this database instead
};

struct SqlScript {
  const model::Cluster* cluster = nullptr;
  std::string name;  // `<project>.<cluster>.sql`
  std::string text;
  std::string host;  // the cluster's fqdn from the deployment outputs
};

// What the step would do without doing it: a problem per cluster that cannot be signed in
// to (no user, no password in the variable), found before anything is deployed.
std::vector<std::string> sqlSignInProblems(const std::vector<SqlScript>& scripts,
                                           const SqlSignIn& signIn);

// Applies every script; false after the first failure, which it has reported.
bool applySqlScripts(const std::vector<SqlScript>& scripts, const SqlSignIn& signIn,
                     const std::map<std::string, std::string>& variables,
                     deploy::TokenCredential* credential, deploy::DeployConsole& console);

}  // namespace pgc::cli
