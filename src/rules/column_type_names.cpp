// Canonical column types for comparing and hashing.
#include "column_type_names.h"

namespace pgc::rules {

std::string canonicalType(const model::ColumnType& type, const PlatformCatalog& catalog) {
  const ColumnTypeInfo* info = catalog.columnType(type.name);
  std::string out = info ? info->name : type.name;
  for (int i = 0; i < type.arrayDimensions; ++i) out += "[]";
  return out;
}

bool knownUnhashable(const model::ColumnType& type, const PlatformCatalog& catalog) {
  const ColumnTypeInfo* info = catalog.columnType(type.name);
  return info && info->hashable.has_value() && !*info->hashable;
}

}  // namespace pgc::rules
