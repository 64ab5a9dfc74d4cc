#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "base/mapped_file.hpp"
#include "graph/exception.hpp"
#include "ingest/csv.hpp"
#include "ingest/edgelist.hpp"
#include "ingest/format.hpp"
#include "ingest/gexf.hpp"
#include "ingest/graphml.hpp"
#include "ingest/jsonl.hpp"
#include "ingest/kg_json.hpp"
#include "ingest/node_link.hpp"
#include "ingest/snapshot_reader.hpp"

namespace kg {
namespace {

std::string extension_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  std::string extension = path.substr(dot);
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

constexpr std::size_t kHeadBytes = 4096;

std::string read_head(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open: " + std::strerror(errno));
  std::string head(kHeadBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

std::string format_names() {
  std::string names;
  for (const auto& format : input_formats()) names += (names.empty() ? "" : ", ") + format.name;
  return names;
}

}  // namespace

const std::vector<Format>& input_formats() {
  // One line per reader.
  static const std::vector<Format> formats = {
      kg_json_format(),
      graphml_format(),
      gexf_format(),
      node_link_format(),
      cytoscape_format(),
      jsonl_format(),
      csv_format(),
      edgelist_format(),
      snapshot_format(),
  };
  return formats;
}

namespace {

// The format named `name`, or the one the path and the first bytes (of
// `contents` when the input was read already) point to.
const Format& choose_format(const std::string& path, const std::optional<std::string>& name,
                            const std::string* contents) {
  const auto& formats = input_formats();
  if (name) {
    for (const auto& format : formats) {
      if (format.name == *name) return format;
    }
    throw InputError("unknown input format '" + *name + "' (known: " + format_names() + ")");
  }
  // A directory is a graph of CSV tables (entities.csv, relations.csv).
  if (std::filesystem::is_directory(path)) {
    for (const auto& format : formats) {
      if (format.name == "csv") return format;
    }
  }
  const std::string extension = extension_of(path);
  std::vector<const Format*> candidates;
  for (const auto& format : formats) {
    const auto& extensions = format.extensions;
    if (std::find(extensions.begin(), extensions.end(), extension) != extensions.end()) {
      candidates.push_back(&format);
    }
  }
  if (candidates.size() == 1) return *candidates.front();
  const std::string head = contents ? contents->substr(0, kHeadBytes) : read_head(path);
  // Later formats sniff more narrowly (node-link looks at top-level members
  // only, kg JSON for its member names anywhere), so they are asked first;
  // the first candidate stays the fallback.
  for (auto format = candidates.rbegin(); format != candidates.rend(); ++format) {
    if ((*format)->sniff(head)) return **format;
  }
  for (const auto& format : formats) {
    if (format.sniff(head)) return format;
  }
  if (!candidates.empty()) return *candidates.front();
  throw InputError(Field{"format"}, Message{path + ": cannot tell the input format from the extension '" + extension +
                                                "' or the content; name it with ",
                                            Field{"format"}, " (one of " + format_names() + ")"});
}

}  // namespace

const Format& choose_input_format(const std::string& path, const std::optional<std::string>& name) {
  return choose_format(path, name, nullptr);
}

ReadResult read_graph(const std::string& path, const std::optional<std::string>& format, const ReadOptions& options) {
  if (options.contents || !is_stream_input(path)) {
    return choose_format(path, format, options.contents.get()).read(path, options);
  }
  // Standard input, a pipe or a device can be read only once: read it whole,
  // then tell the format from its first bytes and parse what was read.
  ReadOptions read_once = options;
  read_once.contents = std::make_shared<const std::string>(read_whole_stream(path));
  const std::string name = path == "-" ? "<stdin>" : path;
  return choose_format(name, format, read_once.contents.get()).read(name, read_once);
}

}  // namespace kg
