#pragma once
// A whole input file in memory without copying it: mapped read-only, with a
// NUL after the last byte (parsers stop there), and pages already parsed
// handed back so that a large file does not stay resident. What cannot be
// mapped (standard input, a pipe, a FIFO, a character device) is read once
// into memory instead; so is text read before (ReadOptions::contents).
#include <cstddef>
#include <memory>
#include <string>

namespace kg {

// Whether `path` is read as a stream rather than mapped: "-" (standard
// input) or anything that exists and is neither a regular file nor a
// directory. Such input can be read only once.
bool is_stream_input(const std::string& path);

// Reads a stream input ("-" for standard input) whole; throws InputError
// naming `path`.
std::string read_whole_stream(const std::string& path);

class MappedFile {
 public:
  // Throws InputError when the file cannot be opened or read.
  explicit MappedFile(const std::string& path);
  // The bytes of `path` read before, when `contents` is set; else as above.
  MappedFile(const std::string& path, std::shared_ptr<const std::string> contents);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  // data()[size()] is '\0'.
  const char* data() const { return data_; }
  std::size_t size() const { return size_; }

  // Lets the system drop the pages before `offset` from memory; reading them
  // again faults them back in from the file.
  void release_before(std::size_t offset);
  // For a caller that keeps the bytes and reads them in any order (a
  // snapshot used in place): no sequential read-ahead, and every page asked
  // for now rather than faulted in one by one.
  void keep_resident();

 private:
  void hold(std::shared_ptr<const std::string> bytes);
  void open(const std::string& path);

  const char* data_ = nullptr;
  std::size_t size_ = 0;
  void* mapping_ = nullptr;  // null when the bytes are held in `copy_`
  std::size_t mapped_bytes_ = 0;
  std::size_t released_ = 0;
  std::shared_ptr<const std::string> copy_;
};

}  // namespace kg
