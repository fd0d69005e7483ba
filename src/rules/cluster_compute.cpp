// PGC2120–PGC2123: compute sizes and tiers. Elastic clusters have no burstable tier, high
// availability needs more than burstable, and a SKU belongs to one tier (platform.md 1.3, 3.1;
// learn:postgresql/compute-storage/concepts-compute).
#include <fmt/format.h>

#include <algorithm>

#include "rule_context.h"
#include "wording.h"

namespace pgc::rules {
namespace {

bool among(const std::vector<model::Tier>& tiers, model::Tier tier) {
  return std::find(tiers.begin(), tiers.end(), tier) != tiers.end();
}

std::string tierWords(model::Tier tier) {
  switch (tier) {
    case model::Tier::Burstable: return "burstable";
    case model::Tier::GeneralPurpose: return "general purpose";
    case model::Tier::MemoryOptimized: return "memory optimized";
  }
  return "";
}

void checkSku(RuleContext& context, const model::Cluster& c) {
  const PlatformCatalog& catalog = context.catalog;
  auto known = catalog.skus.find(c.sku.value);
  if (known == catalog.skus.end()) {
    std::vector<std::string> names;
    for (const auto& entry : catalog.skus) names.push_back(entry.first);
    Diagnostic& d = context.report(DiagCode::UnknownSku, c.sku.span, c.span, c.sku.value);
    if (auto best = closestName(c.sku.value, names))
      d.help("did you mean `" + *best + "`?");
    else
      d.help("sizes are named like `Standard_D4ds_v5`, `Standard_E8ds_v5` or `Standard_B2s`");
    return;
  }
  if (!c.tier.defaulted && known->second != c.tier.value) {
    context
        .report(DiagCode::SkuTierMismatch, c.tier.span, c.span, c.sku.value,
                tierWords(known->second), tierWords(c.tier.value))
        .note(c.sku.span, "the size is set here")
        .help("remove `tier`: pgc takes it from the size");
  }
}

}  // namespace

void checkCompute(RuleContext& context) {
  const PlatformCatalog& catalog = context.catalog;
  for (const model::Cluster& c : context.model.clusters) {
    checkSku(context, c);
    bool elastic = c.kind.value == model::ClusterKind::Elastic;
    if (elastic && among(catalog.elasticUnsupportedTiers, c.tier.value)) {
      context.report(DiagCode::ElasticBurstable, c.tier.span, c.span, c.name, c.sku.value)
          .note(fmt::format("the Azure CLI refuses it: {}", catalog.elasticTierError))
          .help(
              fmt::format("use a general purpose or memory optimized size, such as `sku = \"{}\"`",
                          catalog.quickstartSku));
    }
    if (c.highAvailability.value != model::HighAvailability::Disabled &&
        among(catalog.highAvailabilityUnsupportedTiers, c.tier.value)) {
      context
          .report(DiagCode::BurstableHighAvailability, c.highAvailability.span, c.span, c.name,
                  c.sku.value)
          .note(fmt::format("Azure refuses it: {}", catalog.highAvailabilityTierError))
          .help(fmt::format("use a general purpose size such as `sku = \"{}\"`, or "
                            "`high_availability = disabled`",
                            catalog.quickstartSku));
    }
  }
}

}  // namespace pgc::rules
