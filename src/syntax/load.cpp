// Reading source files: refuses what is not a pgc source before any parsing is attempted.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "pgc/parse.h"

namespace pgc::syntax {
namespace {

std::string humanSize(size_t bytes) {
  if (bytes >= 1024 * 1024) return fmt::format("{:.1f} MiB", bytes / (1024.0 * 1024.0));
  if (bytes >= 1024) return fmt::format("{:.1f} KiB", bytes / 1024.0);
  return fmt::format("{} bytes", bytes);
}

}  // namespace

LoadResult loadSource(const std::string& path, const std::string& displayPath) {
  LoadResult result;
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    result.ioError = true;
    result.diagnostics.report(DiagCode::CannotReadFile, Span{}, displayPath, std::strerror(errno));
    return result;
  }
  if (S_ISDIR(info.st_mode)) {
    result.ioError = true;
    result.diagnostics.report(DiagCode::NotAFile, Span{}, displayPath)
        .help("name the .pgc file inside it, such as `" + displayPath + "/main.pgc`");
    return result;
  }
  if (static_cast<size_t>(info.st_size) > kMaxSourceBytes) {
    result.diagnostics
        .report(DiagCode::FileTooLarge, Span{}, displayPath, humanSize(info.st_size),
                humanSize(kMaxSourceBytes))
        .help("split the program into modules and `import` them");
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.ioError = true;
    result.diagnostics.report(DiagCode::CannotReadFile, Span{}, displayPath, std::strerror(errno));
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return checkSource(displayPath, text.str());
}

LoadResult checkSource(std::string displayPath, std::string text) {
  LoadResult result;
  if (text.size() > kMaxSourceBytes) {
    result.diagnostics
        .report(DiagCode::FileTooLarge, Span{}, displayPath, humanSize(text.size()),
                humanSize(kMaxSourceBytes))
        .help("split the program into modules and `import` them");
    return result;
  }
  auto file = std::make_shared<SourceFile>(displayPath, std::move(text));
  const std::string& content = file->text();
  // The spans below point into `file`; a refused file is not returned, so they keep it alive.
  result.diagnostics.retainFile(file);
  size_t nul = content.find('\0');
  if (nul != std::string::npos) {
    uint32_t at = static_cast<uint32_t>(nul);
    result.diagnostics.report(DiagCode::BinaryFile, file->span(at, at + 1), displayPath)
        .note("it contains a NUL byte here; pgc source is UTF-8 text");
    return result;
  }
  size_t bad = utf8::firstInvalidByte(content);
  if (bad != std::string::npos) {
    uint32_t at = static_cast<uint32_t>(bad);
    result.diagnostics
        .report(DiagCode::InvalidUtf8, file->span(at, at + 1),
                static_cast<unsigned>(static_cast<unsigned char>(content[bad])))
        .help("save the file as UTF-8");
    return result;
  }
  result.file = std::move(file);
  return result;
}

}  // namespace pgc::syntax
