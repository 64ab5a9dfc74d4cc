"""kg.load and kg.loads read every format kg reads, with the CLI's read
options; entities and relations come back as light objects."""
import json
import subprocess

import pytest

import kg
from conftest import BROKEN, KG, SAMPLE, run_cli


def test_sample_entities_and_relations_match_the_file():
    g = kg.load(str(SAMPLE))
    doc = json.loads(SAMPLE.read_text())
    assert g.name == doc["name"]
    assert g.directed
    assert [e.id for e in g.entities] == [e["id"] for e in doc["entities"]]
    assert [e.name for e in g.entities] == [e["name"] for e in doc["entities"]]
    assert [e.type for e in g.entities] == [e["type"] for e in doc["entities"]]
    assert [list(e.aliases) for e in g.entities] == [e.get("aliases", []) for e in doc["entities"]]
    assert [e.attributes for e in g.entities] == [e.get("attributes", {}) for e in doc["entities"]]
    relations = doc["relations"]
    assert len(g.relations) == len(relations)
    for mine, theirs in zip(g.relations, relations):
        # Sources and targets in the file may be aliases: compare resolved ids.
        assert mine.source == g.entity(theirs["source"]).id
        assert mine.target == g.entity(theirs["target"]).id
        assert mine.type == theirs["type"]
        assert mine.date == theirs.get("date")
        assert mine.until == theirs.get("until")
        assert mine.attributes == theirs.get("attributes", {})
        assert [(e.source, e.quote) for e in mine.evidence] == \
            [(e["source"], e["quote"]) for e in theirs.get("evidence", [])]


def test_evidence_carries_its_source():
    g = kg.load(str(SAMPLE))
    source = json.loads(SAMPLE.read_text())["sources"][0]
    evidence = g.relations[0].evidence[0]
    assert (evidence.source, evidence.title, evidence.url) == (source["id"], source["title"], source["url"])


def test_sequences_index_like_python():
    g = kg.load(str(SAMPLE))
    assert g.entities[-1] == list(g.entities)[-1]
    assert g.relations[-1].index == len(g.relations) - 1
    with pytest.raises(IndexError):
        g.entities[len(g.entities)]
    assert len({g.entity("musk"), g.entity("Elon Musk"), g.entities[0]}) == 1


@pytest.mark.parametrize("to", [name for name in kg.export_formats if name not in ("dot", "mermaid")])
def test_every_format_kg_writes_loads_back(tmp_path, to):
    """Each data format kg exports is read back by kg.load (by extension and
    content) into the same entities and relations."""
    g = kg.load(str(SAMPLE))
    writer_extension = {"gexf-1.3": ".gexf", "node-link": ".json", "cytoscape": ".cyjs", "csv": ""}.get(to, "." + to)
    path = tmp_path / ("graph" + writer_extension)
    g.export(str(path), to=to)
    back = kg.load(str(path))
    assert sorted(e.id for e in back.entities) == sorted(e.id for e in g.entities)
    assert sorted((r.source, r.type, r.target, r.date, r.until) for r in back.relations) == \
        sorted((r.source, r.type, r.target, r.date, r.until) for r in g.relations)


def test_export_matches_the_cli(tmp_path):
    g = kg.load(str(SAMPLE))
    g.export(str(tmp_path / "mine.graphml"))
    subprocess.run([KG, "export", str(SAMPLE), "--to", "graphml", "-o", str(tmp_path / "cli.graphml")], check=True)
    assert (tmp_path / "mine.graphml").read_bytes() == (tmp_path / "cli.graphml").read_bytes()


def test_edge_list_and_csv_columns(tmp_path):
    path = tmp_path / "edges.tsv"
    path.write_text("a\tb\nb\tc\n")
    g = kg.load(str(path), format="edgelist")
    assert [(r.source, r.target) for r in g.relations] == [("a", "b"), ("b", "c")]
    csv = tmp_path / "people.csv"
    csv.write_text("who;whom;how\nann;bob;knows\n")
    g = kg.load(str(csv), source_column="who", target_column="whom", relation_type_column="how", delimiter=";")
    assert [(r.source, r.type, r.target) for r in g.relations] == [("ann", "knows", "bob")]


def test_loads_reads_text_and_bytes():
    text = SAMPLE.read_text()
    assert len(kg.loads(text).relations) == len(kg.load(str(SAMPLE)).relations)
    g = kg.loads(b'{"directed": true, "nodes": [{"id": 1}, {"id": 2}], "links": [{"source": 1, "target": 2}]}')
    assert [(r.source, r.target) for r in g.relations] == [("1", "2")]


def test_views_keep_what_the_filters_keep(sample):
    funded = sample.view(relations=["funded"])
    assert {r.type for r in funded.relations} == {"funded"}
    assert len(funded.relations) == sum(r.type == "funded" for r in sample.relations)
    people = sample.view(entity_types="person")
    assert {e.type for e in people.entities} == {"person"}
    # A view of a view adds its keywords; the graph itself is unchanged.
    both = funded.view(as_of="2016")
    assert len(both.relations) <= len(funded.relations)
    assert len(sample.relations) == 58
    assert json.loads(both.components().to_json()) == \
        run_cli("components", SAMPLE, "--relations", "funded", "--as-of", "2016")


def test_errors_name_the_place():
    with pytest.raises(kg.InputError) as caught:
        kg.load(str(BROKEN))
    error = caught.value
    assert (error.file, error.line, error.column) == (str(BROKEN), error.problems[0].line, error.problems[0].column)
    done = subprocess.run([KG, "validate", str(BROKEN)], capture_output=True, text=True)
    # The CLI prints each problem as file:line:column: path: message; so do the Problems.
    for problem in error.problems:
        assert str(problem) in done.stdout + done.stderr
    assert error.line > 0 and error.column > 0


def test_unreadable_and_malformed_inputs(tmp_path):
    with pytest.raises(kg.InputError):
        kg.load(str(tmp_path / "missing.json"))
    bad = tmp_path / "bad.json"
    bad.write_text('{"kg": 1, "entities": [\n  {"id": "a",}\n]}')
    with pytest.raises(kg.InputError) as caught:
        kg.load(str(bad))
    assert caught.value.line == 2
    with pytest.raises(kg.UsageError) as caught:
        kg.load(str(SAMPLE), format="excel")
    assert caught.value.field == "format"
    with pytest.raises(TypeError):
        kg.load(str(SAMPLE), colour="red")
