// `pgc explain PGC2101`: the long explanation of a diagnostic code, with a failing example
// and its fix (docs/rules/PGC2101.md, compiled into pgc).
#include <fmt/format.h>

#include <cctype>
#include <iostream>

#include "commands.h"
#include "pgc/rules.h"
#include "pgc/rules_docs.h"

namespace pgc::cli {
namespace {

// `PGC2101`, `pgc2101` and `2101` all name PGC2101.
std::string normalizedCode(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (text.rfind("PGC", 0) != 0) text = "PGC" + text;
  std::string digits = text.substr(3);
  if (!digits.empty() && digits.size() < 4 &&
      digits.find_first_not_of("0123456789") == std::string::npos) {
    text = "PGC" + std::string(4 - digits.size(), '0') + digits;
  }
  return text;
}

int explain(const std::string& asked) {
  const DiagInfo* entry = rules::findCode(normalizedCode(asked));
  if (!entry) {
    std::cerr << fmt::format("pgc: `{}` is not a diagnostic code; codes look like PGC2101\n",
                             asked);
    return kExitUsage;
  }
  if (const rules::RuleDoc* doc = rules::ruleDoc(entry->code)) {
    std::cout << doc->markdown;
    if (!doc->markdown.empty() && doc->markdown.back() != '\n') std::cout << '\n';
    return kExitOk;
  }
  std::cout << fmt::format(
      "# {} {}\n\n{} by default. The message reads: {}\n\nThere is no long "
      "explanation of this code yet.\n",
      codeString(entry->code), entry->name, severityName(entry->severity), entry->message);
  return kExitOk;
}

}  // namespace

void addExplainCommand(CLI::App& app, const GlobalOptions&, Runner& run) {
  auto* command = app.add_subcommand(
      "explain", "print the long explanation of a diagnostic code, with an example and the fix");
  auto code = std::make_shared<std::string>();
  command->add_option("code", *code, "the code, as diagnostics print it: PGC2101")->required();
  command->callback([&run, code] { run = [code] { return explain(*code); }; });
}

}  // namespace pgc::cli
