// The SQL bootstrap scripts the PostgreSQL-backed tests apply: every cluster script of every
// environment of every example, and of every golden case that pins one (`expected.sql`).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "pgc/model.h"

namespace pgc::tests {

struct SqlCase {
  std::string name;  // a gtest name: emergency_alerts_prod_main
  std::string path;  // the program
  std::string environment;
  std::string cluster;
};

inline void PrintTo(const SqlCase& c, std::ostream* os) { *os << c.name; }

std::vector<SqlCase> sqlCases();
// The Model of the case's environment, analysed once per program and kept for the run.
const model::Model& modelOf(const SqlCase& c);
const model::Cluster& clusterOf(const SqlCase& c);
// The program's models, one per environment; empty when analysis reported errors.
const std::vector<model::Model>& modelsOf(const std::string& path);

}  // namespace pgc::tests
