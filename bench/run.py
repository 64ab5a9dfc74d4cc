#!/usr/bin/env python3
"""Benchmarks kg beside its peers (NetworkX, igraph, graph-tool) in one run.

Usage: bench/run.py [WORKLOAD ...] [--size M] [--repeat 3] [--kg build/cli/kg]
       [--data /tmp/benchdata] [--peers networkx,igraph,graph-tool]

Each workload runs kg and every peer on the same graph, `--repeat` times, and
prints a Markdown table of median wall seconds and peak memory, with kg's
ratio to the fastest peer. Inputs come from ../shared/bench/gen.py (seeded);
peers are ../shared/bench/peer_*.py under Debian's /usr/bin/python3.

kg's figure is the whole process (start, read, build, answer) measured from
outside; the peers' figure is the phase their script times (without the
interpreter's start and imports), so the comparison favours the peers.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench"))
PEERS = {"networkx": "peer_networkx.py", "igraph": "peer_igraph.py", "graph-tool": "peer_graphtool.py"}


def ensure_graph(size, data):
    json_path = os.path.join(data, f"{size}.json")
    tsv_path = os.path.join(data, f"{size}.tsv")
    if not (os.path.exists(json_path) and os.path.exists(tsv_path)):
        subprocess.run([sys.executable, os.path.join(SHARED, "gen.py"), size, data], check=True)
    return json_path, tsv_path


def run_measured(command, env=None):
    """Wall seconds and peak RSS (MB) of a command, from GNU time."""
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr[-2000:]}")
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    return wall, peak_kb / 1024, done.stdout


# kg's command for each workload: arguments after the binary.
KG_WORKLOADS = {
    "load": lambda json_path: ["info", json_path, "--format", "json"],
}
# The phase of the peers' report that corresponds to kg's answer.
PEER_PHASE = {"load": "load"}


def bench_kg(kg, workload, json_path, repeat):
    runs = [run_measured([kg] + KG_WORKLOADS[workload](json_path)) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def bench_peer(peer, workload, tsv_path, repeat, threads):
    env = dict(os.environ, OMP_NUM_THREADS=str(threads))
    seconds, memory = [], []
    for _ in range(repeat):
        _, _, out = run_measured(["/usr/bin/python3", os.path.join(SHARED, PEERS[peer]), workload, tsv_path], env)
        record = json.loads(out.strip().splitlines()[-1])
        seconds.append(record["seconds"][PEER_PHASE[workload]])
        memory.append(record["peak_rss_mb"])
    return statistics.median(seconds), max(memory)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("workloads", nargs="*", default=["load"], choices=sorted(KG_WORKLOADS))
    ap.add_argument("--size", default="M")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--kg", default=os.path.join(ROOT, "build", "cli", "kg"))
    ap.add_argument("--data", default="/tmp/benchdata")
    ap.add_argument("--peers", default="networkx,igraph,graph-tool")
    ap.add_argument("--threads", type=int, default=1, help="OMP_NUM_THREADS for the peers")
    a = ap.parse_args()

    json_path, tsv_path = ensure_graph(a.size, a.data)
    peers = [p for p in a.peers.split(",") if p]
    print(f"machine: {platform.node()}, {os.cpu_count()} cores, {platform.platform()}; "
          f"date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average {os.getloadavg()[0]:.2f}")
    print(f"graph: {a.size} ({json_path}); median of {a.repeat} runs; peers with OMP_NUM_THREADS={a.threads}\n")
    print("| workload | tool | seconds | peak MB | kg speed-up vs this peer |")
    print("| --- | --- | ---: | ---: | ---: |")
    for workload in a.workloads:
        kg_seconds, kg_memory = bench_kg(a.kg, workload, json_path, a.repeat)
        print(f"| {workload} {a.size} | kg | {kg_seconds:.3f} | {kg_memory:.0f} | |", flush=True)
        for peer in peers:
            seconds, memory = bench_peer(peer, workload, tsv_path, a.repeat, a.threads)
            print(f"| {workload} {a.size} | {peer} | {seconds:.3f} | {memory:.0f} | {seconds / kg_seconds:.1f}x |",
                  flush=True)


if __name__ == "__main__":
    main()
