#include "algorithms/evidence.hpp"

#include <algorithm>

namespace kg {

EntityMentions::EntityMentions(const Graph& graph) : forms_(graph.entity_count()) {
  for (EntityId e = 0; e < graph.entity_count(); ++e) {
    auto& forms = forms_[e];
    std::string id(graph.entity_key(e));
    std::replace(id.begin(), id.end(), '-', ' ');
    std::replace(id.begin(), id.end(), '_', ' ');
    forms.push_back(fold_text(id));
    forms.push_back(fold_text(graph.entity_name(e)));
    for (const StringId alias : graph.entity_aliases(e)) forms.push_back(fold_text(graph.str(alias)));
    forms.erase(std::remove(forms.begin(), forms.end(), std::string()), forms.end());
  }
}

bool EntityMentions::names(const FoldedText& quote, EntityId e) const {
  return std::any_of(forms_[e].begin(), forms_[e].end(),
                     [&](const std::string& form) { return contains_word(quote, form); });
}

EndpointCoverage endpoint_coverage(const Graph& graph, const EntityMentions& mentions, RelationId r) {
  const auto evidence = graph.evidence(r);
  if (evidence.empty()) return EndpointCoverage::NoQuotes;
  EndpointCoverage best = EndpointCoverage::Neither;
  for (const Evidence& e : evidence) {
    const FoldedText quote(graph.str(e.quote));
    const bool source = mentions.names(quote, graph.source(r));
    const bool target = mentions.names(quote, graph.target(r));
    if (source && target) return EndpointCoverage::Both;
    if (source || target) best = EndpointCoverage::One;
  }
  return best;
}

std::vector<RelationId> poorly_evidenced(const Graph& graph, EndpointCoverage worst) {
  const EntityMentions mentions(graph);
  std::vector<RelationId> found;
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    const EndpointCoverage coverage = endpoint_coverage(graph, mentions, r);
    if (coverage != EndpointCoverage::NoQuotes && coverage <= worst) found.push_back(r);
  }
  return found;
}

}  // namespace kg
