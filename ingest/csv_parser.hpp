#pragma once
// The CSV reader's tokenizer: RFC 4180 records (quoted fields, doubled
// quotes, CRLF or LF), each field with its byte offset for problems; the
// fields' strings are reused from record to record.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

class CsvParser {
 public:
  CsvParser(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {}

  // The next record's fields in fields()[0, count()); false at the end.
  // A malformed record sets error() and its offset.
  bool next();

  std::size_t count() const { return count_; }
  const std::string& field(std::size_t i) const { return fields_[i]; }
  std::size_t offset(std::size_t i) const { return offsets_[i]; }
  std::size_t record_offset() const { return record_offset_; }
  const std::string& error() const { return error_; }
  std::size_t error_offset() const { return error_offset_; }

 private:
  std::string_view text_;
  char delimiter_;
  std::size_t pos_ = 0;
  std::vector<std::string> fields_;
  std::vector<std::size_t> offsets_;
  std::size_t count_ = 0;
  std::size_t record_offset_ = 0;
  std::string error_;
  std::size_t error_offset_ = 0;
};

}  // namespace kg
