#!/usr/bin/env python3
"""Layout cost per Graphviz engine (issue 11, point 17): kg render's Graphviz
time on knowledge-graph-like graphs of a few sizes, to choose the automatic
engine and the size limits (docs/RENDERING.md, "Layout cost").

Two shapes, fixed seeds: "scale-free" (preferential attachment: each new
entity relates to earlier ones picked in proportion to their degree, the
shape of the benchmark graphs) and "random" (both ends uniform: no hubs, the
tangle that is hardest to lay out). kg writes the DOT it would hand Graphviz
(`kg render G -o g.dot`: same view, same automatic edge labels), and
Graphviz's program for the engine lays it out to SVG under `timeout CAP`:
the same libgvc as kg's in-process layout, without kg's size limits, which
are what this measures. Once an engine misses the cap on a shape, its larger
sizes are not run.

    python3 bench/layout_cost.py build/cli/kg [CAP_SECONDS]

Prints one JSON line per run, then a Markdown table.
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import time

SIZES = [(50, 150), (100, 300), (150, 500), (300, 1000), (1000, 3000), (3000, 9000), (10000, 30000),
         (25000, 65000)]
ENGINES = ["dot", "circo", "neato", "sfdp"]
TYPES = ["funded", "founded", "advised", "hired", "competed", "partnered"]


def graph_json(entities, relations, shape, seed=7):
    rng = random.Random(seed)
    ends = [0]
    rels = []
    if shape == "random":
        rels = [(rng.randrange(entities), rng.randrange(entities)) for _ in range(relations)]
    per = max(1, relations // max(1, entities - 1))
    for e in range(1, entities):
        for _ in range(per):
            if len(rels) >= relations:
                break
            other = rng.choice(ends)
            rels.append((e, other))
            ends += [e, other]
    while len(rels) < relations:
        a, b = rng.randrange(entities), rng.choice(ends)
        rels.append((a, b))
    return {"kg": 1, "name": f"{entities} / {relations}",
            "entities": [{"id": f"e{i}", "type": "person" if i % 3 else "organization"} for i in range(entities)],
            "relations": [{"source": f"e{a}", "target": f"e{b}", "type": TYPES[(a + b) % len(TYPES)]}
                          for a, b in rels]}


def main():
    kg = sys.argv[1]
    cap = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    results = {}
    with tempfile.TemporaryDirectory() as work:
        for shape in ("scale-free", "random"):
            missed = set()
            for entities, relations in SIZES:
                path = os.path.join(work, "g.json")
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(graph_json(entities, relations, shape), f)
                dot = os.path.join(work, "g.dot")
                subprocess.run([kg, "render", path, "-o", dot, "--quiet"], check=True)
                for engine in ENGINES:
                    if engine in missed:
                        continue
                    start = time.monotonic()
                    run = subprocess.run(["timeout", "-s", "KILL", str(cap), engine, "-Tsvg", "-o",
                                          os.path.join(work, "out.svg"), dot], capture_output=True, text=True)
                    seconds = time.monotonic() - start
                    outcome = round(seconds, 2) if run.returncode == 0 else "over"
                    if outcome == "over":
                        missed.add(engine)
                    results[(shape, engine, (entities, relations))] = outcome
                    print(json.dumps({"shape": shape, "engine": engine, "entities": entities,
                                      "relations": relations, "seconds": outcome}), flush=True)
    print(f"\n| drawn (entities / relations) | shape | {' | '.join(ENGINES)} |")
    print("| --- | --- |" + " ---: |" * len(ENGINES))
    for size in SIZES:
        for shape in ("scale-free", "random"):
            cells = []
            for engine in ENGINES:
                outcome = results.get((shape, engine, size))
                cells.append("-" if outcome is None else f"over {cap:g} s" if outcome == "over"
                             else f"{outcome:.2f} s")
            print(f"| {size[0]:,} / {size[1]:,} | {shape} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
