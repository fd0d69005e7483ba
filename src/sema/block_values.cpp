// Block evaluation: unknown fields and blocks get did-you-mean help; a field set twice in
// one block is an error, while `when` blocks override earlier values on purpose.
#include "block_values.h"

#include <fmt/format.h>

#include "suggest.h"

namespace pgc::sema {
namespace {

std::vector<std::string> fieldNames(const BlockSpec& spec) {
  std::vector<std::string> names;
  for (const FieldSpec& f : spec.fields) names.push_back(f.name);
  return names;
}

std::vector<std::string> blockNames(const BlockSpec& spec) {
  std::vector<std::string> names;
  for (const BlockSpec* b : spec.blocks) names.push_back(b->name);
  return names;
}

void applyItems(const ast::Block& body, BlockValues& values, Evaluator& evaluator,
                Diagnostics& sink, bool insideWhen) {
  std::map<std::string, Span> setHere;
  std::map<std::string, Span> blocksHere;
  const BlockSpec& spec = *values.spec;
  for (const ast::BlockItem& item : body.items) {
    if (auto* attribute = std::get_if<ast::Attribute>(&item)) {
      const std::string& name = attribute->name.name;
      if (!spec.field(name)) {
        if (spec.block(name)) {
          sink.report(DiagCode::FieldOrBlock, attribute->name.span, name, "a block", "a field")
              .help(fmt::format("write `{} {{ … }}`", name));
          continue;
        }
        Diagnostic& d = sink.report(DiagCode::UnknownField, attribute->name.span, name,
                                    values.description);
        if (auto best = closestName(name, fieldNames(spec))) {
          d.help("did you mean `" + *best + "`?");
        } else {
          d.help("the fields of " + std::string(spec.name) + " are " + listNames(fieldNames(spec)));
        }
        continue;
      }
      if (!insideWhen) {
        if (auto previous = setHere.find(name); previous != setHere.end()) {
          sink.report(DiagCode::DuplicateField, attribute->name.span, name)
              .note(previous->second, "`" + name + "` is first set here")
              .help("remove one; to set a value for some environments only, use `when`");
          continue;
        }
        setHere[name] = attribute->name.span;
      }
      values.fields[name] = evaluator.eval(*attribute->value);
    } else if (auto* let = std::get_if<ast::LetDecl>(&item)) {
      if (!spec.allowsLet) {
        sink.report(DiagCode::MisplacedStatement, let->span, "let", values.description)
            .help("declare constants at the top level or in an environment");
        continue;
      }
      values.lets.emplace_back(let->name.name, evaluator.eval(*let->value));
    } else if (auto* grant = std::get_if<ast::Grant>(&item)) {
      if (!spec.allowsGrant) {
        sink.report(DiagCode::MisplacedStatement, grant->span, "grant", values.description)
            .help("grants belong in a `role` block");
        continue;
      }
      values.grants.push_back(grant);
    } else if (auto* nested = std::get_if<std::unique_ptr<ast::NestedBlock>>(&item)) {
      const std::string& name = (*nested)->name.name;
      const BlockSpec* nestedSpec = spec.block(name);
      if (!nestedSpec) {
        if (spec.field(name)) {
          sink.report(DiagCode::FieldOrBlock, (*nested)->name.span, name, "a field", "a block")
              .help(fmt::format("write `{} = …`", name));
          continue;
        }
        Diagnostic& d = sink.report(DiagCode::UnknownBlock, (*nested)->name.span, name,
                                    values.description);
        if (auto best = closestName(name, blockNames(spec))) {
          d.help("did you mean `" + *best + "`?");
        } else if (spec.blocks.empty()) {
          d.help(std::string(spec.name) + " has no nested blocks");
        } else {
          d.help("the blocks of " + std::string(spec.name) + " are " + listNames(blockNames(spec)));
        }
        continue;
      }
      if (!insideWhen) {
        auto [previous, first] = blocksHere.emplace(name, (*nested)->name.span);
        if (!first) {
          sink.report(DiagCode::DuplicateBlock, (*nested)->name.span, name)
              .note(previous->second, "`" + name + "` first appears here")
              .help("merge the two blocks into one");
          continue;
        }
      }
      auto [it, inserted] = values.blocks.try_emplace(
          name, emptyBlock(*nestedSpec, fmt::format("block `{}`", name), (*nested)->name.span));
      if (inserted || !insideWhen) it->second.header = (*nested)->name.span;
      applyItems((*nested)->body, it->second, evaluator, sink, false);
    } else if (auto* when = std::get_if<std::unique_ptr<ast::WhenBlock>>(&item)) {
      std::optional<bool> holds = evaluator.condition(*(*when)->condition);
      if (holds && *holds) applyItems((*when)->body, values, evaluator, sink, true);
    }
  }
}

}  // namespace

const Value* BlockValues::field(const std::string& name) const {
  auto it = fields.find(name);
  return it == fields.end() ? nullptr : &it->second;
}

const BlockValues* BlockValues::block(const std::string& name) const {
  auto it = blocks.find(name);
  return it == blocks.end() ? nullptr : &it->second;
}

BlockValues emptyBlock(const BlockSpec& spec, std::string description, const Span& header) {
  BlockValues values;
  values.spec = &spec;
  values.description = std::move(description);
  values.header = header;
  return values;
}

void evaluateBlock(const ast::Block& body, BlockValues& values, Evaluator& evaluator,
                   Diagnostics& sink) {
  applyItems(body, values, evaluator, sink, false);
}

}  // namespace pgc::sema
