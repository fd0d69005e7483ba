// `pgc check FILE…`: reports every problem in the programs, for every environment, platform
// rules included; writes nothing.
#include <iostream>

#include "checked_files.h"
#include "commands.h"

namespace pgc::cli {

void addCheckCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* command = app.add_subcommand("check", "check programs and report every problem found");
  auto files = std::make_shared<std::vector<std::string>>();
  command->add_option("files", *files, "the .pgc files to check")->required();
  command->callback([&global, &run, files] {
    run = [&global, files] {
      CheckedFiles checked = checkFiles(*files, global, std::nullopt);
      std::cerr << renderText(checked.diagnostics, global.render());
      return checked.exitCode();
    };
  });
}

}  // namespace pgc::cli
