#pragma once
// Mermaid flowchart text (renders inside Markdown on GitHub and GitLab):
//   flowchart LR
//     musk["Elon Musk"]
//     musk -->|"funded 2015-12"| openai
// Node ids are entity ids reduced to letters, digits and '_' (made unique,
// and never a Mermaid keyword); labels are quoted with Mermaid's entity
// codes for the characters that would end or alter them. Entity types become
// classes, so a stylesheet can colour them. Only ids, names, types and dates
// are shown: Mermaid is for reading, not for carrying data.
#include <iosfwd>
#include <string>
#include <string_view>

#include "graph/view.hpp"

namespace kg {

void write_mermaid(const View& view, std::ostream& out);

// Text safe inside a Mermaid label: Mermaid's entity codes (#quot; #35;
// ...) for the characters that would end the string, start a code, or be
// read as HTML or Markdown; line breaks as <br>.
std::string mermaid_text(std::string_view text);

}  // namespace kg
