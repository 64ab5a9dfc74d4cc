#pragma once
// A located problem with an input file, as every reader reports it.
#include <cstddef>
#include <string>
#include <vector>

#include "base/exception.hpp"

namespace kg {

struct Diagnostic {
  std::string file;
  std::size_t line = 0;    // 1-based; 0 when the problem has no place in the file
  std::size_t column = 0;  // 1-based, in characters (UTF-8 code points)
  std::string path;        // where in the document: "relations[12].date"; may be empty
  std::string message;
  // The read option the problem is about, by its library name
  // ("id_column"), when `message` names one: it does so once, by that name,
  // and a front end words it its own way (the command line as a flag).
  std::string field;

  // The message with `field` named by `namer` (as it stands without one).
  std::string worded_message(const FieldNamer& namer = {}) const;
  // "file:line:column: path: message", the parts that are known.
  std::string to_string(const FieldNamer& namer = {}) const;
};

// Turns byte offsets of one text into lines and columns.
class TextPositions {
 public:
  explicit TextPositions(std::string text);
  const std::string& text() const { return text_; }
  // 1-based line and column (in code points) of the byte at `offset`.
  std::pair<std::size_t, std::size_t> locate(std::size_t offset) const;

 private:
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace kg
