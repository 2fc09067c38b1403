"""Checks of the native parts of model files, before any native library reads them.

The span model carries two CRFs in crfsuite's binary format, and the cue and verdict models
a LightGBM text model.  Both libraries trust what they read: a file with an offset pointing
past its end makes crfsuite read memory it does not own (a crash, or worse), and LightGBM's
text parser has its own sharp edges.  A sha256 beside the bytes only detects damage, since
whoever crafts a file recomputes it.  So:

- :func:`check_crfsuite` walks crfsuite's layout field by field (header, feature table,
  label and attribute references, the two string databases) and refuses a file in which any
  offset, count or index leads outside the bytes given or outside the tables it indexes;
- :func:`clean_lightgbm` parses a LightGBM text model in Python, checks every tree (array
  lengths, feature and child indices, a tree shape without cycles, finite numbers) and
  returns the model written out again from the parsed values, so the text LightGBM reads is
  text tracker wrote.

Both raise :class:`ValueError` saying what is wrong.  What this does and does not promise
is in ``docs/LIMITS.md``.
"""

from __future__ import annotations

import math
import re
import struct
from dataclasses import fields
from typing import Any

__all__ = ["check_crfsuite", "clean_lightgbm", "check_settings"]

# -- crfsuite --------------------------------------------------------------------------

_HEADER = struct.Struct("<4sI4s9I")
_CHUNK = struct.Struct("<4sII")
_FEATURE = struct.Struct("<IIId")
_U32 = struct.Struct("<I")
_CQDB_HEADER = struct.Struct("<4sIIIII")
_CQDB_TABLES = 256
_CQDB_DATA = _CQDB_HEADER.size + 8 * _CQDB_TABLES
_CQDB_BYTE_ORDER = 0x62445371
_MAX_LABELS = 10_000


def _u32(blob: bytes | memoryview, offset: int) -> int:
    if offset < 0 or offset + 4 > len(blob):
        raise ValueError(f"offset {offset} lies outside the data")
    return int(_U32.unpack_from(blob, offset)[0])


def check_crfsuite(blob: bytes) -> None:
    """Refuse (ValueError) crfsuite model bytes that crfsuite could not read safely.

    >>> check_crfsuite(b"lCRF")
    Traceback (most recent call last):
    ...
    ValueError: too short for a CRF model (4 bytes)
    """
    if len(blob) < _HEADER.size:
        raise ValueError(f"too short for a CRF model ({len(blob)} bytes)")
    # the header's own feature count is left at 0 by crfsuite: the table's count is used
    (magic, size, kind, version, _, n_labels, n_attrs, *offsets) = _HEADER.unpack_from(blob)
    off_features, off_labels, off_attrs, off_labelrefs, off_attrrefs = offsets
    if (magic, kind, version) != (b"lCRF", b"FOMC", 100):
        raise ValueError("not a crfsuite CRF model (wrong magic, type or version)")
    if size != len(blob):
        raise ValueError(f"says it is {size} bytes long but is {len(blob)}")
    if not 1 <= n_labels <= _MAX_LABELS:
        raise ValueError(f"has {n_labels} labels")
    features = _check_features(blob, off_features, n_labels, n_attrs)
    _check_refs(blob, off_labelrefs, b"LFRF", n_labels, features, transition=True)
    _check_refs(blob, off_attrrefs, b"AFRF", n_attrs, features, transition=False)
    _check_cqdb(blob, off_labels, n_labels, "label")
    _check_cqdb(blob, off_attrs, n_attrs, "attribute")


def _check_features(
    blob: bytes, offset: int, n_labels: int, n_attrs: int
) -> list[tuple[int, int, int]]:
    _, size, count = _chunk(blob, offset, b"FEAT")
    if size != _CHUNK.size + _FEATURE.size * count:
        raise ValueError("feature table size does not match its count")
    if offset + size > len(blob):
        raise ValueError("feature table runs past the end")
    features = []
    for n in range(count):
        kind, src, dst, weight = _FEATURE.unpack_from(
            blob, offset + _CHUNK.size + n * _FEATURE.size
        )
        sources = n_attrs if kind == 0 else n_labels
        if kind not in (0, 1) or src >= sources or dst >= n_labels or not math.isfinite(weight):
            raise ValueError(f"feature {n} is out of range")
        features.append((kind, src, dst))
    return features


