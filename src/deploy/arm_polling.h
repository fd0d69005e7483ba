// ARM's long-running operations (platform.md §8.3): how long to wait before the next poll,
// and following a 202's `Location` until ARM answers with the result.
#pragma once

#include <chrono>

#include "pgc/deploy/arm_client.h"

namespace pgc::deploy {

// The wait `Retry-After` asks for, else `fallback`; never below a fifth of a second, so
// that a server answering 0 does not get a busy loop.
std::chrono::milliseconds pollDelay(const HttpResponse& response,
                                    std::chrono::milliseconds fallback);

// While `reply` is a 202 with a Location, waits and GETs it. Returns the first other reply,
// or the last one when the waiter stops (interrupted, deadline).
ArmReply followLocation(ArmClient& arm, ArmReply reply, const Waiter& waiter);

}  // namespace pgc::deploy
