"""``tracker explore`` as a user runs it: the page written, messages and exit codes."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from tests.explore_story import story_graph
from tracker.cli import cli
from tracker.io import write_graph


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def page_data(path) -> dict:
    page = path.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="tracker-data">(.*?)</script>', page)
    return json.loads(found.group(1))


def test_explore_writes_the_page(tmp_path):
    graph = tmp_path / "story.json"
    write_graph(story_graph(), graph)
    result = run("explore", graph, "-o", tmp_path / "story.html", "--about", "ferry to Tessaly")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"Wrote {tmp_path / 'story.html'}\n"
    data = page_data(tmp_path / "story.html")
    assert data["focus"] == "claim:c-ferry-on-time"
    assert data["title"] == "Who said what"
    assert len(data["attributions"]) == 5


def test_explore_errors_are_one_line(tmp_path):
    graph = tmp_path / "story.json"
    write_graph(story_graph(), graph)
    result = run("explore", graph, "-o", tmp_path / "story.html", "--about", "volcanic ash")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: no claim in the graph is close to 'volcanic ash'; give a claim id (tracker "
        "claims GRAPH lists them) or word it as the articles do\n"
    )
    result = run("explore", graph, "-o", tmp_path / "story.pdf")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {tmp_path / 'story.pdf'}: the explorer is a web page; end the output name "
        "with .html\n"
    )
    missing = tmp_path / "missing.json"
    result = run("explore", missing, "-o", tmp_path / "story.html")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {missing}: no such")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.json"]


def test_explore_needs_an_output():
    result = run("explore", "graph.json")
    assert result.exit_code == 2
    assert "Missing option '-o' / '--output'" in result.stderr
