#!/usr/bin/env python3
"""kg neighbors --depth on a chain (issue 11, point 16): the whole chain from
one end, text output, at a few lengths; linear time shows as a constant time
per entity. Each run is bounded by `timeout`.

    python3 bench/neighbors_chain.py build/cli/kg [LENGTH ...]

Prints one JSON line per run.
"""
import json
import os
import subprocess
import sys
import tempfile
import time


def main():
    kg = sys.argv[1]
    lengths = [int(n) for n in sys.argv[2:]] or [80000, 160000, 320000]
    with tempfile.TemporaryDirectory() as work:
        for n in lengths:
            path = os.path.join(work, f"chain{n}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump({"kg": 1,
                           "entities": [{"id": f"e{i}"} for i in range(n)],
                           "relations": [{"source": f"e{i}", "target": f"e{i + 1}", "type": "next"}
                                         for i in range(n - 1)]}, f)
            start = time.monotonic()
            run = subprocess.run(["timeout", "-s", "KILL", "60", kg, "neighbors", path, "e0", "--depth", str(n)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            seconds = time.monotonic() - start
            # The load alone, to subtract: the same graph, depth 0.
            start = time.monotonic()
            subprocess.run([kg, "neighbors", path, "e0", "--depth", "0"], stdout=subprocess.DEVNULL, check=True)
            load = time.monotonic() - start
            print(json.dumps({"length": n, "exit": run.returncode, "seconds": round(seconds, 2),
                              "depth_0_seconds": round(load, 2)}), flush=True)


if __name__ == "__main__":
    main()
