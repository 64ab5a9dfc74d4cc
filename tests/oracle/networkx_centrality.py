"""NetworkX's answers for kg's centrality, components and communities tests.

    networkx_centrality.py OUTDIR SAMPLE.json

Writes NetworkX's own small graphs (karate club, Florentine families, Les
Miserables, Davis southern women) and seeded random directed multigraphs as
kg JSON files into OUTDIR, and prints one JSON object: for each graph (and
SAMPLE.json), its file and every measure NetworkX gives on the graph built
the way docs/RANKING.md says kg sees a view:
  - path measures on the simple graph (nx.DiGraph / reversed / nx.Graph);
  - relation betweenness on the multigraph, one edge key per relation
    (a symmetric relation is two keys when directed);
  - degree, PageRank and eigenvector on the multigraph's adjacency matrix.
A relation of a symmetric type goes both ways in the directed graphs.
"""
import json
import os
import random
import sys

import networkx as nx

DIRECTIONS = ("out", "in", "any")


def classic_graphs():
    graphs = {
        "karate": nx.karate_club_graph(),
        "florentine": nx.florentine_families_graph(),
        "lesmis": nx.les_miserables_graph(),
        "davis": nx.davis_southern_women_graph(),
    }
    documents = {}
    for name, G in graphs.items():
        ids = {v: "%s-%s" % (name, str(v).lower().replace(" ", "-")) for v in G}
        relations = []
        for u, v, data in G.edges(data=True):
            relation = {"source": ids[u], "target": ids[v], "type": "linked"}
            if "weight" in data:
                relation["attributes"] = {"weight": data["weight"]}
            relations.append(relation)
        documents[name] = {
            "kg": 1,
            "name": name,
            "entities": [{"id": ids[v], "name": str(v), "type": "node"} for v in G],
            "relations": relations,
            "relation_types": {"linked": {"symmetric": False}},
        }
    return documents


def random_multigraph(seed, n, m):
    """Directed multigraph with parallel, reciprocal, self-loop and symmetric
    relations, a few isolated entities, and a numeric attribute w."""
    rng = random.Random(seed)
    entities = [{"id": "e%02d" % i, "name": "Entity %d" % i, "type": rng.choice(["person", "company"])}
                for i in range(n)]
    linked = [e["id"] for e in entities[: n - 3]]
    relations = []
    for _ in range(m):
        u, v = rng.choice(linked), rng.choice(linked)
        if rng.random() < 0.02:
            v = u
        kind = rng.choice(["funded", "advised", "advised", "competed"])
        relations.append({"source": u, "target": v, "type": kind, "attributes": {"w": rng.randint(1, 5)}})
        if rng.random() < 0.1:
            relations.append(dict(relations[-1]))  # a parallel relation
    return {
        "kg": 1,
        "name": "random %d" % seed,
        "entities": entities,
        "relations": relations,
        "relation_types": {"competed": {"symmetric": True}},
    }


def arcs(document, direction):
    """(tail, head, key, relation index) for every arc of a direction."""
    symmetric = {t for t, info in document.get("relation_types", {}).items() if info.get("symmetric")}
    key_of = {}
    for e in document["entities"]:
        for alias in e.get("aliases", []):
            key_of[alias] = e["id"]
        key_of[e["id"]] = e["id"]
    for i, r in enumerate(document["relations"]):
        s, t = key_of[r["source"]], key_of[r["target"]]
        if direction == "in":
            s, t = t, s
        yield s, t, (i, 0), i
        if direction != "any" and r["type"] in symmetric:
            yield t, s, (i, 1), i


def build(document, direction, multi):
    if direction == "any":
        G = nx.MultiGraph() if multi else nx.Graph()
    else:
        G = nx.MultiDiGraph() if multi else nx.DiGraph()
    G.add_nodes_from(e["id"] for e in document["entities"])
    for s, t, key, _ in arcs(document, direction):
        if multi:
            G.add_edge(s, t, key=key)
        else:
            G.add_edge(s, t)
    return G


def weighted(document, direction, attribute):
    """The multigraph with arcs weighted by `attribute` (1 when absent)."""
    G = nx.MultiGraph() if direction == "any" else nx.MultiDiGraph()
    G.add_nodes_from(e["id"] for e in document["entities"])
    for s, t, key, i in arcs(document, direction):
        weight = document["relations"][i].get("attributes", {}).get(attribute, 1) if attribute else 1
        G.add_edge(s, t, key=key, weight=weight)
    return G


