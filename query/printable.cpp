#include "query/printable.hpp"

#include <cstdio>

#include "base/utf8.hpp"

namespace kg::query {
namespace {

// The code point of the well-formed UTF-8 sequence at text[i], and its
// length.
char32_t decode(std::string_view text, std::size_t i, std::size_t& length) {
  const auto lead = static_cast<unsigned char>(text[i]);
  length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  char32_t value = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) value = (value << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return value;
}

bool needs_escape(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

void append_escape(std::string& out, char32_t c) {
  switch (c) {
    case 0x1B: out += "\\e"; return;
    case '\t': out += "\\t"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    default: break;
  }
  char buffer[12];
  if (c < 0x80) {
    std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(c));
  } else {
    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
  }
  out += buffer;
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t invalid = find_invalid_utf8(text.substr(i));
    const std::size_t bad = invalid == std::string_view::npos ? text.size() : i + invalid;
    while (i < bad) {
      std::size_t length = 0;
      const char32_t c = decode(text, i, length);
      if (needs_escape(c)) {
        append_escape(out, c);
      } else {
        out.append(text, i, length);
      }
      i += length;
    }
    if (i < text.size()) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
      out += buffer;  // a byte that is not UTF-8
      ++i;
    }
  }
  return out;
}

}  // namespace kg::query
