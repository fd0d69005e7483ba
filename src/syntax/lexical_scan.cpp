// Reports lexical errors from the token stream, one diagnostic per mistake.
#include "lexical_scan.h"

#include <algorithm>

#include "PgcLexer.h"

namespace pgc::syntax {
namespace {

using generated::PgcLexer;

void reportStrayCharacters(const std::string& text, const Span& span, Diagnostics& sink) {
  Diagnostic& d = sink.report(DiagCode::UnexpectedCharacter, span, text);
  if (text[0] == '\'') d.help("strings are written in double quotes: \"…\"");
  else if (text[0] == '#') d.help("comments start with `//`");
  else if (text[0] == '&' || text[0] == '|') d.help("write `&&` or `||`");
}

}  // namespace

bool LexicalScan::shadows(const Span& span, size_t fileSize) const {
  if (swallowedEndOfFile && span.begin >= fileSize) return true;
  return std::find(shadowedOffsets.begin(), shadowedOffsets.end(), span.begin) !=
         shadowedOffsets.end();
}

LexicalScan scanLexicalErrors(const std::vector<antlr4::Token*>& tokens,
                              const TokenPositions& positions, Diagnostics& sink) {
  LexicalScan scan;
  std::vector<antlr4::Token*> openStrings;
  // A run of adjacent stray characters is one mistake.
  antlr4::Token* strayFirst = nullptr;
  antlr4::Token* strayLast = nullptr;
  bool shadowNext = false;
  auto flushStray = [&] {
    if (!strayFirst) return;
    Span span = positions.span(strayFirst, strayLast);
    reportStrayCharacters(positions.file().text().substr(span.begin, span.end - span.begin), span,
                          sink);
    strayFirst = strayLast = nullptr;
  };
  for (antlr4::Token* token : tokens) {
    size_t type = token->getType();
    if (type == PgcLexer::ERROR_CHAR) {
      if (strayLast && positions.end(strayLast) == positions.begin(token)) {
        strayLast = token;
      } else {
        flushStray();
        strayFirst = strayLast = token;
      }
      continue;
    }
    if (strayFirst) shadowNext = true;
    flushStray();
    if (shadowNext && token->getChannel() == antlr4::Token::DEFAULT_CHANNEL) {
      scan.shadowedOffsets.push_back(positions.begin(token));
      shadowNext = false;
    }
    switch (type) {
      case PgcLexer::UNTERMINATED_COMMENT: {
        uint32_t at = positions.begin(token);
        sink.report(DiagCode::UnterminatedComment, positions.file().span(at, at + 2))
            .help("close the comment with `*/`");
        scan.swallowedEndOfFile = true;
        break;
      }
      case PgcLexer::UNTERMINATED_RAW_SQL: {
        uint32_t at = positions.begin(token);
        sink.report(DiagCode::UnterminatedRawSql, positions.file().span(at, at + 1))
            .help("close the SQL fragment with a backtick");
        scan.swallowedEndOfFile = true;
        break;
      }
      case PgcLexer::STRING_OPEN:
        openStrings.push_back(token);
        break;
      case PgcLexer::STRING_CLOSE: {
        antlr4::Token* opener = openStrings.empty() ? nullptr : openStrings.back();
        if (!openStrings.empty()) openStrings.pop_back();
        if (token->getText() != "\"" && opener) {
          sink.report(DiagCode::UnterminatedString, positions.span(opener))
              .note("the line ends before the closing `\"`")
              .help("close the string on the same line; write `\\n` for a line break inside it");
          shadowNext = true;
        }
        break;
      }
      case antlr4::Token::EOF:
        if (!openStrings.empty()) {
          sink.report(DiagCode::UnterminatedString, positions.span(openStrings.front()))
              .note("the file ends before the closing `\"`")
              .help("close the string with `\"`");
          scan.swallowedEndOfFile = true;
        }
        break;
      default:
        break;
    }
  }
  flushStray();
  return scan;
}

}  // namespace pgc::syntax
