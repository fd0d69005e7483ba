// The output folder of `pgc build`: writing a build's files into it, or comparing them with
// what it holds (`--check`, for CI on committed output).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "build_files.h"

namespace pgc::cli {

// Writes each file under `folder`, creating folders as needed. A file that already holds
// the same bytes is left alone. Throws std::filesystem::filesystem_error on I/O failure.
void writeFiles(const std::filesystem::path& folder, const std::vector<EnvironmentFiles>& files);

struct Difference {
  std::filesystem::path path;  // `folder` joined with the file's relative path
  std::string what;            // "differs", "is missing", "is no longer built"
};

// The files under `folder` that differ from the build: changed, missing, or built by an
// earlier build of `project` and no longer (in the environments' folders only).
std::vector<Difference> compareFiles(const std::filesystem::path& folder,
                                     const std::vector<EnvironmentFiles>& files,
                                     const std::string& project);

}  // namespace pgc::cli
