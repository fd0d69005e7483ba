// The deploy tests' loopback token server: records requests, plays Entra and IMDS.
#include "token_test_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace pgc::tests {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

SeenRequest record(const httplib::Request& request) {
  SeenRequest recorded;
  recorded.method = request.method;
  recorded.path = request.path;
  recorded.body = request.body;
  for (const auto& [name, value] : request.params) recorded.query[name] = value;
  for (const auto& [name, value] : request.headers) recorded.headers[lower(name)] = value;
  if (lower(request.get_header_value("Content-Type")) == "application/x-www-form-urlencoded") {
    httplib::Params form;
    httplib::detail::parse_query_text(request.body, form);
    for (const auto& [name, value] : form) recorded.form[name] = value;
  }
  return recorded;
}

}  // namespace

TokenTestServer::TokenTestServer() {
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("the test server could not bind to 127.0.0.1");
}

void TokenTestServer::on(const std::string& method, const std::string& path,
                         httplib::Server::Handler handler) {
  // Recorded before answering, so that a test sees the request once the client has its reply.
  auto recording = [this, handler](const httplib::Request& request, httplib::Response& response) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      requests_.push_back(record(request));
    }
    handler(request, response);
  };
  if (method == "GET")
    server_.Get(path, recording);
  else if (method == "POST")
    server_.Post(path, recording);
  else if (method == "PUT")
    server_.Put(path, recording);
  else if (method == "DELETE")
    server_.Delete(path, recording);
  else if (method == "PATCH")
    server_.Patch(path, recording);
  else
    throw std::invalid_argument("no route for method " + method);
}

TokenTestServer::~TokenTestServer() {
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

void TokenTestServer::start() {
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  // stop() does nothing to a server whose loop has not begun, and the join would then hang.
  const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!server_.is_running()) {
    if (std::chrono::steady_clock::now() > giveUp) throw std::runtime_error("test server idle");
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

std::string TokenTestServer::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

std::vector<SeenRequest> TokenTestServer::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

size_t TokenTestServer::count(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<size_t>(std::count_if(requests_.begin(), requests_.end(),
                                           [&](const auto& r) { return r.path == path; }));
}

void TokenTestServer::serveEntraTokens(const std::string& tenant, std::chrono::seconds lifetime,
                                       const std::string& rejectedSecret) {
  on("POST", "/" + tenant + "/oauth2/v2.0/token",
     [this, lifetime, rejectedSecret](const httplib::Request& request,
                                      httplib::Response& response) {
       httplib::Params form;
       httplib::detail::parse_query_text(request.body, form);
       auto secret = form.find("client_secret");
       if (!rejectedSecret.empty() && secret != form.end() && secret->second == rejectedSecret) {
         response.status = 401;
         nlohmann::json error = {
             {"error", "invalid_client"},
             {"error_description",
              "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the "
              "request is the client secret value, not the client secret ID.\r\nTrace ID: "
              "0000\r\nCorrelation ID: 1111\r\nTimestamp: 2025-01-01 00:00:00Z"},
             {"error_codes", {7000215}}};
         response.set_content(error.dump(), "application/json");
         return;
       }
       int number = 0;
       {
         std::lock_guard<std::mutex> lock(mutex_);
         number = ++issued_;
       }
       nlohmann::json token = {{"token_type", "Bearer"},
                               {"expires_in", lifetime.count()},
                               {"access_token", "token-" + std::to_string(number)}};
       response.set_content(token.dump(), "application/json");
     });
}

void TokenTestServer::serveImdsTokens(std::chrono::seconds lifetime) {
  on("GET", "/metadata/identity/oauth2/token",
     [this, lifetime](const httplib::Request& request, httplib::Response& response) {
       if (request.get_header_value("Metadata") != "true") {
         response.status = 400;
         response.set_content(R"({"error":"invalid_request","error_description":"Required )"
                              R"(metadata header not specified"})",
                              "application/json");
         return;
       }
       int number = 0;
       {
         std::lock_guard<std::mutex> lock(mutex_);
         number = ++issued_;
       }
       const auto expiresOn = std::time(nullptr) + lifetime.count();
       nlohmann::json token = {{"access_token", "mi-token-" + std::to_string(number)},
                               {"refresh_token", ""},
                               {"expires_in", std::to_string(lifetime.count())},
                               {"expires_on", std::to_string(expiresOn)},
                               {"not_before", std::to_string(expiresOn - lifetime.count())},
                               {"resource", request.get_param_value("resource")},
                               {"token_type", "Bearer"}};
       response.set_content(token.dump(), "application/json");
     });
}

std::string closedLoopbackUrl() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("no free loopback port");
  }
  // Bound but never listening, and closed: connecting to it is refused.
  const int port = ntohs(address.sin_port);
  ::close(fd);
  return "http://127.0.0.1:" + std::to_string(port);
}

}  // namespace pgc::tests