def _chunk(blob: bytes, offset: int, name: bytes) -> tuple[bytes, int, int]:
    if offset + _CHUNK.size > len(blob):
        raise ValueError(f"{name.decode()} table lies outside the data")
    chunk, size, num = _CHUNK.unpack_from(blob, offset)
    if chunk != name:
        raise ValueError(f"{name.decode()} table is missing")
    return chunk, size, num


def _check_refs(
    blob: bytes,
    offset: int,
    name: bytes,
    count: int,
    features: list[tuple[int, int, int]],
    *,
    transition: bool,
) -> None:
    _, _, num = _chunk(blob, offset, name)
    # crfsuite writes two spare label entries (begin and end states) it never reads
    if num < count:
        raise ValueError(f"{name.decode()} table has {num} entries, not {count}")
    for index in range(count):
        where = _u32(blob, offset + _CHUNK.size + 4 * index)
        refs = _u32(blob, where)
        if where + 4 + 4 * refs > len(blob):
            raise ValueError(f"{name.decode()} entry {index} runs past the end")
        for k in range(refs):
            fid = _u32(blob, where + 4 + 4 * k)
            if fid >= len(features):
                raise ValueError(f"{name.decode()} entry {index} names a missing feature")
            kind, src, _ = features[fid]
            if kind != (1 if transition else 0) or src != index:
                raise ValueError(f"{name.decode()} entry {index} names a feature not its own")


def _check_cqdb(blob: bytes, offset: int, count: int, what: str) -> None:
    if offset + _CQDB_DATA > len(blob):
        raise ValueError(f"{what} strings lie outside the data")
    db = memoryview(blob)[offset:]
    chunk, size, _flag, order, bwd_size, bwd_offset = _CQDB_HEADER.unpack_from(db)
    if chunk != b"CQDB" or order != _CQDB_BYTE_ORDER or not _CQDB_DATA <= size <= len(db):
        raise ValueError(f"{what} strings are damaged")
    db = db[:size]
    if bwd_size < count or bwd_offset == 0 or bwd_offset + 4 * bwd_size > size:
        raise ValueError(f"{what} strings lack their index")
    for index in range(count):
        if _check_record(db, _u32(db, bwd_offset + 4 * index), count, what) != index:
            raise ValueError(f"{what} strings have a damaged index")
    records = 0
    for table in range(_CQDB_TABLES):
        where, buckets = struct.unpack_from("<II", db, _CQDB_HEADER.size + 8 * table)
        records += buckets // 2
        if where == 0:
            if buckets:  # counted by crfsuite all the same, as strings it then cannot find
                raise ValueError(f"{what} strings have a damaged hash table")
            continue
        if buckets == 0 or where + 8 * buckets > size:
            raise ValueError(f"{what} strings have a damaged hash table")
        empty = False
        for k in range(buckets):
            record = _u32(db, where + 8 * k + 4)
            if record == 0:
                empty = True
            else:
                _check_record(db, record, count, what)
        if not empty:  # a full table makes crfsuite's lookup loop forever
            raise ValueError(f"{what} strings have a full hash table")
    if records != count:
        raise ValueError(f"{what} strings number {records}, not {count}")


def _check_record(db: memoryview, offset: int, count: int, what: str) -> int:
    """Check one string record (its id, then its length and bytes); return its id, which
    crfsuite uses as an index into its tables."""
    if offset == 0 or offset + 8 > len(db):
        raise ValueError(f"a {what} string lies outside the data")
    ident = _u32(db, offset)
    if ident >= count:
        raise ValueError(f"a {what} string has an id out of range")
    size = _u32(db, offset + 4)
    end = offset + 8 + size
    if size == 0 or end > len(db) or db[end - 1] != 0 or 0 in db[offset + 8 : end - 1]:
        raise ValueError(f"a {what} string is damaged")
    return ident


# -- LightGBM --------------------------------------------------------------------------

_HEADER_INTS = ("num_class", "num_tree_per_iteration", "label_index", "max_feature_idx")
_OBJECTIVE = re.compile(r"[a-z_]+( [a-z_]+:[0-9.eE+-]+)*")
_NAME = re.compile(r"\S+")
_INFO = re.compile(r"none|\[[-+0-9.eE]+:[-+0-9.eE]+\]|-?\d+(:-?\d+)*")
_TREE_INTS = ("split_feature", "decision_type", "left_child", "right_child")
_TREE_FLOATS_INTERNAL = ("split_gain", "threshold", "internal_value", "internal_weight")
_MAX_LEAVES = 131_072


