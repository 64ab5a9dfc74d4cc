#!/usr/bin/python3
"""Runs one workload with one peer library on a TSV edge list and prints one
line of JSON (benchlib.report): seconds of each phase, CPU seconds, peak
memory and the answer, so that a fast wrong answer shows.

  /usr/bin/python3 peers.py LIBRARY WORKLOAD FILE.tsv [--undirected] [--n 1000] [--seed 12345]

LIBRARY: networkx, igraph, graph-tool (OMP_NUM_THREADS sets graph-tool's
threads). WORKLOAD: load, pagerank, components (weak), paths (N seeded
point-to-point shortest paths), khop (3-hop neighbourhoods of N seeded
sources, any direction), closeness, betweenness (exact), betweenness256
(256 sampled pivots). Betweenness and closeness run on the simple graph
(parallel relations merged, self-loops dropped), as kg's do; the copy is
timed as "prep". Each library is called the way its documentation shows.
Run with Debian's /usr/bin/python3, which has the three libraries.
"""
import argparse
import warnings

import benchlib

WORKLOADS = ["load", "pagerank", "components", "paths", "khop", "closeness", "betweenness", "betweenness256"]


class NetworkX:
    def __init__(self, phases):
        with phases("import"):
            import networkx
        self.nx, self.version = networkx, "networkx " + networkx.__version__

    def load(self, path):
        graph = self.nx.MultiDiGraph()
        graph.add_edges_from((s, t, {"type": k}) for s, t, k in benchlib.read_tsv(path))
        self.graph = graph
        return graph.number_of_nodes(), graph.number_of_edges()

    def simple(self, undirected):
        simple = self.nx.Graph(self.graph) if undirected else self.nx.DiGraph(self.graph)
        simple.remove_edges_from(self.nx.selfloop_edges(simple))
        return simple

    def pagerank(self):
        scores = self.nx.pagerank(self.graph, alpha=0.85, tol=1e-6, max_iter=100)
        return max(scores, key=scores.get)

    def centrality(self, simple, workload):
        if workload == "closeness":
            scores = self.nx.closeness_centrality(simple)
        else:
            scores = self.nx.betweenness_centrality(simple, k=256 if workload == "betweenness256" else None, seed=1)
        return max(scores, key=scores.get)

    def components(self):
        return [len(c) for c in self.nx.weakly_connected_components(self.graph)]

    def names(self):
        return self.graph.nodes

    def path_walker(self, undirected):
        graph = self.nx.Graph(self.graph) if undirected else self.graph

        def hops(source, target):
            try:
                return len(self.nx.shortest_path(graph, source, target)) - 1
            except self.nx.NetworkXNoPath:
                return None
        return hops

    def khop_counter(self):
        undirected = self.nx.Graph(self.graph)
        return lambda source: len(self.nx.single_source_shortest_path_length(undirected, source, cutoff=3))


class IGraph:
    def __init__(self, phases):
        with phases("import"):
            import igraph
        self.ig, self.version = igraph, "igraph " + igraph.__version__
        warnings.simplefilter("ignore")  # "Couldn't reach some vertices" for pairs without a path

    def load(self, path):
        self.graph = self.ig.Graph.TupleList(benchlib.read_tsv(path), directed=True, edge_attrs=["type"])
        self.index = None
        return self.graph.vcount(), self.graph.ecount()

    def top(self, scores):
        return self.graph.vs[max(range(len(scores)), key=scores.__getitem__)]["name"]

    def simple(self, undirected):
        simple = self.graph.as_undirected(mode="collapse") if undirected else self.graph.copy()
        simple.simplify(multiple=True, loops=True)
        return (simple, undirected)

    def pagerank(self):
        return self.top(self.graph.pagerank(damping=0.85, directed=True))

    def centrality(self, simple, workload):
        graph, undirected = simple
        if workload == "closeness":
            return self.top(graph.closeness(mode="all" if undirected else "out"))
        if workload == "betweenness256":
            return None  # python-igraph has no pivot-sampled betweenness
        return self.top(graph.betweenness(directed=not undirected))

    def components(self):
        return list(self.graph.connected_components(mode="weak").sizes())

    def names(self):
        return self.graph.vs["name"]

    def vertex(self, name):
        if self.index is None:
            self.index = {v: i for i, v in enumerate(self.graph.vs["name"])}
        return self.index[name]

    def path_walker(self, undirected):
        mode = "all" if undirected else "out"

        def hops(source, target):
            path = self.graph.get_shortest_paths(self.vertex(source), to=self.vertex(target), mode=mode,
                                                 output="vpath")[0]
            return len(path) - 1 if path else None
        return hops

    def khop_counter(self):
        return lambda source: len(self.graph.neighborhood(self.vertex(source), order=3, mode="all"))


