// Finds what the lexer could not make sense of: stray characters, unterminated strings,
// comments and raw SQL. The lexer puts these on its ERRORS channel instead of failing.
#pragma once

#include <vector>

#include "antlr4-runtime.h"
#include "pgc/diagnostics.h"
#include "token_positions.h"

namespace pgc::syntax {

struct LexicalScan {
  // Set when an unterminated construct swallowed the rest of the file: errors the parser
  // reports at the end of the file are consequences of it and are not shown.
  bool swallowedEndOfFile = false;
  // Offsets of the first tokens after a stray character or an unterminated string: an error
  // the parser reports there is a consequence of the lexical one.
  std::vector<uint32_t> shadowedOffsets;

  bool shadows(const Span& span, size_t fileSize) const;
};

LexicalScan scanLexicalErrors(const std::vector<antlr4::Token*>& tokens,
                              const TokenPositions& positions, Diagnostics& sink);

}  // namespace pgc::syntax
