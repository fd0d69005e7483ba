// pgc's entry point: parses the command line and runs the chosen command.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "commands.h"
#include "pgc/sema.h"

namespace pgc::cli {

RenderOptions GlobalOptions::render() const {
  RenderOptions options;
  if (color == "always")
    options.color = true;
  else if (color == "never")
    options.color = false;
  else
    options.color = ::isatty(STDERR_FILENO) && std::getenv("NO_COLOR") == nullptr;
  return options;
}

std::string GlobalOptions::stdlibDir() const {
  return stdlib.empty() ? sema::defaultStdlibDir(executable) : stdlib;
}

}  // namespace pgc::cli

int main(int argc, char** argv) {
  using namespace pgc::cli;
  CLI::App app{"pgc — a compiler for sharded PostgreSQL on Azure (elastic clusters, Citus)"};
  app.set_version_flag("--version", std::string("pgc ") + PGC_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // global options may also follow the command
  app.footer(R"(Examples:
  pgc build main.pgc                  check, then write out/<env>/ ARM templates and parameters
  pgc check main.pgc                  check a program: syntax, names, types, platform rules
  pgc model main.pgc --env prod       print what the prod environment deploys, as JSON
  pgc ast main.pgc                    print the syntax tree as JSON
  pgc lint main.pgc --format sarif    the diagnostics for CI: text, json, sarif or github
  pgc explain PGC2101                 why a rule fires, with an example and the fix
  pgc deploy main.pgc --env prod --what-if
                                      show the changes, ask, deploy, then bootstrap the SQL

Exit codes: 0 ok, 1 errors in the input, 2 usage or I/O error, 3 deployment failed,
130 interrupted.)");
  GlobalOptions global;
  global.executable = argv[0];
  app.add_option("--stdlib", global.stdlib, "the standard library directory (`import \"std/…\"`)")
      ->check(CLI::ExistingDirectory);
  app.add_option("--color", global.color, "colour diagnostics: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();

  Runner run;
  addCheckCommand(app, global, run);
  addAstCommand(app, global, run);
  addModelCommand(app, global, run);
  addLintCommand(app, global, run);
  addExplainCommand(app, global, run);
  addBuildCommand(app, global, run);
  addDeployCommand(app, global, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  try {
    return run();
  } catch (const std::exception& e) {
    std::cerr << "pgc: internal error: " << e.what() << "\n";
    return kExitUsage;
  }
}
