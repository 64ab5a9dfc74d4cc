#!/usr/bin/env python3
"""kg's path queries beside NetworkX, igraph and graph-tool, in one run.

Usage: bench/paths.py [--build build] [--size M] [--data /tmp/benchdata] [--n 1000]
       [--peers networkx,igraph,graph-tool] [--workloads paths,paths-undirected,khop]

Builds bench/paths_bench.cpp against the libraries kg links in BUILD (a Ninja
build, RelWithDebInfo), then for each workload runs it and each peer
(bench/peers.py under /usr/bin/python3) on the same graph and the
same seeded queries (bench/benchlib.py picks them from the TSV's
vertex names, so kg answers exactly what the peers answer). Prints a Markdown
table of the compute phase (queries only; loading is reported separately) and
checks that every tool found the same totals.
"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import benchlib  # noqa: E402  (the query picker kg and the peers share)


def kg_link_libraries(build):
    """The libraries the kg binary links, from BUILD's build.ninja (Ninja generator)."""
    with open(os.path.join(build, "build.ninja")) as f:
        lines = f.read().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("build cli/kg:"))
    for line in lines[start + 1:]:
        if line.strip().startswith("LINK_LIBRARIES = "):
            return [lib if lib.startswith(("-", "/")) else os.path.join(build, lib)
                    for lib in line.split("=", 1)[1].split()]
    raise RuntimeError("no LINK_LIBRARIES for cli/kg in " + build + "/build.ninja")


def build_driver(build):
    out = os.path.join(build, "paths_bench")
    command = ["g++", "-std=c++17", "-O2", "-I" + ROOT, os.path.join(HERE, "paths_bench.cpp")] + \
        kg_link_libraries(build) + ["-o", out]
    subprocess.run(command, check=True)
    return out


def tsv_vertices(tsv):
    names = set()
    for s, d, _ in benchlib.read_tsv(tsv):
        names.add(s)
        names.add(d)
    return names


def run_json(command, env=None):
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError(" ".join(command) + " failed: " + done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--size", default="M")
    ap.add_argument("--data", default="/tmp/benchdata")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=12345)
    ap.add_argument("--peers", default="networkx,igraph,graph-tool")
    ap.add_argument("--workloads", default="paths,paths-undirected,khop")
    a = ap.parse_args()

    json_path = os.path.join(a.data, a.size + ".json")
    tsv_path = os.path.join(a.data, a.size + ".tsv")
    if not (os.path.exists(json_path) and os.path.exists(tsv_path)):
        subprocess.run([sys.executable, os.path.join(HERE, "inputs.py"), "synthetic", a.size, a.data], check=True)
    driver = build_driver(a.build)
    names = tsv_vertices(tsv_path)
    pairs_file = os.path.join(a.data, f"{a.size}.pairs-{a.n}-{a.seed}.tsv")
    sources_file = os.path.join(a.data, f"{a.size}.sources-{a.n}-{a.seed}.tsv")
    with open(pairs_file, "w") as f:
        f.writelines(f"{s}\t{t}\n" for s, t in benchlib.pairs(names, a.n, a.seed))
    with open(sources_file, "w") as f:
        f.writelines(f"{s}\n" for s in benchlib.pick(names, a.n, a.seed))

    print(f"date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.2f}; graph {a.size}; {a.n} queries, seed {a.seed}\n")
    print("| workload | tool | compute s | per query | load s | answers |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    env = dict(os.environ, OMP_NUM_THREADS="1")
    for workload in a.workloads.split(","):
        undirected = workload == "paths-undirected"
        peer_workload = "khop" if workload == "khop" else "paths"
        if workload == "khop":
            kg_command = [driver, json_path, "khop", sources_file, "--depth", "3"]
        else:
            kg_command = [driver, json_path, "paths", pairs_file] + (["--undirected"] if undirected else [])
        rows = [("kg", run_json(kg_command))]
        for peer in [p for p in a.peers.split(",") if p]:
            if peer == "networkx" and workload == "khop":
                continue  # minutes on M; see docs/PERFORMANCE.md
            command = ["/usr/bin/python3", os.path.join(HERE, "peers.py"), peer, peer_workload, tsv_path,
                       "--n", str(a.n), "--seed", str(a.seed)] + (["--undirected"] if undirected else [])
            rows.append((peer, run_json(command, env)))
        answers = set()
        for tool, record in rows:
            compute = record["seconds"]["compute"]
            if workload == "khop":
                answer = f"reached {record['reached']}"
            else:
                answer = f"connected {record['connected']}, hops {record['hops']}"
            answers.add(answer)
            print(f"| {workload} {a.size} | {tool} | {compute:.3f} | {compute / a.n * 1e6:.0f} us | "
                  f"{record['seconds']['load']:.2f} | {answer} |", flush=True)
        if len(answers) != 1:
            print(f"\nMISMATCH in {workload}: {sorted(answers)}", flush=True)


if __name__ == "__main__":
    main()
