// The names PostgreSQL gives constraints, indexes and identity sequences that the program
// leaves unnamed (src/backend/commands/indexcmds.c and catalog/pg_constraint.c). The script
// writes them out, so that `IF NOT EXISTS` and its guards can name what they look for, and
// the names are the ones PostgreSQL itself would have chosen.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pgc::emit::sql {

// makeObjectName(): `name1_name2_label`, the longer name shortened first to fit 63 bytes.
std::string makeObjectName(const std::string& name1, const std::optional<std::string>& name2,
                           const std::string& label);
// Column names joined by `_`, stopping once 63 bytes are reached (ChooseIndexNameAddition).
std::string nameAddition(const std::vector<std::string>& names);
// The column name PostgreSQL derives for one index element written as raw SQL: the column
// of `name gin_trgm_ops`, the function of `lower(email)`, else "expr".
std::string indexElementName(const std::string& sql);
// ChooseIndexColumnNames(): each element's name, made unique with a number suffix.
std::vector<std::string> indexColumnNames(const std::vector<std::string>& elements,
                                          const std::vector<bool>& elementIsSql);

// The names taken in each schema, in the order the script creates objects.
class NameSpaces {
 public:
  void addRelation(const std::string& schema, const std::string& name);
  void addConstraint(const std::string& schema, const std::string& name);
  // ChooseRelationName(): indexes and sequences; index-backed constraints avoid constraint
  // names too.
  std::string chooseRelationName(const std::string& schema, const std::string& name1,
                                 const std::optional<std::string>& name2, const std::string& label,
                                 bool isConstraint);
  // ChooseConstraintName(): checks and foreign keys.
  std::string chooseConstraintName(const std::string& schema, const std::string& name1,
                                   const std::optional<std::string>& name2,
                                   const std::string& label);

 private:
  std::map<std::string, std::set<std::string>> relations_;
  std::map<std::string, std::set<std::string>> constraints_;
  bool taken(const std::map<std::string, std::set<std::string>>& names, const std::string& schema,
             const std::string& name) const;
};

}  // namespace pgc::emit::sql
