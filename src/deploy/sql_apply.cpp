// Runs a bootstrap script over libpq as psql would run it with ON_ERROR_STOP: one statement at
// a time, variables interpolated on the client, \if branches taken or skipped, stopping at the
// first error with its place in the script.
#include "pgc/deploy/sql_apply.h"

#include <fmt/format.h>
#include <strings.h>

#include <memory>

#include "psql_script.h"
#include "sql_connection.h"

namespace pgc::deploy {
namespace {

// psql's ParseVariableBool: case-insensitive, and any unique prefix will do.
std::optional<bool> psqlBoolean(const std::string& value) {
  size_t n = value.size();
  const char* v = value.c_str();
  if (n > 0 && strncasecmp(v, "true", n) == 0) return true;
  if (n > 0 && strncasecmp(v, "false", n) == 0) return false;
  if (n > 0 && strncasecmp(v, "yes", n) == 0) return true;
  if (n > 0 && strncasecmp(v, "no", n) == 0) return false;
  if (strncasecmp(v, "on", std::max<size_t>(n, 2)) == 0) return true;  // "o" is ambiguous
  if (strncasecmp(v, "off", std::max<size_t>(n, 2)) == 0) return false;
  if (value == "1") return true;
  if (value == "0") return false;
  return std::nullopt;
}

bool validVariableName(const std::string& name) {
  if (name.empty()) return false;
  for (unsigned char c : name) {
    if (!(isalnum(c) || c == '_' || c >= 0x80)) return false;
  }
  return true;
}

// The statement's first words, for progress lines: up to an opening parenthesis, a string, a
// variable or the end of its first line. Never a value, so never a secret.
std::string summaryOf(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  std::string out;
  size_t i = 0;
  for (int words = 0; words < 8; ++words) {
    while (i < line.size() && isspace(static_cast<unsigned char>(line[i]))) ++i;
    size_t end = line.find_first_of(" \t\r", i);
    std::string word = line.substr(i, end == std::string::npos ? std::string::npos : end - i);
    if (word.empty()) break;
    size_t stop = word.find_first_of("(;':");
    if (stop != std::string::npos && word.compare(stop, 2, "::") == 0) stop = std::string::npos;
    if (stop != std::string::npos && word[stop] != '(' && word[stop] != ';') break;
    std::string kept = word.substr(0, stop);
    if (!kept.empty()) out += (out.empty() ? "" : " ") + kept;
    if (stop != std::string::npos || word[0] == '$') break;
    i = end == std::string::npos ? line.size() : end;
  }
  return out.size() > 80 ? out.substr(0, 77) + "..." : out;
}

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

struct Branch {
  bool active;  // this branch runs
  bool taken;   // a branch of this \if already ran, or the \if is inside a skipped branch
  bool outerActive;
};

class ScriptRun {
 public:
  ScriptRun(const SqlConnection& connection, const std::string& name, const std::string& script,
            const SqlApplyOptions& options)
      : connection_(connection),
        name_(name),
        script_(script),
        options_(options),
        variables_(options.variables),
        secrets_(secretsOf(connection)) {
    for (const auto& [variable, value] : options.variables) secrets_.push_back(value);
  }
  ~ScriptRun() { PQfinish(conn_); }

  SqlApplyResult run() {
    ScriptSplit split = splitPsqlScript(script_);
    if (!split.error.empty()) return fail(split.errorAt, split.error);
    std::string error;
    conn_ = openSqlConnection(connection_, "", error);
    if (!conn_) return fail(ScriptPosition{0, 0, 0}, error);
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    for (const ScriptStep& step : split.steps) {
      if (!runStep(step)) return std::move(result_);
    }
    result_.ok = true;
    return std::move(result_);
  }

 private:
  bool active() const { return branches_.empty() || branches_.back().active; }

  bool runStep(const ScriptStep& step) {
    switch (step.kind) {
      case StepKind::If: {
        bool outer = active();
        std::optional<bool> value = outer ? condition(step, "\\if") : false;
        if (!value) return false;
        branches_.push_back({*value, *value || !outer, outer});
        return true;
      }
      case StepKind::Elif: {
        Branch& b = branches_.back();
        b.active = false;
        if (b.taken) return true;
        std::optional<bool> value = condition(step, "\\elif");
        if (!value) return false;
        b.active = b.taken = *value;
        return true;
      }
      case StepKind::Else:
        branches_.back().active = !branches_.back().taken;
        branches_.back().taken = true;
        return true;
      case StepKind::Endif: branches_.pop_back(); return true;
      default: break;
    }
    // Skipped branches are read but not interpolated, as psql does.
    if (!active()) return true;
    if (step.kind == StepKind::Set) return set(step);
    if (step.kind == StepKind::Connect) return reconnect(step);
    return statement(step);
  }

  std::optional<bool> condition(const ScriptStep& step, const char* command) {
    std::string expression;
    for (const auto& argument : step.arguments) {
      expression += (expression.empty() ? "" : " ") + interpolate(argument, nullptr);
    }
    std::optional<bool> value = psqlBoolean(expression);
    if (!value) {
      fail(step.start, fmt::format("unrecognized value \"{}\" for \"{} expression\": Boolean "
                                   "expected",
                                   expression, command));
    }
    return value;
  }

  bool set(const ScriptStep& step) {
    std::string name = interpolate(step.arguments[0], nullptr);
    if (!validVariableName(name)) {
      return fail(step.start, fmt::format("invalid variable name: \"{}\"", name)).ok;
    }
    std::string value;
    for (size_t i = 1; i < step.arguments.size(); ++i) {
      value += interpolate(step.arguments[i], nullptr);
    }
    variables_[name] = value;
    return true;
  }

