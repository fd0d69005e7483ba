// Every template and parameters file pgc writes, for every example and golden case, is valid
// under Microsoft's published JSON schemas (../shared/azure-schemas, platform.md §11), checked
// offline by validate_schemas.py with Debian's python3-jsonschema. The validator is shown to
// reject what Azure would, so that its "all valid" means something.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../cli/pgc_process.h"
#include "../golden/golden_cases.h"

namespace pgc::tests {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = PGC_SOURCE_DIR;

// The schemas sit beside the checkout; PGC_AZURE_SCHEMAS points elsewhere.
fs::path schemaFolder() {
  const char* set = std::getenv("PGC_AZURE_SCHEMAS");
  return set ? fs::path(set) : kRoot.parent_path() / "shared" / "azure-schemas";
}

// Debian's interpreter, where python3-jsonschema installs; another python3 may lack it.
std::string python() { return fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

std::string shellQuoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Validation {
  int exitCode = -1;
  std::string output;
};

Validation validate(const std::vector<fs::path>& files) {
  TempDir scratch;
  fs::path log = scratch.path() / "validation.txt";
  std::string command = python() + " " +
                        shellQuoted((kRoot / "tests/arm/validate_schemas.py").string()) + " " +
                        shellQuoted(schemaFolder().string());
  for (const fs::path& file : files) command += " " + shellQuoted(file.string());
  command += " > " + shellQuoted(log.string()) + " 2>&1";
  int status = std::system(command.c_str());
  std::ifstream in(log);
  std::ostringstream text;
  text << in.rdbuf();
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

std::vector<fs::path> examples() {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(kRoot / "examples")) {
    if (fs::exists(entry.path() / "main.pgc")) found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<fs::path> jsonFilesUnder(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class ArmSchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(schemaFolder() / "SHA256SUMS")) {
      GTEST_SKIP() << "Microsoft's schemas are not at " << schemaFolder()
                   << "; set PGC_AZURE_SCHEMAS to their folder";
    }
  }
};

// What `pgc build` writes for every example and for every golden case it builds (those
// that check without errors), and every golden case's expected template and parameters.
TEST_F(ArmSchemaTest, EveryExampleAndGoldenOutputIsValid) {
  TempDir out;
  for (const fs::path& example : examples()) {
    fs::path target = out.path() / "examples" / example.filename();
    ProcessResult built =
        runPgc({"build", (example / "main.pgc").string(), "-o", target.string()}, kRoot);
    ASSERT_EQ(built.exitCode, 0) << example << "\n" << built.err;
  }
  size_t goldenBuilds = 0;
  for (const std::string& name : goldenCaseNames()) {
    fs::path target = out.path() / "golden" / name;
    ProcessResult built =
        runPgc({"build", "input.pgc", "-o", target.string()}, goldenRoot() / name);
    goldenBuilds += built.exitCode == 0;
  }
  std::vector<fs::path> files = jsonFilesUnder(out.path());
  size_t builtFiles = files.size();
  for (const std::string& name : goldenCaseNames()) {
    for (const char* expected : {"expected.arm.json", "expected.parameters.json"}) {
      fs::path file = goldenRoot() / name / expected;
      if (fs::exists(file) && fs::file_size(file) > 0) files.push_back(file);
    }
  }
  ASSERT_GE(goldenBuilds, 10u) << "few golden cases build";
  ASSERT_GT(files.size(), builtFiles) << "no golden case pins an ARM template";
  Validation result = validate(files);
  EXPECT_EQ(result.exitCode, 0) << result.output;
  EXPECT_NE(result.output.find(": 0 invalid"), std::string::npos) << result.output;
  std::cout << result.output.substr(result.output.rfind("validated")) << "(" << goldenBuilds
            << " golden cases built)\n";
}

TEST_F(ArmSchemaTest, ValidatorRejectsWhatAzureWould) {
  TempDir out;
  ASSERT_EQ(runPgc({"build", "examples/emergency-alerts/main.pgc", "--env", "prod", "-o",
                    out.path().string()},
                   kRoot)
                .exitCode,
            0);
  const auto original =
      nlohmann::ordered_json::parse(std::ifstream(out.path() / "prod/emergency-alerts.json"));
  auto broken = [&](const std::string& name, auto change) {
    nlohmann::ordered_json copy = original;
    change(copy);
    fs::path file = out.path() / (name + ".json");
    std::ofstream(file) << copy.dump(2);
    return file;
  };
  std::vector<fs::path> files = {
      broken("literal-child-name",
             [](auto& t) { t["resources"][2]["name"] = "emergency-alerts-prod-main/office"; }),
      broken("old-api-version", [](auto& t) { t["resources"][0]["apiVersion"] = "2024-08-01"; }),
      broken("misspelt-property",
             [](auto& t) { t["resources"][0]["properties"]["storage"]["storageSizeGb"] = 128; }),
      broken("misspelt-resource-key", [](auto& t) { t["resources"][1]["dependOn"] = {}; }),
      broken("version-as-number", [](auto& t) { t["resources"][0]["properties"]["version"] = 17; }),
  };
  Validation result = validate(files);
  EXPECT_EQ(result.exitCode, 1) << result.output;
  for (const fs::path& file : files) {
    EXPECT_NE(result.output.find("FAIL " + file.string()), std::string::npos)
        << file.filename() << " passed:\n"
        << result.output;
  }
}

}  // namespace
}  // namespace pgc::tests
