// Takes the embedded docs/rules/*.md files apart into summary, explanation and fix.
#include <algorithm>
#include <sstream>

#include "pgc/rules_docs.h"

namespace pgc::rules {
namespace {

std::string trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \n");
  return text.substr(begin, end - begin + 1);
}

// The text of the section that starts with `heading` (a whole line), up to the next `## `.
std::string section(const std::string& markdown, const std::string& heading) {
  size_t at = markdown.find("\n" + heading + "\n");
  if (at == std::string::npos) return "";
  size_t start = at + heading.size() + 2;
  size_t next = markdown.find("\n## ", start);
  return trim(markdown.substr(start, next == std::string::npos ? std::string::npos : next - start));
}

RuleDoc parse(const EmbeddedRuleDoc& embedded) {
  RuleDoc doc;
  doc.number = embedded.number;
  doc.markdown = embedded.markdown;
  std::istringstream lines(doc.markdown);
  std::string title;
  std::getline(lines, title);
  size_t space = title.find(' ', 2);
  if (title.rfind("# PGC", 0) == 0 && space != std::string::npos)
    doc.name = trim(title.substr(space));
  size_t bodyStart = doc.markdown.find('\n');
  size_t example = doc.markdown.find("\n## ");
  std::string body = trim(
      doc.markdown.substr(bodyStart == std::string::npos ? doc.markdown.size() : bodyStart,
                          example == std::string::npos ? std::string::npos : example - bodyStart));
  size_t paragraph = body.find("\n\n");
  doc.summary = trim(body.substr(0, paragraph));
  std::replace(doc.summary.begin(), doc.summary.end(), '\n', ' ');
  if (paragraph != std::string::npos) doc.explanation = trim(body.substr(paragraph));
  doc.fix = section(doc.markdown, "## Fix");
  return doc;
}

}  // namespace

const std::vector<RuleDoc>& allRuleDocs() {
  static const std::vector<RuleDoc> docs = [] {
    std::vector<RuleDoc> out;
    for (const EmbeddedRuleDoc& embedded : embeddedRuleDocs()) out.push_back(parse(embedded));
    std::sort(out.begin(), out.end(),
              [](const RuleDoc& a, const RuleDoc& b) { return a.number < b.number; });
    return out;
  }();
  return docs;
}

const RuleDoc* ruleDoc(DiagCode code) {
  int number = info(code).number;
  for (const RuleDoc& doc : allRuleDocs()) {
    if (doc.number == number) return &doc;
  }
  return nullptr;
}

}  // namespace pgc::rules
