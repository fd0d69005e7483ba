// Whole diagnostics as text: the `file:line:col: error[CODE]: message` header, the snippet,
// `= note:` and `= help:` lines, notes with their own snippets, colour, and the summary.
#include <gtest/gtest.h>

#include <memory>

#include "pgc/render.h"

namespace pgc {
namespace {

const RenderOptions kPlain{false};
const RenderOptions kColor{true};

class RenderTextTest : public ::testing::Test {
 protected:
  SourceFile file{"main.pgc", "cluster main {\n  nodes: 3\n}\n"};
  Span colon() const { return file.span(22, 23); }
  Span brace() const { return file.span(13, 14); }
};

TEST_F(RenderTextTest, HeaderSnippetAndHelp) {
  Diagnostic d = makeDiagnostic(DiagCode::ExpectedToken, colon(), "`=`", "`:`");
  d.help("fields are set with `=`");
  EXPECT_EQ(renderText(d, kPlain),
            "main.pgc:2:8: error[PGC0020]: expected `=`, found `:`\n"
            "  |\n"
            "2 |   nodes: 3\n"
            "  |        ^\n"
            "  = help: fields are set with `=`\n");
}

TEST_F(RenderTextTest, NotesWithoutSpansComeBeforeHelpAndNotesWithSpansAfter) {
  Diagnostic d = makeDiagnostic(DiagCode::UnclosedBlock, colon(), "}", "cluster `main`", "`:`");
  d.note(brace(), "cluster `main` opens here");
  d.note("blocks close with `}`");
  d.help("add the `}`");
  EXPECT_EQ(renderText(d, kPlain),
            "main.pgc:2:8: error[PGC0021]: expected `}` to close cluster `main`, found `:`\n"
            "  |\n"
            "2 |   nodes: 3\n"
            "  |        ^\n"
            "  = note: blocks close with `}`\n"
            "  = help: add the `}`\n"
            "main.pgc:1:14: note: cluster `main` opens here\n"
            "  |\n"
            "1 | cluster main {\n"
            "  |              -\n");
}

TEST_F(RenderTextTest, DiagnosticWithoutSpanHasNoLocationOrSnippet) {
  Diagnostic d = makeDiagnostic(DiagCode::CannotReadFile, Span{}, "gone.pgc", "No such file");
  d.help("check the path");
  EXPECT_EQ(renderText(d, kPlain),
            "error[PGC0001]: cannot read `gone.pgc`: No such file\n"
            "   = help: check the path\n");
}

TEST_F(RenderTextTest, SeverityComesFromTheDiagnostic) {
  Diagnostic note = makeDiagnostic(DiagCode::TooManySyntaxErrors, Span{}, 3, "main.pgc");
  EXPECT_EQ(renderText(note, kPlain),
            "note[PGC0024]: 3 more syntax errors in `main.pgc` are not shown\n");
  Diagnostic warning = makeDiagnostic(DiagCode::UnknownUnit, colon(), "x", "1x");
  warning.severity = Severity::Warning;
  EXPECT_EQ(renderText(warning, kPlain).rfind("main.pgc:2:8: warning[PGC0016]: ", 0), 0u);
}

TEST_F(RenderTextTest, NoEscapesWithoutColour) {
  Diagnostic d = makeDiagnostic(DiagCode::ExpectedToken, colon(), "`=`", "`:`");
  d.note(brace(), "opens here").help("fix it");
  EXPECT_EQ(renderText(d, kPlain).find('\x1b'), std::string::npos);
}

TEST_F(RenderTextTest, ColourPaintsSeverityLocationGutterAndCarets) {
  Diagnostic d = makeDiagnostic(DiagCode::ExpectedToken, colon(), "`=`", "`:`");
  d.note(brace(), "opens here");
  std::string out = renderText(d, kColor);
  EXPECT_NE(out.find("\x1b[1mmain.pgc:2:8:\x1b[0m"), std::string::npos) << out;
  EXPECT_NE(out.find("\x1b[1;31merror[PGC0020]\x1b[0m"), std::string::npos) << out;
  EXPECT_NE(out.find("\x1b[1;34m2 |\x1b[0m   nodes: 3"), std::string::npos) << out;
  EXPECT_NE(out.find("\x1b[1;31m^\x1b[0m"), std::string::npos) << out;
  EXPECT_NE(out.find("\x1b[1;36mnote\x1b[0m: opens here"), std::string::npos) << out;
  EXPECT_NE(out.find("\x1b[1;34m-\x1b[0m"), std::string::npos) << out;
  // Without the escapes it is the plain rendering.
  std::string stripped;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\x1b') {
      i = out.find('m', i);
      continue;
    }
    stripped += out[i];
  }
  EXPECT_EQ(stripped, renderText(d, kPlain));
}

TEST_F(RenderTextTest, WarningIsYellowAndNoteIsCyan) {
  Diagnostic warning = makeDiagnostic(DiagCode::UnknownUnit, colon(), "x", "1x");
  warning.severity = Severity::Warning;
  EXPECT_NE(renderText(warning, kColor).find("\x1b[1;33mwarning[PGC0016]"), std::string::npos);
  Diagnostic note = makeDiagnostic(DiagCode::TooManySyntaxErrors, Span{}, 3, "main.pgc");
  EXPECT_NE(renderText(note, kColor).find("\x1b[1;36mnote[PGC0024]"), std::string::npos);
}

// The summary line of a list of diagnostics with the given severities.
std::string summary(const std::vector<Severity>& severities) {
  Diagnostics list;
  for (Severity severity : severities) {
    list.report(DiagCode::TooManySyntaxErrors, Span{}, 1, "main.pgc").severity = severity;
  }
  std::string out = renderText(list, kPlain);
  size_t lastLine = out.rfind('\n', out.size() - 2);
  return out.empty() ? "" : out.substr(lastLine + 1);
}

TEST(RenderSummaryTest, CountsErrorsAndWarnings) {
  using S = Severity;
  EXPECT_EQ(summary({S::Error}), "1 error\n");
  EXPECT_EQ(summary({S::Error, S::Error}), "2 errors\n");
  EXPECT_EQ(summary({S::Warning}), "1 warning\n");
  EXPECT_EQ(summary({S::Warning, S::Warning, S::Warning}), "3 warnings\n");
  EXPECT_EQ(summary({S::Error, S::Warning}), "1 error, 1 warning\n");
  EXPECT_EQ(summary({S::Error, S::Error, S::Warning, S::Note}), "2 errors, 1 warning\n");
}

TEST(RenderSummaryTest, NothingToSayWithoutErrorsOrWarnings) {
  EXPECT_EQ(renderText(Diagnostics{}, kPlain), "");
  Diagnostics onlyNotes;
  onlyNotes.report(DiagCode::TooManySyntaxErrors, Span{}, 1, "main.pgc");
  EXPECT_EQ(renderText(onlyNotes, kPlain),
            "note[PGC0024]: 1 more syntax errors in `main.pgc` are not shown\n");
}

TEST(RenderSummaryTest, RendersEveryDiagnosticInOrder) {
  Diagnostics list;
  list.report(DiagCode::CannotReadFile, Span{}, "a.pgc", "No such file");
  list.report(DiagCode::NotAFile, Span{}, "dir");
  EXPECT_EQ(renderText(list, kPlain),
            "error[PGC0001]: cannot read `a.pgc`: No such file\n"
            "error[PGC0002]: `dir` is a directory, not a pgc source file\n"
            "2 errors\n");
}

}  // namespace
}  // namespace pgc
