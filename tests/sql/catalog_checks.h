// What the tests read back from a database after a bootstrap script ran: a snapshot of the
// catalog that a second run must leave unchanged, and the checks that the catalog holds
// what the Model declares.
#pragma once

#include <string>
#include <vector>

#include "pgc/model.h"
#include "postgres_server.h"

namespace pgc::tests {

// Every user-visible catalog fact the bootstrap can touch, one per line, sorted: relations,
// columns, constraints, indexes, comments, privileges, roles (with a hash of the password),
// Citus's catalogs and the recorded calls.
std::string catalogSnapshot(const PostgresServer& server, const std::string& database);
// Tables, columns and types, constraints, indexes, comments, roles and grants of `cluster`.
void expectCatalogMatchesModel(const PostgresServer& server, const std::string& database,
                               const model::Model& model, const model::Cluster& cluster);
// The recorded Citus and pgaadauth calls: each table, schema and role once, in an order Citus
// accepts; none of Citus's on a flexible server.
// `serverVersion` decides how the server prints names back (regclass, regnamespace).
void expectRecordedCalls(const std::vector<std::string>& calls, const model::Model& model,
                         const model::Cluster& cluster, int serverVersion);
// Every foreign key and index the program left unnamed carries the name PostgreSQL chooses:
// each is dropped and made again without a name, in a transaction that is rolled back.
void expectDefaultNames(const PostgresServer& server, const std::string& database,
                        const model::Model& model, const model::Cluster& cluster);
// The format_type() PostgreSQL prints for a pgc column type.
std::string formatType(const model::ColumnType& type);

}  // namespace pgc::tests
