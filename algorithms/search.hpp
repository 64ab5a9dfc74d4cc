#pragma once
// Finding what a graph says about some text: entities whose name or alias
// contains it, the relations of those entities (and of a relation type the
// text names), and the quotes that contain it, each hit with the spans it
// matched. Matching is on folded text (graph/text_fold.hpp): case, accents
// and typographic apostrophes do not matter.
#include <cstdint>
#include <string>
#include <vector>

#include "graph/text_fold.hpp"
#include "graph/stop.hpp"
#include "graph/view.hpp"

namespace kg {

enum class SearchScope : std::uint8_t { Names, Quotes, All };

struct SearchOptions {
  std::string text;
  // text is an ECMAScript regular expression, matched against the folded
  // names and quotes (so it should be written in lower case, without accents).
  bool regex = false;
  SearchScope scope = SearchScope::All;
  std::string entity_type;  // only entities of this type match by name (any when empty)
  // Asked now and then (a regular expression can be slow on long quotes);
  // when it says stop, the hits so far (SearchResult::cut).
  ShouldStop should_stop;

  // Throws InvalidArgument naming the bad field ("text"): empty text, a
  // regular expression that does not compile.
  void validate() const;
  // The same, and an entity type no entity of `graph` has ("entity_type").
  void validate(const Graph& graph) const;
};

// Where a name matched: the entity's name (alias -1) or its alias number.
struct NameHit {
  EntityId entity;
  int alias = -1;
  std::vector<TextSpan> spans;  // byte spans of the name or alias
};

// A quote of a relation that matched.
struct QuoteHit {
  RelationId relation;
  std::uint32_t evidence;  // index among the relation's evidence
  std::vector<TextSpan> spans;  // byte spans of the quote
};

// Why a relation is listed: one of its ends matched, both did (a relation
// between two of the entities found), or its type's name is the text.
enum class RelationReason : std::uint8_t { Endpoint, Between, Type };

struct RelationHit {
  RelationId relation;
  RelationReason reason;
};

struct SearchResult {
  std::vector<NameHit> entities;     // by entity, name before aliases
  std::vector<RelationHit> relations;  // relations kept by the view, in input order
  std::vector<QuoteHit> quotes;      // in relation then evidence order
  bool cut = false;                  // should_stop ended the search early
};

// Entities and relations left out by the view are never hits.
SearchResult search(const View& view, const SearchOptions& options);

}  // namespace kg
