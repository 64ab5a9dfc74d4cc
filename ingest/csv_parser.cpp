#include "ingest/csv_parser.hpp"

namespace kg {

bool CsvParser::next() {
  error_.clear();
  count_ = 0;
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) ++pos_;  // blank lines
  if (pos_ >= text_.size()) return false;
  record_offset_ = pos_;
  while (true) {
    if (count_ == fields_.size()) {
      fields_.emplace_back();
      offsets_.emplace_back();
    }
    std::string& field = fields_[count_];
    offsets_[count_] = pos_;
    ++count_;
    field.clear();
    if (pos_ < text_.size() && text_[pos_] == '"') {
      const std::size_t start = pos_++;
      while (true) {
        const std::size_t quote = text_.find('"', pos_);
        if (quote == std::string_view::npos) {
          error_ = "unterminated quoted field";
          error_offset_ = start;
          pos_ = text_.size();
          return true;
        }
        field.append(text_.substr(pos_, quote - pos_));
        pos_ = quote + 1;
        if (pos_ < text_.size() && text_[pos_] == '"') {
          field += '"';
          ++pos_;
          continue;
        }
        break;
      }
      if (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' && text_[pos_] != '\r') {
        error_ = std::string("expected '") + delimiter_ + "' or the end of the line after a closing quote";
        error_offset_ = pos_;
        const auto end = text_.find('\n', pos_);
        pos_ = end == std::string_view::npos ? text_.size() : end + 1;
        return true;
      }
    } else {
      std::size_t end = pos_;
      while (end < text_.size() && text_[end] != delimiter_ && text_[end] != '\n' && text_[end] != '\r') ++end;
      field.assign(text_.substr(pos_, end - pos_));
      pos_ = end;
    }
    if (pos_ < text_.size() && text_[pos_] == delimiter_) {
      ++pos_;
      continue;
    }
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    return true;
  }
}

}  // namespace kg
