#!/usr/bin/python3
"""NetworkX and igraph as the other side of kg's interchange formats
(tests/ingest/test_interchange_*.cpp, tests/export/test_interchange_*.cpp).

Usage:
  networkx_interchange.py read FORMAT PATH
      Reads PATH with NetworkX (FORMAT graphml, gexf or node-link) and prints
      {"directed", "multigraph", "graph": {...}, "nodes": {id: {attrs}},
       "edges": [[source, target, {attrs}], ...]} (edges in file order).
      GEXF is read with nx.read_gexf as it is (kg writes 1.2draft, which
      NetworkX 2.8 reads; it does not read 1.3).
  networkx_interchange.py write DIR
      Writes NetworkX's shipped graphs (karate, florentine, lesmis, davis)
      as DIR/NAME.graphml (write_graphml) and DIR/NAME.json
      (node_link_data) and prints {NAME: {"nodes": n, "edges": m,
      "node_attributes": [...], "edge_attributes": [...]}}.
  networkx_interchange.py sources DIR
      Writes, with NetworkX's default calls, the karate club (undirected,
      integer ids) and a seeded random directed graph (integer ids) as
      DIR/NAME.graphml (write_graphml), DIR/NAME.json (node_link_data),
      DIR/NAME.cyjs (cytoscape_data) and DIR/NAME.gexf (write_gexf), and a
      directed dated multigraph as DIR/multi.gexf (write_gexf):
          0 -> 1 (start 2001-02-03, end 2003-04-05), 0 -> 1 (start 2005-06-07),
          1 -> 2 (undated), 2 -> 0 (start 2010-01-01)
      and prints {NAME: summary}.
  networkx_interchange.py summary FORMAT PATH
      Reads PATH with NetworkX's default call for FORMAT (graphml:
      read_graphml, gexf: read_gexf, node-link: node_link_graph, cytoscape:
      cytoscape_graph) and prints its summary: {"directed", "ids": {str(id):
      type name}, "betweenness": {str(id): score}} (betweenness of the
      simple graph, as nx.betweenness_centrality on nx.Graph / nx.DiGraph).
  networkx_interchange.py igraph-write PATH
      Writes, with igraph's Write_GraphML, a directed graph whose vertices
      have a "name" (alice, bob, carol) and edges a "weight":
          alice -> bob (2.5), bob -> carol (1.0); prints nothing.
  networkx_interchange.py igraph PATH
      Reads a GraphML file with igraph and prints {"vertices", "edges",
      "vertex_attributes", "edge_attributes", "names": [...],
      "edge_list": [[source id, target id], ...]}.
"""
import math
import json
import sys

import networkx as nx


def shipped():
    return {
        "karate": nx.karate_club_graph(),
        "florentine": nx.florentine_families_graph(),
        "lesmis": nx.les_miserables_graph(),
        "davis": nx.davis_southern_women_graph(),
    }


def plain(value):
    if isinstance(value, float) and math.isnan(value):
        return None  # igraph's "no value"
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def read(fmt, path):
    if fmt == "graphml":
        g = nx.read_graphml(path, force_multigraph=True)
    else:
        g = read_default(fmt, path)
    edges = []
    for u, v, data in g.edges(data=True):
        edges.append([u, v, {k: plain(x) for k, x in data.items()}])
    return {
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "graph": {k: plain(x) for k, x in g.graph.items()},
        "nodes": {str(n): {k: plain(x) for k, x in d.items()} for n, d in g.nodes(data=True)},
        "edges": edges,
    }


def read_default(fmt, path):
    """What a user types to read kg's export of FORMAT."""
    if fmt == "graphml":
        return nx.read_graphml(path)
    if fmt == "gexf":
        return nx.read_gexf(path)
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if fmt == "node-link":
        return nx.node_link_graph(data)
    if fmt == "cytoscape":
        return nx.cytoscape_graph(data)
    raise SystemExit("unknown format " + fmt)


def summary(g):
    simple = nx.DiGraph(g) if g.is_directed() else nx.Graph(g)
    return {
        "directed": g.is_directed(),
        "ids": {str(n): type(n).__name__ for n in g},
        "betweenness": {str(n): x for n, x in nx.betweenness_centrality(simple).items()},
    }


def sources(directory):
    directed = nx.gnm_random_graph(30, 90, seed=7, directed=True)
    graphs = {"karate": nx.karate_club_graph(), "directed": directed}
    result = {}
    for name, g in graphs.items():
        nx.write_graphml(g, f"{directory}/{name}.graphml")
        with open(f"{directory}/{name}.json", "w", encoding="utf-8") as f:
            json.dump(nx.node_link_data(g), f)
        with open(f"{directory}/{name}.cyjs", "w", encoding="utf-8") as f:
            json.dump(nx.cytoscape_data(g), f)
        nx.write_gexf(g, f"{directory}/{name}.gexf")
        result[name] = summary(g)
    multi = nx.MultiDiGraph()
    multi.add_edge(0, 1, start="2001-02-03", end="2003-04-05")
    multi.add_edge(0, 1, start="2005-06-07")
    multi.add_edge(1, 2)
    multi.add_edge(2, 0, start="2010-01-01")
    nx.write_gexf(multi, f"{directory}/multi.gexf")
    result["multi"] = summary(multi)
    return result


def write(directory):
    result = {}
    for name, g in shipped().items():
        with open(f"{directory}/{name}.json", "w", encoding="utf-8") as f:
            json.dump(nx.node_link_data(g), f)
        # GraphML has no lists: Davis' graph attributes (its two node sets)
        # are written as text, as a user would have to.
        g.graph = {k: v if isinstance(v, (str, int, float, bool)) else json.dumps(v) for k, v in g.graph.items()}
        nx.write_graphml(g, f"{directory}/{name}.graphml")
        node_attributes = sorted({k for _, d in g.nodes(data=True) for k in d})
        edge_attributes = sorted({k for _, _, d in g.edges(data=True) for k in d})
        result[name] = {
            "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "node_attributes": node_attributes,
            "edge_attributes": edge_attributes,
        }
    return result


def read_igraph(path):
    import igraph

    g = igraph.Graph.Read_GraphML(path)
    names = g.vs["id"] if "id" in g.vs.attributes() else [str(v.index) for v in g.vs]
    return {
        "vertices": g.vcount(),
        "edges": g.ecount(),
        "directed": g.is_directed(),
        "vertex_attributes": sorted(g.vs.attributes()),
        "edge_attributes": sorted(g.es.attributes()),
        "names": names,
        "vertex_values": {names[v.index]: {k: plain(v[k]) for k in g.vs.attributes()} for v in g.vs},
        "edge_list": [[names[e.source], names[e.target]] for e in g.es],
    }


def write_igraph(path):
    import igraph

    g = igraph.Graph(directed=True)
    g.add_vertices(3)
    g.vs["name"] = ["alice", "bob", "carol"]
    g.add_edges([(0, 1), (1, 2)])
    g.es["weight"] = [2.5, 1.0]
    g.write_graphml(path)
    return {}


def main():
    command = sys.argv[1]
    if command == "read":
        out = read(sys.argv[2], sys.argv[3])
    elif command == "write":
        out = write(sys.argv[2])
    elif command == "sources":
        out = sources(sys.argv[2])
    elif command == "summary":
        out = summary(read_default(sys.argv[2], sys.argv[3]))
    elif command == "igraph-write":
        out = write_igraph(sys.argv[2])
    elif command == "igraph":
        out = read_igraph(sys.argv[2])
    else:
        raise SystemExit("unknown command " + command)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
