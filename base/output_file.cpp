#include "base/output_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <random>
#include <streambuf>

#include "base/exception.hpp"
#include "base/interrupt_cleanup.hpp"
#include "base/standard_output.hpp"

namespace kg {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& why) {
  throw OutputError("cannot write " + path + ": " + why);
}
[[noreturn]] void fail_errno(const std::string& path, int error) { fail(path, std::strerror(error)); }

// Owns a descriptor; close() reports what the final close says (a network
// file system may only then say the disk is full).
class Descriptor {
 public:
  explicit Descriptor(int fd = -1) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  void reset(int fd) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }
  int close() {
    const int status = ::close(fd_);
    fd_ = -1;
    return status;
  }

 private:
  int fd_;
};

// An output stream buffer over a descriptor. A failed write throws
// OutputError; the stream it serves rethrows it (badbit is in its
// exceptions mask), so a writer stops at the first failure.
class DescriptorBuffer : public std::streambuf {
 public:
  DescriptorBuffer(int fd, std::string path) : fd_(fd), path_(std::move(path)), buffer_(1 << 20) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  void finish() { drain(); }

 protected:
  int_type overflow(int_type c) override {
    drain();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (static_cast<std::size_t>(n) < buffer_.size()) return std::streambuf::xsputn(s, n);
    drain();
    write_all(s, static_cast<std::size_t>(n));
    return n;
  }
  int sync() override {
    drain();
    return 0;
  }

 private:
  void drain() {
    write_all(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  void write_all(const char* bytes, std::size_t size) {
    while (size > 0) {
      const ssize_t n = ::write(fd_, bytes, size);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && path_ == "-") standard_output_failed(errno);
      if (n < 0) fail_errno(path_, errno);
      bytes += n;
      size -= static_cast<std::size_t>(n);
    }
  }

  int fd_;
  std::string path_;
  std::vector<char> buffer_;
};

// Runs `write` on a stream over `fd`; everything is written when it returns.
void stream_to(int fd, const std::string& path, const std::function<void(std::ostream&)>& write) {
  DescriptorBuffer buffer(fd, path);
  std::ostream out(&buffer);
  out.exceptions(std::ios::badbit);
  write(out);
  buffer.finish();
}

std::string directory_of(const std::string& path) {
  const std::string parent = std::filesystem::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

// What a path names once its symbolic links are followed.
struct Target {
  std::string path;  // with every link followed
  bool exists = false;
  struct stat info {};
  int descriptor = -1;  // an open descriptor of this process it names (/dev/stdout, /dev/fd/N)
};

// The descriptor a link names when it is one of /proc/PID/fd's (reached as
// /dev/stdout, /dev/fd/N, /proc/self/fd/N): those links point at whatever
// the descriptor holds (a pipe, a deleted file) and are not paths to follow.
int descriptor_link(const std::string& link) {
  char* directory = ::realpath(directory_of(link).c_str(), nullptr);
  if (!directory) return -1;
  const bool own = std::string(directory) == "/proc/" + std::to_string(::getpid()) + "/fd";
  std::free(directory);
  const std::string name = std::filesystem::path(link).filename().string();
  if (!own || name.empty() || name.find_first_not_of("0123456789") != std::string::npos || name.size() > 9) return -1;
  return std::stoi(name);
}

Target resolve(const std::string& path) {
  constexpr int kMaxLinks = 40;  // as the kernel's ELOOP
  Target target{path};
  for (int links = 0;; ++links) {
    if (::lstat(target.path.c_str(), &target.info) != 0) {
      if (errno != ENOENT) fail_errno(path, errno);
      if (!target.path.empty() && target.path.back() == '/') fail(path, "no such directory");
      return target;
    }
    target.exists = true;
    if (!S_ISLNK(target.info.st_mode)) return target;
    target.descriptor = descriptor_link(target.path);
    if (target.descriptor >= 0) return target;
    if (links == kMaxLinks) fail_errno(path, ELOOP);
    std::string link(PATH_MAX, '\0');
    const ssize_t length = ::readlink(target.path.c_str(), link.data(), link.size());
    if (length < 0) fail_errno(path, errno);
    link.resize(static_cast<std::size_t>(length));
    target.path = link.front() == '/' ? link : directory_of(target.path) + "/" + link;
    target.exists = false;
  }
}

std::string random_name() {
  static constexpr char kLetters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::mt19937_64 generator{std::random_device{}()};
  std::string name = ".kg-";
  for (int i = 0; i < 6; ++i) name += kLetters[generator() % (sizeof kLetters - 1)];
  return name;
}

// Creates a new path in `directory` with `create` (which returns a
// descriptor, or -1 with errno) under a fresh short name. The name is
// registered for removal on signals before it is created, with the signals
// blocked until both are done, so that no signal sees the path unregistered
// nor removes a path someone else created.
struct Temporary {
  std::string path;
  Descriptor fd;
  std::unique_ptr<TemporaryRegistration> registration;
};

template <typename Create>
void create_temporary(Temporary& temporary, const std::string& directory, TemporaryKind kind, const std::string& target,
                      Create create) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::string candidate = directory + "/" + random_name();
    const SignalsBlocked blocked;
    auto registration = std::make_unique<TemporaryRegistration>(candidate, kind);
    const int fd = create(candidate);
    const int error = errno;
    if (fd < 0 && error == EEXIST) continue;
    if (fd < 0) fail(target, "cannot create a temporary file in " + directory + ": " + std::strerror(error));
    temporary.path = candidate;
    temporary.fd.reset(fd);
    temporary.registration = std::move(registration);
    return;
  }
  fail(target, "cannot find a free temporary name in " + directory);
}

