// pgc's vocabulary for syntax errors, and the recovering error strategy that reports them.
#include "syntax_errors.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace pgc::syntax {
namespace {

using generated::PgcLexer;
using generated::PgcParser;

// Tokens that can start an expression; when several are expected we say "an expression".
bool startsExpression(size_t type) {
  switch (type) {
    case PgcLexer::INT:
    case PgcLexer::UNIT_NUMBER:
    case PgcLexer::TRUE:
    case PgcLexer::FALSE:
    case PgcLexer::STRING_OPEN:
    case PgcLexer::LBRACK:
    case PgcLexer::LBRACE:
    case PgcLexer::LPAREN:
    case PgcLexer::BANG:
    case PgcLexer::MINUS: return true;
    default: return false;
  }
}

bool has(const antlr4::misc::IntervalSet& set, size_t type) { return set.contains(type); }

bool isKeyword(size_t type) { return type >= PgcLexer::IMPORT && type <= PgcLexer::FALSE; }

std::string symbol(const antlr4::dfa::Vocabulary& vocabulary, size_t type) {
  switch (type) {
    case antlr4::Token::EOF: return "end of file";
    case PgcLexer::IDENT: return "a name";
    case PgcLexer::INT: return "an integer";
    case PgcLexer::UNIT_NUMBER: return "a size or duration";
    case PgcLexer::STRING_OPEN: return "a string";
    case PgcLexer::STRING_CLOSE: return "`\"`";
    case PgcLexer::RAW_SQL: return "raw SQL in backticks";
    case PgcLexer::STRING_TEXT: return "string text";
    default: break;
  }
  std::string literal = vocabulary.getLiteralName(type);
  if (literal.size() >= 2 && literal.front() == '\'')
    literal = literal.substr(1, literal.size() - 2);
  return "`" + literal + "`";
}

std::string joinAlternatives(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " or " : ", ";
    out += parts[i];
  }
  return out;
}

bool startsDeclaration(size_t type) {
  switch (type) {
    case PgcLexer::IMPORT:
    case PgcLexer::PROJECT:
    case PgcLexer::PARAM:
    case PgcLexer::LET:
    case PgcLexer::ENVIRONMENT:
    case PgcLexer::CLUSTER:
    case PgcLexer::SCHEMA:
    case PgcLexer::ROLE:
    case PgcLexer::OUTPUT:
    case PgcLexer::AT: return true;
    default: return false;
  }
}

// "an expression", "a field or `}`", "`=` or `{`". `nameNoun` says what a name is here.
std::string describeExpected(const antlr4::dfa::Vocabulary& vocabulary,
                             const antlr4::misc::IntervalSet& expected,
                             const std::string& nameNoun = "a name") {
  bool name = has(expected, PgcLexer::IDENT);
  bool expression = name && has(expected, PgcLexer::INT);
  bool declaration = !name && has(expected, PgcLexer::PROJECT) && has(expected, PgcLexer::CLUSTER);
  std::vector<std::string> parts;
  if (expression)
    parts.push_back("an expression");
  else if (name)
    parts.push_back(nameNoun);
  if (declaration) parts.push_back("a declaration (`project`, `cluster`, `schema`, …)");
  std::vector<size_t> types;
  for (ssize_t t : expected.toList()) types.push_back(static_cast<size_t>(t));
  bool onlySeparators =
      !name && !declaration && std::all_of(types.begin(), types.end(), [](size_t t) {
        return t == PgcLexer::SEMI || t == PgcLexer::AT;
      });
  for (size_t type : types) {
    if (type == PgcLexer::IDENT) continue;
    if (name && isKeyword(type) && type != PgcLexer::TRUE && type != PgcLexer::FALSE) continue;
    if (expression && startsExpression(type)) continue;
    if (declaration && (startsDeclaration(type) || type == antlr4::Token::EOF)) continue;
    // `;` and decorators fit almost anywhere; naming them only hides the useful choices.
    if (!onlySeparators && (type == PgcLexer::SEMI || type == PgcLexer::AT)) continue;
    parts.push_back(symbol(vocabulary, type));
  }
  if (parts.size() > 5) parts.resize(5), parts.back() = "…";
  return parts.empty() ? "something else" : joinAlternatives(parts);
}

