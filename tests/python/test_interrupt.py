"""kg computes with the GIL released, Ctrl-C stops it within a second, and
graphs are freed when Python drops them."""
import gc
import os
import random
import signal
import subprocess
import sys
import threading
import time

import kg


def random_edge_list(entities, relations, seed=1):
    draw = random.Random(seed)
    return "".join(f"{draw.randrange(entities)}\t{draw.randrange(entities)}\n" for _ in range(relations))


CHILD = """
import random, sys
import kg
draw = random.Random(1)
text = "".join(f"{draw.randrange(50000)}\\t{draw.randrange(50000)}\\n" for _ in range(250000))
g = kg.loads(text, format="edgelist")
print("ready", flush=True)
g.communities()  # about 20 s uninterrupted on this machine
print("finished", flush=True)
"""


def test_ctrl_c_raises_keyboard_interrupt_within_a_second():
    child = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=os.environ)
    try:
        assert child.stdout.readline().strip() == "ready"
        time.sleep(0.5)  # well inside communities()
        child.send_signal(signal.SIGINT)
        sent = time.monotonic()
        out, err = child.communicate(timeout=30)
        waited = time.monotonic() - sent
    finally:
        child.kill()
    assert "KeyboardInterrupt" in err
    assert "finished" not in out
    assert child.returncode != 0
    assert waited < 1.0, f"KeyboardInterrupt took {waited:.2f} s"


def test_other_threads_run_while_kg_computes():
    g = kg.loads(random_edge_list(20000, 100000), format="edgelist")
    ticks = 0
    done = threading.Event()

    def count():
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    started = time.monotonic()
    before = ticks
    g.communities()
    elapsed = time.monotonic() - started
    during = ticks - before
    done.set()
    counter.join()
    # Holding the GIL, kg would let the counter run only at the switch
    # interval's mercy before and after: a handful of ticks, not hundreds.
    assert elapsed > 0.2
    assert during > 50 * elapsed


def resident_bytes():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_graphs_are_freed():
    text = random_edge_list(5000, 50000, seed=2)
    small = random_edge_list(500, 5000, seed=3)

    def cycle():
        g = kg.loads(text, format="edgelist")
        view = g.view(max_degree=30)
        entity, relation = g.entities[0], g.relations[0]
        view.components()
        h = kg.from_networkx(kg.loads(small, format="edgelist").to_networkx())
        del g, view, entity, relation, h
        gc.collect()

    for _ in range(3):
        cycle()
    settled = resident_bytes()
    for _ in range(20):
        cycle()
    grown = resident_bytes() - settled
    # A graph of 50,000 relations takes a few MB: twenty cycles that each
    # leaked one would grow by far more than this.
    assert grown < 8 * 2**20, f"resident memory grew by {grown / 2**20:.1f} MB over 20 load/free cycles"
