// Turns the parser's errors into diagnostics in pgc's own words: what was expected, what
// was found, and which block is still open. ANTLR's token names never reach users.
#pragma once

#include "PgcLexer.h"
#include "PgcParser.h"
#include "antlr4-runtime.h"
#include "pgc/diagnostics.h"
#include "token_positions.h"

namespace pgc::syntax {

class SyntaxErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  SyntaxErrorStrategy(const TokenPositions& positions, Diagnostics& sink)
      : positions_(positions), sink_(sink) {}

 protected:
  // A closing bracket or the end of the file is never skipped to resynchronise: the closer
  // belongs to an enclosing construct, and the missing one is inserted instead.
  void sync(antlr4::Parser* parser) override;
  antlr4::Token* singleTokenDeletion(antlr4::Parser* parser) override;

  void reportNoViableAlternative(antlr4::Parser* parser,
                                 const antlr4::NoViableAltException& e) override;
  void reportInputMismatch(antlr4::Parser* parser,
                           const antlr4::InputMismatchException& e) override;
  void reportFailedPredicate(antlr4::Parser* parser,
                             const antlr4::FailedPredicateException& e) override;
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;

 private:
  void reportExpected(antlr4::Parser* parser, antlr4::Token* found,
                      const antlr4::misc::IntervalSet& expected);
  const TokenPositions& positions_;
  Diagnostics& sink_;
};

// How users read a token: "`}`", "end of file", "a string".
std::string describeFoundToken(const antlr4::Token* token);

}  // namespace pgc::syntax
