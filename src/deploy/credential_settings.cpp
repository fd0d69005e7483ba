// The credential settings from the process environment, read once and only for the variables
// the token sources use, so that the sources themselves never call getenv.
#include <cstdlib>

#include "pgc/deploy/credentials.h"

namespace pgc::deploy {

CredentialSettings CredentialSettings::fromEnvironment() {
  CredentialSettings settings;
  for (const char* name :
       {"AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_FEDERATED_TOKEN_FILE",
        "AZURE_AUTHORITY_HOST", "AZURE_POD_IDENTITY_AUTHORITY_HOST"}) {
    if (const char* value = std::getenv(name); value != nullptr && *value != '\0') {
      settings.environment[name] = value;
    }
  }
  if (auto host = settings.environment.find("AZURE_AUTHORITY_HOST");
      host != settings.environment.end()) {
    settings.authorityHost = host->second;
  }
  if (auto imds = settings.environment.find("AZURE_POD_IDENTITY_AUTHORITY_HOST");
      imds != settings.environment.end()) {
    settings.imdsEndpoint = imds->second;
  }
  return settings;
}

}  // namespace pgc::deploy
