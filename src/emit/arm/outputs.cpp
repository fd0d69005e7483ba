// The template's outputs: what a deployment returns for each cluster (its host name, resource
// ID and name) and the program's own `output`s (docs/language.md, output).
#include <fmt/format.h>

#include "arm_parts.h"

namespace pgc::emit::arm {
namespace {

// `main.fqdn`, `main.id` or `main.name` of a server, as an output value.
std::string attribute(const model::Cluster& cluster, const std::string& name) {
  if (name == "id") return serverId(cluster);
  if (name == "fqdn") {
    return fmt::format("[reference({}, {}).fullyQualifiedDomainName]",
                       resourceIdCall(kServerType, {cluster.resourceName.value}),
                       quoted(kPostgresApiVersion));
  }
  return literal(cluster.resourceName.value);
}

}  // namespace

Json templateOutputs(const model::Model& model) {
  Json outputs = Json::object();
  for (const model::Cluster& cluster : model.clusters) {
    for (const char* name : {"fqdn", "id", "name"}) {
      outputs[cluster.name + "_" + name] = {{"type", "string"},
                                            {"value", attribute(cluster, name)}};
    }
  }
  // A program's output of the same name as a cluster's replaces it: the program said so.
  for (const model::Output& output : model.outputs) {
    Json value;
    if (const model::Cluster* cluster = model.cluster(output.cluster)) {
      value = attribute(*cluster, output.attribute);
    } else if (output.value) {
      value = literalJson(Json::parse(*output.value));
    } else {
      continue;
    }
    outputs[output.name] = {{"type", output.type}, {"value", std::move(value)}};
  }
  return outputs;
}

}  // namespace pgc::emit::arm
