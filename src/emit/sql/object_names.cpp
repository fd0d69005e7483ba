// PostgreSQL's default object names, step for step as the server chooses them.
#include "object_names.h"

#include <cctype>

namespace pgc::emit::sql {
namespace {

constexpr size_t kMaxName = 63;  // NAMEDATALEN - 1

// Bytes of `text` that fit in `limit` without cutting a UTF-8 sequence (pg_mbcliplen).
size_t clip(const std::string& text, size_t limit) {
  if (text.size() <= limit) return text.size();
  size_t n = limit;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return n;
}

bool isIdentStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
         (static_cast<unsigned char>(c) & 0x80);
}
bool isIdentChar(char c) {
  return isIdentStart(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$';
}

// Reads one identifier at `pos` as the parser sees it: unquoted ones fold to lower case.
std::optional<std::string> readIdentifier(const std::string& sql, size_t& pos) {
  if (pos < sql.size() && sql[pos] == '"') {
    std::string out;
    for (size_t i = pos + 1; i < sql.size(); ++i) {
      if (sql[i] != '"') {
        out += sql[i];
      } else if (i + 1 < sql.size() && sql[i + 1] == '"') {
        out += '"';
        ++i;
      } else {
        pos = i + 1;
        return out;
      }
    }
    return std::nullopt;
  }
  if (pos >= sql.size() || !isIdentStart(sql[pos])) return std::nullopt;
  std::string out;
  while (pos < sql.size() && isIdentChar(sql[pos])) {
    char c = sql[pos++];
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

void skipSpace(const std::string& sql, size_t& pos) {
  while (pos < sql.size() && std::isspace(static_cast<unsigned char>(sql[pos]))) ++pos;
}

// The position after the parenthesis that closes the one at `open`, skipping strings and
// quoted names; npos when it is never closed.
size_t closingParen(const std::string& sql, size_t open) {
  int depth = 0;
  for (size_t i = open; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      size_t end = sql.find(c, i + 1);
      if (end == std::string::npos) return std::string::npos;
      i = end;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string::npos;
}

// FigureColnameInternal() for the shapes an index element takes; "" when it gives no name.
// `inParens`: the element was `( a_expr )`, where a trailing word is no operator class.
std::string figureName(std::string sql, bool inParens) {
  size_t pos = 0;
  skipSpace(sql, pos);
  sql = sql.substr(pos);
  while (!sql.empty() && sql.back() == ' ') sql.pop_back();
  if (!sql.empty() && sql[0] == '(' && closingParen(sql, 0) == sql.size()) {
    return figureName(sql.substr(1, sql.size() - 2), true);
  }
  pos = 0;
  std::string name;
  std::optional<std::string> part = readIdentifier(sql, pos);
  if (!part) return "";
  name = *part;
  while (pos < sql.size() && sql[pos] == '.') {
    ++pos;
    part = readIdentifier(sql, pos);
    if (!part) return "";
    name = *part;
  }
  skipSpace(sql, pos);
  bool call = pos < sql.size() && sql[pos] == '(';
  if (call) {
    size_t end = closingParen(sql, pos);
    if (end == std::string::npos) return "";
    pos = end;
    skipSpace(sql, pos);
  } else if (name == "case") {
    return "case";
  }
  // What follows a column or a call: nothing, a cast, or (outside parentheses) a collation,
  // an operator class or an ordering, all of which keep the name.
  if (pos == sql.size() || sql.compare(pos, 2, "::") == 0) return name;
  if (!inParens && isIdentStart(sql[pos])) return name;
  return "";
}

}  // namespace

std::string makeObjectName(const std::string& name1, const std::optional<std::string>& name2,
                           const std::string& label) {
  size_t overhead = (name2 ? 1 : 0) + (label.empty() ? 0 : label.size() + 1);
  size_t available = kMaxName - overhead;
  size_t chars1 = name1.size();
  size_t chars2 = name2 ? name2->size() : 0;
  while (chars1 + chars2 > available) {
    if (chars1 > chars2) {
      --chars1;
    } else {
      --chars2;
    }
  }
  std::string out = name1.substr(0, clip(name1, chars1));
  if (name2) out += "_" + name2->substr(0, clip(*name2, chars2));
  if (!label.empty()) out += "_" + label;
  return out;
}

std::string nameAddition(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += '_';
    out += name.substr(0, clip(name, kMaxName));
    if (out.size() >= kMaxName + 1) break;
  }
  return out;
}

std::string indexElementName(const std::string& sql) {
  std::string name = figureName(sql, false);
  return name.empty() ? "expr" : name;
}

std::vector<std::string> indexColumnNames(const std::vector<std::string>& elements,
                                          const std::vector<bool>& elementIsSql) {
  std::vector<std::string> out;
  for (size_t i = 0; i < elements.size(); ++i) {
    std::string original = elementIsSql[i] ? indexElementName(elements[i]) : elements[i];
    std::string current = original;
    for (int n = 1;; ++n) {
      bool clash = false;
      for (const std::string& previous : out) clash = clash || previous == current;
      if (!clash) break;
      std::string suffix = std::to_string(n);
      current = original.substr(0, clip(original, kMaxName - suffix.size())) + suffix;
    }
    out.push_back(current);
  }
  return out;
}

void NameSpaces::addRelation(const std::string& schema, const std::string& name) {
  relations_[schema].insert(name);
}

void NameSpaces::addConstraint(const std::string& schema, const std::string& name) {
  constraints_[schema].insert(name);
}

bool NameSpaces::taken(const std::map<std::string, std::set<std::string>>& names,
                       const std::string& schema, const std::string& name) const {
  auto found = names.find(schema);
  return found != names.end() && found->second.count(name) > 0;
}

std::string NameSpaces::chooseRelationName(const std::string& schema, const std::string& name1,
                                           const std::optional<std::string>& name2,
                                           const std::string& label, bool isConstraint) {
  std::string modLabel = label;
  for (int pass = 1;; ++pass) {
    std::string name = makeObjectName(name1, name2, modLabel);
    if (!taken(relations_, schema, name) && !(isConstraint && taken(constraints_, schema, name))) {
      addRelation(schema, name);
      if (isConstraint) addConstraint(schema, name);
      return name;
    }
    modLabel = label + std::to_string(pass);
  }
}

std::string NameSpaces::chooseConstraintName(const std::string& schema, const std::string& name1,
                                             const std::optional<std::string>& name2,
                                             const std::string& label) {
  std::string modLabel = label;
  for (int pass = 1;; ++pass) {
    std::string name = makeObjectName(name1, name2, modLabel);
    if (!taken(constraints_, schema, name)) {
      addConstraint(schema, name);
      return name;
    }
    modLabel = label + std::to_string(pass);
  }
}

}  // namespace pgc::emit::sql
