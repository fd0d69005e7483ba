// `@allow(CODE, reason = "…")` and the project's `severities`: how a program silences a rule
// on one item, or changes a rule's severity everywhere, and the checks of both.
#pragma once

#include <map>

#include "pgc/diagnostics.h"
#include "pgc/model.h"

namespace pgc::rules {

using SeverityOverrides = std::map<DiagCode, Severity>;

// The valid entries of `project.severities`; invalid ones are reported (PGC2003).
SeverityOverrides readSeverityOverrides(const model::Project& project, Diagnostics& sink);
void applyOverride(const SeverityOverrides& overrides, Diagnostic& d);

// Whether `allow` names a rule it can silence; reports it (PGC2002) when not.
bool checkAllowCode(const model::Suppression& allow, Diagnostics& sink);
// Whether `allow` silences `d`, which is about the construct at `subject`.
bool silences(const model::Suppression& allow, const Diagnostic& d, const Span& subject);
bool sameSpan(const Span& a, const Span& b);

}  // namespace pgc::rules
