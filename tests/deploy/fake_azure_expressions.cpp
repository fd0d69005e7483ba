// ARM template expressions, as far as pgc's emitter writes them: parameters(), format(),
// subscription(), subscriptionResourceId(), resourceId(), extensionResourceId() and
// reference(), with property access and `[[` escapes. Any other function is refused as ARM
// refuses an unknown one, so a new function in the emitter shows up here first.
#include <cctype>

#include "fake_azure_impl.h"

namespace pgc::tests {
namespace {

// reference() before the deployment runs: the expression stays as written.
struct Deferred {};

std::string asText(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "True" : "False";
  return value.dump();
}

class ExpressionParser {
 public:
  ExpressionParser(const std::string& text, const EvaluationScope& scope, bool& readSecure)
      : text_(text), scope_(scope), readSecure_(readSecure) {}

  json parseWhole() {
    json value = parseExpression();
    skipSpaces();
    if (pos_ != text_.size()) fail("unexpected '" + text_.substr(pos_, 1) + "'");
    return value;
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw invalidTemplate("The language expression '" + text_ + "' is not valid: " + why +
                          ". Please see https://aka.ms/arm-template-expressions for usage "
                          "details.");
  }

  void skipSpaces() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  bool take(char c) {
    skipSpaces();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  std::string identifier() {
    skipSpaces();
    size_t start = pos_;
    while (pos_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) {
      ++pos_;
    }
    if (start == pos_) fail("an identifier was expected at position " + std::to_string(start));
    return text_.substr(start, pos_ - start);
  }

  json parseExpression() {
    json value = parsePrimary();
    while (true) {
      if (take('.')) {
        std::string member = identifier();
        if (!value.is_object() || !value.contains(member)) {
          fail("the property '" + member + "' does not exist");
        }
        value = value[member];
      } else if (take('[')) {
        json index = parseExpression();
        if (!take(']')) fail("']' was expected");
        if (value.is_array() && index.is_number_integer()) {
          value = value.at(index.get<size_t>());
        } else if (value.is_object() && index.is_string()) {
          value = value.at(index.get<std::string>());
        } else {
          fail("the index is not valid");
        }
      } else {
        return value;
      }
    }
  }

  json parsePrimary() {
    skipSpaces();
    if (pos_ >= text_.size()) fail("the expression ends too early");
    char c = text_[pos_];
    if (c == '\'') return parseString();
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-') {
      size_t start = pos_++;
      while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
      return std::stoll(text_.substr(start, pos_ - start));
    }
    std::string name = identifier();
    if (!take('(')) fail("'(' was expected after '" + name + "'");
    std::vector<json> args;
    if (!take(')')) {
      do {
        args.push_back(parseExpression());
      } while (take(','));
      if (!take(')')) fail("')' was expected");
    }
    return call(name, args);
  }

  json parseString() {
    ++pos_;
    std::string value;
    while (pos_ < text_.size()) {
      if (text_[pos_] == '\'') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '\'') {
          value += '\'';
          pos_ += 2;
          continue;
        }
        ++pos_;
        return value;
      }
      value += text_[pos_++];
    }
    fail("the string literal is not terminated");
  }

  std::vector<std::string> texts(const std::vector<json>& args, size_t from) const {
    std::vector<std::string> all;
    for (size_t i = from; i < args.size(); ++i) all.push_back(asText(args[i]));
    return all;
  }

