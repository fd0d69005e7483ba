// Source files and spans: where every AST node and diagnostic points in the user's text.
// Offsets are bytes; lines and columns are 1-based, columns counted in Unicode code points.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pgc {

// A position in a file, as users read it.
struct Position {
  uint32_t line = 0;
  uint32_t column = 0;
};

class SourceFile;

// A half-open byte range [begin, end) of one file, with its start and end positions.
struct Span {
  const SourceFile* file = nullptr;
  uint32_t begin = 0;
  uint32_t end = 0;
  Position start;
  Position stop;  // the position just after the last character

  bool valid() const { return file != nullptr; }
  // "3:5-3:12", as tests and `pgc ast` print spans.
  std::string str() const;
};

// One loaded file: its display path, its bytes, and the table of line starts.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  uint32_t lineCount() const { return static_cast<uint32_t>(lineStarts_.size()); }

  // The position of a byte offset; offsets past the end clamp to the end of the file.
  Position position(uint32_t offset) const;
  Span span(uint32_t begin, uint32_t end) const;
  // The text of a 1-based line, without its line break.
  std::string_view line(uint32_t line) const;
  uint32_t lineStart(uint32_t line) const { return lineStarts_.at(line - 1); }

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> lineStarts_;
};

using SourceFilePtr = std::shared_ptr<const SourceFile>;

// UTF-8 helpers shared by the front end and the renderer.
namespace utf8 {
// Length of the sequence that starts with this lead byte (1 for invalid leads).
int sequenceLength(unsigned char lead);
// Offset of the first byte that is not valid UTF-8, or npos when the text is valid.
size_t firstInvalidByte(std::string_view text);
// Decodes the code point at `offset` (which must start a valid sequence).
char32_t decode(std::string_view text, size_t offset);
// Columns a code point takes on a terminal: 2 for East Asian wide characters, else 1.
int displayWidth(char32_t cp);
}  // namespace utf8

}  // namespace pgc
