#pragma once
// UTF-8 validation, for the readers and the content check: text must be
// well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace kg {

// Most text is ASCII: one pass, eight bytes at a time (-O2 does not
// vectorise a loop over bytes), and short text (ids, dates) in one or two
// reads that overlap rather than byte by byte. Inlined at the call.
inline bool is_ascii(std::string_view text) {
  const char* bytes = text.data();
  const std::size_t size = text.size();
  std::uint64_t high_bits = 0;
  if (size >= 8) {
    std::uint64_t word;
    for (std::size_t at = 0; at + 8 <= size; at += 8) {
      std::memcpy(&word, bytes + at, 8);
      high_bits |= word;
    }
    std::memcpy(&word, bytes + size - 8, 8);
    high_bits |= word;
  } else if (size >= 4) {
    std::uint32_t head, tail;
    std::memcpy(&head, bytes, 4);
    std::memcpy(&tail, bytes + size - 4, 4);
    high_bits = head | tail;
  } else {
    for (std::size_t at = 0; at < size; ++at) high_bits |= static_cast<unsigned char>(bytes[at]);
  }
  return (high_bits & 0x8080808080808080u) == 0;
}

// The offset of the first byte that does not belong to well-formed UTF-8,
// or npos when the whole text is well-formed.
std::size_t find_invalid_utf8(std::string_view text);

}  // namespace kg
