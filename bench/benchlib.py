"""What the benchmark scripts and the peer runners share: the TSV edge list
they all read, the seeded choice of query vertices (so kg and every peer
answer the same questions), a phase timer and the one-line JSON report."""
import json
import os
import random
import resource
import time
from contextlib import contextmanager

DEFAULT_DATA = "/tmp/benchdata"


def read_tsv(path):
    """Rows of `source<TAB>target<TAB>relation_type`."""
    with open(path) as f:
        for line in f:
            yield tuple(line.rstrip("\n").split("\t"))


def pick(names, count, seed):
    """`count` names drawn uniformly, with replacement, from the sorted names."""
    ordered = sorted(names)
    draw = random.Random(seed).random
    return [ordered[int(draw() * len(ordered))] for _ in range(count)]


def pairs(names, count, seed):
    """`count` (source, target) pairs: consecutive draws of pick()."""
    drawn = pick(names, 2 * count, seed)
    return list(zip(drawn[0::2], drawn[1::2]))


class Phases:
    """`with phases("load"): ...` records the wall seconds of each phase."""

    def __init__(self):
        self.seconds = {}

    @contextmanager
    def __call__(self, name):
        start = time.perf_counter()
        yield
        self.seconds[name] = round(time.perf_counter() - start, 6)


def peak_rss_mb():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def report(library, workload, input_path, undirected, phases, **answer):
    """Prints one line of JSON: the phases' seconds, CPU seconds, peak memory, the answer."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"lib": library, "workload": workload, "input": os.path.basename(input_path),
                      "undirected": undirected, "threads": os.environ.get("OMP_NUM_THREADS"),
                      "seconds": phases.seconds, "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
                      "peak_rss_mb": peak_rss_mb(), "loadavg1": round(os.getloadavg()[0], 2), **answer}),
          flush=True)
