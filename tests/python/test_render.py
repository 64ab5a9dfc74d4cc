"""g.render draws what kg render draws: the same DOT for the same view, a
diagram file written whole, the bytes when no file is named, and errors as
kg's exceptions."""
import os
import subprocess

import pytest

import kg
from conftest import KG, SAMPLE


def cli_render(*args):
    done = subprocess.run([KG, "render", str(SAMPLE), "-o", "-", *args], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("keywords,flags", [
    ({}, []),
    ({"focus": "musk", "depth": 2}, ["--focus", "musk", "--depth", "2"]),
    ({"connect": ["ilya", "microsoft"], "k": 2}, ["--path", "ilya", "microsoft", "--k", "2"]),
    ({"as_of": "2016", "relations": ["funded"]}, ["--as-of", "2016", "--relations", "funded"]),
])
def test_dot_equals_the_cli(sample, keywords, flags):
    assert sample.render(to="dot", **keywords) == cli_render("--to", "dot", *flags)


def test_a_view_draws_what_its_filters_keep(sample):
    view = sample.view(relations=["funded"])
    assert view.render(to="dot") == cli_render("--to", "dot", "--relations", "funded")


def test_files_by_extension(sample, tmp_path):
    svg = tmp_path / "openai.svg"
    assert sample.render(str(svg), focus="altman") is None
    text = svg.read_text()
    assert text.startswith("<?xml") and "</svg>" in text and "Sam Altman" in text
    png = tmp_path / "openai.png"
    sample.render(str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    html = tmp_path / "map.html"
    sample.render(str(html))
    assert "<html" in html.read_text()[:200].lower()
    assert sorted(os.listdir(tmp_path)) == ["map.html", "openai.png", "openai.svg"]  # no temporary left


def test_errors(sample, tmp_path):
    with pytest.raises(kg.NameNotFound) as caught:
        sample.render(to="dot", focus="muskk")
    assert "Elon Musk" in caught.value.suggestions
    with pytest.raises(kg.UsageError):
        sample.render(str(tmp_path / "x.bmp"))
    with pytest.raises(kg.UsageError):
        sample.render(to="dot", engine="fast")
    # No path joins the two in a view of 2015 funding only: nothing is written.
    target = tmp_path / "none.svg"
    with pytest.raises(kg.Error, match="no path joins"):
        sample.render(str(target), connect=["ilya", "microsoft"], relations=["funded"], as_of="2015")
    assert not target.exists()
