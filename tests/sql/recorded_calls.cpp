// The calls the stand-ins recorded, against the Model: the set must be exactly what the
// program places, and the order one Citus accepts.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "catalog_checks.h"
#include "pgc/emit/sql_quoting.h"

namespace pgc::tests {
namespace {

const char* objectType(model::PrincipalKind kind) {
  switch (kind) {
    case model::PrincipalKind::User: return "user";
    case model::PrincipalKind::Group: return "group";
    case model::PrincipalKind::ServicePrincipal: return "service";
  }
  return "";
}

}  // namespace

void expectRecordedCalls(const std::vector<std::string>& calls, const model::Model& m,
                         const model::Cluster& cluster, int serverVersion) {
  using emit::quoteLiteral;
  int scriptVersion = static_cast<int>(cluster.version.value);
  // What regclass::text prints: unqualified when the schema is on the search path.
  auto regclass = [&](const std::string& schema, const std::string& table) {
    return schema == "public" ? emit::quoteIdent(table, serverVersion)
                              : emit::quoteQualified(schema, table, serverVersion);
  };
  std::vector<std::string> expected;
  for (const model::Role& role : m.roles) {
    if (role.cluster != cluster.name || !role.principal) continue;
    const model::Principal& p = *role.principal;
    expected.push_back(
        p.objectId.empty()
            ? fmt::format("pgaadauth_create_principal({}, f, f)", quoteLiteral(p.name))
            : fmt::format("pgaadauth_create_principal_with_oid({}, {}, {}, f, f)",
                          quoteLiteral(p.name), quoteLiteral(p.objectId),
                          quoteLiteral(objectType(p.kind))));
  }
  std::vector<std::string> references;
  std::vector<std::pair<std::string, std::string>> colocations;  // dependent call, target call
  std::map<std::string, std::string> callOfTable;
  bool elastic = cluster.kind.value == model::ClusterKind::Elastic;
  for (const model::Schema& schema : m.schemas) {
    if (schema.cluster != cluster.name || !elastic) continue;
    if (schema.distributed) {
      expected.push_back(fmt::format("citus_schema_distribute({})",
                                     quoteLiteral(emit::quoteIdent(schema.name, serverVersion))));
      continue;
    }
    for (const model::Table& t : schema.tables) {
      const model::Distribution& d = t.distribution;
      std::string call;
      if (d.kind == model::DistributionKind::Reference) {
        call = fmt::format("create_reference_table({})", quoteLiteral(regclass(t.schema, t.name)));
        references.push_back(call);
      } else if (d.kind == model::DistributionKind::Distributed) {
        std::string colocate =
            d.colocateWith
                ? emit::quoteQualified(d.colocateWith->schema, d.colocateWith->table, scriptVersion)
                : "default";
        call = fmt::format("create_distributed_table({}, {}, 'hash', {}, {})",
                           quoteLiteral(regclass(t.schema, t.name)), quoteLiteral(d.column),
                           quoteLiteral(colocate), d.shards ? std::to_string(*d.shards) : "NULL");
        if (d.colocateWith) {
          colocations.push_back({call, d.colocateWith->schema + "." + d.colocateWith->table});
        }
      } else {
        continue;
      }
      callOfTable[t.schema + "." + t.name] = call;
      expected.push_back(call);
    }
  }
  std::vector<std::string> sortedCalls = calls;
  std::vector<std::string> sortedExpected = expected;
  std::sort(sortedCalls.begin(), sortedCalls.end());
  std::sort(sortedExpected.begin(), sortedExpected.end());
  EXPECT_EQ(sortedCalls, sortedExpected) << "the calls recorded, against those the Model asks for";

  auto position = [&](const std::string& call) {
    return std::find(calls.begin(), calls.end(), call) - calls.begin();
  };
  for (const std::string& reference : references) {
    for (const std::string& call : calls) {
      if (call.rfind("create_distributed_table", 0) == 0) {
        EXPECT_LT(position(reference), position(call)) << reference << " comes after " << call;
      }
    }
  }
  for (const auto& [dependent, target] : colocations) {
    ASSERT_EQ(callOfTable.count(target), 1u) << target;
    EXPECT_LT(position(callOfTable[target]), position(dependent))
        << dependent << " comes before its colocation target";
  }
}

}  // namespace pgc::tests
