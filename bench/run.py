#!/usr/bin/env python3
"""Benchmarks kg beside its peers (NetworkX, igraph, graph-tool) in one run.

Usage: bench/run [--graphs S,M,L,debian] [--repeat 1] [--build build]
                 [--data /tmp/benchdata] [--peers networkx,igraph,graph-tool]
                 [--output FILE.md]

Generates what is missing (the S, M and L graphs and the Debian package
graph with bench/inputs.py, a .kgs snapshot of each, the
seeded query files), then runs every workload of the suite below with kg and
with each peer, and prints a Markdown table: seconds of the load and compute
phases, peak memory, the answer (so that a fast wrong answer shows), and kg's
speed-up over the fastest peer (peer seconds / kg seconds: above 1, kg is
faster).

Phases are timed inside each process, the same way for everyone: the peers'
runner times theirs (bench/peers.py; their load reads a TSV edge
list, which is simpler than kg JSON); kg's come from `--timings` of the kg
command (read, build and check the graph; compute without printing) and from
bench/paths_bench for the batches of path and neighbourhood queries, which
one kg process must answer together. The compute phase of kg includes
building the adjacency it walks; the peers' "prep" (a simple-graph copy) is
added to their compute. Peak memory is the whole process's maximum RSS,
interpreter included for the peers. The header names the machine, its load
and its memory copy bandwidth (bench/stream), the bound of kg's kernels.
"""
import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import benchlib  # noqa: E402  the seeded query picker kg and the peers share
TIMEOUT = 900  # seconds for any one run

# The suite: graph -> [(workload, tools)]. A tool is "kg", "kg-1" (one
# OpenMP thread), a peer, or "graph-tool-1"/"graph-tool-2" for its thread
# count. NetworkX sits out where it would take many minutes (Brandes on S,
# 3-hop neighbourhoods of hubs, anything on L).
ALL_PEERS = ["networkx", "igraph", "graph-tool-1", "graph-tool-2"]
SUITE = {
    "S": [("betweenness", ["kg-1", "kg", "igraph", "graph-tool-1", "graph-tool-2"]),
          ("betweenness-undirected", ["kg-1", "kg", "igraph", "graph-tool-1", "graph-tool-2"]),
          ("closeness-undirected", ["kg-1", "kg", "igraph", "graph-tool-1", "graph-tool-2"])],
    "M": [("components", ["kg"] + ALL_PEERS),
          ("pagerank", ["kg-1", "kg"] + ALL_PEERS),
          ("paths", ["kg"] + ALL_PEERS),
          ("khop", ["kg", "igraph", "graph-tool-1", "graph-tool-2"])],
    "L": [("components", ["kg", "igraph", "graph-tool-2"]),
          ("pagerank", ["kg", "igraph", "graph-tool-2"])],
    "debian": [("components", ["kg"] + ALL_PEERS),
               ("pagerank", ["kg"] + ALL_PEERS),
               ("paths", ["kg"] + ALL_PEERS)],
}
# How kg ranks for each workload: the peers' graphs are directed unless
# --undirected, so kg walks --direction out or any to match.
RANK = {"pagerank": ("pagerank", "out"), "betweenness": ("betweenness", "out"),
        "betweenness-undirected": ("betweenness", "any"), "closeness-undirected": ("closeness", "any")}


def log(message):
    print(message, file=sys.stderr, flush=True)


def run(command, env=None):
    """Runs a command under GNU time; returns (stdout, stderr without time's line, peak MB)."""
    done = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, capture_output=True, text=True, env=env,
                          timeout=TIMEOUT)
    lines = done.stderr.strip().splitlines()
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-1500:]}")
    return done.stdout, "\n".join(lines[:-1]), int(lines[-1]) / 1024


# ---- inputs -----------------------------------------------------------------

def ensure_inputs(graph, data, kg):
    json_path, tsv_path, kgs_path = (os.path.join(data, f"{graph}.{ext}") for ext in ("json", "tsv", "kgs"))
    if not (os.path.exists(json_path) and os.path.exists(tsv_path)):
        log(f"generating {graph} in {data} ...")
        kind = ["debian"] if graph == "debian" else ["synthetic", graph]
        subprocess.run([sys.executable, os.path.join(HERE, "inputs.py")] + kind + [data], check=True)
    if not os.path.exists(kgs_path) or os.path.getmtime(kgs_path) < os.path.getmtime(json_path):
        log(f"saving {kgs_path} ...")
        subprocess.run([kg, "export", json_path, "--to", "kgs", "-o", kgs_path, "--quiet"], check=True)
    return json_path, tsv_path, kgs_path


