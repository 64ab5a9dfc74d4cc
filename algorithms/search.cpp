#include "algorithms/search.hpp"

#include <algorithm>
#include <functional>
#include <regex>

#include "graph/exception.hpp"

namespace kg {
namespace {

// Whether `text` may hold `folded_needle`: exact for ASCII text, which folds
// by lowercasing alone; true for other text, which must be folded to tell.
// Folding every name with its spans cost a search on 100,000 names 70 ms.
bool may_hold(std::string_view text, std::string_view folded_needle) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return std::search(text.begin(), text.end(), folded_needle.begin(), folded_needle.end(),
                     [&lower](char a, char b) { return lower(a) == b; }) != text.end();
}

// Where a text matches the search, as spans of the original text.
struct Matcher {
  std::function<std::vector<TextSpan>(const FoldedText&)> spans;
  std::string needle;  // folded; empty for a regular expression

  std::vector<TextSpan> operator()(std::string_view text) const {
    if (!needle.empty() && !may_hold(text, needle)) return {};
    return spans(FoldedText(text));
  }
};

std::regex compile(const std::string& pattern) {
  try {
    return std::regex(pattern, std::regex::ECMAScript | std::regex::icase);
  } catch (const std::regex_error& error) {
    throw InvalidArgument(Field{"text"}, "not a regular expression: '" + pattern + "' (" + error.what() + ")");
  }
}

Matcher matcher(const SearchOptions& options) {
  if (!options.regex) {
    std::string needle = fold_text(options.text);
    return {[needle](const FoldedText& text) { return find_folded(text, needle); }, needle};
  }
  return {[pattern = compile(options.text)](const FoldedText& text) {
    std::vector<TextSpan> spans;
    const std::string& folded = text.text();
    for (auto it = std::sregex_iterator(folded.begin(), folded.end(), pattern); it != std::sregex_iterator(); ++it) {
      if (it->length() == 0) continue;
      const TextSpan span = text.original_span(it->position(), it->position() + it->length());
      if (!spans.empty() && span.begin < spans.back().end) continue;
      spans.push_back(span);
    }
    return spans;
  }, {}};
}

// Whether a relation type's name is the text: "served on board of" or
// "served_on_board_of" for served_on_board_of.
bool names_type(const SearchOptions& options, std::string_view type_name) {
  std::string spaced(type_name);
  std::replace(spaced.begin(), spaced.end(), '_', ' ');
  const std::string folded = fold_text(type_name), folded_spaced = fold_text(spaced);
  if (!options.regex) {
    const std::string text = fold_text(options.text);
    return text == folded || text == folded_spaced;
  }
  const std::regex pattern = compile(options.text);
  return std::regex_match(folded, pattern) || std::regex_match(folded_spaced, pattern);
}

}  // namespace

void SearchOptions::validate() const {
  if (text.empty()) throw InvalidArgument(Field{"text"}, "must not be empty");
  if (regex) compile(text);
}

void SearchOptions::validate(const Graph& graph) const {
  validate();
  if (!entity_type.empty() && !graph.find_entity_type(entity_type)) {
    throw InvalidArgument(Field{"entity_type"}, "no entity has type '" + entity_type + "'");
  }
}

SearchResult search(const View& view, const SearchOptions& options) {
  options.validate(view.graph());
  const Graph& graph = view.graph();
  const Matcher match = matcher(options);
  SearchResult result;
  StopPoller stop(options.should_stop, 64);
  std::vector<bool> matched_entity(graph.entity_count(), false);
  if (options.scope != SearchScope::Quotes) {
    const auto wanted_type = options.entity_type.empty() ? std::nullopt : graph.find_entity_type(options.entity_type);
    for (EntityId e = 0; e < graph.entity_count() && !stop.tick(); ++e) {
      if (!view.keeps_entity(e) || (wanted_type && graph.entity_type(e) != *wanted_type)) continue;
      const auto consider = [&](std::string_view text, int alias) {
        auto spans = match(text);
        if (spans.empty()) return;
        matched_entity[e] = true;
        result.entities.push_back({e, alias, std::move(spans)});
      };
      consider(graph.entity_name(e), -1);
      const auto aliases = graph.entity_aliases(e);
      for (std::size_t a = 0; a < aliases.size(); ++a) consider(graph.str(aliases[a]), static_cast<int>(a));
    }
    std::vector<bool> matched_type(graph.relation_type_count(), false);
    for (TypeId t = 0; t < graph.relation_type_count(); ++t) {
      matched_type[t] = names_type(options, graph.relation_type_name(t));
    }
    for (RelationId r = 0; r < graph.relation_count(); ++r) {
      if (!view.keeps_relation(r)) continue;
      const bool source = matched_entity[graph.source(r)], target = matched_entity[graph.target(r)];
      if (source && target) {
        result.relations.push_back({r, RelationReason::Between});
      } else if (source || target) {
        result.relations.push_back({r, RelationReason::Endpoint});
      } else if (matched_type[graph.relation_type(r)]) {
        result.relations.push_back({r, RelationReason::Type});
      }
    }
  }
  if (options.scope != SearchScope::Names) {
    for (RelationId r = 0; r < graph.relation_count() && !stop.tick(); ++r) {
      if (!view.keeps_relation(r)) continue;
      const auto evidence = graph.evidence(r);
      for (std::uint32_t i = 0; i < evidence.size(); ++i) {
        auto spans = match(graph.str(evidence[i].quote));
        if (!spans.empty()) result.quotes.push_back({r, i, std::move(spans)});
      }
    }
  }
  result.cut = stop.stopped();
  return result;
}

}  // namespace kg
