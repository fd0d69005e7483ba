// Maps ANTLR token positions (code point indices) to byte offsets and spans of a SourceFile.
#pragma once

#include <vector>

#include "antlr4-runtime.h"
#include "pgc/source.h"

namespace pgc::syntax {

class TokenPositions {
 public:
  explicit TokenPositions(const SourceFile& file);

  uint32_t begin(const antlr4::Token* token) const;
  uint32_t end(const antlr4::Token* token) const;
  Span span(const antlr4::Token* token) const;
  Span span(const antlr4::ParserRuleContext* context) const;
  Span span(const antlr4::Token* first, const antlr4::Token* last) const;
  const SourceFile& file() const { return file_; }

 private:
  // Tokens conjured by error recovery have no index: place them by line and column.
  uint32_t fromLineColumn(const antlr4::Token* token) const;
  const SourceFile& file_;
  std::vector<uint32_t> byteOfCodePoint_;  // one entry per code point, plus the end
};

}  // namespace pgc::syntax
