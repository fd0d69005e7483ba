// Registers and checks `pgc deploy`'s options. Endpoints and sign-in settings also come from
// the environment variables Azure's tools use (AZURE_AUTHORITY_HOST) or pgc's own
// (PGC_ARM_ENDPOINT, PGC_DATABASE_URL, PGC_SQL_USER); a flag wins over a variable.
#include "deploy_options.h"

#include <unistd.h>

#include <cstdlib>

#include "pgc/deploy/http.h"

namespace pgc::cli {

namespace {

std::string fromEnvironment(const std::string& value, const char* variable,
                            const std::string& fallback) {
  if (!value.empty()) return value;
  const char* set = std::getenv(variable);
  return set != nullptr && *set != '\0' ? set : fallback;
}

// "90s", "30m", "2h" or plain seconds.
std::optional<std::chrono::seconds> parseDuration(const std::string& text) {
  size_t digits = text.find_first_not_of("0123456789");
  std::string number = text.substr(0, digits);
  std::string unit = digits == std::string::npos ? "s" : text.substr(digits);
  if (number.empty() || number.size() > 6 || unit.size() != 1) return std::nullopt;
  long factor = unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : 0;
  long value = std::stol(number);
  if (factor == 0 || value == 0) return std::nullopt;
  return std::chrono::seconds(value * factor);
}

}  // namespace

bool DeployOptions::live() const {
  const char* ci = std::getenv("CI");
  return ::isatty(STDOUT_FILENO) && (ci == nullptr || *ci == '\0');
}

deploy::CredentialSettings DeployOptions::credentialSettings() const {
  deploy::CredentialSettings settings = deploy::CredentialSettings::fromEnvironment();
  if (!authorityHost.empty()) settings.authorityHost = authorityHost;
  return settings;
}

void addDeployOptions(CLI::App& command, DeployOptions& options) {
  command.add_option("file", options.file, "the .pgc file")->required();
  command.add_option("--env", options.environment, "the environment to deploy")->required();
  command.add_option("--subscription", options.subscription,
                     "the Azure subscription id (default: the environment's `subscription`, "
                     "AZURE_SUBSCRIPTION_ID, or the Azure CLI's)");
  command.add_option("--resource-group", options.resourceGroup,
                     "the resource group (default: the environment's `resource_group`)");
  command.add_flag("--what-if", options.whatIf,
                   "show what the deployment would change and ask before deploying");
  command.add_flag("--dry-run", options.dryRun,
                   "print every request the deployment would send, secrets masked; send none");
  command.add_flag("-y,--yes", options.yes, "deploy after --what-if without asking");
  command.add_flag("--no-sql", options.noSql, "deploy the template only; skip the SQL bootstrap");
  command
      .add_option("--auth", options.auth,
                  "where the Azure credentials come from (default: "
                  "each in this order until one is set up)")
      ->check(CLI::IsMember(deploy::credentialNames()));
  command.add_option("--arm-endpoint", options.armEndpoint,
                     "Azure Resource Manager (default: PGC_ARM_ENDPOINT or "
                     "https://management.azure.com)");
  command.add_option("--authority-host", options.authorityHost,
                     "the Entra authority (default: AZURE_AUTHORITY_HOST or "
                     "https://login.microsoftonline.com)");
  command
      .add_option("--timeout", options.timeoutText,
                  "how long to follow the deployment: 90s, 30m, 2h")
      ->capture_default_str();
  command.add_option("--param", options.paramTexts,
                     "NAME=VALUE for a param; secrets are better set as PGC_PARAM_<NAME>");
  command.add_option("--target", options.sql.target,
                     "apply only the SQL bootstrap, to this PostgreSQL (postgres://…; default: "
                     "PGC_DATABASE_URL)");
  command.add_option("--cluster", options.cluster, "only this cluster's SQL bootstrap");
  command.add_option("--sql-user", options.sql.user,
                     "the user of the SQL bootstrap (default: PGC_SQL_USER, or the admin login "
                     "with --sql-password-env)");
  command.add_option("--sql-password-env", options.sql.passwordEnv,
                     "sign in to PostgreSQL with the password in this variable instead of an "
                     "Entra token");
  command.add_option("--sql-port", options.sql.port, "the port of the SQL bootstrap")
      ->capture_default_str()
      ->check(CLI::Range(1, 65535));
  command.add_option("--sslmode", options.sql.sslMode, "libpq's sslmode for the SQL bootstrap")
      ->capture_default_str()
      ->check(CLI::IsMember({"disable", "allow", "prefer", "require", "verify-ca", "verify-full"}));
  command.add_option("--sslrootcert", options.sql.sslRootCert,
                     "the CA certificates for verify-full (default: the system's bundle)");
}

std::optional<std::string> checkDeployOptions(DeployOptions& options) {
  options.armEndpoint =
      fromEnvironment(options.armEndpoint, "PGC_ARM_ENDPOINT", "https://management.azure.com");
  options.authorityHost = fromEnvironment(options.authorityHost, "AZURE_AUTHORITY_HOST", "");
  options.sql.target = fromEnvironment(options.sql.target, "PGC_DATABASE_URL", "");
  options.sql.user = fromEnvironment(options.sql.user, "PGC_SQL_USER", "");
  for (const auto& [flag, url] :
       {std::pair<const char*, std::string>{"--arm-endpoint", options.armEndpoint},
        {"--authority-host", options.authorityHost}}) {
    if (url.empty()) continue;
    std::string why = deploy::checkEndpointUrl(url);
    if (!why.empty()) return std::string(flag) + " " + url + ": " + why;
  }
  auto timeout = parseDuration(options.timeoutText);
  if (!timeout) {
    return "--timeout " + options.timeoutText + ": expected a duration like 90s, 30m or 2h";
  }
  options.timeout = *timeout;
  for (const std::string& text : options.paramTexts) {
    size_t equals = text.find('=');
    if (equals == std::string::npos || equals == 0) {
      return "--param " + text.substr(0, text.find('=')) + ": expected NAME=VALUE";
    }
    options.params[text.substr(0, equals)] = text.substr(equals + 1);
  }
  if (!options.sql.target.empty() && options.noSql) {
    return "--target applies only the SQL bootstrap; --no-sql would leave nothing to do";
  }
  if (options.whatIf && !options.yes && !options.dryRun && !::isatty(STDIN_FILENO)) {
    return "--what-if asks before deploying, and there is no terminal to ask on: pass --yes "
           "to deploy after showing the changes";
  }
  return std::nullopt;
}

}  // namespace pgc::cli
