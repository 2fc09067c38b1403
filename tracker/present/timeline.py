"""Drawing a claim's timeline: dates across, sources down, a marker per attribution.

Markers follow the stance (asserts, denies, declines); undated attributions are left out
of the picture and counted in its note.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tracker.errors import GraphError
from tracker.io import atomic_write
from tracker.store.timeline import ClaimTimeline

__all__ = ["STANCE_MARKERS", "render_timeline"]

#: Marker, colour and label of each stance.
STANCE_MARKERS: dict[str, tuple[str, str, str]] = {
    "asserts": ("o", "#2b8a3e", "asserts"),
    "denies": ("X", "#c92a2a", "denies"),
    "declines": ("s", "#868e96", "declines to confirm"),
}
_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_timeline(timeline: ClaimTimeline, path: str | Path, *, title: str | None = None) -> Path:
    """Draw ``timeline`` to ``path`` (``.png``, ``.svg`` or ``.pdf``), whole or not at all."""
    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphError(f"{path}: cannot draw to this file; end its name with .png, .svg or .pdf")
    dated = [e for e in timeline.entries if e.date]
    if not dated:
        raise GraphError(
            f"claim {timeline.claim_id!r} has no dated attribution to draw; give the articles "
            "dates (a 'date' field, front matter or an HTML meta tag)"
        )
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    dates = sorted({e.date for e in dated if e.date})
    sources: list[str] = []
    for entry in dated:
        if entry.source not in sources:
            sources.append(entry.source)
    settings: Any = {"svg.hashsalt": "tracker", "pdf.fonttype": 42, "font.family": "DejaVu Sans"}
    with matplotlib.rc_context(settings):
        figure, axes = plt.subplots(
            figsize=(max(6.0, 1.2 * len(dates) + 4), max(3.0, 0.45 * len(sources) + 1.8))
        )
        for stance, (marker, colour, label) in STANCE_MARKERS.items():
            points = [
                (dates.index(e.date), sources.index(e.source))
                for e in dated
                if e.stance == stance and e.date
            ]
            if points:
                xs, ys = zip(*points, strict=True)
                axes.scatter(xs, ys, marker=marker, s=90, c=colour, label=label, zorder=3)
        axes.set_xticks(range(len(dates)), dates, rotation=30, ha="right")
        axes.set_yticks(range(len(sources)), [_short(s, 40) for s in sources])
        axes.set_ylim(len(sources) - 0.5, -0.5)
        axes.grid(True, color="#e9ecef", zorder=0)
        axes.set_title(title or _short(f"“{timeline.claim}”", 90), fontsize=11)
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        left_out = len(timeline.entries) - len(dated)
        if left_out:
            figure.text(0.01, 0.01, f"{left_out} undated attribution(s) not drawn", fontsize=8)
        figure.tight_layout()
        with atomic_write(path, "wb") as handle:
            figure.savefig(handle, format=fmt, dpi=120, metadata=_metadata(fmt))
        plt.close(figure)
    return path


def _metadata(fmt: str) -> dict[str, Any]:
    if fmt == "png":
        return {"Software": None}
    if fmt == "pdf":
        return {"Creator": None, "Producer": None, "CreationDate": None}
    return {"Creator": None, "Date": None}
