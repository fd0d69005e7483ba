// "did you mean …?": the closest known name to a misspelt one, by edit distance.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pgc/diagnostics.h"

namespace pgc::sema {

// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
size_t editDistance(const std::string& a, const std::string& b);

// The candidate closest to `word`, when it is close enough to be a likely typo.
std::optional<std::string> closestName(const std::string& word,
                                       const std::vector<std::string>& candidates);

// Adds "did you mean `x`?" as the help of `d` when a candidate is close enough.
void suggestName(Diagnostic& d, const std::string& word, const std::vector<std::string>& candidates);

// "`a`, `b` or `c`"
std::string listNames(const std::vector<std::string>& names);

}  // namespace pgc::sema
