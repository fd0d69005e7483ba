// Code point to byte offset mapping for tokens and parse tree nodes.
#include "token_positions.h"

#include <algorithm>

namespace pgc::syntax {

TokenPositions::TokenPositions(const SourceFile& file) : file_(file) {
  const std::string& text = file.text();
  byteOfCodePoint_.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    byteOfCodePoint_.push_back(static_cast<uint32_t>(i));
    i += static_cast<size_t>(utf8::sequenceLength(static_cast<unsigned char>(text[i])));
  }
  byteOfCodePoint_.push_back(static_cast<uint32_t>(text.size()));
}

uint32_t TokenPositions::fromLineColumn(const antlr4::Token* token) const {
  uint32_t line = static_cast<uint32_t>(std::max<size_t>(token->getLine(), 1));
  if (line > file_.lineCount()) return static_cast<uint32_t>(file_.text().size());
  uint32_t offset = file_.lineStart(line);
  std::string_view rest = file_.line(line);
  size_t column = token->getCharPositionInLine();
  size_t i = 0;
  for (size_t k = 0; k < column && i < rest.size(); ++k) {
    i += static_cast<size_t>(utf8::sequenceLength(static_cast<unsigned char>(rest[i])));
  }
  return offset + static_cast<uint32_t>(std::min(i, rest.size()));
}

uint32_t TokenPositions::begin(const antlr4::Token* token) const {
  size_t index = token->getStartIndex();
  if (index == INVALID_INDEX || index >= byteOfCodePoint_.size()) {
    return fromLineColumn(token);
  }
  return byteOfCodePoint_[index];
}

uint32_t TokenPositions::end(const antlr4::Token* token) const {
  size_t start = token->getStartIndex();
  size_t stop = token->getStopIndex();
  if (start == INVALID_INDEX || stop == INVALID_INDEX || stop + 1 < start ||
      stop + 1 >= byteOfCodePoint_.size()) {
    return begin(token);
  }
  return byteOfCodePoint_[stop + 1];
}

Span TokenPositions::span(const antlr4::Token* token) const {
  return file_.span(begin(token), end(token));
}

Span TokenPositions::span(const antlr4::Token* first, const antlr4::Token* last) const {
  uint32_t from = begin(first);
  uint32_t to = last ? std::max(end(last), from) : end(first);
  return file_.span(from, to);
}

Span TokenPositions::span(const antlr4::ParserRuleContext* context) const {
  auto* mutableContext = const_cast<antlr4::ParserRuleContext*>(context);
  return span(mutableContext->getStart(), mutableContext->getStop());
}

}  // namespace pgc::syntax
