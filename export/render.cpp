#include "export/render.hpp"

#include <fcntl.h>
#include <gvc.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>

#include "graph/exception.hpp"

namespace kg {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// `sfdp_fits`: whether sfdp would take the drawing, so suggesting it helps.
Message advice(std::size_t entities, std::size_t relations, std::string_view engine, bool sfdp_fits) {
  const std::string size = "a " + std::string(engine) + " layout of " + std::to_string(entities) + " entities and " +
                           std::to_string(relations) + " relations would take too long; draw less with ";
  const bool suggest_sfdp = sfdp_fits && engine != "sfdp";
  return Message{size, Field{"focus"}, " X ", Field{"depth"}, " N, ", Field{"path"}, " A B or the filters (",
                 Field{"relation_types"}, ", ", Field{"entity_types"}, ", ", Field{"as_of"},
                 "), or collapse hubs with ", Field{"collapse_hubs"}, suggest_sfdp ? " N, or use " : " N",
                 suggest_sfdp ? Message::Part{Field{"engine"}} : Message::Part{std::string()},
                 suggest_sfdp ? " sfdp" : ""};
}

}  // namespace

std::string_view engine_name(LayoutEngine engine) {
  switch (engine) {
    case LayoutEngine::Dot: return "dot";
    case LayoutEngine::Neato: return "neato";
    case LayoutEngine::Sfdp: return "sfdp";
    case LayoutEngine::Circo: return "circo";
  }
  return "dot";
}

std::string_view format_name(ImageFormat format) {
  switch (format) {
    case ImageFormat::Svg: return "svg";
    case ImageFormat::Png: return "png";
    case ImageFormat::Pdf: return "pdf";
    case ImageFormat::Dot: return "dot";
    case ImageFormat::Html: return "html";
  }
  return "svg";
}

std::optional<ImageFormat> format_from_path(std::string_view path) {
  const std::string extension = lower(std::filesystem::path(std::string(path)).extension().string());
  if (extension == ".svg") return ImageFormat::Svg;
  if (extension == ".png") return ImageFormat::Png;
  if (extension == ".pdf") return ImageFormat::Pdf;
  if (extension == ".dot" || extension == ".gv") return ImageFormat::Dot;
  if (extension == ".html" || extension == ".htm") return ImageFormat::Html;
  return std::nullopt;
}

LayoutLimits LayoutLimits::unbounded() {
  LayoutLimits limits;
  for (std::size_t* limit : {&limits.dot_entities, &limits.dot_relations, &limits.circo_entities,
                             &limits.circo_relations, &limits.neato_entities, &limits.neato_relations,
                             &limits.sfdp_entities, &limits.sfdp_relations}) {
    *limit = SIZE_MAX;
  }
  return limits;
}

EngineChoice choose_engine(std::size_t entities, std::size_t relations, std::optional<LayoutEngine> requested,
                           const LayoutLimits& limits) {
  if (!requested) {
    if (entities > limits.auto_sfdp_entities) {
      requested = LayoutEngine::Sfdp;
    } else if (entities <= limits.auto_dot_entities && relations <= limits.auto_dot_relations) {
      requested = LayoutEngine::Dot;
    } else {
      requested = LayoutEngine::Neato;
    }
  }
  const LayoutEngine engine = *requested;
  bool too_large = false;
  switch (engine) {
    case LayoutEngine::Dot: too_large = entities > limits.dot_entities || relations > limits.dot_relations; break;
    case LayoutEngine::Circo:
      too_large = entities > limits.circo_entities || relations > limits.circo_relations;
      break;
    case LayoutEngine::Neato:
      too_large = entities > limits.neato_entities || relations > limits.neato_relations;
      break;
    case LayoutEngine::Sfdp:
      too_large = entities > limits.sfdp_entities || relations > limits.sfdp_relations;
      break;
  }
  if (too_large) {
    const bool sfdp_fits = entities <= limits.sfdp_entities && relations <= limits.sfdp_relations;
    throw InvalidArgument(Field{"engine"}, advice(entities, relations, engine_name(engine), sfdp_fits));
  }
  std::string note;
  if (engine == LayoutEngine::Sfdp && entities > limits.auto_sfdp_entities) {
    note = "using sfdp for " + std::to_string(entities) + " entities";
  }
  return {engine, note};
}

namespace {

// What the layout process hands back at the start of its result file.
struct ChildReport {
  enum Stage : std::int32_t { Parse, Layout, Render, Done } stage = Parse;
  double parse_seconds = 0, layout_seconds = 0, render_seconds = 0;
  std::uint64_t length = 0;
};

struct LayoutOutcome {
  ChildReport report;
  std::string bytes;                  // what the product made
  std::vector<std::string> messages;  // Graphviz's, by line
};

// An anonymous file both processes see: the child writes, the parent reads
// after the child is gone (so neither needs to drain a pipe in time).
class SharedFile {
 public:
  explicit SharedFile(const char* name) : fd_(::memfd_create(name, MFD_CLOEXEC)) {
    if (fd_ < 0) throw Error(std::string("cannot create a file for Graphviz: ") + std::strerror(errno));
  }
  ~SharedFile() { ::close(fd_); }
  SharedFile(const SharedFile&) = delete;
  SharedFile& operator=(const SharedFile&) = delete;
  int fd() const { return fd_; }
  std::string read_all() const {
    std::string text;
    char buffer[65536];
    ::lseek(fd_, 0, SEEK_SET);
    for (ssize_t n; (n = ::read(fd_, buffer, sizeof buffer)) != 0;) {
      if (n < 0) {
        if (errno == EINTR) continue;
        throw Error(std::string("cannot read what Graphviz wrote: ") + std::strerror(errno));
      }
      text.append(buffer, static_cast<std::size_t>(n));
    }
    return text;
  }

