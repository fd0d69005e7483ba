// The small pieces every part of the fake answers with: ARM's error body, JSON replies,
// random ids and tokens, timestamps, and ARM's spelling of type names.
#include <algorithm>
#include <cctype>
#include <ctime>
#include <random>

#include "fake_azure_impl.h"

namespace pgc::tests {

void sendJson(httplib::Response& response, int status, const json& body) {
  response.status = status;
  response.set_content(body.dump(), "application/json; charset=utf-8");
}

void sendArmError(httplib::Response& response, int status, const std::string& code,
                  const std::string& message) {
  sendJson(response, status, {{"error", {{"code", code}, {"message", message}}}});
}

ArmError invalidTemplate(const std::string& detail) {
  return ArmError(400, "InvalidTemplate",
                  "Deployment template validation failed: '" + detail + "'.");
}

std::string lowerCase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool equalsIgnoringCase(const std::string& a, const std::string& b) {
  return lowerCase(a) == lowerCase(b);
}

std::string randomHex(size_t bytes) {
  // Tokens must not repeat across fakes in one test run, so seed from the device.
  thread_local std::mt19937_64 generator{std::random_device{}()};
  static const char* digits = "0123456789abcdef";
  std::string text;
  for (size_t i = 0; i < bytes * 2; ++i) text += digits[generator() % 16];
  return text;
}

std::string randomGuid() {
  std::string hex = randomHex(16);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

std::string isoTimestamp() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S.0000000Z", &utc);
  return text;
}

std::string armTypeName(const std::string& templateType) {
  const std::string type = lowerCase(templateType);
  if (type == "securestring") return "SecureString";
  if (type == "secureobject") return "SecureObject";
  if (type.empty()) return "";
  std::string name = type;
  name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

}  // namespace pgc::tests
