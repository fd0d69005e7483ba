// Firewall addresses as pgc reads them for Azure's firewall rules: strict IPv4, CIDR blocks
// and ranges, with the start and end address each admits, and what is wrong with the rest.
#include <gtest/gtest.h>

#include "../../src/rules/firewall_address.h"

namespace pgc::rules {
namespace {

TEST(FirewallAddressTest, ReadsAddressesBlocksAndRanges) {
  FirewallAddress single = parseFirewallAddress("203.0.113.7");
  ASSERT_TRUE(single.ok);
  EXPECT_EQ(ipv4Text(single.first), "203.0.113.7");
  EXPECT_EQ(single.first, single.last);
  FirewallAddress block = parseFirewallAddress("203.0.113.0/24");
  ASSERT_TRUE(block.ok);
  EXPECT_EQ(ipv4Text(block.first), "203.0.113.0");
  EXPECT_EQ(ipv4Text(block.last), "203.0.113.255");
  FirewallAddress range = parseFirewallAddress("198.51.100.10-198.51.100.20");
  ASSERT_TRUE(range.ok);
  EXPECT_EQ(ipv4Text(range.last), "198.51.100.20");
  FirewallAddress everything = parseFirewallAddress("0.0.0.0/0");
  ASSERT_TRUE(everything.ok);
  EXPECT_EQ(everything.first, 0u);
  EXPECT_EQ(everything.last, 0xFFFFFFFFu);
  EXPECT_TRUE(parseFirewallAddress("10.0.0.1/32").ok);
}

TEST(FirewallAddressTest, RefusesWhatIsNotStrictIpv4) {
  for (const char* text : {"", "203.0.113", "203.0.113.256", "203.0.113.07", "203.0.113.7 ",
                           "203.0.113.0/33", "a.b.c.d", "203.0.113.1-", "1.2.3.4.5"}) {
    FirewallAddress address = parseFirewallAddress(text);
    EXPECT_FALSE(address.ok) << text;
    EXPECT_FALSE(address.ipv6) << text;
    EXPECT_EQ(address.problem, "it is not an IPv4 address, CIDR block or range") << text;
  }
}

TEST(FirewallAddressTest, SaysWhatAMistakeMeant) {
  FirewallAddress hostBits = parseFirewallAddress("203.0.113.5/24");
  EXPECT_FALSE(hostBits.ok);
  EXPECT_EQ(hostBits.fix, "203.0.113.0/24");
  FirewallAddress backwards = parseFirewallAddress("10.0.0.9-10.0.0.1");
  EXPECT_FALSE(backwards.ok);
  EXPECT_EQ(backwards.fix, "10.0.0.1-10.0.0.9");
  FirewallAddress v6 = parseFirewallAddress("2001:db8::/32");
  EXPECT_TRUE(v6.ipv6);
  EXPECT_FALSE(v6.ok);
}

}  // namespace
}  // namespace pgc::rules
