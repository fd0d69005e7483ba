// The platform catalog under stdlib/platform/: the shipped one loads and says what the rules
// need; a missing, malformed or unsourced one is reported by file and JSON path, never a crash.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "pgc/rules.h"
#include "pgc/rules_catalog.h"

namespace pgc {
namespace {

namespace fs = std::filesystem;

const fs::path kShipped = fs::path(PGC_SOURCE_DIR) / "stdlib" / "platform";

// A copy of the shipped catalog in a temporary folder, to break on purpose.
class CatalogCopy {
 public:
  CatalogCopy() {
    static int made = 0;
    dir_ = fs::temp_directory_path() /
           ("pgc-catalog-" + std::to_string(::getpid()) + "-" + std::to_string(++made));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const auto& entry : fs::directory_iterator(kShipped)) fs::copy(entry.path(), dir_);
  }
  ~CatalogCopy() { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::string read(const std::string& name) {
    std::ifstream in(dir_ / name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
};

TEST(PlatformCatalogTest, ShippedCatalogLoadsWithWhatTheRulesNeed) {
  rules::CatalogLoad load = rules::loadCatalog(kShipped.string());
  ASSERT_TRUE(load.catalog) << load.file << ": " << load.error;
  const rules::PlatformCatalog& c = *load.catalog;
  EXPECT_EQ(c.elasticVersions, std::vector<int64_t>{17});
  EXPECT_EQ(c.elasticNodes.min, 2);
  EXPECT_EQ(c.elasticNodes.max, 20);
  EXPECT_EQ(c.elasticCliMaxNodes, 10);
  EXPECT_EQ(c.skus.at("Standard_D4ds_v5"), model::Tier::GeneralPurpose);
  EXPECT_EQ(c.skus.at("Standard_B1ms"), model::Tier::Burstable);
  ASSERT_NE(c.extension("pg_cron"), nullptr);
  EXPECT_EQ(c.extension("pg_cron")->preloadLibrary, "pg_cron");
  EXPECT_EQ(c.extension("pg_partman")->preloadLibrary, "pg_partman_bgw");
  EXPECT_EQ(c.extension("citus"), nullptr);
  EXPECT_EQ(c.preloadFor(17).defaults, std::vector<std::string>{"pg_stat_statements"});
  EXPECT_EQ(c.preloadFor(19).version, 18);
  ASSERT_NE(c.region("switzerlandwest"), nullptr);
  EXPECT_TRUE(c.region("switzerlandwest")->restricted);
  EXPECT_FALSE(c.region("westeurope")->restricted);
  EXPECT_FALSE(*c.columnType("json")->hashable);
  EXPECT_EQ(c.columnType("int8")->name, "bigint");
  EXPECT_EQ(c.citusError("noHashFunction", {{"type", "json"}}),
            "could not identify a hash function for type json");
}

TEST(PlatformCatalogTest, MissingFolderNamesTheFile) {
  rules::CatalogLoad load = rules::loadCatalog("/nonexistent/platform");
  EXPECT_FALSE(load.catalog);
  EXPECT_EQ(load.file, "/nonexistent/platform/flexible-server.json");
  EXPECT_EQ(load.error, "cannot be read");
}

TEST(PlatformCatalogTest, MalformedJsonIsReported) {
  CatalogCopy copy;
  copy.write("regions.json", "{ \"regions\": [ ");
  rules::CatalogLoad load = rules::loadCatalog(copy.dir().string());
  EXPECT_FALSE(load.catalog);
  EXPECT_EQ(load.file, (copy.dir() / "regions.json").string());
  EXPECT_EQ(load.error.rfind("is not valid JSON", 0), 0u) << load.error;
}

TEST(PlatformCatalogTest, AFactWithoutItsSourceIsRefused) {
  CatalogCopy copy;
  std::string text = copy.read("elastic-cluster.json");
  size_t at = text.find("\"source\"", text.find("\"nodes\""));
  text.replace(at, 8, "\"origin\"");
  copy.write("elastic-cluster.json", text);
  rules::CatalogLoad load = rules::loadCatalog(copy.dir().string());
  EXPECT_FALSE(load.catalog);
  EXPECT_EQ(load.error, "`nodes.source` is missing");
}

TEST(PlatformCatalogTest, WrongTypesAndBadPatternsNameTheirPath) {
  CatalogCopy copy;
  copy.write("postgres-types.json",
             R"({"types": {"value": [{"name": "int", "hashable": "yes"}], "source": "x"}})");
  EXPECT_EQ(rules::loadCatalog(copy.dir().string()).error,
            "`types.value[0].hashable` must be true, false or null");
  CatalogCopy other;
  std::string text = other.read("flexible-server.json");
  size_t at = text.find("^[a-z0-9]+(-[a-z0-9]+)*$");
  text.replace(at, 24, "(?<!-)[a-z");
  other.write("flexible-server.json", text);
  EXPECT_EQ(rules::loadCatalog(other.dir().string()).error,
            "`serverName.value.pattern` is not a regular expression pgc can use (ECMAScript, no "
            "look-behind)");
}

TEST(PlatformCatalogTest, LoadPlatformCatalogReportsPgc2000) {
  Diagnostics sink;
  EXPECT_FALSE(rules::loadPlatformCatalog("/nonexistent", sink));
  ASSERT_EQ(sink.all().size(), 1u);
  EXPECT_EQ(sink.all()[0].code, DiagCode::PlatformCatalogInvalid);
  EXPECT_FALSE(sink.all()[0].span.valid());
}

}  // namespace
}  // namespace pgc
