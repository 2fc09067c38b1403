"""The sentences of stored articles as ``tracker check`` reads them, so that checking a
claim against a story store parses only the claim.

When ``tracker add`` (or ``rebuild``) extracts an article, the same spaCy parse also gives
the article's :class:`~tracker.check.text.ParsedSentence` list; :func:`store_sentences`
keeps it in ``check_sentences`` (one row a sentence: offsets, terms, signature, cues, and
its attributions by id, as their rows in ``attributions`` and the fields claim grouping
changed), for the current revision of each article.
:func:`add_store_articles` reads the store's current articles back into a
:class:`~tracker.check.checker.ClaimChecker` exactly as parsing them would have made them;
an article stored by a tracker older than this table is parsed again from its stored text
(``tracker rebuild`` keeps its sentences from then on).

>>> from tracker.resolve.similarity import ClaimSignature
>>> sentence = ParsedSentence(
...     index=2, text="It was a hoax.", terms=frozenset({"hoax"}),
...     signature=ClaimSignature(words=frozenset({"hoax"})), refutation="hoax",
...     correction=None, doubt=None, hedge=None, start=11, end=25, words=("hoax",))
>>> text = "Not again. It was a hoax."
>>> row = sentence_row(1, text, sentence)
>>> row[4] is None  # the sentence's text is read back from the article's
True
>>> sentence_from_row(row[1:], text) == sentence
True
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.check.text import ParsedArticle, ParsedSentence
from tracker.model import Article, Attribution
from tracker.store.db import open_store
from tracker.store.records import signature_from_list, signature_list

if TYPE_CHECKING:
    from tracker.check.checker import ClaimChecker, VerdictDecider
    from tracker.check.records import ClaimRequest, Verdict
    from tracker.errors import RecordError

__all__ = [
    "SENTENCE_COLUMNS",
    "sentence_row",
    "sentence_from_row",
    "store_sentences",
    "stored_parsed_articles",
    "add_store_articles",
    "check_store",
]

#: The columns of ``check_sentences``, in the order :func:`sentence_row` gives them.
SENTENCE_COLUMNS = (
    "article",
    "sentence",
    "text_start",
    "text_end",
    "text",
    "words",
    "signature",
    "refutation",
    "correction",
    "doubt",
    "hedge",
    "negation",
    "negated_word",
    "denial",
    "relayed",
    "attributions",
)
_CUES = ("refutation", "correction", "doubt", "hedge", "negation", "negated_word", "denial")
_INSERT = (
    f"INSERT INTO check_sentences ({', '.join(SENTENCE_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(SENTENCE_COLUMNS))})"
)


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def sentence_row(
    article_row: int,
    text: str,
    sentence: ParsedSentence,
    stored: Mapping[str, Attribution] | None = None,
) -> tuple[Any, ...]:
    """The ``check_sentences`` row of one sentence of the article stored at ``article_row``
    (whose text is ``text``): the sentence's own text only where it is not the article's
    text between its offsets; its attributions by id, each with the fields in which it
    differs from the record ``stored`` in ``attributions.extracted`` (claim grouping fills
    in a claim, and may turn an assertion of a claim's contrary into a denial) and its
    content's signature."""
    attributions = [
        [
            record.id,
            _changed(record, (stored or {}).get(record.id)),
            None if signature is None else signature_list(signature),
        ]
        for record, signature in sentence.attributions
    ]
    own = None if text[sentence.start : sentence.end] == sentence.text else sentence.text
    return (
        article_row,
        sentence.index,
        sentence.start,
        sentence.end,
        own,
        _compact(list(sentence.words)),
        _compact(signature_list(sentence.signature)),
        *(getattr(sentence, name) for name in _CUES),
        sentence.relayed,
        _compact(attributions) if attributions else None,
    )


def _changed(record: Attribution, stored: Attribution | None) -> dict[str, Any]:
    """The fields of ``record`` whose value ``stored`` does not have (all without it)."""
    data = record.to_dict()
    if stored is None:
        return data
    kept = stored.to_dict()
    return {name: value for name, value in data.items() if kept.get(name) != value}


def sentence_from_row(
    row: Sequence[Any], text: str, records: Mapping[str, dict[str, Any]] | None = None
) -> ParsedSentence:
    """The sentence of a row of ``check_sentences`` without its ``article`` column
    (``sentence`` first), in an article whose text is ``text`` and whose records in
    ``attributions.extracted`` are ``records`` (JSON data by id)."""
    index, start, end, own, words, signature, *rest = row
    cues, relayed, attributions = rest[: len(_CUES)], rest[-2], rest[-1]
    terms = tuple(json.loads(words))
    found = records or {}
    return ParsedSentence(
        index=index,
        text=text[start:end] if own is None else own,
        terms=frozenset(terms),
        signature=signature_from_list(json.loads(signature)),
        attributions=tuple(
            (
                Attribution.from_dict({**found.get(record_id, {}), **changed}),
                None if content is None else signature_from_list(content),
            )
            for record_id, changed, content in json.loads(attributions or "[]")
        ),
        start=start,
        end=end,
        relayed=relayed,
        words=terms,
        **dict(zip(_CUES, cues, strict=True)),
    )


def store_sentences(
    conn: sqlite3.Connection,
    article_row: int,
    parsed: ParsedArticle,
    stored: Iterable[Attribution] = (),
) -> None:
    """Keep the sentences of the article stored at ``article_row`` (inside the caller's
    transaction), replacing any kept before; ``stored`` are its records as
    ``attributions.extracted`` holds them."""
    text = parsed.article.text
    by_id = {record.id: record for record in stored}
    conn.execute("DELETE FROM check_sentences WHERE article = ?", (article_row,))
    conn.executemany(_INSERT, [sentence_row(article_row, text, s, by_id) for s in parsed.sentences])
    conn.execute(
        "UPDATE articles SET sentences = ? WHERE id = ?", (len(parsed.sentences), article_row)
    )


def _extracted_records(cursor: sqlite3.Cursor, article_row: int) -> dict[str, dict[str, Any]]:
    """The article's records in ``attributions.extracted`` (JSON data), by id."""
    return {
        record_id: json.loads(extracted)
        for record_id, extracted in cursor.execute(
            "SELECT attribution_id, extracted FROM attributions WHERE article = ?", (article_row,)
        )
    }


def stored_parsed_articles(conn: sqlite3.Connection) -> Iterator[Article | ParsedArticle]:
    """The store's current articles in the order they were added: each as a
    :class:`ParsedArticle` where its sentences are kept, else as the :class:`Article` to
    parse (stored by an older tracker)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute(
        "SELECT id, article, text, sentences FROM articles WHERE current = 1 "
        "ORDER BY batch_id, position, id"
    ).fetchall()
    columns = ", ".join(SENTENCE_COLUMNS[1:])
    for row_id, meta, text, kept in rows:
        article = Article.from_dict({**json.loads(meta), "text": text})
        if kept is None:
            yield article
            continue
        found = cursor.execute(
            f"SELECT {columns} FROM check_sentences WHERE article = ? ORDER BY sentence",
            (row_id,),
        ).fetchall()
        records = _extracted_records(cursor, row_id) if any(r[-1] for r in found) else {}
        yield ParsedArticle.of(article, [sentence_from_row(r, text, records) for r in found])


def add_store_articles(
    checker: ClaimChecker,
    store: str | Path | sqlite3.Connection,
    *,
    on_parse: Callable[[list[str]], None] | None = None,
) -> int:
    """Add the store's current articles to ``checker`` from their kept sentences, in the
    order they were added; returns how many were added.  Articles stored by an older
    tracker, without their sentences, are parsed from their stored text (``on_parse``
    hears their ids first); ``tracker rebuild`` keeps their sentences too."""
    conn = store if isinstance(store, sqlite3.Connection) else open_store(store)
    try:
        items = list(stored_parsed_articles(conn))
    finally:
        if conn is not store:
            conn.close()
    older = [item for item in items if isinstance(item, Article)]
    if older and on_parse is not None:
        on_parse([article.id for article in older])
    parsed = iter(checker.parse_articles(older) if older else [])
    checker.add_parsed([next(parsed) if isinstance(item, Article) else item for item in items])
    return len(items)


def check_store(
    claims: Sequence[ClaimRequest],
    store: str | Path | sqlite3.Connection,
    checker: ClaimChecker | None = None,
    *,
    verdict_model: VerdictDecider | None = None,
    strict: bool = True,
    on_skip: Callable[[ClaimRequest, RecordError], None] | None = None,
    on_parse: Callable[[list[str]], None] | None = None,
) -> Iterator[Verdict]:
    """:func:`~tracker.check.checker.check_claims` over the store's current articles,
    parsing only the claims (and any article an older tracker stored; see
    :func:`add_store_articles`): the same verdicts as checking the articles' files."""
    from tracker.check.checker import ClaimChecker, check_requests

    if checker is None:
        checker = ClaimChecker()
    add_store_articles(checker, store, on_parse=on_parse)
    yield from check_requests(
        claims, checker, verdict_model=verdict_model, strict=strict, on_skip=on_skip
    )
