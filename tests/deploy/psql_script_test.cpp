// The psql script splitter: where statements end under psql's lexical rules, where they start
// (line, column, offset), the variable references it finds, the meta-commands it accepts and
// the scripts it refuses.
#include <gtest/gtest.h>

#include "../../src/deploy/psql_script.h"

namespace pgc::tests {
namespace {

using deploy::ScriptPiece;
using deploy::ScriptSplit;
using deploy::ScriptStep;
using deploy::splitPsqlScript;
using deploy::StepKind;
using deploy::VariableForm;

std::vector<std::string> statements(const std::string& script) {
  ScriptSplit split = splitPsqlScript(script);
  EXPECT_EQ(split.error, "") << script;
  std::vector<std::string> out;
  for (const ScriptStep& step : split.steps) {
    if (step.kind == StepKind::Statement) out.push_back(step.text);
  }
  return out;
}

std::vector<ScriptPiece> variablesOf(const ScriptStep& step) {
  std::vector<ScriptPiece> out;
  for (const ScriptPiece& p : step.pieces) {
    if (p.variable) out.push_back(p);
  }
  return out;
}

TEST(PsqlScriptTest, SemicolonsEndStatementsAndCommentsBetweenThemAreDropped) {
  EXPECT_EQ(statements("-- header\nSELECT 1;  SELECT 2;\n\n-- tail\n"),
            (std::vector<std::string>{"SELECT 1;", "SELECT 2;"}));
}

TEST(PsqlScriptTest, TheLastStatementNeedsNoSemicolon) {
  EXPECT_EQ(statements("SELECT 1;\nSELECT 2\n  \n"),
            (std::vector<std::string>{"SELECT 1;", "SELECT 2"}));
}

TEST(PsqlScriptTest, SemicolonsInsideStringsAndIdentifiersDoNotEnd) {
  EXPECT_EQ(statements("SELECT 'a;''b', \"c;\"\"d\";SELECT 2;"),
            (std::vector<std::string>{"SELECT 'a;''b', \"c;\"\"d\";", "SELECT 2;"}));
}

TEST(PsqlScriptTest, EscapeStringsTakeBackslashedQuotes) {
  EXPECT_EQ(statements("SELECT E'it\\'s;', e'\\\\';SELECT 2;"),
            (std::vector<std::string>{"SELECT E'it\\'s;', e'\\\\';", "SELECT 2;"}));
  // In a standard string a backslash is a plain character: the quote after it closes.
  EXPECT_EQ(statements("SELECT 'C:\\';SELECT 2;"),
            (std::vector<std::string>{"SELECT 'C:\\';", "SELECT 2;"}));
  // The E of a longer word is not a prefix.
  EXPECT_EQ(statements("SELECT somE'\\';SELECT 2;"),
            (std::vector<std::string>{"SELECT somE'\\';", "SELECT 2;"}));
}

TEST(PsqlScriptTest, DollarQuotesWithAndWithoutTags) {
  std::string tagged = "DO $pgc$ BEGIN PERFORM 1; RAISE NOTICE '$$;'; END $pgc$;";
  std::string plain = "SELECT $$a;b$$;";
  EXPECT_EQ(statements(tagged + "\n" + plain), (std::vector<std::string>{tagged, plain}));
  // $1 is a parameter and a$b$ an identifier, not dollar quotes.
  EXPECT_EQ(statements("SELECT $1, a$b$;SELECT 2;"),
            (std::vector<std::string>{"SELECT $1, a$b$;", "SELECT 2;"}));
}

TEST(PsqlScriptTest, CommentsInsideStatementsHideSemicolons) {
  EXPECT_EQ(
      statements("SELECT 1 -- not; the end\n, 2 /* nor; /* nested; */ this; */;"),
      (std::vector<std::string>{"SELECT 1 -- not; the end\n, 2 /* nor; /* nested; */ this; */;"}));
}

TEST(PsqlScriptTest, SemicolonsInsideParenthesesDoNotEnd) {
  EXPECT_EQ(statements("CREATE RULE r AS ON INSERT TO t DO (SELECT 1; SELECT 2);SELECT 3;"),
            (std::vector<std::string>{"CREATE RULE r AS ON INSERT TO t DO (SELECT 1; SELECT 2);",
                                      "SELECT 3;"}));
}

TEST(PsqlScriptTest, StartsCountLinesColumnsInCodePointsAndBytes) {
  ScriptSplit split = splitPsqlScript("-- é\n  SELECT 'é'; SELECT 2;\n\tSELECT 3;");
  ASSERT_EQ(split.steps.size(), 3u);
  EXPECT_EQ(split.steps[0].start.line, 2);
  EXPECT_EQ(split.steps[0].start.column, 3);
  EXPECT_EQ(split.steps[0].start.offset, 8u);
  EXPECT_EQ(split.steps[1].start.line, 2);
  EXPECT_EQ(split.steps[1].start.column, 15);  // 'é' is one column and two bytes
  EXPECT_EQ(split.steps[1].start.offset, 21u);
  EXPECT_EQ(split.steps[2].start.line, 3);
  EXPECT_EQ(split.steps[2].start.column, 2);
  EXPECT_EQ(deploy::positionAt("ab\ncé\nd", 6).line, 2);
  EXPECT_EQ(deploy::positionAt("ab\ncé\nd", 6).column, 3);
}

TEST(PsqlScriptTest, FindsEachFormOfVariableReference) {
  ScriptSplit split = splitPsqlScript("SELECT :a, :'b', :\"c\", :{?d}, x::int, ':e', \":f\";");
  ASSERT_EQ(split.error, "");
  ASSERT_EQ(split.steps.size(), 1u);
  std::vector<ScriptPiece> refs = variablesOf(split.steps[0]);
  ASSERT_EQ(refs.size(), 4u);
  EXPECT_EQ(refs[0].name, "a");
  EXPECT_EQ(refs[0].form, VariableForm::Raw);
  EXPECT_EQ(refs[0].offset, 7u);
  EXPECT_EQ(refs[1].name, "b");
  EXPECT_EQ(refs[1].form, VariableForm::Literal);
  EXPECT_EQ(refs[1].text, ":'b'");
  EXPECT_EQ(refs[2].name, "c");
  EXPECT_EQ(refs[2].form, VariableForm::Identifier);
  EXPECT_EQ(refs[3].name, "d");
  EXPECT_EQ(refs[3].form, VariableForm::Test);
  std::string joined;
  for (const ScriptPiece& p : split.steps[0].pieces) joined += p.text;
  EXPECT_EQ(joined, split.steps[0].text) << "the pieces make up the statement";
}

TEST(PsqlScriptTest, NoVariablesInsideDollarQuotesCommentsOrCasts) {
  ScriptSplit split = splitPsqlScript("SELECT $$:a$$, 1::int /* :b */ -- :c\n, $t$ :'d' $t$;");
  ASSERT_EQ(split.steps.size(), 1u);
  EXPECT_TRUE(variablesOf(split.steps[0]).empty());
}

TEST(PsqlScriptTest, ReadsTheMetaCommandsOfBootstrapScripts) {
  ScriptSplit split = splitPsqlScript(
      "\\set ON_ERROR_STOP on\n"
      "SELECT true AS missing \\gset\n"
      "\\if :missing\n\\if :{?pw}\nCREATE ROLE r PASSWORD :'pw';\n\\elif 0\n\\else\n"
      "DO $$ BEGIN RAISE EXCEPTION 'x'; END $$;\n\\endif\n\\endif\n"
      "\\connect \"Shop-Data\"\n\\c postgres\n");
  ASSERT_EQ(split.error, "");
  std::vector<StepKind> kinds;
  for (const ScriptStep& s : split.steps) kinds.push_back(s.kind);
  EXPECT_EQ(kinds, (std::vector<StepKind>{StepKind::Set, StepKind::Statement, StepKind::If,
                                          StepKind::If, StepKind::Statement, StepKind::Elif,
                                          StepKind::Else, StepKind::Statement, StepKind::Endif,
                                          StepKind::Endif, StepKind::Connect, StepKind::Connect}));
  ASSERT_EQ(split.steps[0].arguments.size(), 2u);
  EXPECT_EQ(split.steps[0].arguments[1][0].text, "on");
  EXPECT_TRUE(split.steps[1].gset);
  EXPECT_EQ(split.steps[1].text, "SELECT true AS missing");
  EXPECT_EQ(split.steps[2].start.line, 3);
  EXPECT_EQ(split.steps[2].arguments[0][0].name, "missing");
  EXPECT_EQ(split.steps[3].arguments[0][0].form, VariableForm::Test);
  EXPECT_EQ(split.steps[10].arguments[0][0].text, "Shop-Data");
}

TEST(PsqlScriptTest, MetaCommandArgumentsFollowPsqlQuoting) {
  ScriptSplit split = splitPsqlScript("\\set v 'it''s\\n' \"q\" x:y\n\\gset_nothing\n");
  EXPECT_EQ(split.error,
            "unsupported meta-command \\gset_nothing at line 2: pgc applies \\set, \\gset, \\if, "
            "\\elif, \\else, \\endif and \\connect");
  split = splitPsqlScript("\\set v 'it''s\\n' \"q\" x:y\n");
  ASSERT_EQ(split.steps.size(), 1u);
  const auto& args = split.steps[0].arguments;
  ASSERT_EQ(args.size(), 4u);
  EXPECT_EQ(args[1][0].text, "it's\n");
  EXPECT_EQ(args[2][0].text, "\"q\"") << "outside \\connect double quotes stay";
  ASSERT_EQ(args[3].size(), 2u);
  EXPECT_EQ(args[3][0].text, "x");
  EXPECT_EQ(args[3][1].name, "y");
}

struct Refusal {
  const char* script;
  const char* error;
  int line;
  int column;
};

TEST(PsqlScriptTest, RefusesWhatItCannotRunAndSaysWhere) {
  const Refusal cases[] = {
      {"SELECT 1;\n\\! ls\n", "unsupported meta-command \\! at line 2", 2, 1},
      {"SELECT 1;\n  \\copy t from x\n", "unsupported meta-command \\copy at line 2", 2, 3},
      {"SELECT 'abc;\n", "unterminated quoted string", 1, 8},
      {"SELECT \"abc;\n", "unterminated quoted identifier", 1, 8},
      {"SELECT 1;\nSELECT $x$ abc;\n", "unterminated dollar-quoted string $x$", 2, 8},
      {"SELECT /* /* */ 1;\n", "unterminated /* comment", 1, 8},
      {"\\endif\n", "\\endif: no matching \\if", 1, 1},
      {"\\else\n", "\\else: no matching \\if", 1, 1},
      {"\\if 1\n\\else\n\\else\n\\endif\n", "\\else: cannot occur after \\else", 3, 1},
      {"\\if 1\n\\else\n\\elif 0\n\\endif\n", "\\elif: cannot occur after \\else", 3, 1},
      {"\n\\if 1\nSELECT 1;\n", "reached the end of the script without finding \\endif", 2, 1},
      {"\\gset\n", "\\gset at line 1 has no query before it", 1, 1},
      {"SELECT 1\n\\if 1\n\\endif\n",
       "\\if at line 2 inside the statement that starts at line 1: end it with ; first", 2, 1},
      {"\\set\n", "\\set at line 1 needs a variable name", 1, 1},
      {"\\connect a b\n", "\\connect at line 1 takes one argument here: the database", 1, 1},
      {"\\set x `id`\n", "backquoted shell commands are not run by pgc", 1, 8},
  };
  for (const Refusal& c : cases) {
    ScriptSplit split = splitPsqlScript(c.script);
    EXPECT_EQ(split.error.substr(0, std::string(c.error).size()), c.error) << c.script;
    EXPECT_EQ(split.errorAt.line, c.line) << c.script;
    EXPECT_EQ(split.errorAt.column, c.column) << c.script;
  }
}

}  // namespace
}  // namespace pgc::tests