def query_files(graph, data, tsv_path, n, seed):
    """The peers' own choice of pairs and sources (benchlib.pairs/pick), for kg."""
    pairs_path = os.path.join(data, f"{graph}.pairs-{n}-{seed}.tsv")
    sources_path = os.path.join(data, f"{graph}.sources-{n}-{seed}.tsv")
    if not (os.path.exists(pairs_path) and os.path.exists(sources_path)):
        names = {name for row in benchlib.read_tsv(tsv_path) for name in row[:2]}
        with open(pairs_path, "w") as f:
            f.writelines(f"{s}\t{t}\n" for s, t in benchlib.pairs(names, n, seed))
        with open(sources_path, "w") as f:
            f.writelines(f"{s}\n" for s in benchlib.pick(names, n, seed))
    return pairs_path, sources_path


def paths_driver(build):
    """bench/paths_bench (the paths engineer's batch driver), built by CMake."""
    subprocess.run(["cmake", "--build", build, "--target", "paths_bench"], check=True, stdout=subprocess.DEVNULL)
    return os.path.join(build, "bench", "paths_bench")


# ---- one measurement --------------------------------------------------------

TIMINGS = re.compile(r"timings: load ([0-9.]+) s, compute ([0-9.]+) s")


def kg_run(tool, workload, inputs, kg, driver, queries):
    """(load s, compute s, peak MB, answer) of one kg run."""
    json_path, _, kgs_path = inputs
    env = dict(os.environ, OMP_NUM_THREADS="1" if tool == "kg-1" else str(os.cpu_count()))
    if workload in ("load-json", "load-kgs", "components"):
        source = kgs_path if workload == "load-kgs" else json_path
        out, err, peak = run([kg, "components", source, "--timings", "--format", "json", "--top", "1", "--quiet"], env)
        load, compute = map(float, TIMINGS.search(err).groups())
        answer = json.loads(out)
        return load, compute, peak, f"{answer['count']} / {answer['components'][0]['size']}"
    if workload in RANK:
        measure, direction = RANK[workload]
        out, err, peak = run([kg, "rank", kgs_path, "--by", measure, "--direction", direction, "--top", "1",
                              "--timings", "--format", "json", "--quiet"], env)
        load, compute = map(float, TIMINGS.search(err).groups())
        return load, compute, peak, json.loads(out)["scores"][0]["id"]
    # paths, khop: one process answers the whole batch
    pairs_path, sources_path = queries
    out, _, peak = run([driver, kgs_path, workload, pairs_path if workload == "paths" else sources_path], env)
    record = json.loads(out.strip().splitlines()[-1])
    seconds = record["seconds"]
    answer = f"{record['connected']} / {record['hops']}" if workload == "paths" else str(record["reached"])
    return seconds["load"], seconds["prep"] + seconds["compute"], peak, answer


def peer_run(tool, workload, inputs):
    _, tsv_path, _ = inputs
    peer, _, threads = tool.partition("-tool-")
    peer = "graph-tool" if threads else peer
    env = dict(os.environ, OMP_NUM_THREADS=threads or "1")
    peer_workload = {"load-json": "components", "betweenness-undirected": "betweenness",
                     "closeness-undirected": "closeness"}.get(workload, workload)
    command = ["/usr/bin/python3", os.path.join(HERE, "peers.py"), peer, peer_workload, tsv_path]
    if workload.endswith("-undirected"):
        command.append("--undirected")
    out, _, _ = run(command, env)
    record = json.loads(out.strip().splitlines()[-1])
    seconds = record["seconds"]
    compute = seconds.get("prep", 0.0) + seconds.get("compute", 0.0)
    if workload in ("components", "load-json"):
        answer = f"{record['count']} / {record['largest']}"
    elif workload == "paths":
        answer = f"{record['connected']} / {record['hops']}"
    elif workload == "khop":
        answer = str(record["reached"])
    else:
        answer = record.get("top", "")
    return seconds["load"], compute, record["peak_rss_mb"], answer


def measure(tool, workload, inputs, args, driver, queries):
    runs = []
    for _ in range(args.repeat):
        if tool.startswith("kg"):
            runs.append(kg_run(tool, workload, inputs, args.kg, driver, queries))
        else:
            runs.append(peer_run(tool, workload, inputs))
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), max(r[2] for r in runs),
            runs[-1][3])


# ---- the table --------------------------------------------------------------

def tool_label(tool):
    return {"kg": f"kg ({os.cpu_count()} threads)", "kg-1": "kg (1 thread)", "graph-tool-1": "graph-tool (1 thread)",
            "graph-tool-2": "graph-tool (2 threads)"}.get(tool, tool)


