"""Reading and writing attribution records and graphs, atomically.

Every writer goes through :func:`atomic_write`: the output appears whole or not at all.
Readers split JSON Lines on ``\\n`` alone, so any text a record holds (line and paragraph
separators, form feeds, ``\\x85``) round-trips; they read no more than
:data:`MAX_RECORDS_BYTES` of a file, and check the shape and types of what they read
before anything uses it.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import networkx as nx

from tracker.errors import GraphError, InputError, RecordError, TrackerError
from tracker.ingest.files import read_bounded
from tracker.ingest.readers import parse_json, read_from_folder
from tracker.model import STANCES, Attribution

__all__ = [
    "GRAPH_FORMATS",
    "MAX_RECORDS_BYTES",
    "check_output",
    "remove_stale_temporaries",
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
#: Record, claim and graph files larger than this many bytes are refused (read at call time).
MAX_RECORDS_BYTES = 500_000_000
#: Temporary files of ours older than this many seconds are left-overs of a killed run.
STALE_AFTER_SECONDS = 3600


def read_utf8(path: str | Path, not_utf8: str) -> str:
    """The text of ``path``; :class:`InputError` naming it when it is missing, unreadable
    or not UTF-8 (``not_utf8`` says what it should have been)."""
    path = Path(path)
    if not os.path.lexists(path):
        raise InputError(path, "no such file")
    try:
        return read_bounded(path, MAX_RECORDS_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, not_utf8) from None


def check_output(output: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """Check, before any work, that ``output`` can be written and is none of ``inputs``.

    The folder must exist and be writable, ``output`` must not be a folder, and it must not
    be (or link to) one of the input files, nor lie inside an input folder's reach as a file
    that is read.  Stale temporary files of ours beside it are removed.  Raises
    :class:`InputError` naming the output and the fix.
    """
    path = Path(output)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(path, f"cannot write here: folder {directory} does not exist")
    if path.is_dir():
        raise InputError(path, "is a folder; give a file name to write")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise InputError(path, f"cannot write here: folder {directory} is not writable")
    if os.path.lexists(path) and not os.access(path, os.W_OK) and not os.access(directory, os.W_OK):
        raise InputError(path, "is not writable; check its permissions")
    target = path.resolve()
    for given in inputs:
        source = Path(given)
        with contextlib.suppress(OSError, RuntimeError):
            if source.resolve() == target:
                raise InputError(path, "is also an input; write the output to another file")
            if source.is_dir() and path.is_file() and read_from_folder(path, source):
                raise InputError(
                    path,
                    f"is also an input: it lies in the folder {source} being read; "
                    "write the output to another file",
                )
    remove_stale_temporaries(path)
    return path


def remove_stale_temporaries(path: str | Path, older_than: float = STALE_AFTER_SECONDS) -> int:
    """Remove temporary files :func:`atomic_write` left beside ``path`` when a run was killed.

    Only files named like ours (``.NAME.XXXX.tmp``) and not touched for ``older_than``
    seconds are removed (a younger one may belong to a run still going).  Returns how
    many were removed.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    now = time.time()
    removed = 0
    with contextlib.suppress(OSError):
        for entry in directory.glob(f".{glob_escape(path.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                info = entry.lstat()
                if entry.is_file() and not entry.is_symlink() and now - info.st_mtime > older_than:
                    entry.unlink()
                    removed += 1
    return removed


def glob_escape(name: str) -> str:
    """``name`` with glob's special characters made literal.

    >>> glob_escape("a[1]*.json")
    'a[[]1[]][*].json'
    """
    return "".join(f"[{c}]" if c in "[]*?" else c for c in name)


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
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private; give it the mode a plain open() would
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
        _sync_folder(directory)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _sync_folder(directory: Path) -> None:
    """Make the rename itself durable where the system allows opening a folder."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_attributions(records: Iterable[Attribution], path: str | Path) -> int:
    """Write records as JSON Lines; returns how many were written."""
    count = 0
    with atomic_write(path) as handle:
        for record in records:
            handle.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count


def _json_lines(path: Path) -> Iterator[tuple[int, object]]:
    """(line number, parsed value or the InputError saying why not) for each non-blank line."""
    raw = read_bounded(path, MAX_RECORDS_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"is not valid UTF-8 (byte {exc.start}); re-save it as UTF-8"
        ) from None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield number, parse_json(path, line, f"line {number}")
        except InputError as exc:
            yield number, exc


def looks_like_attributions(path: str | Path) -> bool:
    """True when a ``.jsonl`` file holds attribution records rather than articles."""
    path = Path(path)
    if path.suffix.lower() != ".jsonl":
        return False
    for _, first in _json_lines(path):
        return isinstance(first, dict) and "cue" in first and "stance" in first
    return False


def read_attributions(
    path: str | Path,
    *,
    strict: bool = True,
    on_skip: Callable[[str, TrackerError], None] | None = None,
) -> list[Attribution]:
    """Read attribution records written by ``tracker extract`` (possibly edited by hand).

    With ``strict`` (the default) the first bad record raises; without it each bad record
    is passed to ``on_skip(path, error)`` (``error.record`` names its line) and skipped.
    """
    path = Path(path)
    records = []
    for number, data in _json_lines(path):
        try:
            if isinstance(data, InputError):
                raise data
            records.append(Attribution.from_dict(data))  # type: ignore[arg-type]
        except InputError as exc:
            if strict:
                raise
            if on_skip is not None:
                on_skip(str(path), exc)
        except RecordError as exc:
            error = RecordError(f"{path}: line {number}: {exc}")
            error.record = f"line {number}"
            if strict:
                raise error from None
            if on_skip is not None:
                on_skip(str(path), error)
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
    """Read a graph written by ``tracker build``, or the graph of a story store
    (``tracker add``), told apart by the file's first bytes."""
    from tracker.store.read import read_store_graph
    from tracker.store.schema import STORE_SUFFIXES, is_store_file

    path = Path(path)
    suffix = path.suffix.lower()
    if is_store_file(path):
        return read_store_graph(path)
    if not path.is_file():
        if suffix in STORE_SUFFIXES:
            raise GraphError(
                f"{path}: no such story store; create one with: tracker add ARTICLES --db {path}"
            )
        raise GraphError(
            f"{path}: no such graph file; create one with: tracker build ARTICLES -o {path}"
        )
    try:
        raw = read_bounded(path, MAX_RECORDS_BYTES)
        if suffix == ".json":
            data = parse_json(path, raw.decode("utf-8-sig"))
            _check_node_link(path, data)
            graph = nx.node_link_graph(data, edges="edges", multigraph=True, directed=True)
        elif suffix == ".graphml":
            graph = nx.read_graphml(io.BytesIO(raw), force_multigraph=True)
        elif suffix == ".gexf":
            graph = nx.read_gexf(io.BytesIO(raw))
        else:
            raise GraphError(f"{path}: unknown graph format; use one of {', '.join(GRAPH_FORMATS)}")
    except GraphError:
        raise
    except InputError as exc:
        raise GraphError(str(exc)) from None
    except RecursionError:
        raise GraphError(
            f"{path}: is nested too deeply to be a graph written by tracker build"
        ) from None
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
    _check_graph(path, graph)
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


# Attributes tracker build writes, by the type a reader may rely on.
_TEXT_ATTRS = {
    "kind", "name", "text", "source_kind", "first_seen", "stance", "cue", "article_id",
    "date", "evidence", "relation", "outlet", "url", "title", "quote", "claim_id", "via",
}  # fmt: skip
_NUMBER_ATTRS = {
    f"{span}_{end}" for span in ("source", "cue", "content") for end in ("start", "end")
}
_NUMBER_ATTRS.add("sentence")


def _check_node_link(path: Path, data: Any) -> None:
    """The outline of a node-link graph, checked before networkx reads it."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise GraphError(f"{path}: not a graph written by tracker build (no 'nodes' list in it)")
    edges = data.get("edges", [])
    if not isinstance(edges, list):
        raise GraphError(f"{path}: its 'edges' is not a list; was it written by tracker build?")
    for n, node in enumerate(data["nodes"], 1):
        if not isinstance(node, dict) or not _is_id(node.get("id")):
            raise GraphError(
                f"{path}: node {n} has no string 'id'; was it written by tracker build?"
            )
    for n, edge in enumerate(edges, 1):
        if not isinstance(edge, dict) or not all(
            _is_id(edge.get(end)) for end in ("source", "target")
        ):
            raise GraphError(
                f"{path}: edge {n} lacks a string 'source' or 'target'; "
                "was it written by tracker build?"
            )


def _is_id(value: object) -> bool:
    return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))


def _bad_attr(attrs: dict[str, Any]) -> str | None:
    for key, value in attrs.items():
        if key in _TEXT_ATTRS and value is not None and not isinstance(value, str):
            return f"a '{key}' that is not a string"
        if key in _NUMBER_ATTRS and value not in (None, ""):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return f"a '{key}' that is not a number"
            if not math.isfinite(value):
                return f"a '{key}' that is not a finite number"
        if key == "aliases" and not (
            isinstance(value, str)
            or (isinstance(value, list) and all(isinstance(v, str) for v in value))
        ):
            return "'aliases' that are not a list of strings"
    return None


def _check_graph(path: Path, graph: nx.MultiDiGraph) -> None:
    """Types of what the commands read from nodes and edges, checked once here."""
    hint = "; was it written by tracker build?"
    for node, attrs in graph.nodes(data=True):
        if not _is_id(node):
            raise GraphError(f"{path}: a node has an id that is not a string{hint}")
        problem = _bad_attr(attrs)
        if problem:
            raise GraphError(f"{path}: node {node!r} has {problem}{hint}")
    for u, v, attrs in graph.edges(data=True):
        problem = _bad_attr(attrs)
        to_claim = graph.nodes[v].get("kind") == "claim" and attrs.get("relation") != "cites"
        if problem is None and to_claim and attrs.get("stance") not in STANCES:
            problem = f"no 'stance' (one of {', '.join(STANCES)})"
        if problem:
            raise GraphError(f"{path}: edge {u!r} -> {v!r} has {problem}{hint}")
