// fork/exec of the pgc binary with stdout and stderr sent to files, so that neither pipe can
// fill up and block the child, however much it prints.
#include "pgc_process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace pgc::tests {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Port 9 (discard) on loopback: nothing listens there, so a stray IMDS request fails fast.
constexpr const char* kClosedImdsHost = "http://127.0.0.1:9";

bool isCloudSetting(const std::string& name) {
  static const std::array<const char*, 6> prefixes = {"AZURE_",    "PGC_", "ACTIONS_ID_TOKEN",
                                                      "IDENTITY_", "MSI_", "IMDS_"};
  for (const char* prefix : prefixes) {
    if (name.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

fs::path makeCaptureDir() {
  std::string pattern = (fs::temp_directory_path() / "pgc-run-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

// Starts `program` with stdout, stderr and stdin as files in `captureDir`; everything the
// child needs is built before fork, since only exec-safe calls may follow it.
pid_t spawn(const std::string& program, const PgcRun& run, const fs::path& captureDir) {
  const fs::path outPath = captureDir / "stdout";
  const fs::path errPath = captureDir / "stderr";
  const fs::path inPath = captureDir / "stdin";
  std::ofstream(inPath, std::ios::binary) << run.stdinText;
  std::vector<std::string> argv{program};
  argv.insert(argv.end(), run.args.begin(), run.args.end());
  std::vector<char*> argPointers;
  for (std::string& arg : argv) argPointers.push_back(arg.data());
  argPointers.push_back(nullptr);
  std::vector<std::string> envp = childEnvironment(run.env);
  std::vector<char*> envPointers;
  for (std::string& entry : envp) envPointers.push_back(entry.data());
  envPointers.push_back(nullptr);

  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int in = ::open(inPath.c_str(), O_RDONLY);
    if (out < 0 || err < 0 || in < 0 || ::chdir(run.cwd.c_str()) != 0) ::_exit(127);
    ::dup2(in, STDIN_FILENO);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::execve(argPointers[0], argPointers.data(), envPointers.data());
    ::_exit(127);
  }
  return pid;
}

ProcessResult reap(pid_t pid, const fs::path& captureDir) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  ProcessResult result;
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(captureDir / "stdout");
  result.err = slurp(captureDir / "stderr");
  return result;
}

}  // namespace

std::vector<std::string> childEnvironment(const std::map<std::string, std::string>& env) {
  std::map<std::string, std::string> merged;
  for (char** entry = ::environ; *entry != nullptr; ++entry) {
    std::string text = *entry;
    size_t equals = text.find('=');
    if (equals == std::string::npos) continue;
    std::string name = text.substr(0, equals);
    if (!isCloudSetting(name)) merged[name] = text.substr(equals + 1);
  }
  for (const auto& [name, value] : env) merged[name] = value;
  merged.emplace("AZURE_POD_IDENTITY_AUTHORITY_HOST", kClosedImdsHost);
  std::vector<std::string> lines;
  for (const auto& [name, value] : merged) lines.push_back(name + "=" + value);
  return lines;
}

ProcessResult runProgram(const std::string& program, const PgcRun& run) {
  TempDir capture;
  return reap(spawn(program, run, capture.path()), capture.path());
}

ProcessResult runPgc(const PgcRun& run) { return runProgram(PGC_BINARY, run); }

PgcProcess::PgcProcess(const PgcRun& run, const std::string& program)
    : captureDir_(makeCaptureDir()) {
  pid_ = spawn(program, run, captureDir_);
}

PgcProcess::~PgcProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  std::error_code ignored;
  fs::remove_all(captureDir_, ignored);
}

void PgcProcess::interrupt() {
  if (pid_ > 0) ::kill(pid_, SIGINT);
}

ProcessResult PgcProcess::wait() {
  if (pid_ <= 0) throw std::logic_error("PgcProcess::wait called twice");
  ProcessResult result = reap(pid_, captureDir_);
  pid_ = -1;
  return result;
}

std::string PgcProcess::errSoFar() const { return slurp(captureDir_ / "stderr"); }

ProcessResult runPgc(const std::vector<std::string>& args, const fs::path& workingDirectory) {
  TempDir capture;
  const fs::path outPath = capture.path() / "stdout";
  const fs::path errPath = capture.path() / "stderr";
  std::vector<std::string> argv{PGC_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> pointers;
  for (std::string& arg : argv) pointers.push_back(arg.data());
  pointers.push_back(nullptr);

  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int out = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int in = ::open("/dev/null", O_RDONLY);
    if (out < 0 || err < 0 || in < 0 || ::chdir(workingDirectory.c_str()) != 0) ::_exit(127);
    ::dup2(in, STDIN_FILENO);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::execv(pointers[0], pointers.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  ProcessResult result;
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(outPath);
  result.err = slurp(errPath);
  return result;
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "pgc-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

fs::path TempDir::write(const std::string& name, const std::string& content) const {
  fs::path file = path_ / name;
  std::ofstream(file, std::ios::binary) << content;
  return file;
}

}  // namespace pgc::tests
