// What the fake's own tests share: an httplib client signed in to the fake as pgc would be,
// request bodies, and the real template `pgc build` makes of the emergency-alerts example.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "../cli/pgc_process.h"
#include "fake_azure.h"

namespace pgc::tests {

using json = nlohmann::json;

inline constexpr const char* kArmScope = "https://management.azure.com/.default";
inline constexpr const char* kApi = "?api-version=2025-04-01";

// A client-credentials token for `scope` from the fake's token endpoint.
std::string fetchToken(FakeAzure& azure, const std::string& scope = kArmScope);

class ArmTestClient {
 public:
  explicit ArmTestClient(FakeAzure& azure);
  // `path` is everything after the host, query included.
  httplib::Result get(const std::string& path);
  httplib::Result head(const std::string& path);
  httplib::Result put(const std::string& path, const json& body);
  httplib::Result post(const std::string& path, const json& body);
  // Follows a URL the fake handed out (Location, Azure-AsyncOperation, nextLink).
  httplib::Result follow(const std::string& url);
  // The resource group and deployment paths of the fake's subscription.
  std::string groupPath(const std::string& group) const;
  std::string deploymentPath(const std::string& group, const std::string& name) const;

 private:
  FakeAzure& azure_;
  httplib::Client client_;
  httplib::Headers headers_;
};

// `{properties:{mode, template, parameters}}` with each parameter as `{value}`.
json deploymentBody(const json& tmpl, const json& values, const std::string& mode = "Incremental");

// The ARM template of `examples/emergency-alerts/main.pgc` for `env`, built by pgc itself.
json exampleTemplate(const std::string& env);

}  // namespace pgc::tests
