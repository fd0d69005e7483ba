// `pgc build FILE [--env E] [-o DIR] [--stdout] [--check]`: checks the program as `pgc check`
// does and, only when no error remains, writes each environment's files into DIR/<env>/.
#include <iostream>

#include "build_files.h"
#include "checked_files.h"
#include "commands.h"
#include "output_folder.h"
#include "pgc/rules.h"

namespace pgc::cli {
namespace {

namespace fs = std::filesystem;

struct BuildOptions {
  std::string file;
  std::string environment;
  std::string out;  // empty: `out/` beside the file
  bool toStdout = false;
  bool check = false;
};

std::string environmentNames(const std::vector<EnvironmentFiles>& files) {
  std::string names;
  for (const EnvironmentFiles& env : files) names += (names.empty() ? "" : ", ") + env.environment;
  return names;
}

int printTemplate(const std::vector<EnvironmentFiles>& files) {
  if (files.size() != 1) {
    std::cerr << "pgc: --stdout prints one environment's template; choose one with --env ("
              << environmentNames(files) << ")\n";
    return kExitUsage;
  }
  for (const BuildFile& file : files.front().files) {
    if (file.path == files.front().templatePath) std::cout << file.content;
  }
  return kExitOk;
}

int checkFolder(const fs::path& folder, const std::vector<EnvironmentFiles>& files,
                const std::string& project) {
  std::vector<Difference> differences = compareFiles(folder, files, project);
  for (const Difference& d : differences) {
    std::cerr << "pgc: " << d.path.string() << " " << d.what << "\n";
  }
  if (differences.empty()) {
    std::cerr << "pgc: " << folder.string() << " is up to date\n";
    return kExitOk;
  }
  std::cerr << "pgc: " << differences.size() << " file" << (differences.size() == 1 ? "" : "s")
            << " out of date; run `pgc build` without --check to write them\n";
  return kExitInputErrors;
}

int build(const BuildOptions& options, const GlobalOptions& global) {
  std::optional<std::string> only;
  if (!options.environment.empty()) only = options.environment;
  CheckedFiles checked = checkFiles({options.file}, global, only);
  std::cerr << renderText(checked.diagnostics, global.render());
  if (checked.exitCode() != kExitOk) return checked.exitCode();

  // checkFiles read the catalog a moment ago; the emitters need it too.
  Diagnostics catalogProblems;
  auto catalog = rules::loadPlatformCatalog(global.stdlibDir(), catalogProblems);
  if (!catalog) {
    std::cerr << renderText(catalogProblems, global.render());
    return kExitUsage;
  }
  const std::vector<model::Model>& models = checked.results.front().models;
  std::vector<EnvironmentFiles> files = buildFiles(models, *catalog);
  if (options.toStdout) return printTemplate(files);

  fs::path folder =
      options.out.empty() ? fs::path(options.file).parent_path() / "out" : fs::path(options.out);
  if (options.check) return checkFolder(folder, files, models.front().project.name);
  try {
    writeFiles(folder, files);
  } catch (const fs::filesystem_error& e) {
    std::cerr << "pgc: cannot write " << e.path1().string() << ": " << e.code().message() << "\n";
    return kExitUsage;
  }
  std::cerr << "pgc: built " << environmentNames(files) << " into " << folder.string() << "\n";
  return kExitOk;
}

}  // namespace

void addBuildCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* command = app.add_subcommand(
      "build", "check a program, then write each environment's ARM template, parameters and SQL");
  auto options = std::make_shared<BuildOptions>();
  command->add_option("file", options->file, "the .pgc file")->required();
  command->add_option("--env", options->environment, "only this environment");
  command->add_option("-o,--out", options->out,
                      "the output folder (default: out/ beside the file)");
  auto* toStdout =
      command->add_flag("--stdout", options->toStdout,
                        "print the environment's ARM template instead of writing files");
  command
      ->add_flag("--check", options->check,
                 "write nothing; exit 1 and list the files when the output folder differs")
      ->excludes(toStdout);
  command->callback(
      [&global, &run, options] { run = [&global, options] { return build(*options, global); }; });
}

}  // namespace pgc::cli
