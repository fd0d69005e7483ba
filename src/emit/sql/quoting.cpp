// quote_ident() and quote_literal() as PostgreSQL's src/backend/utils/adt/ruleutils.c and
// quote.c define them.
#include "pgc/emit/sql_quoting.h"

namespace pgc::emit {

std::string quoteIdent(const std::string& name, int version) {
  bool safe = !name.empty() && ((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_');
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) safe = false;
  }
  if (safe && isQuotedKeyword(name, version)) safe = false;
  if (safe) return name;
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string quoteQualified(const std::string& schema, const std::string& name, int version) {
  return quoteIdent(schema, version) + "." + quoteIdent(name, version);
}

std::string quoteLiteral(const std::string& text) {
  bool backslash = text.find('\\') != std::string::npos;
  std::string out = backslash ? "E'" : "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  return out + "'";
}

std::string conninfoValue(const std::string& value) {
  if (!value.empty() && value.find_first_of(" '\\") == std::string::npos) return value;
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace pgc::emit