 private:
  int fd_;
};

bool write_all(int fd, const void* data, std::size_t size) {
  const char* bytes = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, bytes, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

// Ends the layout process after handing its report and bytes to the parent.
[[noreturn]] void finish(ChildReport report, int result_fd, const char* data, std::size_t length) {
  std::fflush(stderr);
  report.length = length;
  const bool written = write_all(result_fd, &report, sizeof report) && write_all(result_fd, data, length);
  ::_exit(written ? 0 : 1);
}

// What the layout process makes of the laid-out graph: the bytes it hands
// back, or nullopt when Graphviz failed.
using LayoutProduct = std::function<std::optional<std::string>(GVC_t*, Agraph_t*)>;

// The layout process: Graphviz prints its messages on stderr (here the
// messages file) with the plain vfprintf path; kg's message callback is
// never installed, because Graphviz 2.42 formats a message longer than 1 KiB
// for a callback twice from one va_list (garbage, or a crash).
[[noreturn]] void lay_out_in_child(const std::string& dot, LayoutEngine engine, const LayoutProduct& product,
                                   int result_fd, int messages_fd) {
  // The parent's handlers (removing its temporary files) are not ours to run.
  for (const int signal : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) std::signal(signal, SIG_DFL);
  ::dup2(messages_fd, STDERR_FILENO);
  ChildReport report;
  auto start = std::chrono::steady_clock::now();
  GVC_t* const context = gvContext();
  Agraph_t* const graph = context ? agmemread(dot.c_str()) : nullptr;
  if (!graph) finish(report, result_fd, nullptr, 0);
  report.parse_seconds = seconds_since(start);
  report.stage = ChildReport::Layout;
  start = std::chrono::steady_clock::now();
  if (gvLayout(context, graph, std::string(engine_name(engine)).c_str()) != 0) finish(report, result_fd, nullptr, 0);
  report.layout_seconds = seconds_since(start);
  report.stage = ChildReport::Render;
  start = std::chrono::steady_clock::now();
  // No gvFreeLayout, agclose or gvFreeContext: the process ends here, and
  // Graphviz 2.42's dot cleanup double-frees clusters (docs/RENDERING.md).
  const std::optional<std::string> bytes = product(context, graph);
  report.render_seconds = seconds_since(start);
  if (!bytes) finish(report, result_fd, nullptr, 0);
  report.stage = ChildReport::Done;
  finish(report, result_fd, bytes->data(), bytes->size());
}

// Waits for the child until `deadline`; kills it past the deadline.
// Returns the wait status, or nullopt when the deadline passed.
std::optional<int> wait_for(pid_t child, int exit_pipe, std::optional<std::chrono::steady_clock::time_point> deadline) {
  for (;;) {
    int timeout_ms = -1;
    if (deadline) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline -
                                                                              std::chrono::steady_clock::now());
      timeout_ms = static_cast<int>(std::clamp<std::int64_t>(left.count(), 0, 60 * 60 * 1000));
    }
    pollfd watch{exit_pipe, POLLIN, 0};
    const int ready = ::poll(&watch, 1, timeout_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0 && deadline && std::chrono::steady_clock::now() >= *deadline) {
      ::kill(child, SIGKILL);
      int status = 0;
      while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
      }
      return std::nullopt;
    }
    if (ready != 0) break;  // the write end closed: the child is gone
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) throw Error(std::string("cannot wait for the Graphviz layout: ") + std::strerror(errno));
  }
  return status;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string all;
  for (const auto& line : lines) all += (all.empty() ? "" : "; ") + line;
  return all;
}


