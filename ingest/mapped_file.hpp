#pragma once
// A whole input file in memory without copying it: mapped read-only, with a
// NUL after the last byte (parsers stop there), and pages already parsed
// handed back so that a large file does not stay resident.
#include <cstddef>
#include <string>

namespace kg {

class MappedFile {
 public:
  // Throws InputError when the file cannot be opened or read.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  // data()[size()] is '\0'.
  const char* data() const { return data_; }
  std::size_t size() const { return size_; }

  // Lets the system drop the pages before `offset` from memory; reading them
  // again faults them back in from the file.
  void release_before(std::size_t offset);

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  void* mapping_ = nullptr;  // null when the file was read into `copy_`
  std::size_t mapped_bytes_ = 0;
  std::size_t released_ = 0;
  std::string copy_;
};

}  // namespace kg
