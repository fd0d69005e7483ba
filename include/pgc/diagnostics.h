// Diagnostics as data: what went wrong, where, and how to fix it. Renderers read these.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "pgc/source.h"

namespace pgc {

enum class Severity { Error, Warning, Note };

enum class DiagCode {
#define PGC_DIAGNOSTIC(number, name, kebab, severity, message) name,
#include "pgc/diagnostics/codes.def"
#undef PGC_DIAGNOSTIC
};

// What the registry says of one code.
struct DiagInfo {
  DiagCode code;
  int number;
  const char* name;  // kebab-case
  Severity severity;
  const char* message;
};

const DiagInfo& info(DiagCode code);
const std::vector<DiagInfo>& allDiagnostics();
std::string codeString(DiagCode code);  // "PGC0020"
const char* severityName(Severity severity);

// A secondary place that explains the primary one ("first defined here").
struct DiagNote {
  std::optional<Span> span;
  std::string message;
};

// How to fix it: a sentence, and optionally an exact replacement of a span.
struct Fix {
  std::string message;
  std::optional<Span> span;
  std::string replacement;
};

struct Diagnostic {
  DiagCode code;
  Severity severity;
  Span span;  // invalid for diagnostics about a whole file that could not be read
  std::string message;
  std::vector<DiagNote> notes;
  std::optional<Fix> fix;

  Diagnostic& note(std::string message);
  Diagnostic& note(const Span& span, std::string message);
  Diagnostic& help(std::string message);
};

// Builds a diagnostic from the registry's template.
template <typename... Args>
Diagnostic makeDiagnostic(DiagCode code, const Span& span, Args&&... args) {
  const DiagInfo& entry = info(code);
  return Diagnostic{code, entry.severity, span,
                    fmt::format(fmt::runtime(entry.message), std::forward<Args>(args)...),
                    {}, std::nullopt};
}

// The diagnostics of one run, in the order they were reported.
class Diagnostics {
 public:
  Diagnostic& add(Diagnostic diagnostic);
  template <typename... Args>
  Diagnostic& report(DiagCode code, const Span& span, Args&&... args) {
    return add(makeDiagnostic(code, span, std::forward<Args>(args)...));
  }
  void append(const Diagnostics& other);
  // Keeps `file` alive as long as these diagnostics, for spans into a file that nothing else
  // owns, such as one that checkSource refused.
  void retainFile(SourceFilePtr file);

  const std::vector<Diagnostic>& all() const { return list_; }
  size_t errorCount() const;
  bool hasErrors() const { return errorCount() > 0; }
  bool empty() const { return list_.empty(); }
  // Drops diagnostics equal to an earlier one in code, place and message.
  void removeDuplicates();
  // Sorts by file, then position, keeping the report order of equal positions.
  void sortByLocation();

 private:
  std::vector<Diagnostic> list_;
  std::vector<SourceFilePtr> retainedFiles_;
};

}  // namespace pgc
