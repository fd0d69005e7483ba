// PGC2301–PGC2305: names Azure checks when it creates the server — the server's DNS label, the
// administrator login, the database — and secrets that must not have a default
// (platform.md 1.2, 3.1, 3.2).
#include <fmt/format.h>

#include <cctype>
#include <regex>

#include "rule_context.h"
#include "wording.h"

namespace pgc::rules {
namespace {

bool matches(const std::string& text, const NamePattern& pattern) {
  return std::regex_match(text, std::regex(pattern.pattern));
}

std::string lengthProblem(const std::string& text, const NamePattern& pattern) {
  auto length = static_cast<int64_t>(text.size());
  if (length >= pattern.minLength && (pattern.maxLength == 0 || length <= pattern.maxLength)) {
    return "";
  }
  return fmt::format("has {}; Azure takes {} to {}", count(length, "character"), pattern.minLength,
                     pattern.maxLength);
}

// A server name as Azure would take it: lower case, other characters as single `-`.
std::string dnsLabel(const std::string& name) {
  std::string out;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u))
      out += static_cast<char>(std::tolower(u));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

void checkServerName(RuleContext& context, const model::Cluster& c) {
  const NamePattern& pattern = context.catalog.serverName;
  const std::string& name = c.resourceName.value;
  std::string problem = lengthProblem(name, pattern);
  if (problem.empty() && !matches(name, pattern)) {
    problem =
        "is not a DNS label Azure takes: lower-case letters, digits and single `-` between "
        "them";
  }
  if (problem.empty()) return;
  Diagnostic& d =
      context.report(DiagCode::InvalidServerName, c.resourceName.span, c.span, name, problem);
  d.note("the name becomes the host name `<name>.postgres.database.azure.com`");
  std::string fixed = dnsLabel(name);
  if (fixed.size() > static_cast<size_t>(pattern.maxLength)) fixed.resize(pattern.maxLength);
  if (!fixed.empty() && fixed != name && matches(fixed, pattern)) {
    d.help(fmt::format("use `name = \"{}\"`", fixed));
  } else {
    d.help("set a shorter `name = \"…\"` for the cluster");
  }
}

void checkAdminLogin(RuleContext& context, const model::Cluster& c) {
  if (!c.passwordAuth.value || c.adminLogin.value.empty()) return;
  const PlatformCatalog& catalog = context.catalog;
  const std::string& login = c.adminLogin.value;
  std::string lower;
  for (char ch : login) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  std::string reserved;
  if (contains(catalog.reservedAdminLogins, lower)) reserved = "is a name Azure reserves";
  for (const std::string& prefix : catalog.reservedAdminLoginPrefixes) {
    if (lower.rfind(prefix, 0) == 0)
      reserved = "starts with `" + prefix + "`, which Azure reserves";
  }
  if (!reserved.empty()) {
    context.report(DiagCode::ReservedAdminLogin, c.adminLogin.span, c.span, login, reserved)
        .note("Azure reserves " + listNames(catalog.reservedAdminLogins) +
              " and names starting with " + listNames(catalog.reservedAdminLoginPrefixes))
        .help(
            "choose another login, such as `pgadmin`; it cannot be changed once the server exists");
    return;
  }
  std::string problem = lengthProblem(login, catalog.adminLogin);
  if (problem.empty() && !matches(login, catalog.adminLogin)) {
    problem = "holds characters Azure does not take in a login: use letters, digits and `_`";
  }
  if (problem.empty()) return;
  context.report(DiagCode::InvalidAdminLogin, c.adminLogin.span, c.span, login, problem)
      .help("choose a login such as `pgadmin`; it cannot be changed once the server exists");
}

void checkDatabase(RuleContext& context, const model::Cluster& c) {
  const PlatformCatalog& catalog = context.catalog;
  const std::string& name = c.database.value;
  std::string problem;
  if (contains(catalog.reservedDatabases, name)) {
    problem = "is reserved: Azure or PostgreSQL use that database themselves";
  } else if (!matches(name, catalog.databaseName)) {
    problem =
        "is not a database name Azure takes: a letter or `_`, then up to 62 letters, digits, "
        "`_` or `-`";
  }
  if (problem.empty()) return;
  bool elastic = c.kind.value == model::ClusterKind::Elastic;
  Diagnostic& d =
      context.report(DiagCode::InvalidDatabaseName, c.database.span, c.span, name, problem);
  if (elastic)
    d.note("an elastic cluster has one database, named once when the cluster is created");
  d.help("use `database = \"postgres\"`, or a name of your own such as `database = \"app\"`");
}

}  // namespace

void checkNames(RuleContext& context) {
  for (const model::Cluster& c : context.model.clusters) {
    checkServerName(context, c);
    checkAdminLogin(context, c);
    checkDatabase(context, c);
  }
  for (const model::Param& param : context.model.params) {
    if (param.type != model::ParamType::Secret || !param.hasDefault) continue;
    Span at = param.defaultSpan.valid() ? param.defaultSpan : param.span;
    context.report(DiagCode::SecretWithDefault, at, param.span, param.name)
        .note(
            "a default would be written into the template, in plain text, for anyone who can "
            "read it")
        .help(fmt::format("remove the default: `param {}: secret`", param.name));
  }
}

}  // namespace pgc::rules
