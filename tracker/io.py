"""Reading and writing attribution records and graphs, atomically.

Every writer goes through :func:`atomic_write`: the output appears whole or not at all.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import networkx as nx

from tracker.errors import GraphError, InputError, RecordError
from tracker.model import Attribution

__all__ = [
    "GRAPH_FORMATS",
    "atomic_write",
    "read_utf8",
    "write_attributions",
    "read_attributions",
    "looks_like_attributions",
    "write_graph",
    "read_graph",
]

#: Graph file formats by extension.
GRAPH_FORMATS = (".json", ".graphml", ".gexf")
_LIST_SEPARATOR = "; "


def read_utf8(path: str | Path, not_utf8: str) -> str:
    """The text of ``path``; :class:`InputError` naming it when it is missing, unreadable
    or not UTF-8 (``not_utf8`` says what it should have been)."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except UnicodeDecodeError:
        raise InputError(path, not_utf8) from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})") from None


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; rename it over ``path`` only on success."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(path, f"cannot write here: folder {directory} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as handle:
            yield handle
        # mkstemp makes the file private; give it the mode a plain open() would
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_attributions(records: Iterable[Attribution], path: str | Path) -> int:
    """Write records as JSON Lines; returns how many were written."""
    count = 0
    with atomic_write(path) as handle:
        for record in records:
            handle.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count


def _json_lines(path: Path) -> Iterator[tuple[int, object]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"is not valid UTF-8 (byte {exc.start}); re-save it as UTF-8"
        ) from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"line {number} is not valid JSON: {exc.msg}") from exc


def looks_like_attributions(path: str | Path) -> bool:
    """True when a ``.jsonl`` file holds attribution records rather than articles."""
    path = Path(path)
    if path.suffix.lower() != ".jsonl":
        return False
    for _, first in _json_lines(path):
        return isinstance(first, dict) and "cue" in first and "stance" in first
    return False


def read_attributions(path: str | Path) -> list[Attribution]:
    """Read attribution records written by ``tracker extract`` (possibly edited by hand)."""
    path = Path(path)
    records = []
    for number, data in _json_lines(path):
        try:
            records.append(Attribution.from_dict(data))  # type: ignore[arg-type]
        except RecordError as exc:
            raise RecordError(f"{path}: line {number}: {exc}") from exc
    if not records:
        raise InputError(path, "has no attribution records")
    return records


def _flatten(value: object) -> object:
    if isinstance(value, (list, tuple, set)):
        return _LIST_SEPARATOR.join(str(v) for v in value)
    return "" if value is None else value


def write_graph(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write node-link JSON, GraphML or GEXF, chosen by the file extension."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in GRAPH_FORMATS:
        raise GraphError(
            f"{path}: unknown graph format {suffix or '(none)'}; use one of {', '.join(GRAPH_FORMATS)}"
        )
    if suffix == ".json":
        data = nx.node_link_data(graph, edges="edges")
        with atomic_write(path) as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
        return
    flat: nx.MultiDiGraph[Any] = nx.MultiDiGraph()
    flat.graph.update({k: _flatten(v) for k, v in graph.graph.items()})
    for node, attrs in graph.nodes(data=True):
        flat.add_node(node, **{k: _flatten(v) for k, v in attrs.items()})
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: _flatten(v) for k, v in attrs.items()})
    with atomic_write(path, "wb") as handle:
        if suffix == ".graphml":
            nx.write_graphml(flat, handle)
        else:
            nx.write_gexf(flat, handle)


def read_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by ``tracker build``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise GraphError(
            f"{path}: no such graph file; create one with: tracker build ARTICLES -o {path}"
        )
    try:
        if suffix == ".json":
            with path.open(encoding="utf-8") as handle:
                data = json.load(handle)
            if not isinstance(data, dict) or "nodes" not in data:
                raise GraphError(f"{path}: not a graph written by tracker build (no 'nodes' in it)")
            graph = nx.node_link_graph(data, edges="edges", multigraph=True, directed=True)
        elif suffix == ".graphml":
            graph = nx.read_graphml(path, force_multigraph=True)
        elif suffix == ".gexf":
            graph = nx.read_gexf(path)
        else:
            raise GraphError(f"{path}: unknown graph format; use one of {', '.join(GRAPH_FORMATS)}")
    except GraphError:
        raise
    except (
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        UnicodeDecodeError,
        nx.NetworkXError,
    ) as exc:
        raise GraphError(f"{path}: not a graph written by tracker build ({exc})") from exc
    except Exception as exc:  # XML parse errors come in several classes
        raise GraphError(f"{path}: cannot be read as {suffix[1:]} ({exc})") from exc
    graph = nx.MultiDiGraph(graph)
    for _, attrs in graph.nodes(data=True):
        if isinstance(attrs.get("aliases"), str):
            attrs["aliases"] = [a for a in attrs["aliases"].split(_LIST_SEPARATOR) if a]
        if isinstance(attrs.get("anonymous"), str):
            attrs["anonymous"] = attrs["anonymous"].lower() == "true"
    if (
        not any(a.get("kind") in ("source", "claim") for _, a in graph.nodes(data=True))
        and graph.number_of_nodes()
    ):
        raise GraphError(
            f"{path}: has no tracker source or claim nodes; was it written by tracker build?"
        )
    return graph
