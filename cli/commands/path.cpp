#include "cli/commands/path.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

#include "algorithms/paths.hpp"
#include "base/standard_output.hpp"
#include "cli/commands/evidence_output.hpp"
#include "cli/text.hpp"
#include "graph/exception.hpp"
#include "graph/lookup.hpp"
#include "query/text.hpp"

namespace kg::cli {

namespace {

bool is_weighted(const PathOptions& options) { return options.weighted || !options.weight_by.empty(); }

Weights weights_of(const PathOptions& options) {
  if (!options.weight_by.empty()) return Weights::parse(options.weight_by);
  Weights weights;
  weights.attribute = "weight";
  return weights;
}

void check_combinations(const PathOptions& options) {
  if (options.all_shortest && options.k > 1) throw InvalidArgument("--all-shortest and --k cannot be combined");
  // Options of the searches that list many paths mean nothing for one.
  const bool lists = options.k == 1 && !is_weighted(options) && (options.all_shortest || options.max_hops);
  if (options.limit_given && !lists) throw InvalidArgument("--limit applies to --all-shortest and --max-hops");
  if (options.distinct_relations && !lists && options.k == 1) {
    throw InvalidArgument("--parallel applies to --k, --all-shortest and --max-hops (one shortest path has none)");
  }
  if (is_weighted(options)) {
    if (options.all_shortest) throw InvalidArgument("--all-shortest cannot be combined with --weighted/--weight-by");
    if (options.max_hops) throw InvalidArgument("--max-hops cannot be combined with --weighted/--weight-by");
    if (options.time_respecting) {
      throw InvalidArgument("--time-respecting cannot be combined with --weighted/--weight-by");
    }
  }
}

PathConstraints constraints_of(const PathOptions& options) {
  PathConstraints constraints;
  constraints.direction = options.filters.direction;
  constraints.max_hops = options.max_hops;
  constraints.time_respecting = options.time_respecting;
  constraints.distinct_relations = options.distinct_relations;
  constraints.should_stop = options.time_limit.should_stop();
  return constraints;
}

// Calls `found` for each path the options ask for: as it is found when they
// list many (--all-shortest, --max-hops), so memory holds what is printed
// and not the answer. Returns whether --limit or the time limit cut it
// (the time limit when constraints.should_stop says so).
struct SearchEnd {
  bool truncated = false;
  bool cut = false;
};
SearchEnd find(const View& view, EntityId from, EntityId to, const PathOptions& options,
               const std::function<void(const Path&)>& found) {
  const PathConstraints constraints = constraints_of(options);
  const auto take = [&found](const PathsResult& result) {
    for (const Path& path : result.paths) found(path);
    return SearchEnd{result.truncated, result.cut};
  };
  if (options.k > 1) {
    KShortestPathsOptions k;
    static_cast<PathConstraints&>(k) = constraints;
    k.k = options.k;
    if (is_weighted(options)) k.weights = weights_of(options);
    return take(k_shortest_paths(view, from, to, k));
  }
  if (is_weighted(options)) {
    WeightedPathOptions weighted;
    static_cast<PathConstraints&>(weighted) = constraints;
    weighted.weights = weights_of(options);
    return take(weighted_shortest_path(view, from, to, weighted));
  }
  if (options.all_shortest || options.max_hops) {
    std::size_t listed = 0;
    bool truncated = false;
    const auto visit = [&](const Path& path) {
      if (listed == options.limit) {
        truncated = true;
        return false;
      }
      ++listed;
      found(path);
      return true;
    };
    bool stopped_early = false;
    if (options.all_shortest) {
      stopped_early = for_each_shortest_path(view, from, to, constraints, visit);
    } else {
      SimplePathsOptions simple;
      static_cast<PathConstraints&>(simple) = constraints;
      simple.limit = options.limit;
      stopped_early = for_each_simple_path(view, from, to, simple, visit);
    }
    return SearchEnd{truncated, stopped_early && !truncated};
  }
  ShortestPathOptions shortest;
  static_cast<PathConstraints&>(shortest) = constraints;
  return take(shortest_path(view, from, to, shortest));
}

std::string hops(std::size_t n) { return n == 1 ? "1 hop" : std::to_string(n) + " hops"; }

// One filter option as the user gave it, and the filters without it.
struct ActiveFilter {
  std::string label;
  FilterOptions without;
};

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ",") + item;
  return text;
}

