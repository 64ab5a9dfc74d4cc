#!/usr/bin/env python3
"""Strong scaling of kg's source-parallel measures over MPI ranks and OpenMP
threads (docs/PERFORMANCE.md, "Scale-out"; docs/MPI.md).

  scaleout.py [--kg build/cli/kg] [--data /tmp/benchdata] [--grid 1x1,2x1,1x2,2x2]

Runs, for each RANKSxTHREADS of the grid, exact betweenness on the S graph and
sampled betweenness (K = 1024) on the Debian package graph when
`inputs.py debian` made it (each graph first saved as a .kgs snapshot, which
every rank maps). One rank runs kg alone; more run under
`mpirun --oversubscribe`. Prints one Markdown table: the compute seconds
(`--timings`, rank 0's view: the load is not in it), the speed-up over 1x1,
the ranks' busy imbalance (slowest rank's CPU seconds over the mean, from
`--timings`), the slowest rank's CPU seconds, the CPU seconds of the whole
job, the CPU speed-up (the 1x1 job's CPU seconds over the slowest rank's:
what an idle machine would show) and the load average before the row,
since on a shared machine wall times depend on it. Every run's scores must equal the
1x1 run's bytes; a difference stops the script.
"""
import argparse
import os
import re
import resource
import subprocess
import sys
import time

from benchlib import DEFAULT_DATA

WORKLOADS = [
    ("exact betweenness, S", "S", ["--by", "betweenness"]),
    # Undirected: following dependencies out, most packages reach few others.
    ("sampled betweenness K=1024, Debian, undirected", "debian",
     ["--by", "betweenness", "--samples", "1024", "--direction", "any"]),
]


def snapshot(kg, data, name):
    source, target = os.path.join(data, name + ".json"), os.path.join(data, name + ".kgs")
    if not os.path.exists(source):
        return None
    if not os.path.exists(target):
        subprocess.run([kg, "export", source, "--to", "kgs", "-o", target], check=True)
    return target


def command(kg, ranks, threads, graph, arguments):
    line = [kg, "rank", graph] + arguments + ["--top", "0", "--format", "json", "--timings"]
    if ranks > 1:
        launcher = ["mpirun", "-q", "--oversubscribe", "-np", str(ranks)]
        if os.geteuid() == 0:
            launcher.append("--allow-run-as-root")
        line = launcher + line
    return line, dict(os.environ, OMP_NUM_THREADS=str(threads))


def run(line, env):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    start = time.perf_counter()
    done = subprocess.run(line, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(line), done.stderr))
    compute = float(re.search(r"compute ([0-9.]+) s", done.stderr).group(1))
    busy = re.search(r"CPU max ([0-9.]+) s, mean [0-9.]+ s, imbalance ([0-9.]+)", done.stderr)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # The slowest rank's CPU seconds: the compute time on an idle machine.
    slowest_cpu = float(busy.group(1)) if busy else None
    return done.stdout, compute, float(busy.group(2)) if busy else None, slowest_cpu, cpu, load


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kg", default="build/cli/kg")
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--grid", default="1x1,2x1,1x2,2x2")
    options = parser.parse_args()
    grid = [tuple(int(x) for x in cell.split("x")) for cell in options.grid.split(",")]

    print("| workload | ranks x threads | compute s | speed-up | busy imbalance (CPU) | slowest rank CPU s "
          "| job CPU s | CPU speed-up | load before |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for title, name, arguments in WORKLOADS:
        graph = snapshot(options.kg, options.data, name)
        if graph is None:
            print("| %s | (no %s.json in %s: run inputs.py) | | | | | | | |" % (title, name, options.data))
            continue
        reference = base = base_cpu = None
        for ranks, threads in grid:
            out, compute, imbalance, slowest_cpu, cpu, load = run(*command(options.kg, ranks, threads, graph, arguments))
            if reference is None:
                reference, base, base_cpu = out, compute, cpu
            elif out != reference:
                sys.exit("%s: %dx%d printed other scores than 1x1" % (title, ranks, threads))
            # What an idle machine would give: the one-process job's CPU over
            # the slowest rank's (one thread per rank only).
            cpu_speedup = "%.2fx" % (base_cpu / slowest_cpu) if slowest_cpu and threads == 1 else "-"
            print("| %s | %d x %d | %.2f | %.2fx | %s | %s | %.2f | %s | %.1f |" % (
                title, ranks, threads, compute, base / compute, "%.3f" % imbalance if imbalance else "-",
                "%.2f" % slowest_cpu if slowest_cpu else "-", cpu, cpu_speedup, load), flush=True)


if __name__ == "__main__":
    main()
