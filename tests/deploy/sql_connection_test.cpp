// Where the SQL bootstrap connects: descriptions without the password, and connection
// failures on a loopback port nothing listens on, which name the target but no secret.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "pgc/deploy/sql_apply.h"

namespace pgc::tests {
namespace {

using deploy::applySqlScript;
using deploy::SqlApplyResult;
using deploy::SqlConnection;

const char* kPassword = "conn-secret-7f3a";

// A loopback port nothing listens on: bound for a moment, then closed.
int closedPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

TEST(SqlConnectionTest, AFailedConnectionSaysWhereWithoutThePassword) {
  SqlConnection parts;
  parts.host = "127.0.0.1";
  parts.port = closedPort();
  parts.database = "app";
  parts.user = "postgres";
  parts.password = kPassword;
  parts.sslMode = "disable";
  SqlApplyResult result = applySqlScript(parts, "boot.sql", "SELECT 1;", {});
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.line, 0);
  EXPECT_NE(result.error.find("cannot connect to " + parts.describe() + ": "), std::string::npos)
      << result.error;
  EXPECT_NE(result.error.find("127.0.0.1"), std::string::npos) << result.error;
  EXPECT_EQ(result.error.find(kPassword), std::string::npos) << result.error;

  SqlConnection uri;
  uri.uri = "postgres://admin:uri%2Dsecret@127.0.0.1:" + std::to_string(parts.port) +
            "/app?password=other-secret&sslmode=disable";
  result = applySqlScript(uri, "boot.sql", "SELECT 1;", {});
  EXPECT_FALSE(result.ok);
  for (const char* secret : {"uri%2Dsecret", "uri-secret", "other-secret"}) {
    EXPECT_EQ(result.error.find(secret), std::string::npos) << result.error;
  }
}

TEST(SqlConnectionTest, DescriptionsLeaveThePasswordOut) {
  SqlConnection c;
  c.host = "db.example";
  c.database = "Shop Data";
  c.user = "admin";
  c.password = "secret";
  EXPECT_EQ(c.describe(), "host=db.example port=5432 dbname='Shop Data' user=admin");
  c.uri = "postgresql://admin:secret@db.example:5432/shop?password=x&sslmode=require";
  EXPECT_EQ(c.describe(), "postgresql://admin@db.example:5432/shop?sslmode=require");
  c.uri = "host=db.example password='it\\'s secret' dbname=shop";
  EXPECT_EQ(c.describe(), "host=db.example dbname=shop");
}

}  // namespace
}  // namespace pgc::tests
