// A loopback HTTP server for the deploy tests (cpp-httplib on 127.0.0.1, a free port): it
// records every request it answers, and can play an Entra token endpoint or IMDS.
#pragma once

#include <httplib.h>

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace pgc::tests {

struct SeenRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> query;    // decoded
  std::map<std::string, std::string> form;     // the body, decoded, when it is a form
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

class TokenTestServer {
 public:
  // Bound at once (connections queue until start()), so url() is valid before start().
  TokenTestServer();
  ~TokenTestServer();
  TokenTestServer(const TokenTestServer&) = delete;
  TokenTestServer& operator=(const TokenTestServer&) = delete;

  // Answers `method` on `path` (a regex, as cpp-httplib takes it) with `handler`, recording
  // each request before the handler runs. Register routes before start().
  void on(const std::string& method, const std::string& path, httplib::Server::Handler handler);
  void start();
  std::string url() const;  // "http://127.0.0.1:<port>"

  std::vector<SeenRequest> requests() const;
  size_t count(const std::string& path) const;

  // Answers POST {tenant}/oauth2/v2.0/token like Entra: "token-1", "token-2", … valid for
  // `lifetime`; a form with client_secret `rejectedSecret` gets invalid_client.
  void serveEntraTokens(const std::string& tenant, std::chrono::seconds lifetime,
                        const std::string& rejectedSecret = "");
  // Answers GET /metadata/identity/oauth2/token like IMDS (every value a string).
  void serveImdsTokens(std::chrono::seconds lifetime);

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<SeenRequest> requests_;
  int issued_ = 0;
};

// A loopback URL where nothing listens: connections are refused at once.
std::string closedLoopbackUrl();

}  // namespace pgc::tests