  json call(const std::string& name, const std::vector<json>& args) {
    const std::string function = lowerCase(name);
    auto arity = [&](size_t least, size_t most) {
      if (args.size() < least || args.size() > most) {
        fail("the template language function '" + name + "' has the wrong number of arguments");
      }
    };
    if (function == "parameters") {
      arity(1, 1);
      const std::string parameter = asText(args[0]);
      if (!scope_.parameters.contains(parameter)) {
        throw invalidTemplate("The template parameter '" + parameter +
                              "' is not found. Please see https://aka.ms/arm-syntax-parameters "
                              "for usage details.");
      }
      if (scope_.secureParameters.count(parameter)) readSecure_ = true;
      return scope_.parameters[parameter];
    }
    if (function == "format") {
      arity(1, 64);
      return format(asText(args[0]), args);
    }
    if (function == "subscription") {
      arity(0, 0);
      return {{"id", "/subscriptions/" + scope_.subscriptionId},
              {"subscriptionId", scope_.subscriptionId},
              {"tenantId", scope_.tenantId},
              {"displayName", "pgc loopback subscription"}};
    }
    if (function == "subscriptionresourceid") {
      arity(2, 64);
      return resourceIdOf(scope_.subscriptionId, "", asText(args[0]), texts(args, 1));
    }
    if (function == "resourceid") {
      arity(2, 64);
      // resourceId([subscriptionId], [resourceGroupName], type, names…): the type is the
      // first argument with a slash in it.
      size_t typeAt = 0;
      while (typeAt < args.size() && asText(args[typeAt]).find('/') == std::string::npos) ++typeAt;
      if (typeAt > 2 || typeAt + 1 >= args.size()) fail("the resource type is missing");
      std::string subscription = typeAt == 2 ? asText(args[0]) : scope_.subscriptionId;
      std::string group = typeAt >= 1 ? asText(args[typeAt - 1]) : scope_.resourceGroup;
      return resourceIdOf(subscription, group, asText(args[typeAt]), texts(args, typeAt + 1));
    }
    if (function == "extensionresourceid") {
      arity(3, 64);
      std::string id = asText(args[0]) + "/providers/";
      std::string type = asText(args[1]);
      std::vector<std::string> names = texts(args, 2);
      id += type.substr(0, type.find('/'));
      std::string rest = type.substr(type.find('/') + 1);
      for (const std::string& name : names) {
        std::string segment = rest.substr(0, rest.find('/'));
        rest = rest.find('/') == std::string::npos ? "" : rest.substr(rest.find('/') + 1);
        id += "/" + segment + "/" + name;
      }
      return id;
    }
    if (function == "reference") {
      arity(1, 3);
      if (!scope_.reference) throw Deferred{};
      return scope_.reference(asText(args[0]));
    }
    throw invalidTemplate("The template function '" + name +
                          "' is not found. Please see https://aka.ms/arm-functions for usage "
                          "details.");
  }

  json format(const std::string& pattern, const std::vector<json>& args) {
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
        out += '{';
        ++i;
      } else if (pattern[i] == '}' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
        out += '}';
        ++i;
      } else if (pattern[i] == '{') {
        size_t close = pattern.find('}', i);
        if (close == std::string::npos) fail("the format string is not valid");
        size_t index = std::stoul(pattern.substr(i + 1, close - i - 1));
        if (index + 1 >= args.size()) fail("the format string refers to a missing argument");
        out += asText(args[index + 1]);
        i = close;
      } else {
        out += pattern[i];
      }
    }
    return out;
  }

  const std::string& text_;
  const EvaluationScope& scope_;
  bool& readSecure_;
  size_t pos_ = 0;
};

}  // namespace

std::string resourceIdOf(const std::string& subscriptionId, const std::string& resourceGroup,
                         const std::string& type, const std::vector<std::string>& names) {
  std::string id = "/subscriptions/" + subscriptionId;
  // ARM writes a resource group's id without the provider part.
  if (equalsIgnoringCase(type, "Microsoft.Resources/resourceGroups") && names.size() == 1) {
    return id + "/resourceGroups/" + names[0];
  }
  if (!resourceGroup.empty()) id += "/resourceGroups/" + resourceGroup;
  size_t slash = type.find('/');
  id += "/providers/" + type.substr(0, slash);
  std::string rest = type.substr(slash + 1);
  for (const std::string& name : names) {
    size_t next = rest.find('/');
    id += "/" + rest.substr(0, next) + "/" + name;
    rest = next == std::string::npos ? "" : rest.substr(next + 1);
  }
  return id;
}

std::optional<json> evaluateValue(const json& value, const EvaluationScope& scope,
                                  bool dropSecure) {
  if (value.is_object()) {
    json out = json::object();
    for (const auto& [key, member] : value.items()) {
      std::optional<json> evaluated = evaluateValue(member, scope, dropSecure);
      if (evaluated) out[key] = *evaluated;
    }
    return out;
  }
  if (value.is_array()) {
    json out = json::array();
    for (const json& item : value) {
      std::optional<json> evaluated = evaluateValue(item, scope, dropSecure);
      if (evaluated) out.push_back(*evaluated);
    }
    return out;
  }
  if (!value.is_string()) return value;
  const std::string& text = value.get_ref<const std::string&>();
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') return value;
  if (text[1] == '[') return json(text.substr(1));
  bool readSecure = false;
  std::string inner = text.substr(1, text.size() - 2);
  try {
    json result = ExpressionParser(inner, scope, readSecure).parseWhole();
    if (dropSecure && readSecure) return std::nullopt;
    return result;
  } catch (const Deferred&) {
    return value;
  }
}

}  // namespace pgc::tests
