// The registry of codes (codes.def) and the Diagnostics list: codes are unique and never
// reused, every entry formats, and the list counts and sorts as the renderers expect.
#include <gtest/gtest.h>

#include <set>

#include "pgc/diagnostics.h"

namespace pgc {
namespace {

TEST(DiagnosticsRegistryTest, NumbersAndNamesAreUnique) {
  std::set<int> numbers;
  std::set<std::string> names;
  for (const DiagInfo& entry : allDiagnostics()) {
    EXPECT_TRUE(numbers.insert(entry.number).second) << "PGC" << entry.number << " is listed twice";
    EXPECT_TRUE(names.insert(entry.name).second) << entry.name << " is listed twice";
  }
}

TEST(DiagnosticsRegistryTest, EveryEntryDescribesItsOwnCode) {
  for (const DiagInfo& entry : allDiagnostics()) {
    EXPECT_EQ(&info(entry.code), &entry);
    EXPECT_EQ(codeString(entry.code), fmt::format("PGC{:04}", entry.number));
  }
}

TEST(DiagnosticsRegistryTest, NamesAreKebabCaseAndMessagesAreClauses) {
  for (const DiagInfo& entry : allDiagnostics()) {
    std::string name = entry.name;
    EXPECT_EQ(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-"), std::string::npos)
        << name;
    std::string message = entry.message;
    ASSERT_FALSE(message.empty()) << name;
    // Messages are clauses, not sentences: no trailing period or space.
    EXPECT_NE(message.back(), '.') << name;
    EXPECT_NE(message.back(), ' ') << name;
  }
}

TEST(DiagnosticsRegistryTest, CodeStringIsZeroPadded) {
  EXPECT_EQ(codeString(DiagCode::CannotReadFile), "PGC0001");
  EXPECT_EQ(codeString(DiagCode::UnexpectedCharacter), "PGC0010");
  EXPECT_EQ(codeString(DiagCode::InterpolatedImport), "PGC0025");
}

TEST(DiagnosticsRegistryTest, MakeDiagnosticFillsTheTemplate) {
  Diagnostic d = makeDiagnostic(DiagCode::UnknownUnit, Span{}, "days", "7days");
  EXPECT_EQ(d.code, DiagCode::UnknownUnit);
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(d.message, "unknown unit `days` in `7days`");
  // `{{` in a template is a literal brace.
  EXPECT_EQ(makeDiagnostic(DiagCode::InterpolatedImport, Span{}).message,
            "an import path cannot contain `${…}`");
}

TEST(DiagnosticsListTest, CountsOnlyErrors) {
  Diagnostics list;
  EXPECT_TRUE(list.empty());
  EXPECT_FALSE(list.hasErrors());
  list.report(DiagCode::TooManySyntaxErrors, Span{}, 2, "a.pgc");  // a note
  EXPECT_FALSE(list.hasErrors());
  list.report(DiagCode::EmptyFile, Span{}, "a.pgc");
  list.report(DiagCode::EmptyFile, Span{}, "b.pgc").severity = Severity::Warning;
  EXPECT_EQ(list.errorCount(), 1u);
  EXPECT_TRUE(list.hasErrors());
  EXPECT_EQ(list.all().size(), 3u);
}

TEST(DiagnosticsListTest, SortsByFileThenPositionKeepingReportOrder) {
  SourceFile a("a.pgc", "let x = 1\nlet y = 2\n");
  SourceFile b("b.pgc", "let z = 3\n");
  Diagnostics list;
  list.report(DiagCode::EmptyFile, b.span(0, 1), "first in b");
  list.report(DiagCode::EmptyFile, a.span(10, 11), "second line of a");
  list.report(DiagCode::EmptyFile, a.span(0, 1), "start of a, reported first");
  list.report(DiagCode::EmptyFile, a.span(0, 2), "start of a, reported second");
  list.sortByLocation();
  std::vector<std::string> order;
  for (const Diagnostic& d : list.all()) order.push_back(d.message);
  EXPECT_EQ(order, (std::vector<std::string>{
                       "`start of a, reported first` declares nothing",
                       "`start of a, reported second` declares nothing",
                       "`second line of a` declares nothing",
                       "`first in b` declares nothing",
                   }));
}

TEST(DiagnosticsListTest, AppendKeepsOrderAndTheFilesSpansPointInto) {
  Diagnostics target;
  {
    Diagnostics source;
    auto file = std::make_shared<SourceFile>("gone.pgc", "let a = 1\n");
    source.report(DiagCode::EmptyFile, file->span(4, 5), "gone.pgc");
    source.retainFile(file);
    target.append(source);
  }
  ASSERT_EQ(target.all().size(), 1u);
  const Span& span = target.all()[0].span;
  // The file is owned by nothing but the diagnostics now; the span must still read it.
  EXPECT_EQ(span.file->path(), "gone.pgc");
  EXPECT_EQ(span.file->line(span.start.line), "let a = 1");
}

}  // namespace
}  // namespace pgc
