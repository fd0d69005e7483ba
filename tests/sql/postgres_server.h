// A real PostgreSQL server for the tests, from Debian's postgresql package: initdb into a
// temporary folder, pg_ctl on a free loopback port, stopped and removed when the test program
// ends, however its tests went. initdb and postgres refuse to run as root, so as root they
// run as the `postgres` system user. The initialised data folder is kept in the build folder
// (postgres-template-*) and copied for each test program. Every database gets the stand-ins of
// tests/sql/citus_stand_in.sql for the Citus and pgaadauth functions Debian does not ship.
#pragma once

#include <string>
#include <vector>

#include "../support/process_runner.h"

namespace pgc::tests {

class PostgresServer {
 public:
  // The test program's server, started on first use.
  static PostgresServer& shared();
  ~PostgresServer();

  bool running() const { return running_; }
  const std::string& failure() const { return failure_; }  // why it did not start
  int majorVersion() const { return majorVersion_; }
  int port() const { return port_; }
  const std::string& scratchDir() const { return dir_; }

  // psql on `database` with ON_ERROR_STOP, and `args` after the connection options.
  ProcessResult psql(const std::string& database, const std::vector<std::string>& args) const;
  // The rows of `sql`, unaligned, `|` between fields, one row a line; "" and a failed test
  // when the query fails.
  std::string query(const std::string& database, const std::string& sql) const;
  // The rows of `sql`, each a list of fields; any text survives, newlines and `|` included.
  std::vector<std::vector<std::string>> rows(const std::string& database,
                                             const std::string& sql) const;
  // A new empty database with the stand-ins; dropped by cleanUp().
  void createDatabase(const std::string& name);
  // Drops the databases createDatabase() made and the roles made since the server started,
  // with what they own in database postgres, and empties its call log.
  void cleanUp();
  void stop();

 private:
  PostgresServer();
  void start();
  bool makeDataFolder(const std::string& data, const std::string& standIns);
  bool launch(const std::string& data);
  void startWatchdog();
  std::vector<std::string> asServerUser(std::vector<std::string> argv) const;

  std::string binDir_;
  std::string dir_;
  int port_ = 0;
  int majorVersion_ = 0;
  bool running_ = false;
  std::string failure_;
  std::vector<std::string> databases_;
  int watchdog_ = -1;  // write end of the watchdog's pipe
};

}  // namespace pgc::tests
