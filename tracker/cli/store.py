"""The ``tracker`` commands of the story store: add, rebuild, timeline, outlets, correct,
export."""

import json

import click

from tracker.cli.options import (
    about_option,
    common_input_options,
    fail_cleanly,
    format_option,
    output_option,
    progress_reporter,
    skip_warning,
    workers_option,
)
from tracker.present.tables import rows_csv

__all__ = ["add", "rebuild", "timeline", "outlets", "correct", "export"]

db_option = click.option(
    "--db",
    "db_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="The story store (an SQLite file; created when missing).",
)


def _report(result, quiet: bool) -> None:
    for problem in result.problems:
        click.echo(f"Warning: {problem}", err=True)
    if not quiet:
        click.echo(result.summary(), err=True)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@common_input_options
@workers_option
@fail_cleanly
def add(paths, db_path, model, strict, quiet, workers):
    """Add articles to a story store, as one batch.

    An article stored with the same text is skipped; one with the same id or url
    and new text is stored as a new revision (the old one's records are kept).
    The batch commits whole or not at all: a run that is stopped leaves the store
    as it was, and running it again completes it.

    \b
    Example:
        tracker add monday/ --db story.db
        tracker add tuesday/ --db story.db --workers 2
        tracker contested story.db
    """
    from tracker.ingest import read_articles
    from tracker.store import add_articles

    articles = read_articles(paths, strict=strict, on_skip=skip_warning)
    result = add_articles(
        db_path, articles, model=model, progress=progress_reporter(quiet), workers=workers
    )
    _report(result, quiet)


@click.command()
@click.argument("db_path", metavar="STORE", type=click.Path(dir_okay=False))
@click.option("--model", help="spaCy pipeline to load (package name or path).")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages on stderr.")
@workers_option
@fail_cleanly
def rebuild(db_path, model, quiet, workers):
    """Extract every stored article again with this tracker, and replay the corrections.

    \b
    Example:
        tracker rebuild story.db
    """
    from tracker.store import rebuild_store

    result = rebuild_store(db_path, model=model, progress=progress_reporter(quiet), workers=workers)
    _report(result, quiet)


@click.command()
@click.argument("graph_path", metavar="STORE_OR_GRAPH", type=click.Path())
@click.argument("claim_id", metavar="[CLAIM_ID]", required=False)
@about_option
@format_option
@fail_cleanly
def timeline(graph_path, claim_id, about, fmt):
    """A claim's attributions in date order: the first report, who picked it up and
    citing whom, the first denial and the first decline, and counts per day.

    Without CLAIM_ID: the claim closest to --about, else the most contested one.

    \b
    Example:
        tracker timeline story.db
        tracker timeline story.db --about "the freighter delivered shells" --format json
        tracker timeline graph.json c-freighter-orla-star-delivered-artillery --format csv
    """
    from tracker.io import read_graph
    from tracker.present.storytables import timeline_table
    from tracker.store.timeline import claim_timeline, pick_claim, timeline_rows

    graph = read_graph(graph_path)
    found = claim_timeline(graph, pick_claim(graph, claim_id, about))
    if fmt == "json":
        click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        rows = timeline_rows(found)
        click.echo(rows_csv(rows, list(rows[0]) if rows else ["claim_id"]), nl=False)
    else:
        click.echo(timeline_table(found), nl=False)


@click.command()
@click.argument("graph_path", metavar="STORE_OR_GRAPH", type=click.Path())
@format_option
@fail_cleanly
def outlets(graph_path, fmt):
    """Per outlet: the claims it carried with the stances it reported, how often it
    relied on anonymous sources, and the claims it reported first.

    \b
    Example:
        tracker outlets story.db
        tracker outlets story.db --format csv > outlets.csv
    """
    from tracker.io import read_graph
    from tracker.present.storytables import outlets_table
    from tracker.store.outlets import outlet_report, outlet_rows

    reports = outlet_report(read_graph(graph_path))
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        columns = ["outlet", "articles", "anonymous_share", "claim_id", "claim"]
        columns += ["asserts", "denies", "declines", "first"]
        click.echo(rows_csv(outlet_rows(reports), columns), nl=False)
    else:
        click.echo(outlets_table(reports), nl=False)


