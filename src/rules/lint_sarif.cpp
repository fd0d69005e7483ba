// `pgc lint --format sarif`: a SARIF 2.1.0 log for code scanning. tool.driver.rules
// describes every code pgc has (id, name, short and full description, help, default level),
// and each result points at its rule by id and index, with its region in the file.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "pgc/rules_docs.h"
#include "pgc/rules_lint.h"

namespace pgc::rules {
namespace {

using Json = nlohmann::ordered_json;

const char* level(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

// A message template as a description: its placeholders read as `…`.
std::string templateText(const char* message) {
  std::string out;
  for (const char* p = message; *p; ++p) {
    if (p[0] == '{' && p[1] == '{') {
      out += '{';
      ++p;
    } else if (p[0] == '}' && p[1] == '}') {
      out += '}';
      ++p;
    } else if (*p == '{') {
      while (*p && *p != '}') ++p;
      out += "…";
      if (!*p) break;
    } else {
      out += *p;
    }
  }
  return out;
}

// A path as a relative URI reference: `/` separators, reserved characters percent-encoded.
std::string uri(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    bool plain = std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    out += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return out;
}

Json location(const Span& span) {
  Json region = {{"startLine", span.start.line},
                 {"startColumn", span.start.column},
                 {"endLine", span.stop.line},
                 {"endColumn", span.stop.column}};
  return {{"physicalLocation",
           {{"artifactLocation", {{"uri", uri(span.file->path())}}}, {"region", region}}}};
}

Json rule(const DiagInfo& entry) {
  const RuleDoc* doc = ruleDoc(entry.code);
  std::string summary = doc ? doc->summary : templateText(entry.message);
  std::string full = doc && !doc->explanation.empty() ? doc->explanation : summary;
  Json out = {{"id", codeString(entry.code)},
              {"name", entry.name},
              {"shortDescription", {{"text", summary}}},
              {"fullDescription", {{"text", full}}}};
  if (doc) {
    out["help"] = {{"text", doc->fix.empty() ? summary : doc->fix}, {"markdown", doc->markdown}};
  } else {
    out["help"] = {{"text", fmt::format("See `pgc explain {}`.", codeString(entry.code))}};
  }
  out["defaultConfiguration"] = {{"level", level(entry.severity)}};
  return out;
}

Json result(const Diagnostic& d) {
  std::string text = d.message;
  if (d.fix) text += "\nhelp: " + d.fix->message;
  Json out = {{"ruleId", codeString(d.code)},
              {"ruleIndex", static_cast<int>(d.code)},
              {"level", level(d.severity)},
              {"message", {{"text", text}}}};
  if (d.span.valid()) out["locations"] = Json::array({location(d.span)});
  Json related = Json::array();
  for (const DiagNote& note : d.notes) {
    if (!note.span || !note.span->valid()) continue;
    Json place = location(*note.span);
    place["id"] = related.size();
    place["message"] = {{"text", note.message}};
    related.push_back(std::move(place));
  }
  if (!related.empty()) out["relatedLocations"] = std::move(related);
  return out;
}

}  // namespace

std::string lintSarif(const Diagnostics& diagnostics) {
  Json rules = Json::array();
  for (const DiagInfo& entry : allDiagnostics()) rules.push_back(rule(entry));
  Json results = Json::array();
  for (const Diagnostic& d : diagnostics.all()) results.push_back(result(d));
  Json driver = {{"name", "pgc"}, {"version", PGC_VERSION}, {"rules", std::move(rules)}};
  Json run = {{"tool", {{"driver", std::move(driver)}}},
              {"columnKind", "unicodeCodePoints"},
              {"results", std::move(results)}};
  Json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", Json::array({std::move(run)})}};
  return log.dump(2) + "\n";
}

}  // namespace pgc::rules
