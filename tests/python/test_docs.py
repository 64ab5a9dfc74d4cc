"""The examples of docs/PYTHON.md (its pycon blocks, in order, sharing one
namespace) give the output the page shows."""
import doctest
import os
import re

from conftest import ROOT


def test_python_md_examples_run(monkeypatch):
    text = (ROOT / "docs" / "PYTHON.md").read_text()
    blocks = re.findall(r"```pycon\n(.*?)```", text, re.S)
    assert len(blocks) >= 6
    monkeypatch.chdir(ROOT)
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    # One doctest of all the blocks: each block uses what the ones before defined.
    test = parser.get_doctest("\n".join(blocks), {}, "docs/PYTHON.md", "docs/PYTHON.md", 0)
    runner.run(test)
    assert runner.failures == 0, f"{runner.failures} examples of docs/PYTHON.md gave other output (printed above)"
