// The parse driver: lex, report lexical errors, parse with SLL and fall back to LL with
// recovery, guard the nesting depth, then build the AST from a clean parse tree.
#include <algorithm>

#include "PgcLexer.h"
#include "PgcParser.h"
#include "antlr4-runtime.h"
#include "ast_builder.h"
#include "lexical_scan.h"
#include "pgc/parse.h"
#include "syntax_errors.h"
#include "token_positions.h"

namespace pgc::syntax {
namespace {

using generated::PgcLexer;
using generated::PgcParser;

// The lexer pops a mode at every `}`; a stray `}` at the top level must not empty the stack.
class PgcSafeLexer : public PgcLexer {
 public:
  using PgcLexer::PgcLexer;
  size_t popMode() override { return modeStack.empty() ? mode : PgcLexer::popMode(); }
};

// Reports characters no lexer rule matched (ERROR_CHAR makes this a backstop).
class LexerErrorListener : public antlr4::BaseErrorListener {
 public:
  LexerErrorListener(const SourceFile& file, Diagnostics& sink) : file_(file), sink_(sink) {}
  void syntaxError(antlr4::Recognizer*, antlr4::Token*, size_t line, size_t column,
                   const std::string&, std::exception_ptr) override {
    antlr4::CommonToken probe(antlr4::Token::INVALID_TYPE);
    probe.setLine(line);
    probe.setCharPositionInLine(column);
    TokenPositions positions(file_);
    uint32_t at = positions.begin(&probe);
    sink_.report(DiagCode::UnexpectedCharacter, file_.span(at, at + 1),
                 file_.text().substr(at, utf8::sequenceLength(file_.text()[at])));
  }

 private:
  const SourceFile& file_;
  Diagnostics& sink_;
};

struct NestingTooDeep {
  antlr4::Token* at;
};

// Bounds the depth of the parse tree, and so the recursion of the parser and of every
// stage that walks the tree, whatever the input.
class NestingGuard : public antlr4::tree::ParseTreeListener {
 public:
  explicit NestingGuard(antlr4::Parser& parser) : parser_(parser) {}
  void enterEveryRule(antlr4::ParserRuleContext*) override {
    if (++depth_ > kMaxNesting) throw NestingTooDeep{parser_.getCurrentToken()};
  }
  void exitEveryRule(antlr4::ParserRuleContext*) override { --depth_; }
  void visitTerminal(antlr4::tree::TerminalNode*) override {}
  void visitErrorNode(antlr4::tree::ErrorNode*) override {}

 private:
  antlr4::Parser& parser_;
  size_t depth_ = 0;
};

// The first node deeper than kMaxNesting, found without recursion. The parser builds chains
// such as `1 + 1 + … + 1` iteratively, but every later walk of the tree recurses.
antlr4::tree::ParseTree* firstTooDeep(antlr4::tree::ParseTree* root) {
  std::vector<std::pair<antlr4::tree::ParseTree*, size_t>> stack{{root, 1}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (depth > kMaxNesting) return node;
    for (auto it = node->children.rbegin(); it != node->children.rend(); ++it) {
      stack.emplace_back(*it, depth + 1);
    }
  }
  return nullptr;
}

// Keeps the first kMaxSyntaxErrors syntax errors of a file and summarises the rest.
void capSyntaxErrors(Diagnostics& syntaxErrors, const SourceFile& file, Diagnostics& out) {
  syntaxErrors.sortByLocation();
  const auto& all = syntaxErrors.all();
  for (size_t i = 0; i < all.size() && i < kMaxSyntaxErrors; ++i) out.add(all[i]);
  if (all.size() > kMaxSyntaxErrors) {
    out.report(DiagCode::TooManySyntaxErrors, Span{}, all.size() - kMaxSyntaxErrors, file.path())
        .help("fix the errors above first; later ones often follow from them");
  }
}

}  // namespace

ParseResult parse(const SourceFilePtr& file) {
  ParseResult result;
  result.module = std::make_unique<ast::Module>();
  result.module->file = file;

  TokenPositions positions(*file);
  antlr4::ANTLRInputStream input(file->text());
  input.name = file->path();
  PgcSafeLexer lexer(&input);
  Diagnostics syntaxErrors;
  LexerErrorListener lexerErrors(*file, syntaxErrors);
  lexer.removeErrorListeners();
  lexer.addErrorListener(&lexerErrors);
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  LexicalScan scan = scanLexicalErrors(tokens.getTokens(), positions, syntaxErrors);

  PgcParser parser(&tokens);
  parser.removeErrorListeners();
  NestingGuard guard(parser);
  parser.addParseListener(&guard);
  PgcParser::ProgramContext* tree = nullptr;
  try {
    // SLL is fast and right for nearly every input; only a failure needs full LL.
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::SLL);
    try {
      tree = parser.program();
    } catch (const antlr4::ParseCancellationException&) {
      tokens.seek(0);
      parser.reset();
      Diagnostics parseErrors;
      parser.setErrorHandler(std::make_shared<SyntaxErrorStrategy>(positions, parseErrors));
      parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
          antlr4::atn::PredictionMode::LL);
      tree = parser.program();
      for (const Diagnostic& d : parseErrors.all()) {
        if (!scan.shadows(d.span, file->text().size())) syntaxErrors.add(d);
      }
    }
  } catch (const NestingTooDeep& deep) {
    syntaxErrors.report(DiagCode::NestingTooDeep, positions.span(deep.at), kMaxNesting)
        .help("split the expression or block into `let` constants");
    tree = nullptr;
  }

  if (tree && syntaxErrors.empty()) {
    if (antlr4::tree::ParseTree* deep = firstTooDeep(tree)) {
      auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(deep);
      antlr4::Token* at = terminal ? terminal->getSymbol()
                                   : static_cast<antlr4::ParserRuleContext*>(deep)->getStart();
      syntaxErrors.report(DiagCode::NestingTooDeep, positions.span(at), kMaxNesting)
          .help("split the expression or block into `let` constants");
    }
  }
  if (!syntaxErrors.empty()) {
    capSyntaxErrors(syntaxErrors, *file, result.diagnostics);
    return result;
  }
  AstBuilder builder(positions, result.diagnostics);
  builder.buildProgram(*tree, *result.module);
  if (result.module->items.empty() && !result.diagnostics.hasErrors()) {
    result.diagnostics.report(DiagCode::EmptyFile, file->span(0, 0), file->path())
        .help("a program declares at least a `project` and a `cluster`; see examples/");
  }
  return result;
}

}  // namespace pgc::syntax
