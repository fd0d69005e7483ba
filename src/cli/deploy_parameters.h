// The values of a program's params at deploy time: from `--param NAME=VALUE` or the variable
// PGC_PARAM_<NAME>, else the param's default. Secrets are never written anywhere; they go
// only into the ARM request and the SQL bootstrap's psql variables.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "pgc/model.h"

namespace pgc::cli {

struct DeployParameters {
  nlohmann::ordered_json values;            // the deployment's `parameters`: `{name: {value}}`
  nlohmann::ordered_json visible;           // the same without secrets, for the deployment name
  std::set<std::string> secure;             // names whose values are masked when shown
  std::map<std::string, std::string> text;  // every supplied or defaulted param, as text
  std::vector<std::string> problems;        // a missing secret, a value of the wrong type
};

// `PGC_PARAM_ADMIN_PASSWORD` for `admin_password`.
std::string parameterVariable(const std::string& param);

// `armTemplate` says which params ARM takes (null when only the SQL bootstrap runs);
// `sqlParams` those the SQL bootstrap reads (role passwords); `given` the --param values.
// A param neither needs may stay unset.
DeployParameters deployParameters(const model::Model& model,
                                  const nlohmann::ordered_json& armTemplate,
                                  const std::set<std::string>& sqlParams,
                                  const std::map<std::string, std::string>& given);

}  // namespace pgc::cli
