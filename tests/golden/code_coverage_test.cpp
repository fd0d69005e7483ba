// Every diagnostic code of the front end (PGC0001–PGC0999) has a failing case that produces
// it: a golden case whose expected diagnostics show the code, or a CLI test listed below for the
// codes that cannot come from a committed file.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "golden_cases.h"
#include "pgc/diagnostics.h"

namespace pgc::tests {
namespace {

// Codes produced by tests/cli/ rather than by a golden case, and why.
const std::set<DiagCode> kCoveredByCliTests = {
    DiagCode::CannotReadFile,  // a missing file: cli_file_errors_test.cpp
    DiagCode::NotAFile,        // a directory: cli_file_errors_test.cpp
    DiagCode::FileTooLarge,    // a 50 MB file made at test time: cli_file_errors_test.cpp
};

std::set<std::string> codesInGoldens() {
  std::set<std::string> codes;
  const std::regex code(R"(\[(PGC\d{4})\])");
  for (const std::string& name : goldenCaseNames()) {
    std::string text = readFile(goldenRoot() / name / "expected.diag") +
                       readFile(goldenRoot() / name / "expected.syntax.diag");
    for (std::sregex_iterator it(text.begin(), text.end(), code), end; it != end; ++it) {
      codes.insert((*it)[1]);
    }
  }
  return codes;
}

TEST(DiagnosticCoverageTest, EveryFrontEndCodeHasAFailingCase) {
  std::set<std::string> produced = codesInGoldens();
  for (const DiagInfo& entry : allDiagnostics()) {
    if (entry.number >= 1000) continue;  // later stages keep their own coverage
    std::string code = codeString(entry.code);
    bool covered = produced.count(code) > 0 || kCoveredByCliTests.count(entry.code) > 0;
    EXPECT_TRUE(covered) << code << " (" << entry.name
                         << ") has no golden case under tests/golden/ and no CLI test";
  }
}

TEST(DiagnosticCoverageTest, CliListHoldsOnlyCodesNoGoldenCanShow) {
  std::set<std::string> produced = codesInGoldens();
  for (DiagCode code : kCoveredByCliTests) {
    EXPECT_EQ(produced.count(codeString(code)), 0u)
        << codeString(code) << " now has a golden case; drop it from kCoveredByCliTests";
  }
}

}  // namespace
}  // namespace pgc::tests
