// The pgc commands. Each registers its options on the CLI11 app and runs as a thin layer
// over the library's stages; run functions return the process exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "pgc/render.h"

namespace pgc::cli {

// Exit codes: 0 ok, 1 errors in the input, 2 usage or I/O error, 3 deployment failed (or
// not confirmed), 130 interrupted while following a deployment.
constexpr int kExitOk = 0;
constexpr int kExitInputErrors = 1;
constexpr int kExitUsage = 2;
constexpr int kExitDeployFailed = 3;
constexpr int kExitInterrupted = 130;

struct GlobalOptions {
  std::string color = "auto";
  std::string stdlib;      // --stdlib, or found beside the binary
  std::string executable;  // argv[0]
  RenderOptions render() const;
  std::string stdlibDir() const;
};

// Each command adds itself to the app and sets `run` when it is chosen.
using Runner = std::function<int()>;
void addCheckCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void addAstCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void addModelCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void addLintCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void addExplainCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void addBuildCommand(CLI::App& app, const GlobalOptions& global, Runner& run);
void addDeployCommand(CLI::App& app, const GlobalOptions& global, Runner& run);

}  // namespace pgc::cli
