#include "export/render.hpp"

#include <gvc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include "graph/exception.hpp"

namespace kg {
namespace {

// Graphviz reports through a global callback; collect what it says during
// one rendering instead of letting it print.
std::string* graphviz_messages = nullptr;

int collect_message(char* message) {
  if (graphviz_messages) *graphviz_messages += message;
  return 0;
}

class MessageCapture {
 public:
  MessageCapture() {
    graphviz_messages = &text_;
    previous_ = agseterrf(collect_message);
  }
  ~MessageCapture() {
    agseterrf(previous_);
    graphviz_messages = nullptr;
  }
  std::vector<std::string> lines() const {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text_.size()) {
      std::size_t end = text_.find('\n', start);
      if (end == std::string::npos) end = text_.size();
      if (end > start) lines.push_back(text_.substr(start, end - start));
      start = end + 1;
    }
    return lines;
  }
  std::string joined() const {
    std::string all;
    for (const auto& line : lines()) all += (all.empty() ? "" : "; ") + line;
    return all;
  }

 private:
  std::string text_;
  agusererrf previous_ = nullptr;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string advice(std::size_t entities, std::size_t relations, std::string_view engine) {
  return "a " + std::string(engine) + " layout of " + std::to_string(entities) + " entities and " +
         std::to_string(relations) +
         " relations would take too long; draw less with --focus X --depth N, --path A B or the filters "
         "(--relations, --entity-types, --as-of), or collapse hubs with --collapse-hubs N" +
         (engine == "sfdp" ? "" : ", or use --engine sfdp");
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
  if (too_large) throw InvalidArgument(advice(entities, relations, engine_name(engine)));
  std::string note;
  if (engine == LayoutEngine::Sfdp && entities > limits.auto_sfdp_entities) {
    note = "using sfdp for " + std::to_string(entities) + " entities";
  }
  return {engine, note};
}

namespace {

// One context for the process: Graphviz 2.42's text layout plugin keeps a
// pointer into the font names of the context it last served, so a second
// context after the first is freed reads freed memory.
GVC_t* graphviz_context() {
  static GVC_t* const context = gvContext();
  if (!context) throw Error("Graphviz: cannot create a context");
  return context;
}

using GraphHandle = std::unique_ptr<Agraph_t, int (*)(Agraph_t*)>;

// `dot` read and laid out; the seconds each took added to `parse_seconds`
// and `layout_seconds`.
GraphHandle laid_out(const std::string& dot, LayoutEngine engine, const MessageCapture& messages,
                     double& parse_seconds, double& layout_seconds) {
  GVC_t* const context = graphviz_context();
  auto start = std::chrono::steady_clock::now();
  GraphHandle graph(agmemread(dot.c_str()), agclose);
  if (!graph) throw InvalidArgument("Graphviz cannot read the DOT: " + messages.joined());
  parse_seconds = seconds_since(start);
  start = std::chrono::steady_clock::now();
  if (gvLayout(context, graph.get(), std::string(engine_name(engine)).c_str()) != 0) {
    throw Error("Graphviz " + std::string(engine_name(engine)) + " layout failed: " + messages.joined());
  }
  layout_seconds = seconds_since(start);
  return graph;
}

}  // namespace

Rendering render_dot(const std::string& dot, LayoutEngine engine, ImageFormat format) {
  if (format == ImageFormat::Dot) return {dot, {}};
  Rendering rendering;
  MessageCapture messages;
  GVC_t* const context = graphviz_context();
  const GraphHandle graph = laid_out(dot, engine, messages, rendering.parse_seconds, rendering.layout_seconds);
  auto start = std::chrono::steady_clock::now();
  start = std::chrono::steady_clock::now();
  char* data = nullptr;
  unsigned int length = 0;
  const int status = gvRenderData(context, graph.get(), std::string(format_name(format)).c_str(), &data, &length);
  if (data) {
    rendering.bytes.assign(data, length);
    gvFreeRenderData(data);
  }
  // No gvFreeLayout: Graphviz 2.42's dot cleanup frees a cluster array that
  // an earlier realloc already moved (a double free under AddressSanitizer
  // with --cluster type). The layout's memory goes with the process.
  rendering.render_seconds = seconds_since(start);
  if (status != 0 || rendering.bytes.empty()) {
    throw Error("Graphviz cannot render " + std::string(format_name(format)) + ": " + messages.joined());
  }
  rendering.warnings = messages.lines();
  return rendering;
}

std::vector<NodePosition> layout_positions(const std::string& dot, LayoutEngine engine) {
  MessageCapture messages;
  double parse_seconds = 0, layout_seconds = 0;
  const GraphHandle graph = laid_out(dot, engine, messages, parse_seconds, layout_seconds);
  std::vector<NodePosition> positions;
  for (Agnode_t* node = agfstnode(graph.get()); node; node = agnxtnode(graph.get(), node)) {
    positions.push_back({agnameof(node), ND_coord(node).x, ND_coord(node).y});
  }
  // Like render_dot, no gvFreeLayout (Graphviz 2.42 double-frees clusters).
  return positions;
}

}  // namespace kg
