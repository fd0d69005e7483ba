// Lifecycle of the tests' PostgreSQL server. Shutdown is tied to the test program: a gtest
// environment stops it at the end, and a signal handler takes the postmaster down with the
// program when it is killed (a ctest timeout) or crashes.
#include "postgres_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <unistd.h>
#include <csignal>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace pgc::tests {
namespace {

namespace fs = std::filesystem;

volatile sig_atomic_t gPostmasterPid = 0;

void stopPostmasterOnSignal(int number) {
  if (gPostmasterPid > 0) kill(static_cast<pid_t>(gPostmasterPid), SIGQUIT);
  std::signal(number, SIG_DFL);
  std::raise(number);
}

// The newest /usr/lib/postgresql/N/bin with an initdb, or $PGC_PG_BINDIR.
std::string findBinDir(int& major) {
  if (const char* dir = std::getenv("PGC_PG_BINDIR")) {
    major = 0;
    return dir;
  }
  std::string best;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    std::string name = entry.path().filename().string();
    if (name.empty() || !std::all_of(name.begin(), name.end(), ::isdigit)) continue;
    if (!fs::exists(entry.path() / "bin" / "initdb")) continue;
    int version = std::stoi(name);
    if (version > major) {
      major = version;
      best = (entry.path() / "bin").string();
    }
  }
  return best;
}

int freePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  close(fd);
  return port;
}

bool gServerStarted = false;

// Stops the server at the end of a test program that used it; programs that ran no SQL test
// never start one.
class ServerEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    if (gServerStarted) PostgresServer::shared().stop();
  }
};
[[maybe_unused]] ::testing::Environment* const kEnvironment =
    ::testing::AddGlobalTestEnvironment(new ServerEnvironment);

}  // namespace

PostgresServer& PostgresServer::shared() {
  static PostgresServer server;
  gServerStarted = true;
  return server;
}

PostgresServer::PostgresServer() { start(); }

PostgresServer::~PostgresServer() { stop(); }

std::vector<std::string> PostgresServer::asServerUser(std::vector<std::string> argv) const {
  if (geteuid() != 0) return argv;
  argv.insert(argv.begin(), {"runuser", "-u", "postgres", "--"});
  return argv;
}

void PostgresServer::start() {
  binDir_ = findBinDir(majorVersion_);
  if (binDir_.empty()) {
    failure_ = "no PostgreSQL server under /usr/lib/postgresql: run scripts/install-deps";
    return;
  }
  char pattern[] = "/tmp/pgc-postgres-XXXXXX";
  if (!mkdtemp(pattern)) {
    failure_ = "cannot create a temporary folder";
    return;
  }
  dir_ = pattern;
  if (geteuid() == 0) {
    passwd* user = getpwnam("postgres");
    if (!user || chown(dir_.c_str(), user->pw_uid, user->pw_gid) != 0) {
      failure_ = "running as root, but there is no `postgres` user to run the server as";
      return;
    }
  }
  // A data folder made once per build and stand-in version, copied for each test program:
  // initdb and loading the stand-ins cost seconds, a copy a fraction of one.
  std::string data = dir_ + "/data";
  std::string standIns = std::string(PGC_SOURCE_DIR) + "/tests/sql/citus_stand_in.sql";
  std::ifstream standInFile(standIns);
  std::string standInText((std::istreambuf_iterator<char>(standInFile)), {});
  std::string cache = (fs::path(PGC_BINARY).parent_path() / "postgres-template-").string() +
                      std::to_string(std::hash<std::string>{}(standInText + binDir_));
  int lock = open((cache + ".lock").c_str(), O_CREAT | O_RDWR, 0644);
  if (lock >= 0) flock(lock, LOCK_EX);
  if (fs::exists(cache)) {
    if (runProcess({"cp", "-a", cache, data}).exitCode != 0) failure_ = "cannot copy " + cache;
  } else if (makeDataFolder(data, standIns)) {
    runProcess({"cp", "-a", data, cache + ".new"});
    std::error_code ec;
    fs::rename(cache + ".new", cache, ec);
  }
  if (lock >= 0) close(lock);
  if (failure_.empty()) launch(data);
}

bool PostgresServer::makeDataFolder(const std::string& data, const std::string& standIns) {
  ProcessResult init =
      runProcess(asServerUser({binDir_ + "/initdb", "-D", data, "--no-sync", "-A", "trust", "-U",
                               "postgres", "-E", "UTF8", "--locale=C"}));
  if (init.exitCode != 0) {
    failure_ = "initdb failed: " + init.err;
    return false;
  }
  if (!launch(data)) return false;
  for (const char* database : {"template1", "postgres"}) {
    ProcessResult setup = psql(database, {"-f", standIns});
    if (setup.exitCode != 0) {
      failure_ = "loading the Citus stand-ins failed: " + setup.err;
      stop();
      return false;
    }
  }
  query("postgres", "CREATE TABLE pgc_test.initial_roles AS SELECT rolname FROM pg_roles");
  // A clean shutdown, so that copies start without recovery.
  runProcess(asServerUser({binDir_ + "/pg_ctl", "-D", data, "-w", "-s", "-m", "fast", "stop"}));
  running_ = false;
  gPostmasterPid = 0;
  return true;
}

