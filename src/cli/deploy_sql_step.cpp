// Applies the SQL bootstrap of each cluster with libpq, statement by statement with progress,
// signed in with a password from a variable or an Entra token (platform.md §5), and stops at
// the first error with its place in the script.
#include "deploy_sql_step.h"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>

#include "pgc/deploy/sql_apply.h"

namespace pgc::cli {

namespace {

constexpr const char* kPostgresScope = "https://ossrdbms-aad.database.windows.net/.default";
constexpr const char* kSystemCaBundle = "/etc/ssl/certs/ca-certificates.crt";

std::string userFor(const SqlScript& script, const SqlSignIn& signIn) {
  if (!signIn.user.empty()) return signIn.user;
  if (!signIn.passwordEnv.empty()) return script.cluster->adminLogin.value;
  return "";
}

}  // namespace

std::vector<std::string> sqlSignInProblems(const std::vector<SqlScript>& scripts,
                                           const SqlSignIn& signIn) {
  std::vector<std::string> problems;
  if (!signIn.passwordEnv.empty() && std::getenv(signIn.passwordEnv.c_str()) == nullptr) {
    problems.push_back(
        fmt::format("--sql-password-env names {}, which is not set", signIn.passwordEnv));
  }
  if (!signIn.target.empty()) return problems;
  for (const SqlScript& script : scripts) {
    if (userFor(script, signIn).empty()) {
      problems.push_back(fmt::format(
          "the SQL bootstrap of cluster `{}` signs in with an Entra token and needs the "
          "Entra administrator's name: pass --sql-user NAME (or --sql-password-env VAR to sign "
          "in as the admin login `{}`, or --no-sql)",
          script.cluster->name, script.cluster->adminLogin.value));
    }
  }
  return problems;
}

bool applySqlScripts(const std::vector<SqlScript>& scripts, const SqlSignIn& signIn,
                     const std::map<std::string, std::string>& variables,
                     deploy::TokenCredential* credential, deploy::DeployConsole& console) {
  for (const SqlScript& script : scripts) {
    deploy::SqlConnection connection;
    if (!signIn.target.empty()) {
      connection.uri = signIn.target;
    } else {
      connection.host = script.host;
      connection.port = signIn.port;
      connection.database = script.cluster->database.value;
      connection.user = userFor(script, signIn);
      connection.sslMode = signIn.sslMode;
      connection.sslRootCert = signIn.sslRootCert;
      bool verifies = signIn.sslMode == "verify-full" || signIn.sslMode == "verify-ca";
      if (connection.sslRootCert.empty() && verifies && std::filesystem::exists(kSystemCaBundle)) {
        connection.sslRootCert = kSystemCaBundle;
      }
    }
    if (!signIn.passwordEnv.empty()) {
      connection.password = std::getenv(signIn.passwordEnv.c_str());
    } else if (signIn.target.empty()) {
      deploy::TokenResult token = credential->token(kPostgresScope);
      if (!token.token) {
        console.problem(fmt::format("pgc: no Entra token for PostgreSQL: {}", token.error));
        return false;
      }
      connection.password = token.token->token;
    }
    console.say(fmt::format("applying {} to {}", script.name, connection.describe()));
    deploy::SqlApplyOptions options;
    options.variables = variables;
    options.onStatement = [&](const deploy::SqlStep& step) {
      console.status(fmt::format("  {} statement {} (line {}): {}", script.name, step.index,
                                 step.line, step.summary));
    };
    deploy::SqlApplyResult result =
        deploy::applySqlScript(connection, script.name, script.text, options);
    console.settle();
    if (!result.ok) {
      std::string where =
          result.line > 0 ? fmt::format("{}:{}:{}: ", script.name, result.line, result.column) : "";
      std::string state = result.sqlState.empty() ? "" : " (SQLSTATE " + result.sqlState + ")";
      console.problem(
          fmt::format("pgc: {}{}{}\npgc: the SQL bootstrap of cluster `{}` stopped "
                      "after {} statements; fix the cause and deploy again: every "
                      "statement is guarded, so the script can run again",
                      where, result.error, state, script.cluster->name, result.statements));
      return false;
    }
    console.say(fmt::format("applied {}: {} statements", script.name, result.statements));
  }
  return true;
}

}  // namespace pgc::cli
