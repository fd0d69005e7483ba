// `pgc build` as users and CI run it: where it writes, what --env, --stdout and --check do,
// that it writes nothing while an error remains, and that its output is byte-identical from
// build to build and from folder to folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pgc_process.h"

namespace pgc::tests {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = PGC_SOURCE_DIR;
const char* const kExample = "examples/emergency-alerts/main.pgc";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every file under `folder`, by its path relative to it.
std::map<std::string, std::string> filesUnder(const fs::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) {
      files[fs::relative(entry.path(), folder).generic_string()] = slurp(entry.path());
    }
  }
  return files;
}

nlohmann::json server(const nlohmann::json& armTemplate) {
  for (const auto& resource : armTemplate["resources"]) {
    if (resource["type"] == "Microsoft.DBforPostgreSQL/flexibleServers") return resource;
  }
  return nullptr;
}

// A program with one elastic cluster and two environments, written into `dir`.
fs::path writeProgram(const TempDir& dir, const std::string& extra = "") {
  return dir.write("main.pgc", R"(project "demo" {}
param admin_password: secret
environment dev { location = "westeurope" }
environment prod { location = "westeurope" }
cluster main {
  kind = elastic
  nodes = env.stage == prod ? 3 : 2
  high_availability = env.stage == prod ? zone_redundant : disabled
  backup { geo_redundant = env.stage == prod }
  auth {
    entra = true
    admin_login = "demoadmin"
    admin_password = admin_password
    entra_admins = [group("dba", object_id = "00000000-0000-0000-0000-000000000001")]
  }
}
)" + extra);
}

TEST(CliBuildTest, WritesTemplatesOfTheExampleIntoTheOutputFolder) {
  TempDir out;
  ProcessResult result = runPgc({"build", kExample, "-o", out.path().string()}, kRoot);
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, "");
  std::map<std::string, std::string> files = filesUnder(out.path());
  ASSERT_TRUE(files.count("dev/emergency-alerts.json"));
  ASSERT_TRUE(files.count("prod/emergency-alerts.json"));
  ASSERT_TRUE(files.count("dev/emergency-alerts.parameters.json"));
  ASSERT_TRUE(files.count("prod/emergency-alerts.parameters.json"));

  auto dev = server(nlohmann::json::parse(files["dev/emergency-alerts.json"]));
  auto prod = server(nlohmann::json::parse(files["prod/emergency-alerts.json"]));
  EXPECT_EQ(dev["apiVersion"], "2025-08-01");
  EXPECT_EQ(dev["properties"]["cluster"]["clusterSize"], 2);
  EXPECT_EQ(dev["properties"]["highAvailability"]["mode"], "Disabled");
  EXPECT_EQ(prod["properties"]["cluster"]["clusterSize"], 3);
  EXPECT_EQ(prod["properties"]["highAvailability"]["mode"], "ZoneRedundant");
  EXPECT_EQ(prod["properties"]["backup"]["geoRedundantBackup"], "Enabled");
  for (const auto& [path, content] : files) {
    EXPECT_EQ(content.back(), '\n') << path << " has no final newline";
    EXPECT_EQ(content.find('\r'), std::string::npos) << path << " has a carriage return";
  }
}

TEST(CliBuildTest, SecondBuildIsByteIdentical) {
  TempDir first, second;
  ASSERT_EQ(runPgc({"build", kExample, "-o", first.path().string()}, kRoot).exitCode, 0);
  ASSERT_EQ(runPgc({"build", kExample, "-o", second.path().string()}, kRoot).exitCode, 0);
  EXPECT_EQ(filesUnder(first.path()), filesUnder(second.path()));
}

TEST(CliBuildTest, OutputDoesNotDependOnWhereTheProgramIsOrWhereItIsBuiltFrom) {
  TempDir here, copy;
  ASSERT_EQ(runPgc({"build", kExample, "-o", here.path().string()}, kRoot).exitCode, 0);
  fs::copy_file(kRoot / kExample, copy.path() / "main.pgc");
  // Built by an absolute path, from another folder, with the default output folder.
  ProcessResult result = runPgc(
      {"build", (copy.path() / "main.pgc").string(), "--stdlib", (kRoot / "stdlib").string()},
      fs::temp_directory_path());
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(filesUnder(here.path()), filesUnder(copy.path() / "out"));
}

TEST(CliBuildTest, OutputFolderDefaultsToOutBesideTheFile) {
  TempDir dir;
  writeProgram(dir);
  ProcessResult result = runPgc({"build", "main.pgc"}, dir.path());
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_TRUE(fs::exists(dir.path() / "out/dev/demo.json"));
  EXPECT_TRUE(fs::exists(dir.path() / "out/prod/demo.parameters.json"));
  EXPECT_NE(result.err.find("built dev, prod into out"), std::string::npos) << result.err;
}

