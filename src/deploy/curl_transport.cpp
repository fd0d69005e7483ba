// One HTTP exchange with libcurl: a fresh easy handle per request, TLS always verified, no
// redirects, and never a proxy for loopback or the instance metadata address.
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>

#include "pgc/deploy/http.h"

namespace pgc::deploy {
namespace {

// Hosts a proxy must never see: tests' loopback servers, and IMDS, which refuses proxied calls.
constexpr const char* kNeverProxied = "localhost,127.0.0.0/8,::1,169.254.169.254";

void initCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Setting CURLOPT_NOPROXY replaces the user's NO_PROXY, so keep theirs and add ours.
std::string noProxyList() {
  std::string list = kNeverProxied;
  for (const char* name : {"NO_PROXY", "no_proxy"}) {
    if (const char* value = std::getenv(name); value != nullptr && *value != '\0') {
      list += ",";
      list += value;
      break;
    }
  }
  return list;
}

size_t collectBody(char* data, size_t size, size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

std::string trimmed(std::string text) {
  const char* space = " \t\r\n";
  text.erase(text.find_last_not_of(space) + 1);
  text.erase(0, text.find_first_not_of(space));
  return text;
}

size_t collectHeader(char* data, size_t size, size_t count, void* target) {
  auto& headers = *static_cast<std::map<std::string, std::string>*>(target);
  const std::string line(data, size * count);
  // A status line starts a new response (after 100 Continue or a proxy's CONNECT): only the
  // final response's headers count.
  if (line.rfind("HTTP/", 0) == 0) {
    headers.clear();
    return size * count;
  }
  const auto colon = line.find(':');
  if (colon == std::string::npos) return size * count;
  std::string name = trimmed(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  headers[name] = trimmed(line.substr(colon + 1));
  return size * count;
}

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

CurlTransport::CurlTransport(std::chrono::seconds timeout) : timeout_(timeout) {
  // curl's own variable: a proxy that inspects TLS, or a private cloud, brings its CA.
  if (const char* bundle = std::getenv("CURL_CA_BUNDLE"); bundle != nullptr && *bundle != '\0') {
    caBundle_ = bundle;
  }
}

HttpResult CurlTransport::send(const HttpRequest& request) {
  initCurlOnce();
  HttpResult result;
  std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
  if (!easy) {
    result.transportError = "libcurl could not start a request";
    return result;
  }
  CURL* handle = easy.get();
  char errorBuffer[CURL_ERROR_SIZE] = {0};
  HttpResponse response;
  const std::string noProxy = noProxyList();
  const std::string userAgent = std::string("pgc/") + PGC_VERSION;

  curl_easy_setopt(handle, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count() * 1000));
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!caBundle_.empty()) curl_easy_setopt(handle, CURLOPT_CAINFO, caBundle_.c_str());
  curl_easy_setopt(handle, CURLOPT_USERAGENT, userAgent.c_str());
  curl_easy_setopt(handle, CURLOPT_NOPROXY, noProxy.c_str());
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, errorBuffer);
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, collectBody);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, collectHeader);
  curl_easy_setopt(handle, CURLOPT_HEADERDATA, &response.headers);

  if (request.method == "HEAD") {
    curl_easy_setopt(handle, CURLOPT_NOBODY, 1L);
  } else {
    curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  // PUT and POST always carry a body, if only an empty one (Content-Length: 0).
  if (!request.body.empty() || request.method == "PUT" || request.method == "POST") {
    curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.c_str());
  }

  // "Expect:" turns off libcurl's 100-continue round trip for large templates.
  curl_slist* list = curl_slist_append(nullptr, "Expect:");
  std::unique_ptr<curl_slist, ListDeleter> headers(list);
  for (const auto& [name, value] : request.headers) {
    // "Name;" is libcurl's spelling of a header with an empty value.
    const std::string line = value.empty() ? name + ";" : name + ": " + value;
    list = curl_slist_append(headers.get(), line.c_str());
    if (list == nullptr) {
      result.transportError = "libcurl could not hold the request's headers";
      return result;
    }
  }
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());

  const CURLcode code = curl_easy_perform(handle);
  if (code != CURLE_OK) {
    result.transportError = curl_easy_strerror(code);
    if (errorBuffer[0] != '\0') result.transportError += std::string(": ") + errorBuffer;
    return result;
  }
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response.status);
  result.response = std::move(response);
  return result;
}

}  // namespace pgc::deploy