def memory_bandwidth(build):
    """bench/stream's copy GB/s with every thread and with one: what the kernels' bounds divide by."""
    subprocess.run(["cmake", "--build", build, "--target", "stream"], check=True, stdout=subprocess.DEVNULL)
    report = subprocess.run([os.path.join(build, "bench", "stream")], check=True, capture_output=True,
                            text=True, timeout=TIMEOUT).stdout
    copies = re.findall(r"threads (\d+)\s+copy\s+([\d.]+) GB/s", report)
    return ", ".join(f"{gb} GB/s with {threads} thread(s)" for threads, gb in copies)


def speedup(kg_seconds, peer_seconds):
    if not peer_seconds or kg_seconds <= 0:
        return ""
    return f"{min(peer_seconds) / kg_seconds:.1f}x"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graphs", default="S,M,L,debian")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--kg", help="the kg binary (default BUILD/cli/kg)")
    ap.add_argument("--data", default=benchlib.DEFAULT_DATA)
    ap.add_argument("--peers", default="networkx,igraph,graph-tool")
    ap.add_argument("--n", type=int, default=1000, help="path queries and neighbourhood sources")
    ap.add_argument("--seed", type=int, default=12345)
    ap.add_argument("--output", help="also write the table to this file")
    args = ap.parse_args()
    args.kg = args.kg or os.path.join(args.build, "cli", "kg")
    os.makedirs(args.data, exist_ok=True)
    peers = set(args.peers.split(","))
    graphs = [g for g in args.graphs.split(",") if g]
    for graph in graphs:
        if graph not in SUITE:
            ap.error(f"unknown graph {graph} (known: {', '.join(SUITE)})")

    started = time.time()
    driver = paths_driver(args.build)
    lines = [f"machine: {platform.node()}, {os.cpu_count()} cores, {platform.platform()}, "
             f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GB; "
             f"date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
             f"load average at start {os.getloadavg()[0]:.2f}; median of {args.repeat} run(s); "
             f"memory copy bandwidth (bench/stream): {memory_bandwidth(args.build)}",
             "",
             "| graph | workload | tool | load s | compute s | peak MB | answer | kg speed-up vs fastest peer |",
             "| --- | --- | --- | ---: | ---: | ---: | --- | ---: |"]
    print("\n".join(lines), flush=True)

    def emit(row):
        lines.append(row)
        print(row, flush=True)

    for graph in graphs:
        inputs = ensure_inputs(graph, args.data, args.kg)
        queries = query_files(graph, args.data, inputs[1], args.n, args.seed)
        workloads = SUITE[graph]
        if any(w == "components" for w, _ in workloads):
            # Loading: the load phase of the components runs, kg from JSON and from its snapshot.
            workloads = [("load", None)] + workloads
        results = {}
        for workload, tools in workloads:
            if workload == "load":
                continue
            for tool in tools:
                if not tool.startswith("kg") and ("graph-tool" if tool.startswith("graph-tool") else tool) not in peers:
                    continue
                log(f"{graph} {workload} {tool} ...")
                try:
                    results[workload, tool] = measure(tool, workload, inputs, args, driver, queries)
                except (RuntimeError, subprocess.TimeoutExpired) as error:
                    log(f"  failed: {error}")
                    results[workload, tool] = None
            if workload == "components":
                log(f"{graph} load kgs ...")
                results["load", "kg-kgs"] = measure("kg", "load-kgs", inputs, args, driver, queries)
        for workload, tools in workloads:
            if workload == "load":
                rows = [("kg (kg JSON)", results.get(("components", "kg"))),
                        ("kg (.kgs snapshot)", results.get(("load", "kg-kgs")))]
                rows += [(f"{tool_label(t)} (TSV)", results.get(("components", t)))
                         for t in dict(workloads)["components"] if not t.startswith("kg")]
                peer_loads = [r[0] for label, r in rows if r and not label.startswith("kg")]
                for label, r in rows:
                    if r is None:
                        continue
                    ratio = speedup(r[0], peer_loads) if label.startswith("kg") else ""
                    emit(f"| {graph} | load | {label} | {r[0]:.3f} | | {r[2]:.0f} | | {ratio} |")
                continue
            peer_computes = [results[workload, t][1] for t in tools
                             if not t.startswith("kg") and results.get((workload, t))]
            for tool in tools:
                r = results.get((workload, tool))
                if r is None:
                    if (workload, tool) in results:
                        emit(f"| {graph} | {workload} | {tool_label(tool)} | | failed | | | |")
                    continue
                ratio = speedup(r[1], peer_computes) if tool.startswith("kg") else ""
                emit(f"| {graph} | {workload} | {tool_label(tool)} | {r[0]:.3f} | {r[1]:.3f} | {r[2]:.0f} | "
                     f"{r[3]} | {ratio} |")

    emit("")
    emit(f"total harness time {time.time() - started:.0f} s")
    if args.output:
        with open(args.output, "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
