// Wording shared by the rules' messages.
#include "wording.h"

#include <fmt/format.h>

#include <algorithm>

#include "../sema/suggest.h"

namespace pgc::rules {

std::string count(int64_t n, const std::string& noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

std::string gigabytesText(int64_t gigabytes) {
  if (gigabytes >= 1024 && gigabytes % 1024 == 0) return fmt::format("{}TB", gigabytes / 1024);
  return fmt::format("{}GB", gigabytes);
}

std::string listNames(const std::vector<std::string>& names) { return sema::listNames(names); }

std::optional<std::string> closestName(const std::string& word,
                                       const std::vector<std::string>& candidates) {
  return sema::closestName(word, candidates);
}

std::vector<std::string> splitList(const std::string& value) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= value.size()) {
    size_t comma = value.find(',', start);
    if (comma == std::string::npos) comma = value.size();
    std::string item = value.substr(start, comma - start);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (!item.empty()) out.push_back(item);
    start = comma + 1;
  }
  return out;
}

std::string joinList(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace pgc::rules
