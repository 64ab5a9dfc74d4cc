#!/usr/bin/env python3
"""The kg Python module beside the kg program and NetworkX (docs/PERFORMANCE.md, "Python").

  PYTHONPATH=build/python /usr/bin/python3 bench/python_module.py GRAPH.json [--kg build/cli/kg]
      [--by pagerank] [--repeat 3]

Prints, best of --repeat each:
  - the kg program's load and compute seconds (`kg rank --timings`) and kg.load + g.rank
    from Python, timed the same way;
  - g.to_networkx() and kg.from_networkx(G) beside NetworkX's own G.copy() of that graph.
"""
import argparse
import re
import subprocess
import time

import kg


def best(repeat, work):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("graph")
    parser.add_argument("--kg", default="build/cli/kg")
    parser.add_argument("--by", default="pagerank")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    cli_load, cli_compute = [], []
    for _ in range(args.repeat):
        done = subprocess.run([args.kg, "rank", args.graph, "--by", args.by, "--top", "1", "--timings"],
                              capture_output=True, text=True, check=True)
        load, compute = re.search(r"load ([0-9.]+) s, compute ([0-9.]+) s", done.stderr).groups()
        cli_load.append(float(load))
        cli_compute.append(float(compute))
    print(f"kg program: load {min(cli_load):.3f} s, rank --by {args.by} {min(cli_compute):.3f} s")

    g = kg.load(args.graph)
    python_load = best(args.repeat, lambda: kg.load(args.graph))
    python_rank = best(args.repeat, lambda: g.rank(by=args.by, top=1))
    print(f"Python: kg.load {python_load:.3f} s, g.rank(by={args.by!r}) {python_rank:.3f} s")

    G = g.to_networkx()
    to_nx = best(args.repeat, g.to_networkx)
    from_nx = best(args.repeat, lambda: kg.from_networkx(G))
    copy = best(args.repeat, G.copy)
    print(f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges: g.to_networkx() {to_nx:.3f} s, "
          f"kg.from_networkx(G) {from_nx:.3f} s, NetworkX's G.copy() {copy:.3f} s")


if __name__ == "__main__":
    main()
