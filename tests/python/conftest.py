"""Shared fixtures of the kg module's tests: the sample, the kg program (for
"same answer as the CLI's JSON"), and seeded random graphs.

ctest runs these with PYTHONPATH naming the build tree's python/ folder and
KG_BINARY the kg program (tests/CMakeLists.txt)."""
import json
import os
import random
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "openai.json"
BROKEN = ROOT / "samples" / "broken.json"
KG = os.environ.get("KG_BINARY", str(ROOT / "build" / "cli" / "kg"))


def run_cli(*args, expect=0):
    """kg's JSON answer for `kg ARGS --format json`."""
    done = subprocess.run([KG, *map(str, args), "--format", "json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == expect, done.stderr
    return json.loads(done.stdout)


def random_graph(seed, entities=60, relations=240, directed=True):
    """A kg JSON document drawn from `seed`: typed entities, some with
    aliases and attributes; dated, undated and open-ended relations of several
    types (one symmetric), some with evidence; parallel relations and the odd
    self-loop allowed."""
    draw = random.Random(seed)
    entity_types = ["person", "company", "lab"]
    relation_types = ["funded", "recruited", "advised", "competed"]
    doc = {"kg": 1, "name": f"random {seed}", "directed": directed,
           "sources": [{"id": "s1", "title": "Source one"}, {"id": "s2", "url": "https://example.org"}],
           "relation_types": {"competed": {"symmetric": True, "polarity": "negative"}},
           "entities": [], "relations": []}
    if not directed:
        del doc["relation_types"]
    for i in range(entities):
        entity = {"id": f"e{i}", "name": f"Entity {i}", "type": draw.choice(entity_types)}
        if draw.random() < 0.2:
            entity["aliases"] = [f"alias{i}"]
        if draw.random() < 0.3:
            entity["attributes"] = {"size": draw.randint(1, 100), "score": round(draw.random(), 3),
                                    "public": draw.random() < 0.5}
        doc["entities"].append(entity)
    for _ in range(relations):
        relation = {"source": f"e{draw.randrange(entities)}", "target": f"e{draw.randrange(entities)}",
                    "type": draw.choice(relation_types)}
        if draw.random() < 0.85:
            year = draw.randint(2010, 2020)
            relation["date"] = draw.choice([f"{year}", f"{year}-{draw.randint(1, 12):02d}"])
            if draw.random() < 0.3:
                relation["until"] = f"{year + draw.randint(0, 4)}"
        if draw.random() < 0.3:
            relation["evidence"] = [{"source": draw.choice(["s1", "s2"]), "quote": f"quote {draw.random():.6f}"}]
        if draw.random() < 0.2:
            relation["attributes"] = {"amount": draw.randint(1, 10**9)}
        doc["relations"].append(relation)
    return doc


@pytest.fixture
def sample_path():
    return str(SAMPLE)


@pytest.fixture
def sample():
    import kg
    return kg.load(str(SAMPLE))


@pytest.fixture(params=[1, 2, 3])
def random_file(request, tmp_path):
    """A seeded random graph written as kg JSON (seed 3: undirected)."""
    path = tmp_path / f"random{request.param}.json"
    path.write_text(json.dumps(random_graph(request.param, directed=request.param != 3)))
    return str(path)
