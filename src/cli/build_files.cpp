// The files of a build, from the emitters; nothing here touches the disk.
#include "build_files.h"

#include "pgc/emit/arm.h"
#include "pgc/emit/sql.h"

namespace pgc::cli {
namespace {

bool endsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::vector<EnvironmentFiles> buildFiles(const std::vector<model::Model>& models,
                                         const rules::PlatformCatalog& catalog) {
  std::vector<EnvironmentFiles> out;
  for (const model::Model& model : models) {
    const std::string folder = model.environment.name + "/";
    const std::string base = folder + model.project.name;
    EnvironmentFiles env{model.environment.name, base + ".json", {}};
    env.files.push_back({base + ".json", emit::renderJson(emit::armTemplate(model, catalog))});
    env.files.push_back({base + ".parameters.json", emit::renderJson(emit::armParameters(model))});
    for (const model::Cluster& cluster : model.clusters) {
      if (!emit::needsSqlBootstrap(model, cluster)) continue;
      env.files.push_back({base + "." + cluster.name + ".sql", emit::sqlBootstrap(model, cluster)});
    }
    out.push_back(std::move(env));
  }
  return out;
}

bool looksBuilt(const std::string& name, const std::string& project) {
  if (name == project + ".json" || name == project + ".parameters.json") return true;
  return name.rfind(project + ".", 0) == 0 && endsWith(name, ".sql");
}

}  // namespace pgc::cli
