// `pgc lint FILE… --format text|json|sarif|github`: everything `pgc check` reports, on
// standard output in a form CI reads. Exit 1 when an error remains.
#include <iostream>

#include "checked_files.h"
#include "commands.h"
#include "pgc/rules_lint.h"

namespace pgc::cli {

void addLintCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* command = app.add_subcommand(
      "lint", "check programs and print the diagnostics for CI: text, JSON, SARIF or GitHub");
  struct Options {
    std::vector<std::string> files;
    std::string format = "text";
    std::optional<std::string> environment;
  };
  auto options = std::make_shared<Options>();
  command->add_option("files", options->files, "the .pgc files to check")->required();
  command
      ->add_option("--format", options->format,
                   "text (as `pgc check`), json (for scripts), sarif (SARIF 2.1.0, for code "
                   "scanning) or github (workflow commands, for annotations)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->capture_default_str();
  command->add_option("--env", options->environment, "check only this environment");
  command->callback([&global, &run, options] {
    run = [&global, options] {
      CheckedFiles checked = checkFiles(options->files, global, options->environment);
      const Diagnostics& all = checked.diagnostics;
      if (options->format == "json")
        std::cout << rules::lintJson(all);
      else if (options->format == "sarif")
        std::cout << rules::lintSarif(all);
      else if (options->format == "github")
        std::cout << rules::lintGithub(all);
      else
        std::cout << renderText(all, RenderOptions{false});
      return checked.exitCode();
    };
  });
}

}  // namespace pgc::cli
