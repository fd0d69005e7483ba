// Renders diagnostics as a modern compiler prints them: header, source line, carets, notes.
#pragma once

#include <string>

#include "pgc/diagnostics.h"

namespace pgc {

struct RenderOptions {
  bool color = false;
};

// One diagnostic, ending with a newline.
std::string renderText(const Diagnostic& diagnostic, const RenderOptions& options);
// All of them, then a summary line ("2 errors, 1 warning") when there is anything to say.
std::string renderText(const Diagnostics& diagnostics, const RenderOptions& options);

// The source line of a span with the span underlined: `marker` repeated under it.
// Tabs are shown as four spaces and wide characters take two columns.
std::string renderSnippet(const Span& span, char marker, const RenderOptions& options);

}  // namespace pgc
