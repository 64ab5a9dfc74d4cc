#!/usr/bin/env python3
"""The kg Python module beside the kg program and NetworkX (docs/PERFORMANCE.md, "Python").

  PYTHONPATH=build/python /usr/bin/python3 bench/python_module.py GRAPH.json [--kg build/cli/kg]
      [--by pagerank] [--repeat 3]

Prints, best of --repeat each:
  - the kg program's load and compute seconds (`kg rank --timings`) and kg.load + g.rank
    from Python, timed the same way;
  - g.to_networkx() and kg.from_networkx(G) beside NetworkX's own G.copy() of that graph.

  ... bench/python_module.py --betweenness S.json S.tsv [--exact-networkx]

Exact directed betweenness of S (bench/inputs.py synthetic S) from Python: kg's
g.rank(by="betweenness") beside the peers' own Python calls (bench/peers.py: igraph,
graph-tool where installed), compute seconds each, in one run; NetworkX's exact
betweenness of S takes minutes, so it runs from 256 sampled pivots and the exact time is
projected from that (x n / 256), unless --exact-networkx.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

import kg


def best(repeat, work):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def betweenness_beside_peers(kg_program, graph_json, graph_tsv, exact_networkx):
    done = subprocess.run([kg_program, "rank", graph_json, "--by", "betweenness", "--top", "1", "--timings"],
                          capture_output=True, text=True, check=True)
    print(f"kg program: rank --by betweenness compute {re.search(r'compute ([0-9.]+) s', done.stderr).group(1)} s")
    g = kg.load(graph_json)
    started = time.perf_counter()
    scores = g.rank(by="betweenness", top=1)
    print(f"kg from Python: g.rank(by='betweenness') {time.perf_counter() - started:.2f} s, top {list(scores)}")
    peers = os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers.py")
    runs = [("igraph", "betweenness"), ("graph-tool", "betweenness"),
            ("networkx", "betweenness" if exact_networkx else "betweenness256")]
    for library, workload in runs:
        done = subprocess.run([sys.executable, peers, library, workload, graph_tsv], capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{library}: not run ({done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode})")
            continue
        report = json.loads(done.stdout)
        compute = report["seconds"]["compute"]
        projected = "" if workload == "betweenness" else f", exact projected {compute * report['n'] / 256:.0f} s"
        print(f"{report['lib']} {workload}: compute {compute:.2f} s{projected}, top {report.get('top')}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("graph", nargs="?")
    parser.add_argument("--kg", default="build/cli/kg")
    parser.add_argument("--by", default="pagerank")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--betweenness", nargs=2, metavar=("S.json", "S.tsv"))
    parser.add_argument("--exact-networkx", action="store_true", help="NetworkX's exact betweenness of S (minutes)")
    args = parser.parse_args()
    if args.betweenness:
        betweenness_beside_peers(args.kg, *args.betweenness, args.exact_networkx)
        return
    if not args.graph:
        parser.error("GRAPH.json or --betweenness S.json S.tsv")

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
