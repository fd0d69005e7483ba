// UTF-8 validation and decoding: the front end refuses a file at the first byte that is not
// UTF-8, so firstInvalidByte must reject every malformed form and accept every valid one.
#include <gtest/gtest.h>

#include <string>

#include "pgc/source.h"

namespace pgc::utf8 {
namespace {

constexpr size_t kValid = std::string_view::npos;

TEST(Utf8Test, AcceptsAsciiAndEveryValidLength) {
  EXPECT_EQ(firstInvalidByte(""), kValid);
  EXPECT_EQ(firstInvalidByte("project \"x\" {}\n"), kValid);
  EXPECT_EQ(firstInvalidByte("caf\xC3\xA9"), kValid);               // é, 2 bytes
  EXPECT_EQ(firstInvalidByte("\xE5\x90\x8D\xE5\x89\x8D"), kValid);  // 名前, 3 bytes each
  EXPECT_EQ(firstInvalidByte("\xF0\x9F\x98\x80"), kValid);          // 😀, 4 bytes
}

TEST(Utf8Test, AcceptsTheBoundaries) {
  EXPECT_EQ(firstInvalidByte("\xC2\x80"), kValid);          // U+0080, smallest 2-byte
  EXPECT_EQ(firstInvalidByte("\xDF\xBF"), kValid);          // U+07FF
  EXPECT_EQ(firstInvalidByte("\xE0\xA0\x80"), kValid);      // U+0800, smallest 3-byte
  EXPECT_EQ(firstInvalidByte("\xED\x9F\xBF"), kValid);      // U+D7FF, just below surrogates
  EXPECT_EQ(firstInvalidByte("\xEE\x80\x80"), kValid);      // U+E000, just above them
  EXPECT_EQ(firstInvalidByte("\xEF\xBF\xBF"), kValid);      // U+FFFF
  EXPECT_EQ(firstInvalidByte("\xF0\x90\x80\x80"), kValid);  // U+10000, smallest 4-byte
  EXPECT_EQ(firstInvalidByte("\xF4\x8F\xBF\xBF"), kValid);  // U+10FFFF, the largest
}

TEST(Utf8Test, RejectsOverlongEncodings) {
  EXPECT_EQ(firstInvalidByte("ab\xC0\xAF"), 2u);  // `/` in two bytes
  EXPECT_EQ(firstInvalidByte("ab\xC1\xBF"), 2u);
  EXPECT_EQ(firstInvalidByte("ab\xE0\x80\xAF"), 2u);      // `/` in three bytes
  EXPECT_EQ(firstInvalidByte("ab\xE0\x9F\xBF"), 2u);      // U+07FF in three bytes
  EXPECT_EQ(firstInvalidByte("ab\xF0\x80\x80\xAF"), 2u);  // `/` in four bytes
  EXPECT_EQ(firstInvalidByte("ab\xF0\x8F\xBF\xBF"), 2u);  // U+FFFF in four bytes
}

TEST(Utf8Test, RejectsSurrogates) {
  EXPECT_EQ(firstInvalidByte("x\xED\xA0\x80"), 1u);  // U+D800
  EXPECT_EQ(firstInvalidByte("x\xED\xBF\xBF"), 1u);  // U+DFFF
}

TEST(Utf8Test, RejectsCodePointsAboveTheLargest) {
  EXPECT_EQ(firstInvalidByte("x\xF4\x90\x80\x80"), 1u);  // U+110000
  EXPECT_EQ(firstInvalidByte("x\xF5\x80\x80\x80"), 1u);
  EXPECT_EQ(firstInvalidByte("x\xF8\x88\x80\x80\x80"), 1u);  // old 5-byte form
}

TEST(Utf8Test, RejectsTruncatedSequences) {
  EXPECT_EQ(firstInvalidByte("abc\xC3"), 3u);
  EXPECT_EQ(firstInvalidByte("abc\xE5\x90"), 3u);
  EXPECT_EQ(firstInvalidByte("abc\xF0\x9F\x98"), 3u);
  // A lead byte followed by something that is not a continuation byte.
  EXPECT_EQ(firstInvalidByte("\xC3(x"), 0u);
  EXPECT_EQ(firstInvalidByte("\xE5\x90x"), 0u);
  EXPECT_EQ(firstInvalidByte("\xF0\x9F\x98x"), 0u);
}

TEST(Utf8Test, RejectsStrayContinuationAndInvalidBytes) {
  EXPECT_EQ(firstInvalidByte("ok\x80"), 2u);
  EXPECT_EQ(firstInvalidByte("ok\xBF"), 2u);
  EXPECT_EQ(firstInvalidByte("ok\xFE"), 2u);
  EXPECT_EQ(firstInvalidByte("ok\xFF"), 2u);
  EXPECT_EQ(firstInvalidByte("caf\xE9"), 3u);  // Latin-1 é
}

TEST(Utf8Test, ReportsTheFirstOfSeveralProblems) {
  EXPECT_EQ(firstInvalidByte("\xC3\xA9 \xFF \xC0\xAF"), 3u);
}

TEST(Utf8Test, SequenceLengthFollowsTheLeadByte) {
  EXPECT_EQ(sequenceLength('a'), 1);
  EXPECT_EQ(sequenceLength(0xC3), 2);
  EXPECT_EQ(sequenceLength(0xE5), 3);
  EXPECT_EQ(sequenceLength(0xF0), 4);
  EXPECT_EQ(sequenceLength(0x80), 1);  // a continuation byte cannot lead
  EXPECT_EQ(sequenceLength(0xFF), 1);
}

TEST(Utf8Test, DecodesEachLength) {
  EXPECT_EQ(decode("a", 0), U'a');
  EXPECT_EQ(decode("\xC3\xA9", 0), U'\u00E9');
  EXPECT_EQ(decode("x\xE5\x90\x8D", 1), U'\u540D');
  EXPECT_EQ(decode("\xF0\x9F\x98\x80", 0), U'\U0001F600');
}

TEST(Utf8Test, DisplayWidthOfWideCharacters) {
  EXPECT_EQ(displayWidth(U'a'), 1);
  EXPECT_EQ(displayWidth(U'\u00E9'), 1);      // é
  EXPECT_EQ(displayWidth(U'\u540D'), 2);      // 名
  EXPECT_EQ(displayWidth(U'\uAC00'), 2);      // 가
  EXPECT_EQ(displayWidth(U'\uFF21'), 2);      // fullwidth A
  EXPECT_EQ(displayWidth(U'\U0001F600'), 2);  // 😀
}

}  // namespace
}  // namespace pgc::utf8