def collapsed(G):
    """Parallel edges summed into one, for eigenvector_centrality."""
    H = nx.DiGraph() if G.is_directed() else nx.Graph()
    H.add_nodes_from(G)
    for u, v, w in G.edges(data="weight"):
        if H.has_edge(u, v):
            H[u][v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    return H


def relation_scores(document, scores):
    values = [0.0] * len(document["relations"])
    for (u, v, key), value in scores.items():
        values[key[0]] += value
    return values


def measures(document, weight_attribute):
    result = {}
    ids = [e["id"] for e in document["entities"]]
    for direction in DIRECTIONS:
        simple = build(document, direction, False)
        multi = build(document, direction, True)
        weights = weighted(document, direction, None)
        attribute_weights = weighted(document, direction, weight_attribute)
        n = len(simple)
        scale = 1 / (n - 1) if n > 1 else 1
        if direction == "out":
            degree = {v: d * scale for v, d in multi.out_degree()}
            weighted_degree = dict(attribute_weights.out_degree(weight="weight"))
        elif direction == "in":
            degree = {v: d * scale for v, d in multi.out_degree()}  # the reverse graph's out-degree
            weighted_degree = dict(attribute_weights.out_degree(weight="weight"))
        else:
            degree = {v: d * scale for v, d in multi.degree()}
            weighted_degree = dict(attribute_weights.degree(weight="weight"))
        m = {
            "degree": degree,
            "weighted_degree": weighted_degree,
            "betweenness": nx.betweenness_centrality(simple),
            "betweenness_raw": nx.betweenness_centrality(simple, normalized=False),
            "relation_betweenness": relation_scores(document, nx.edge_betweenness_centrality(multi)),
            "relation_betweenness_raw": relation_scores(
                document, nx.edge_betweenness_centrality(multi, normalized=False)),
            "closeness": nx.closeness_centrality(simple),
            "closeness_plain": nx.closeness_centrality(simple, wf_improved=False),
            "harmonic": nx.harmonic_centrality(simple),
            "pagerank": nx.pagerank(weights),
            "pagerank_weighted": nx.pagerank(attribute_weights, weight="weight"),
            "pagerank_personalized": nx.pagerank(weights, personalization={ids[0]: 1, ids[1]: 1}),
        }
        try:
            m["eigenvector"] = nx.eigenvector_centrality(collapsed(weights), weight="weight")
        except nx.PowerIterationFailedConvergence:
            m["eigenvector"] = None
        try:
            m["eigenvector_weighted"] = nx.eigenvector_centrality(collapsed(attribute_weights), weight="weight")
        except nx.PowerIterationFailedConvergence:
            m["eigenvector_weighted"] = None
        result[direction] = m

    out = build(document, "out", False)
    undirected = build(document, "any", True)
    communities = nx.community.louvain_communities(undirected, weight="weight", seed=7)
    result["components"] = {
        "weak": sorted(sorted(c) for c in nx.weakly_connected_components(out)),
        "strong": sorted(sorted(c) for c in nx.strongly_connected_components(out)),
    }
    qualities = [nx.community.modularity(undirected, nx.community.louvain_communities(undirected, seed=seed))
                 for seed in range(1, 6)]
    result["louvain"] = {
        "modularity": nx.community.modularity(undirected, communities, weight="weight"),
        "communities": [sorted(c) for c in communities],
        "mean_modularity": sum(qualities) / len(qualities),  # over seeds 1..5
    }
    return result


def main():
    outdir, sample = sys.argv[1], sys.argv[2]
    documents = classic_graphs()
    for seed, (n, m) in zip((1, 2, 3, 4), ((50, 120), (80, 240), (100, 250), (60, 200))):
        documents["random%d" % seed] = random_multigraph(seed, n, m)
    answers = {}
    for name, document in documents.items():
        path = os.path.join(outdir, name + ".json")
        with open(path, "w") as f:
            json.dump(document, f)
        attribute = "w" if name.startswith("random") else "weight" if name in ("karate", "lesmis") else None
        answers[name] = {"file": path, "weight": attribute, "measures": measures(document, attribute)}
    with open(sample) as f:
        document = json.load(f)
    answers["sample"] = {"file": sample, "weight": None, "measures": measures(document, None)}
    json.dump(answers, sys.stdout)


if __name__ == "__main__":
    main()