// Lays `dot` out in a child process (see render_dot) and returns what
// `product` made of it; `what` names the product in errors ("render svg").
LayoutOutcome lay_out(const std::string& dot, LayoutEngine engine, const LayoutProduct& product,
                      const std::string& what, std::optional<std::chrono::steady_clock::time_point> deadline) {
  // The layout runs in a child process: Graphviz cannot be stopped from
  // inside, a crash in it must not take kg down, and each layout gets a
  // fresh context (2.42's text layout keeps pointers into its first one).
  const SharedFile result("kg-graphviz-result"), messages("kg-graphviz-messages");
  int exit_pipe[2];
  if (::pipe2(exit_pipe, O_CLOEXEC) != 0) throw Error(std::string("cannot start Graphviz: ") + std::strerror(errno));
  std::fflush(nullptr);
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(exit_pipe[0]);
    lay_out_in_child(dot, engine, product, result.fd(), messages.fd());
  }
  ::close(exit_pipe[1]);
  if (child < 0) {
    ::close(exit_pipe[0]);
    throw Error(std::string("cannot start Graphviz: ") + std::strerror(errno));
  }
  const auto status = wait_for(child, exit_pipe[0], deadline);
  ::close(exit_pipe[0]);
  if (!status) {
    throw TimeLimitReached("the " + std::string(engine_name(engine)) + " layout did not finish in time");
  }
  LayoutOutcome outcome;
  outcome.messages = lines_of(messages.read_all());
  const std::string said = joined(outcome.messages);
  if (WIFSIGNALED(*status)) {
    throw Error("Graphviz " + std::string(engine_name(engine)) + " crashed (signal " +
                std::to_string(WTERMSIG(*status)) + ")" + (said.empty() ? "" : ": " + said));
  }
  const std::string bytes = result.read_all();
  if (bytes.size() < sizeof outcome.report || WEXITSTATUS(*status) != 0) {
    throw Error("Graphviz " + std::string(engine_name(engine)) + " did not finish its work" +
                (said.empty() ? "" : ": " + said));
  }
  std::memcpy(&outcome.report, bytes.data(), sizeof outcome.report);
  switch (outcome.report.stage) {
    case ChildReport::Parse: throw InvalidArgument("Graphviz cannot read the DOT: " + said);
    case ChildReport::Layout:
      throw InvalidArgument("Graphviz " + std::string(engine_name(engine)) + " layout failed: " + said);
    case ChildReport::Render: throw InvalidArgument("Graphviz cannot " + what + ": " + said);
    case ChildReport::Done: break;
  }
  // Graphviz draws on after some errors (a bad position, a label it cannot
  // parse); the drawing then is not the one asked for.
  const bool refused = std::any_of(outcome.messages.begin(), outcome.messages.end(),
                                   [](const std::string& line) { return line.rfind("Error", 0) == 0; });
  if (refused) throw InvalidArgument("Graphviz cannot draw this: " + said);
  outcome.bytes = bytes.substr(sizeof outcome.report, outcome.report.length);
  return outcome;
}

}  // namespace

Rendering render_dot(const std::string& dot, LayoutEngine engine, ImageFormat format,
                     std::optional<std::chrono::steady_clock::time_point> deadline) {
  if (format == ImageFormat::Dot) return {dot, {}};
  const std::string name(format_name(format));
  LayoutOutcome outcome = lay_out(
      dot, engine,
      [&name](GVC_t* context, Agraph_t* graph) -> std::optional<std::string> {
        char* data = nullptr;
        unsigned int length = 0;
        if (gvRenderData(context, graph, name.c_str(), &data, &length) != 0 || !data || length == 0) {
          return std::nullopt;
        }
        return std::string(data, length);
      },
      "render " + name, deadline);
  Rendering rendering;
  rendering.bytes = std::move(outcome.bytes);
  rendering.warnings = std::move(outcome.messages);
  rendering.parse_seconds = outcome.report.parse_seconds;
  rendering.layout_seconds = outcome.report.layout_seconds;
  rendering.render_seconds = outcome.report.render_seconds;
  return rendering;
}

std::vector<NodePosition> layout_positions(const std::string& dot, LayoutEngine engine,
                                           std::optional<std::chrono::steady_clock::time_point> deadline) {
  // Each node as its name's length (8 bytes), the name, x and y (8 bytes each).
  const LayoutOutcome outcome = lay_out(
      dot, engine,
      [](GVC_t*, Agraph_t* graph) -> std::optional<std::string> {
        std::string packed;
        const auto put = [&packed](const void* data, std::size_t size) {
          packed.append(static_cast<const char*>(data), size);
        };
        for (Agnode_t* node = agfstnode(graph); node; node = agnxtnode(graph, node)) {
          const std::string_view name = agnameof(node);
          const std::uint64_t length = name.size();
          put(&length, sizeof length);
          put(name.data(), name.size());
          put(&ND_coord(node).x, sizeof(double));
          put(&ND_coord(node).y, sizeof(double));
        }
        return packed;
      },
      "find the positions", deadline);
  std::vector<NodePosition> positions;
  const std::string& packed = outcome.bytes;
  for (std::size_t at = 0; at + sizeof(std::uint64_t) <= packed.size();) {
    std::uint64_t length = 0;
    std::memcpy(&length, packed.data() + at, sizeof length);
    at += sizeof length;
    if (length > packed.size() - at || packed.size() - at - length < 2 * sizeof(double)) {
      throw Error("Graphviz's positions are cut short");
    }
    NodePosition position;
    position.name = packed.substr(at, length);
    at += length;
    std::memcpy(&position.x, packed.data() + at, sizeof(double));
    std::memcpy(&position.y, packed.data() + at + sizeof(double), sizeof(double));
    at += 2 * sizeof(double);
    positions.push_back(std::move(position));
  }
  return positions;
}

}  // namespace kg
