#pragma once
// Output files written whole or not at all, with one set of rules for every
// writer (docs/CLI.md, "Output files"):
// - "-" is standard output (base/standard_output.hpp).
// - A regular file, or a path that does not exist yet, is written to a
//   temporary file `.kg-XXXXXX` in the same directory (created with
//   O_EXCL|O_NOFOLLOW and written through that descriptor only), flushed,
//   fsync'ed and renamed over the target; the directory is fsync'ed after.
//   An existing file keeps its mode (and its owner where the process may
//   set it); a read-only one is refused unless replace_read_only is set.
// - A symbolic link is followed: its final target is replaced, the link is
//   kept (as `sed -i --follow-symlinks` does).
// - A character or block device, FIFO or socket is written directly: it is
//   never replaced or renamed over. So is an open descriptor named through
//   /proc/PID/fd (/dev/stdout, /dev/fd/N): it is written as the shell opened
//   it, appending after `>>`.
// - A directory of files is staged in a temporary directory beside the
//   target and swapped into place in one step (renameat2 RENAME_EXCHANGE),
//   so that readers and concurrent writers see one whole set of files.
// Temporary paths are removed on failure and on SIGINT, SIGTERM, SIGHUP and
// SIGPIPE (base/interrupt_cleanup.hpp). Failures throw OutputError naming the
// path and the reason.
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

struct OutputFileOptions {
  // Replace a file nobody may write (no write permission bit set, or none
  // for this process); refused otherwise.
  bool replace_read_only = false;
};

// Streams what `write` writes to `path`. The writer's exceptions propagate
// after the temporary file is removed.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                      const OutputFileOptions& options = {});

// Writes `bytes` to `path` by the same rules.
void write_file_atomically(const std::string& path, std::string_view bytes, const OutputFileOptions& options = {});

// One file of a directory output: its name inside the directory and what
// writes it.
struct DirectoryEntry {
  std::string name;
  std::function<void(std::ostream&)> write;
};

// Writes the files of `entries` as the directory `path`, all of them or none.
// Missing parent directories are created. An existing target directory is
// replaced only when it holds nothing but files of these names (it was
// written by the same kind of output): anything else in it is refused rather
// than deleted.
void write_directory_atomically(const std::string& path, const std::vector<DirectoryEntry>& entries);

}  // namespace kg
