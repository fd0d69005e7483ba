// PGC2130–PGC2132: storage and backups. Storage comes in fixed Premium SSD sizes and only
// grows; elastic clusters cannot autogrow it; backups are kept 7 to 35 days (platform.md 1.5,
// 3.1).
#include <fmt/format.h>

#include <algorithm>

#include "rule_context.h"
#include "wording.h"

namespace pgc::rules {
namespace {

void checkStorageSize(RuleContext& context, const model::Cluster& c) {
  const std::vector<int64_t>& sizes = context.catalog.storageSizesGB;
  int64_t gb = c.storageGB.value;
  if (std::find(sizes.begin(), sizes.end(), gb) != sizes.end() || sizes.empty()) return;
  auto above = std::upper_bound(sizes.begin(), sizes.end(), gb);
  std::string nearest;
  std::string fix;
  if (above == sizes.end()) {
    nearest = "the largest is " + gigabytesText(sizes.back());
    fix = gigabytesText(sizes.back());
  } else if (above == sizes.begin()) {
    nearest = "the smallest is " + gigabytesText(sizes.front());
    fix = gigabytesText(sizes.front());
  } else {
    nearest = fmt::format("the nearest are {} and {}", gigabytesText(*(above - 1)),
                          gigabytesText(*above));
    fix = gigabytesText(*above);
  }
  std::vector<std::string> all;
  for (int64_t size : sizes) all.push_back(gigabytesText(size));
  context.report(DiagCode::StorageSize, c.storageGB.span, c.span, gigabytesText(gb), nearest)
      .note("Premium SSD storage is " + joinList(all, ", ") + "; it can grow later, never shrink")
      .help(fmt::format("use `storage = {}`", fix));
}

}  // namespace

void checkStorageAndBackup(RuleContext& context) {
  const PlatformCatalog& catalog = context.catalog;
  for (const model::Cluster& c : context.model.clusters) {
    checkStorageSize(context, c);
    if (c.kind.value == model::ClusterKind::Elastic && c.storageAutogrow.value) {
      context.report(DiagCode::ElasticStorageAutogrow, c.storageAutogrow.span, c.span, c.name)
          .note(fmt::format("the Azure CLI refuses it: {}", catalog.elasticAutogrowError))
          .help(
              "remove `storage_autogrow` and size `storage` for the data you expect; raise it "
              "when the cluster fills");
    }
    const Range& days = catalog.backupRetentionDays;
    int64_t retention = c.backupRetentionDays.value;
    if (retention < days.min || retention > days.max) {
      context
          .report(DiagCode::BackupRetention, c.backupRetentionDays.span, c.span, retention,
                  days.min, days.max)
          .help(fmt::format("use `retention = {}d`", retention < days.min ? days.min : days.max));
    }
  }
}

}  // namespace pgc::rules
