// Where the golden cases live and how to find them: every folder under tests/golden/ that
// holds an `input.pgc` is one case. Shared by the runner and the coverage check.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace pgc::tests {

std::filesystem::path goldenRoot();
// Folder names of all cases, sorted, so that test order and names are stable.
std::vector<std::string> goldenCaseNames();
std::string readFile(const std::filesystem::path& path);

}  // namespace pgc::tests
