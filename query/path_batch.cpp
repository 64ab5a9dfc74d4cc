#include "query/path_batch.hpp"

#include <fmt/core.h>

#include "query/printable.hpp"

namespace kg::query {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

[[noreturn]] void malformed(const std::string& name, std::size_t line, std::size_t column, const std::string& what) {
  throw InputError(fmt::format("{}:{}:{}: {}", name, line, column, what));
}

}  // namespace

std::vector<PathPair> read_path_pairs(std::istream& in, const std::string& name) {
  std::vector<PathPair> pairs;
  std::string text;
  std::size_t number = 0;
  while (std::getline(in, text)) {
    ++number;
    std::string_view line = text;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    const auto tab = line.find('\t');
    if (tab == std::string_view::npos) {
      malformed(name, number, line.size() + 1, "expected SOURCE<TAB>TARGET, found no tab");
    }
    const auto second_tab = line.find('\t', tab + 1);
    if (second_tab != std::string_view::npos) {
      malformed(name, number, second_tab + 1, "a second tab: a line holds one SOURCE<TAB>TARGET pair");
    }
    const std::string_view source = trimmed(line.substr(0, tab));
    const std::string_view target = trimmed(line.substr(tab + 1));
    if (source.empty()) malformed(name, number, 1, "no source before the tab");
    if (target.empty()) malformed(name, number, tab + 2, "no target after the tab");
    pairs.push_back({std::string(source), std::string(target), number});
  }
  if (in.bad()) throw InputError(name + ": cannot read the batch");
  return pairs;
}

void PathBatchRequest::validate() const { options.validate(); }

PathBatchAnswerer::PathBatchAnswerer(const PathBatchRequest& batch, QueryContext& context, BatchFormat format,
                                     FieldNamer namer)
    : batch_(batch), context_(context), format_(format), namer_(std::move(namer)), search_(batch.options, context) {
  const auto out = [this](std::string_view piece) { output_ += piece; };
  if (format_ == BatchFormat::Json) {
    json_.emplace(context.graph(), out, namer_);
  } else {
    text_.emplace(context.graph(), out, namer_);
  }
}

PairAnswer PathBatchAnswerer::answer(std::size_t i) {
  const PathPair& pair = batch_.pairs.at(i);
  output_.clear();
  if (text_) output_ = fmt::format("{}== {} -> {}\n", i == 0 ? "" : "\n", printable(pair.source), printable(pair.target));
  EntityId from = 0;
  EntityId to = 0;
  try {
    from = context_.resolve(pair.source);
    to = context_.resolve(pair.target);
  } catch (const NameNotFound& unknown) {
    if (text_) return {output_ + printable(unknown.what()) + "\n", PairOutcome::UnknownName};
    return {json_text([&](JsonSink& json) {
              json.StartObject();
              json.Key("source");
              write_string(json, pair.source);
              json.Key("target");
              write_string(json, pair.target);
              json.Key("error");
              write_string(json, unknown.what());
              json.EndObject();
            }) + "\n",
            PairOutcome::UnknownName};
  }
  PathSink& sink = text_ ? static_cast<PathSink&>(*text_) : *json_;
  const PathAnswer answer = search_.run(from, to, sink);
  const PairOutcome outcome = answer.cut            ? PairOutcome::Cut
                              : answer.count == 0 ? PairOutcome::NoPath
                                                  : PairOutcome::Found;
  return {std::move(output_), outcome};
}

}  // namespace kg::query
