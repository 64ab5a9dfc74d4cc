#include "ingest/diagnostic.hpp"

#include <algorithm>

namespace kg {

std::string Diagnostic::worded_message(const FieldNamer& namer) const {
  const std::size_t at = field.empty() || !namer ? std::string::npos : message.find(field);
  if (at == std::string::npos) return message;
  return message.substr(0, at) + namer(field) + message.substr(at + field.size());
}

std::string Diagnostic::to_string(const FieldNamer& namer) const {
  std::string text = file;
  if (line > 0) text += ":" + std::to_string(line) + ":" + std::to_string(column);
  text += ": ";
  if (!path.empty()) text += path + ": ";
  return text + worded_message(namer);
}

TextPositions::TextPositions(std::string text) : text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::pair<std::size_t, std::size_t> TextPositions::locate(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto next_line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(next_line - line_starts_.begin());
  std::size_t column = 1;
  std::size_t start = line_starts_[line - 1];
  if (start == 0 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) start = std::min<std::size_t>(3, offset);  // the BOM takes no column
  for (std::size_t i = start; i < offset; ++i) {
    // Continuation bytes (10xxxxxx) do not start a character.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

}  // namespace kg
