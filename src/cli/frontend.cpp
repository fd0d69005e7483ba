// Loads and parses the files named on the command line.
#include "frontend.h"

#include "commands.h"

namespace pgc::cli {

int FrontendResult::exitCode() const {
  if (ioError) return kExitUsage;
  return diagnostics.hasErrors() ? kExitInputErrors : kExitOk;
}

FrontendResult parseFiles(const std::vector<std::string>& paths) {
  FrontendResult result;
  for (const std::string& path : paths) {
    syntax::LoadResult loaded = syntax::loadSource(path, path);
    result.diagnostics.append(loaded.diagnostics);
    result.ioError = result.ioError || loaded.ioError;
    if (!loaded.file) continue;
    syntax::ParseResult parsed = syntax::parse(loaded.file);
    result.diagnostics.append(parsed.diagnostics);
    ParsedFile file{loaded.file, nullptr};
    if (!parsed.diagnostics.hasErrors()) file.module = std::move(parsed.module);
    result.files.push_back(std::move(file));
  }
  return result;
}

}  // namespace pgc::cli
