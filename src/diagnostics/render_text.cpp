// The caret renderer for terminals and logs; colour only when asked for (a terminal).
#include <fmt/format.h>

#include <algorithm>

#include "pgc/render.h"

namespace pgc {
namespace {

constexpr int kTabWidth = 4;

struct Style {
  const RenderOptions& options;
  std::string paint(const char* code, const std::string& text) const {
    if (!options.color) return text;
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }
};

const char* severityColor(Severity severity) {
  switch (severity) {
    case Severity::Error: return "1;31";
    case Severity::Warning: return "1;33";
    case Severity::Note: return "1;36";
  }
  return "1";
}

// One displayed character of a source line: its bytes, what to print, and its width.
struct Glyph {
  size_t length;
  std::string shown;
  int width;
};

// Tabs become spaces; invalid UTF-8 and control characters are shown as U+FFFD, so that a
// snippet never writes raw bytes to the terminal.
Glyph glyphAt(std::string_view line, size_t i) {
  auto lead = static_cast<unsigned char>(line[i]);
  if (lead == '\t') return {1, std::string(kTabWidth, ' '), kTabWidth};
  size_t length = static_cast<size_t>(utf8::sequenceLength(lead));
  bool valid = i + length <= line.size() &&
               utf8::firstInvalidByte(line.substr(i, length)) == std::string_view::npos;
  if (!valid || lead < 0x20 || lead == 0x7F) return {valid ? length : 1, "\xEF\xBF\xBD", 1};
  return {length, std::string(line.substr(i, length)), utf8::displayWidth(utf8::decode(line, i))};
}

// A source line as shown: long lines are cut to a window around the span, marked with `…`.
struct ShownLine {
  std::string text;
  int indent = 0;  // columns before the span
  int width = 1;   // columns of the span
};

constexpr size_t kMaxShownGlyphs = 120;
constexpr size_t kContextGlyphs = 40;

ShownLine showLine(std::string_view line, size_t from, size_t to) {
  std::vector<Glyph> glyphs;
  size_t firstInSpan = 0, lastInSpan = 0;
  for (size_t i = 0; i < line.size();) {
    if (i < from) firstInSpan = glyphs.size() + 1;
    if (i < to) lastInSpan = glyphs.size() + 1;
    glyphs.push_back(glyphAt(line, i));
    i += glyphs.back().length;
  }
  size_t begin = 0, end = glyphs.size();
  if (glyphs.size() > kMaxShownGlyphs) {
    begin = firstInSpan > kContextGlyphs ? firstInSpan - kContextGlyphs : 0;
    end = std::min(glyphs.size(), begin + kMaxShownGlyphs);
  }
  ShownLine shown;
  if (begin > 0) {
    shown.text = "\xE2\x80\xA6";
    shown.indent = 1;
  }
  int spanWidth = 0;
  for (size_t g = begin; g < end; ++g) {
    shown.text += glyphs[g].shown;
    if (g < firstInSpan) shown.indent += glyphs[g].width;
    else if (g < lastInSpan) spanWidth += glyphs[g].width;
  }
  if (end < glyphs.size()) shown.text += "\xE2\x80\xA6";
  int room = static_cast<int>(kMaxShownGlyphs);
  shown.width = std::max(1, std::min(spanWidth, room));
  return shown;
}

std::string location(const Span& span) {
  return fmt::format("{}:{}:{}", span.file->path(), span.start.line, span.start.column);
}

}  // namespace

std::string renderSnippet(const Span& span, char marker, const RenderOptions& options) {
  Style style{options};
  const SourceFile& file = *span.file;
  uint32_t lineNumber = span.start.line;
  std::string_view line = file.line(lineNumber);
  std::string number = std::to_string(lineNumber);
  std::string pad(number.size() + 1, ' ');
  size_t lineBegin = file.lineStart(lineNumber);
  size_t from = std::min<size_t>(span.begin - lineBegin, line.size());
  size_t to = std::min<size_t>(std::max<size_t>(span.end, span.begin) - lineBegin, line.size());
  ShownLine shown = showLine(line, from, to);
  const char* markerColor = marker == '^' ? "1;31" : "1;34";
  std::string out;
  out += style.paint("1;34", pad + "|") + "\n";
  out += style.paint("1;34", number + " |") + " " + shown.text + "\n";
  out += style.paint("1;34", pad + "|") + " " + std::string(shown.indent, ' ') +
         style.paint(markerColor, std::string(shown.width, marker)) + "\n";
  return out;
}

std::string renderText(const Diagnostic& d, const RenderOptions& options) {
  Style style{options};
  std::string head = fmt::format("{}[{}]", severityName(d.severity), codeString(d.code));
  std::string out;
  if (d.span.valid()) out += style.paint("1", location(d.span) + ":") + " ";
  out += style.paint(severityColor(d.severity), head) + style.paint("1", ": " + d.message) + "\n";
  if (d.span.valid()) out += renderSnippet(d.span, '^', options);
  std::string gutter = d.span.valid() ? std::string(std::to_string(d.span.start.line).size() + 1, ' ')
                                      : std::string(3, ' ');
  for (const DiagNote& note : d.notes) {
    if (note.span && note.span->valid()) continue;
    out += gutter + style.paint("1;34", "=") + " " + style.paint("1", "note") + ": " +
           note.message + "\n";
  }
  if (d.fix) {
    out += gutter + style.paint("1;34", "=") + " " + style.paint("1", "help") + ": " +
           d.fix->message + "\n";
  }
  for (const DiagNote& note : d.notes) {
    if (!note.span || !note.span->valid()) continue;
    out += style.paint("1", location(*note.span) + ":") + " " +
           style.paint(severityColor(Severity::Note), "note") + ": " + note.message + "\n";
    out += renderSnippet(*note.span, '-', options);
  }
  return out;
}

std::string renderText(const Diagnostics& diagnostics, const RenderOptions& options) {
  std::string out;
  size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : diagnostics.all()) {
    out += renderText(d, options);
    if (d.severity == Severity::Error) ++errors;
    if (d.severity == Severity::Warning) ++warnings;
  }
  auto count = [](size_t n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  if (errors > 0 && warnings > 0) {
    out += fmt::format("{}, {}\n", count(errors, "error"), count(warnings, "warning"));
  } else if (errors > 0) {
    out += count(errors, "error") + "\n";
  } else if (warnings > 0) {
    out += count(warnings, "warning") + "\n";
  }
  return out;
}

}  // namespace pgc
