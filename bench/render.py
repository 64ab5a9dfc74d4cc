#!/usr/bin/env python3
"""Rendering benchmark (issue 5, point 7): kg render beside Graphviz's programs
on the DOT NetworkX writes, for 200-, 2,000- and 20,000-entity subgraphs.

The subgraphs are induced by the first N entities of the generator's graphs
(entities e1..eN, which the generator attaches to one another first, so each
prefix is connected): S (10,000 entities) for 200 and 2,000, M (100,000) for
20,000. Run with Debian's /usr/bin/python3 (NetworkX, python3-pydot):

    python3 bench/inputs.py synthetic S /tmp/benchdata
    python3 bench/inputs.py synthetic M /tmp/benchdata
    /usr/bin/python3 bench/render.py build/cli/kg /tmp/benchdata

Prints one JSON line per measurement.
"""
import json
import os
import re
import subprocess
import sys
import time

import networkx as nx

TIMEOUT = 300


def subgraph(source, n, out_json, out_tsv):
    with open(source, encoding="utf-8") as f:
        graph = json.load(f)
    keep = {f"e{i}" for i in range(1, n + 1)}
    entities = [e for e in graph["entities"] if e["id"] in keep]
    relations = [r for r in graph["relations"] if r["source"] in keep and r["target"] in keep]
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump({"kg": 1, "name": f"first {n} entities of {os.path.basename(source)}",
                   "entities": entities, "relations": relations}, f)
    with open(out_tsv, "w", encoding="utf-8") as f:
        for r in relations:
            f.write(f"{r['source']}\t{r['target']}\t{r['type']}\n")
    return len(entities), len(relations)


def timed(command):
    start = time.perf_counter()
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
        return time.perf_counter() - start, result.returncode, result.stderr
    except subprocess.TimeoutExpired:
        return None, None, f"timeout after {TIMEOUT} s"


def main():
    kg, data = sys.argv[1], sys.argv[2]
    for n, source in ((200, "S.json"), (2000, "S.json"), (20000, "M.json")):
        base = os.path.join(data, f"render-{n}")
        entities, relations = subgraph(os.path.join(data, source), n, base + ".json", base + ".tsv")
        report = {"entities": entities, "relations": relations}

        # kg: DOT only, then the full rendering with each engine it allows.
        seconds, code, err = timed([kg, "export", base + ".json", "--to", "dot", "-o", base + ".kg.dot"])
        report["kg_export_dot_s"] = seconds
        for engine in ("auto", "sfdp", "dot") if n == 200 else ("auto", "sfdp"):
            command = [kg, "render", base + ".json", "-o", f"{base}.kg-{engine}.svg", "--timings"]
            if engine != "auto":
                command += ["--engine", engine]
            seconds, code, err = timed(command)
            timings = re.search(r"timings: .*", err or "")
            report[f"kg_render_{engine}"] = {"seconds": seconds, "exit": code,
                                             "detail": timings.group(0) if timings else err.strip()[:200]}

        # Peers: NetworkX writes the DOT (pydot), Graphviz's programs lay it out.
        start = time.perf_counter()
        g = nx.MultiDiGraph()
        with open(base + ".tsv", encoding="utf-8") as f:
            for line in f:
                s, t, kind = line.rstrip("\n").split("\t")
                g.add_edge(s, t, label=kind)
        nx.nx_pydot.write_dot(g, base + ".nx.dot")
        report["networkx_write_dot_s"] = time.perf_counter() - start
        # dot is given the smallest graph only: STACK-NOTES measured over 300 s at 2,000.
        for engine in ("sfdp", "dot") if n == 200 else ("sfdp",):
            seconds, code, err = timed(["dot", f"-K{engine}", "-Tsvg", base + ".nx.dot", "-o", f"{base}.nx-{engine}.svg"])
            report[f"graphviz_{engine}_on_networkx_dot_s"] = seconds if code == 0 else err.strip()[:100]
        print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
