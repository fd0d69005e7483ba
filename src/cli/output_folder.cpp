// Reads and writes the output folder. Files are written whole to a temporary name and then
// renamed, so that an interrupted build never leaves half a template behind.
#include "output_folder.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace pgc::cli {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> readIfExists(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void writeWhole(const fs::path& path, const std::string& content) {
  fs::path temporary = path;
  temporary += ".pgc-tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) {
      throw fs::filesystem_error("cannot write", temporary,
                                 std::make_error_code(std::errc::io_error));
    }
  }
  fs::rename(temporary, path);
}

}  // namespace

void writeFiles(const fs::path& folder, const std::vector<EnvironmentFiles>& files) {
  for (const EnvironmentFiles& env : files) {
    for (const BuildFile& file : env.files) {
      fs::path path = folder / file.path;
      fs::create_directories(path.parent_path());
      if (readIfExists(path) == file.content) continue;
      writeWhole(path, file.content);
    }
  }
}

std::vector<Difference> compareFiles(const fs::path& folder,
                                     const std::vector<EnvironmentFiles>& files,
                                     const std::string& project) {
  std::vector<Difference> differences;
  for (const EnvironmentFiles& env : files) {
    std::set<std::string> built;
    for (const BuildFile& file : env.files) {
      fs::path path = folder / file.path;
      built.insert(path.filename().string());
      std::optional<std::string> existing = readIfExists(path);
      if (!existing)
        differences.push_back({path, "is missing"});
      else if (*existing != file.content)
        differences.push_back({path, "differs"});
    }
    std::error_code error;
    std::vector<fs::path> stale;
    for (const auto& entry : fs::directory_iterator(folder / env.environment, error)) {
      std::string name = entry.path().filename().string();
      if (entry.is_regular_file() && !built.count(name) && looksBuilt(name, project)) {
        stale.push_back(entry.path());
      }
    }
    std::sort(stale.begin(), stale.end());
    for (const fs::path& path : stale) differences.push_back({path, "is no longer built"});
  }
  return differences;
}

}  // namespace pgc::cli
