#!/usr/bin/python3
"""NetworkX answers for kg's path tests (tests/algorithms/test_paths.cpp).

Usage: networkx_paths.py GRAPH OUT.json
GRAPH is karate, florentine, lesmis, davis (NetworkX's undirected graphs) or
random:SEED (a seeded random directed multigraph, 60 nodes / 200 edges).
Writes GRAPH as kg JSON to OUT.json (entity i is node i, id "n<i>") and prints
the answers as JSON, naming entities by index:
  directed          whether the graph is directed (then "out" answers follow
                    the arrows and "any" ignore them; else only "any")
  lengths.out/any   n x n shortest path lengths, -1 when unreachable
  all_shortest      [{from, to, direction, paths}] for seeded pairs
  k_shortest        [{from, to, direction, k, paths}]: the first k of
                    shortest_simple_paths
  simple            [{from, to, direction, cutoff, paths}]: all_simple_paths
  weighted          [{from, direction, lengths}]: Dijkstra lengths by the
                    "weight" attribute, -1 when unreachable (graphs with weights)
Paths are lists of entity indices. Multigraphs are compared as simple graphs:
kg reports a path once however many parallel relations it could use.
"""
import json
import random
import sys

import networkx as nx


def named_graph(name):
    if name == "karate":
        return nx.karate_club_graph()
    if name == "florentine":
        return nx.florentine_families_graph()
    if name == "lesmis":
        return nx.les_miserables_graph()
    if name == "davis":
        return nx.davis_southern_women_graph()
    raise SystemExit("unknown graph " + name)


def random_multigraph(seed, nodes=60, edges=200):
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    g.add_nodes_from(range(nodes))
    types = ["funded", "advised", "competed_with"]
    for _ in range(edges):
        u, v = rng.randrange(nodes), rng.randrange(nodes)
        g.add_edge(u, v, type=rng.choice(types), weight=rng.randint(1, 9))
    return g


def simple_weighted(g, directed):
    """Parallel edges collapsed to the lightest, as kg's entity paths use them."""
    h = nx.DiGraph() if directed else nx.Graph()
    h.add_nodes_from(g.nodes)
    for u, v, data in g.edges(data=True):
        w = data.get("weight", 1)
        if not h.has_edge(u, v) or w < h[u][v]["weight"]:
            h.add_edge(u, v, weight=w)
    return h


def write_kg(g, path, index):
    entities = [{"id": "n%d" % index[v], "name": str(v), "type": "node"} for v in g.nodes]
    relations = []
    for u, v, data in g.edges(data=True):
        relation = {"source": "n%d" % index[u], "target": "n%d" % index[v], "type": data.get("type", "link")}
        if "weight" in data:
            relation["attributes"] = {"weight": data["weight"]}
        relations.append(relation)
    with open(path, "w") as f:
        json.dump({"kg": 1, "name": "oracle graph", "entities": entities, "relations": relations}, f)


def main():
    name, out = sys.argv[1], sys.argv[2]
    if name.startswith("random:"):
        g = random_multigraph(int(name.split(":")[1]))
    else:
        g = named_graph(name)
    nodes = list(g.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    write_kg(g, out, index)
    n = len(nodes)

    views = {"any": nx.Graph(g)}
    if g.is_directed():
        views["out"] = nx.DiGraph(g)

    def idx(path):
        return [index[v] for v in path]

    answer = {"directed": g.is_directed(), "lengths": {}, "all_shortest": [], "k_shortest": [], "simple": [],
              "weighted": []}
    for direction, h in views.items():
        matrix = [[-1] * n for _ in range(n)]
        for s, lengths in nx.all_pairs_shortest_path_length(h):
            for t, d in lengths.items():
                matrix[index[s]][index[t]] = d
        answer["lengths"][direction] = matrix

        rng = random.Random(7)
        pairs = [(rng.randrange(n), rng.randrange(n)) for _ in range(12)]
        pairs = [(s, t) for s, t in pairs if s != t]
        for s, t in pairs:
            u, v = nodes[s], nodes[t]
            connected = nx.has_path(h, u, v)
            answer["all_shortest"].append({"from": s, "to": t, "direction": direction, "paths": sorted(
                idx(p) for p in nx.all_shortest_paths(h, u, v)) if connected else []})
            k = 6
            first = []
            if connected:
                for p in nx.shortest_simple_paths(h, u, v):
                    first.append(idx(p))
                    if len(first) == k:
                        break
            answer["k_shortest"].append({"from": s, "to": t, "direction": direction, "k": k, "paths": first})
            cutoff = 4 if g.is_directed() else 3
            answer["simple"].append({"from": s, "to": t, "direction": direction, "cutoff": cutoff,
                                     "paths": sorted(idx(p) for p in nx.all_simple_paths(h, u, v, cutoff=cutoff))})
        if any("weight" in d for _, _, d in g.edges(data=True)):
            w = simple_weighted(g, direction == "out")
            for s in pairs[:4]:
                lengths = nx.single_source_dijkstra_path_length(w, nodes[s[0]], weight="weight")
                row = [-1] * n
                for t, d in lengths.items():
                    row[index[t]] = d
                answer["weighted"].append({"from": s[0], "direction": direction, "lengths": row})
    print(json.dumps(answer))


main()
