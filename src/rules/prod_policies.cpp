// PGC2501–PGC2504: what pgc asks of a prod-stage environment beyond what Azure requires: a
// standby in another zone, backups in the paired region, and sign-in through Microsoft Entra
// ID with a named administrator. Warnings: a project can raise them with `severities`.
#include "rule_context.h"

namespace pgc::rules {

void checkProdPolicies(RuleContext& context) {
  if (!context.prodStage()) return;
  for (const model::Cluster& c : context.model.clusters) {
    if (c.highAvailability.value != model::HighAvailability::ZoneRedundant) {
      context.report(DiagCode::ProdNoZoneRedundantHa, c.highAvailability.span, c.span, c.name)
          .note("without a standby in another availability zone, a zone outage stops the database")
          .help("set `high_availability = env.stage == prod ? zone_redundant : disabled`");
    }
    if (!c.geoRedundantBackup.value) {
      context.report(DiagCode::ProdNoGeoBackup, c.geoRedundantBackup.span, c.span, c.name)
          .note("geo-redundant backup can only be chosen when the server is created")
          .help("set `backup { geo_redundant = env.stage == prod }`");
    }
    if (c.passwordAuth.value && !c.entraAuth.value) {
      context.report(DiagCode::ProdPasswordWithoutEntra, c.entraAuth.span, c.span, c.name)
          .help(
              "set `auth { entra = true }` and name `entra_admins`; keep the password login for "
              "break-glass access, or turn it off");
    } else if (c.entraAuth.value && c.entraAdmins.empty()) {
      context.report(DiagCode::ProdNoEntraAdmin, c.entraAuth.span, c.span, c.name)
          .note(
              "only an Entra administrator can create the roles of Entra users, groups and "
              "applications")
          .help("add `entra_admins = [group(\"…\", object_id = \"…\")]` to `auth`");
    }
  }
}

}  // namespace pgc::rules