@click.command()
@click.argument("graph_path", metavar="STORE_OR_GRAPH", type=click.Path())
@click.option(
    "--claimreview", "claim_id", required=True, metavar="CLAIM_ID", help="The claim to export."
)
@click.option("--rating", help='Your verdict\'s wording ("False", "Misleading").')
@click.option("--author", help="The organisation publishing the review.")
@click.option("--url", help="Where the review is published.")
@click.option("--date", "review_date", help="The review's date (default: today), YYYY-MM-DD.")
@output_option("Write to this file instead of stdout.", required=False)
@fail_cleanly
def export(graph_path, claim_id, rating, author, url, review_date, output):
    """Export a claim as schema.org ClaimReview JSON-LD, for a fact-check to publish.

    The claim's appearances are the articles that carried it; its first appearance
    and author come from its first report. The verdict (--rating) is yours.

    \b
    Example:
        tracker export story.db --claimreview c-freighter-orla-star-delivered-artillery \\
            --rating "Mostly true" --author "FactLine" -o review.jsonld
    """
    from tracker.io import atomic_write, read_graph
    from tracker.store.claimreview import claim_review

    review = claim_review(
        read_graph(graph_path), claim_id, date=review_date, rating=rating, author=author, url=url
    )
    text = json.dumps(review, ensure_ascii=False, indent=2) + "\n"
    if output:
        with atomic_write(output) as handle:
            handle.write(text)
        click.echo(f"Wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


# --- corrections --------------------------------------------------------------------------

store_argument = click.argument("db_path", metavar="STORE", type=click.Path(dir_okay=False))
note_option = click.option("--note", help="Why (kept with the correction).")


@click.group()
def correct():
    """Corrections kept in the store and replayed after every add and rebuild.

    \b
    Example:
        tracker correct merge-sources story.db veldmark --into customs-officials-in-veldmark
        tracker correct stance story.db 00136f79cc1b declines
        tracker correct list story.db
        tracker correct export story.db -o corrections.json
    """


def _apply(db_path, kind, target, detail, note) -> None:
    from tracker.store import Correction, add_correction, open_store

    stored = add_correction(open_store(db_path), Correction(kind, target, detail, note))
    click.echo(f"correction {stored.id}: {stored.describe()}", err=True)


@correct.command(name="merge-sources")
@store_argument
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE_ID...")
@click.option("--into", required=True, metavar="SOURCE_ID", help="The source they become.")
@note_option
@fail_cleanly
def merge_sources(db_path, sources, into, note):
    """Merge sources into one: their records go to --into."""
    for source in sources:
        _apply(db_path, "merge-sources", source, {"into": into}, note)


@correct.command(name="rename-source")
@store_argument
@click.argument("source")
@click.argument("name")
@note_option
@fail_cleanly
def rename_source(db_path, source, name, note):
    """Show a source under another name."""
    _apply(db_path, "rename-source", source, {"name": name}, note)


@correct.command(name="alias")
@store_argument
@click.argument("source")
@click.argument("alias")
@note_option
@fail_cleanly
def alias(db_path, source, alias, note):
    """Records whose source reads ALIAS (any case) belong to SOURCE."""
    _apply(db_path, "alias", source, {"alias": alias}, note)


@correct.command(name="merge-claims")
@store_argument
@click.argument("claims", nargs=-1, required=True, metavar="CLAIM_ID...")
@click.option("--into", required=True, metavar="CLAIM_ID", help="The claim they become.")
@note_option
@fail_cleanly
def merge_claims(db_path, claims, into, note):
    """Merge claims into one: their records go to --into."""
    for claim in claims:
        _apply(db_path, "merge-claims", claim, {"into": into}, note)


@correct.command(name="split-claim")
@store_argument
@click.argument("claim")
@click.argument("attributions", nargs=-1, required=True, metavar="ATTRIBUTION_ID...")
@click.option("--into", required=True, metavar="CLAIM_ID", help="The new claim's id.")
@click.option("--text", required=True, help="The new claim's wording.")
@note_option
@fail_cleanly
def split_claim(db_path, claim, attributions, into, text, note):
    """Move some records of a claim to a claim of their own."""
    detail = {"attributions": list(attributions), "into": into, "text": text}
    _apply(db_path, "split-claim", claim, detail, note)


@correct.command(name="stance")
@store_argument
@click.argument("attribution")
@click.argument("stance", type=click.Choice(["asserts", "denies", "declines"]))
@note_option
@fail_cleanly
def stance(db_path, attribution, stance, note):
    """Change a record's stance."""
    _apply(db_path, "stance", attribution, {"stance": stance}, note)


@correct.command(name="drop")
@store_argument
@click.argument("attribution")
@note_option
@fail_cleanly
def drop(db_path, attribution, note):
    """Leave a record out (it stays in the store, marked dropped)."""
    _apply(db_path, "drop", attribution, {}, note)


@correct.command(name="list")
@store_argument
@format_option
@fail_cleanly
def list_corrections(db_path, fmt):
    """The corrections, in the order they are applied, and those whose target is gone."""
    from tracker.store import open_store
    from tracker.store.corrections import check_corrections, load_corrections

    conn = open_store(db_path)
    problems = {p.correction.id: p.problem for p in check_corrections(conn)}
    rows = [
        {
            "id": c.id,
            "kind": c.kind,
            "target": c.target,
            "detail": c.describe().partition(" -> ")[2],
            "note": c.note or "",
            "problem": problems.get(c.id, ""),
        }
        for c in load_corrections(conn)
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(rows_csv(rows, ["id", "kind", "target", "detail", "note", "problem"]), nl=False)
    elif not rows:
        click.echo("No corrections.")
    else:
        for row in rows:
            flag = f"  [{row['problem']}]" if row["problem"] else ""
            click.echo(f"{row['id']:>3}  {row['kind']} {row['target']} -> {row['detail']}{flag}")


@correct.command(name="remove")
@store_argument
@click.argument("correction_id", type=int)
@fail_cleanly
def remove(db_path, correction_id):
    """Forget a correction (the others are replayed)."""
    from tracker.store import open_store
    from tracker.store.corrections import remove_correction

    gone = remove_correction(open_store(db_path), correction_id)
    click.echo(f"removed correction {correction_id}: {gone.describe()}", err=True)


@correct.command(name="export")
@store_argument
@output_option("JSON file to write.")
@fail_cleanly
def export_corrections(db_path, output):
    """Write the corrections as JSON, to share with `tracker correct import`."""
    from tracker.io import atomic_write
    from tracker.store import open_store
    from tracker.store.corrections import export_corrections as export_all

    items = export_all(open_store(db_path))
    with atomic_write(output) as handle:
        handle.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
    click.echo(f"Wrote {len(items)} corrections to {output}", err=True)


@correct.command(name="import")
@store_argument
@click.argument("file", type=click.Path(dir_okay=False, exists=True))
@fail_cleanly
def import_corrections(db_path, file):
    """Add the corrections of a JSON file written by `tracker correct export`."""
    from tracker.errors import CorrectionError
    from tracker.store import open_store
    from tracker.store.corrections import import_corrections as import_all

    try:
        with open(file, encoding="utf-8") as handle:
            items = json.load(handle)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorrectionError(f"{file}: not a corrections file ({exc})") from exc
    if not isinstance(items, list):
        raise CorrectionError(f"{file}: not a corrections file (a JSON list is expected)")
    added, problems = import_all(open_store(db_path), items)
    for problem in problems:
        click.echo(f"Warning: {problem}", err=True)
    click.echo(f"Imported {added} corrections ({len(items) - added} already here)", err=True)
