// JSON text as pgc writes every file: two-space indent, UTF-8 as is, `\n`, a final newline.
#include "pgc/emit/arm.h"

namespace pgc::emit {

std::string renderJson(const nlohmann::ordered_json& json) {
  return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::strict) + "\n";
}

}  // namespace pgc::emit