TEST(CliBuildTest, EnvBuildsOnlyThatEnvironment) {
  TempDir dir;
  writeProgram(dir);
  ProcessResult result = runPgc({"build", "main.pgc", "--env", "prod", "-o", "built"}, dir.path());
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_TRUE(fs::exists(dir.path() / "built/prod/demo.json"));
  EXPECT_FALSE(fs::exists(dir.path() / "built/dev"));
}

TEST(CliBuildTest, UnknownEnvIsAUsageError) {
  TempDir dir;
  writeProgram(dir);
  ProcessResult result = runPgc({"build", "main.pgc", "--env", "qa"}, dir.path());
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_FALSE(fs::exists(dir.path() / "out"));
}

TEST(CliBuildTest, WritesNothingWhileAnErrorRemains) {
  TempDir dir;
  writeProgram(dir, "output broken = missing_name\n");
  ProcessResult result = runPgc({"build", "main.pgc"}, dir.path());
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.err.find("error["), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(dir.path() / "out"));
}

TEST(CliBuildTest, StdoutPrintsTheTemplateOfOneEnvironment) {
  TempDir dir;
  writeProgram(dir);
  ProcessResult printed = runPgc({"build", "main.pgc", "--env", "prod", "--stdout"}, dir.path());
  ASSERT_EQ(printed.exitCode, 0) << printed.err;
  EXPECT_FALSE(fs::exists(dir.path() / "out"));
  ASSERT_EQ(runPgc({"build", "main.pgc"}, dir.path()).exitCode, 0);
  EXPECT_EQ(printed.out, slurp(dir.path() / "out/prod/demo.json"));
}

TEST(CliBuildTest, StdoutNeedsOneEnvironment) {
  TempDir dir;
  writeProgram(dir);
  ProcessResult result = runPgc({"build", "main.pgc", "--stdout"}, dir.path());
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("choose one with --env (dev, prod)"), std::string::npos) << result.err;
}

TEST(CliBuildTest, CheckPassesOnAFreshBuildAndWritesNothing) {
  TempDir dir;
  writeProgram(dir);
  ASSERT_EQ(runPgc({"build", "main.pgc"}, dir.path()).exitCode, 0);
  auto before = filesUnder(dir.path() / "out");
  ProcessResult result = runPgc({"build", "main.pgc", "--check"}, dir.path());
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.err.find("out is up to date"), std::string::npos) << result.err;
  EXPECT_EQ(filesUnder(dir.path() / "out"), before);
}

TEST(CliBuildTest, CheckListsChangedMissingAndStaleFiles) {
  TempDir dir;
  writeProgram(dir);
  ASSERT_EQ(runPgc({"build", "main.pgc"}, dir.path()).exitCode, 0);
  std::ofstream(dir.path() / "out/prod/demo.json", std::ios::app) << " ";
  fs::remove(dir.path() / "out/dev/demo.parameters.json");
  std::ofstream(dir.path() / "out/dev/demo.old.sql") << "-- from an earlier build\n";
  std::ofstream(dir.path() / "out/dev/notes.txt") << "not pgc's\n";
  auto before = filesUnder(dir.path() / "out");

  ProcessResult result = runPgc({"build", "main.pgc", "--check"}, dir.path());
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.err.find("out/prod/demo.json differs"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("out/dev/demo.parameters.json is missing"), std::string::npos);
  EXPECT_NE(result.err.find("out/dev/demo.old.sql is no longer built"), std::string::npos);
  EXPECT_EQ(result.err.find("notes.txt"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("out/dev/demo.json"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("3 files out of date"), std::string::npos) << result.err;
  EXPECT_EQ(filesUnder(dir.path() / "out"), before) << "--check wrote to the output folder";
}

TEST(CliBuildTest, CheckOfAnEmptyFolderListsEveryFile) {
  TempDir dir;
  writeProgram(dir);
  ProcessResult result = runPgc({"build", "main.pgc", "--check", "-o", "none"}, dir.path());
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.err.find("4 files out of date"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(dir.path() / "none"));
}

TEST(CliBuildTest, CheckAndStdoutExcludeEachOther) {
  TempDir dir;
  writeProgram(dir);
  EXPECT_EQ(runPgc({"build", "main.pgc", "--check", "--stdout"}, dir.path()).exitCode, 2);
}

}  // namespace
}  // namespace pgc::tests
