// Quoting for the SQL bootstrap, exactly as PostgreSQL's own quote_ident() and
// quote_literal() do it, so that every name and string reaches the server unchanged.
#pragma once

#include <string>

namespace pgc::emit {

// The server version whose keyword list decides quoting when none is given.
constexpr int kDefaultPostgresVersion = 17;

// quote_ident(): the name as is when it is a lower-case identifier that is no keyword of
// `version` (other than an unreserved one), else in double quotes with `"` doubled.
std::string quoteIdent(const std::string& name, int version = kDefaultPostgresVersion);
// `schema.name`, each part quoted.
std::string quoteQualified(const std::string& schema, const std::string& name,
                           int version = kDefaultPostgresVersion);
// quote_literal(): in single quotes with `'` doubled; with a backslash, an E'' string with
// `\` doubled too, so the text is the same whatever standard_conforming_strings says.
std::string quoteLiteral(const std::string& text);
// A libpq connection-string value: as is, or in single quotes when it is empty or holds a
// space, a quote or a backslash (those two escaped with a backslash).
std::string conninfoValue(const std::string& value);
// Whether `word` (lower case) is a keyword that quote_ident() quotes on server `version`.
bool isQuotedKeyword(const std::string& word, int version = kDefaultPostgresVersion);

}  // namespace pgc::emit
