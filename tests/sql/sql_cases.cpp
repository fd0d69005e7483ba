// Finds the programs under examples/ and tests/golden/ and analyses each once.
#include "sql_cases.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "pgc/emit/sql.h"
#include "pgc/sema.h"

namespace pgc::tests {
namespace {

namespace fs = std::filesystem;

std::string gtestName(std::string text) {
  for (char& c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return text;
}

std::vector<std::string> programs() {
  std::vector<std::string> out;
  fs::path root = PGC_SOURCE_DIR;
  for (const auto& e : fs::directory_iterator(root / "examples")) {
    if (fs::exists(e.path() / "main.pgc")) out.push_back((e.path() / "main.pgc").string());
  }
  for (const auto& e : fs::directory_iterator(root / "tests" / "golden")) {
    if (fs::exists(e.path() / "expected.sql")) out.push_back((e.path() / "input.pgc").string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

const std::vector<model::Model>& modelsOf(const std::string& path) {
  static std::map<std::string, sema::AnalysisResult> cache;
  auto found = cache.find(path);
  if (found == cache.end()) {
    sema::AnalysisOptions options;
    options.stdlibDir = PGC_SOURCE_STDLIB;
    found = cache.emplace(path, sema::analyzeFile(path, options)).first;
    if (found->second.diagnostics.hasErrors()) found->second.models.clear();
  }
  return found->second.models;
}

std::vector<SqlCase> sqlCases() {
  std::vector<SqlCase> out;
  for (const std::string& path : programs()) {
    fs::path p(path);
    std::string program = p.filename() == "main.pgc" ? p.parent_path().filename().string()
                                                     : p.parent_path().filename().string();
    for (const model::Model& m : modelsOf(path)) {
      for (const model::Cluster& c : m.clusters) {
        if (!emit::needsSqlBootstrap(m, c)) continue;
        out.push_back({gtestName(program + "_" + m.environment.name + "_" + c.name), path,
                       m.environment.name, c.name});
      }
    }
  }
  return out;
}

const model::Model& modelOf(const SqlCase& c) {
  for (const model::Model& m : modelsOf(c.path)) {
    if (m.environment.name == c.environment) return m;
  }
  static const model::Model kEmpty;
  return kEmpty;
}

const model::Cluster& clusterOf(const SqlCase& c) {
  const model::Cluster* cluster = modelOf(c).cluster(c.cluster);
  static const model::Cluster kEmpty;
  return cluster ? *cluster : kEmpty;
}

}  // namespace pgc::tests
