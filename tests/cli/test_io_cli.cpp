// Faults at kg's boundaries, with real processes: standard output that fails
// (/dev/full) or whose reader is gone (EPIPE), special files and links as
// -o, read-only targets, full disks (ulimit -f), signals in the middle of a
// write, concurrent directory writers, and standard input in every format.
// Everything is written inside the test's temporary directory (the devices
// /dev/null and /dev/full are only written to, never replaced).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <map>
#include <thread>

#include "ingest/format.hpp"
#include "tests/support/support.hpp"

extern char** environ;

namespace kg::test {
namespace {

std::string sample() { return source_dir() + "/samples/openai.json"; }
std::string quoted_sample() { return shell_quote(sample()); }

bool has_temporary(const std::string& dir) {
  for (const auto& name : names_in(dir)) {
    if (name.rfind(".kg-", 0) == 0) return true;
  }
  return false;
}

// A chain of `entities` with a few extra relations each, large enough that
// writing it takes a while (GraphML of ~100 bytes per relation and more).
std::string large_graph(std::size_t entities) {
  const std::string path = temp_dir() + "/large-" + std::to_string(entities) + ".json";
  std::ofstream out(path);
  out << "{\"kg\": 1, \"name\": \"large\", \"entities\": [";
  for (std::size_t i = 0; i < entities; ++i) {
    out << (i ? "," : "") << "{\"id\": \"e" << i << "\", \"name\": \"Entity number " << i << "\", \"type\": \"thing\"}";
  }
  out << "], \"relations\": [";
  bool first = true;
  for (std::size_t i = 0; i + 1 < entities; ++i) {
    for (std::size_t step : {1, 7, 31}) {
      if (i + step >= entities) continue;
      out << (first ? "" : ",") << "{\"source\": \"e" << i << "\", \"target\": \"e" << i + step
          << "\", \"type\": \"links\", \"date\": \"2020\"}";
      first = false;
    }
  }
  out << "]}\n";
  REQUIRE(out.good());
  return path;
}

const std::string& big_graph() {
  static const std::string path = large_graph(60000);
  return path;
}

struct Outcome {
  bool signalled;
  int code;  // the exit code, or the signal
  std::string err;
};

// Starts kg with `args`; standard output goes to `out_fd`, standard error to
// a file read back by finish().
class Process {
 public:
  Process(const std::vector<std::string>& args, int out_fd, bool ignore_sigpipe = false) {
    err_path_ = temp_dir() + "/stderr";
    std::vector<std::string> argv_strings{kg_binary()};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : argv_strings) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    // What the test runner ignores or blocks must not leak into kg.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t defaults, empty;
    sigemptyset(&defaults);
    for (const int s : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
      if (!(ignore_sigpipe && s == SIGPIPE)) sigaddset(&defaults, s);
    }
    sigemptyset(&empty);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setsigmask(&attributes, &empty);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    struct sigaction previous {}, ignore {};
    ignore.sa_handler = SIG_IGN;
    if (ignore_sigpipe) ::sigaction(SIGPIPE, &ignore, &previous);  // inherited as ignored
    const int status = posix_spawn(&pid_, argv[0], &actions, &attributes, argv.data(), environ);
    if (ignore_sigpipe) ::sigaction(SIGPIPE, &previous, nullptr);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    REQUIRE(status == 0);
  }
  pid_t pid() const { return pid_; }
  Outcome finish() {
    int status = 0;
    REQUIRE(::waitpid(pid_, &status, 0) == pid_);
    return {WIFSIGNALED(status), WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status), read_file(err_path_)};
  }

 private:
  pid_t pid_ = -1;
  std::string err_path_;
};

int open_write(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  REQUIRE(fd >= 0);
  return fd;
}

// Every command that prints, with what it needs.
const std::vector<std::string>& printing_commands() {
  static const std::vector<std::string> commands = {
      "info {}",        "info {} --format json",      "validate {}",          "path {} musk microsoft",
      "neighbors {} openai", "rank {} --by pagerank", "components {}",        "communities {}",
      "export {} --to graphml", "export {} --to kgs",  "render {} -o - --to dot", "render {} -o - --to svg",
      "convert {} - --to jsonl", "timeline {}", "find {} musk", "diff {} 2015 2017",
  };
  return commands;
}

