// Loads the root file and, transitively, every module it imports.
#pragma once

#include "pgc/sema.h"

namespace pgc::sema {

struct LoadOutcome {
  Program program;
  std::vector<SourceFilePtr> files;  // every file read, parsed or not
  bool ioError = false;
  bool ok = false;  // every module was found and parsed without errors
};

LoadOutcome loadProgram(const std::string& rootPath, const std::string& stdlibDir,
                        Diagnostics& sink);

}  // namespace pgc::sema
