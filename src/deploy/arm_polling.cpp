// Polling ARM's long-running operations by `Location`, honouring `Retry-After`.
#include "arm_polling.h"

#include <algorithm>
#include <cstdlib>

namespace pgc::deploy {

std::chrono::milliseconds pollDelay(const HttpResponse& response,
                                    std::chrono::milliseconds fallback) {
  constexpr std::chrono::milliseconds kFloor{200};
  std::string header = response.header("retry-after");
  if (header.empty() || header.find_first_not_of("0123456789") != std::string::npos) {
    return std::max(fallback, kFloor);
  }
  long seconds = std::min(std::strtol(header.c_str(), nullptr, 10), 3600L);
  return std::max(std::chrono::milliseconds(seconds * 1000), kFloor);
}

ArmReply followLocation(ArmClient& arm, ArmReply reply, const Waiter& waiter) {
  while (reply.ok() && reply.status == 202) {
    std::string location = reply.response.header("location");
    if (location.empty()) return reply;
    if (!waiter.wait(pollDelay(reply.response, std::chrono::seconds(5)))) return reply;
    reply = arm.call("GET", location);
  }
  return reply;
}

}  // namespace pgc::deploy
