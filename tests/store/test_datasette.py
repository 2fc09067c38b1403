"""A store opens in Datasette with readable tables: labels, a search box, a view."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest

from tests.conftest import DATA
from tracker.ingest import read_articles
from tracker.store import add_articles
from tracker.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate

datasette_app = pytest.importorskip("datasette.app")


def _get(path, url):
    async def fetch():
        ds = datasette_app.Datasette([str(path)])
        response = await ds.client.get(url)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(fetch())


def test_datasette_shows_labels_search_and_the_view(tmp_path, extractor):
    path = tmp_path / "story.db"
    add_articles(path, read_articles([DATA / "synthetic"]), extractor=extractor)
    tables = {t["name"] for t in _get(path, "/story.json")["tables"]}
    assert {"articles", "attributions", "sources", "claims", "outlets", "corrections"} <= tables
    rows = _get(
        path,
        "/story/attributions.json?_search=denied&_labels=on&_shape=array"
        "&_col=source_id&_col=article&_col=stance",
    )
    assert [(r["source_id"]["label"], r["stance"]) for r in rows] == [
        ("Tessaly's foreign ministry", "denies")
    ] * 3
    assert rows[0]["article"]["label"] == "Tessaly rejects shipment report"
    view = _get(path, "/story/who_said_what.json?_shape=array&_size=1")
    assert view == [
        {
            "date": "2026-03-02",
            "outlet": "The Harbour Ledger (synthetic)",
            "source": "Customs officials in Veldmark",
            "stance": "asserts",
            "cue": "say",
            "claim_id": "c-freighter-carried-shells-tessaly",
            "claim": "Freighter carried shells to Tessaly",
            "evidence": "Freighter carried shells to Tessaly, customs officials say",
            "article_id": "orla-star-2026-03-02",
            "url": None,
        }
    ]


def test_a_version_1_store_is_migrated_with_its_search_kept(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    first = MIGRATIONS[0]
    conn.executescript(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
        "applied TEXT NOT NULL);" + first[2]
        + f"INSERT INTO schema_version VALUES (1, '{first[1]}', 'then');"
    )  # fmt: skip
    conn.execute("INSERT INTO batches VALUES (1, 'then', '0', 'add', 1)")
    conn.execute(
        "INSERT INTO articles (article_id, revision, text_sha1, text, article, batch_id, position)"
        " VALUES ('a', 1, 'x', 'Ann denied it.', '{}', 1, 0)"
    )
    conn.execute(
        "INSERT INTO attributions (attribution_id, article, article_id, cue_text, cue_start, "
        "cue_end, stance, quote, sentence, evidence, extracted) "
        "VALUES ('r1', 1, 'a', 'denied', 4, 10, 'denies', 'indirect', 0, 'Ann denied it.', '{}')"
    )
    assert migrate(conn) == SCHEMA_VERSION
    found = conn.execute("SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH 'denied'")
    assert found.fetchall() == [(1,)]
    # no sentences kept for tracker check: it parses the article again until a rebuild
    assert conn.execute("SELECT sentences FROM articles").fetchall() == [(None,)]
