#pragma once
// What kg JSON's reader reports as it goes: problems located by byte offset
// (lines, columns and the places of fields are worked out only for the
// problems reported), and progress every so many relations, releasing the
// parsed pages of a mapped file.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "base/mapped_file.hpp"

namespace kg::kg_json {

// Offsets that end a token are moved to the start of the next when turned
// into line:column.
struct RawProblem {
  std::size_t offset;
  std::string path;
  std::string message;
};

class ReadProgress {
 public:
  using Callback = std::function<void(std::uint64_t done, std::uint64_t total)>;
  // `file` is null when the text is held in memory; `callback` may be empty.
  ReadProgress(MappedFile* file, const Callback& callback, std::size_t total)
      : file_(file), callback_(callback), total_(total) {}

  // A relation starting at `offset` has been read.
  void relation_read(std::size_t offset) {
    if (file_ && offset >= released_ + kKeptResident + kReleasedAtOnce) {
      released_ = offset - kKeptResident;
      file_->release_before(released_);
    }
    if (callback_ && ++since_report_ == kRelationsPerReport) {
      since_report_ = 0;
      callback_(offset, total_);
    }
  }

 private:
  // Parsed text behind the parser's position that stays mapped (the parser
  // looks back at most one token).
  static constexpr std::size_t kKeptResident = std::size_t{1} << 20;
  // Released a megabyte at a time, not page by page: on the M graph that
  // is 75 calls to madvise instead of 17,000.
  static constexpr std::size_t kReleasedAtOnce = std::size_t{1} << 20;
  static constexpr std::size_t kRelationsPerReport = 1 << 16;

  MappedFile* file_;
  const Callback& callback_;
  std::size_t total_;
  std::size_t released_ = 0;
  std::size_t since_report_ = 0;
};

}  // namespace kg::kg_json
