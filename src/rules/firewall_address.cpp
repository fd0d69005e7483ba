// Firewall addresses: dotted quads, CIDR blocks and ranges, parsed strictly (no leading
// zeros, no blanks), so that what pgc emits is exactly what the program meant.
#include "firewall_address.h"

#include <fmt/format.h>

#include <optional>

namespace pgc::rules {
namespace {

std::optional<uint32_t> parseNumber(const std::string& text, uint32_t max) {
  if (text.empty() || text.size() > 3 || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  uint32_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint32_t>(c - '0');
  }
  if (value > max) return std::nullopt;
  return value;
}

std::optional<uint32_t> parseIpv4(const std::string& text) {
  uint32_t address = 0;
  size_t start = 0;
  for (int part = 0; part < 4; ++part) {
    size_t dot = part < 3 ? text.find('.', start) : text.size();
    if (dot == std::string::npos) return std::nullopt;
    auto octet = parseNumber(text.substr(start, dot - start), 255);
    if (!octet) return std::nullopt;
    address = (address << 8) | *octet;
    start = dot + 1;
  }
  return address;
}

FirewallAddress invalid(std::string problem, std::string fix = "") {
  FirewallAddress out;
  out.problem = std::move(problem);
  out.fix = std::move(fix);
  return out;
}

}  // namespace

std::string ipv4Text(uint32_t a) {
  return fmt::format("{}.{}.{}.{}", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
}

FirewallAddress parseFirewallAddress(const std::string& text) {
  if (text.find(':') != std::string::npos) {
    FirewallAddress out = invalid("it is an IPv6 address");
    out.ipv6 = true;
    return out;
  }
  const char* notAddress = "it is not an IPv4 address, CIDR block or range";
  if (size_t dash = text.find('-'); dash != std::string::npos) {
    auto first = parseIpv4(text.substr(0, dash));
    auto last = parseIpv4(text.substr(dash + 1));
    if (!first || !last) return invalid(notAddress);
    if (*first > *last) {
      return invalid("the range ends before it starts", ipv4Text(*last) + "-" + ipv4Text(*first));
    }
    return {true, *first, *last, false, "", ""};
  }
  if (size_t slash = text.find('/'); slash != std::string::npos) {
    auto base = parseIpv4(text.substr(0, slash));
    auto bits = parseNumber(text.substr(slash + 1), 32);
    if (!base || !bits) return invalid(notAddress);
    uint32_t mask = *bits == 0 ? 0 : ~uint32_t{0} << (32 - *bits);
    if ((*base & ~mask) != 0) {
      return invalid("it is not a network address: its host bits are set",
                     fmt::format("{}/{}", ipv4Text(*base & mask), *bits));
    }
    return {true, *base, *base | ~mask, false, "", ""};
  }
  auto single = parseIpv4(text);
  if (!single) return invalid(notAddress);
  return {true, *single, *single, false, "", ""};
}

}  // namespace pgc::rules
