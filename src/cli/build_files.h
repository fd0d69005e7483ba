// What `pgc build` writes for a program: for each environment, `<env>/<project>.json` (the
// ARM template), `<env>/<project>.parameters.json` and `<env>/<project>.<cluster>.sql` for
// each cluster with schemas or roles, as paths relative to the output folder and their exact
// contents.
#pragma once

#include <string>
#include <vector>

#include "pgc/model.h"
#include "pgc/rules_catalog.h"

namespace pgc::cli {

struct BuildFile {
  std::string path;  // relative to the output folder: `prod/emergency-alerts.json`
  std::string content;
};

struct EnvironmentFiles {
  std::string environment;
  std::string templatePath;  // the template among `files`, which --stdout prints
  std::vector<BuildFile> files;
};

std::vector<EnvironmentFiles> buildFiles(const std::vector<model::Model>& models,
                                         const rules::PlatformCatalog& catalog);

// Whether `name`, a file in an environment's folder, has the shape of a file pgc build writes
// for `project`: pgc owns it, so --check reports it when a build no longer writes it.
bool looksBuilt(const std::string& name, const std::string& project);

}  // namespace pgc::cli