// A process that outlives the test program by a moment: when the program ends in any way,
// SIGKILL from a ctest timeout included, its pipe closes and the watchdog stops the server
// and removes its folder, unless stop() already did.
void PostgresServer::startWatchdog() {
  if (watchdog_ >= 0) return;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return;
  std::string command = "[ -d " + dir_ + " ] || exit 0; ";
  for (const std::string& part : asServerUser(
           {binDir_ + "/pg_ctl", "-D", dir_ + "/data", "-w", "-s", "-m", "immediate", "stop"})) {
    command += part + " ";
  }
  command += "; rm -rf " + dir_;
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[1]);
    int devnull = open("/dev/null", O_RDWR);
    dup2(devnull, 0);
    dup2(devnull, 1);
    dup2(devnull, 2);
    setsid();
    char byte;
    while (read(fds[0], &byte, 1) > 0) {
    }
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(0);
  }
  close(fds[0]);
  watchdog_ = pid > 0 ? fds[1] : -1;
  if (pid <= 0) close(fds[1]);
}

bool PostgresServer::launch(const std::string& data) {
  for (int attempt = 0; attempt < 3 && !running_; ++attempt) {
    port_ = freePort();
    std::string options = "-c listen_addresses=127.0.0.1 -p " + std::to_string(port_) +
                          " -c unix_socket_directories='' -c fsync=off -c full_page_writes=off"
                          " -c synchronous_commit=off -c max_connections=20";
    ProcessResult started =
        runProcess(asServerUser({binDir_ + "/pg_ctl", "-D", data, "-w", "-s", "-l",
                                 dir_ + "/server.log", "-o", options, "start"}));
    running_ = started.exitCode == 0;
    if (!running_) failure_ = "pg_ctl start failed: " + started.err;
  }
  if (!running_) return false;
  failure_.clear();
  std::ifstream pidFile(data + "/postmaster.pid");
  int pid = 0;
  pidFile >> pid;
  gPostmasterPid = pid;
  startWatchdog();
  for (int number : {SIGTERM, SIGINT, SIGHUP, SIGABRT, SIGSEGV}) {
    std::signal(number, stopPostmasterOnSignal);
  }
  return true;
}

void PostgresServer::stop() {
  if (running_) {
    runProcess(asServerUser(
        {binDir_ + "/pg_ctl", "-D", dir_ + "/data", "-w", "-s", "-m", "immediate", "stop"}));
    running_ = false;
    gPostmasterPid = 0;
  }
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
    dir_.clear();
  }
  if (watchdog_ >= 0) {
    close(watchdog_);
    watchdog_ = -1;
  }
}

ProcessResult PostgresServer::psql(const std::string& database,
                                   const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {
      binDir_ + "/psql",     "-X", "-q",       "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
      std::to_string(port_), "-U", "postgres", "-d", database};
  argv.insert(argv.end(), args.begin(), args.end());
  return runProcess(argv);
}

std::string PostgresServer::query(const std::string& database, const std::string& sql) const {
  ProcessResult result = psql(database, {"-A", "-t", "-c", sql});
  EXPECT_EQ(result.exitCode, 0) << sql << "\n" << result.err;
  return result.exitCode == 0 ? result.out : "";
}

std::vector<std::vector<std::string>> PostgresServer::rows(const std::string& database,
                                                           const std::string& sql) const {
  ProcessResult result = psql(database, {"-A", "-t", "-F", "\x1f", "-R", "\x1e", "-c", sql});
  EXPECT_EQ(result.exitCode, 0) << sql << "\n" << result.err;
  std::vector<std::vector<std::string>> out;
  if (result.exitCode != 0) return out;
  std::string text = result.out;
  if (!text.empty() && text.back() == '\n') text.pop_back();
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\x1e', start);
    if (end == std::string::npos) end = text.size();
    std::vector<std::string> fields;
    std::string row = text.substr(start, end - start);
    size_t from = 0;
    for (;;) {
      size_t sep = row.find('\x1f', from);
      fields.push_back(row.substr(from, sep == std::string::npos ? std::string::npos : sep - from));
      if (sep == std::string::npos) break;
      from = sep + 1;
    }
    out.push_back(fields);
    start = end + 1;
  }
  return out;
}

void PostgresServer::createDatabase(const std::string& name) {
  std::string quoted = "\"" + name + "\"";
  query("postgres", "CREATE DATABASE " + quoted + " TEMPLATE template1");
  databases_.push_back(name);
}

void PostgresServer::cleanUp() {
  if (!running_) return;
  for (const std::string& name : databases_) {
    query("postgres", "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
  }
  databases_.clear();
  query("postgres",
        "DO $$ DECLARE r text; BEGIN FOR r IN SELECT rolname FROM pg_roles WHERE rolname NOT IN "
        "(SELECT rolname FROM pgc_test.initial_roles) LOOP EXECUTE format('DROP OWNED BY %I', r); "
        "EXECUTE format('DROP ROLE %I', r); "
        "END LOOP; END $$");
  query("postgres", "TRUNCATE pgc_test.calls");
}

}  // namespace pgc::tests
