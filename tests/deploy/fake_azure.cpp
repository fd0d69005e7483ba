// The fake's public face: the loopback server's lifetime on its own thread, the switches a
// test flips (failures, holds, faults, seeded state) and what it reads back.
#include <chrono>
#include <thread>

#include "fake_azure_impl.h"

namespace pgc::tests {

FakeAzure::FakeAzure(FakeAzureOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  Impl& impl = *impl_;
  auto handler = [&impl](const httplib::Request& request, httplib::Response& response) {
    impl.dispatch(request, response);
  };
  impl.server.Get(".*", handler);
  impl.server.Post(".*", handler);
  impl.server.Put(".*", handler);
  impl.server.Delete(".*", handler);
  impl.server.Patch(".*", handler);
  // A client that keeps a connection open must not hold the destructor up for long.
  impl.server.set_keep_alive_timeout(1);
  impl.port = impl.server.bind_to_any_port("127.0.0.1");
  if (impl.port <= 0) throw std::runtime_error("the fake Azure could not bind a loopback port");
  impl.serving = std::thread([&impl] { impl.server.listen_after_bind(); });
  // stop() is a no-op until the accept loop runs, so wait for it before handing out url().
  while (!impl.server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeAzure::~FakeAzure() {
  impl_->server.stop();
  impl_->serving.join();
}

std::string FakeAzure::url() const { return impl_->url(); }

const FakeAzureOptions& FakeAzure::options() const { return impl_->options; }

std::map<std::string, std::string> FakeAzure::environment() const {
  const FakeAzureOptions& o = impl_->options;
  return {{"AZURE_TENANT_ID", o.tenantId},
          {"AZURE_CLIENT_ID", o.clientId},
          {"AZURE_CLIENT_SECRET", o.clientSecret},
          {"AZURE_AUTHORITY_HOST", url()},
          {"AZURE_POD_IDENTITY_AUTHORITY_HOST", url()},
          {"PGC_ARM_ENDPOINT", url()},
          {"AZURE_SUBSCRIPTION_ID", o.subscriptionId}};
}

void FakeAzure::setServerFqdn(const std::string& fqdn) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->serverFqdn = fqdn;
}

void FakeAzure::failDeployment(json providerError) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->failWith = std::move(providerError);
}

json FakeAzure::sharedPreloadLibrariesRejection() {
  return {{"code", "ServerParameterToCMSUnAllowedParameterValue"},
          {"message",
           "Value 'vector' is invalid for server parameter 'shared_preload_libraries'. Allowed "
           "values are ',age,anon,auto_explain,azure_storage,pg_cron,pg_duckdb,"
           "pg_failover_slots,pg_hint_plan,pg_partman_bgw,pg_prewarm,pg_squeeze,"
           "pg_stat_statements,pgaudit,pglogical,timescaledb,wal2json'."}};
}

void FakeAzure::holdDeployments(bool hold) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->hold = hold;
}

void FakeAzure::setPollRetryAfter(int seconds) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->options.pollRetryAfterSeconds = seconds;
}

void FakeAzure::injectFault(FakeRoute route, Fault fault) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->faults.push_back({route, fault});
}

void FakeAzure::addResourceGroup(const std::string& name, const std::string& location) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->resourceGroups[lowerCase(name)] = {
      {"name", name}, {"location", location}, {"tags", json::object()}};
}

bool FakeAzure::hasResourceGroup(const std::string& name) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->resourceGroups.count(lowerCase(name)) > 0;
}

void FakeAzure::addDeployedResource(const DeployedResource& resource) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->deployed[lowerCase(resource.id)] = resource;
}

std::vector<DeployedResource> FakeAzure::deployedResources() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  std::vector<DeployedResource> all;
  for (const auto& [key, resource] : impl_->deployed) all.push_back(resource);
  return all;
}

std::string FakeAzure::deploymentState(const std::string& deploymentName) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  for (const auto& [key, record] : impl_->deployments) {
    if (record.plan->name == deploymentName && record.rootKey == key) {
      return impl_->stateOf(record);
    }
  }
  return "";
}

std::vector<RecordedRequest> FakeAzure::requests() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->recorded;
}

std::vector<IssuedToken> FakeAzure::issuedTokens() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->tokens;
}

bool FakeAzure::waitFor(const std::function<bool()>& predicate,
                        std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!predicate()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::unique_lock<std::mutex> lock(impl_->mutex);
    // Short waits: a change may land between the check above and taking the lock.
    impl_->changed.wait_for(lock, std::chrono::milliseconds(20));
  }
  return true;
}

}  // namespace pgc::tests
