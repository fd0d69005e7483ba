// AST builder: expressions, literals with their units, strings with escapes and `${…}`.
#include <limits>

#include "ast_builder.h"

namespace pgc::syntax {
namespace {

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Length of the number that starts a numeric token: digits, with single `_` between them as
// in the lexer's DIGITS. What follows it is a unit.
size_t numberLength(const std::string& text) {
  auto digit = [&](size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  size_t n = 0;
  while (digit(n) || (n > 0 && text[n] == '_' && digit(n + 1))) ++n;
  return n;
}

ast::BinaryOp binaryOp(size_t tokenType) {
  using L = generated::PgcLexer;
  switch (tokenType) {
    case L::STAR: return ast::BinaryOp::Mul;
    case L::SLASH: return ast::BinaryOp::Div;
    case L::PERCENT: return ast::BinaryOp::Mod;
    case L::PLUS: return ast::BinaryOp::Add;
    case L::MINUS: return ast::BinaryOp::Sub;
    case L::LT: return ast::BinaryOp::Lt;
    case L::LE: return ast::BinaryOp::Le;
    case L::GT: return ast::BinaryOp::Gt;
    case L::GE: return ast::BinaryOp::Ge;
    case L::EQEQ: return ast::BinaryOp::Eq;
    case L::NEQ: return ast::BinaryOp::Ne;
    case L::ANDAND: return ast::BinaryOp::And;
    default: return ast::BinaryOp::Or;
  }
}

}  // namespace

ast::ExprPtr AstBuilder::transformExpr(P::ExprContext& expr) {
  return std::make_unique<ast::Expr>(ast::Expr{transformExprNode(expr), span(expr)});
}

ast::ExprNode AstBuilder::transformExprNode(P::ExprContext& expr) {
  if (auto* e = dynamic_cast<P::PrimaryExprContext*>(&expr)) return transformPrimary(*e->primary());
  if (auto* e = dynamic_cast<P::MemberExprContext*>(&expr)) {
    return ast::MemberExpr{transformExpr(*e->expr()), transformIdent(*e->ident())};
  }
  if (auto* e = dynamic_cast<P::CallExprContext*>(&expr)) {
    return ast::CallExpr{transformExpr(*e->expr()), transformArguments(e->arguments())};
  }
  if (auto* e = dynamic_cast<P::UnaryExprContext*>(&expr)) {
    ast::UnaryOp op = e->op->getType() == generated::PgcLexer::BANG ? ast::UnaryOp::Not
                                                                    : ast::UnaryOp::Negate;
    return ast::UnaryExpr{op, transformExpr(*e->expr())};
  }
  if (auto* e = dynamic_cast<P::BinaryExprContext*>(&expr)) {
    return ast::BinaryExpr{binaryOp(e->op->getType()), transformExpr(*e->expr(0)),
                           transformExpr(*e->expr(1)), span(e->op)};
  }
  if (auto* e = dynamic_cast<P::InExprContext*>(&expr)) {
    return ast::InExpr{e->NOT() != nullptr, transformExpr(*e->expr(0)), transformExpr(*e->expr(1))};
  }
  auto& e = dynamic_cast<P::ConditionalExprContext&>(expr);
  return ast::ConditionalExpr{transformExpr(*e.expr(0)), transformExpr(*e.expr(1)),
                              transformExpr(*e.expr(2))};
}

ast::ExprNode AstBuilder::transformPrimary(P::PrimaryContext& primary) {
  if (auto* p = dynamic_cast<P::IntLiteralContext*>(&primary)) {
    return ast::IntLiteral{integerValue(p->INT()->getSymbol())};
  }
  if (auto* p = dynamic_cast<P::UnitLiteralContext*>(&primary)) {
    return transformUnitLiteral(p->UNIT_NUMBER()->getSymbol());
  }
  if (auto* p = dynamic_cast<P::BoolLiteralContext*>(&primary)) {
    return ast::BoolLiteral{p->TRUE() != nullptr};
  }
  if (auto* p = dynamic_cast<P::StringLiteralContext*>(&primary)) return transformString(*p->string());
  if (auto* p = dynamic_cast<P::NameRefContext*>(&primary)) {
    return ast::NameRef{transformIdent(*p->ident())};
  }
  if (auto* p = dynamic_cast<P::ListLiteralContext*>(&primary)) {
    ast::ListExpr list;
    for (auto* element : p->expr()) list.elements.push_back(transformExpr(*element));
    return list;
  }
  if (auto* p = dynamic_cast<P::ObjectLiteralContext*>(&primary)) {
    ast::ObjectExpr object;
    for (auto* entry : p->objectEntry()) {
      ast::ObjectEntry out;
      out.span = span(*entry);
      if (entry->ident()) {
        out.key = transformIdent(*entry->ident());
      } else {
        out.key = ast::Ident{transformString(*entry->string()).plainText(), span(*entry->string())};
        out.quotedKey = true;
      }
      out.value = transformExpr(*entry->expr());
      object.entries.push_back(std::move(out));
    }
    return object;
  }
  auto& paren = dynamic_cast<P::ParenExprContext&>(primary);
  return transformExprNode(*paren.expr());
}

int64_t AstBuilder::integerValue(antlr4::Token* token) {
  const std::string text = token->getText();
  std::string digits;
  for (char c : text.substr(0, numberLength(text))) {
    if (c != '_') digits += c;
  }
  int64_t value = 0;
  for (char c : digits) {
    int digit = c - '0';
    if (value > (std::numeric_limits<int64_t>::max() - digit) / 10) {
      sink_.report(DiagCode::IntegerTooLarge, span(token), digits);
      return 0;
    }
    value = value * 10 + digit;
  }
  return value;
}

ast::ExprNode AstBuilder::transformUnitLiteral(antlr4::Token* token) {
  std::string text = token->getText();
  size_t split = numberLength(text);
  std::string unit = text.substr(split);
  int64_t amount = integerValue(token);
  if (unit == "MB") return ast::SizeLiteral{amount, ast::SizeUnit::MB};
  if (unit == "GB") return ast::SizeLiteral{amount, ast::SizeUnit::GB};
  if (unit == "TB") return ast::SizeLiteral{amount, ast::SizeUnit::TB};
  if (unit == "d") return ast::DurationLiteral{amount, ast::DurationUnit::Days};
  if (unit == "h") return ast::DurationLiteral{amount, ast::DurationUnit::Hours};
  if (unit == "m") return ast::DurationLiteral{amount, ast::DurationUnit::Minutes};
  Diagnostic& d = sink_.report(DiagCode::UnknownUnit, span(token), unit, text);
  std::string upper;
  for (char c : unit) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper == "MB" || upper == "GB" || upper == "TB") {
    d.help(fmt::format("units are case-sensitive: write `{}{}`", text.substr(0, split), upper));
  } else {
    d.help("sizes take `MB`, `GB` or `TB` (`128GB`); durations take `d`, `h` or `m` (`7d`)");
  }
  return ast::IntLiteral{amount};
}

ast::StringLiteral AstBuilder::transformString(P::StringContext& string) {
  ast::StringLiteral out;
  auto textPart = [&](antlr4::Token* token) -> ast::StringPart& {
    if (out.parts.empty() || out.parts.back().interpolation) {
      out.parts.push_back(ast::StringPart{"", nullptr, span(token)});
    }
    ast::StringPart& part = out.parts.back();
    part.span = positions_.file().span(part.span.begin, positions_.end(token));
    return part;
  };
  for (P::StringPartContext* part : string.stringPart()) {
    if (auto* text = dynamic_cast<P::TextPartContext*>(part)) {
      textPart(text->STRING_TEXT()->getSymbol()).text += text->getText();
    } else if (auto* escape = dynamic_cast<P::EscapePartContext*>(part)) {
      antlr4::Token* token = escape->STRING_ESCAPE()->getSymbol();
      std::string e = token->getText();
      ast::StringPart& into = textPart(token);
      switch (e[1]) {
        case 'n': into.text += '\n'; break;
        case 't': into.text += '\t'; break;
        case 'u': {
          unsigned long cp = std::stoul(e.substr(3, e.size() - 4).substr(0, 8), nullptr, 16);
          if (e.size() - 4 > 8 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            sink_.report(DiagCode::InvalidUnicodeEscape, span(token), e)
                .help("use a code point from U+0000 to U+10FFFF, other than a surrogate");
          } else {
            appendUtf8(into.text, static_cast<char32_t>(cp));
          }
          break;
        }
        default: into.text += e[1]; break;  // \" \\ \$
      }
    } else if (auto* bad = dynamic_cast<P::BadEscapePartContext*>(part)) {
      sink_.report(DiagCode::UnknownEscape, span(bad->BAD_ESCAPE()->getSymbol()), bad->getText())
          .help("the escapes are `\\\"`, `\\\\`, `\\n`, `\\t`, `\\$` and `\\u{HEX}`");
    } else {
      auto& interpolation = dynamic_cast<P::InterpolationPartContext&>(*part);
      out.parts.push_back(
          ast::StringPart{"", transformExpr(*interpolation.expr()), span(interpolation)});
    }
  }
  return out;
}

std::vector<ast::Argument> AstBuilder::transformArguments(P::ArgumentsContext* arguments) {
  std::vector<ast::Argument> out;
  if (!arguments) return out;
  for (P::ArgumentContext* argument : arguments->argument()) {
    ast::Argument a;
    a.span = span(*argument);
    if (argument->ident()) a.name = transformIdent(*argument->ident());
    a.value = transformExpr(*argument->expr());
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace pgc::syntax
