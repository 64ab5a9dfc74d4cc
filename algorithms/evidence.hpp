#pragma once
// Whether a relation's quotes say what the relation claims: a quote supports
// a relation best when it names both of its endpoints. An entity is named by
// its id (hyphens and underscores read as spaces), its name or an alias, as
// whole words, folded as graph/text_fold.hpp folds (case, accents,
// typographic apostrophes).
#include <cstdint>
#include <string>
#include <vector>

#include "graph/graph.hpp"
#include "graph/text_fold.hpp"

namespace kg {

class EntityMentions {
 public:
  explicit EntityMentions(const Graph& graph);
  // Whether the quote names entity e.
  bool names(const FoldedText& quote, EntityId e) const;

 private:
  std::vector<std::vector<std::string>> forms_;  // per entity: folded id, name and aliases
};

// How well the quotes of one relation name its endpoints.
enum class EndpointCoverage : std::uint8_t {
  NoQuotes,  // the relation has no evidence
  Neither,   // no quote names either endpoint
  One,       // some quote names one endpoint, none names both
  Both,      // some quote names both endpoints
};

// The coverage of relation r (a self-loop's one endpoint counts as both).
EndpointCoverage endpoint_coverage(const Graph& graph, const EntityMentions& mentions, RelationId r);

// Every relation whose coverage is at most `worst` (Neither: relations whose
// quotes name neither endpoint), in input order; relations without quotes
// are left out.
std::vector<RelationId> poorly_evidenced(const Graph& graph, EndpointCoverage worst);

}  // namespace kg
