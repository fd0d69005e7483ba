// `pgc model FILE [--env E]`: what each environment deploys, resolved, as JSON.
#include <iostream>

#include "commands.h"
#include "pgc/model_json.h"
#include "pgc/sema.h"

namespace pgc::cli {

void addModelCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* command = app.add_subcommand("model", "print the resolved model of each environment as JSON");
  auto file = std::make_shared<std::string>();
  auto environment = std::make_shared<std::string>();
  command->add_option("file", *file, "the .pgc file")->required();
  command->add_option("--env", *environment, "only this environment");
  command->callback([&global, &run, file, environment] {
    run = [&global, file, environment] {
      std::optional<std::string> only;
      if (!environment->empty()) only = *environment;
      sema::AnalysisResult result = sema::analyzeFile(*file, {global.stdlibDir(), only, nullptr});
      std::cerr << renderText(result.diagnostics, global.render());
      if (result.ioError || result.usageError) return kExitUsage;
      if (result.diagnostics.hasErrors()) return kExitInputErrors;
      nlohmann::ordered_json out;
      if (only) {
        out = model::toJson(result.models.front());
      } else {
        out = nlohmann::ordered_json::object();
        for (const model::Model& m : result.models) out[m.environment.name] = model::toJson(m);
      }
      std::cout << out.dump(2) << "\n";
      return kExitOk;
    };
  });
}

}  // namespace pgc::cli
