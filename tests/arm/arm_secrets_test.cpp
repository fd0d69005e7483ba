// No secret reaches a file pgc writes. Secrets are declared `param NAME: secret`, have no
// value at build time, and become securestring parameters without a default that the
// parameters file leaves out; values planted in the environment of `pgc build`, where a
// careless build step might pick them up, appear in no output of any example.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../cli/pgc_process.h"

namespace pgc::tests {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = PGC_SOURCE_DIR;

// Where a deployment's secrets usually live: the deploy step's environment.
const std::vector<std::pair<std::string, std::string>> kPlanted = {
    {"ADMIN_PASSWORD", "Planted-Admin-Password-7f3a"},
    {"admin_password", "Planted-Lowercase-Password-2b9c"},
    {"PGC_PARAM_ADMIN_PASSWORD", "Planted-Pgc-Param-5d1e"},
    {"REPORTING_PASSWORD", "Planted-Reporting-Password-8c4f"},
    {"AZURE_CLIENT_SECRET", "Planted-Client-Secret-3e6a"},
    {"PGPASSWORD", "Planted-Pg-Password-9a0b"},
};

class PlantedSecrets {
 public:
  PlantedSecrets() {
    for (const auto& [name, value] : kPlanted) ::setenv(name.c_str(), value.c_str(), 1);
  }
  ~PlantedSecrets() {
    for (const auto& [name, value] : kPlanted) ::unsetenv(name.c_str());
  }
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Builds every example into `out`, with the secrets planted in pgc's environment.
std::vector<fs::path> buildExamples(const fs::path& out, std::string& printed) {
  PlantedSecrets planted;
  for (const auto& entry : fs::directory_iterator(kRoot / "examples")) {
    if (!fs::exists(entry.path() / "main.pgc")) continue;
    ProcessResult result = runPgc({"build", (entry.path() / "main.pgc").string(), "-o",
                                   (out / entry.path().filename()).string()},
                                  kRoot);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    printed += result.out + result.err;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(ArmSecretsTest, NoPlantedSecretReachesAnyOutput) {
  TempDir out;
  std::string printed;
  std::vector<fs::path> files = buildExamples(out.path(), printed);
  ASSERT_FALSE(files.empty());
  for (const fs::path& file : files) {
    std::string content = slurp(file);
    for (const auto& [name, value] : kPlanted) {
      EXPECT_EQ(content.find(value), std::string::npos) << "$" << name << " is in " << file;
    }
  }
  for (const auto& [name, value] : kPlanted) {
    EXPECT_EQ(printed.find(value), std::string::npos) << "$" << name << " was printed";
  }
}

TEST(ArmSecretsTest, SecureParametersHaveNoValueAnywhere) {
  TempDir out;
  std::string printed;
  int secure = 0;
  for (const fs::path& file : buildExamples(out.path(), printed)) {
    std::string name = file.filename().string();
    if (name.size() < 5 || name.substr(name.size() - 5) != ".json" ||
        name.find(".parameters.") != std::string::npos) {
      continue;
    }
    auto armTemplate = nlohmann::json::parse(slurp(file));
    fs::path parametersFile = file;
    parametersFile.replace_extension(".parameters.json");
    auto parameters = nlohmann::json::parse(slurp(parametersFile))["parameters"];
    for (const auto& [param, declaration] : armTemplate["parameters"].items()) {
      if (declaration["type"] != "securestring") continue;
      ++secure;
      EXPECT_FALSE(declaration.contains("defaultValue")) << param << " in " << file;
      EXPECT_FALSE(parameters.contains(param)) << param << " in " << parametersFile;
    }
  }
  EXPECT_GT(secure, 0) << "no example has a secret";
}

}  // namespace
}  // namespace pgc::tests
