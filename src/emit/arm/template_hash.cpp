// The `templateHash` of pgc's `_generator` metadata: it changes when the template's content
// does and only then, so that upgrading pgc alone does not churn committed templates.
#include <cstdint>

#include "arm_parts.h"
#include "pgc/emit/arm.h"

namespace pgc::emit::arm {

std::string templateHash(const Json& templateWithoutGenerator) {
  // FNV-1a, 64 bits: a fingerprint for reviewers and deployment names, not a defence.
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char byte : renderJson(templateWithoutGenerator)) {
    hash ^= byte;
    hash *= 1099511628211ull;
  }
  return std::to_string(hash);
}

}  // namespace pgc::emit::arm
