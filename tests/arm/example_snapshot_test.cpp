// Snapshots of what `pgc build` writes for each example, under tests/snapshots/<example>/,
// compared with `pgc build --check` itself. PGC_UPDATE_GOLDENS=1 rewrites them; review the
// diff like code: it is what a reviewer of a pull request would see.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "../cli/pgc_process.h"

namespace pgc::tests {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = PGC_SOURCE_DIR;

std::vector<std::string> exampleNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kRoot / "examples")) {
    if (fs::exists(entry.path() / "main.pgc")) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool updating() {
  const char* flag = std::getenv("PGC_UPDATE_GOLDENS");
  return flag != nullptr && std::string(flag) == "1";
}

class ExampleSnapshotTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ExampleSnapshotTest, BuildMatchesSnapshot) {
  std::string program = "examples/" + GetParam() + "/main.pgc";
  std::string snapshot = "tests/snapshots/" + GetParam();
  if (updating()) {
    fs::remove_all(kRoot / snapshot);
    ProcessResult result = runPgc({"build", program, "-o", snapshot}, kRoot);
    ASSERT_EQ(result.exitCode, 0) << result.err;
    return;
  }
  ProcessResult result = runPgc({"build", program, "-o", snapshot, "--check"}, kRoot);
  EXPECT_EQ(result.exitCode, 0) << result.err
                                << "if the new output is right, rerun with PGC_UPDATE_GOLDENS=1";
}

std::string testName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleSnapshotTest, ::testing::ValuesIn(exampleNames()),
                         testName);

}  // namespace
}  // namespace pgc::tests