def clean_lightgbm(text: object) -> str:
    """The LightGBM text model ``text``, checked tree by tree and written out again from
    the parsed values (only what prediction needs); ValueError when anything is off.

    >>> clean_lightgbm("tree\\nversion=v2\\n")
    Traceback (most recent call last):
    ...
    ValueError: LightGBM model: version 'v2' is not v4
    """
    if not isinstance(text, str):
        raise ValueError("LightGBM model: not text")
    head, sep, rest = text.partition("\nTree=")
    if not sep:
        rest = ""
    header = _key_values(head.split("\n")[1:] if head.startswith("tree\n") else [])
    if header.get("version") != "v4":
        raise ValueError(f"LightGBM model: version {header.get('version')!r} is not v4")
    ints = {key: _int(header.get(key), key) for key in _HEADER_INTS}
    features = ints["max_feature_idx"] + 1
    objective = header.get("objective", "")
    names = header.get("feature_names", "").split(" ")
    infos = header.get("feature_infos", "").split(" ")
    if not _OBJECTIVE.fullmatch(objective):
        raise ValueError("LightGBM model: objective is not one LightGBM names")
    if not (len(names) == len(infos) == features) or ints["num_class"] < 1:
        raise ValueError("LightGBM model: feature names or infos do not match the count")
    if not all(_NAME.fullmatch(n) for n in names) or not all(_INFO.fullmatch(i) for i in infos):
        raise ValueError("LightGBM model: damaged feature names or infos")
    body, sep, _ = rest.partition("\nend of trees")
    if not sep:
        raise ValueError("LightGBM model: no 'end of trees'")
    trees = [_tree(block, n, features) for n, block in enumerate(("Tree=" + body).split("\nTree="))]
    lines = ["tree", "version=v4", *(f"{key}={ints[key]}" for key in _HEADER_INTS[:3])]
    lines += [f"max_feature_idx={features - 1}", f"objective={objective}"]
    if "average_output" in header:
        lines.append("average_output")
    lines += [f"feature_names={' '.join(names)}", f"feature_infos={' '.join(infos)}", ""]
    for n, tree in enumerate(trees):
        lines += [f"Tree={n}", *tree, ""]
    lines += ["end of trees", ""]
    return "\n".join(lines)


