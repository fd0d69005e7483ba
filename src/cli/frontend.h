// The front half of a compilation as the commands use it: load and parse each file,
// collecting diagnostics, and tell which exit code they call for.
#pragma once

#include <string>
#include <vector>

#include "pgc/parse.h"

namespace pgc::cli {

struct ParsedFile {
  SourceFilePtr file;
  std::unique_ptr<ast::Module> module;  // null when the file could not be read or parsed
};

struct FrontendResult {
  std::vector<ParsedFile> files;
  Diagnostics diagnostics;
  bool ioError = false;
  int exitCode() const;
};

FrontendResult parseFiles(const std::vector<std::string>& paths);

}  // namespace pgc::cli
