"""The word lists: one list per name."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import tracker.lexicon


def test_no_list_of_the_lexicon_is_defined_twice():
    tree = ast.parse(Path(tracker.lexicon.__file__).read_text(encoding="utf-8"))
    names = Counter(
        target.id
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    )
    assert [name for name, n in names.items() if n > 1] == []
    exported = Counter(tracker.lexicon.__all__)
    assert [name for name, n in exported.items() if n > 1] == []
