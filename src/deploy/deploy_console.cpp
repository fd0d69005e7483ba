// The deploy command's running commentary: a live status line on a terminal, timestamped
// lines elsewhere (CI logs keep every line, and a status only when it changes).
#include "pgc/deploy/deploy_console.h"

#include <ctime>

namespace pgc::deploy {

namespace {

std::string utcNow() {
  std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

}  // namespace

DeployConsole::DeployConsole(std::ostream& out, std::ostream& err, bool live)
    : out_(out), err_(err), live_(live) {}

void DeployConsole::problem(const std::string& text) {
  settle();
  err_ << text << (text.empty() || text.back() != '\n' ? "\n" : "") << std::flush;
}

DeployConsole::~DeployConsole() { settle(); }

void DeployConsole::settle() {
  if (live_ && statusShown_) out_ << "\r\033[K" << std::flush;
  statusShown_ = false;
}

void DeployConsole::say(const std::string& line) {
  settle();
  if (!live_) out_ << utcNow() << " ";
  out_ << line << "\n" << std::flush;
  if (live_ && !status_.empty()) {
    out_ << status_ << std::flush;
    statusShown_ = true;
  }
}

void DeployConsole::status(const std::string& line) {
  if (line == status_ && (statusShown_ || !live_)) return;
  status_ = line;
  if (!live_) {
    out_ << utcNow() << " " << line << "\n" << std::flush;
    return;
  }
  out_ << "\r\033[K" << line << std::flush;
  statusShown_ = true;
}

}  // namespace pgc::deploy
