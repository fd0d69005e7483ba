// The syntax stage: reads a file, checks it is text pgc can read, and parses it to an AST.
#pragma once

#include <memory>
#include <string>

#include "pgc/ast.h"
#include "pgc/diagnostics.h"
#include "pgc/source.h"

namespace pgc::syntax {

// Source files larger than this are refused before they are read.
constexpr size_t kMaxSourceBytes = 4 * 1024 * 1024;
// Syntax errors shown per file before the rest are summarised in one note.
constexpr size_t kMaxSyntaxErrors = 10;
// Deepest nesting of blocks, brackets and operators the parser accepts.
constexpr size_t kMaxNesting = 200;

struct LoadResult {
  SourceFilePtr file;       // null when the file could not be used
  Diagnostics diagnostics;  // why not
  bool ioError = false;     // missing, unreadable or a directory: exit code 2, not 1
};

// Reads `path` for parsing; `displayPath` is how diagnostics name it.
LoadResult loadSource(const std::string& path, const std::string& displayPath);
// Checks text already in memory (tests, editors): binary content, UTF-8, size.
LoadResult checkSource(std::string displayPath, std::string text);

struct ParseResult {
  std::unique_ptr<ast::Module> module;  // always set; partial when there were errors
  Diagnostics diagnostics;
};

ParseResult parse(const SourceFilePtr& file);

}  // namespace pgc::syntax
