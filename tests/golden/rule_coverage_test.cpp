// Every platform rule (PGC2000 to PGC2999) is pinned down: a golden case `pgcNNNN-…` whose
// expected.diag shows the code, a clean case `pass-pgcNNNN-…` where it does not fire, and a
// long explanation docs/rules/PGCNNNN.md whose title matches the registry. docs/rules.md is
// generated from the same registry by the build; a test here fails when the committed copy is
// stale.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "golden_cases.h"
#include "pgc/diagnostics.h"
#include "pgc/rules_docs.h"

namespace pgc::tests {
namespace {

bool ruleCode(const DiagInfo& entry) { return entry.number >= 2000 && entry.number < 3000; }

// Codes no committed program can produce, and the test that produces them instead.
const std::set<DiagCode> kCoveredElsewhere = {
    DiagCode::PlatformCatalogInvalid,  // a broken stdlib: tests/cli/cli_lint_test.cpp
};

std::string folderCode(const std::string& folder) {
  std::smatch match;
  static const std::regex code(R"(^(?:pass-)?pgc(\d{4})-)");
  return std::regex_search(folder, match, code) ? "PGC" + match[1].str() : "";
}

TEST(RuleCoverageTest, EveryRuleHasAFailingCaseThatShowsIt) {
  for (const DiagInfo& entry : allDiagnostics()) {
    if (!ruleCode(entry) || kCoveredElsewhere.count(entry.code)) continue;
    std::string code = codeString(entry.code);
    bool shown = false;
    for (const std::string& name : goldenCaseNames()) {
      if (name.rfind("pass-", 0) == 0 || folderCode(name) != code) continue;
      std::string diag = readFile(goldenRoot() / name / "expected.diag");
      shown = shown || diag.find(std::string(severityName(entry.severity)) + "[" + code + "]") !=
                           std::string::npos;
    }
    EXPECT_TRUE(shown) << code << " (" << entry.name << ") has no case tests/golden/"
                       << "pgc" << code.substr(3) << "-… whose expected.diag shows it as "
                       << severityName(entry.severity);
  }
}

TEST(RuleCoverageTest, EveryRuleHasAPassingCaseWhereItIsQuiet) {
  for (const DiagInfo& entry : allDiagnostics()) {
    if (!ruleCode(entry) || kCoveredElsewhere.count(entry.code)) continue;
    std::string code = codeString(entry.code);
    bool quiet = false;
    for (const std::string& name : goldenCaseNames()) {
      if (name.rfind("pass-", 0) != 0 || folderCode(name) != code) continue;
      quiet = readFile(goldenRoot() / name / "expected.diag").find(code) == std::string::npos;
    }
    EXPECT_TRUE(quiet) << code << " has no case tests/golden/pass-pgc" << code.substr(3)
                       << "-… in which it stays quiet";
  }
}

TEST(RuleCoverageTest, EveryRuleHasItsExplanation) {
  for (const DiagInfo& entry : allDiagnostics()) {
    if (!ruleCode(entry)) continue;
    const rules::RuleDoc* doc = rules::ruleDoc(entry.code);
    ASSERT_NE(doc, nullptr) << "docs/rules/" << codeString(entry.code) << ".md is missing";
    EXPECT_EQ(doc->name, entry.name)
        << "the title of docs/rules/" << codeString(entry.code) << ".md";
    EXPECT_FALSE(doc->summary.empty()) << codeString(entry.code);
    EXPECT_FALSE(doc->fix.empty()) << codeString(entry.code) << " has no `## Fix` section";
    EXPECT_NE(doc->markdown.find("## Example"), std::string::npos) << codeString(entry.code);
    EXPECT_NE(doc->markdown.find(std::string(severityName(entry.severity)) + "[" +
                                 codeString(entry.code) + "]"),
              std::string::npos)
        << codeString(entry.code) << "'s example shows no diagnostic of its default severity";
  }
}

TEST(RuleCoverageTest, EveryExplanationIsOfARegisteredCode) {
  std::set<int> numbers;
  for (const DiagInfo& entry : allDiagnostics()) numbers.insert(entry.number);
  for (const rules::RuleDoc& doc : rules::allRuleDocs()) {
    EXPECT_TRUE(numbers.count(doc.number))
        << "docs/rules/PGC" << doc.number << ".md explains no code";
  }
}

TEST(RuleCoverageTest, CommittedRulesMdIsTheGeneratedOne) {
  // The build regenerates docs/rules.md beside the sources; a stale copy means it was edited by
  // hand or committed without building.
  std::filesystem::path source = std::filesystem::path(PGC_SOURCE_DIR) / "docs" / "rules.md";
  std::filesystem::path generated =
      std::filesystem::path(PGC_BINARY).parent_path() / "docs" / "rules.md";
  std::string text = readFile(source);
  if (std::filesystem::exists(generated)) {
    EXPECT_EQ(text, readFile(generated)) << "docs/rules.md differs from the build's " << generated;
  }
  for (const DiagInfo& entry : allDiagnostics()) {
    if (!ruleCode(entry)) continue;
    EXPECT_NE(text.find("| `" + std::string(entry.name) + "` |"), std::string::npos)
        << "docs/rules.md lacks " << codeString(entry.code) << "; build pgc to regenerate it";
  }
}

}  // namespace
}  // namespace pgc::tests
