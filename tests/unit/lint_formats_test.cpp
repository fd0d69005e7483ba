// The CI formats of `pgc lint`: SARIF 2.1.0 as code scanning reads it (version, $schema, every
// rule in tool.driver.rules, results with ruleId, level and a region), JSON for scripts, and
// GitHub Actions workflow commands with their escaping.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "pgc/diagnostics.h"
#include "pgc/rules_lint.h"

namespace pgc {
namespace {

using Json = nlohmann::json;

// Two diagnostics in one file: an error with a note and a help, and a warning.
struct Sample {
  std::shared_ptr<SourceFile> file =
      std::make_shared<SourceFile>("dir/main file.pgc", "cluster main {\n  nodes = 1\n}\n");
  Diagnostics diagnostics;
  Sample() {
    diagnostics.report(DiagCode::ElasticTooFewNodes, file->span(25, 26), "main", "1 node", 2)
        .note(file->span(8, 12), "the cluster, declared here")
        .help("use `nodes = 2`, or `kind = flexible`");
    diagnostics.report(DiagCode::ElasticNodesOverCliLimit, file->span(0, 7), "main", "12 nodes",
                       10);
  }
};

TEST(LintSarifTest, IsASarif210LogWithEveryRuleDescribed) {
  Sample sample;
  Json log = Json::parse(rules::lintSarif(sample.diagnostics));
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_NE(log["$schema"].get<std::string>().find("sarif-2.1.0"), std::string::npos);
  ASSERT_EQ(log["runs"].size(), 1u);
  const Json& rules = log["runs"][0]["tool"]["driver"]["rules"];
  EXPECT_EQ(log["runs"][0]["tool"]["driver"]["name"], "pgc");
  ASSERT_EQ(rules.size(), allDiagnostics().size());
  std::set<std::string> ids;
  for (const Json& rule : rules) {
    ids.insert(rule["id"].get<std::string>());
    for (const char* key : {"id", "name", "shortDescription", "fullDescription", "help"}) {
      EXPECT_TRUE(rule.contains(key)) << rule["id"] << " lacks " << key;
    }
    EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty()) << rule["id"];
    std::string level = rule["defaultConfiguration"]["level"];
    EXPECT_TRUE(level == "error" || level == "warning" || level == "note") << level;
  }
  for (const DiagInfo& entry : allDiagnostics()) EXPECT_TRUE(ids.count(codeString(entry.code)));
  const Json& rule2101 = rules[static_cast<size_t>(DiagCode::ElasticTooFewNodes)];
  EXPECT_EQ(rule2101["id"], "PGC2101");
  EXPECT_EQ(rule2101["name"], "elastic-too-few-nodes");
  EXPECT_EQ(rule2101["defaultConfiguration"]["level"], "error");
}

TEST(LintSarifTest, ResultsPointAtTheirRuleAndRegion) {
  Sample sample;
  Json run = Json::parse(rules::lintSarif(sample.diagnostics))["runs"][0];
  const Json& results = run["results"];
  ASSERT_EQ(results.size(), 2u);
  const Json& first = results[0];
  EXPECT_EQ(first["ruleId"], "PGC2101");
  EXPECT_EQ(run["tool"]["driver"]["rules"][first["ruleIndex"].get<size_t>()]["id"], "PGC2101");
  EXPECT_EQ(first["level"], "error");
  EXPECT_NE(first["message"]["text"].get<std::string>().find("has 1 node"), std::string::npos);
  const Json& location = first["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "dir/main%20file.pgc");
  EXPECT_EQ(location["region"]["startLine"], 2);
  EXPECT_EQ(location["region"]["startColumn"], 11);
  EXPECT_EQ(location["region"]["endColumn"], 12);
  EXPECT_EQ(first["relatedLocations"][0]["message"]["text"], "the cluster, declared here");
  EXPECT_EQ(results[1]["level"], "warning");
}

TEST(LintJsonTest, ListsDiagnosticsWithPlacesAndASummary) {
  Sample sample;
  Json out = Json::parse(rules::lintJson(sample.diagnostics));
  ASSERT_EQ(out["diagnostics"].size(), 2u);
  const Json& first = out["diagnostics"][0];
  EXPECT_EQ(first["code"], "PGC2101");
  EXPECT_EQ(first["name"], "elastic-too-few-nodes");
  EXPECT_EQ(first["severity"], "error");
  EXPECT_EQ(first["file"], "dir/main file.pgc");
  EXPECT_EQ(first["line"], 2);
  EXPECT_EQ(first["column"], 11);
  EXPECT_EQ(first["help"], "use `nodes = 2`, or `kind = flexible`");
  EXPECT_EQ(first["notes"][0]["line"], 1);
  EXPECT_EQ(out["summary"]["errors"], 1);
  EXPECT_EQ(out["summary"]["warnings"], 1);
}

TEST(LintGithubTest, WritesOneWorkflowCommandPerDiagnostic) {
  Sample sample;
  std::string out = rules::lintGithub(sample.diagnostics);
  std::string first = out.substr(0, out.find('\n'));
  EXPECT_EQ(first.rfind("::error file=dir/main file.pgc,line=2,col=11,endLine=2,endColumn=12,"
                        "title=PGC2101 elastic-too-few-nodes::elastic cluster `main` has 1 node",
                        0),
            0u)
      << first;
  // Notes and help follow on escaped line breaks, so the command stays one line.
  EXPECT_NE(first.find("%0Anote: the cluster, declared here%0Ahelp: use `nodes = 2`, or"),
            std::string::npos)
      << first;
  EXPECT_NE(out.find("\n::warning file=dir/main file.pgc,line=1,col=1,"), std::string::npos);
}

TEST(LintGithubTest, EscapesPropertiesAndData) {
  auto file = std::make_shared<SourceFile>("a,b:c%.pgc", "x\n");
  Diagnostics list;
  list.report(DiagCode::UnknownRegion, file->span(0, 1), "100%\r\nsure");
  std::string out = rules::lintGithub(list);
  EXPECT_NE(out.find("file=a%2Cb%3Ac%25.pgc,"), std::string::npos) << out;
  EXPECT_NE(out.find("`100%25%0D%0Asure`"), std::string::npos) << out;
}

}  // namespace
}  // namespace pgc