void sync_directory(const std::string& directory) {
  // Makes the rename durable; a file system that cannot sync a directory
  // (some network ones) has nothing more to offer, so errors are ignored.
  const Descriptor fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() >= 0) ::fsync(fd.get());
}

bool is_read_only(const Target& target) {
  return (target.info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 || ::access(target.path.c_str(), W_OK) != 0;
}

// The descriptor of a special file kg writes into directly.
int open_special(const Target& target) {
  if (!S_ISSOCK(target.info.st_mode)) return ::open(target.path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (target.path.size() >= sizeof address.sun_path) {
    errno = ENAMETOOLONG;
    return -1;
  }
  std::memcpy(address.sun_path, target.path.c_str(), target.path.size() + 1);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    const int error = errno;
    ::close(fd);
    errno = error;
    return -1;
  }
  return fd;
}

void write_special(const std::string& path, const Target& target, const std::function<void(std::ostream&)>& write) {
  Descriptor fd(open_special(target));
  if (fd.get() < 0) fail_errno(path, errno);
  stream_to(fd.get(), path, write);
  if (fd.close() != 0) fail_errno(path, errno);
}

void replace_file(const std::string& path, const Target& target, const std::function<void(std::ostream&)>& write,
                  const OutputFileOptions& options) {
  if (target.exists && is_read_only(target) && !options.replace_read_only) {
    throw ReadOnlyOutput("cannot write " + path + ": the file is read-only");
  }
  const std::string directory = directory_of(target.path);
  Temporary temporary;
  // A new file gets the usual mode (0666 less the umask); an existing one
  // keeps its own, set before anything is written.
  const mode_t create_mode = target.exists ? 0600 : 0666;
  create_temporary(temporary, directory, TemporaryKind::File, path, [create_mode](const std::string& name) {
    return ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, create_mode);
  });
  try {
    const int fd = temporary.fd.get();
    if (target.exists) {
      // Only root may give a file away; a group the process is in is fine.
      if (::fchown(fd, target.info.st_uid, target.info.st_gid) != 0) ::fchown(fd, static_cast<uid_t>(-1), target.info.st_gid);
      if (::fchmod(fd, target.info.st_mode & 07777) != 0) fail_errno(path, errno);
    }
    stream_to(fd, path, write);
    if (::fsync(fd) != 0) fail_errno(path, errno);
    if (temporary.fd.close() != 0) fail_errno(path, errno);
    if (::rename(temporary.path.c_str(), target.path.c_str()) != 0) fail_errno(path, errno);
  } catch (...) {
    ::unlink(temporary.path.c_str());
    throw;
  }
  sync_directory(directory);
}

// The names in `directory` other than `allowed` (regular files of those
// names are what a previous write of the same output left).
std::vector<std::string> foreign_entries(const std::string& path, const std::string& directory,
                                         const std::vector<DirectoryEntry>& allowed) {
  const std::unique_ptr<DIR, int (*)(DIR*)> listing(::opendir(directory.c_str()), ::closedir);
  if (!listing) fail_errno(path, errno);
  std::vector<std::string> foreign;
  while (const dirent* entry = ::readdir(listing.get())) {
    const std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    const bool known = std::any_of(allowed.begin(), allowed.end(), [&](const DirectoryEntry& e) { return e.name == name; });
    struct stat info {};
    const bool regular = ::lstat((directory + "/" + name).c_str(), &info) == 0 && S_ISREG(info.st_mode);
    if (!known || !regular) foreign.push_back(name);
  }
  std::sort(foreign.begin(), foreign.end());
  return foreign;
}

void refuse_foreign_entries(const std::string& path, const std::string& directory,
                            const std::vector<DirectoryEntry>& entries) {
  const std::vector<std::string> foreign = foreign_entries(path, directory, entries);
  if (foreign.empty()) return;
  std::string names;
  for (std::size_t i = 0; i < foreign.size() && i < 3; ++i) names += (i ? ", " : "") + foreign[i];
  if (foreign.size() > 3) names += ", ...";
  fail(path, "the directory holds other files (" + names +
                 "); it is replaced whole, so only a new directory or one written the same way is replaced");
}

