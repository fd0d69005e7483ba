// What pgc deploy tells its user while it works: lines that stay, and a status that changes
// — a live line rewritten in place on a terminal, plain timestamped lines in CI and logs.
#pragma once

#include <ostream>
#include <string>

namespace pgc::deploy {

class DeployConsole {
 public:
  // `live`: rewrite the status line in place (a terminal). Otherwise every line is stamped
  // with the UTC time and a status is printed only when it changes. Problems go to `err`.
  DeployConsole(std::ostream& out, std::ostream& err, bool live);
  ~DeployConsole();
  void say(const std::string& line);
  void status(const std::string& line);
  // A problem, on the error stream, unstamped: `text` may span lines.
  void problem(const std::string& text);
  // Ends a live status line so that what follows starts on a line of its own.
  void settle();

 private:
  std::ostream& out_;
  std::ostream& err_;
  bool live_;
  std::string status_;
  bool statusShown_ = false;
};

}  // namespace pgc::deploy
