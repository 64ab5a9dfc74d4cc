#pragma once
// Text shown to people: control characters in names, quotes and sources are
// escaped so that data cannot drive the terminal (retitle it, recolour it,
// reorder what follows with a bidirectional override). docs/CLI.md, "Text
// output".
#include <string>
#include <string_view>

namespace kg::query {

// `text` with every C0 control, DEL, C1 control, line or paragraph separator
// and bidirectional embedding, override or isolate (U+202A-U+202E,
// U+2066-U+2069) written as an escape, the way ls and git show file names:
// `\e` (ESC), `\t`, `\n`, `\r`, `\x07` (other bytes below 0x20 and DEL),
// `\u0085` and `\u202e` (code points past ASCII). Bytes that are not UTF-8
// are written `\xff`. Everything else, backslashes included, is unchanged.
std::string printable(std::string_view text);

}  // namespace kg::query
