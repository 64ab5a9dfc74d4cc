#include "base/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "base/exception.hpp"

namespace kg {
namespace {

std::string describe_errno(const std::string& path, const char* what) {
  return path + ": " + what + ": " + std::strerror(errno);
}

std::string read_descriptor(int fd, const std::string& path) {
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw InputError(describe_errno(path, "cannot read"));
    if (got == 0) return bytes;
    bytes.append(buffer, static_cast<std::size_t>(got));
  }
}

// Closes a descriptor when it goes.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

bool is_stream_input(const std::string& path) {
  if (path == "-") return true;
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode);
}

std::string read_whole_stream(const std::string& path) {
  if (path == "-") return read_descriptor(STDIN_FILENO, "<stdin>");
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) throw InputError(describe_errno(path, "cannot open"));
  return read_descriptor(file.fd, path);
}

MappedFile::MappedFile(const std::string& path) : MappedFile(path, nullptr) {}

MappedFile::MappedFile(const std::string& path, std::shared_ptr<const std::string> contents) {
  if (contents) {
    hold(std::move(contents));
  } else if (path == "-") {
    hold(std::make_shared<const std::string>(read_whole_stream(path)));
  } else {
    open(path);
  }
}

void MappedFile::hold(std::shared_ptr<const std::string> bytes) {
  copy_ = std::move(bytes);
  data_ = copy_->c_str();
  size_ = copy_->size();
}

void MappedFile::open(const std::string& path) {
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) throw InputError(describe_errno(path, "cannot open"));
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) throw InputError(describe_errno(path, "cannot read"));
  if (S_ISDIR(info.st_mode)) throw InputError(path + ": is a directory");
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const auto size = static_cast<std::size_t>(info.st_size);
  // A mapping ends in zeros up to the page boundary: the NUL the parser
  // needs, unless the file fills its last page exactly (or is no regular
  // file, or empty): then it is read instead.
  if (S_ISREG(info.st_mode) && size % page != 0) {
    void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, file.fd, 0);
    if (mapping != MAP_FAILED) {
      ::madvise(mapping, size, MADV_SEQUENTIAL);
      mapping_ = mapping;
      mapped_bytes_ = size;
      data_ = static_cast<const char*>(mapping);
      size_ = size;
      return;
    }
  }
  hold(std::make_shared<const std::string>(read_descriptor(file.fd, path)));
}

MappedFile::~MappedFile() {
  if (mapping_) ::munmap(mapping_, mapped_bytes_);
}

void MappedFile::keep_resident() {
  if (!mapping_) return;
  ::madvise(mapping_, mapped_bytes_, MADV_NORMAL);
  ::madvise(mapping_, mapped_bytes_, MADV_WILLNEED);
}

void MappedFile::release_before(std::size_t offset) {
  if (!mapping_) return;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t end = std::min(offset, mapped_bytes_) / page * page;
  if (end <= released_) return;
  ::madvise(static_cast<char*>(mapping_) + released_, end - released_, MADV_DONTNEED);
  released_ = end;
}

}  // namespace kg
