// An httplib client for the fake's tests, and the real template they deploy.
#include "fake_azure_client.h"

#include <fstream>

namespace pgc::tests {

std::string fetchToken(FakeAzure& azure, const std::string& scope) {
  httplib::Client client(azure.url());
  httplib::Params form{{"grant_type", "client_credentials"},
                       {"client_id", azure.options().clientId},
                       {"client_secret", azure.options().clientSecret},
                       {"scope", scope}};
  auto result = client.Post("/" + azure.options().tenantId + "/oauth2/v2.0/token", form);
  if (!result || result->status != 200) throw std::runtime_error("the fake refused a token");
  return json::parse(result->body)["access_token"];
}

ArmTestClient::ArmTestClient(FakeAzure& azure)
    : azure_(azure),
      client_(azure.url()),
      headers_{{"Authorization", "Bearer " + fetchToken(azure)}} {
  client_.set_read_timeout(10, 0);
}

httplib::Result ArmTestClient::get(const std::string& path) { return client_.Get(path, headers_); }

httplib::Result ArmTestClient::head(const std::string& path) {
  return client_.Head(path, headers_);
}

httplib::Result ArmTestClient::put(const std::string& path, const json& body) {
  return client_.Put(path, headers_, body.dump(), "application/json");
}

httplib::Result ArmTestClient::post(const std::string& path, const json& body) {
  return client_.Post(path, headers_, body.dump(), "application/json");
}

httplib::Result ArmTestClient::follow(const std::string& url) {
  if (url.rfind(azure_.url(), 0) != 0) throw std::runtime_error("not the fake's URL: " + url);
  return get(url.substr(azure_.url().size()));
}

std::string ArmTestClient::groupPath(const std::string& group) const {
  return "/subscriptions/" + azure_.options().subscriptionId + "/resourcegroups/" + group;
}

std::string ArmTestClient::deploymentPath(const std::string& group, const std::string& name) const {
  return groupPath(group) + "/providers/Microsoft.Resources/deployments/" + name;
}

json deploymentBody(const json& tmpl, const json& values, const std::string& mode) {
  json parameters = json::object();
  for (const auto& [name, value] : values.items()) parameters[name] = {{"value", value}};
  return {{"properties", {{"mode", mode}, {"template", tmpl}, {"parameters", parameters}}}};
}

json exampleTemplate(const std::string& env) {
  TempDir out;
  ProcessResult built =
      runPgc({"build", std::string(PGC_SOURCE_DIR) + "/examples/emergency-alerts/main.pgc", "--env",
              env, "-o", out.path().string()},
             out.path());
  if (built.exitCode != 0) throw std::runtime_error("pgc build failed: " + built.err);
  std::ifstream in(out.path() / env / "emergency-alerts.json");
  return json::parse(in);
}

}  // namespace pgc::tests