std::vector<ActiveFilter> active_filters(const FilterOptions& filters) {
  std::vector<ActiveFilter> active;
  auto add = [&](std::string label, auto clear) {
    FilterOptions without = filters;
    clear(without);
    active.push_back({std::move(label), std::move(without)});
  };
  if (!filters.relation_types.empty()) add("--relations " + joined(filters.relation_types), [](auto& f) { f.relation_types.clear(); });
  if (!filters.exclude_relation_types.empty()) {
    add("--exclude-relations " + joined(filters.exclude_relation_types), [](auto& f) { f.exclude_relation_types.clear(); });
  }
  if (!filters.entity_types.empty()) {
    add("--entity-types " + joined(filters.entity_types), [](auto& f) { f.entity_types.clear(); });
  }
  if (!filters.as_of.empty()) add("--as-of " + filters.as_of, [](auto& f) { f.as_of.clear(); });
  if (!filters.between.empty()) add("--between " + filters.between, [](auto& f) { f.between.clear(); });
  if (filters.undated != Undated::Include) {
    add(std::string("--undated ") + (filters.undated == Undated::Exclude ? "exclude" : "only"),
        [](auto& f) { f.undated = Undated::Include; });
  }
  if (!filters.avoid.empty()) add("--avoid " + joined(filters.avoid), [](auto& f) { f.avoid.clear(); });
  if (filters.max_degree) {
    add("--max-degree " + std::to_string(*filters.max_degree), [](auto& f) { f.max_degree.reset(); });
  }
  if (filters.direction != Direction::Any) {
    add(std::string("--direction ") + (filters.direction == Direction::Out ? "out" : "in"),
        [](auto& f) { f.direction = Direction::Any; });
  }
  return active;
}

std::optional<std::size_t> hop_distance(const Graph& graph, const FilterOptions& filters, EntityId from, EntityId to,
                                        bool time_respecting) {
  const View view(graph, filters.to_filter());
  ShortestPathOptions options;
  options.direction = filters.direction;
  options.time_respecting = time_respecting;
  const auto result = shortest_path(view, from, to, options);
  if (result.paths.empty()) return std::nullopt;
  return result.paths.front().length();
}

// The sentence that says what kept A and B apart: the hop limit, the date
// order, one filter, or all filters together.
std::string no_path_reason(const Graph& graph, EntityId from, EntityId to, const PathOptions& options) {
  const std::string base = fmt::format("no {}path from {} to {}", options.time_respecting ? "time-respecting " : "",
                                       printable(graph.entity_name(from)), printable(graph.entity_name(to)));
  if (options.max_hops) {
    if (const auto d = hop_distance(graph, options.filters, from, to, options.time_respecting)) {
      return fmt::format("{} within {}; the shortest has {}", base, hops(*options.max_hops), *d);
    }
  }
  if (options.time_respecting) {
    if (const auto d = hop_distance(graph, options.filters, from, to, false)) {
      return fmt::format("{}: every connection has a step dated before the step it follows; ignoring dates they "
                         "connect in {}",
                         base, hops(*d));
    }
  }
  const auto active = active_filters(options.filters);
  std::string all;
  for (const auto& filter : active) all += (all.empty() ? "" : " ") + filter.label;
  // The filters that alone keep A and B apart, each with the hops without it.
  std::vector<std::pair<std::string, std::size_t>> culprits;
  for (const auto& filter : active) {
    if (const auto d = hop_distance(graph, filter.without, from, to, false)) culprits.emplace_back(filter.label, *d);
  }
  if (culprits.size() == 1 && active.size() == 1) {
    return fmt::format("{} with {}; without it they connect in {}", base, all, hops(culprits[0].second));
  }
  if (!culprits.empty()) {
    std::string without;
    for (const auto& [label, d] : culprits) {
      without += fmt::format("{}without {} they connect in {}", without.empty() ? "" : ", ", label, hops(d));
    }
    return fmt::format("{} with {}; {}", base, all, without);
  }
  if (!active.empty()) {
    if (const auto d = hop_distance(graph, FilterOptions{}, from, to, false)) {
      return fmt::format("{} with {}; without filters they connect in {}", base, all, hops(*d));
    }
    return base + ": they are not connected in this graph, even without filters";
  }
  return base + ": they are not connected in this graph";
}

