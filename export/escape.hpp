#pragma once
// Turning arbitrary text into DOT that Graphviz reads back exactly. Each kind
// of attribute needs its own escaping, because Graphviz 2.42 processes them
// differently (measured; see tests/export/test_escape.cpp):
// - the DOT scanner turns \" into " and keeps every other backslash;
// - HTML-like labels decode &-entities and then expand \N, \G, \\ ...;
// - tooltips are unescaped twice (a backslash needs four) and their & is
//   copied into SVG as is when it starts an entity;
// - URLs are copied into SVG attributes without any escaping.
#include <string>
#include <string_view>

namespace kg::dot {

// Valid UTF-8 with invalid bytes replaced by U+FFFD, NUL and control
// characters other than newline replaced by a space, "\r\n" and "\r" made "\n".
std::string clean_utf8(std::string_view text);

// A quoted DOT string holding `text` as the scanner will return it: for
// style values and identifiers without backslashes (see node_id).
std::string quoted(std::string_view text);

// Text for the inside of an HTML-like label (<...>): newlines become <BR/>.
std::string html_text(std::string_view text);

// A quoted DOT string for a tooltip that shows `text` verbatim; newlines
// become line breaks.
std::string quoted_tooltip(std::string_view text);

// A quoted DOT string for a URL: characters that are not allowed in a URI
// are percent-encoded (UTF-8 bytes included), & is written &amp; for SVG.
std::string quoted_url(std::string_view url);

// True when `text` can be a DOT identifier as it is (a quoted id keeps it
// exactly): not empty, no backslash, no control character, valid UTF-8,
// and not starting with '#', which kg keeps for the ids it makes up.
bool usable_as_id(std::string_view text);

}  // namespace kg::dot