std::string with_graph(const std::string& command, const std::string& graph) {
  const auto at = command.find("{}");
  return command.substr(0, at) + graph + command.substr(at + 2);
}

std::vector<std::string> split(const std::string& command) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < command.size()) {
    std::size_t end = command.find(' ', start);
    if (end == std::string::npos) end = command.size();
    if (end > start) words.push_back(command.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

}  // namespace

TEST_CASE("a failed write to standard output exits 5 and says why, for every command") {
  for (const auto& command : printing_commands()) {
    CAPTURE(command);
    const auto result = run("sh -c " + shell_quote(shell_quote(kg_binary()) + " " +
                                                    with_graph(command, quoted_sample()) + " >/dev/full"));
    CHECK(result.exit_code == 5);
    CHECK(result.err == "kg: cannot write output: No space left on device\n");
  }
  const auto help = run("sh -c " + shell_quote(shell_quote(kg_binary()) + " info --help >/dev/full"));
  CHECK(help.exit_code == 5);
}

TEST_CASE("a closed pipe ends kg quietly, as SIGPIPE does, even when SIGPIPE is ignored") {
  for (const bool ignored : {false, true}) {
    for (const auto& command : printing_commands()) {
      CAPTURE(command);
      CAPTURE(ignored);
      int ends[2];
      REQUIRE(::pipe(ends) == 0);
      ::close(ends[0]);  // nobody will read
      Process kg(split(with_graph(command, sample())), ends[1], ignored);
      ::close(ends[1]);
      const Outcome outcome = kg.finish();
      CHECK(outcome.signalled);
      CHECK(outcome.code == SIGPIPE);
      CHECK(outcome.err == "");
    }
  }
  // The shell's view: `kg ... | head -1` with a large answer.
  const auto piped = run("bash -c " + shell_quote("set -o pipefail; " + shell_quote(kg_binary()) + " export " +
                                                  shell_quote(big_graph()) + " --to graphml | head -1"));
  CHECK(piped.exit_code == 128 + SIGPIPE);
  CHECK(piped.out == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  CHECK(piped.err == "");
}

TEST_CASE("-o to a device or a FIFO writes into it and never replaces it") {
  const std::string dir = temp_dir();
  for (const std::string command : {"export {} --to graphml -o /dev/full", "convert {} /dev/full --to gexf",
                                    "render {} -o /dev/full --to svg"}) {
    CAPTURE(command);
    const auto result = run_kg(with_graph(command, quoted_sample()));
    CHECK(result.exit_code == 5);
    CHECK(result.err == "kg: cannot write /dev/full: No space left on device\n");
  }
  struct stat info {};
  REQUIRE(::stat("/dev/full", &info) == 0);
  CHECK(S_ISCHR(info.st_mode));

  for (const std::string command : {"export {} --to graphml -o /dev/null", "render {} -o /dev/null --to svg",
                                    "convert {} /dev/null --to kgs"}) {
    CAPTURE(command);
    CHECK(run_kg(with_graph(command, quoted_sample())).exit_code == 0);
  }
  REQUIRE(::stat("/dev/null", &info) == 0);
  CHECK(S_ISCHR(info.st_mode));

  // /dev/stdout is the descriptor, whatever it holds: a pipe, a file opened
  // for appending, a full device.
  const std::string expected = run_kg("export " + quoted_sample() + " --to json").out;
  const std::string to_stdout = shell_quote(kg_binary()) + " export " + quoted_sample() + " --to json -o /dev/stdout";
  const auto piped = run("sh -c " + shell_quote(to_stdout + " | cat"));
  CHECK(piped.exit_code == 0);
  CHECK(piped.out == expected);
  write_file(dir + "/log", "before\n");
  CHECK(run("sh -c " + shell_quote(to_stdout + " >> " + shell_quote(dir + "/log"))).exit_code == 0);
  CHECK(read_file(dir + "/log") == "before\n" + expected);
  const auto full = run("sh -c " + shell_quote(to_stdout + " > /dev/full"));
  CHECK(full.exit_code == 5);
  CHECK(full.err == "kg: cannot write output: No space left on device\n");
  std::filesystem::remove(dir + "/log");

  const std::string fifo = dir + "/pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto reader = std::async(std::launch::async, [&] { return read_file(fifo); });
  const auto written = run_kg("export " + quoted_sample() + " --to graphml -o " + shell_quote(fifo));
  CHECK(written.exit_code == 0);
  CHECK(reader.get() == run_kg("export " + quoted_sample() + " --to graphml").out);
  REQUIRE(::lstat(fifo.c_str(), &info) == 0);
  CHECK(S_ISFIFO(info.st_mode));
  CHECK(names_in(dir) == std::vector<std::string>{"pipe"});
}

TEST_CASE("- is standard output for render, export and convert, in every format") {
  for (const std::string to : {"csv", "graphml", "kgs", "json"}) {
    CAPTURE(to);
    const auto exported = run_kg("export " + quoted_sample() + " --to " + to + " -o -");
    CHECK(exported.exit_code == 0);
    CHECK(!exported.out.empty());
    CHECK(exported.out == run_kg("export " + quoted_sample() + " --to " + to).out);
    CHECK(run_kg("convert " + quoted_sample() + " - --to " + to).out == exported.out);
  }
}

TEST_CASE("-o keeps a file's mode and links, refuses read-only files without --force, names bad paths") {
  const std::string dir = temp_dir();
  const std::string expected = run_kg("export " + quoted_sample() + " --to graphml").out;
  const std::string target = dir + "/private.graphml";
  write_file(target, "old");
  REQUIRE(::chmod(target.c_str(), 0600) == 0);
  std::filesystem::create_symlink("private.graphml", dir + "/link.graphml");
  CHECK(run_kg("export " + quoted_sample() + " --to graphml -o " + shell_quote(dir + "/link.graphml")).exit_code == 0);
  struct stat info {};
  REQUIRE(::lstat((dir + "/link.graphml").c_str(), &info) == 0);
  CHECK(S_ISLNK(info.st_mode));
  REQUIRE(::lstat(target.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0600);
  CHECK(read_file(target) == expected);

  REQUIRE(::chmod(target.c_str(), 0444) == 0);
  for (const std::string command : {"export {} --to graphml -o ", "convert {} --to graphml ", "render {} --to svg -o "}) {
    CAPTURE(command);
    const auto refused = run_kg(with_graph(command, quoted_sample()) + shell_quote(target));
    CHECK(refused.exit_code == 5);
    CHECK(refused.err == "kg: cannot write " + target + ": the file is read-only (--force replaces it)\n");
    CHECK(read_file(target) == expected);
  }
  CHECK(run_kg("render " + quoted_sample() + " --to svg --force -o " + shell_quote(target)).exit_code == 0);
  CHECK(read_file(target).find("<svg") != std::string::npos);
  REQUIRE(::lstat(target.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0444);

  write_file(dir + "/plain", "x");
  const auto not_dir = run_kg("export " + quoted_sample() + " --to json -o " + shell_quote(dir + "/plain/"));
  CHECK(not_dir.exit_code == 5);
  CHECK(not_dir.err == "kg: cannot write " + dir + "/plain/: Not a directory\n");
  const auto is_dir = run("cd " + shell_quote(dir) + " && " + shell_quote(kg_binary()) + " export " + quoted_sample() +
                          " --to json -o .");
  CHECK(is_dir.exit_code == 5);
  CHECK(is_dir.err == "kg: cannot write .: Is a directory\n");
  const std::string long_name = dir + "/" + std::string(250, 'x') + ".json";
  CHECK(run_kg("export " + quoted_sample() + " --to json -o " + shell_quote(long_name)).exit_code == 0);
  CHECK(run_kg("info " + shell_quote(long_name)).exit_code == 0);

  if (::geteuid() != 0) {  // root writes anywhere
    std::filesystem::create_directories(dir + "/locked");
    write_file(dir + "/locked/g.json", "old");
    REQUIRE(::chmod((dir + "/locked").c_str(), 0555) == 0);
    const auto locked = run_kg("export " + quoted_sample() + " --to json -o " + shell_quote(dir + "/locked/g.json"));
    CHECK(locked.exit_code == 5);
    CHECK(locked.err == "kg: cannot write " + dir + "/locked/g.json: cannot create a temporary file in " + dir +
                            "/locked: Permission denied\n");
    ::chmod((dir + "/locked").c_str(), 0755);
  }
}

TEST_CASE("a full disk (ulimit -f) leaves the old file or directory and no temporary") {
  const std::string dir = temp_dir();
  const std::string target = dir + "/out.graphml";
  write_file(target, "old");
  const auto limited = [&](const std::string& arguments) {
    return run("bash -c " + shell_quote("ulimit -f 64; exec " + shell_quote(kg_binary()) + " " + arguments));
  };
  const auto file = limited("export " + shell_quote(big_graph()) + " --to graphml -o " + shell_quote(target));
  CHECK(file.exit_code == 5);
  CHECK(file.err == "kg: cannot write " + target + ": File too large\n");
  CHECK(read_file(target) == "old");

  const std::string csv = dir + "/csv";
  REQUIRE(run_kg("export " + quoted_sample() + " --to csv -o " + shell_quote(csv)).exit_code == 0);
  const std::string entities = read_file(csv + "/entities.csv"), relations = read_file(csv + "/relations.csv");
  const auto directory = limited("export " + shell_quote(big_graph()) + " --to csv -o " + shell_quote(csv));
  CHECK(directory.exit_code == 5);
  CHECK(directory.err.find("File too large") != std::string::npos);
  CHECK(read_file(csv + "/entities.csv") == entities);
  CHECK(read_file(csv + "/relations.csv") == relations);
  CHECK(names_in(dir) == std::vector<std::string>{"csv", "out.graphml"});
}

TEST_CASE("a signal in the middle of a write leaves the target untouched and no temporary") {
  for (const int signal : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
    for (const std::string to : {"graphml", "csv"}) {
      CAPTURE(signal);
      CAPTURE(to);
      const std::string dir = temp_dir();
      const std::string target = dir + "/out";
      if (to == "csv") {
        std::filesystem::create_directories(target);
        write_file(target + "/entities.csv", "old");
      } else {
        write_file(target, "old");
      }
      const int out = open_write(temp_dir() + "/stdout");
      Process kg({"export", big_graph(), "--to", to, "-o", target}, out);
      ::close(out);
      // Wait until the temporary exists, then interrupt.
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
      bool seen = false;
      while (!seen && std::chrono::steady_clock::now() < deadline) {
        seen = has_temporary(dir);
        if (!seen) std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
      REQUIRE(seen);
      ::kill(kg.pid(), signal);
      const Outcome outcome = kg.finish();
      CHECK(outcome.signalled);
      CHECK(outcome.code == signal);
      CHECK(names_in(dir) == std::vector<std::string>{"out"});
      CHECK(read_file(to == "csv" ? target + "/entities.csv" : target) == "old");
    }
  }
}

TEST_CASE("concurrent writers of one CSV directory never mix their files") {
  const std::string small = large_graph(300), other = large_graph(2000);
  const std::string dir = temp_dir();
  std::map<std::string, std::string> pairs;  // entities.csv -> relations.csv, of each graph
  for (const auto& graph : {small, other}) {
    const std::string alone = temp_dir() + "/alone";
    REQUIRE(run_kg("export " + shell_quote(graph) + " --to csv -o " + shell_quote(alone)).exit_code == 0);
    pairs[read_file(alone + "/entities.csv")] = read_file(alone + "/relations.csv");
  }
  const std::string target = dir + "/csv";
  for (int round = 0; round < 24; ++round) {
    CAPTURE(round);
    const int out = open_write(temp_dir() + "/stdout");
    Process first({"export", round % 2 ? small : other, "--to", "csv", "-o", target}, out);
    Process second({"export", round % 2 ? other : small, "--to", "csv", "-o", target}, out);
    ::close(out);
    const Outcome a = first.finish(), b = second.finish();
    CHECK(a.code == 0);
    CHECK(b.code == 0);
    CHECK(a.err == "");
    const auto entities = pairs.find(read_file(target + "/entities.csv"));
    REQUIRE(entities != pairs.end());
    CHECK(read_file(target + "/relations.csv") == entities->second);
    CHECK(names_in(target) == std::vector<std::string>{"entities.csv", "relations.csv"});
    CHECK(names_in(dir) == std::vector<std::string>{"csv"});
  }
}

TEST_CASE("standard input, pipes and FIFOs are read in every format, with and without --from") {
  const std::string dir = temp_dir();
  for (const Format& format : input_formats()) {
    CAPTURE(format.name);
    const std::string writer = format.name == "kg-json" ? "json" : format.name;
    std::string file = dir + "/graph" + (format.extensions.empty() ? "" : format.extensions.front());
    if (writer == "csv") {
      REQUIRE(run_kg("export " + quoted_sample() + " --to csv -o " + shell_quote(dir + "/csv")).exit_code == 0);
      file = dir + "/csv/relations.csv";
    } else {
      const auto exported = run_kg("export " + quoted_sample() + " --to " + writer + " -o " + shell_quote(file));
      if (exported.exit_code != 0) {
        MESSAGE("no writer for " << format.name << ": " << exported.err);
        continue;
      }
    }
    const std::string kg = shell_quote(kg_binary());
    const auto expected = run_kg("info " + shell_quote(file) + " --format json --from " + format.name);
    REQUIRE(expected.exit_code == 0);
    // CSV says nothing about itself in its first bytes: it needs --from.
    std::vector<std::string> froms{" --from " + format.name};
    if (format.name != "csv") froms.push_back("");
    for (const auto& from : froms) {
      CAPTURE(from);
      for (const std::string& reading : std::vector<std::string>{"cat {} | " + kg + " info -", "cat {} | " + kg + " info /dev/stdin",
                                        kg + " info - < {}", kg + " info /dev/stdin < {}"}) {
        CAPTURE(reading);
        const auto result = run("bash -c " + shell_quote(with_graph(reading, shell_quote(file)) + from +
                                                         " --format json"));
        CHECK(result.exit_code == 0);
        CHECK(result.err == "");
        CHECK(result.out == expected.out);
      }
      const std::string fifo = dir + "/fifo";
      std::filesystem::remove(fifo);
      REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
      const auto through_fifo = run("bash -c " + shell_quote("cat " + shell_quote(file) + " > " + shell_quote(fifo) +
                                                             " & " + kg + " info " + shell_quote(fifo) + from +
                                                             " --format json; wait"));
      CHECK(through_fifo.exit_code == 0);
      CHECK(through_fifo.out == expected.out);
    }
  }
  const auto broken = run("bash -c " + shell_quote("echo '{\"kg\": 1, \"entities\": [' | " +
                                                   shell_quote(kg_binary()) + " info -"));
  CHECK(broken.exit_code == 3);
  CHECK(broken.err.rfind("kg: <stdin>:", 0) == 0);
}

}  // namespace kg::test

namespace kg::test {

// The edge list reader once ignored input read before it ran: every edge list
// on standard input was "<stdin>: cannot open".
TEST_CASE("an edge list is read from standard input") {
  const auto piped = run("bash -c " + shell_quote("printf 'a\\tb\\nb\\tc\\n' | " + shell_quote(kg_binary()) +
                                                  " info - --from edgelist --format json"));
  CHECK(piped.exit_code == 0);
  CHECK(piped.out.find("\"entities\":3,\"relations\":2") != std::string::npos);
}

}  // namespace kg::test
