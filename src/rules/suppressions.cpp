// `@allow` and `severities`. An `@allow` on an item silences its code for diagnostics placed
// inside the item, or about the item (a cluster whose defaulted location points into its
// environment). Only platform rules can be silenced or changed: syntax, name and type errors
// cannot (docs/language.md, Decorators).
#include "suppressions.h"

#include <fmt/format.h>

#include "pgc/rules.h"
#include "wording.h"

namespace pgc::rules {
namespace {

bool inside(const Span& inner, const Span& outer) {
  return inner.valid() && outer.valid() && inner.file == outer.file && inner.begin >= outer.begin &&
         inner.end <= outer.end;
}

std::vector<std::string> ruleCodes() {
  std::vector<std::string> out;
  for (const DiagInfo& entry : allDiagnostics()) {
    if (isRule(entry.code)) out.push_back(codeString(entry.code));
  }
  return out;
}

std::optional<Severity> severityNamed(const std::string& name) {
  if (name == "error") return Severity::Error;
  if (name == "warning") return Severity::Warning;
  if (name == "note") return Severity::Note;
  return std::nullopt;
}

}  // namespace

bool sameSpan(const Span& a, const Span& b) {
  return a.file == b.file && a.begin == b.begin && a.end == b.end;
}

SeverityOverrides readSeverityOverrides(const model::Project& project, Diagnostics& sink) {
  SeverityOverrides out;
  for (const model::NamedValue& entry : project.severities) {
    const DiagInfo* code = findCode(entry.name);
    if (!code || !severityAdjustable(code->code)) {
      Diagnostic& d = sink.report(DiagCode::BadSeverityOverride, entry.span,
                                  fmt::format("names `{}`, which is not a rule", entry.name));
      if (code)
        d.note("only the platform rules (PGC2100 and up) and PGC2001 can change severity");
      else if (auto best = closestName(entry.name, ruleCodes()))
        d.help("did you mean `" + *best + "`?");
      else
        d.help("write a rule's code as diagnostics print it, such as `PGC2104 = \"error\"`");
      continue;
    }
    std::optional<Severity> severity = severityNamed(entry.value);
    if (!severity) {
      sink.report(DiagCode::BadSeverityOverride, entry.span,
                  fmt::format("gives `{}` the severity `{}`", entry.name, entry.value))
          .help("use \"error\", \"warning\" or \"note\"");
      continue;
    }
    out[code->code] = *severity;
  }
  return out;
}

void applyOverride(const SeverityOverrides& overrides, Diagnostic& d) {
  auto it = overrides.find(d.code);
  if (it != overrides.end()) d.severity = it->second;
}

bool checkAllowCode(const model::Suppression& allow, Diagnostics& sink) {
  const DiagInfo* code = findCode(allow.code);
  if (code && isRule(code->code)) return true;
  Diagnostic& d = sink.report(DiagCode::AllowNotARule, allow.decorator, allow.code);
  if (code) {
    d.note(
        "`@allow` silences the platform rules (PGC2100 and up); syntax, name and type errors "
        "must be fixed");
  } else if (auto best = closestName(allow.code, ruleCodes())) {
    d.help("did you mean `" + *best + "`?");
  } else {
    d.help("write the code as the diagnostic prints it, such as `@allow(PGC2104, reason = \"…\")`");
  }
  return false;
}

bool silences(const model::Suppression& allow, const Diagnostic& d, const Span& subject) {
  if (codeString(d.code) != allow.code) return false;
  return inside(d.span, allow.item) || inside(subject, allow.item);
}

}  // namespace pgc::rules