void print_text_path(const Graph& graph, const EntityMentions& mentions, const Path& path, bool weighted,
                     const std::vector<double>& weights, bool mark_undated) {
  if (path.steps.empty()) {
    fmt::print("{} is {}\n", printable(graph.entity_name(path.start)), printable(graph.entity_name(path.end())));
  }
  for (const auto& step : path.steps) {
    fmt::print("{}", query::relation_text(graph, step.relation, step.from, mark_undated));
    if (weighted) fmt::print("  (weight {})", weights[step.relation]);
    fmt::print("\n");
    print_evidence(graph, step.relation, "    ");
    print_unnamed_endpoints_note(graph, mentions, step.relation, "    ");
  }
}

void write_path(JsonWriter& json, const Graph& graph, const Path& path, bool weighted,
                const std::vector<double>& weights) {
  json.StartObject();
  json.Key("length");
  json.Uint64(path.length());
  if (weighted) {
    json.Key("weight");
    json.Double(path.weight);
  }
  json.Key("steps");
  json.StartArray();
  for (const auto& step : path.steps) {
    const RelationId r = step.relation;
    json.StartObject();
    write_relation_members(json, graph, r);
    json.Key("forward");
    json.Bool(step.forward);
    if (weighted) {
      json.Key("weight");
      json.Double(weights[r]);
    }
    write_evidence(json, graph, r);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
}

// Prints paths as they come, in text or JSON; the JSON document is written
// member by member, so a long answer never sits in memory whole.
class PathPrinter {
 public:
  PathPrinter(const Graph& graph, const PathOptions& options, const std::vector<double>& weights, EntityId from,
              EntityId to)
      : graph_(graph), options_(options), weights_(weights), weighted_(is_weighted(options)), json_(buffer_) {
    if (options_.format != OutputFormat::Json) {
      mentions_.emplace(graph);
      return;
    }
    json_.StartObject();
    json_.Key("from");
    write_string(json_, graph.entity_key(from));
    json_.Key("to");
    write_string(json_, graph.entity_key(to));
    json_.Key("paths");
    json_.StartArray();
  }

  void add(const Path& path) {
    ++count_;
    if (options_.format == OutputFormat::Json) {
      write_path(json_, graph_, path, weighted_, weights_);
      flush_json();
      return;
    }
    // One path is printed bare; several are numbered, so the first waits
    // for the second.
    if (count_ == 1 && !weighted_) {
      held_ = path;
      return;
    }
    if (held_) {
      print_numbered(*held_, 1);
      held_.reset();
    }
    print_numbered(path, count_);
  }

  std::size_t count() const { return count_; }

  // The notes after the paths; `reason` says why there is none; the
  // undated relations the view kept.
  void finish(const SearchEnd& end, const std::string& reason, const View& view) {
    if (options_.format == OutputFormat::Json) {
      json_.EndArray();
      if (end.truncated) {
        json_.Key("truncated");
        json_.Bool(true);
      }
      write_cut(json_, end.cut);
      if (!reason.empty()) {
        json_.Key("reason");
        write_string(json_, reason);
      }
      json_.Key("undated_relations");
      json_.Uint64(count_kept_undated(view));
      json_.EndObject();
      buffer_.Put('\n');
      flush_json();
      return;
    }
    if (held_) print_text_path(graph_, *mentions_, *held_, weighted_, weights_, marks_undated(options_.filters));
    if (!reason.empty()) fmt::print("{}\n", reason);
    if (end.truncated) fmt::print("\n(stopped at --limit {}; more paths exist)\n", options_.limit);
    if (reason.empty()) {
      flush_standard_output();
      print_undated_note(options_.filters, view);
    }
  }

 private:
  void print_numbered(const Path& path, std::size_t number) {
    if (number > 1) fmt::print("\n");
    fmt::print("path {}: {}", number, hops(path.length()));
    if (weighted_) fmt::print(", weight {}", path.weight);
    fmt::print("\n");
    print_text_path(graph_, *mentions_, path, weighted_, weights_, marks_undated(options_.filters));
  }
  void flush_json() {
    std::fwrite(buffer_.GetString(), 1, buffer_.GetSize(), stdout);
    buffer_.Clear();
  }

  const Graph& graph_;
  const PathOptions& options_;
  const std::vector<double>& weights_;
  const bool weighted_;
  std::size_t count_ = 0;
  std::optional<Path> held_;
  std::optional<EntityMentions> mentions_;  // text: which sources name each entity
  rapidjson::StringBuffer buffer_;
  JsonWriter json_;
};

}  // namespace

