// `pgc check FILE…`: reports every problem in the files; writes nothing.
#include <iostream>

#include "commands.h"
#include "frontend.h"

namespace pgc::cli {

void addCheckCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* command = app.add_subcommand("check", "check programs and report every problem found");
  auto files = std::make_shared<std::vector<std::string>>();
  command->add_option("files", *files, "the .pgc files to check")->required();
  command->callback([&global, &run, files] {
    run = [&global, files] {
      FrontendResult result = parseFiles(*files);
      std::cerr << renderText(result.diagnostics, global.render());
      return result.exitCode();
    };
  });
}

}  // namespace pgc::cli
