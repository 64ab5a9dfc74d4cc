#pragma once
// Find: what a graph says about some text (algorithms/search.hpp): the
// entities whose name or alias contains it, their relations, and the quotes
// that contain it, each list pageable for front ends that show a page at a
// time (a server's entity search).
#include <string>

#include "algorithms/search.hpp"
#include "query/context.hpp"
#include "query/json.hpp"
#include "query/view_spec.hpp"

namespace kg::query {

struct FindRequest {
  ViewSpec view;
  std::string text;
  bool regex = false;  // text is an ECMAScript regular expression over folded text
  SearchScope scope = SearchScope::All;
  std::string entity_type;  // only entities of this type match by name (any when empty)
  // A page of each list (entities counted by entity, not by matched name):
  // skip `offset`, keep at most `limit` (0: all).
  std::size_t offset = 0;
  std::size_t limit = 0;

  bool paged() const { return offset != 0 || limit != 0; }
  // Throws InvalidArgument naming the field: "text" (empty, or not a regular
  // expression), or the view's.
  void validate() const;
};

struct FindAnswer {
  std::string text;
  bool regex = false;
  SearchScope scope = SearchScope::All;
  SearchResult hits;  // the page asked for
  // Whole lists' lengths, before paging.
  std::size_t total_entities = 0, total_relations = 0, total_quotes = 0;
  std::size_t offset = 0, limit = 0;  // as requested
  bool cut = false;  // stopped early: the hits found so far

  bool paged() const { return offset != 0 || limit != 0; }
  bool found() const { return total_entities + total_relations + total_quotes != 0; }
};

// Throws InvalidArgument naming "entity_type" when no entity has that type.
FindAnswer run(const FindRequest& request, QueryContext& context);

// How the text presenter shows what matched inside a name or quote.
enum class Marks { Brackets, Bold };  // [[...]], or bold for a terminal

std::string to_text(const FindAnswer& answer, const Graph& graph, Marks marks = Marks::Brackets);
void to_json(const FindAnswer& answer, const Graph& graph, JsonSink& json);

const char* scope_name(SearchScope scope);

}  // namespace kg::query
