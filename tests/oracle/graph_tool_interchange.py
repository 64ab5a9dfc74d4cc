#!/usr/bin/python3
"""graph-tool (Debian's python3-graph-tool) as the other side of kg's GraphML
(tests/export/test_interchange_roundtrip.cpp).

Usage:
  graph_tool_interchange.py write PATH
      Saves, with g.save(PATH) (graph-tool's own GraphML), an undirected
      graph in the style of graph-tool's collection:
          a --- b --- c
      vertex "name" (string), "pos" (vector<float>: [1.5, 2], [inf], []),
      edge "weight" (double: inf, 0.1), graph "title"; prints nothing.
  graph_tool_interchange.py read PATH
      Loads PATH with graph_tool.load_graph(PATH, fmt="graphml") and prints
      {"directed", "vertices", "edges", "vertex_properties": {name: [values]},
       "edge_properties": {name: [values]}, "edge_list": [[s, t], ...]}
      (vertex values by vertex index, infinities and NaN as strings).
"""
import json
import math
import sys
import warnings

warnings.filterwarnings("ignore")  # graph-tool warns that it cannot draw without cairo
import graph_tool.all as gt  # noqa: E402


def plain(value):
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, (str, int, float, bool)):
        return value
    return [plain(v) for v in value]


def write(path):
    g = gt.Graph(directed=False)
    g.add_vertex(3)
    g.add_edge(0, 1)
    g.add_edge(1, 2)
    names = g.new_vertex_property("string")
    pos = g.new_vertex_property("vector<float>")
    for v, name, p in zip(g.vertices(), ["a", "b", "c"], [[1.5, 2.0], [math.inf], []]):
        names[v] = name
        pos[v] = p
    weight = g.new_edge_property("double")
    weight[g.edge(0, 1)] = math.inf
    weight[g.edge(1, 2)] = 0.1
    g.vp["name"] = names
    g.vp["pos"] = pos
    g.ep["weight"] = weight
    g.gp["title"] = g.new_graph_property("string", "graph-tool style")
    g.save(path)
    return None


def read(path):
    g = gt.load_graph(path, fmt="graphml")
    return {
        "directed": g.is_directed(),
        "vertices": g.num_vertices(),
        "edges": g.num_edges(),
        "vertex_properties": {k: [plain(p[v]) for v in g.vertices()] for k, p in g.vp.items()},
        "edge_properties": {k: [plain(p[e]) for e in g.edges()] for k, p in g.ep.items()},
        "edge_list": [[int(e.source()), int(e.target())] for e in g.edges()],
    }


def main():
    out = write(sys.argv[2]) if sys.argv[1] == "write" else read(sys.argv[2])
    if out is not None:
        json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
