// `pgc check FILE…`: reports every problem in the programs, for every environment; writes
// nothing.
#include <iostream>

#include "commands.h"
#include "pgc/sema.h"

namespace pgc::cli {

void addCheckCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* command = app.add_subcommand("check", "check programs and report every problem found");
  auto files = std::make_shared<std::vector<std::string>>();
  command->add_option("files", *files, "the .pgc files to check")->required();
  command->callback([&global, &run, files] {
    run = [&global, files] {
      Diagnostics all;
      std::vector<sema::AnalysisResult> results;
      bool ioError = false;
      for (const std::string& file : *files) {
        results.push_back(sema::analyzeFile(file, {global.stdlibDir(), std::nullopt, nullptr}));
        all.append(results.back().diagnostics);
        ioError = ioError || results.back().ioError;
      }
      std::cerr << renderText(all, global.render());
      if (ioError) return kExitUsage;
      return all.hasErrors() ? kExitInputErrors : kExitOk;
    };
  });
}

}  // namespace pgc::cli
