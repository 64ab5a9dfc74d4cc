"""Every question gives the same answer from Python as the CLI's JSON, on the
sample and on seeded random graphs, with and without filters."""
import json

import pytest

import kg
from conftest import SAMPLE, run_cli


def cli_json(*args):
    return run_cli(*args)


def same(answer, expected):
    """The answer's JSON is the CLI's, value for value (floats parsed exactly)."""
    return json.loads(answer.to_json()) == expected


FILTERS = [
    ({}, []),
    ({"relations": ["funded", "recruited"]}, ["--relations", "funded,recruited"]),
    ({"as_of": "2016"}, ["--as-of", "2016"]),
    ({"between": ("2012", None), "undated": "exclude"}, ["--between", "2012..", "--undated", "exclude"]),
    ({"entity_types": ["person", "company"], "exclude_relations": "advised"},
     ["--entity-types", "person,company", "--exclude-relations", "advised"]),
]


@pytest.mark.parametrize("keywords,flags", FILTERS)
@pytest.mark.parametrize("strong", [False, True])
def test_components_random(random_file, keywords, flags, strong):
    g = kg.load(random_file)
    answer = g.components(strong=strong, **keywords)
    expected = run_cli("components", random_file, *flags, *(["--strong"] if strong else []))
    assert same(answer, expected)
    assert list(answer) == [c["entities"] for c in expected["components"]]
    assert answer.undated_relations == expected.get("undated_relations", 0) or "undated_relations" not in expected


@pytest.mark.parametrize("seed,resolution", [(0, 1.0), (7, 1.0), (3, 0.5)])
def test_communities_random(random_file, seed, resolution):
    g = kg.load(random_file)
    answer = g.communities(seed=seed, resolution=resolution)
    expected = run_cli("communities", random_file, "--seed", seed, "--resolution", resolution)
    assert same(answer, expected)
    assert answer.modularity == pytest.approx(expected["modularity"], abs=1e-12)
    assert answer.groups == [c["entities"] for c in expected["communities"]]


def test_sample_answers(sample):
    assert same(sample.components(), cli_json("components", SAMPLE))
    assert same(sample.components(strong=True, top=3), cli_json("components", SAMPLE, "--strong", "--top", "3"))
    assert same(sample.communities(seed=1), cli_json("communities", SAMPLE, "--seed", "1"))
    assert same(sample.communities(relations=["funded", "recruited", "competed"]), \
        cli_json("communities", SAMPLE, "--relations", "funded,recruited,competed"))


def test_view_methods_take_the_views_filters(sample):
    """A view's methods answer for the view: the same as the filters given to
    the method, and as the CLI's flags."""
    view = sample.view(relations=["funded", "recruited", "competed"])
    assert view.communities().to_json() == sample.communities(relations=["funded", "recruited", "competed"]).to_json()
    assert same(view.components(direction="out", strong=True), \
        cli_json("components", SAMPLE, "--relations", "funded,recruited,competed", "--strong"))


def test_usage_errors_name_the_keyword(sample):
    with pytest.raises(kg.UsageError) as caught:
        sample.communities(resolution=-1)
    assert caught.value.field == "resolution"
    with pytest.raises(kg.UsageError) as caught:
        sample.components(relations=["fundd"])
    assert caught.value.field == "relations" and "funded" in str(caught.value)
    with pytest.raises(kg.UsageError) as caught:
        sample.view(as_of="2016", between="2015..2017")
    assert caught.value.field == "as_of"
    with pytest.raises(kg.UsageError) as caught:
        sample.view(direction="sideways")
    assert caught.value.field == "direction"
    with pytest.raises(TypeError):
        sample.components(colour="red")


def test_names_not_found_suggest(sample):
    with pytest.raises(kg.NameNotFound) as caught:
        sample.entity("Elon Muks")
    assert caught.value.name == "Elon Muks"
    assert caught.value.suggestions[0] == "Elon Musk"
    assert isinstance(caught.value, LookupError)
    with pytest.raises(kg.NameNotFound) as caught:
        sample.components(avoid=["microsfot"])
    assert caught.value.suggestions and caught.value.suggestions[0] == "Microsoft"
    # Names resolve as the CLI's do: id, name or alias, any case.
    assert sample.entity("MUSK").id == sample.entity("Elon Musk").id == "musk"


def test_answers_index_like_lists(sample):
    # Indexing once read an element of a list already freed (garbage, then a crash).
    answer = sample.communities(seed=1)
    groups = answer.groups
    assert [answer[i] for i in range(len(answer))] == groups
    assert answer[-1] == groups[-1] and answer[0:2] == groups[0:2]
    assert list(answer) == groups