// Whether the parser is reading a column's type, `bigint` in `id bigint`.
bool atColumnType(antlr4::ParserRuleContext* context) {
  if (dynamic_cast<PgcParser::IdentContext*>(context) && context->parent) {
    context = static_cast<antlr4::ParserRuleContext*>(context->parent);
  }
  return dynamic_cast<PgcParser::ColumnTypeContext*>(context) != nullptr;
}

// What a bare name is in this context: a field in a block, a column in a table.
std::string nameNounFor(antlr4::ParserRuleContext* context) {
  if (atColumnType(context)) return "a type";
  if (dynamic_cast<PgcParser::BlockContext*>(context) ||
      dynamic_cast<PgcParser::BlockItemContext*>(context)) {
    return "a field";
  }
  if (dynamic_cast<PgcParser::TableDeclContext*>(context) ||
      dynamic_cast<PgcParser::TableItemContext*>(context)) {
    return "a column";
  }
  return "a name";
}

std::optional<std::string> nameIn(antlr4::ParserRuleContext* context) {
  for (auto* child : context->children) {
    std::string text;
    if (auto* ident = dynamic_cast<PgcParser::IdentContext*>(child)) text = ident->getText();
    if (auto* string = dynamic_cast<PgcParser::StringContext*>(child)) text = string->getText();
    // Recovery leaves an empty name where one was missing: the construct has none.
    if (!text.empty()) return text;
  }
  return std::nullopt;
}

// What users call the construct a parse context belongs to: "cluster `main`".
std::string constructName(antlr4::ParserRuleContext* context) {
  auto* owner = context;
  if (dynamic_cast<PgcParser::BlockContext*>(context) && context->parent) {
    owner = static_cast<antlr4::ParserRuleContext*>(context->parent);
  }
  size_t rule = owner->getRuleIndex();
  std::optional<std::string> name = nameIn(owner);
  auto named = [&](const char* what) {
    return name ? fmt::format("{} `{}`", what, *name) : fmt::format("the {}", what);
  };
  if (rule == PgcParser::RuleClusterDecl) return named("cluster");
  if (rule == PgcParser::RuleEnvironmentDecl) return named("environment");
  if (rule == PgcParser::RuleProjectDecl) return named("project");
  if (rule == PgcParser::RuleRoleDecl) return named("role");
  if (rule == PgcParser::RuleSchemaDecl) return named("schema");
  if (rule == PgcParser::RuleTableDecl) return named("table");
  if (rule == PgcParser::RuleBlockItem) {
    auto* item = static_cast<PgcParser::BlockItemContext*>(owner);
    if (item->WHEN()) return "the `when` block";
    return named("block");
  }
  if (dynamic_cast<PgcParser::ObjectLiteralContext*>(owner)) return "the object";
  if (dynamic_cast<PgcParser::ListLiteralContext*>(owner)) return "the list";
  if (dynamic_cast<PgcParser::CallExprContext*>(owner)) return "the call";
  if (dynamic_cast<PgcParser::ParenExprContext*>(owner)) return "the parenthesis";
  if (rule == PgcParser::RuleColumnList || rule == PgcParser::RuleIndexDecl ||
      rule == PgcParser::RuleColumnType)
    return "the list";
  if (dynamic_cast<PgcParser::InterpolationPartContext*>(owner)) return "the interpolation";
  return "the block";
}

size_t closerOf(size_t opener) {
  switch (opener) {
    case PgcLexer::LBRACE: return PgcLexer::RBRACE;
    case PgcLexer::INTERP_OPEN: return PgcLexer::RBRACE;
    case PgcLexer::LBRACK: return PgcLexer::RBRACK;
    case PgcLexer::LPAREN: return PgcLexer::RPAREN;
    default: return 0;
  }
}

