#include "ingest/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "graph/exception.hpp"

namespace kg {
namespace {

std::string describe_errno(const std::string& path, const char* what) {
  return path + ": " + what + ": " + std::strerror(errno);
}

}  // namespace

MappedFile::MappedFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(describe_errno(path, "cannot open"));
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    ::close(fd);
    throw InputError(describe_errno(path, "cannot read"));
  }
  if (S_ISDIR(info.st_mode)) {
    ::close(fd);
    throw InputError(path + ": is a directory");
  }
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const auto size = static_cast<std::size_t>(info.st_size);
  // A mapping ends in zeros up to the page boundary: the NUL the parser
  // needs, unless the file fills its last page exactly (or is no regular
  // file, or empty): then it is read instead.
  if (S_ISREG(info.st_mode) && size % page != 0) {
    void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapping != MAP_FAILED) {
      ::madvise(mapping, size, MADV_SEQUENTIAL);
      mapping_ = mapping;
      mapped_bytes_ = size;
      data_ = static_cast<const char*>(mapping);
      size_ = size;
      ::close(fd);
      return;
    }
  }
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      ::close(fd);
      throw InputError(describe_errno(path, "cannot read"));
    }
    if (got == 0) break;
    copy_.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(fd);
  data_ = copy_.c_str();
  size_ = copy_.size();
}

MappedFile::~MappedFile() {
  if (mapping_) ::munmap(mapping_, mapped_bytes_);
}

void MappedFile::release_before(std::size_t offset) {
  if (!mapping_) return;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t end = offset / page * page;
  if (end <= released_) return;
  ::madvise(static_cast<char*>(mapping_) + released_, end - released_, MADV_DONTNEED);
  released_ = end;
}

}  // namespace kg
