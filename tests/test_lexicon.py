"""The word lists: one list per name."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import tracker.lexicon


def test_no_list_of_the_lexicon_is_defined_twice():
    folder = Path(tracker.lexicon.__file__).parent
    names = Counter(
        target.id
        for path in folder.glob("*.py")
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name) and target.id != "__all__"
    )
    assert names and [name for name, n in names.items() if n > 1] == []
    exported = Counter(tracker.lexicon.__all__)
    assert [name for name, n in exported.items() if n > 1] == []
    # every list of the package is read from its top
    assert set(names) == set(exported)
