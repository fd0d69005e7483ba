// Runs the built `pgc` binary as a user would, capturing what it prints and its exit code,
// and gives each test a fresh temporary folder that is removed afterwards.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace pgc::tests {

struct ProcessResult {
  int exitCode = -1;  // -1 when the process did not exit normally (it crashed)
  std::string out;
  std::string err;
};

// Runs PGC_BINARY with `args` in `workingDirectory`.
ProcessResult runPgc(const std::vector<std::string>& args,
                     const std::filesystem::path& workingDirectory);

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