// A staged directory and the files in it, removed unless committed.
class StagedDirectory {
 public:
  // A new directory gets the usual mode (0777 less the umask), a replaced
  // one `keep_mode`.
  StagedDirectory(const std::string& path, const std::string& parent, std::optional<mode_t> keep_mode)
      : path_(path) {
    create_temporary(directory_, parent, TemporaryKind::Directory, path, [](const std::string& name) {
      if (::mkdir(name.c_str(), 0777) != 0) return -1;
      const int fd = ::open(name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd < 0) {
        const int error = errno;
        ::rmdir(name.c_str());
        errno = error;
      }
      return fd;
    });
    if (keep_mode && ::fchmod(directory_.fd.get(), *keep_mode) != 0) fail_errno(path, errno);
  }
  ~StagedDirectory() { remove(); }
  StagedDirectory(const StagedDirectory&) = delete;
  StagedDirectory& operator=(const StagedDirectory&) = delete;

  const std::string& path() const { return directory_.path; }
  void sync() {
    if (::fsync(directory_.fd.get()) != 0) fail_errno(path_, errno);
  }

  void add(const DirectoryEntry& entry) {
    auto file = std::make_unique<Temporary>();
    file->path = directory_.path + "/" + entry.name;
    {
      // The staging directory is kg's own: the name is free.
      const SignalsBlocked blocked;
      file->registration = std::make_unique<TemporaryRegistration>(file->path, TemporaryKind::File);
      file->fd.reset(::open(file->path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
      if (file->fd.get() < 0) fail_errno(path_ + "/" + entry.name, errno);
    }
    files_.push_back(std::move(file));
    Temporary& added = *files_.back();
    stream_to(added.fd.get(), path_ + "/" + entry.name, entry.write);
    if (::fsync(added.fd.get()) != 0) fail_errno(path_ + "/" + entry.name, errno);
    if (added.fd.close() != 0) fail_errno(path_ + "/" + entry.name, errno);
  }

  // Removes what the staging path holds now: the new files on failure, or
  // the replaced directory's files after an exchange.
  void remove() {
    for (const auto& file : files_) ::unlink(file->path.c_str());
    ::rmdir(directory_.path.c_str());
  }

 private:
  std::string path_;
  Temporary directory_;
  std::vector<std::unique_ptr<Temporary>> files_;
};

// Puts `staged` at `target` in one step. Afterwards the staging path holds
// what was at the target before (or nothing).
void swap_into_place(const std::string& path, const std::string& staged, const std::string& target,
                     const std::vector<DirectoryEntry>& entries) {
  if (::rename(staged.c_str(), target.c_str()) == 0) return;  // the target was missing or an empty directory
  if (errno != EEXIST && errno != ENOTEMPTY) fail_errno(path, errno);
  // Someone else's files may have arrived since the first look.
  refuse_foreign_entries(path, target, entries);
  if (::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) return;
  if (errno != EINVAL && errno != ENOSYS) fail_errno(path, errno);
  // A file system without exchange: move the old directory aside (onto the
  // staging name, now free), then the new one in; for a moment the target
  // does not exist.
  const std::string aside = staged + ".old";
  if (::rename(target.c_str(), aside.c_str()) != 0) fail_errno(path, errno);
  if (::rename(staged.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::rename(aside.c_str(), target.c_str());
    fail_errno(path, error);
  }
  ::rename(aside.c_str(), staged.c_str());
}

}  // namespace

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                      const OutputFileOptions& options) {
  if (path == "-") {
    flush_standard_output();  // what was printed before comes first
    stream_to(STDOUT_FILENO, path, write);
    return;
  }
  const Target target = resolve(path);
  if (target.descriptor >= 0) {
    // Written into as the shell opened it (appending after `>>`), like "-".
    if (target.descriptor == STDOUT_FILENO) flush_standard_output();
    stream_to(target.descriptor, target.descriptor == STDOUT_FILENO ? "-" : path, write);
    return;
  }
  if (target.exists && S_ISDIR(target.info.st_mode)) fail_errno(path, EISDIR);
  if (target.exists && !S_ISREG(target.info.st_mode)) {
    write_special(path, target, write);
  } else {
    replace_file(path, target, write, options);
  }
}

void write_file_atomically(const std::string& path, std::string_view bytes, const OutputFileOptions& options) {
  write_atomically(
      path, [bytes](std::ostream& out) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); },
      options);
}

}  // namespace kg

namespace kg {

void write_directory_atomically(const std::string& path, const std::vector<DirectoryEntry>& entries) {
  if (path == "-") fail(path, "a directory of files cannot go to standard output");
  std::string trimmed = path;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  const Target target = resolve(trimmed);
  if (target.exists && !S_ISDIR(target.info.st_mode)) fail_errno(path, ENOTDIR);
  if (target.exists) refuse_foreign_entries(path, target.path, entries);
  const std::string parent = directory_of(target.path);
  std::error_code error;
  std::filesystem::create_directories(parent, error);
  if (error) fail(path, "cannot create " + parent + ": " + error.message());

  StagedDirectory staged(path, parent,
                         target.exists ? std::optional<mode_t>(target.info.st_mode & 07777) : std::nullopt);
  for (const DirectoryEntry& entry : entries) staged.add(entry);
  staged.sync();
  swap_into_place(path, staged.path(), target.path, entries);
  staged.remove();
  sync_directory(parent);
}

}  // namespace kg