// The innermost context with an opening bracket whose closer is expected here.
struct OpenBracket {
  antlr4::ParserRuleContext* context;
  antlr4::Token* opener;
  size_t closer;
};
std::optional<OpenBracket> innermostOpen(antlr4::ParserRuleContext* context,
                                         const antlr4::misc::IntervalSet& expected) {
  for (auto* c = context; c; c = dynamic_cast<antlr4::ParserRuleContext*>(c->parent)) {
    for (auto it = c->children.rbegin(); it != c->children.rend(); ++it) {
      auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(*it);
      if (!terminal) continue;
      size_t closer = closerOf(terminal->getSymbol()->getType());
      if (closer == 0) continue;
      if (!has(expected, closer)) return std::nullopt;
      return OpenBracket{c, terminal->getSymbol(), closer};
    }
  }
  return std::nullopt;
}

// Whether an enclosing construct has an opening bracket that `closer` would close: a stray
// `}` is one that nothing awaits, however many other brackets are open inside.
bool awaited(antlr4::ParserRuleContext* context, size_t closer) {
  for (auto* c = context; c; c = dynamic_cast<antlr4::ParserRuleContext*>(c->parent)) {
    for (auto it = c->children.rbegin(); it != c->children.rend(); ++it) {
      auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(*it);
      if (!terminal) continue;
      size_t type = terminal->getSymbol()->getType();
      if (type == closer) break;  // this construct's bracket is closed already
      if (closerOf(type) == closer) return true;
    }
  }
  return false;
}

}  // namespace

std::string describeFoundToken(const antlr4::Token* token) {
  size_t type = token->getType();
  if (type == antlr4::Token::EOF) return "end of file";
  std::string text = token->getText();
  if (type == PgcLexer::STRING_CLOSE && text != "\"") return "end of line";
  if (type == PgcLexer::STRING_OPEN) return "a string";
  if (type == PgcLexer::RAW_SQL) return "raw SQL";
  if (text.size() > 24) text = text.substr(0, 21) + "...";
  return "`" + text + "`";
}

bool isCloser(size_t type) {
  return type == PgcLexer::RBRACE || type == PgcLexer::RBRACK || type == PgcLexer::RPAREN ||
         type == antlr4::Token::EOF;
}

