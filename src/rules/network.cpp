// PGC2140 and PGC2401–PGC2404: the network. Elastic clusters cannot join a VNet; firewall
// rules take IPv4 addresses, CIDR blocks or ranges, and a rule that admits the whole internet
// is flagged, as an error in a prod-stage environment (platform.md 1.5, 3.2).
#include <fmt/format.h>

#include <regex>

#include "firewall_address.h"
#include "rule_context.h"
#include "wording.h"

namespace pgc::rules {
namespace {

void checkRuleName(RuleContext& context, const model::Cluster& c, const model::FirewallRule& rule) {
  const NamePattern& pattern = context.catalog.firewallRuleName;
  std::string problem;
  if (!std::regex_match(rule.name, std::regex(pattern.pattern))) {
    problem =
        "must start with a letter or digit and hold only letters, digits, `-` and `_`, "
        "80 characters at most";
  } else if (!rule.name.empty() && rule.name.back() == '-') {
    problem = "must not end with `-`";
  }
  if (problem.empty()) return;
  context.report(DiagCode::InvalidFirewallRuleName, rule.span, c.span, rule.name, problem)
      .help("rename the rule, such as `office`");
}

void checkRule(RuleContext& context, const model::Cluster& c, const model::FirewallRule& rule) {
  checkRuleName(context, c, rule);
  FirewallAddress address = parseFirewallAddress(rule.value);
  if (!address.ok) {
    Diagnostic& d = context.report(DiagCode::InvalidFirewallAddress, rule.span, c.span, rule.name,
                                   rule.value, address.problem);
    if (address.ipv6) d.note("Azure's firewall rules take IPv4 addresses only");
    d.help(address.fix.empty() ? "write an address `203.0.113.7`, a CIDR block `203.0.113.0/24` "
                                 "or a range `203.0.113.10-203.0.113.20`"
                               : "did you mean `" + address.fix + "`?");
    return;
  }
  if (address.first == 0 && address.last == 0xFFFFFFFFu) {
    DiagCode code = context.prodStage() ? DiagCode::ProdFirewallOpenToInternet
                                        : DiagCode::FirewallOpenToInternet;
    context.report(code, rule.span, c.span, rule.name)
        .help(
            "admit only the addresses that need the database, such as your office's or your "
            "application's outbound addresses");
  }
}

}  // namespace

void checkNetwork(RuleContext& context) {
  for (const model::Cluster& c : context.model.clusters) {
    if (c.kind.value == model::ClusterKind::Elastic && !c.subnet.value.empty()) {
      context.report(DiagCode::ElasticVnet, c.subnet.span, c.span, c.name)
          .help(
              "remove `subnet` and `private_dns_zone`; reach the cluster through its public "
              "endpoint with firewall rules, or through a private endpoint");
    }
    for (const model::FirewallRule& rule : c.firewall) checkRule(context, c, rule);
  }
}

}  // namespace pgc::rules
