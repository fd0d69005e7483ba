// The registry of diagnostic codes, expanded from codes.def.
#include <fmt/format.h>

#include <algorithm>

#include "pgc/diagnostics.h"

namespace pgc {

const std::vector<DiagInfo>& allDiagnostics() {
  static const std::vector<DiagInfo> registry = {
#define PGC_DIAGNOSTIC(number, name, kebab, severity, message) \
  {DiagCode::name, number, kebab, Severity::severity, message},
#include "pgc/diagnostics/codes.def"
#undef PGC_DIAGNOSTIC
  };
  return registry;
}

const DiagInfo& info(DiagCode code) { return allDiagnostics().at(static_cast<size_t>(code)); }

std::string codeString(DiagCode code) { return fmt::format("PGC{:04}", info(code).number); }

const char* severityName(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

Diagnostic& Diagnostic::note(std::string text) {
  notes.push_back({std::nullopt, std::move(text)});
  return *this;
}

Diagnostic& Diagnostic::note(const Span& where, std::string text) {
  notes.push_back({where, std::move(text)});
  return *this;
}

Diagnostic& Diagnostic::help(std::string text) {
  fix = Fix{std::move(text), std::nullopt, {}};
  return *this;
}

Diagnostic& Diagnostics::add(Diagnostic diagnostic) {
  list_.push_back(std::move(diagnostic));
  return list_.back();
}

void Diagnostics::append(const Diagnostics& other) {
  list_.insert(list_.end(), other.list_.begin(), other.list_.end());
  retainedFiles_.insert(retainedFiles_.end(), other.retainedFiles_.begin(),
                        other.retainedFiles_.end());
}

void Diagnostics::retainFile(SourceFilePtr file) { retainedFiles_.push_back(std::move(file)); }

size_t Diagnostics::errorCount() const {
  return static_cast<size_t>(std::count_if(list_.begin(), list_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::Error;
  }));
}

void Diagnostics::removeDuplicates() {
  std::vector<Diagnostic> kept;
  for (Diagnostic& d : list_) {
    bool seen = std::any_of(kept.begin(), kept.end(), [&](const Diagnostic& k) {
      return k.code == d.code && k.span.file == d.span.file && k.span.begin == d.span.begin &&
             k.span.end == d.span.end && k.message == d.message;
    });
    if (!seen) kept.push_back(std::move(d));
  }
  list_ = std::move(kept);
}

void Diagnostics::sortByLocation() {
  std::stable_sort(list_.begin(), list_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    std::string pathA = a.span.valid() ? a.span.file->path() : "";
    std::string pathB = b.span.valid() ? b.span.file->path() : "";
    if (pathA != pathB) return pathA < pathB;
    return a.span.begin < b.span.begin;
  });
}

}  // namespace pgc
