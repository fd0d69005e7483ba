// Diagnostics in the forms CI systems read: JSON for scripts, SARIF 2.1.0 for code scanning
// (with every rule described in tool.driver.rules), and GitHub Actions workflow commands
// (`::error file=…,line=…,col=…::message`). `pgc lint --format` picks one; the caret text of
// pgc/render.h is the fourth.
#pragma once

#include <string>

#include "pgc/diagnostics.h"

namespace pgc::rules {

enum class LintFormat { Text, Json, Sarif, Github };

std::string lintJson(const Diagnostics& diagnostics);
std::string lintSarif(const Diagnostics& diagnostics);
std::string lintGithub(const Diagnostics& diagnostics);

}  // namespace pgc::rules