def _key_values(lines: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in lines:
        key, _, value = line.strip().partition("=")
        if key:
            found[key] = value
    return found


def _int(value: str | None, key: str) -> int:
    if value is None or not re.fullmatch(r"-?\d{1,9}", value):
        raise ValueError(f"LightGBM model: {key} is not a whole number")
    return int(value)


def _numbers(fields: dict[str, str], key: str, count: int, kind: type) -> list[Any]:
    raw = fields.get(key, "")
    items = raw.split(" ") if raw else []
    if len(items) != count:
        raise ValueError(f"{key} has {len(items)} values, not {count}")
    try:
        values = [kind(item) for item in items]
    except ValueError:
        raise ValueError(f"{key} holds something that is not a number") from None
    if kind is float and not all(math.isfinite(v) for v in values):
        raise ValueError(f"{key} holds a number that is not finite")
    return values


def _tree(block: str, number: int, features: int) -> list[str]:
    lines = block.strip("\n").split("\n")
    fields = _key_values(lines[1:])
    try:
        return _checked_tree(fields, features)
    except ValueError as exc:
        raise ValueError(f"LightGBM model: tree {number}: {exc}") from None


def _checked_tree(fields: dict[str, str], features: int) -> list[str]:
    leaves = _int(fields.get("num_leaves"), "num_leaves")
    if not 1 <= leaves <= _MAX_LEAVES:
        raise ValueError(f"has {leaves} leaves")
    if fields.get("is_linear", "0") != "0":
        raise ValueError("has linear trees, which tracker never trains")
    inner = leaves - 1
    categories = _int(fields.get("num_cat", "0"), "num_cat")
    if not 0 <= categories <= inner:
        raise ValueError(f"has {categories} categorical splits")
    ints = {key: _numbers(fields, key, inner, int) for key in _TREE_INTS}
    floats = {key: _numbers(fields, key, inner, float) for key in _TREE_FLOATS_INTERNAL[:2]}
    leaf_value = _numbers(fields, "leaf_value", leaves, float)
    shrinkage = _numbers(fields, "shrinkage", 1, float)
    if any(not 0 <= f < features for f in ints["split_feature"]):
        raise ValueError("splits on a feature the model does not have")
    if any(not 0 <= d < 16 for d in ints["decision_type"]):
        raise ValueError("has a decision type LightGBM does not define")
    _check_shape(ints["left_child"], ints["right_child"], leaves)
    category_lines = _check_categories(fields, categories, ints, floats["threshold"])
    lines = [f"num_leaves={leaves}", f"num_cat={categories}"]
    if inner:
        lines += [
            "split_feature=" + " ".join(map(str, ints["split_feature"])),
            "split_gain=" + " ".join(map(repr, floats["split_gain"])),
            "threshold=" + " ".join(map(repr, floats["threshold"])),
            "decision_type=" + " ".join(map(str, ints["decision_type"])),
            "left_child=" + " ".join(map(str, ints["left_child"])),
            "right_child=" + " ".join(map(str, ints["right_child"])),
        ]
    lines += ["leaf_value=" + " ".join(map(repr, leaf_value)), *category_lines, "is_linear=0"]
    lines.append(f"shrinkage={shrinkage[0]!r}")
    return lines


def _check_categories(
    fields: dict[str, str], categories: int, ints: dict[str, list[int]], thresholds: list[float]
) -> list[str]:
    """Categorical splits: each names one of the tree's category sets, and the sets' bounds
    lie inside the list of categories."""
    categorical = [t for d, t in zip(ints["decision_type"], thresholds, strict=True) if d & 1]
    if len(categorical) != categories:
        raise ValueError("its categorical splits do not match num_cat")
    if any(t != int(t) or not 0 <= t < categories for t in categorical):
        raise ValueError("a categorical split names a missing category set")
    if not categories:
        return []
    bounds = _numbers(fields, "cat_boundaries", categories + 1, int)
    if bounds[0] != 0 or any(b > a for a, b in zip(bounds[1:], bounds, strict=False)):
        raise ValueError("its category bounds are not in order")
    words = _numbers(fields, "cat_threshold", bounds[-1], int)
    if any(not 0 <= w < 2**32 for w in words):
        raise ValueError("its category sets are out of range")
    return [
        "cat_boundaries=" + " ".join(map(str, bounds)),
        "cat_threshold=" + " ".join(map(str, words)),
    ]


def _check_shape(left: list[int], right: list[int], leaves: int) -> None:
    """Every node reached once from the root: a tree, no cycle, no index out of range."""
    if not left:
        return
    seen_inner, seen_leaves = {0}, set()
    stack = [0]
    while stack:
        node = stack.pop()
        for child in (left[node], right[node]):
            if child >= 0:
                if child >= len(left) or child in seen_inner:
                    raise ValueError("its children do not form a tree")
                seen_inner.add(child)
                stack.append(child)
            else:
                leaf = ~child
                if leaf >= leaves or leaf in seen_leaves:
                    raise ValueError("its children do not form a tree")
                seen_leaves.add(leaf)
    if len(seen_inner) != len(left) or len(seen_leaves) != leaves:
        raise ValueError("its children do not form a tree")


# -- settings --------------------------------------------------------------------------


def check_settings(kind: type, data: object, what: str) -> dict[str, Any]:
    """``data`` as keyword arguments for the settings dataclass ``kind``: an object whose
    keys are fields of ``kind``, each of its default's type (a whole number where a float
    belongs is taken); ValueError otherwise.

    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class S:
    ...     rate: float = 0.5
    ...     rounds: int = 3
    >>> check_settings(S, {"rate": 1, "rounds": 4}, "settings")
    {'rate': 1.0, 'rounds': 4}
    >>> check_settings(S, {"rounds": "many"}, "settings")
    Traceback (most recent call last):
    ...
    ValueError: settings: 'rounds' must be a whole number
    """
    if not isinstance(data, dict):
        raise ValueError(f"{what} are not an object")
    defaults = {f.name: f.default for f in fields(kind)}
    checked: dict[str, Any] = {}
    for key, value in data.items():
        if key not in defaults:
            raise ValueError(f"{what}: unknown setting {key!r}")
        default = defaults[key]
        if isinstance(default, bool):
            ok = isinstance(value, bool)
            name = "true or false"
        elif isinstance(default, int):
            ok = isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**31
            name = "a whole number"
        elif isinstance(default, float):
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            ok = ok and math.isfinite(value)
            value = float(value) if ok else value
            name = "a finite number"
        else:
            ok = value is None or isinstance(value, type(default))
            name = f"a {type(default).__name__}"
        if not ok:
            raise ValueError(f"{what}: {key!r} must be {name}")
        checked[key] = value
    return checked
