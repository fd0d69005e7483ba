// Small queries on AST nodes: spellings of operators and units, plain string text.
#include "pgc/ast.h"

namespace pgc::ast {

std::string QualifiedName::str() const {
  std::string out;
  for (const Ident& part : parts) {
    if (!out.empty()) out += '.';
    out += part.name;
  }
  return out;
}

bool StringLiteral::isPlain() const {
  for (const StringPart& part : parts) {
    if (part.interpolation) return false;
  }
  return true;
}

std::string StringLiteral::plainText() const {
  std::string out;
  for (const StringPart& part : parts) out += part.text;
  return out;
}

const char* spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Mod: return "%";
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::Eq: return "==";
    case BinaryOp::Ne: return "!=";
    case BinaryOp::And: return "&&";
    case BinaryOp::Or: return "||";
  }
  return "?";
}

const char* spelling(SizeUnit unit) {
  switch (unit) {
    case SizeUnit::MB: return "MB";
    case SizeUnit::GB: return "GB";
    case SizeUnit::TB: return "TB";
  }
  return "?";
}

const char* spelling(DurationUnit unit) {
  switch (unit) {
    case DurationUnit::Days: return "d";
    case DurationUnit::Hours: return "h";
    case DurationUnit::Minutes: return "m";
  }
  return "?";
}

}  // namespace pgc::ast
