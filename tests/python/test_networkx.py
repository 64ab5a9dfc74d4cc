"""Graphs to and from NetworkX in memory: from_networkx(G).to_networkx()
gives G back (ids, node and edge data, graph data, direction, multigraph),
and to_networkx() agrees with what NetworkX reads from kg's node-link export."""
import datetime
import json

import networkx as nx
import pytest

import kg
from conftest import SAMPLE


def edge_multiset(G):
    return sorted((repr(u), repr(v), json.dumps(d, sort_keys=True)) for u, v, d in G.edges(data=True))


def assert_same_graph(G, H):
    assert type(G) is type(H)
    assert G.graph == H.graph
    assert list(G.nodes(data=True)) == list(H.nodes(data=True))
    if G.is_directed():
        assert edge_multiset(G) == edge_multiset(H)
    else:
        # An undirected edge may come back with its ends swapped.
        assert sorted((sorted([repr(u), repr(v)]), json.dumps(d, sort_keys=True)) for u, v, d in G.edges(data=True)) == \
            sorted((sorted([repr(u), repr(v)]), json.dumps(d, sort_keys=True)) for u, v, d in H.edges(data=True))


def test_karate_round_trip():
    G = nx.karate_club_graph()
    g = kg.from_networkx(G)
    assert not g.directed and len(g.entities) == 34 and len(g.relations) == 78
    assert g.entity("0").attributes == {"club": "Mr. Hi"}
    assert_same_graph(G, g.to_networkx())


def test_les_miserables_round_trip():
    G = nx.les_miserables_graph()
    assert_same_graph(G, kg.from_networkx(G).to_networkx())


def test_dated_multigraph_round_trip():
    G = nx.MultiDiGraph(name="dated", sources=[{"id": "paper", "title": "A paper", "url": "https://example.org"}])
    G.add_node("ann", name="Ann Lee", type="person", aliases=["Annie"], age=41)
    G.add_node("lab", type="lab", public=True)
    G.add_edge("ann", "lab", type="funded", date="2016-03", until="2018", amount=1.5e6,
               evidence=[{"source": "paper", "quote": "Ann funded the lab"}])
    G.add_edge("ann", "lab", type="funded", date="2019")
    G.add_edge("lab", "ann", type="employed", date="2017-01-02")
    G.add_edge("lab", "lab")
    g = kg.from_networkx(G)
    first = g.relations[0]
    assert (first.type, first.date, first.until, first.attributes) == ("funded", "2016-03", "2018", {"amount": 1.5e6})
    assert [(e.source, e.title, e.quote) for e in first.evidence] == [("paper", "A paper", "Ann funded the lab")]
    assert g.entity("Annie").name == "Ann Lee"
    assert g.relations[3].type == "related"
    assert_same_graph(G, g.to_networkx())
    # The view's dates work on what came from NetworkX.
    assert [(r.source, r.target) for r in g.view(as_of="2017-06", undated="exclude").relations] == \
        [("ann", "lab"), ("lab", "ann")]


def test_integer_ids_and_dates_from_python_objects():
    G = nx.DiGraph()
    G.add_edge(1, 2, date=datetime.date(2016, 3, 14))
    g = kg.from_networkx(G)
    assert g.relations[0].date == "2016-03-14"
    H = g.to_networkx()
    assert list(H.nodes) == [1, 2] and H.edges[1, 2] == {"date": "2016-03-14"}


def test_to_networkx_matches_networkx_reading_kgs_node_link(tmp_path, sample):
    path = tmp_path / "sample.json"
    sample.export(str(path), to="node-link")
    read = nx.node_link_graph(json.loads(path.read_text()))
    mine = sample.to_networkx(multigraph=True)
    assert sorted(mine.nodes) == sorted(read.nodes)
    for node, data in read.nodes(data=True):
        # node-link always writes name and type; to_networkx leaves defaults out.
        assert {**{"name": node, "type": "entity"}, **mine.nodes[node]} == data
    assert edge_multiset(mine) == edge_multiset(read)
    assert mine.graph == read.graph


def test_views_convert_what_they_keep(sample):
    # musk funded openai twice (2015..2018 and 2016): a multigraph holds both.
    G = sample.view(relations="funded").to_networkx()
    assert G.number_of_edges() == sum(r.type == "funded" for r in sample.relations) == 4
    assert G.number_of_nodes() == len(sample.entities)
    assert isinstance(G, nx.MultiDiGraph) and G.number_of_edges("musk", "openai") == 2
    # In 2015 only the first of them had started: a simple graph is enough.
    G = sample.view(relations="funded", as_of="2015").to_networkx()
    assert type(G) is nx.DiGraph and sorted(G.edges) == [("altman", "yc-ai-lab"), ("musk", "openai")]
    with pytest.raises(kg.UsageError):
        sample.to_networkx(multigraph=False)


@pytest.mark.parametrize("G,where", [
    (nx.Graph([((0, 1), (1, 2))]), "node ids"),
    (nx.Graph([("a", "b", {"weight": [1, 2]})]), "'weight'"),
    (nx.Graph([("a", "b", {"date": "2016-13"})]), "date"),
    (nx.Graph([("a", "b", {"evidence": "said so"})]), "evidence"),
])
def test_what_kg_cannot_keep_is_refused(G, where):
    with pytest.raises(kg.UsageError) as caught:
        kg.from_networkx(G)
    assert where in str(caught.value)


def test_networkx_answers_agree_with_kg(random_file):
    """kg's components on a random graph equal NetworkX's on to_networkx()."""
    g = kg.load(random_file)
    G = g.to_networkx()
    weak = nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    assert sorted(sorted(c) for c in weak) == sorted(g.components().groups)
