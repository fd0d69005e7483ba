// Runs a program without a shell and captures what it prints and its exit code: the tests
// that drive PostgreSQL's own tools (initdb, pg_ctl, psql) and the pgc binary share it.
#pragma once

#include <string>
#include <vector>

namespace pgc::tests {

struct ProcessResult {
  int exitCode = -1;  // -1 when the program could not run or died of a signal
  std::string out;
  std::string err;
};

ProcessResult runProcess(const std::vector<std::string>& argv);

}  // namespace pgc::tests
