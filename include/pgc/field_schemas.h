// The fields of every block of the language, declared once: name, type, default, whether
// required, and a one-line description. Semantic analysis checks blocks against these;
// documentation and editor support read them too.
#pragma once

#include <string>
#include <vector>

namespace pgc {

enum class FieldType {
  Int,
  String,
  Bool,
  Size,
  Duration,
  Enum,           // one member of `enumName`
  Secret,         // a `secret` parameter
  Principal,      // user("…"), group("…"), service_principal("…")
  PrincipalList,  // a list of principals
  NameList,       // bare names or strings: extensions
  StringMap,      // an object whose values are strings, ints or bools: tags, settings, firewall
  Clause,         // syntax of its own (columns, distribution): listed for reference only
};

struct FieldSpec {
  const char* name;
  FieldType type;
  const char* enumName;  // for FieldType::Enum
  const char* defaultText;  // how the default reads in docs; empty when required or none
  bool required;
  const char* description;
};

struct BlockSpec {
  const char* name;  // "cluster", "backup", …
  std::vector<FieldSpec> fields;
  std::vector<const BlockSpec*> blocks;  // nested blocks
  bool allowsLet = false;
  bool allowsGrant = false;

  const FieldSpec* field(const std::string& name) const;
  const BlockSpec* block(const std::string& name) const;
};

const BlockSpec& projectSpec();
const BlockSpec& environmentSpec();
const BlockSpec& clusterSpec();  // with backup, auth and network nested
const BlockSpec& roleSpec();
const BlockSpec& schemaSpec();   // clauses of `schema`, `table` and columns, for reference
const BlockSpec& tableSpec();
const BlockSpec& columnSpec();

// The members of a language enum ("stage": dev, test, staging, prod).
const std::vector<std::string>& enumMembers(const std::string& enumName);
std::string fieldTypeName(const FieldSpec& field);

}  // namespace pgc
