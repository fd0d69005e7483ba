// Evaluates the body of a block against its field schema: assignments, nested blocks,
// `when` blocks applied in order, `let`s and grants where the block allows them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "evaluator.h"
#include "pgc/field_schemas.h"

namespace pgc::sema {

struct BlockValues {
  const BlockSpec* spec = nullptr;
  std::string description;  // "cluster `main`", for messages
  Span header;              // where a missing required field is reported
  std::map<std::string, Value> fields;  // the last value assigned to each field
  std::map<std::string, BlockValues> blocks;
  std::vector<std::pair<std::string, Value>> lets;
  std::vector<const ast::Grant*> grants;

  const Value* field(const std::string& name) const;
  const BlockValues* block(const std::string& name) const;
};

// Starts the values of a block (empty, or inherited: an environment's base).
BlockValues emptyBlock(const BlockSpec& spec, std::string description, const Span& header);

// Applies the items of `body` to `values`.
void evaluateBlock(const ast::Block& body, BlockValues& values, Evaluator& evaluator,
                   Diagnostics& sink);

}  // namespace pgc::sema
