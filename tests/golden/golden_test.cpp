// The golden runner: each folder tests/golden/<case>/ with an `input.pgc` is one test. The
// compiler runs in-process on the input as `pgc check input.pgc` does from inside that folder,
// and every output is compared byte for byte with its expected file beside the input.
// PGC_UPDATE_GOLDENS=1 rewrites the expected files instead; review the diff like code.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <memory>

#include "golden_cases.h"
#include "pgc/ast_json.h"
#include "pgc/emit/arm.h"
#include "pgc/emit/sql.h"
#include "pgc/parse.h"
#include "pgc/render.h"
#include "pgc/rules.h"
#include "pgc/sema.h"

namespace pgc::tests {
namespace {

namespace fs = std::filesystem;

// Runs a case from inside its folder, so that paths print as users see them (`input.pgc`)
// and relative imports resolve beside the input.
class WorkingDirectory {
 public:
  explicit WorkingDirectory(const fs::path& folder) : previous_(fs::current_path()) {
    fs::current_path(folder);
  }
  ~WorkingDirectory() { fs::current_path(previous_); }

 private:
  fs::path previous_;
};

// What the compiler made of one input; every expected file is produced from this.
struct CaseRun {
  sema::AnalysisResult analysis;        // what `pgc check` reports
  Diagnostics syntaxDiagnostics;        // what loading and parsing alone report
  std::unique_ptr<ast::Module> module;  // the syntax tree; null when the file was refused
};

// The platform rules' catalog of the source tree's stdlib, read once for every case.
const rules::PlatformCatalog& platformCatalog() {
  static const rules::PlatformCatalog catalog = [] {
    Diagnostics problems;
    auto loaded = rules::loadPlatformCatalog(PGC_SOURCE_STDLIB, problems);
    if (!loaded) throw std::runtime_error(renderText(problems, RenderOptions{false}));
    return *loaded;
  }();
  return catalog;
}

CaseRun runCompiler(const fs::path& folder) {
  WorkingDirectory inside(folder);
  CaseRun run;
  run.analysis =
      rules::checkProgram("input.pgc", platformCatalog(), {PGC_SOURCE_STDLIB, std::nullopt});
  syntax::LoadResult loaded = syntax::loadSource("input.pgc", "input.pgc");
  run.syntaxDiagnostics.append(loaded.diagnostics);
  if (!loaded.file) return run;
  syntax::ParseResult parsed = syntax::parse(loaded.file);
  run.syntaxDiagnostics.append(parsed.diagnostics);
  run.module = std::move(parsed.module);
  return run;
}

std::string checkDiagnostics(const CaseRun& run) {
  return renderText(run.analysis.diagnostics, RenderOptions{false});
}

std::string syntaxDiagnostics(const CaseRun& run) {
  return renderText(run.syntaxDiagnostics, RenderOptions{false});
}

std::string astJson(const CaseRun& run) {
  return run.module ? ast::toJson(*run.module).dump(2) + "\n" : "";
}

// The ARM template and parameters file of the case's first environment, as `pgc build`
// writes them; nothing when an error remains, since `pgc build` writes nothing then.
std::string armTemplateJson(const CaseRun& run) {
  if (run.analysis.diagnostics.hasErrors() || run.analysis.models.empty()) return "";
  return emit::renderJson(emit::armTemplate(run.analysis.models.front(), platformCatalog()));
}

std::string armParametersJson(const CaseRun& run) {
  if (run.analysis.diagnostics.hasErrors() || run.analysis.models.empty()) return "";
  return emit::renderJson(emit::armParameters(run.analysis.models.front()));
}

// The SQL bootstrap of every cluster of every environment, as `pgc build` writes them; more
// than one is each preceded by a line naming its file.
std::string sqlScripts(const CaseRun& run) {
  if (run.analysis.diagnostics.hasErrors()) return "";
  std::vector<std::pair<std::string, std::string>> scripts;
  for (const model::Model& m : run.analysis.models) {
    for (const model::Cluster& c : m.clusters) {
      if (!emit::needsSqlBootstrap(m, c)) continue;
      scripts.push_back({m.environment.name + "/" + m.project.name + "." + c.name + ".sql",
                         emit::sqlBootstrap(m, c)});
    }
  }
  if (scripts.size() == 1) return scripts.front().second;
  std::string out;
  for (const auto& [file, text] : scripts) out += "-- ==== " + file + " ====\n" + text;
  return out;
}

// The outputs a case can pin down; a case checks those whose expected file it has, and
// must have at least one. An empty file means "no output": the input is clean. Fragments of
// the language that are no whole program pin their syntax alone (expected.syntax.diag).
// Later stages add rows here.
struct ExpectedOutput {
  const char* fileName;
  std::string (*produce)(const CaseRun&);
};
const ExpectedOutput kExpectedOutputs[] = {
    {"expected.diag", checkDiagnostics},
    {"expected.syntax.diag", syntaxDiagnostics},
    {"expected.ast.json", astJson},
    {"expected.arm.json", armTemplateJson},
    {"expected.parameters.json", armParametersJson},
    {"expected.sql", sqlScripts},
};

bool updatingGoldens() {
  const char* flag = std::getenv("PGC_UPDATE_GOLDENS");
  return flag != nullptr && std::string(flag) == "1";
}

// gtest names allow letters, digits and `_` only.
std::string testName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, MatchesExpectedFiles) {
  const fs::path folder = goldenRoot() / GetParam();
  CaseRun run = runCompiler(folder);
  int checked = 0;
  for (const ExpectedOutput& output : kExpectedOutputs) {
    const fs::path expectedPath = folder / output.fileName;
    if (!fs::exists(expectedPath)) continue;
    ++checked;
    std::string actual = output.produce(run);
    if (updatingGoldens()) {
      std::ofstream(expectedPath, std::ios::binary) << actual;
      continue;
    }
    EXPECT_EQ(readFile(expectedPath), actual)
        << output.fileName << " of case `" << GetParam()
        << "` differs; if the new output is right, rerun with PGC_UPDATE_GOLDENS=1";
  }
  if (checked == 0 && updatingGoldens()) {
    std::ofstream(folder / "expected.diag", std::ios::binary) << checkDiagnostics(run);
  } else {
    EXPECT_GT(checked, 0) << "case `" << GetParam() << "` has no expected file; "
                          << "PGC_UPDATE_GOLDENS=1 creates its expected.diag";
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenTest, ::testing::ValuesIn(goldenCaseNames()), testName);

}  // namespace
}  // namespace pgc::tests
