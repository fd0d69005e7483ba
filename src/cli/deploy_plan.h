// From a built environment to the deployment ARM receives: subscription and resource group
// resolved, parameters attached; and the two ways to show it before sending (--dry-run, the
// what-if confirmation).
#pragma once

#include <optional>
#include <vector>

#include "deploy_options.h"
#include "deploy_parameters.h"
#include "pgc/deploy/arm_deployment.h"

namespace pgc::cli {

// Null after saying why when no subscription can be found.
std::optional<deploy::DeploymentPlan> planDeployment(const DeployOptions& options,
                                                     const model::Model& model,
                                                     const nlohmann::ordered_json& armTemplate,
                                                     const DeployParameters& parameters,
                                                     deploy::TokenCredential& credential);

// --dry-run: the token request, the ARM requests and the SQL step, nothing sent.
void printDryRun(const deploy::TokenCredential& credential, const deploy::ArmClient& arm,
                 const deploy::DeploymentPlan& plan, const deploy::DeploySteps& steps,
                 const std::vector<SqlScript>& scripts, deploy::DeployConsole& console);

// Asks "Deploy these changes? [y/N]" on the terminal; only "y" or "yes" deploys.
bool confirmOnTerminal();

}  // namespace pgc::cli
