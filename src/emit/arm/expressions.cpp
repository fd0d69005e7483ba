// ARM's template language, as much as pgc writes: literals that must not be read as
// expressions, string literals inside expressions, and resource IDs and names.
// Escaping rule (platform.md §7): a string is an expression iff it starts with `[` and ends
// with `]`; a leading `[[` makes it a literal again, and ARM drops one `[`.
#include <fmt/format.h>

#include "arm_parts.h"

namespace pgc::emit::arm {

std::string literal(const std::string& text) {
  bool readAsExpression = !text.empty() && text.front() == '[' && text.back() == ']';
  return readAsExpression ? "[" + text : text;
}

Json literalJson(const Json& value) {
  if (value.is_string()) return literal(value.get<std::string>());
  if (value.is_array()) {
    Json out = Json::array();
    for (const Json& item : value) out.push_back(literalJson(item));
    return out;
  }
  if (value.is_object()) {
    Json out = Json::object();
    for (const auto& [key, item] : value.items()) out[key] = literalJson(item);
    return out;
  }
  return value;
}

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string parameterRef(const std::string& param) {
  return fmt::format("[parameters({})]", quoted(param));
}

std::string resourceIdCall(const std::string& type, const std::vector<std::string>& names) {
  std::string call = "resourceId(" + quoted(type);
  for (const std::string& name : names) call += ", " + quoted(name);
  return call + ")";
}

std::string resourceId(const std::string& type, const std::vector<std::string>& names) {
  return "[" + resourceIdCall(type, names) + "]";
}

std::string childName(const std::string& server, const std::string& child) {
  return fmt::format("[format('{{0}}/{{1}}', {}, {})]", quoted(server), quoted(child));
}

}  // namespace pgc::emit::arm
