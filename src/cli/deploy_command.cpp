// `pgc deploy FILE --env E`: checks and builds the environment like `pgc build`, submits the
// ARM template, follows the deployment to its end, then applies each cluster's SQL bootstrap.
// `--target` applies only the SQL bootstrap, to any PostgreSQL; `--dry-run` sends nothing.
#include <csignal>
#include <iostream>
#include <set>

#include "checked_files.h"
#include "commands.h"
#include "deploy_options.h"
#include "deploy_parameters.h"
#include "deploy_plan.h"
#include "deploy_sql_step.h"
#include "pgc/deploy/arm_deployment.h"
#include "pgc/emit/arm.h"
#include "pgc/emit/sql.h"
#include "pgc/rules.h"

namespace pgc::cli {
namespace {

std::atomic<bool> gInterrupted{false};

extern "C" void onInterrupt(int) { gInterrupted.store(true); }

// What the program deploys in the chosen environment, built as `pgc build` would.
struct Built {
  model::Model model;
  nlohmann::ordered_json armTemplate;
  std::vector<SqlScript> scripts;
};

std::optional<Built> buildEnvironment(const DeployOptions& options, const GlobalOptions& global,
                                      int& exitCode) {
  CheckedFiles checked = checkFiles({options.file}, global, options.environment);
  std::cerr << renderText(checked.diagnostics, global.render());
  exitCode = checked.exitCode();
  if (exitCode != kExitOk) return std::nullopt;
  Diagnostics catalogProblems;
  auto catalog = rules::loadPlatformCatalog(global.stdlibDir(), catalogProblems);
  if (!catalog) {
    std::cerr << renderText(catalogProblems, global.render());
    exitCode = kExitUsage;
    return std::nullopt;
  }
  Built built{checked.results.front().models.front(), {}, {}};
  built.armTemplate = emit::armTemplate(built.model, *catalog);
  for (const model::Cluster& cluster : built.model.clusters) {
    if (!emit::needsSqlBootstrap(built.model, cluster)) continue;
    if (!options.cluster.empty() && cluster.name != options.cluster) continue;
    built.scripts.push_back({&cluster, built.model.project.name + "." + cluster.name + ".sql",
                             emit::sqlBootstrap(built.model, cluster), ""});
  }
  return built;
}

bool reportProblems(const std::vector<std::string>& problems) {
  for (const std::string& problem : problems) std::cerr << "pgc: " << problem << "\n";
  return problems.empty();
}

void printOutputs(const nlohmann::json& outputs, deploy::DeployConsole& console) {
  if (!outputs.is_object() || outputs.empty()) return;
  std::string text = "outputs:";
  for (const auto& [name, output] : outputs.items()) {
    const nlohmann::json value = output.value("value", nlohmann::json());
    text += "\n  " + name + " = " + (value.is_string() ? value.get<std::string>() : value.dump());
  }
  console.say(text);
}

// Where the deployment went and how to look at it, for a run that stopped following it.
std::string stillRunning(const deploy::DeploymentPlan& plan) {
  std::string show = plan.subscriptionScope ? "az deployment sub show --name " + plan.name
                                            : "az deployment group show --resource-group " +
                                                  plan.resourceGroup + " --name " + plan.name;
  return "pgc: deployment " + plan.name +
         " continues in Azure; pgc only stopped following it. Look at it with:\n  " + show +
         "\nor in the portal, under the " +
         (plan.subscriptionScope ? "subscription's" : "resource group's") + " Deployments.";
}

// The params the SQL bootstrap reads: the passwords of the roles on the scripts' clusters.
std::set<std::string> sqlParamsOf(const model::Model& model,
                                  const std::vector<SqlScript>& scripts) {
  std::set<std::string> params;
  for (const SqlScript& script : scripts) {
    for (const model::Role& role : model.roles) {
      if (role.cluster == script.cluster->name && role.password) {
        params.insert(role.password->param);
      }
    }
  }
  return params;
}

// --target: only the SQL bootstrap, to the database the user named.
int applyToTarget(const DeployOptions& options, const Built& built,
                  const DeployParameters& parameters, deploy::DeployConsole& console) {
  if (built.scripts.empty()) {
    console.say("nothing to apply: no cluster of the program has schemas or roles");
    return kExitOk;
  }
  if (options.dryRun) {
    for (const SqlScript& script : built.scripts) {
      console.say("would apply " + script.name + " to the target");
    }
    return kExitOk;
  }
  return applySqlScripts(built.scripts, options.sql, parameters.text, nullptr, console)
             ? kExitOk
             : kExitDeployFailed;
}

// The exit code of a deployment that did not succeed, after saying what the user should know.
int unsuccessful(const deploy::DeployResult& result, const deploy::DeploymentPlan& plan,
                 deploy::DeployConsole& console) {
  switch (result.outcome) {
    case deploy::DeployOutcome::Interrupted:
      console.problem("pgc: interrupted\n" + stillRunning(plan));
      return kExitInterrupted;
    case deploy::DeployOutcome::TimedOut:
      console.problem("pgc: the deployment did not finish within --timeout\n" + stillRunning(plan));
      return kExitDeployFailed;
    default: return kExitDeployFailed;  // failed or declined: said already
  }
}

// Each script's host: the `<cluster>_fqdn` output of the deployment. False after saying which
// is missing.
bool attachHosts(std::vector<SqlScript>& scripts, const nlohmann::json& outputs,
                 deploy::DeployConsole& console) {
  for (SqlScript& script : scripts) {
    std::string name = script.cluster->name + "_fqdn";
    const nlohmann::json output = outputs.value(name, nlohmann::json());
    script.host = output.is_object() ? output.value("value", "") : "";
    if (script.host.empty()) {
      console.problem("pgc: the deployment returned no output " + name +
                      ", so the SQL bootstrap of cluster `" + script.cluster->name +
                      "` has no host; apply it with --target");
      return false;
    }
  }
  return true;
}

int deploy(DeployOptions options, const GlobalOptions& global) {
  if (auto problem = checkDeployOptions(options)) {
    std::cerr << "pgc: " << *problem << "\n";
    return kExitUsage;
  }
  int exitCode = kExitOk;
  std::optional<Built> built = buildEnvironment(options, global, exitCode);
  if (!built) return exitCode;
  const model::Model& model = built->model;
  const SqlSignIn& signIn = options.sql;
  bool sqlOnly = !signIn.target.empty();
  bool sql = !options.noSql && !built->scripts.empty();
  DeployParameters parameters = deployParameters(
      model, sqlOnly ? nlohmann::ordered_json() : built->armTemplate,
      sql ? sqlParamsOf(model, built->scripts) : std::set<std::string>(), options.params);
  if (!reportProblems(parameters.problems)) return kExitUsage;
  if (sql && !reportProblems(sqlSignInProblems(built->scripts, signIn))) return kExitUsage;

  deploy::DeployConsole console(std::cout, std::cerr, options.live());
  if (sqlOnly) return applyToTarget(options, *built, parameters, console);

  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  deploy::Waiter waiter(deploy::Clock::now() + options.timeout, &gInterrupted);
  deploy::CurlTransport transport;
  deploy::RetryingSender sender(transport, waiter);
  sender.onRetry = [&console](const std::string& reason, std::chrono::milliseconds wait) {
    console.say(fmt::format("  {}; trying again in {:.1f}s", reason, wait.count() / 1000.0));
  };
  auto credential = deploy::makeCredential(options.auth, options.credentialSettings(), sender);
  deploy::ArmClient arm(options.armEndpoint, *credential, sender);

  std::optional<deploy::DeploymentPlan> plan =
      planDeployment(options, model, built->armTemplate, parameters, *credential);
  if (!plan) return kExitUsage;
  deploy::DeploySteps steps;
  steps.whatIf = options.whatIf;
  if (options.whatIf && !options.yes) steps.confirm = confirmOnTerminal;
  if (options.dryRun) {
    printDryRun(*credential, arm, *plan, steps, built->scripts, console);
    return kExitOk;
  }
  deploy::DeployResult result = deploy::runDeployment(arm, *plan, steps, waiter, console);
  if (result.outcome != deploy::DeployOutcome::Succeeded) {
    return unsuccessful(result, *plan, console);
  }
  printOutputs(result.outputs, console);
  if (!sql) return kExitOk;
  if (!attachHosts(built->scripts, result.outputs, console)) return kExitDeployFailed;
  return applySqlScripts(built->scripts, signIn, parameters.text, credential.get(), console)
             ? kExitOk
             : kExitDeployFailed;
}

}  // namespace

void addDeployCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* command = app.add_subcommand(
      "deploy", "check and build an environment, deploy it to Azure, then bootstrap its SQL");
  auto options = std::make_shared<DeployOptions>();
  addDeployOptions(*command, *options);
  command->callback(
      [&global, &run, options] { run = [&global, options] { return deploy(*options, global); }; });
}

}  // namespace pgc::cli
