// Discovery of golden cases under tests/golden/.
#include "golden_cases.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace pgc::tests {

std::filesystem::path goldenRoot() {
  return std::filesystem::path(PGC_SOURCE_DIR) / "tests" / "golden";
}

std::vector<std::string> goldenCaseNames() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(goldenRoot())) {
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "input.pgc")) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace pgc::tests