void setup_path(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<PathOptions>();
  auto* command = app.add_subcommand("path", "How A connects to B: shortest path(s), each step with its evidence");
  add_graph_input(*command, options->input);
  command->add_option("from", options->from, "Start entity (id, name or alias)")->required();
  command->add_option("to", options->to, "End entity (id, name or alias)")->required();
  add_output_format(*command, options->format);
  command->add_option("--k", options->k, "The k shortest simple paths (Yen), shortest first")
      ->default_val(1)
      ->check(whole_range(1, kMostCount));
  command->add_option("--max-hops", options->max_hops,
                      "At most H steps; alone, lists every simple path up to H steps (see --limit)")
      ->check(whole_range(1, kMostCount));
  command->add_flag("--all-shortest", options->all_shortest, "Every shortest path (see --limit)");
  command->add_flag("--weighted", options->weighted, "Least total weight, by the relation attribute 'weight'");
  command->add_option("--weight-by", options->weight_by,
                      "Least total weight by a numeric relation attribute (amount_usd) or a table of relation "
                      "types (funded=1,competed=5); others weigh 1");
  command->add_flag("--time-respecting", options->time_respecting,
                    "Only chains whose steps are in date order (each not earlier than the one before)");
  command->add_flag("--parallel", options->distinct_relations,
                    "Report paths that differ only in parallel relations separately");
  auto* limit = command->add_option("--limit", options->limit, "Most paths listed by --all-shortest and --max-hops")
      ->default_val(100)
      ->check(whole_range(1, kMostCount));
  add_filter_options(*command, options->filters, Direction::Any);
  add_time_limit(*command, options->time_limit);
  command->callback([options, limit, &exit_code] {
    options->limit_given = limit->count() > 0;
    exit_code = run_path(*options);
  });
}

int run_path(const PathOptions& options) {
  check_combinations(options);
  const Graph graph = load_graph(options.input);
  const EntityLookup lookup(graph);
  const EntityId from = lookup.resolve(options.from);
  const EntityId to = lookup.resolve(options.to);
  const View view(graph, options.filters.to_filter());
  const std::vector<double> weights =
      is_weighted(options) ? weights_of(options).relation_weights(view) : std::vector<double>{};
  PathPrinter printer(graph, options, weights, from, to);
  const SearchEnd end = find(view, from, to, options, [&printer](const Path& path) { printer.add(path); });
  const bool none = printer.count() == 0;
  printer.finish(end, none && !end.cut ? no_path_reason(graph, from, to, options) : "", view);
  if (end.cut) {
    options.time_limit.report_cut(fmt::format("{} path{} found so far", printer.count(),
                                              printer.count() == 1 ? "" : "s"));
  }
  return none || end.cut ? kExitNo : kExitOk;
}

}  // namespace kg::cli
