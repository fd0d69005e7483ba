// A firewall rule's value as the start and end address ARM takes (IPv4 only, platform.md
// §3.2): one address, a CIDR block or an `A-B` range, as docs/language.md allows.
#include <cstdint>

#include "arm_parts.h"

namespace pgc::emit::arm {
namespace {

std::optional<uint32_t> parseAddress(const std::string& text) {
  uint32_t address = 0;
  size_t at = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (at >= text.size() || text[at] != '.') return std::nullopt;
      ++at;
    }
    size_t begin = at;
    uint32_t octet = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9' && at - begin < 3) {
      octet = octet * 10 + static_cast<uint32_t>(text[at] - '0');
      ++at;
    }
    if (at == begin || octet > 255) return std::nullopt;
    address = (address << 8) | octet;
  }
  if (at != text.size()) return std::nullopt;
  return address;
}

std::string formatAddress(uint32_t address) {
  return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 255) + "." +
         std::to_string((address >> 8) & 255) + "." + std::to_string(address & 255);
}

std::string trimmed(const std::string& text) {
  size_t begin = text.find_first_not_of(' ');
  size_t end = text.find_last_not_of(' ');
  return begin == std::string::npos ? "" : text.substr(begin, end - begin + 1);
}

}  // namespace

std::optional<IpRange> firewallRange(const std::string& value) {
  if (size_t dash = value.find('-'); dash != std::string::npos) {
    auto start = parseAddress(trimmed(value.substr(0, dash)));
    auto end = parseAddress(trimmed(value.substr(dash + 1)));
    if (!start || !end || *start > *end) return std::nullopt;
    return IpRange{formatAddress(*start), formatAddress(*end)};
  }
  if (size_t slash = value.find('/'); slash != std::string::npos) {
    auto address = parseAddress(value.substr(0, slash));
    std::string bits = value.substr(slash + 1);
    if (!address || bits.empty() || bits.size() > 2 ||
        bits.find_first_not_of("0123456789") != std::string::npos) {
      return std::nullopt;
    }
    int prefix = std::stoi(bits);
    if (prefix > 32) return std::nullopt;
    uint32_t mask = prefix == 0 ? 0 : ~uint32_t{0} << (32 - prefix);
    return IpRange{formatAddress(*address & mask), formatAddress((*address & mask) | ~mask)};
  }
  auto address = parseAddress(value);
  if (!address) return std::nullopt;
  return IpRange{formatAddress(*address), formatAddress(*address)};
}

}  // namespace pgc::emit::arm
