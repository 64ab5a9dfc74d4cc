// The output-file rules of base/output_file.hpp, in-process: whole files or
// none, modes kept, read-only targets refused, links followed, special files
// written directly, directories swapped whole, and the errors that name what
// is wrong.
#include "base/output_file.hpp"

#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <ostream>
#include <stdexcept>

#include "base/exception.hpp"
#include "tests/support/support.hpp"

namespace kg {
namespace {

mode_t mode_of(const std::string& path) {
  struct stat info {};
  REQUIRE(::lstat(path.c_str(), &info) == 0);
  return info.st_mode;
}

std::string error_of(const std::function<void()>& write) {
  try {
    write();
  } catch (const OutputError& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("output files are replaced whole, and a failed write leaves nothing behind") {
  const std::string dir = test::temp_dir();
  const std::string path = dir + "/out.svg";
  write_file_atomically(path, "first");
  write_file_atomically(path, "second version");
  CHECK(test::read_file(path) == "second version");
  CHECK(test::names_in(dir) == std::vector<std::string>{"out.svg"});

  // A writer that fails midway: the old file stays, the temporary goes.
  CHECK_THROWS_WITH(write_atomically(path,
                                     [](std::ostream& out) {
                                       out << "partial";
                                       throw std::runtime_error("writer failed");
                                     }),
                    "writer failed");
  CHECK(test::read_file(path) == "second version");
  CHECK(test::names_in(dir) == std::vector<std::string>{"out.svg"});

  CHECK(error_of([&] { write_file_atomically(dir + "/missing/out.svg", "x"); }) ==
        "cannot write " + dir + "/missing/out.svg: cannot create a temporary file in " + dir +
            "/missing: No such file or directory");
}

TEST_CASE("an existing file keeps its mode, a new one gets 0666 less the umask") {
  const std::string dir = test::temp_dir();
  const std::string secret = dir + "/secret.json";
  test::write_file(secret, "old");
  REQUIRE(::chmod(secret.c_str(), 0600) == 0);
  write_file_atomically(secret, "new");
  CHECK(test::read_file(secret) == "new");
  CHECK((mode_of(secret) & 07777) == 0600);

  const mode_t mask = ::umask(022);
  write_file_atomically(dir + "/fresh.json", "x");
  ::umask(mask);
  CHECK((mode_of(dir + "/fresh.json") & 07777) == 0644);
}

TEST_CASE("a read-only file is refused unless replacing it is asked for") {
  const std::string dir = test::temp_dir();
  const std::string path = dir + "/frozen.graphml";
  test::write_file(path, "old");
  REQUIRE(::chmod(path.c_str(), 0444) == 0);
  CHECK_THROWS_WITH_AS(write_file_atomically(path, "new"), ("cannot write " + path + ": the file is read-only").c_str(),
                       ReadOnlyOutput);
  CHECK(test::read_file(path) == "old");
  CHECK(test::names_in(dir) == std::vector<std::string>{"frozen.graphml"});

  OutputFileOptions force;
  force.replace_read_only = true;
  write_file_atomically(path, "new", force);
  CHECK(test::read_file(path) == "new");
  CHECK((mode_of(path) & 07777) == 0444);
}

TEST_CASE("a symbolic link is followed: its final target is replaced, the links stay") {
  const std::string dir = test::temp_dir();
  std::filesystem::create_directories(dir + "/real");
  test::write_file(dir + "/real/graph.json", "old");
  // link2 -> link1 -> real/graph.json, relative links resolved from their own directory
  std::filesystem::create_symlink("real/graph.json", dir + "/link1");
  std::filesystem::create_symlink("link1", dir + "/link2");
  write_file_atomically(dir + "/link2", "new");
  CHECK(S_ISLNK(mode_of(dir + "/link1")));
  CHECK(S_ISLNK(mode_of(dir + "/link2")));
  CHECK(test::read_file(dir + "/real/graph.json") == "new");
  CHECK(test::names_in(dir + "/real") == std::vector<std::string>{"graph.json"});

  // A dangling link: its target is created.
  std::filesystem::create_symlink("real/created.json", dir + "/dangling");
  write_file_atomically(dir + "/dangling", "made");
  CHECK(S_ISLNK(mode_of(dir + "/dangling")));
  CHECK(test::read_file(dir + "/real/created.json") == "made");
}

TEST_CASE("special files are written directly, never replaced") {
  const std::string dir = test::temp_dir();
  const std::string fifo = dir + "/pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto reader = std::async(std::launch::async, [&] { return test::read_file(fifo); });
  write_file_atomically(fifo, "through the pipe");
  CHECK(reader.get() == "through the pipe");
  CHECK(S_ISFIFO(mode_of(fifo)));
  CHECK(test::names_in(dir) == std::vector<std::string>{"pipe"});

  // A Unix socket is connected to and written into.
  const std::string socket_path = dir + "/socket";
  const int listener = ::socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(listener >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  REQUIRE(socket_path.size() < sizeof address.sun_path);
  std::memcpy(address.sun_path, socket_path.c_str(), socket_path.size() + 1);
  REQUIRE(::bind(listener, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(::listen(listener, 1) == 0);
  auto received = std::async(std::launch::async, [listener] {
    const int connection = ::accept(listener, nullptr, nullptr);
    std::string bytes;
    char buffer[256];
    for (ssize_t n; (n = ::read(connection, buffer, sizeof buffer)) > 0;) bytes.append(buffer, static_cast<std::size_t>(n));
    ::close(connection);
    return bytes;
  });
  write_file_atomically(socket_path, "over the socket");
  CHECK(received.get() == "over the socket");
  ::close(listener);
  CHECK(S_ISSOCK(mode_of(socket_path)));
  std::filesystem::remove(socket_path);

  // /dev/null stays a device (as root, a rename would have replaced it).
  write_file_atomically("/dev/null", "discarded");
  CHECK(S_ISCHR(mode_of("/dev/null")));
  CHECK(error_of([] { write_file_atomically("/dev/full", "x"); }) ==
        "cannot write /dev/full: No space left on device");
  CHECK(S_ISCHR(mode_of("/dev/full")));
}

TEST_CASE("output paths that cannot be files say what is wrong") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/plain", "x");
  CHECK(error_of([&] { write_file_atomically(dir + "/plain/", "x"); }) ==
        "cannot write " + dir + "/plain/: Not a directory");
  CHECK(error_of([&] { write_file_atomically(dir + "/plain/inside", "x"); }) ==
        "cannot write " + dir + "/plain/inside: Not a directory");
  CHECK(error_of([&] { write_file_atomically(dir, "x"); }) == "cannot write " + dir + ": Is a directory");
  CHECK(error_of([&] { write_file_atomically(".", "x"); }) == "cannot write .: Is a directory");
  CHECK(test::read_file(dir + "/plain") == "x");
}

TEST_CASE("names of up to 255 bytes can be written: the temporary name is short") {
  const std::string dir = test::temp_dir();
  for (const std::size_t length : {245, 250, 255}) {
    const std::string path = dir + "/" + std::string(length - 5, 'n') + ".json";
    write_file_atomically(path, "long");
    CHECK(test::read_file(path) == "long");
    write_file_atomically(path, "again");
    CHECK(test::read_file(path) == "again");
  }
  CHECK(test::names_in(dir).size() == 3);
}

TEST_CASE("a directory output is swapped in whole, a directory of other files is refused") {
  const std::string dir = test::temp_dir();
  const std::string out = dir + "/csv";
  const auto pair = [](const std::string& version) {
    return std::vector<DirectoryEntry>{{"entities.csv", [version](std::ostream& o) { o << "entities " << version; }},
                                       {"relations.csv", [version](std::ostream& o) { o << "relations " << version; }}};
  };
  write_directory_atomically(out, pair("1"));
  CHECK(test::read_file(out + "/entities.csv") == "entities 1");
  REQUIRE(::chmod(out.c_str(), 0750) == 0);
  write_directory_atomically(out + "/", pair("2"));
  CHECK(test::read_file(out + "/entities.csv") == "entities 2");
  CHECK(test::read_file(out + "/relations.csv") == "relations 2");
  CHECK((mode_of(out) & 07777) == 0750);
  CHECK(test::names_in(dir) == std::vector<std::string>{"csv"});

  // The second file fails: the old pair stays, nothing else is left.
  std::vector<DirectoryEntry> failing = pair("3");
  failing[1].write = [](std::ostream&) { throw std::runtime_error("relations failed"); };
  CHECK_THROWS_WITH(write_directory_atomically(out, failing), "relations failed");
  CHECK(test::read_file(out + "/entities.csv") == "entities 2");
  CHECK(test::names_in(dir) == std::vector<std::string>{"csv"});

  // Missing parents are created.
  write_directory_atomically(dir + "/deep/er/csv", pair("4"));
  CHECK(test::read_file(dir + "/deep/er/csv/relations.csv") == "relations 4");

  test::write_file(out + "/notes.txt", "mine");
  CHECK(error_of([&] { write_directory_atomically(out, pair("5")); }) ==
        "cannot write " + out +
            ": the directory holds other files (notes.txt); it is replaced whole, so only a new directory or one "
            "written the same way is replaced");
  CHECK(test::read_file(out + "/notes.txt") == "mine");
  CHECK(error_of([&] { write_directory_atomically(out + "/notes.txt", pair("5")); }) ==
        "cannot write " + out + "/notes.txt: Not a directory");
}

}  // namespace kg