  bool reconnect(const ScriptStep& step) {
    std::string database = interpolate(step.arguments[0], nullptr);
    std::string error;
    PGconn* next = openSqlConnection(connection_, database, error);
    if (!next) return fail(step.start, error).ok;
    PQfinish(conn_);
    conn_ = next;
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    return true;
  }

  // Where each piece of the text sent landed: its offset there and in the script.
  struct Landing {
    size_t sent;
    size_t script;
    bool literal;
  };

  // The pieces with their variables' values, as psql puts them in; an unset variable stays as
  // written. `landings`, when given, records where each piece went.
  std::string interpolate(const std::vector<ScriptPiece>& pieces, std::vector<Landing>* landings) {
    std::string out;
    for (const ScriptPiece& piece : pieces) {
      if (landings) landings->push_back({out.size(), piece.offset, !piece.variable});
      auto value = variables_.find(piece.name);
      if (!piece.variable) {
        out += piece.text;
      } else if (piece.form == VariableForm::Test) {
        out += value != variables_.end() ? "TRUE" : "FALSE";
      } else if (value == variables_.end()) {
        out += piece.text;
      } else if (piece.form == VariableForm::Raw) {
        out += value->second;
      } else {
        const std::string& v = value->second;
        char* quoted = piece.form == VariableForm::Literal
                           ? PQescapeLiteral(conn_, v.c_str(), v.size())
                           : PQescapeIdentifier(conn_, v.c_str(), v.size());
        out += quoted ? quoted : piece.text;
        PQfreemem(quoted);
      }
    }
    return out;
  }

  bool statement(const ScriptStep& step) {
    std::vector<Landing> landings;
    std::string sql = interpolate(step.pieces, &landings);
    if (options_.onStatement) {
      options_.onStatement(SqlStep{result_.statements + 1, step.start.line, summaryOf(step.text)});
    }
    Result r(PQexec(conn_, sql.c_str()));
    ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
      return fail(step.start, "COPY is not supported in a bootstrap script").ok;
    }
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
      return serverError(step, r.get(), sql, landings);
    }
    if (step.gset && !gset(step, r.get())) return false;
    ++result_.statements;
    return true;
  }

  bool gset(const ScriptStep& step, PGresult* r) {
    int rows = PQresultStatus(r) == PGRES_TUPLES_OK ? PQntuples(r) : 0;
    if (rows != 1) {
      return fail(step.start, rows == 0 ? "no rows returned for \\gset"
                                        : "more than one row returned for \\gset")
          .ok;
    }
    for (int column = 0; column < PQnfields(r); ++column) {
      std::string name = step.gsetPrefix + PQfname(r, column);
      if (PQgetisnull(r, 0, column)) {
        variables_.erase(name);
      } else {
        variables_[name] = PQgetvalue(r, 0, column);
      }
    }
    return true;
  }

  bool serverError(const ScriptStep& step, const PGresult* r, const std::string& sql,
                   const std::vector<Landing>& landings) {
    auto field = [&](int code) -> std::string {
      const char* value = r ? PQresultErrorField(r, code) : nullptr;
      return value ? value : "";
    };
    std::string message = field(PG_DIAG_MESSAGE_PRIMARY);
    if (message.empty()) message = PQerrorMessage(conn_);
    while (!message.empty() && isspace(static_cast<unsigned char>(message.back()))) {
      message.pop_back();
    }
    if (std::string detail = field(PG_DIAG_MESSAGE_DETAIL); !detail.empty()) {
      message += "\ndetail: " + detail;
    }
    if (std::string hint = field(PG_DIAG_MESSAGE_HINT); !hint.empty()) {
      message += "\nhint: " + hint;
    }
    ScriptPosition at = step.start;
    std::string position = field(PG_DIAG_STATEMENT_POSITION);
    if (!position.empty()) {
      at = positionAt(script_, scriptOffset(sql, landings, std::stoul(position)));
    }
    result_.sqlState = field(PG_DIAG_SQLSTATE);
    return fail(at, message).ok;
  }

  // The script offset of the server's 1-based character `position` in `sql`; a position
  // inside a variable's value points at the variable's reference.
  size_t scriptOffset(const std::string& sql, const std::vector<Landing>& landings,
                      size_t position) const {
    size_t byte = 0;
    size_t characters = 0;
    for (; byte < sql.size(); ++byte) {
      if ((static_cast<unsigned char>(sql[byte]) & 0xC0) != 0x80 && ++characters == position) {
        break;
      }
    }
    if (byte >= sql.size()) byte = sql.empty() ? 0 : sql.size() - 1;
    const Landing* hit = nullptr;
    for (const Landing& l : landings) {
      if (l.sent <= byte) hit = &l;
    }
    if (!hit) return landings.empty() ? 0 : landings.front().script;
    return hit->literal ? hit->script + (byte - hit->sent) : hit->script;
  }

  const SqlApplyResult& fail(const ScriptPosition& at, const std::string& message) {
    result_.ok = false;
    result_.line = at.line;
    result_.column = at.column;
    std::string where =
        at.line > 0 ? fmt::format("{}:{}:{}: ", name_, at.line, at.column) : name_ + ": ";
    result_.error = withoutSecrets(where + message, secrets_);
    return result_;
  }

  const SqlConnection& connection_;
  const std::string& name_;
  const std::string& script_;
  const SqlApplyOptions& options_;
  std::map<std::string, std::string> variables_;
  std::vector<std::string> secrets_;
  PGconn* conn_ = nullptr;
  std::vector<Branch> branches_;
  SqlApplyResult result_;
};

}  // namespace

SqlApplyResult applySqlScript(const SqlConnection& connection, const std::string& scriptName,
                              const std::string& script, const SqlApplyOptions& options) {
  return ScriptRun(connection, scriptName, script, options).run();
}

}  // namespace pgc::deploy
