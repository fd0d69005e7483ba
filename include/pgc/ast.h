// pgc's abstract syntax tree: owned nodes with a source span each, read-only once built.
// Nothing here refers to ANTLR; the syntax stage is the only place that sees parse trees.
#pragma once

#include "pgc/ast/expr.h"
#include "pgc/ast/items.h"
#include "pgc/ast/tables.h"
