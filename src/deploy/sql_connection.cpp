// Where the SQL bootstrap connects, in words and in libpq's keywords. A connection string may
// hold a password (postgres://user:secret@host, password=secret): it is cut from descriptions
// and from any message that quotes it.
#include "sql_connection.h"

#include <fmt/format.h>

#include "pgc/emit/sql_quoting.h"

namespace pgc::deploy {
namespace {

bool isUri(const std::string& s) {
  return s.rfind("postgresql://", 0) == 0 || s.rfind("postgres://", 0) == 0;
}

std::string percentDecoded(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The URI or keyword string without its passwords; the passwords go to `passwords`.
std::string withoutPassword(const std::string& uri, std::vector<std::string>& passwords) {
  if (isUri(uri)) {
    size_t authority = uri.find("://") + 3;
    size_t authorityEnd = uri.find_first_of("/?", authority);
    if (authorityEnd == std::string::npos) authorityEnd = uri.size();
    std::string out = uri;
    size_t at = uri.rfind('@', authorityEnd);
    if (at != std::string::npos && at >= authority) {
      size_t colon = uri.find(':', authority);
      if (colon != std::string::npos && colon < at) {
        passwords.push_back(uri.substr(colon + 1, at - colon - 1));
        out = uri.substr(0, colon) + uri.substr(at);
      }
    }
    size_t query = out.find('?');
    if (query == std::string::npos) return out;
    std::string kept;
    size_t start = query + 1;
    while (start <= out.size()) {
      size_t end = out.find('&', start);
      if (end == std::string::npos) end = out.size();
      std::string parameter = out.substr(start, end - start);
      if (parameter.rfind("password=", 0) == 0) {
        passwords.push_back(parameter.substr(9));
      } else if (!parameter.empty()) {
        kept += (kept.empty() ? "" : "&") + parameter;
      }
      start = end + 1;
    }
    return out.substr(0, query) + (kept.empty() ? "" : "?" + kept);
  }
  // keyword=value pairs; a value may be quoted with '…' and backslash escapes.
  std::string out;
  size_t i = 0;
  while (i < uri.size()) {
    while (i < uri.size() && isspace(static_cast<unsigned char>(uri[i]))) ++i;
    if (i >= uri.size()) break;
    size_t from = i;
    while (i < uri.size() && uri[i] != '=' && !isspace(static_cast<unsigned char>(uri[i]))) ++i;
    std::string keyword = uri.substr(from, i - from);
    while (i < uri.size() && (uri[i] == '=' || isspace(static_cast<unsigned char>(uri[i])))) ++i;
    size_t valueFrom = i;
    if (i < uri.size() && uri[i] == '\'') {
      for (++i; i < uri.size() && uri[i] != '\''; ++i) {
        if (uri[i] == '\\') ++i;
      }
      ++i;
    } else {
      while (i < uri.size() && !isspace(static_cast<unsigned char>(uri[i]))) ++i;
    }
    i = std::min(i, uri.size());
    if (keyword == "password") {
      passwords.push_back(uri.substr(valueFrom, i - valueFrom));
    } else {
      out += (out.empty() ? "" : " ") + uri.substr(from, i - from);
    }
  }
  return out;
}

}  // namespace

std::string SqlConnection::describe() const {
  if (!uri.empty()) {
    std::vector<std::string> ignored;
    return withoutPassword(uri, ignored);
  }
  return fmt::format("host={} port={} dbname={} user={}", emit::conninfoValue(host), port,
                     emit::conninfoValue(database), emit::conninfoValue(user));
}

std::vector<std::string> secretsOf(const SqlConnection& connection) {
  std::vector<std::string> secrets = {connection.password};
  if (!connection.uri.empty()) {
    std::vector<std::string> inUri;
    withoutPassword(connection.uri, inUri);
    for (const std::string& secret : inUri) {
      secrets.push_back(secret);
      secrets.push_back(percentDecoded(secret));
    }
  }
  return secrets;
}

std::string withoutSecrets(std::string text, const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    if (secret.empty()) continue;
    for (size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3)) {
      text.replace(at, secret.size(), "***");
    }
  }
  return text;
}

PGconn* openSqlConnection(const SqlConnection& connection, const std::string& database,
                          std::string& error) {
  std::vector<std::pair<const char*, std::string>> parameters;
  auto add = [&](const char* keyword, const std::string& value) {
    parameters.emplace_back(keyword, value);
  };
  // Later keywords override earlier ones, the URI's included: these are defaults it may change.
  add("application_name", "pgc");
  add("connect_timeout", "30");
  add("client_encoding", "UTF8");
  if (!connection.password.empty()) add("password", connection.password);
  if (!connection.uri.empty()) {
    add("dbname", connection.uri);
  } else {
    add("host", connection.host);
    add("port", std::to_string(connection.port));
    add("dbname", connection.database);
    add("user", connection.user);
    add("sslmode", connection.sslMode);
    if (!connection.sslRootCert.empty()) add("sslrootcert", connection.sslRootCert);
  }
  // Only the first dbname is expanded as a URI: this one is a plain database name.
  if (!database.empty()) add("dbname", database);
  std::vector<const char*> keywords;
  std::vector<const char*> values;
  for (const auto& [keyword, value] : parameters) {
    keywords.push_back(keyword);
    values.push_back(value.c_str());
  }
  keywords.push_back(nullptr);
  values.push_back(nullptr);
  PGconn* conn = PQconnectdbParams(keywords.data(), values.data(), connection.uri.empty() ? 0 : 1);
  if (conn && PQstatus(conn) == CONNECTION_OK) return conn;
  std::string message = conn ? PQerrorMessage(conn) : "out of memory";
  while (!message.empty() && isspace(static_cast<unsigned char>(message.back()))) {
    message.pop_back();
  }
  std::string where = connection.describe();
  if (!database.empty()) where += fmt::format(" (database {})", database);
  error = withoutSecrets(fmt::format("cannot connect to {}: {}", where, message),
                         secretsOf(connection));
  PQfinish(conn);
  return nullptr;
}

}  // namespace pgc::deploy
