// Reads typed fields out of evaluated block values, reporting type mismatches, undefined
// names and unknown enum members at the value, and missing required fields at the header.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "block_values.h"
#include "pgc/model.h"

namespace pgc::sema {

class FieldReader {
 public:
  FieldReader(const BlockValues& block, Evaluator& evaluator, Diagnostics& sink)
      : block_(block), evaluator_(evaluator), sink_(sink) {}

  bool has(const std::string& name) const { return block_.field(name) != nullptr; }
  // Reports the field as missing at the block's header, with `example` as the fix.
  void reportMissing(const std::string& name, const std::string& example);

  model::Located<int64_t> integer(const std::string& name, int64_t fallback);
  model::Located<std::string> string(const std::string& name, std::string fallback);
  model::Located<bool> boolean(const std::string& name, bool fallback);
  model::Located<int64_t> gigabytes(const std::string& name, int64_t fallback);
  model::Located<int64_t> days(const std::string& name, int64_t fallback);
  // The member name of an enum field; `fallback` when unset or wrong.
  model::Located<std::string> member(const std::string& name, std::string fallback);
  model::Located<std::optional<model::ParamRef>> secret(const std::string& name);
  std::optional<model::Principal> principal(const std::string& name);
  std::vector<model::Principal> principals(const std::string& name);
  std::vector<model::NamedValue> names(const std::string& name);
  std::vector<model::NamedValue> stringMap(const std::string& name);

 private:
  // The value of a field when it is set and usable, else null (after reporting).
  const Value* usable(const std::string& name);
  // The elements of a list field, or null (after reporting a value that is no list).
  const ValueList* listField(const std::string& name);
  void mismatch(const std::string& name, const Value& value);
  bool scalarText(const Value& value, std::string& out);
  const FieldSpec& spec(const std::string& name) const;

  const BlockValues& block_;
  Evaluator& evaluator_;
  Diagnostics& sink_;
};

}  // namespace pgc::sema
