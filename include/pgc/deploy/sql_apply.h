// Applies a SQL bootstrap script (as pgc build writes it, for psql) to a PostgreSQL server
// over libpq: statement by statement, with the psql meta-commands the script uses
// (\set, \gset, \if/\elif/\else/\endif, \connect DBNAME, :'var', :"var", :{?var}), stopping at
// the first error.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pgc::deploy {

// Where to connect. Either a connection URI or keyword string (`--target`), or the parts.
struct SqlConnection {
  // postgres://… or "host=… dbname=…"; when set, the parts below are ignored but the password,
  // which a password in the URI overrides.
  std::string uri;
  std::string host;
  int port = 5432;
  std::string database;
  std::string user;
  std::string password;  // an Entra access token or a password; never printed
  std::string sslMode = "verify-full";
  std::string sslRootCert;  // "" for libpq's default
  // How the connection reads in messages: host, port, database and user, never the password.
  std::string describe() const;
};

// One step as it is run, for progress lines: its 1-based first line in the script and the
// statement's first words ("CREATE TABLE IF NOT EXISTS emergency_alerts.alerts").
struct SqlStep {
  int index = 0;  // 1-based, among statements sent to the server
  int line = 0;
  std::string summary;
};

struct SqlApplyResult {
  bool ok = false;
  int statements = 0;  // sent to the server and succeeded
  // On failure: what failed, in words; the line and column in the script (1-based; 0 when
  // the failure is not at a statement, e.g. the connection), and the server's SQLSTATE.
  std::string error;
  int line = 0;
  int column = 0;
  std::string sqlState;
};

struct SqlApplyOptions {
  std::map<std::string, std::string> variables;     // psql's -v NAME=VALUE
  std::function<void(const SqlStep&)> onStatement;  // before each statement is sent
};

// Runs `script` (named `scriptName` in messages) on the connection.
SqlApplyResult applySqlScript(const SqlConnection& connection, const std::string& scriptName,
                              const std::string& script, const SqlApplyOptions& options);

}  // namespace pgc::deploy
