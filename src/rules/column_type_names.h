// Column types as Citus compares them: by type, whatever alias or modifiers the program wrote
// (`int4` and `int`, `varchar(10)` and `varchar(20)` are one type).
#pragma once

#include <string>

#include "pgc/model.h"
#include "pgc/rules_catalog.h"

namespace pgc::rules {

// `int`, `text[]`: the catalog's name for the type, with its array brackets.
std::string canonicalType(const model::ColumnType& type, const PlatformCatalog& catalog);
// Whether Citus can hash the type: false only when the catalog says so of it (or of the
// element type of an array).
bool knownUnhashable(const model::ColumnType& type, const PlatformCatalog& catalog);

}  // namespace pgc::rules
