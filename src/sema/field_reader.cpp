// Typed access to block fields.
#include <algorithm>

#include "field_reader.h"

#include <fmt/format.h>

#include "suggest.h"

namespace pgc::sema {

const FieldSpec& FieldReader::spec(const std::string& name) const {
  return *block_.spec->field(name);
}

void FieldReader::reportMissing(const std::string& name, const std::string& example) {
  sink_.report(DiagCode::MissingField, block_.header, block_.description, name)
      .help(fmt::format("add `{}`", example));
}

void FieldReader::mismatch(const std::string& name, const Value& value) {
  if (value.is<Poison>()) return;
  if (value.is<BareName>()) {
    evaluator_.reportUndefined(value);
    return;
  }
  Diagnostic& d = sink_.report(DiagCode::TypeMismatch, value.span, name, fieldTypeName(spec(name)),
                               describeType(value));
  if (value.is<std::string>() && spec(name).type == FieldType::Int) {
    d.help("write the number without quotes");
  } else if (value.is<std::string>() &&
             (spec(name).type == FieldType::Size || spec(name).type == FieldType::Duration ||
              spec(name).type == FieldType::Bool)) {
    d.help("write it without quotes, such as `" + std::string(spec(name).type == FieldType::Size ? "128GB"
                                                 : spec(name).type == FieldType::Duration ? "7d"
                                                                                          : "true") + "`");
  } else if (value.is<int64_t>() && spec(name).type == FieldType::Size) {
    d.help(fmt::format("give a unit, such as `{}GB`", *value.as<int64_t>()));
  } else if (value.is<int64_t>() && spec(name).type == FieldType::Duration) {
    d.help(fmt::format("give a unit, such as `{}d`", *value.as<int64_t>()));
  } else if (value.is<std::string>() && spec(name).type == FieldType::Secret) {
    d.help(fmt::format("declare `param {0}: secret` and write `{0} = {0}`; a password never "
                       "belongs in source code",
                       name));
  } else if (value.is<std::string>() && spec(name).type == FieldType::Enum) {
    d.help("write the member without quotes, such as `" +
           enumMembers(spec(name).enumName).front() + "`");
  }
}

const Value* FieldReader::usable(const std::string& name) {
  const Value* value = block_.field(name);
  if (!value || value->is<Poison>()) return nullptr;
  return value;
}

model::Located<int64_t> FieldReader::integer(const std::string& name, int64_t fallback) {
  const Value* value = usable(name);
  if (!value) return {fallback, block_.header, true};
  if (auto* i = value->as<int64_t>()) return {*i, value->span, false};
  mismatch(name, *value);
  return {fallback, value->span, false};
}

model::Located<std::string> FieldReader::string(const std::string& name, std::string fallback) {
  const Value* value = usable(name);
  if (!value) return {std::move(fallback), block_.header, true};
  if (auto* s = value->as<std::string>()) return {*s, value->span, false};
  mismatch(name, *value);
  return {std::move(fallback), value->span, false};
}

model::Located<bool> FieldReader::boolean(const std::string& name, bool fallback) {
  const Value* value = usable(name);
  if (!value) return {fallback, block_.header, true};
  if (auto* b = value->as<bool>()) return {*b, value->span, false};
  mismatch(name, *value);
  return {fallback, value->span, false};
}

model::Located<int64_t> FieldReader::gigabytes(const std::string& name, int64_t fallback) {
  const Value* value = usable(name);
  if (!value) return {fallback, block_.header, true};
  if (auto* size = value->as<Size>()) {
    if (size->megabytes % 1024 == 0) return {size->megabytes / 1024, value->span, false};
    sink_.report(DiagCode::TypeMismatch, value->span, name, "a whole number of gigabytes",
                 formatSize(size->megabytes))
        .help(fmt::format("use `{}GB`", (size->megabytes + 1023) / 1024));
    return {fallback, value->span, false};
  }
  mismatch(name, *value);
  return {fallback, value->span, false};
}

model::Located<int64_t> FieldReader::days(const std::string& name, int64_t fallback) {
  const Value* value = usable(name);
  if (!value) return {fallback, block_.header, true};
  if (auto* duration = value->as<Duration>()) {
    if (duration->minutes % (24 * 60) == 0) return {duration->minutes / (24 * 60), value->span, false};
    sink_.report(DiagCode::TypeMismatch, value->span, name, "a whole number of days",
                 formatDuration(duration->minutes))
        .help(fmt::format("use `{}d`", (duration->minutes + 24 * 60 - 1) / (24 * 60)));
    return {fallback, value->span, false};
  }
  mismatch(name, *value);
  return {fallback, value->span, false};
}

model::Located<std::string> FieldReader::member(const std::string& name, std::string fallback) {
  const Value* value = usable(name);
  if (!value) return {std::move(fallback), block_.header, true};
  const std::string& enumName = spec(name).enumName;
  const auto& members = enumMembers(enumName);
  std::string written;
  if (auto* bare = value->as<BareName>()) written = bare->name;
  else if (auto* e = value->as<EnumValue>(); e && e->enumName == enumName) written = e->member;
  else {
    mismatch(name, *value);
    return {std::move(fallback), value->span, false};
  }
  if (std::find(members.begin(), members.end(), written) == members.end()) {
    Diagnostic& d = sink_.report(DiagCode::UnknownEnumMember, value->span,
                                 std::string("`") + name + "`", written, listNames(members));
    suggestName(d, written, members);
    return {std::move(fallback), value->span, false};
  }
  return {written, value->span, false};
}

model::Located<std::optional<model::ParamRef>> FieldReader::secret(const std::string& name) {
  const Value* value = usable(name);
  if (!value) return {std::nullopt, block_.header, true};
  if (auto* secret = value->as<SecretRef>()) return {model::ParamRef{secret->param}, value->span, false};
  mismatch(name, *value);
  return {std::nullopt, value->span, false};
}

const ValueList* FieldReader::listField(const std::string& name) {
  const Value* value = usable(name);
  if (!value) return nullptr;
  const ValueList* list = value->list();
  if (!list) mismatch(name, *value);
  return list;
}

std::optional<model::Principal> FieldReader::principal(const std::string& name) {
  const Value* value = usable(name);
  if (!value) return std::nullopt;
  if (auto* p = value->as<model::Principal>()) return *p;
  mismatch(name, *value);
  return std::nullopt;
}

std::vector<model::Principal> FieldReader::principals(const std::string& name) {
  std::vector<model::Principal> out;
  const ValueList* list = listField(name);
  if (!list) return out;
  for (const Value& element : *list) {
    if (auto* p = element.as<model::Principal>()) {
      out.push_back(*p);
    } else if (!element.is<Poison>()) {
      if (element.is<BareName>()) {
        evaluator_.reportUndefined(element);
        continue;
      }
      sink_.report(DiagCode::TypeMismatch, element.span, name, "principals such as `group(\"…\")`",
                   describeType(element));
    }
  }
  return out;
}

std::vector<model::NamedValue> FieldReader::names(const std::string& name) {
  std::vector<model::NamedValue> out;
  const ValueList* list = listField(name);
  if (!list) return out;
  for (const Value& element : *list) {
    if (auto* bare = element.as<BareName>()) {
      out.push_back({bare->name, "", element.span});
    } else if (auto* text = element.as<std::string>()) {
      out.push_back({*text, "", element.span});
    } else if (!element.is<Poison>()) {
      sink_.report(DiagCode::TypeMismatch, element.span, name, "names or strings",
                   describeType(element));
    }
  }
  return out;
}

bool FieldReader::scalarText(const Value& value, std::string& out) {
  if (auto* s = value.as<std::string>()) out = *s;
  else if (auto* i = value.as<int64_t>()) out = std::to_string(*i);
  else if (auto* b = value.as<bool>()) out = *b ? "true" : "false";
  else if (value.is<Size>() || value.is<Duration>()) out = render(value);
  else return false;
  return true;
}

std::vector<model::NamedValue> FieldReader::stringMap(const std::string& name) {
  std::vector<model::NamedValue> out;
  const Value* value = usable(name);
  if (!value) return out;
  const ValueObject* object = value->object();
  if (!object) {
    mismatch(name, *value);
    return out;
  }
  for (const auto& [key, element] : *object) {
    std::string text;
    if (scalarText(element, text)) {
      out.push_back({key, text, element.span});
    } else if (element.is<BareName>()) {
      evaluator_.reportUndefined(element);
    } else if (!element.is<Poison>() && evaluator_.requireKnown(element, "stored in an object field")) {
      sink_.report(DiagCode::TypeMismatch, element.span, name + "." + key,
                   "a string, number or bool", describeType(element));
    }
  }
  return out;
}

}  // namespace pgc::sema
