// A psql script cut into the steps the deploy backend runs itself: SQL statements, found with
// psql's lexical rules, and the few meta-commands pgc's bootstrap scripts use.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace pgc::deploy {

// A place in the script: 1-based line and column (columns count code points), byte offset.
struct ScriptPosition {
  int line = 1;
  int column = 1;
  size_t offset = 0;
};

// A psql variable reference in a statement or a meta-command argument.
enum class VariableForm {
  Raw,         // :name, the value as it is
  Literal,     // :'name', a quoted string literal
  Identifier,  // :"name", a quoted identifier
  Test,        // :{?name}, TRUE or FALSE: is the variable set
};

// One piece of text to send or to evaluate: literal text, or a variable to put in its place.
struct ScriptPiece {
  bool variable = false;
  std::string text;  // the literal text, or the reference as written (`:'name'`)
  std::string name;  // the variable's name, when `variable`
  VariableForm form = VariableForm::Raw;
  size_t offset = 0;  // where the piece starts in the script
};

enum class StepKind { Statement, Set, If, Elif, Else, Endif, Connect };

struct ScriptStep {
  StepKind kind = StepKind::Statement;
  ScriptPosition start;  // the statement's first character, or the meta-command's backslash
  // A statement: its text as written in the script (with the `;` that ends it, as psql sends
  // it), and the same text cut into literal pieces and variable references.
  std::string text;
  std::vector<ScriptPiece> pieces;
  bool gset = false;       // ended by \gset: each column of its single row sets a variable
  std::string gsetPrefix;  // \gset PREFIX
  // A meta-command's arguments, each made of pieces (quotes already removed).
  std::vector<std::vector<ScriptPiece>> arguments;
};

struct ScriptSplit {
  std::vector<ScriptStep> steps;
  std::string error;  // "" when the script was understood
  ScriptPosition errorAt;
};

ScriptSplit splitPsqlScript(const std::string& script);

// The line and column of byte `offset` in `script`.
ScriptPosition positionAt(const std::string& script, size_t offset);

}  // namespace pgc::deploy
