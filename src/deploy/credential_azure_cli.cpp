// The Azure CLI's signed-in account, as a developer's machine has it: runs
// `az account get-access-token` directly (no shell), bounded in time. Its stdout holds the
// token, so only stderr ever reaches a message.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>

#include "oauth_token.h"

extern char** environ;

namespace pgc::deploy {
namespace {

constexpr const char* kSource = "Azure CLI";
// Enough for a slow first start of the CLI's Python, short enough not to hang a deploy.
constexpr auto kCliTimeout = std::chrono::seconds(30);
constexpr size_t kMaxOutput = 1 << 20;

struct CliRun {
  int spawnError = 0;  // errno from posix_spawnp; 0 when it started
  bool timedOut = false;
  int exitCode = -1;  // -1 when it did not exit normally
  std::string out;
  std::string err;
};

// Runs `argv` with stdin from /dev/null, collecting stdout and stderr until it exits.
CliRun runCli(const std::vector<std::string>& argv) {
  CliRun run;
  int outPipe[2], errPipe[2];
  if (pipe2(outPipe, O_CLOEXEC) != 0) {
    run.spawnError = errno;
    return run;
  }
  if (pipe2(errPipe, O_CLOEXEC) != 0) {
    run.spawnError = errno;
    close(outPipe[0]);
    close(outPipe[1]);
    return run;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2);
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  run.spawnError = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(outPipe[1]);
  close(errPipe[1]);
  if (run.spawnError != 0) {
    close(outPipe[0]);
    close(errPipe[0]);
    return run;
  }

  const auto deadline = std::chrono::steady_clock::now() + kCliTimeout;
  pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&run.out, &run.err};
  int open = 2;
  while (open > 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      run.timedOut = true;
      kill(pid, SIGKILL);
      break;
    }
    if (poll(fds, 2, static_cast<int>(left.count())) < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      char buffer[4096];
      const ssize_t got = read(fds[i].fd, buffer, sizeof buffer);
      if (got > 0) {
        if (sinks[i]->size() < kMaxOutput) sinks[i]->append(buffer, static_cast<size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;  // poll ignores negative descriptors
        --open;
      }
    }
  }
  for (const auto& fd : fds) {
    if (fd.fd >= 0) close(fd.fd);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) run.exitCode = WEXITSTATUS(status);
  return run;
}

std::string firstNonEmptyLine(const std::string& text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) return line;
    start = end + 1;
  }
  return "";
}

// `expires_on` (POSIX seconds, CLI 2.54.0 and later), else `expiresOn` in local time.
std::optional<std::chrono::system_clock::time_point> expiry(const nlohmann::json& output) {
  if (output.contains("expires_on") && output["expires_on"].is_number_integer()) {
    return std::chrono::system_clock::from_time_t(output["expires_on"].get<time_t>());
  }
  if (!output.contains("expiresOn") || !output["expiresOn"].is_string()) return std::nullopt;
  std::tm local{};
  const auto text = output["expiresOn"].get<std::string>();
  if (strptime(text.c_str(), "%Y-%m-%d %H:%M:%S", &local) == nullptr) return std::nullopt;
  local.tm_isdst = -1;  // let mktime decide, as the CLI printed the wall clock
  const time_t when = mktime(&local);
  if (when == -1) return std::nullopt;
  return std::chrono::system_clock::from_time_t(when);
}

bool onPath(const std::string& command) {
  if (command.find('/') != std::string::npos) return access(command.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    if (dir.empty()) dir = ".";
    if (access((dir + "/" + command).c_str(), X_OK) == 0) return true;
    start = end + 1;
  }
  return false;
}

class AzureCliCredential : public TokenCredential {
 public:
  explicit AzureCliCredential(const CredentialSettings& settings) : command_(settings.azCommand) {}

  TokenResult token(const std::string& scope) override {
    TokenResult result;
    const CliRun run = runCli({command_, "account", "get-access-token", "--resource",
                               resourceOfScope(scope), "--output", "json"});
    if (run.spawnError == ENOENT) {
      result.unavailable = true;
      result.error = "`" + command_ + "` is not installed or not on PATH";
      return result;
    }
    if (run.spawnError != 0) {
      result.error = std::string(kSource) + ": cannot run `" + command_ +
                     "`: " + std::strerror(run.spawnError);
      return result;
    }
    if (run.timedOut) {
      result.error = std::string(kSource) + ": `" + command_ +
                     " account get-access-token` did not finish within " +
                     std::to_string(kCliTimeout.count()) + " seconds";
      return result;
    }
    if (run.exitCode != 0) {
      if (run.err.find("az login") != std::string::npos) {
        result.unavailable = true;
        result.error = "not signed in (run `az login`)";
        return result;
      }
      const std::string line = firstNonEmptyLine(run.err);
      result.error =
          std::string(kSource) + ": " +
          (line.empty()
               ? "`" + command_ + " account get-access-token` failed" +
                     (run.exitCode < 0 ? "" : " with exit status " + std::to_string(run.exitCode))
               : line);
      return result;
    }
    const auto output = nlohmann::json::parse(run.out, nullptr, false);
    if (!output.is_object() || !output.contains("accessToken") ||
        !output["accessToken"].is_string()) {
      result.error = std::string(kSource) + ": its output has no accessToken";
      return result;
    }
    const auto expiresOn = expiry(output);
    if (!expiresOn) {
      result.error = std::string(kSource) + ": its output says neither expires_on nor expiresOn";
      return result;
    }
    if (output.contains("subscription") && output["subscription"].is_string()) {
      subscription_ = output["subscription"].get<std::string>();
    }
    result.token = AccessToken{output["accessToken"].get<std::string>(), *expiresOn};
    return result;
  }

  std::string name() const override { return kSource; }
  bool configured() const override { return onPath(command_); }
  std::optional<HttpRequest> describeRequest(const std::string&) const override {
    return std::nullopt;
  }
  std::optional<std::string> defaultSubscription() override { return subscription_; }

 private:
  std::string command_;
  std::optional<std::string> subscription_;
};

}  // namespace

std::unique_ptr<TokenCredential> makeAzureCliCredential(const CredentialSettings& settings) {
  return std::make_unique<AzureCliCredential>(settings);
}

}  // namespace pgc::deploy
