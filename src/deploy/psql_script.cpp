// Splits a psql script the way psql's lexer (psqlscan.l, psqlscanslash.l) reads it: a `;`
// ends a statement only outside quotes, comments, dollar quotes and parentheses; a backslash
// outside them starts a meta-command that runs to the end of its line.
#include "psql_script.h"

#include <algorithm>
#include <cstring>

namespace pgc::deploy {
namespace {

bool isIdentStart(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c >= 0x80;
}
bool isIdentChar(unsigned char c) { return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$'; }
// psql's variable_char: no `$`.
bool isVariableChar(unsigned char c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Line starts of the script, so that positions cost a binary search.
class LineIndex {
 public:
  explicit LineIndex(const std::string& text) : text_(text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  ScriptPosition at(size_t offset) const {
    offset = std::min(offset, text_.size());
    auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
    size_t line = static_cast<size_t>(next - starts_.begin());
    ScriptPosition p;
    p.line = static_cast<int>(line);
    p.offset = offset;
    for (size_t i = starts_[line - 1]; i < offset; ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++p.column;
    }
    return p;
  }

 private:
  const std::string& text_;
  std::vector<size_t> starts_;
};

class Splitter {
 public:
  explicit Splitter(const std::string& s) : s_(s), lines_(s) {}

  ScriptSplit run() {
    while (i_ < s_.size() && out_.error.empty()) {
      if (open_) {
        statementToken();
      } else {
        between();
      }
    }
    if (!out_.error.empty()) return std::move(out_);
    if (open_) finishStatement(s_.size(), false);
    if (!conditions_.empty()) {
      fail(conditions_.back().at, "reached the end of the script without finding \\endif");
    }
    return std::move(out_);
  }

 private:
  struct Condition {
    size_t at;
    bool sawElse;
  };

  void fail(size_t at, const std::string& message) {
    if (!out_.error.empty()) return;
    out_.error = message;
    out_.errorAt = lines_.at(at);
  }

  char peek(size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }

  void skipLineComment() {
    while (i_ < s_.size() && s_[i_] != '\n') ++i_;
  }

  // Between statements: whitespace and `--` comments are not part of any statement.
  void between() {
    char c = peek();
    if (isSpace(c)) {
      ++i_;
    } else if (c == '-' && peek(1) == '-') {
      skipLineComment();
    } else if (c == '\\') {
      metaCommand();
    } else {
      open_ = true;
      start_ = i_;
      literalFrom_ = i_;
      depth_ = 0;
      pieces_.clear();
    }
  }

  void statementToken() {
    char c = peek();
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '-' && peek(1) == '-') {
      skipLineComment();
    } else if (c == '/' && peek(1) == '*') {
      blockComment();
    } else if (c == '\'') {
      quoted(i_, '\'', false, "unterminated quoted string");
    } else if (c == '"') {
      quoted(i_, '"', false, "unterminated quoted identifier");
    } else if (c == '$') {
      dollar();
    } else if (isIdentStart(u) || (c >= '0' && c <= '9')) {
      size_t from = i_;
      while (i_ < s_.size() && isIdentChar(static_cast<unsigned char>(s_[i_]))) ++i_;
      // E'…' takes backslash escapes; in `somE'…'` the E belongs to the word before the quote.
      if (i_ - from == 1 && (s_[from] == 'E' || s_[from] == 'e') && peek() == '\'') {
        quoted(from, '\'', true, "unterminated quoted string");
      }
    } else if (c == '(') {
      ++depth_;
      ++i_;
    } else if (c == ')') {
      if (depth_ > 0) --depth_;
      ++i_;
    } else if (c == ';' && depth_ == 0) {
      finishStatement(++i_, false);
    } else if (c == ':') {
      variable();
    } else if (c == '\\') {
      metaCommand();
    } else {
      ++i_;
    }
  }

  void blockComment() {
    size_t from = i_;
    int nesting = 0;
    while (i_ < s_.size()) {
      if (s_[i_] == '/' && peek(1) == '*') {
        ++nesting;
        i_ += 2;
      } else if (s_[i_] == '*' && peek(1) == '/') {
        i_ += 2;
        if (--nesting == 0) return;
      } else {
        ++i_;
      }
    }
    fail(from, "unterminated /* comment");
  }

  // A string or identifier from `from` (its prefix, if any) to the closing quote; a doubled
  // quote stays inside, and with `backslashes` so does a quote after a backslash.
  void quoted(size_t from, char quote, bool backslashes, const char* unterminated) {
    ++i_;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (backslashes && c == '\\') {
        i_ += 2;
      } else if (c == quote && peek(1) == quote) {
        i_ += 2;
      } else if (c == quote) {
        ++i_;
        return;
      } else {
        ++i_;
      }
    }
    fail(from, unterminated);
  }

  void dollar() {
    size_t from = i_;
    size_t j = i_ + 1;
    if (j < s_.size() && isIdentStart(static_cast<unsigned char>(s_[j]))) {
      while (j < s_.size() && isVariableChar(static_cast<unsigned char>(s_[j]))) ++j;
    }
    if (j >= s_.size() || s_[j] != '$') {
      ++i_;  // a parameter ($1) or an operator character
      return;
    }
    std::string tag = s_.substr(from, j + 1 - from);
    size_t end = s_.find(tag, j + 1);
    if (end == std::string::npos) {
      i_ = s_.size();
      fail(from, "unterminated dollar-quoted string " + tag);
      return;
    }
    i_ = end + tag.size();
  }

  // After a `:` in SQL: `::` is a cast; `:name`, `:'name'`, `:"name"` and `:{?name}` are
  // variable references; anything else is plain text.
  void variable() {
    size_t from = i_;
    if (peek(1) == ':') {
      i_ += 2;
      return;
    }
    ScriptPiece piece;
    if (!readReference(piece)) {
      ++i_;
      return;
    }
    if (from > literalFrom_) {
      pieces_.push_back({false, s_.substr(literalFrom_, from - literalFrom_), "", VariableForm::Raw,
                         literalFrom_});
    }
    pieces_.push_back(piece);
    literalFrom_ = i_;
  }

  // Reads the reference at i_ (a `:`) into `piece` and moves past it; false when there is
  // none, with i_ unchanged.
  bool readReference(ScriptPiece& piece) {
    size_t from = i_;
    size_t j = i_ + 1;
    VariableForm form = VariableForm::Raw;
    char close = '\0';
    if (peek(1) == '\'' || peek(1) == '"') {
      form = peek(1) == '\'' ? VariableForm::Literal : VariableForm::Identifier;
      close = peek(1);
      ++j;
    } else if (peek(1) == '{' && peek(2) == '?') {
      form = VariableForm::Test;
      close = '}';
      j += 2;
    }
    size_t nameFrom = j;
    while (j < s_.size() && isVariableChar(static_cast<unsigned char>(s_[j]))) ++j;
    if (j == nameFrom) return false;
    std::string name = s_.substr(nameFrom, j - nameFrom);
    if (close != '\0') {
      if (j >= s_.size() || s_[j] != close) return false;
      ++j;
    }
    i_ = j;
    piece = {true, s_.substr(from, j - from), name, form, from};
    return true;
  }

  void finishStatement(size_t end, bool gset) {
    size_t trimmed = end;
    while (trimmed > start_ && isSpace(s_[trimmed - 1])) --trimmed;
    ScriptStep step;
    step.start = lines_.at(start_);
    step.text = s_.substr(start_, trimmed - start_);
    if (trimmed > literalFrom_) {
      pieces_.push_back({false, s_.substr(literalFrom_, trimmed - literalFrom_), "",
                         VariableForm::Raw, literalFrom_});
    }
    step.pieces = std::move(pieces_);
    step.gset = gset;
    pieces_.clear();
    open_ = false;
    out_.steps.push_back(std::move(step));
  }

  // A meta-command from its backslash to the end of its line or the next backslash.
  void metaCommand() {
    size_t at = i_;
    ++i_;
    size_t nameFrom = i_;
    while (i_ < s_.size() && !isSpace(s_[i_]) && s_[i_] != '\\' && s_[i_] != '\'' &&
           s_[i_] != '"' && s_[i_] != ':') {
      ++i_;
    }
    std::string name = s_.substr(nameFrom, i_ - nameFrom);
    ScriptPosition where = lines_.at(at);
    if (name.empty() && peek() == '\\') {
      ++i_;  // `\\` separates meta-commands on one line
      return;
    }
    bool connect = name == "connect" || name == "c";
    std::vector<std::vector<ScriptPiece>> args = arguments(connect);
    if (!out_.error.empty()) return;
    if (name == "gset") {
      if (!open_)
        return fail(at, "\\gset at line " + std::to_string(where.line) + " has no query before it");
      if (args.size() > 1) return fail(at, "\\gset takes at most one argument, a prefix");
      finishStatement(at, true);
      if (!args.empty()) out_.steps.back().gsetPrefix = flatten(args[0]);
      return;
    }
    StepKind kind;
    if (name == "set") {
      kind = StepKind::Set;
      if (args.empty())
        return fail(at, "\\set at line " + std::to_string(where.line) + " needs a variable name");
    } else if (name == "if") {
      kind = StepKind::If;
      conditions_.push_back({at, false});
    } else if (name == "elif" || name == "else" || name == "endif") {
      kind = name == "elif" ? StepKind::Elif : name == "else" ? StepKind::Else : StepKind::Endif;
      if (conditions_.empty()) return fail(at, "\\" + name + ": no matching \\if");
      if (kind != StepKind::Endif && conditions_.back().sawElse) {
        return fail(at, "\\" + name + ": cannot occur after \\else");
      }
      if (kind == StepKind::Else) conditions_.back().sawElse = true;
      if (kind == StepKind::Endif) conditions_.pop_back();
    } else if (connect) {
      kind = StepKind::Connect;
      if (args.size() != 1) {
        return fail(at, "\\" + name + " at line " + std::to_string(where.line) +
                            " takes one argument here: the database");
      }
    } else {
      return fail(at, "unsupported meta-command \\" + name + " at line " +
                          std::to_string(where.line) +
                          ": pgc applies \\set, \\gset, \\if, \\elif, \\else, \\endif and "
                          "\\connect");
    }
    if (open_) {
      return fail(at, "\\" + name + " at line " + std::to_string(where.line) +
                          " inside the statement that starts at line " +
                          std::to_string(lines_.at(start_).line) + ": end it with ; first");
    }
    ScriptStep step;
    step.kind = kind;
    step.start = where;
    step.arguments = std::move(args);
    out_.steps.push_back(std::move(step));
  }

  static std::string flatten(const std::vector<ScriptPiece>& pieces) {
    std::string out;
    for (const ScriptPiece& p : pieces) out += p.text;
    return out;
  }

  // A meta-command's arguments, as psql reads them: whitespace between them; '…' with psql's
  // escapes; "…" kept with its quotes, or for \connect taken as an identifier without them.
  std::vector<std::vector<ScriptPiece>> arguments(bool identifiers) {
    std::vector<std::vector<ScriptPiece>> args;
    for (;;) {
      while (i_ < s_.size() && isSpace(s_[i_]) && s_[i_] != '\n') ++i_;
      if (i_ >= s_.size() || s_[i_] == '\n' || s_[i_] == '\\') return args;
      std::vector<ScriptPiece> arg;
      auto text = [&](const std::string& t, size_t at) {
        if (!arg.empty() && !arg.back().variable) {
          arg.back().text += t;
        } else {
          arg.push_back({false, t, "", VariableForm::Raw, at});
        }
      };
      while (i_ < s_.size() && !isSpace(s_[i_]) && s_[i_] != '\\' && out_.error.empty()) {
        char c = s_[i_];
        size_t at = i_;
        ScriptPiece reference;
        if (c == '\'') {
          text(singleQuotedArgument(), at);
        } else if (c == '"') {
          text(doubleQuotedArgument(identifiers), at);
        } else if (c == '`') {
          fail(at, "backquoted shell commands are not run by pgc");
        } else if (c == ':' && readReference(reference)) {
          arg.push_back(reference);
        } else {
          text(std::string(1, c), at);
          ++i_;
        }
      }
      args.push_back(std::move(arg));
      if (!out_.error.empty()) return args;
    }
  }

  std::string singleQuotedArgument() {
    size_t from = i_++;
    std::string out;
    while (i_ < s_.size() && s_[i_] != '\n') {
      char c = s_[i_];
      if (c == '\'' && peek(1) == '\'') {
        out += '\'';
        i_ += 2;
      } else if (c == '\'') {
        ++i_;
        return out;
      } else if (c == '\\' && i_ + 1 < s_.size()) {
        char e = s_[i_ + 1];
        i_ += 2;
        const char* from = "ntbrf";
        const char* to = "\n\t\b\r\f";
        const char* hit = std::strchr(from, e);
        out += hit && e != '\0' ? to[hit - from] : e;
      } else {
        out += c;
        ++i_;
      }
    }
    fail(from, "unterminated quoted string in a meta-command");
    return out;
  }

  std::string doubleQuotedArgument(bool identifier) {
    size_t from = i_++;
    std::string out = identifier ? "" : "\"";
    while (i_ < s_.size() && s_[i_] != '\n') {
      char c = s_[i_];
      if (c == '"' && peek(1) == '"') {
        out += identifier ? "\"" : "\"\"";
        i_ += 2;
      } else if (c == '"') {
        ++i_;
        return identifier ? out : out + "\"";
      } else {
        out += c;
        ++i_;
      }
    }
    fail(from, "unterminated quoted identifier in a meta-command");
    return out;
  }

  const std::string& s_;
  LineIndex lines_;
  ScriptSplit out_;
  size_t i_ = 0;
  bool open_ = false;  // inside a statement
  size_t start_ = 0;
  size_t literalFrom_ = 0;  // where the statement's current literal piece starts
  int depth_ = 0;
  std::vector<ScriptPiece> pieces_;
  std::vector<Condition> conditions_;
};

}  // namespace

ScriptSplit splitPsqlScript(const std::string& script) { return Splitter(script).run(); }

ScriptPosition positionAt(const std::string& script, size_t offset) {
  return LineIndex(script).at(offset);
}

}  // namespace pgc::deploy
