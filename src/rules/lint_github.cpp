// `pgc lint --format github`: GitHub Actions workflow commands, one line per diagnostic,
// which the runner shows as annotations on the pull request's files.
#include <fmt/format.h>

#include "pgc/rules_lint.h"

namespace pgc::rules {
namespace {

// Workflow commands escape `%`, CR and LF in data, and also `:` and `,` in properties.
std::string escape(const std::string& text, bool property) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

const char* command(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "notice";
  }
  return "error";
}

}  // namespace

std::string lintGithub(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.all()) {
    std::string properties;
    if (d.span.valid()) {
      properties = fmt::format("file={},line={},col={},endLine={},endColumn={},",
                               escape(d.span.file->path(), true), d.span.start.line,
                               d.span.start.column, d.span.stop.line, d.span.stop.column);
    }
    properties += "title=" + escape(codeString(d.code) + " " + info(d.code).name, true);
    std::string message = d.message;
    for (const DiagNote& note : d.notes) message += "\nnote: " + note.message;
    if (d.fix) message += "\nhelp: " + d.fix->message;
    out += fmt::format("::{} {}::{}\n", command(d.severity), properties, escape(message, false));
  }
  return out;
}

}  // namespace pgc::rules