// The next token the parser sees after `token`, skipping comments and white space.
antlr4::Token* nextVisibleToken(antlr4::Parser* parser, antlr4::Token* token) {
  auto* stream = dynamic_cast<antlr4::BufferedTokenStream*>(parser->getTokenStream());
  for (size_t i = token->getTokenIndex() + 1; stream && i < stream->size(); ++i) {
    antlr4::Token* next = stream->get(i);
    if (next->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return next;
  }
  return nullptr;
}

void SyntaxErrorStrategy::sync(antlr4::Parser* parser) {
  if (isCloser(parser->getCurrentToken()->getType())) return;
  DefaultErrorStrategy::sync(parser);
}

antlr4::Token* SyntaxErrorStrategy::singleTokenDeletion(antlr4::Parser* parser) {
  if (isCloser(parser->getCurrentToken()->getType())) return nullptr;
  return DefaultErrorStrategy::singleTokenDeletion(parser);
}

void SyntaxErrorStrategy::reportExpected(antlr4::Parser* parser, antlr4::Token* found,
                                         const antlr4::misc::IntervalSet& expected) {
  const antlr4::dfa::Vocabulary& vocabulary = parser->getVocabulary();
  Span at = positions_.span(found);
  std::string foundText = describeFoundToken(found);
  auto open = innermostOpen(parser->getContext(), expected);
  bool closes = open && (found->getType() == antlr4::Token::EOF || expected.size() == 1 ||
                         found->getType() == PgcLexer::RBRACE);
  if (closes) {
    std::string what = constructName(open->context);
    std::string closer = symbol(vocabulary, open->closer);
    Diagnostic& d = sink_.report(DiagCode::UnclosedBlock, at, closer.substr(1, closer.size() - 2),
                                 what, foundText);
    d.note(positions_.span(open->opener), what + " opens here");
    return;
  }
  bool closer = found->getType() != antlr4::Token::EOF && isCloser(found->getType());
  if (closer && !open && !awaited(parser->getContext(), found->getType())) {
    sink_.report(DiagCode::UnexpectedToken, at, foundText, "")
        .help("remove it: nothing is open for it to close");
    return;
  }
  Diagnostic& d = sink_.report(
      DiagCode::ExpectedToken, at,
      describeExpected(vocabulary, expected, nameNounFor(parser->getContext())), foundText);
  if (found->getType() == PgcLexer::COLON && has(expected, PgcLexer::ASSIGN)) {
    d.help("fields are set with `=`, as in `nodes = 3`");
  } else if (found->getType() == PgcLexer::ASSIGN && has(expected, PgcLexer::EQEQ)) {
    d.help("compare with `==`");
  } else if (found->getType() == PgcLexer::STRING_OPEN && has(expected, PgcLexer::COMMA)) {
    d.help("separate list elements and arguments with `,`");
  }
}

void SyntaxErrorStrategy::reportNoViableAlternative(antlr4::Parser* parser,
                                                    const antlr4::NoViableAltException& e) {
  antlr4::Token* start = e.getStartToken();
  antlr4::Token* found = e.getOffendingToken();
  auto* context = parser->getContext();
  bool afterName = start != found && nextVisibleToken(parser, start) == found &&
                   (start->getType() == PgcLexer::IDENT || isKeyword(start->getType()));
  // `nodes 3`, `storage: 128GB`: a name in a block must be followed by `=` or `{`.
  if (afterName && (dynamic_cast<PgcParser::BlockContext*>(context) ||
                    dynamic_cast<PgcParser::BlockItemContext*>(context))) {
    Diagnostic& d = sink_.report(DiagCode::ExpectedToken, positions_.span(found),
                                 fmt::format("`=` or `{{` after `{}`", start->getText()),
                                 describeFoundToken(found));
    d.help(fmt::format("set a field with `{} = …`, or open a block with `{} {{ … }}`",
                       start->getText(), start->getText()));
    return;
  }
  // `id: bigint`: a column name must be followed by its type.
  if (afterName && (dynamic_cast<PgcParser::TableDeclContext*>(context) ||
                    dynamic_cast<PgcParser::TableItemContext*>(context))) {
    Diagnostic& d = sink_.report(DiagCode::ExpectedToken, positions_.span(found),
                                 fmt::format("a type after column `{}`", start->getText()),
                                 describeFoundToken(found));
    d.help(fmt::format("declare a column as `{} bigint not null`", start->getText()));
    return;
  }
  reportExpected(parser, found, parser->getExpectedTokens());
}

void SyntaxErrorStrategy::reportInputMismatch(antlr4::Parser* parser,
                                              const antlr4::InputMismatchException& e) {
  reportExpected(parser, e.getOffendingToken(), e.getExpectedTokens());
}

void SyntaxErrorStrategy::reportFailedPredicate(antlr4::Parser* parser,
                                                const antlr4::FailedPredicateException& e) {
  // The grammar has no semantic predicates; the precedence checks of expressions end here.
  reportExpected(parser, e.getOffendingToken(), parser->getExpectedTokens());
}

void SyntaxErrorStrategy::reportUnwantedToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  antlr4::Token* extra = parser->getCurrentToken();
  antlr4::misc::IntervalSet expected = getExpectedTokens(parser);
  if (extra->getType() == antlr4::Token::EOF) {
    reportExpected(parser, extra, expected);
    return;
  }
  auto open = innermostOpen(parser->getContext(), expected);
  std::string context = open ? " in " + constructName(open->context) : "";
  Diagnostic& d = sink_.report(DiagCode::UnexpectedToken, positions_.span(extra),
                               describeFoundToken(extra), context);
  size_t type = extra->getType();
  if (!open && isCloser(type) && !awaited(parser->getContext(), type)) {
    d.help("remove it: nothing is open for it to close");
  } else if (type == PgcLexer::COLON &&
             (dynamic_cast<PgcParser::ColumnDeclContext*>(parser->getContext()) ||
              atColumnType(parser->getContext()))) {
    d.help("remove it: a column's type follows its name, as in `id bigint`");
  } else if (type == PgcLexer::COMMA && open) {
    d.help("remove it: fields and columns are separated by line breaks, not commas");
  } else {
    d.help(fmt::format(
        "remove it; {} was expected here",
        describeExpected(parser->getVocabulary(), expected, nameNounFor(parser->getContext()))));
  }
}

void SyntaxErrorStrategy::reportMissingToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  reportExpected(parser, parser->getCurrentToken(), getExpectedTokens(parser));
}

}  // namespace pgc::syntax
