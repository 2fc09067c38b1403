"""A synthetic brat corpus for the tests of ``tracker.gold.evaluate``, written out at test time.

Everything here is invented: the articles, the people, the councils and the quotes describe
no real event or person.  The layout is that of a PolNeAR split: ``text/<article>.txt`` beside
``attributions/<article>_<annotator>.ann`` (brat standoff).  It lives in code rather than in
files so that no annotation file is ever tracked beside real evaluation data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

__all__ = ["FILES", "write_corpus", "write_generated"]

#: One generated attribution: where its sentence starts, and its source, cue and content text.
Generated = tuple[int, str, str, str]

#: Relative path -> exact file content (offsets in the .ann files index into the .txt files).
FILES: dict[str, str] = {
    "attributions/harbour-vote_a1.ann": "T1\tSource 35 56\tCouncillor Mira Tandy\nT2\tCue 57 61\tsaid\nT3\tContent 62 115\tthe ferry contract “needs another month of scrutiny.”\nT4\tAttribution 57 61\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\nT5\tSource 150 161\ta spokesman\nT6\tCue 137 149\taccording to\nT7\tContent 163 192;117 135\thas already ordered two boats The port authority\nT8\tAttribution 137 149\taccording to\nE2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\nE3\tAttribution:T12 Source:T9 Cue:T10 Content:T11\nT9\tSource 220 225\tTandy\nT10\tCue 226 231\tadded\nT11\tContent 195 219\t“We will not be rushed,”\nT12\tAttribution 226 231\tadded\nT13\tDiscuss 0 33\tHarbour council delays ferry vote\n#1\tAnnotatorNotes T13\tHeadline: no attribution.\n",
    "attributions/library-hours_a1.ann": 'T1\tSource 84 112\ta memo circulated on Tuesday\nT2\tCue 113 118\tshows\nT3\tContent 36 82\tThe city library will close at six on weekdays\nT4\tAttribution 113 118\tshows\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\nT5\tCue 123 135\twas reported\nT6\tContent 141 183\tthe reading room\nwill also shut on Sundays\nT7\tAttribution-no-source 123 135\twas reported\nE2\tAttribution-no-source:T7 Cue:T5 Content:T6\nT8\tSource 198 216\tDirector Oona Pell\nT9\tCue 217 222\twrote\nT10\tContent 185 197\t"The hours,"\nT11\tContent 224 240\t"are temporary."\nT12\tAttribution 217 222\twrote\nE3\tAttribution:T12 Source:T8 Cue:T9 Content:T10 Content2:T11\nT13\tAttribution-no-source 252 272\tis drawing criticism\nE4\tAttribution-no-source:T13\nT14\tDiscard 0 35\tLibrary hours to shrink, memo shows\n',
    "attributions/library-hours_z9.ann": "T1\tSource 84 112\ta memo circulated on Tuesday\nT2\tCue 113 118\tshows\nT3\tAttribution 113 118\tshows\nE1\tAttribution:T3 Source:T1 Cue:T2\n",
    "text/harbour-vote.txt": "Harbour council delays ferry vote\n\nCouncillor Mira Tandy said the ferry contract “needs another month of scrutiny.”\n\nThe port authority, according to a spokesman, has already ordered two boats.\n\n“We will not be rushed,” Tandy added.\n",
    "text/library-hours.txt": 'Library hours to shrink, memo shows\nThe city library will close at six on weekdays, a memo circulated on Tuesday shows.\nIt was reported that the reading room\nwill also shut on Sundays.\n"The hours," Director Oona Pell wrote, "are temporary."\nThe change is drawing criticism.\n',
}


def write_corpus(folder: Path) -> Path:
    """Write the corpus under ``folder`` and return it."""
    for name, content in FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return folder


def write_generated(folder: Path, articles: Iterable[tuple[str, Sequence[Generated]]]) -> Path:
    """Write generated articles (text, attributions) as ``synthetic-NN`` brat files under
    ``folder``: each part is found in the text from its sentence's start (the cue and
    content after the source), and the cue also marks the attribution."""
    (folder / "text").mkdir(parents=True, exist_ok=True)
    (folder / "attributions").mkdir(parents=True, exist_ok=True)
    for i, (text, attributions) in enumerate(articles):
        lines, t = [], 0
        for start, source, cue, content in attributions:
            spans = []
            for label, part in (("Source", source), ("Cue", cue), ("Content", content)):
                at = text.index(part, start + (len(source) if label != "Source" else 0))
                t += 1
                lines.append(f"T{t}\t{label} {at} {at + len(part)}\t{part}")
                spans.append((label, t))
            t += 1
            at = text.index(cue, start)
            lines.append(f"T{t}\tAttribution {at} {at + len(cue)}\t{cue}")
            args = " ".join(f"{label}:T{n}" for label, n in spans)
            lines.append(f"E{t}\tAttribution:T{t} {args}")
        (folder / "text" / f"synthetic-{i:02d}.txt").write_text(text, encoding="utf-8")
        (folder / "attributions" / f"synthetic-{i:02d}_a1.ann").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
    return folder
