// Runs the built `pgc` binary as a user would, capturing what it prints and its exit code,
// and gives each test a fresh temporary folder that is removed afterwards.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "../support/process_runner.h"

namespace pgc::tests {

// Runs PGC_BINARY with `args` in `workingDirectory`.
ProcessResult runPgc(const std::vector<std::string>& args,
                     const std::filesystem::path& workingDirectory);

// A run of pgc with a controlled environment. The child sees the parent's environment minus
// every AZURE_*, PGC_*, ACTIONS_ID_TOKEN*, IDENTITY_*, MSI_* and IMDS_* variable (the host's
// cloud settings must never leak into a test), plus `env`. AZURE_POD_IDENTITY_AUTHORITY_HOST
// is always set, to a closed loopback port unless `env` gives one, so that no managed
// identity request can ever reach the real instance metadata address.
struct PgcRun {
  std::vector<std::string> args;
  std::filesystem::path cwd = ".";
  std::map<std::string, std::string> env;
  std::string stdinText;
};

ProcessResult runPgc(const PgcRun& run);

// The same for any program: lets tests see what environment and stdin a child gets.
ProcessResult runProgram(const std::string& program, const PgcRun& run);

// The environment a PgcRun's child gets, as NAME=value lines.
std::vector<std::string> childEnvironment(const std::map<std::string, std::string>& env);

// pgc running in the background, for tests that interrupt it (Ctrl-C) while it waits.
class PgcProcess {
 public:
  // `program` is pgc unless a test of this class needs something that surely waits.
  explicit PgcProcess(const PgcRun& run, const std::string& program = PGC_BINARY);
  ~PgcProcess();  // kills and reaps the child if the test did not wait for it
  PgcProcess(const PgcProcess&) = delete;
  PgcProcess& operator=(const PgcProcess&) = delete;

  void interrupt();  // SIGINT, as Ctrl-C in a terminal sends
  ProcessResult wait();
  std::string errSoFar() const;  // what it has written to stderr up to now

 private:
  std::filesystem::path captureDir_;
  pid_t pid_ = -1;
};

// A fresh folder under the system's temporary folder, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `content` to `name` inside the folder and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

}  // namespace pgc::tests
