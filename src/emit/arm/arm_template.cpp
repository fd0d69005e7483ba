// The deployment template of one environment: the envelope in ARM's conventional key order
// ($schema, contentVersion, metadata, parameters, resources, outputs), each cluster's server
// followed by its children, and pgc's `_generator` metadata with a hash of the content.
#include "arm_parts.h"
#include "pgc/emit/arm.h"

namespace pgc::emit::arm {
namespace {

TemplateBody resourceGroupBody(const model::Model& model, const rules::PlatformCatalog& catalog) {
  Json resources = Json::array();
  for (const model::Cluster& cluster : model.clusters) {
    resources.push_back(serverResource(cluster));
    for (Json& child : childResources(model, cluster, catalog))
      resources.push_back(std::move(child));
  }
  return {kResourceGroupSchema, templateParameters(model), std::move(resources),
          templateOutputs(model)};
}

}  // namespace

Json assembleTemplate(const TemplateBody& body, const Json& metadata) {
  Json out = {{"$schema", body.schema}, {"contentVersion", kContentVersion}};
  if (!metadata.empty()) out["metadata"] = metadata;
  out["parameters"] = body.parameters;
  out["resources"] = body.resources;
  out["outputs"] = body.outputs;
  return out;
}

}  // namespace pgc::emit::arm

namespace pgc::emit {

nlohmann::ordered_json armTemplate(const model::Model& model,
                                   const rules::PlatformCatalog& catalog) {
  using namespace arm;
  TemplateBody body = resourceGroupBody(model, catalog);
  if (model.environment.scope.value == model::Scope::Subscription) {
    body = subscriptionBody(model, assembleTemplate(body, Json::object()));
  }
  Json described = Json::object();
  if (!model.project.description.empty()) {
    described["description"] = literal(model.project.description);
  }
  // The hash covers all but `_generator` itself, so that pgc's version does not change it.
  Json generator = {{"name", "pgc"},
                    {"version", PGC_VERSION},
                    {"templateHash", templateHash(assembleTemplate(body, described))}};
  Json metadata = {{"_generator", std::move(generator)}};
  for (const auto& [key, value] : described.items()) metadata[key] = value;
  return assembleTemplate(body, metadata);
}

}  // namespace pgc::emit
