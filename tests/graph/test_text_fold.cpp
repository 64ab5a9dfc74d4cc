// Folding for matching: case, Latin diacritics, typographic quotes, and
// the map back to the original bytes.
#include <doctest/doctest.h>

#include <cstdint>
#include <iterator>
#include <string>

#include "graph/text_fold.hpp"

using kg::FoldedText;
using kg::TextSpan;

TEST_CASE("fold: ASCII case, Latin-1 and Latin Extended-A letters, curly quotes") {
  CHECK(kg::fold_text("DeepMind") == "deepmind");
  CHECK(kg::fold_text("Zoë Ångström") == "zoe angstrom");
  CHECK(kg::fold_text("Łódź Šťastný") == "lodz stastny");
  CHECK(kg::fold_text("Æsir Œuvre straße") == "aesir oeuvre strasse");
  CHECK(kg::fold_text("Google’s “lab”") == "google's \"lab\"");
  // Signs and other scripts stay as they are.
  CHECK(kg::fold_text("2×3 很慌") == "2×3 很慌");
  // Bytes that are not UTF-8 stand for themselves.
  CHECK(kg::fold_text(std::string("A\xff" "B")) == std::string("a\xff" "b"));
  CHECK(kg::fold_text(std::string("\xc3")) == std::string("\xc3"));
}

TEST_CASE("fold: a match in folded text marks whole characters of the original") {
  // "Café’s": C a f | é (2 bytes, 3..5) | ’ (3 bytes, 5..8) | s (8..9)
  const FoldedText text("Café’s");
  CHECK(text.text() == "cafe's");
  const auto spans = kg::find_folded(text, "e's");
  REQUIRE(spans.size() == 1);
  CHECK(spans[0] == TextSpan{3, 9});
  // "æ" folds to two letters; a match of its second one marks all of it.
  const FoldedText aesir("Æsir");
  const auto inside = kg::find_folded(aesir, "esi");
  REQUIRE(inside.size() == 1);
  CHECK(inside[0] == TextSpan{0, 4});
  // Several matches, left to right.
  const auto twice = kg::find_folded(FoldedText("Musk, MUSK and musk"), "musk");
  REQUIRE(twice.size() == 3);
  CHECK(twice[0] == TextSpan{0, 4});
  CHECK(twice[1] == TextSpan{6, 10});
  CHECK(twice[2] == TextSpan{15, 19});
  CHECK(kg::find_folded(FoldedText("anything"), "").empty());
}

TEST_CASE("fold: whole words, with other scripts as boundaries") {
  CHECK(kg::contains_word(FoldedText("Greg and Ilya"), "greg"));
  CHECK_FALSE(kg::contains_word(FoldedText("Gregory and Ilya"), "greg"));
  CHECK_FALSE(kg::contains_word(FoldedText("the YCombinator"), "combinator"));
  CHECK(kg::contains_word(FoldedText("Sam Altman很慌, wrote"), "sam altman"));
  CHECK(kg::contains_word(FoldedText("DeepMind’s progress"), "deepmind"));
  CHECK(kg::contains_word(FoldedText("ends with Musk"), "musk"));
  CHECK_FALSE(kg::contains_word(FoldedText("Musk"), ""));
}

TEST_CASE("fold: on any bytes, spans stay inside the original and never split a character") {
  // Random mixes of ASCII, two- and three-byte characters and stray bytes.
  const char* pieces[] = {"a", "B", " ", "é", "Ł", "’", "“", "很", "\xff", "\xc3", "\x80", "ß", "Æ", "'"};
  std::uint32_t seed = 12345;
  const auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(next() % 20);
    for (int i = 0; i < length; ++i) text += pieces[next() % std::size(pieces)];
    const FoldedText folded(text);
    for (const char* needle : {"a", "e", "l", "'", "ss", "ae", "b "}) {
      for (const TextSpan span : kg::find_folded(folded, needle)) {
        CAPTURE(text);
        REQUIRE(span.begin < span.end);
        REQUIRE(span.end <= text.size());
        // A span starts where a character starts: never on a continuation
        // byte that follows the lead byte of a valid sequence.
        if (span.begin > 0 && (static_cast<unsigned char>(text[span.begin]) & 0xC0) == 0x80) {
          const unsigned char before = static_cast<unsigned char>(text[span.begin - 1]);
          CHECK_FALSE((before >= 0xC2 && before <= 0xF4));
        }
      }
    }
  }
}
