"""kg from Python: load a knowledge graph in any format kg reads, ask kg's
questions at kg's speed, and move graphs to and from NetworkX in memory.

    >>> import kg
    >>> g = kg.load("samples/openai.json")
    >>> g.entity("musk")
    kg.Entity('musk', name='Elon Musk', type='person')

docs/PYTHON.md walks through it.
"""
from . import errors
from ._kg import (Communities, Components, Entities, Entity, Evidence, Graph, Neighbors, Path, Paths, RankAnswer,
                  Relation, Relations, Step, export_formats, input_formats, load, loads)
from .errors import Error, InputError, NameNotFound, OutputError, UsageError

__all__ = ["load", "loads", "from_networkx", "Graph", "Entity", "Relation", "Evidence", "Error", "InputError",
           "NameNotFound", "UsageError", "OutputError", "input_formats", "export_formats"]


def from_networkx(G):
    """A kg.Graph from a NetworkX graph (Graph, DiGraph, MultiGraph or
    MultiDiGraph). Node ids (str or int) are kept; node data may hold name,
    type and aliases, edge data type, date, until and evidence (a list of
    {'source': id, 'quote': text}); every other value (str, int, float, bool)
    is an attribute. G.graph may hold name, sources and relation_types."""
    from ._kg import _from_networkx
    return _from_networkx(G)


def _to_networkx(self, multigraph=None):
    """The graph (or view) as a NetworkX graph: DiGraph or Graph as the graph
    is directed or not, a multigraph when two relations join the same pair
    (or when multigraph=True). Ids, data and G.graph follow from_networkx's
    conventions, so from_networkx(G).to_networkx() gives G back."""
    import networkx as nx
    data, nodes, edges, parallel = self._networkx_parts()
    if multigraph is None:
        multigraph = parallel
    elif not multigraph and parallel:
        raise UsageError("multigraph: False, but relations join the same pair; NetworkX needs a multigraph for them",
                         field="multigraph")
    kind = {(True, True): nx.MultiDiGraph, (True, False): nx.DiGraph,
            (False, True): nx.MultiGraph, (False, False): nx.Graph}[(self.directed, bool(multigraph))]
    G = kind()
    G.graph.update(data)
    G.add_nodes_from(nodes)
    G.add_edges_from(edges)
    return G


class Ranking(dict):
    """Scores by entity id, highest first; answer is kg's RankAnswer (its
    measure, whether a stop cut it, and to_json() as the CLI prints it)."""

    def __init__(self, answer):
        super().__init__(answer.items())
        self.answer = answer

    def to_json(self):
        return self.answer.to_json()


def _rank(self, by="degree", top=0, **options):
    """Centrality scores by entity id, highest first: by degree, betweenness,
    closeness, harmonic, pagerank or eigenvector, with the CLI's options as
    keywords (normalized, samples, seed, personalize, weight, damping,
    tolerance, max_iterations, wf_improved) and a view's filters; top=N keeps
    the N highest (0: all). rank_array gives the scores as a NumPy array."""
    return Ranking(self._rank(by=by, top=top, **options))


Graph.to_networkx = _to_networkx
Graph.rank = _rank
