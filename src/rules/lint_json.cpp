// `pgc lint --format json`: every diagnostic with its place, notes and help, and a summary,
// for scripts. One object per diagnostic, in the order pgc reports them.
#include <nlohmann/json.hpp>

#include "pgc/rules_lint.h"

namespace pgc::rules {
namespace {

using Json = nlohmann::ordered_json;

void place(Json& out, const Span& span) {
  if (!span.valid()) return;
  out["file"] = span.file->path();
  out["line"] = span.start.line;
  out["column"] = span.start.column;
  out["endLine"] = span.stop.line;
  out["endColumn"] = span.stop.column;
}

}  // namespace

std::string lintJson(const Diagnostics& diagnostics) {
  Json list = Json::array();
  size_t counts[3] = {0, 0, 0};
  for (const Diagnostic& d : diagnostics.all()) {
    ++counts[static_cast<int>(d.severity)];
    Json entry;
    entry["code"] = codeString(d.code);
    entry["name"] = info(d.code).name;
    entry["severity"] = severityName(d.severity);
    entry["message"] = d.message;
    place(entry, d.span);
    Json notes = Json::array();
    for (const DiagNote& note : d.notes) {
      Json n;
      n["message"] = note.message;
      if (note.span) place(n, *note.span);
      notes.push_back(std::move(n));
    }
    entry["notes"] = std::move(notes);
    if (d.fix) entry["help"] = d.fix->message;
    list.push_back(std::move(entry));
  }
  Json out;
  out["version"] = 1;
  out["diagnostics"] = std::move(list);
  out["summary"] = {{"errors", counts[0]}, {"warnings", counts[1]}, {"notes", counts[2]}};
  return out.dump(2) + "\n";
}

}  // namespace pgc::rules
