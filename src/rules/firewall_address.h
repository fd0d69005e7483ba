// Parsing what a firewall rule admits: an IPv4 address, a CIDR block or a range `A-B`, as the
// start and end addresses Azure's firewallRules resource takes.
#pragma once

#include <cstdint>
#include <string>

namespace pgc::rules {

struct FirewallAddress {
  bool ok = false;
  uint32_t first = 0;
  uint32_t last = 0;
  bool ipv6 = false;
  std::string problem;  // when not ok: what is wrong, for the message
  std::string fix;      // when not ok and there is an obvious correction
};

FirewallAddress parseFirewallAddress(const std::string& text);
std::string ipv4Text(uint32_t address);

}  // namespace pgc::rules
