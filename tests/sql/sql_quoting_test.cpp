// quoteIdent(), quoteLiteral() and the index element names, each against the server's own
// answer: quote_ident(), quote_literal(), and the name CREATE INDEX gives an expression.
#include <gtest/gtest.h>

#include <algorithm>

#include "../../src/emit/sql/object_names.h"
#include "pgc/emit/sql_quoting.h"
#include "postgres_server.h"

namespace pgc::tests {
namespace {

const std::vector<std::string> kNames = {
    "orders",       "Orders", "ORDERS", "order",    "user",      "select",  "table",
    "from",         "key",    "name",   "text",     "json",      "between", "authorization",
    "_hidden",      "a1",     "1a",     "a$b",      "a b",       "a-b",     "o'brien",
    "say \"hi\"",   "\"",     "é",      "dañs",     "a.b",       "",        "all",
    "current_user", "index",  "values", "xmltable", "normalize", "cross",   "int",
    "integer",      "unique", "primary"};

TEST(SqlQuoting, QuoteIdentQuotesKeywordsMixedCaseAndQuotes) {
  EXPECT_EQ(emit::quoteIdent("orders"), "orders");
  EXPECT_EQ(emit::quoteIdent("Orders"), "\"Orders\"");
  EXPECT_EQ(emit::quoteIdent("order"), "\"order\"");
  EXPECT_EQ(emit::quoteIdent("key"), "key");  // unreserved
  EXPECT_EQ(emit::quoteIdent("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(emit::quoteIdent("a$b"), "\"a$b\"");
  EXPECT_EQ(emit::quoteIdent("json", 16), "json");
  EXPECT_EQ(emit::quoteIdent("json", 17), "\"json\"");
  EXPECT_EQ(emit::quoteQualified("Sales", "order"), "\"Sales\".\"order\"");
}

TEST(SqlQuoting, QuoteLiteralDoublesQuotesAndEscapesBackslashes) {
  EXPECT_EQ(emit::quoteLiteral("it's"), "'it''s'");
  EXPECT_EQ(emit::quoteLiteral("C:\\x"), "E'C:\\\\x'");
  EXPECT_EQ(emit::quoteLiteral(""), "''");
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

TEST(SqlQuoting, MatchesTheServersQuoteIdentAndQuoteLiteral) {
  PostgresServer& server = PostgresServer::shared();
  ASSERT_TRUE(server.running()) << server.failure();
  std::string values;
  for (const std::string& name : kNames) {
    values += (values.empty() ? "" : ", ") + std::string("(") + emit::quoteLiteral(name) + ")";
  }
  std::vector<std::string> idents =
      lines(server.query("postgres", "SELECT quote_ident(n) FROM (VALUES " + values +
                                         ") v(n) ORDER BY n COLLATE \"C\""));
  std::vector<std::string> sorted = kNames;
  std::sort(sorted.begin(), sorted.end());
  ASSERT_EQ(idents.size(), sorted.size());
  for (size_t i = 0; i < sorted.size(); ++i) {
    EXPECT_EQ(emit::quoteIdent(sorted[i], server.majorVersion()), idents[i]) << sorted[i];
  }
  // Every keyword the server knows: the non-unreserved ones are exactly those we quote.
  for (const std::string& row : lines(server.query(
           "postgres", "SELECT word || ' ' || (catcode <> 'U') FROM pg_get_keywords()"))) {
    std::string word = row.substr(0, row.find(' '));
    bool quoted = row.substr(row.find(' ') + 1) == "true";
    EXPECT_EQ(emit::isQuotedKeyword(word, server.majorVersion()), quoted) << word;
  }
  // The server's quote_literal() of the text our literal denotes is our literal again.
  for (const std::string& text : {std::string("it's"), std::string("back\\slash 'and' quote"),
                                  std::string("line\nbreak"), std::string("$$ dollars $$")}) {
    EXPECT_EQ(server.query("postgres", "SELECT quote_literal(" + emit::quoteLiteral(text) + ")"),
              emit::quoteLiteral(text) + "\n");
  }
}

TEST(SqlIndexNames, ExpressionElementsAreNamedAsPostgresNamesThem) {
  PostgresServer& server = PostgresServer::shared();
  ASSERT_TRUE(server.running()) << server.failure();
  server.createDatabase("index_names");
  server.query("index_names",
               "CREATE TABLE t (name text, \"Mixed\" text, price numeric, payload jsonb, d date)");
  const std::vector<std::string> elements = {"name gin_trgm_ops",
                                             "name text_pattern_ops",
                                             "lower(name)",
                                             "(lower(name))",
                                             "\"Mixed\"",
                                             "(price * 2)",
                                             "(payload ->> 'k')",
                                             "upper(name) DESC",
                                             "pg_catalog.lower(name)",
                                             "coalesce(name, '')",
                                             "(name::varchar)",
                                             "d DESC NULLS LAST",
                                             "(price)"};
  for (const std::string& element : elements) {
    std::string sql =
        element.find("gin_trgm_ops") != std::string::npos
            ? "CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE INDEX ON t USING gin (" + element +
                  ")"
            : "CREATE INDEX ON t (" + element + ")";
    server.query("index_names", sql);
    std::string chosen =
        server.query("index_names",
                     "SELECT relname FROM pg_class WHERE relkind = 'i' ORDER BY oid DESC LIMIT 1");
    EXPECT_EQ("t_" + emit::sql::indexElementName(element) + "_idx\n", chosen) << element;
    server.query("index_names",
                 "DROP INDEX " + emit::quoteIdent(chosen.substr(0, chosen.size() - 1)));
  }
  server.cleanUp();
}

}  // namespace
}  // namespace pgc::tests
