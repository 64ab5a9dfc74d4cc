#include "export/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "graph/exception.hpp"

namespace kg {

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const std::filesystem::path target(path);
  const std::filesystem::path directory = target.has_parent_path() ? target.parent_path() : ".";
  std::string temporary = (directory / ("." + target.filename().string() + ".kg-XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) throw InvalidArgument("cannot write " + path + ": " + std::strerror(errno));
  ::close(fd);
  const auto fail = [&](const std::string& why) {
    std::remove(temporary.c_str());
    throw InvalidArgument("cannot write " + path + ": " + why);
  };
  {
    std::ofstream out;
    std::vector<char> buffer(1 << 20);
    out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));  // before open
    out.open(temporary, std::ios::binary | std::ios::trunc);
    try {
      write(out);
    } catch (...) {
      std::remove(temporary.c_str());
      throw;
    }
    out.flush();
    if (!out) fail(std::strerror(errno));
  }
  const int sync_fd = ::open(temporary.c_str(), O_RDONLY);
  const bool synced = sync_fd >= 0 && ::fsync(sync_fd) == 0;
  if (sync_fd >= 0) ::close(sync_fd);
  if (!synced) fail(std::strerror(errno));
  // mkstemp creates files only their owner may read; give an output file the
  // usual permissions.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(temporary.c_str(), 0666 & ~mask);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) fail(std::strerror(errno));
}

}  // namespace kg
