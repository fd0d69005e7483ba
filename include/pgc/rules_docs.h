// The long explanations of the diagnostic codes, one Markdown file per code under docs/rules/,
// compiled into pgc so that `pgc explain`, SARIF's rule descriptions and docs/rules.md read
// the same text wherever pgc is installed.
#pragma once

#include <string>
#include <vector>

#include "pgc/diagnostics.h"

namespace pgc::rules {

// One docs/rules/PGCnnnn.md, taken apart:
//   # PGCnnnn kebab-name
//   <summary: one paragraph>
//   <explanation: paragraphs, up to `## Example`>
//   ## Example … ## Fix …
struct RuleDoc {
  int number = 0;
  std::string name;         // from the title line; must match the registry
  std::string summary;      // one sentence
  std::string explanation;  // the paragraphs after the summary, before `## Example`
  std::string fix;          // the `## Fix` section
  std::string markdown;     // the whole file
};

// The explanation of `code`, or null when it has none yet.
const RuleDoc* ruleDoc(DiagCode code);
const std::vector<RuleDoc>& allRuleDocs();

// Filled by the build from docs/rules/*.md (generated/rule_docs.cpp): number → file text.
struct EmbeddedRuleDoc {
  int number;
  const char* markdown;
};
const std::vector<EmbeddedRuleDoc>& embeddedRuleDocs();

}  // namespace pgc::rules
