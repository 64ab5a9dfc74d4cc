#pragma once
// Path: how A connects to B. The shortest path, every shortest path, the k
// shortest simple paths, every simple path up to a hop limit, the lightest
// path and time-respecting paths (algorithms/paths.hpp), each step with its
// date and evidence; when there is none, which constraint kept A and B apart.
// The searches that list many paths hand them over one by one (PathSink), so
// a front end that prints them as they come holds one path, not the answer.
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "algorithms/evidence.hpp"
#include "algorithms/paths.hpp"
#include "graph/exception.hpp"
#include "query/context.hpp"
#include "query/json.hpp"
#include "query/view_spec.hpp"

namespace kg::query {

struct PathRequest {
  ViewSpec view;  // view.direction: the way the steps walk
  std::string from;  // id, name or alias
  std::string to;
  std::size_t k = 1;  // the k shortest simple paths (Yen), shortest first
  // At most this many steps; alone, lists every simple path up to it.
  std::optional<std::size_t> max_hops;
  bool all_shortest = false;  // every shortest path
  // The most paths all_shortest and max_hops list (default_limit when unset).
  std::optional<std::size_t> limit;
  static constexpr std::size_t default_limit = 100;
  bool weighted = false;   // least total weight, by the relation attribute "weight"
  std::string weight_by;   // least total weight by "amount_usd" or "funded=1,competed=5"
  bool time_respecting = false;     // only chains whose steps are in date order
  bool distinct_relations = false;  // paths differing only in parallel relations count apart

  // Throws InvalidArgument naming the field: a count below 1, malformed
  // weights, or fields that do not go together (all_shortest with k, limit
  // without a listing search, weights with all_shortest, max_hops or
  // time_respecting, distinct_relations for one shortest path).
  void validate() const;
  bool is_weighted() const { return weighted || !weight_by.empty(); }
  // The weights asked for (weight_by, or the attribute "weight").
  Weights weights() const;
  // The searches that list many paths, found one by one: every shortest
  // path, or every simple path up to max_hops.
  bool lists_paths() const { return k == 1 && !is_weighted() && (all_shortest || max_hops); }
};

struct PathAnswer {
  EntityId from = 0;
  EntityId to = 0;
  bool weighted = false;
  std::shared_ptr<const std::vector<double>> relation_weights;  // by relation id, when weighted
  std::vector<Path> paths;  // shortest first; empty when they went to a PathSink
  std::size_t count = 0;    // paths found
  std::size_t limit = 0;    // the listing limit that applied
  bool truncated = false;   // the limit stopped the listing; more paths exist
  bool cut = false;         // a stop (a time limit) ended the search; more paths may exist
  // Why there is no path (none found and not cut): the hop limit, the date
  // order, which filters, or that they are not connected at all.
  std::optional<Message> reason;
  std::size_t undated_relations = 0;  // undated relations the view keeps
  bool mark_undated = false;          // the view's window keeps undated relations: say so per step
};

// Receives an answer as the search finds it.
class PathSink {
 public:
  virtual ~PathSink() = default;
  // Before the first path: from, to and the weights are known.
  virtual void begin(const PathAnswer& head) = 0;
  virtual void path(const Path& path) = 0;
  // After the last: everything but the paths.
  virtual void end(const PathAnswer& answer) = 0;
};

// The answer with its paths.
PathAnswer run(const PathRequest& request, QueryContext& context);
// The paths go to `sink` as they are found; the answer returned (and given
// to sink.end) holds none.
PathAnswer run(const PathRequest& request, QueryContext& context, PathSink& sink);

// The options of `request` (not its ends) over one view: for many pairs
// asked the same way, the view and the weights are built once.
class PathSearch {
 public:
  PathSearch(const PathRequest& request, QueryContext& context);
  PathAnswer run(EntityId from, EntityId to, PathSink& sink) const;
  std::size_t undated_relations() const { return undated_relations_; }

 private:
  PathRequest request_;
  QueryContext& context_;
  View view_;
  std::shared_ptr<const std::vector<double>> relation_weights_;
  std::size_t undated_relations_ = 0;
};

// Where presenters put text as it is ready (standard output, a string).
using TextOut = std::function<void(std::string_view)>;

// Text for people, written as the paths come: one path bare, several
// numbered; each step with its dates, evidence, and a note when no quote
// names either end. Fields in the notes are worded by `namer`.
class PathTextWriter : public PathSink {
 public:
  PathTextWriter(const Graph& graph, TextOut out, FieldNamer namer = {});
  void begin(const PathAnswer& head) override;
  void path(const Path& path) override;
  void end(const PathAnswer& answer) override;

 private:
  void write_numbered(const Path& path, std::size_t number);
  void write_steps(const Path& path);

  const Graph& graph_;
  TextOut out_;
  FieldNamer namer_;
  EntityMentions mentions_;  // which quotes name each entity
  std::shared_ptr<const std::vector<double>> weights_;  // by relation, when weighted
  bool mark_undated_ = false;
  std::size_t count_ = 0;
  std::optional<Path> held_;  // the first path, bare unless a second comes
};

// The JSON object, written member by member as the paths come, and a newline.
class PathJsonWriter : public PathSink {
 public:
  PathJsonWriter(const Graph& graph, TextOut out, FieldNamer namer = {});
  void begin(const PathAnswer& head) override;
  void path(const Path& path) override;
  void end(const PathAnswer& answer) override;

 private:
  void flush();

  const Graph& graph_;
  TextOut out_;
  FieldNamer namer_;
  std::shared_ptr<const std::vector<double>> weights_;  // by relation, when weighted
  rapidjson::StringBuffer buffer_;
  JsonSink json_;
};

std::string to_text(const PathAnswer& answer, const Graph& graph, const FieldNamer& namer = {});
void to_json(const PathAnswer& answer, const Graph& graph, JsonSink& json, const FieldNamer& namer = {});

// Why there is no path from `from` to `to` asked as in `request`.
Message no_path_reason(const Graph& graph, EntityId from, EntityId to, const PathRequest& request);

}  // namespace kg::query
