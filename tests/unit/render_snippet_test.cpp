// The source line and its underline: carets must sit under the span's characters however
// the line is written (tabs, wide characters, control bytes) and however long it is.
#include <gtest/gtest.h>

#include <memory>

#include "pgc/render.h"

namespace pgc {
namespace {

const RenderOptions kPlain{false};

// The snippet of the span [begin, end) of a one-file `text`.
std::string snippet(const std::string& text, uint32_t begin, uint32_t end, char marker = '^') {
  SourceFile file("f.pgc", text);
  return renderSnippet(file.span(begin, end), marker, kPlain);
}

// What a snippet of line 1 looks like: the gutter, the shown text, and `marks` after `indent`
// columns.
std::string lineOne(const std::string& shown, int indent, const std::string& marks) {
  return "  |\n1 | " + shown + "\n  | " + std::string(indent, ' ') + marks + "\n";
}

const std::string kEllipsis = "\xE2\x80\xA6";
const std::string kReplacement = "\xEF\xBF\xBD";

TEST(RenderSnippetTest, UnderlinesTheSpan) {
  EXPECT_EQ(snippet("let storage = 128gb\n", 14, 19),
            "  |\n"
            "1 | let storage = 128gb\n"
            "  |               ^^^^^\n");
}

TEST(RenderSnippetTest, UsesTheGivenMarker) {
  EXPECT_EQ(snippet("cluster main {\n", 13, 14, '-'),
            "  |\n"
            "1 | cluster main {\n"
            "  |              -\n");
}

TEST(RenderSnippetTest, EmptySpanGetsOneCaret) {
  EXPECT_EQ(snippet("let a =\n", 7, 7),
            "  |\n"
            "1 | let a =\n"
            "  |        ^\n");
}

TEST(RenderSnippetTest, ShowsTheLineOfTheSpanWithAWiderGutter) {
  std::string text;
  for (int i = 1; i <= 11; ++i) text += "let a" + std::to_string(i) + " = 1\n";
  SourceFile file("f.pgc", text);
  uint32_t begin = file.lineStart(11) + 4;
  EXPECT_EQ(renderSnippet(file.span(begin, begin + 3), '^', kPlain),
            "   |\n"
            "11 | let a11 = 1\n"
            "   |     ^^^\n");
}

TEST(RenderSnippetTest, TabsAreShownAsFourSpacesAndCaretsFollowThem) {
  EXPECT_EQ(snippet("\tnodes: 3\n", 6, 7),
            "  |\n"
            "1 |     nodes: 3\n"
            "  |          ^\n");
  // A span over a tab underlines all four columns.
  EXPECT_EQ(snippet("a\tb\n", 1, 2),
            "  |\n"
            "1 | a    b\n"
            "  |  ^^^^\n");
}

TEST(RenderSnippetTest, WideCharactersTakeTwoColumns) {
  // `名前` is two wide characters, three bytes each.
  const std::string text = "let \xE5\x90\x8D\xE5\x89\x8D = #\n";
  EXPECT_EQ(snippet(text, 13, 14),
            "  |\n"
            "1 | let \xE5\x90\x8D\xE5\x89\x8D = #\n"
            "  |            ^\n");
  EXPECT_EQ(snippet(text, 4, 10),
            "  |\n"
            "1 | let \xE5\x90\x8D\xE5\x89\x8D = #\n"
            "  |     ^^^^\n");
}

TEST(RenderSnippetTest, NarrowMultiByteCharactersTakeOneColumn) {
  const std::string text = "let caf\xC3\xA9 = #\n";
  EXPECT_EQ(snippet(text, 12, 13),
            "  |\n"
            "1 | let caf\xC3\xA9 = #\n"
            "  |            ^\n");
}

TEST(RenderSnippetTest, ControlAndInvalidBytesAreShownAsReplacementCharacters) {
  std::string text = std::string("a\0b", 3) + "\x01" + "c" + "\xFF" + "d\n";
  const std::string& r = kReplacement;
  EXPECT_EQ(snippet(text, 5, 6), lineOne("a" + r + "b" + r + "c" + r + "d", 5, "^"));
}

TEST(RenderSnippetTest, SpanOverSeveralLinesUnderlinesToTheEndOfItsFirstLine) {
  EXPECT_EQ(snippet("cluster main {\n  nodes = 3\n}\n", 8, 28),
            "  |\n"
            "1 | cluster main {\n"
            "  |         ^^^^^^\n");
}

TEST(RenderSnippetTest, SpanAtTheEndOfACrlfLineStaysOnThatLine) {
  EXPECT_EQ(snippet("let a =\r\nlet b = 2\r\n", 7, 7),
            "  |\n"
            "1 | let a =\n"
            "  |        ^\n");
}

// A line of `count` characters `x` with `#` at 0-based index `at`.
std::string longLine(size_t count, size_t at) {
  std::string line(count, 'x');
  line[at] = '#';
  return line + "\n";
}

TEST(RenderSnippetTest, LongLineIsCutOnBothSidesOfTheSpan) {
  // 40 characters of context before the span, 120 shown in all, `…` for what is cut.
  std::string shown = kEllipsis + std::string(40, 'x') + "#" + std::string(79, 'x') + kEllipsis;
  EXPECT_EQ(snippet(longLine(300, 200), 200, 201), lineOne(shown, 41, "^"));
}

TEST(RenderSnippetTest, LongLineWithTheSpanNearItsStartIsCutAtTheEnd) {
  std::string shown = "xxxxx#" + std::string(114, 'x') + kEllipsis;
  EXPECT_EQ(snippet(longLine(300, 5), 5, 6), lineOne(shown, 5, "^"));
}

TEST(RenderSnippetTest, LongLineWithTheSpanNearItsEndIsCutAtTheStart) {
  std::string shown = kEllipsis + std::string(40, 'x') + "#xxxx";
  EXPECT_EQ(snippet(longLine(300, 295), 295, 296), lineOne(shown, 41, "^"));
}

TEST(RenderSnippetTest, LineOfExactlyTheLimitIsNotCut) {
  std::string shown = std::string(119, 'x') + "#";
  EXPECT_EQ(snippet(longLine(120, 119), 119, 120), lineOne(shown, 119, "^"));
}

TEST(RenderSnippetTest, UnderlineOfAVeryLongSpanIsCappedAtTheShownWidth) {
  std::string shown = std::string(120, 'x') + kEllipsis;
  EXPECT_EQ(snippet(std::string(500, 'x') + "\n", 0, 500),
            lineOne(shown, 0, std::string(120, '^')));
}

}  // namespace
}  // namespace pgc
