"""Plain-text renderings of a claim's timeline and of the outlets report, for the CLI."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from tracker.store.outlets import OutletReport
from tracker.store.timeline import ClaimTimeline, TimelineEntry

__all__ = ["timeline_table", "outlets_table"]

_WIDTH = 88


def _who(entry: TimelineEntry | None) -> str:
    if entry is None:
        return "-"
    where = ", ".join(x for x in (entry.outlet, entry.date or "undated") if x)
    citing = f", citing {entry.citing}" if entry.citing else ""
    return f"{entry.source} ({where}{citing})"


def _field(label: str, value: str) -> list[str]:
    wrapped = textwrap.wrap(value, _WIDTH - 16) or [""]
    return [f"  {label:<15} {wrapped[0]}"] + [f"  {'':<15} {w}" for w in wrapped[1:]]


def timeline_table(timeline: ClaimTimeline) -> str:
    """The claim, its key moments, counts per day, then every attribution in date order."""
    lines = [timeline.claim_id]
    lines += _field("claim", timeline.claim)
    lines += _field("first report", _who(timeline.first_report))
    lines += _field("picked up by", "; ".join(_who(p) for p in timeline.pickups) or "-")
    lines += _field("first denial", _who(timeline.first_denial))
    lines += _field("first decline", _who(timeline.first_decline))
    lines += ["", "  date        asserts  denies  declines"]
    for day, counts in timeline.per_day:
        lines.append(
            f"  {day:<10}  {counts['asserts']:>7}  {counts['denies']:>6}  {counts['declines']:>8}"
        )
    lines.append("")
    for e in timeline.entries:
        lines.append(
            f"  {e.date or 'undated':<10}  {e.stance:<8}  {e.source} ({e.cue or '-'}; "
            f"{e.outlet or 'unknown outlet'}, {e.article_id})"
        )
    return "\n".join(lines) + "\n"


def outlets_table(reports: Sequence[OutletReport]) -> str:
    """One block per outlet: articles, anonymous share, first reports, claims and stances."""
    if not reports:
        return "No outlets: the graph has no attributions.\n"
    lines = [f"Outlets: {len(reports)}", ""]
    for r in reports:
        lines.append(r.outlet)
        lines += _field(
            "articles",
            f"{r.articles} ({r.attributions} attributions, "
            f"{round(100 * r.anonymous_share)}% from anonymous sources)",
        )
        lines += _field("first to report", ", ".join(r.first_reports) or "-")
        for c in r.claims:
            stances = ", ".join(
                f"{n} {s}"
                for s, n in (("asserts", c.asserts), ("denies", c.denies), ("declines", c.declines))
                if n
            )
            lines.append(f"    {c.claim_id}: {stances}")
        lines.append("")
    return "\n".join(lines)
