// Small pieces of wording that several rules' messages share: counts, sizes, lists and
// did-you-mean suggestions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pgc::rules {

// "1 node", "3 nodes"
std::string count(int64_t n, const std::string& noun);
// 128 → "128GB", 2048 → "2TB": sizes as a program writes them.
std::string gigabytesText(int64_t gigabytes);
// "`a`, `b` or `c`"
std::string listNames(const std::vector<std::string>& names);
// The candidate closest to `word`, when it is a likely slip.
std::optional<std::string> closestName(const std::string& word,
                                       const std::vector<std::string>& candidates);
// Splits a comma-separated server parameter value, trimming blanks and dropping empty items.
std::vector<std::string> splitList(const std::string& value);
std::string joinList(const std::vector<std::string>& items, const std::string& separator);
bool contains(const std::vector<std::string>& list, const std::string& item);

}  // namespace pgc::rules
