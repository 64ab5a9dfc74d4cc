#!/usr/bin/python3
"""Interchange benchmark (issue 6): writing and reading GraphML and node-link
JSON of one graph with kg, NetworkX and igraph, in one run.

Usage: bench/interchange.py GRAPH.json [KG_BINARY] [--skip-peers]
GRAPH.json is kg JSON as bench/inputs.py writes it (entities with
id, name, type; relations with source, target, type, date and sometimes
until). Each peer holds the same graph with the same attributes (node name
and type; edge type, date, until) before it is timed. Times are CPU seconds (user + system) of the step alone, which
stay comparable on a shared machine; elapsed seconds are printed beside them.
kg's steps run the command line: writing is `kg convert SNAPSHOT OUT` minus
loading the snapshot (`kg info SNAPSHOT`), reading is `kg info FILE`.
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time


def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cpu_self():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run_kg(kg, args):
    before_cpu, before = cpu_children(), time.time()
    subprocess.run([kg] + args, check=True, stdout=subprocess.DEVNULL)
    return cpu_children() - before_cpu, time.time() - before


def timed(step):
    before_cpu, before = cpu_self(), time.time()
    result = step()
    return (cpu_self() - before_cpu, time.time() - before), result


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    skip_peers = "--skip-peers" in sys.argv
    graph_path = args[0]
    kg = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), "..", "build", "cli", "kg")
    out = tempfile.mkdtemp(prefix="kg-interchange-bench-")
    results = []

    def record(tool, step, times):
        cpu, elapsed = times
        results.append({"tool": tool, "step": step, "cpu_s": round(cpu, 2), "elapsed_s": round(elapsed, 2)})
        print(f"{tool:9} {step:18} {cpu:8.2f} s cpu {elapsed:8.2f} s elapsed", flush=True)

    snapshot = os.path.join(out, "g.kgs")
    run_kg(kg, ["convert", graph_path, snapshot])
    load = run_kg(kg, ["info", snapshot])
    for fmt, extra, name in (("graphml", [], "g.graphml"), ("node-link", ["--to", "node-link"], "g.nl.json")):
        path = os.path.join(out, name)
        cpu, elapsed = run_kg(kg, ["convert", snapshot, path] + extra)
        record("kg", f"write {fmt}", (cpu - load[0], elapsed - load[1]))
        record("kg", f"read {fmt}", run_kg(kg, ["info", path]))

    if not skip_peers:
        import networkx as nx
        from networkx.readwrite import json_graph

        with open(graph_path, encoding="utf-8") as f:
            data = json.load(f)
        g = nx.MultiDiGraph()
        for e in data["entities"]:
            g.add_node(e["id"], name=e.get("name", e["id"]), type=e.get("type", "entity"))
        for r in data["relations"]:
            g.add_edge(r["source"], r["target"], **{k: r[k] for k in ("type", "date", "until") if k in r})
        path = os.path.join(out, "nx.graphml")
        record("networkx", "write graphml", timed(lambda: nx.write_graphml(g, path))[0])
        record("networkx", "read graphml", timed(lambda: nx.read_graphml(path, force_multigraph=True))[0])
        path = os.path.join(out, "nx.json")

        def write_node_link():
            with open(path, "w", encoding="utf-8") as f:
                json.dump(json_graph.node_link_data(g), f)

        def read_node_link():
            with open(path, encoding="utf-8") as f:
                return json_graph.node_link_graph(json.load(f))

        record("networkx", "write node-link", timed(write_node_link)[0])
        record("networkx", "read node-link", timed(read_node_link)[0])
        del g

        import igraph

        index = {e["id"]: i for i, e in enumerate(data["entities"])}
        ig = igraph.Graph(n=len(index), edges=[(index[r["source"]], index[r["target"]]) for r in data["relations"]],
                          directed=True)
        ig.vs["id"] = [e["id"] for e in data["entities"]]
        ig.vs["name"] = [e.get("name", e["id"]) for e in data["entities"]]
        ig.vs["type"] = [e.get("type", "entity") for e in data["entities"]]
        ig.es["type"] = [r["type"] for r in data["relations"]]
        ig.es["date"] = [r.get("date", "") for r in data["relations"]]
        if any("until" in r for r in data["relations"]):
            ig.es["until"] = [r.get("until", "") for r in data["relations"]]
        path = os.path.join(out, "ig.graphml")
        record("igraph", "write graphml", timed(lambda: ig.write_graphml(path))[0])
        record("igraph", "read graphml", timed(lambda: igraph.Graph.Read_GraphML(path))[0])

    print(json.dumps(results))


if __name__ == "__main__":
    main()
