// What `pgc check` and `pgc lint` share: each file analysed with the platform rules, for every
// environment, its diagnostics gathered in one list, and the exit code that calls for.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "pgc/sema.h"

namespace pgc::cli {

struct CheckedFiles {
  std::vector<sema::AnalysisResult> results;  // keep the files the diagnostics point into
  Diagnostics diagnostics;
  bool ioError = false;       // a file could not be read, or `--env` named no environment
  bool catalogError = false;  // the platform catalog is missing or malformed
  int exitCode() const;
};

CheckedFiles checkFiles(const std::vector<std::string>& files, const GlobalOptions& global,
                        const std::optional<std::string>& environment);

}  // namespace pgc::cli
