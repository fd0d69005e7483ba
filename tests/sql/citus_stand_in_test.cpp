// The stand-ins refuse what Citus refuses, with Citus's texts: a passing bootstrap test means
// the script respects those rules, not that the stand-ins accept anything.
#include <gtest/gtest.h>

#include "postgres_server.h"

namespace pgc::tests {
namespace {

struct Refusal {
  const char* name;
  const char* setup;  // run first, must succeed
  const char* statement;
  const char* error;  // a part of the error psql prints
};

const Refusal kRefusals[] = {
    {"missing_column", "CREATE TABLE t (id bigint)", "SELECT create_distributed_table('t', 'nope')",
     "column \"nope\" of relation \"t\" does not exist"},
    {"twice", "CREATE TABLE t (id bigint); SELECT create_distributed_table('t', 'id')",
     "SELECT create_distributed_table('t', 'id')", "table \"t\" is already distributed"},
    {"colocate_with_local", "CREATE TABLE a (id bigint); CREATE TABLE b (id bigint)",
     "SELECT create_distributed_table('b', 'id', colocate_with => 'a')",
     "relation a is not distributed"},
    {"colocate_types_differ",
     "CREATE TABLE a (id bigint); CREATE TABLE b (id text); "
     "SELECT create_distributed_table('a', 'id')",
     "SELECT create_distributed_table('b', 'id', colocate_with => 'a')",
     "Distribution column types don't match for a and b."},
    {"shard_count_range", "CREATE TABLE t (id bigint)",
     "SELECT create_distributed_table('t', 'id', shard_count => 64001)",
     "64001 is outside the valid range for parameter \"shard_count\" (1 .. 64000)"},
    {"shard_count_and_colocate",
     "CREATE TABLE a (id bigint); CREATE TABLE b (id bigint); "
     "SELECT create_distributed_table('a', 'id')",
     "SELECT create_distributed_table('b', 'id', colocate_with => 'a', shard_count => 4)",
     "Cannot use colocate_with with a table and shard_count at the same time"},
    {"json_column", "CREATE TABLE t (doc json)", "SELECT create_distributed_table('t', 'doc')",
     "could not identify a hash function for type json"},
    {"primary_key_without_column", "CREATE TABLE t (id bigint PRIMARY KEY, tenant bigint)",
     "SELECT create_distributed_table('t', 'tenant')",
     "Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints"},
    {"unique_index_later",
     "CREATE TABLE t (id bigint, tenant bigint); SELECT create_distributed_table('t', 'tenant')",
     "CREATE UNIQUE INDEX ON t (id)",
     "creating unique indexes on non-partition columns is currently unsupported"},
    {"reference_to_distributed",
     "CREATE TABLE d (id bigint PRIMARY KEY); CREATE TABLE r (d_id bigint); "
     "SELECT create_distributed_table('d', 'id'); SELECT create_reference_table('r')",
     "ALTER TABLE r ADD FOREIGN KEY (d_id) REFERENCES d (id)",
     "foreign keys from reference tables and local tables to distributed tables are not "
     "supported"},
    {"not_colocated",
     "CREATE TABLE a (id bigint PRIMARY KEY); CREATE TABLE b (id bigint); "
     "SELECT create_distributed_table('a', 'id'); "
     "SELECT create_distributed_table('b', 'id', colocate_with => 'none')",
     "ALTER TABLE b ADD FOREIGN KEY (id) REFERENCES a (id)",
     "relations are not colocated or not referencing a reference table"},
    {"distribution_column_elsewhere",
     "CREATE TABLE a (t bigint, id bigint, PRIMARY KEY (t, id)); "
     "CREATE TABLE b (t bigint, a_id bigint, x bigint); "
     "SELECT create_distributed_table('a', 't'); "
     "SELECT create_distributed_table('b', 't', colocate_with => 'a')",
     "ALTER TABLE b ADD FOREIGN KEY (x, a_id) REFERENCES a (t, id)",
     "including partition column in the same ordinal in the both tables"},
    {"distributed_to_local",
     "CREATE TABLE l (id bigint PRIMARY KEY); CREATE TABLE d (l_id bigint); "
     "SELECT create_distributed_table('d', 'l_id')",
     "ALTER TABLE d ADD FOREIGN KEY (l_id) REFERENCES l (id)",
     "referenced table \"l\" must be a distributed table or a reference table"},
    {"set_null_on_distribution_column",
     "CREATE TABLE r (id bigint PRIMARY KEY); CREATE TABLE d (id bigint); "
     "SELECT create_reference_table('r'); SELECT create_distributed_table('d', 'id')",
     "ALTER TABLE d ADD FOREIGN KEY (id) REFERENCES r (id) ON DELETE SET NULL",
     "SET NULL or SET DEFAULT is not supported in ON DELETE operation"},
    {"public_schema", "", "SELECT citus_schema_distribute('public')",
     "public schema cannot be distributed"},
    {"schema_with_distributed_table",
     "CREATE SCHEMA s; CREATE TABLE s.t (id bigint); SELECT create_distributed_table('s.t', 'id')",
     "SELECT citus_schema_distribute('s')", "distributed schema cannot have distributed tables"},
    {"into_distributed_schema",
     "CREATE SCHEMA s; CREATE TABLE s.t (id bigint PRIMARY KEY); "
     "SELECT citus_schema_distribute('s'); CREATE TABLE o (t_id bigint)",
     "ALTER TABLE o ADD FOREIGN KEY (t_id) REFERENCES s.t (id)",
     "cannot create foreign keys to tables in a distributed schema from another schema"},
    {"role_twice", "SELECT pgaadauth_create_principal('x', false, false)",
     "SELECT pgaadauth_create_principal('x', false, false)", "role \"x\" already exists"},
};

// One test, so that one server serves every case.
TEST(CitusStandIn, RefusesWhatCitusRefuses) {
  PostgresServer& server = PostgresServer::shared();
  ASSERT_TRUE(server.running()) << server.failure();
  for (const Refusal& r : kRefusals) {
    SCOPED_TRACE(r.name);
    std::string database = std::string("refuse_") + r.name;
    server.createDatabase(database);
    if (*r.setup) {
      ProcessResult setup = server.psql(database, {"-c", r.setup});
      ASSERT_EQ(setup.exitCode, 0) << setup.err;
    }
    ProcessResult refused = server.psql(database, {"-c", r.statement});
    EXPECT_NE(refused.exitCode, 0);
    EXPECT_NE(refused.err.find(r.error), std::string::npos) << refused.err;
  }
  server.cleanUp();
}

}  // namespace
}  // namespace pgc::tests
