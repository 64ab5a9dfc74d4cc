#include "query/path.hpp"

#include <memory>
#include <utility>

namespace kg::query {
namespace {

const Field kWeights{"path_weights"};

void require_at_least_one(const char* field, std::size_t value) {
  if (value == 0) throw InvalidArgument(Field{field}, "must be at least 1");
}

// How the search ended: the listing limit (truncated) or a stop (cut).
struct SearchEnd {
  bool truncated = false;
  bool cut = false;
};

// Hands each path the request asks for to `found`: as the search finds them
// for the listing searches, so memory holds one path, not the answer.
SearchEnd search(const View& view, EntityId from, EntityId to, const PathRequest& request,
                 const ShouldStop& should_stop, const std::function<void(const Path&)>& found) {
  PathConstraints constraints;
  constraints.direction = request.view.direction;
  constraints.max_hops = request.max_hops;
  constraints.time_respecting = request.time_respecting;
  constraints.distinct_relations = request.distinct_relations;
  constraints.should_stop = should_stop;
  const auto take = [&found](const PathsResult& result) {
    for (const Path& path : result.paths) found(path);
    return SearchEnd{result.truncated, result.cut};
  };
  if (request.k > 1) {
    KShortestPathsOptions options;
    static_cast<PathConstraints&>(options) = constraints;
    options.k = request.k;
    if (request.is_weighted()) options.weights = request.weights();
    return take(k_shortest_paths(view, from, to, options));
  }
  if (request.is_weighted()) {
    WeightedPathOptions options;
    static_cast<PathConstraints&>(options) = constraints;
    options.weights = request.weights();
    return take(weighted_shortest_path(view, from, to, options));
  }
  if (request.lists_paths()) {
    const std::size_t limit = request.limit.value_or(PathRequest::default_limit);
    std::size_t listed = 0;
    bool truncated = false;
    const auto visit = [&](const Path& path) {
      if (listed == limit) {
        truncated = true;
        return false;
      }
      ++listed;
      found(path);
      return true;
    };
    bool stopped_early = false;
    if (request.all_shortest) {
      stopped_early = for_each_shortest_path(view, from, to, constraints, visit);
    } else {
      SimplePathsOptions options;
      static_cast<PathConstraints&>(options) = constraints;
      options.limit = limit;
      stopped_early = for_each_simple_path(view, from, to, options, visit);
    }
    return SearchEnd{truncated, stopped_early && !truncated};
  }
  ShortestPathOptions options;
  static_cast<PathConstraints&>(options) = constraints;
  return take(shortest_path(view, from, to, options));
}

// Keeps the paths in the answer.
class CollectingSink : public PathSink {
 public:
  void begin(const PathAnswer&) override {}
  void path(const Path& path) override { paths.push_back(path); }
  void end(const PathAnswer&) override {}
  std::vector<Path> paths;
};

View validated_view(const PathRequest& request, const QueryContext& context) {
  request.validate();
  return context.view(request.view);
}

}  // namespace

void PathRequest::validate() const {
  view.validate();
  require_at_least_one("k", k);
  if (max_hops) require_at_least_one("max_hops", *max_hops);
  if (limit) require_at_least_one("limit", *limit);
  if (!weight_by.empty()) Weights::parse(weight_by);
  if (all_shortest && k > 1) {
    throw InvalidArgument(Field{"all_shortest"}, Message{Field{"all_shortest"}, " and ", Field{"k"}, " cannot be combined"});
  }
  if (limit && !lists_paths()) {
    throw InvalidArgument(Field{"limit"},
                          Message{Field{"limit"}, " applies to ", Field{"all_shortest"}, " and ", Field{"max_hops"}});
  }
  if (distinct_relations && !lists_paths() && k == 1) {
    throw InvalidArgument(Field{"distinct_relations"},
                          Message{Field{"distinct_relations"}, " applies to ", Field{"k"}, ", ", Field{"all_shortest"},
                                  " and ", Field{"max_hops"}, " (one shortest path has none)"});
  }
  if (!is_weighted()) return;
  for (const auto& [set, field] : {std::pair{all_shortest, "all_shortest"}, std::pair{max_hops.has_value(), "max_hops"},
                                   std::pair{time_respecting, "time_respecting"}}) {
    if (set) throw InvalidArgument(Field{field}, Message{Field{field}, " cannot be combined with ", kWeights});
  }
}

Weights PathRequest::weights() const {
  if (!weight_by.empty()) return Weights::parse(weight_by);
  Weights weights;
  weights.attribute = "weight";
  return weights;
}

PathSearch::PathSearch(const PathRequest& request, QueryContext& context)
    : request_(request), context_(context), view_(validated_view(request, context)) {
  if (request_.is_weighted()) {
    relation_weights_ = std::make_shared<const std::vector<double>>(request_.weights().relation_weights(view_));
  }
  undated_relations_ = count_kept_undated(view_);
}

PathAnswer PathSearch::run(EntityId from, EntityId to, PathSink& sink) const {
  PathAnswer answer;
  answer.from = from;
  answer.to = to;
  answer.weighted = request_.is_weighted();
  answer.relation_weights = relation_weights_;
  answer.limit = request_.limit.value_or(PathRequest::default_limit);
  answer.undated_relations = undated_relations_;
  answer.mark_undated = request_.view.marks_undated();
  sink.begin(answer);
  const SearchEnd end = search(view_, from, to, request_, context_.should_stop(), [&](const Path& path) {
    ++answer.count;
    sink.path(path);
  });
  answer.truncated = end.truncated;
  answer.cut = end.cut;
  if (answer.count == 0 && !answer.cut) answer.reason = no_path_reason(context_.graph(), from, to, request_);
  context_.computed();
  sink.end(answer);
  return answer;
}

PathAnswer run(const PathRequest& request, QueryContext& context, PathSink& sink) {
  request.validate();
  const EntityId from = context.resolve(request.from);
  const EntityId to = context.resolve(request.to);
  return PathSearch(request, context).run(from, to, sink);
}

PathAnswer run(const PathRequest& request, QueryContext& context) {
  CollectingSink sink;
  PathAnswer answer = run(request, context, sink);
  answer.paths = std::move(sink.paths);
  return answer;
}

}  // namespace kg::query
