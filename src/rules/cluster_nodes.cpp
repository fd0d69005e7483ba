// PGC2101–PGC2105: how many nodes an elastic cluster may have, and that a flexible server has
// none. Azure's documented range is 2 to 20; the Azure CLI stops at 10 (platform.md 1.3).
#include <fmt/format.h>

#include "rule_context.h"
#include "wording.h"

namespace pgc::rules {

void checkElasticNodes(RuleContext& context) {
  const PlatformCatalog& catalog = context.catalog;
  for (const model::Cluster& c : context.model.clusters) {
    const auto& nodes = c.nodes;
    if (c.kind.value == model::ClusterKind::Flexible) {
      if (!nodes.defaulted) {
        context.report(DiagCode::NodesOnFlexibleServer, nodes.span, c.span, c.name)
            .help("remove `nodes`, or use `kind = elastic` for a sharded cluster");
      }
      continue;
    }
    if (nodes.value < catalog.elasticNodes.min) {
      context
          .report(DiagCode::ElasticTooFewNodes, nodes.span, c.span, c.name,
                  count(nodes.value, "node"), catalog.elasticNodes.min)
          .help(fmt::format("an elastic cluster is a coordinator plus workers; use `nodes = {}` or "
                            "`kind = flexible`",
                            catalog.elasticNodes.min));
    } else if (nodes.value > catalog.elasticNodes.max) {
      context
          .report(DiagCode::ElasticTooManyNodes, nodes.span, c.span, c.name,
                  count(nodes.value, "node"), catalog.elasticNodes.max)
          .help(fmt::format("use `nodes = {}` at most", catalog.elasticNodes.max));
    } else if (nodes.value > catalog.elasticCliMaxNodes) {
      context
          .report(DiagCode::ElasticNodesOverCliLimit, nodes.span, c.span, c.name,
                  count(nodes.value, "node"), catalog.elasticCliMaxNodes)
          .note(fmt::format("`az postgres flexible-server` refuses it: {}",
                            catalog.elasticCliNodesError))
          .help(fmt::format("pgc deploys through Azure Resource Manager, which takes up to {}; if "
                            "nobody runs the Azure CLI on this cluster, say so with "
                            "`@allow(PGC2104, reason = \"…\")`",
                            catalog.elasticNodes.max));
    }
    if (context.prodStage() && nodes.value >= catalog.elasticNodes.min &&
        nodes.value < catalog.elasticProdMinNodes) {
      context
          .report(DiagCode::ProdElasticTooFewNodes, nodes.span, c.span, c.name,
                  count(nodes.value, "node"), catalog.elasticProdMinNodes)
          .note("a coordinator and one worker keep every shard on a single node")
          .help(fmt::format("give production a coordinator and at least two workers: "
                            "`nodes = env.stage == prod ? {} : {}`",
                            catalog.elasticProdMinNodes, catalog.elasticNodes.min));
    }
  }
}

}  // namespace pgc::rules
