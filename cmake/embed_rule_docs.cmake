# Writes OUTPUT, a C++ source that holds every DOCS_DIR/PGCnnnn.md as a string, so that pgc
# carries its rule explanations with it. Run by the build (cmake -P) whenever a file changes.
file(GLOB docs "${DOCS_DIR}/PGC*.md")
list(SORT docs)
set(body "")
foreach(doc IN LISTS docs)
  get_filename_component(name "${doc}" NAME_WE)
  string(SUBSTRING "${name}" 3 -1 number)
  string(REGEX REPLACE "^0+([0-9])" "\\1" number "${number}")
  file(READ "${doc}" text)
  string(APPEND body "      {${number}, R\"pgcdoc(${text})pgcdoc\"},\n")
endforeach()
set(source "// Generated from docs/rules/*.md by cmake/embed_rule_docs.cmake; do not edit.
#include \"pgc/rules_docs.h\"

namespace pgc::rules {

const std::vector<EmbeddedRuleDoc>& embeddedRuleDocs() {
  static const std::vector<EmbeddedRuleDoc> docs = {
${body}  };
  return docs;
}

}  // namespace pgc::rules
")
file(WRITE "${OUTPUT}" "${source}")
