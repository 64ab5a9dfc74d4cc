#pragma once
// UTF-8 validation, for the readers and the content check: text must be
// well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF).
#include <cstddef>
#include <string_view>

namespace kg {

// Most text is ASCII: one pass the compiler vectorises, inlined at the call.
inline bool is_ascii(std::string_view text) {
  unsigned char high_bits = 0;
  for (const char c : text) high_bits |= static_cast<unsigned char>(c);
  return high_bits < 0x80;
}

// The offset of the first byte that does not belong to well-formed UTF-8,
// or npos when the whole text is well-formed.
std::size_t find_invalid_utf8(std::string_view text);

}  // namespace kg