class GraphTool:
    def __init__(self, phases):
        with phases("import"):
            import numpy
            import graph_tool.all as gt
        self.gt, self.np, self.version = gt, numpy, "graph-tool " + gt.__version__.split()[0]
        self.index = None

    def load(self, path):
        self.graph = self.gt.load_graph_from_csv(path, directed=True, eprop_types=["string"], eprop_names=["type"],
                                                 hashed=True, csv_options={"delimiter": "\t", "quotechar": '"'})
        return self.graph.num_vertices(), self.graph.num_edges()

    def top(self, scores):
        return self.graph.vp.name[int(self.np.argmax(scores.a))]

    def simple(self, undirected):
        # The topology alone: copying the string edge property too costs a gigabyte on the Debian graph.
        simple = self.gt.Graph(directed=not undirected)
        simple.add_vertex(self.graph.num_vertices())
        simple.add_edge_list(self.graph.get_edges())
        self.gt.remove_parallel_edges(simple)
        self.gt.remove_self_loops(simple)
        return simple

    def pagerank(self):
        return self.top(self.gt.pagerank(self.graph, damping=0.85, epsilon=1e-6, max_iter=100))

    def centrality(self, simple, workload):
        if workload == "closeness":
            return self.top(self.gt.closeness(simple))
        pivots = None
        if workload == "betweenness256":
            pivots = self.np.random.default_rng(1).choice(simple.num_vertices(), 256, replace=False)
        return self.top(self.gt.betweenness(simple, pivots=pivots)[0])

    def components(self):
        return [int(size) for size in self.gt.label_components(self.graph, directed=False)[1]]

    def names(self):
        return list(self.graph.vp.name)

    def vertex(self, name):
        if self.index is None:
            self.index = {v: i for i, v in enumerate(self.graph.vp.name)}
        return self.index[name]

    def path_walker(self, undirected):
        graph = self.gt.GraphView(self.graph, directed=False) if undirected else self.graph

        def hops(source, target):
            s, t = self.vertex(source), self.vertex(target)
            if s == t:
                return 0
            vertices, _ = self.gt.shortest_path(graph, graph.vertex(s), graph.vertex(t))
            return len(vertices) - 1 if vertices else None
        return hops

    def khop_counter(self):
        undirected = self.gt.GraphView(self.graph, directed=False)

        def count(source):
            distances = self.gt.shortest_distance(undirected, source=undirected.vertex(self.vertex(source)), max_dist=3)
            return int(self.np.count_nonzero(distances.a <= 3))
        return count


LIBRARIES = {"networkx": NetworkX, "igraph": IGraph, "graph-tool": GraphTool}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("library", choices=LIBRARIES)
    parser.add_argument("workload", choices=WORKLOADS)
    parser.add_argument("input", help="TSV: source<TAB>target<TAB>relation_type")
    parser.add_argument("--undirected", action="store_true", help="paths and centrality ignore direction")
    parser.add_argument("--n", type=int, default=1000, help="pairs (paths) or sources (khop)")
    parser.add_argument("--seed", type=int, default=12345)
    args = parser.parse_args()

    phases = benchlib.Phases()
    peer = LIBRARIES[args.library](phases)
    with phases("load"):
        entities, relations = peer.load(args.input)
    answer = {"n": entities, "m": relations}
    workload = args.workload
    if workload == "pagerank":
        with phases("compute"):
            answer["top"] = peer.pagerank()
    elif workload in ("closeness", "betweenness", "betweenness256"):
        with phases("prep"):
            simple = peer.simple(args.undirected)
        with phases("compute"):
            top = peer.centrality(simple, workload)
        answer["top"] = top if top is not None else "not offered"
    elif workload == "components":
        with phases("compute"):
            sizes = peer.components()
        answer.update(count=len(sizes), largest=max(sizes))
    elif workload == "paths":
        with phases("setup"):
            queries = benchlib.pairs(peer.names(), args.n, args.seed)
            hops = peer.path_walker(args.undirected)
        with phases("compute"):
            found = [h for h in (hops(s, t) for s, t in queries) if h is not None]
        answer.update(pairs=len(queries), connected=len(found), hops=sum(found))
    elif workload == "khop":
        with phases("setup"):
            sources = benchlib.pick(peer.names(), args.n, args.seed)
            count = peer.khop_counter()
        with phases("compute"):
            answer.update(sources=len(sources), reached=sum(count(s) for s in sources))
    benchlib.report(peer.version, workload, args.input, args.undirected, phases, **answer)


if __name__ == "__main__":
    main()
