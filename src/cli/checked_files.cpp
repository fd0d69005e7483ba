// Loads the platform catalog once and checks each file with the rules.
#include "checked_files.h"

#include "pgc/rules.h"

namespace pgc::cli {

int CheckedFiles::exitCode() const {
  if (ioError || catalogError) return kExitUsage;
  return diagnostics.hasErrors() ? kExitInputErrors : kExitOk;
}

CheckedFiles checkFiles(const std::vector<std::string>& files, const GlobalOptions& global,
                        const std::optional<std::string>& environment) {
  CheckedFiles out;
  std::string stdlib = global.stdlibDir();
  std::optional<rules::PlatformCatalog> catalog =
      rules::loadPlatformCatalog(stdlib, out.diagnostics);
  if (!catalog) {
    out.catalogError = true;
    return out;
  }
  for (const std::string& file : files) {
    out.results.push_back(rules::checkProgram(file, *catalog, {stdlib, environment}));
    const sema::AnalysisResult& result = out.results.back();
    out.diagnostics.append(result.diagnostics);
    out.ioError = out.ioError || result.ioError || result.usageError;
  }
  return out;
}

}  // namespace pgc::cli
