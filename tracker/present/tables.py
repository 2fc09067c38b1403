"""Plain-text and CSV renderings of command results, for :mod:`tracker.cli`."""

from __future__ import annotations

import csv
import io
import textwrap
from collections.abc import Sequence

__all__ = [
    "rows_csv",
    "contested_table",
    "text_table",
    "verdicts_table",
    "verdict_rows_csv",
]


def rows_csv(rows: Sequence[dict], columns: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v
                for k, v in row.items()
                if k in columns
            }
        )
    return out.getvalue()


def contested_table(items, evidence: bool) -> str:
    if not items:
        return "No contested claims: no claim is both asserted and denied.\n"
    width = 88
    lines = [f"Contested claims: {len(items)}", ""]
    for item in items:
        lines.append(item.claim_id)
        for label, value in (
            ("claim", item.claim),
            ("asserted by", "; ".join(item.asserted_by)),
            ("denied by", "; ".join(item.denied_by)),
            ("declined by", "; ".join(item.declined_by) or "-"),
        ):
            wrapped = textwrap.wrap(value, width - 16) or [""]
            lines.append(f"  {label:<13} {wrapped[0]}")
            lines.extend(f"  {'':<13} {w}" for w in wrapped[1:])
        if evidence:
            for a in item.attributions:
                lines.append(f"    - {a['source']} {a['stance']} ({a['cue']}, {a['article_id']})")
                for w in textwrap.wrap(a["evidence"] or "", width - 8):
                    lines.append(f"      {w}")
        lines.append("")
    return "\n".join(lines)


def text_table(frame, wide_columns: dict[str, int]) -> str:
    """Columns padded for a terminal: text left-aligned, numbers right-aligned."""
    columns = list(frame.columns)
    cells = []
    for row in frame.itertuples(index=False):
        line = []
        for column, value in zip(columns, row, strict=False):
            text = "-" if value is None or value != value else str(value)
            limit = wide_columns.get(column)
            if limit and len(text) > limit:
                text = text[: limit - 1] + "…"
            line.append(text)
        cells.append(line)
    numeric = [frame[c].dtype.kind in "iuf" for c in columns]
    widths = [max([len(c)] + [len(line[i]) for line in cells]) for i, c in enumerate(columns)]

    def fmt(values):
        parts = [
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=False)
        ]
        return "  ".join(parts).rstrip()

    return "\n".join([fmt(columns)] + [fmt(line) for line in cells])


def verdicts_table(verdicts) -> str:
    if not verdicts:
        return "(no articles)\n"
    lines = []
    for v in verdicts:
        lines.append(f"{v.article_id}  {v.verdict}  (relatedness {v.score:.2f})")
        for e in v.evidence:
            where = f", characters {e.start}-{e.end}" if e.start is not None else ""
            if e.stance == "nearest":
                lines.append(f"    nearest sentence (similarity {e.similarity:.2f}{where})")
            else:
                who = e.source or "the article itself"
                lines.append(
                    f"    {who} {e.stance} ({e.cue or '-'}, similarity {e.similarity:.2f}{where})"
                )
            lines.extend(f"      {w}" for w in textwrap.wrap(e.sentence, 80))
    return "\n".join(lines) + "\n"


def verdict_rows_csv(verdicts) -> str:
    rows = [
        {
            "claim": v.claim,
            "article_id": v.article_id,
            "verdict": v.verdict,
            "score": f"{v.score:.3f}",
            "evidence": " | ".join(e.sentence for e in v.evidence),
        }
        for v in verdicts
    ]
    return rows_csv(rows, ["claim", "article_id", "verdict", "score", "evidence"])
