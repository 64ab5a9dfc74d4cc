#pragma once
// Text folded for matching what people type against names and quotes: ASCII
// lower case, Latin letters with diacritics (Latin-1 Supplement and Latin
// Extended-A) reduced to their base letters, and typographic quotes and
// apostrophes made straight. Each folded byte remembers where its character
// came from, so a match in folded text marks the span of the original.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

// A byte range [begin, end) of a text.
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(TextSpan a, TextSpan b) { return a.begin == b.begin && a.end == b.end; }
};

class FoldedText {
 public:
  explicit FoldedText(std::string_view original);

  const std::string& text() const { return folded_; }
  // The span of the original text that folded bytes [begin, end) come from;
  // a span never splits a character of the original.
  TextSpan original_span(std::size_t begin, std::size_t end) const;

 private:
  std::string folded_;
  std::vector<std::uint32_t> starts_;  // per folded byte: where its character starts in the original
  std::vector<std::uint32_t> ends_;    // per folded byte: where its character ends in the original
};

// The folded form alone, for the text being looked for.
std::string fold_text(std::string_view text);

// Every place, left to right and not overlapping, where the folded `needle`
// (already folded) occurs in `haystack`, as spans of the original haystack.
// An empty needle matches nowhere.
std::vector<TextSpan> find_folded(const FoldedText& haystack, std::string_view folded_needle);

// Whether `folded_needle` occurs in `haystack` as whole words: not preceded
// or followed by a letter or digit. Used to tell whether a quote names an
// entity ("Greg" is named in "Greg and Ilya", not in "Gregory").
bool contains_word(const FoldedText& haystack, std::string_view folded_needle);

}  // namespace kg
