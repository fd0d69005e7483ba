// `pgc ast FILE`: the syntax tree as JSON, for debugging and tests.
#include <iostream>

#include "commands.h"
#include "frontend.h"
#include "pgc/ast_json.h"

namespace pgc::cli {

void addAstCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* command = app.add_subcommand("ast", "print the syntax tree of a file as JSON");
  auto file = std::make_shared<std::string>();
  command->add_option("file", *file, "the .pgc file")->required();
  command->callback([&global, &run, file] {
    run = [&global, file] {
      FrontendResult result = parseFiles({*file});
      std::cerr << renderText(result.diagnostics, global.render());
      if (result.exitCode() != kExitOk) return result.exitCode();
      std::cout << ast::toJson(*result.files.front().module).dump(2) << "\n";
      return kExitOk;
    };
  });
}

}  // namespace pgc::cli
