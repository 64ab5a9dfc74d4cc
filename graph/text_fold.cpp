#include "graph/text_fold.hpp"

#include <array>

namespace kg {
namespace {

// Base letters of U+00C0..U+017F, as runs of code points that share one;
// an empty base keeps the character as it is (the multiplication and
// division signs).
struct Run {
  int count;
  const char* base;
};
constexpr Run kLatinRuns[] = {
    // Latin-1 Supplement, U+00C0..U+00FF.
    {6, "a"}, {1, "ae"}, {1, "c"}, {4, "e"}, {4, "i"}, {1, "d"}, {1, "n"}, {5, "o"}, {1, ""}, {1, "o"},
    {4, "u"}, {1, "y"}, {1, "th"}, {1, "ss"},
    {6, "a"}, {1, "ae"}, {1, "c"}, {4, "e"}, {4, "i"}, {1, "d"}, {1, "n"}, {5, "o"}, {1, ""}, {1, "o"},
    {4, "u"}, {1, "y"}, {1, "th"}, {1, "y"},
    // Latin Extended-A, U+0100..U+017F.
    {6, "a"}, {8, "c"}, {4, "d"}, {10, "e"}, {8, "g"}, {4, "h"}, {10, "i"}, {2, "ij"}, {2, "j"}, {3, "k"},
    {10, "l"}, {9, "n"}, {6, "o"}, {2, "oe"}, {6, "r"}, {8, "s"}, {6, "t"}, {12, "u"}, {2, "w"}, {3, "y"},
    {6, "z"}, {1, "s"}};
constexpr char32_t kFirstLatin = 0xC0, kLastLatin = 0x17F;

const std::array<const char*, kLastLatin - kFirstLatin + 1>& latin_bases() {
  static const auto table = [] {
    std::array<const char*, kLastLatin - kFirstLatin + 1> bases{};
    std::size_t i = 0;
    for (const Run& run : kLatinRuns) {
      for (int k = 0; k < run.count; ++k) bases[i++] = run.base;
    }
    return bases;
  }();
  return table;
}

// The folded form of one code point, or nullptr to copy it unchanged.
const char* folded(char32_t c) {
  if (c >= kFirstLatin && c <= kLastLatin) {
    const char* base = latin_bases()[c - kFirstLatin];
    return *base ? base : nullptr;
  }
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      return "\"";
    default:
      return nullptr;
  }
}

// Not a code point: what decode returns for a byte that does not start
// valid UTF-8 (such a byte stands for itself, length 1, and is copied).
constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the character at text[i]; its length in bytes goes to `length`.
char32_t decode(std::string_view text, std::size_t i, std::size_t& length) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  length = 1;
  std::size_t extra = 0;
  char32_t c = lead;
  if (lead >= 0xC2 && lead <= 0xDF) {
    extra = 1;
    c = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    extra = 2;
    c = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    extra = 3;
    c = lead & 0x07;
  } else {
    return lead < 0x80 ? lead : kInvalid;
  }
  if (i + extra >= text.size()) return kInvalid;
  for (std::size_t k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return kInvalid;
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  length = extra + 1;
  return c;
}

bool is_word_byte(unsigned char b) {
  // Letters with diacritics are folded to ASCII by now; characters of other
  // scripts (CJK has no spaces between words) count as word boundaries.
  return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z');
}

}  // namespace

FoldedText::FoldedText(std::string_view original) {
  folded_.reserve(original.size());
  for (std::size_t i = 0; i < original.size();) {
    std::size_t length = 1;
    const char32_t c = decode(original, i, length);
    const auto start = static_cast<std::uint32_t>(i), end = static_cast<std::uint32_t>(i + length);
    const auto append = [&](std::string_view bytes) {
      folded_ += bytes;
      starts_.insert(starts_.end(), bytes.size(), start);
      ends_.insert(ends_.end(), bytes.size(), end);
    };
    if (c >= 'A' && c <= 'Z') {
      append(std::string(1, static_cast<char>(c - 'A' + 'a')));
    } else if (const char* base = folded(c)) {
      append(base);
    } else {
      append(original.substr(i, length));
    }
    i += length;
  }
}

TextSpan FoldedText::original_span(std::size_t begin, std::size_t end) const {
  if (begin >= end || end > folded_.size()) return {};
  return {starts_[begin], ends_[end - 1]};
}

std::string fold_text(std::string_view text) { return FoldedText(text).text(); }

std::vector<TextSpan> find_folded(const FoldedText& haystack, std::string_view folded_needle) {
  std::vector<TextSpan> spans;
  if (folded_needle.empty()) return spans;
  const std::string& text = haystack.text();
  for (std::size_t at = text.find(folded_needle); at != std::string::npos;
       at = text.find(folded_needle, at + folded_needle.size())) {
    const TextSpan span = haystack.original_span(at, at + folded_needle.size());
    // A fold that expands one character into two letters ("æ" -> "ae") may
    // give a match that starts inside it; it still marks that character.
    if (!spans.empty() && span.begin < spans.back().end) continue;
    spans.push_back(span);
  }
  return spans;
}

bool contains_word(const FoldedText& haystack, std::string_view folded_needle) {
  if (folded_needle.empty()) return false;
  const std::string& text = haystack.text();
  for (std::size_t at = text.find(folded_needle); at != std::string::npos; at = text.find(folded_needle, at + 1)) {
    const std::size_t end = at + folded_needle.size();
    const bool starts_word = at == 0 || !is_word_byte(static_cast<unsigned char>(text[at - 1])) ||
                             !is_word_byte(static_cast<unsigned char>(folded_needle.front()));
    const bool ends_word = end == text.size() || !is_word_byte(static_cast<unsigned char>(text[end])) ||
                           !is_word_byte(static_cast<unsigned char>(folded_needle.back()));
    if (starts_word && ends_word) return true;
  }
  return false;
}

}  // namespace kg
