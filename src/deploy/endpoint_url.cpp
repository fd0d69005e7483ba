// Which endpoints pgc may send tokens and secrets to: https anywhere, plain http only to this
// machine (for tests and local emulators), so that a mistyped override cannot leak a secret.
#include <arpa/inet.h>
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "pgc/deploy/http.h"

namespace pgc::deploy {
namespace {

constexpr const char* kAccepted =
    "use https://, or http:// only to localhost, 127.0.0.0/8 or [::1]";

struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};

// The part, or "" when the URL has none.
std::string part(CURLU* url, CURLUPart which) {
  char* text = nullptr;
  if (curl_url_get(url, which, &text, 0) != CURLUE_OK || text == nullptr) return "";
  std::string value = text;
  curl_free(text);
  return value;
}

bool loopbackHost(std::string host) {
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (host == "localhost" || host == "[::1]") return true;
  in_addr address{};
  // Only a dotted IPv4 literal counts; "127.example.com" is a name anyone can point anywhere.
  if (inet_pton(AF_INET, host.c_str(), &address) != 1) return false;
  return (ntohl(address.s_addr) >> 24) == 127;
}

}  // namespace

std::string checkEndpointUrl(const std::string& url) {
  std::unique_ptr<CURLU, UrlDeleter> parsed(curl_url());
  if (!parsed) return "the URL could not be examined (out of memory)";
  // No guessing of a missing scheme: "example.com" is rejected, not read as http.
  const CURLUcode code = curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0);
  if (code != CURLUE_OK) {
    return std::string("the endpoint is not a valid URL (") + curl_url_strerror(code) + "); " +
           kAccepted;
  }
  const std::string scheme = part(parsed.get(), CURLUPART_SCHEME);
  const std::string host = part(parsed.get(), CURLUPART_HOST);
  if (scheme != "https" && scheme != "http") {
    return "the endpoint's scheme `" + scheme + "` is not supported; " + kAccepted;
  }
  if (host.empty()) return std::string("the endpoint names no host; ") + kAccepted;
  if (!part(parsed.get(), CURLUPART_USER).empty() ||
      !part(parsed.get(), CURLUPART_PASSWORD).empty()) {
    // The text of the URL is not repeated here: it holds the credentials.
    return "the endpoint must not carry a user name or password; credentials come from the "
           "Azure sources pgc supports";
  }
  if (scheme == "http" && !loopbackHost(host)) {
    return "plain http to `" + host + "` would send tokens unencrypted; " + kAccepted;
  }
  return "";
}

}  // namespace pgc::deploy
