// Opening a libpq connection for the SQL bootstrap, and keeping its secrets out of messages.
#pragma once

#include <libpq-fe.h>

#include <string>
#include <vector>

#include "pgc/deploy/sql_apply.h"

namespace pgc::deploy {

// Connects to `connection`, or to its `database` instead when that is not empty (psql's
// \connect DBNAME). On failure returns nullptr and sets `error` (never the password).
PGconn* openSqlConnection(const SqlConnection& connection, const std::string& database,
                          std::string& error);

// The secrets a message about `connection` must not show: the password, and one in the URI.
std::vector<std::string> secretsOf(const SqlConnection& connection);

// `text` with every occurrence of each non-empty secret replaced by `***`.
std::string withoutSecrets(std::string text, const std::vector<std::string>& secrets);

}  // namespace pgc::deploy
