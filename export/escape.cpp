#include "export/escape.hpp"

#include <cstdint>

namespace kg::dot {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  std::uint32_t code = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7F; }

}  // namespace

std::string clean_utf8(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  // Text is mostly kept as it is: runs of it are copied whole, not byte by byte.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || (c >= 0x20 && c < 0x7F)) {
      ++i;
      continue;
    }
    const std::size_t length = c >= 0x80 ? utf8_sequence_length(text, i) : 0;
    if (length > 0) {
      i += length;
      continue;
    }
    clean.append(text.substr(kept, i - kept));
    if (c == '\r') {
      clean += '\n';
      i += i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
    } else {
      clean += is_control(c) ? " " : "\xEF\xBF\xBD";
      ++i;
    }
    kept = i;
  }
  clean.append(text.substr(kept));
  return clean;
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  out.reserve(text.size() + 2);
  for (const char c : clean_utf8(text)) {
    if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      // Two backslashes survive the scanner as two, and never swallow the
      // closing quote.
      out += "\\\\";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

std::string html_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : clean_utf8(text)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\\': out += "\\\\"; break;  // the label expander turns \\ into one
      case '\n': out += "<BR/>"; break;
      default: out += c;
    }
  }
  return out;
}

std::string quoted_tooltip(std::string_view text) {
  const std::string clean = clean_utf8(text);
  std::string out = "\"";
  out.reserve(clean.size() + 2);
  // Runs without a character to escape are copied whole: tooltips carry
  // the evidence's quotes, the longest text of a drawing.
  std::size_t plain = 0;
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const char* replacement = nullptr;
    switch (clean[i]) {
      case '"': replacement = "\\\""; break;
      case '\\': replacement = "\\\\\\\\"; break;  // unescaped twice on its way to SVG
      case '\n': replacement = "\\n"; break;
      case '&': replacement = "&amp;"; break;
      default: continue;
    }
    out.append(clean, plain, i - plain);
    out += replacement;
    plain = i + 1;
  }
  out.append(clean, plain, std::string::npos);
  out += '"';
  return out;
}

std::string quoted_url(std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "\"";
  for (const char c : url) {
    const unsigned char byte = static_cast<unsigned char>(c);
    const bool plain = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                       (byte >= '0' && byte <= '9') || std::string_view("-._~:/?#[]@!$()*+,;=%").find(c) !=
                                                           std::string_view::npos;
    if (c == '&') {
      out += "&amp;";
    } else if (plain) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  out += '"';
  return out;
}

bool usable_as_id(std::string_view text) {
  if (text.empty() || text.front() == '#') return false;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\\' || is_control(c)) return false;
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

}  // namespace kg::dot
