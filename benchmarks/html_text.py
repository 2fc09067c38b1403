"""Main-text extraction from news pages: tracker's HTML reader with and without trafilatura.

The pages are synthetic (invented outlets, places and people) and built here the way news
sites build theirs: a site header with the outlet's name and menu, a cookie banner, a
byline, the article, a "related articles" list, a newsletter box and a footer, each in one
of several layouts (semantic tags, bare divs with class names, tables of links).  Each
page's article paragraphs are known, so for each reader we count

- recall: the share of article paragraphs found whole in the extracted text;
- leak: the share of extracted characters that belong to no article paragraph (menus,
  banners, lists of other articles);
- and the mean time per page.

    python benchmarks/html_text.py            # both readers over the generated pages
    python benchmarks/html_text.py --write tests/fixtures/html   # keep the pages
"""

from __future__ import annotations

import argparse
import html
import random
import time
from pathlib import Path

OUTLETS = ["Harbour Ledger", "Velmora Courier", "Tessaly Evening Post", "Northgate Wire"]
PEOPLE = ["Ilsa Varro", "Tomas Brekke", "Anouk Delmare", "Pell Sorensen", "Mara Quist"]
PLACES = ["Velmora", "Tessaly", "Orlen Bay", "Northgate", "Kestrel Point"]
TOPICS = [
    ("the freighter Orla Star", "delivered artillery shells"),
    ("the port authority", "closed the eastern harbour"),
    ("the ministry of works", "cancelled the dam contract"),
    ("the regional council", "delayed the ferry tender"),
]
BANNERS = [
    "We use cookies to improve your experience. By continuing to browse you accept our use of "
    "cookies. Accept all Manage preferences",
    "This site uses cookies and similar technologies for analytics and personalised ads. "
    "Read our privacy policy. I agree",
]
MENU = ["Home", "World", "Politics", "Business", "Sport", "Culture", "Opinion", "Subscribe"]


def article_paragraphs(rng: random.Random) -> list[str]:
    who, what = rng.choice(TOPICS)
    place, other = rng.sample(PLACES, 2)
    a, b, c = rng.sample(PEOPLE, 3)
    return [
        f"Officials in {place} said on Tuesday that {who} {what}, a claim that {other} "
        f"rejected within hours of its publication.",
        f'"We have seen the documents and they are clear," said {a}, a spokesperson for the '
        f"{place} government, speaking to reporters outside the harbour office.",
        f"{b}, who leads the opposition in {other}, denied that {who} {what} and called the "
        "report a fabrication meant to distract from the coming election.",
        f"Two diplomats who asked not to be named because they were not authorised to speak "
        f"said the shipments had been discussed for months before the vessel left {place}.",
        f"{c} declined to comment when asked whether the council had been told in advance.",
        f"The dispute is the latest in a series of disagreements between {place} and {other} "
        "over trade through the strait, which carries much of the region's grain.",
    ]


def related(rng: random.Random) -> list[str]:
    return [
        f"{rng.choice(PLACES)} {verb} {rng.choice(['ferry', 'harbour', 'grain', 'election'])} "
        f"plan as {rng.choice(PEOPLE)} {rest}"
        for verb, rest in rng.sample(
            [
                ("unveils", "says talks will go on"),
                ("rejects", "calls for calm"),
                ("delays", "denies any wrongdoing"),
                ("backs", "promises a review"),
                ("questions", "says officials were warned"),
            ],
            4,
        )
    ]


def page(n: int) -> tuple[str, list[str]]:
    """Page ``n`` (its HTML) and its article's text: the headline, then the paragraphs."""
    rng = random.Random(n)
    outlet = OUTLETS[n % len(OUTLETS)]
    body = article_paragraphs(rng)
    title = body[0].split(",")[0]
    layout = n % 3
    e = html.escape
    menu = "".join(f'<li><a href="/{m.lower()}">{m}</a></li>' for m in MENU)
    links = "".join(f'<li><a href="/a/{k}">{e(t)}</a></li>' for k, t in enumerate(related(rng)))
    paragraphs = "".join(f"<p>{e(p)}</p>" for p in body)
    banner = e(BANNERS[n % len(BANNERS)])
    byline = f"By {rng.choice(PEOPLE)} | 4 March 2026"
    meta = (
        f'<meta property="og:site_name" content="{outlet}">'
        '<meta property="article:published_time" content="2026-03-04T08:00:00Z">'
        '<meta name="synthetic" content="true">'
    )
    if layout == 0:  # semantic tags
        inner = (
            f"<header><h2>{outlet}</h2><nav><ul>{menu}</ul></nav></header>"
            f'<div class="cookie-banner"><p>{banner}</p></div>'
            f"<main><article><h1>{e(title)}</h1><p class='byline'>{byline}</p>{paragraphs}"
            f"</article><section class='related'><h3>Related articles</h3><ul>{links}</ul>"
            "</section></main>"
            "<div class='newsletter'><h3>Get the morning briefing</h3><p>Sign up for our free "
            "newsletter and never miss a story from the harbour and beyond.</p></div>"
            f"<footer><p>© 2026 {outlet}. All rights reserved.</p></footer>"
        )
    elif layout == 1:  # bare divs with class names
        inner = (
            f"<div id='cookie-consent'><div>{banner}</div></div>"
            f"<div class='site-header'><div class='logo'>{outlet}</div>"
            f"<ul class='menu'>{menu}</ul></div>"
            f"<div class='content'><div class='story'><h1>{e(title)}</h1>"
            f"<div class='author'>{byline}</div><div class='story-body'>{paragraphs}</div>"
            f"</div><div class='sidebar'><h4>Most read</h4><ol>{links}</ol></div></div>"
            f"<div class='site-footer'><ul><li>About {outlet}</li><li>Contact</li>"
            "<li>Privacy</li></ul></div>"
        )
    else:  # a table of links above the story, a banner at the end
        cells = "".join(f"<td><a href='/x'>{e(t)}</a></td>" for t in related(rng))
        inner = (
            f"<table class='top-stories'><tr>{cells}</tr></table>"
            f"<h2>{outlet}</h2><h1>{e(title)}</h1><p><em>{byline}</em></p>{paragraphs}"
            f"<h3>Read more</h3><ul>{links}</ul>"
            f"<section id='consent'><p>{banner}</p><button>OK</button></section>"
        )
    doc = (
        f"<!doctype html><html><head><title>{e(title)} | {outlet}</title>{meta}</head>"
        f"<body>{inner}</body></html>"
    )
    return doc, [title, *body]


def score(extracted: str, body: list[str]) -> tuple[float, float]:
    """(recall, leak) of ``extracted`` against the article paragraphs ``body``."""
    flat = " ".join(extracted.split())
    found = sum(1 for p in body if " ".join(p.split()) in flat)
    leftover = flat
    for p in body:
        leftover = leftover.replace(" ".join(p.split()), "")
    leak = len(leftover.replace(" ", "")) / max(1, len(flat.replace(" ", "")))
    return found / len(body), leak


def read_with(path: Path, use_trafilatura: bool) -> str:
    from tracker.ingest import readers

    saved = readers.USE_TRAFILATURA
    readers.USE_TRAFILATURA = use_trafilatura
    try:
        (article,) = readers.read_article_file(path)
    finally:
        readers.USE_TRAFILATURA = saved
    return "\n\n".join(p.text for p in article.paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--write", type=Path, help="write the pages to this folder")
    parser.add_argument("--show", type=int, help="print what each reader reads of this page")
    args = parser.parse_args()
    import tempfile

    folder = args.write or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    pages = []
    for n in range(args.pages):
        doc, body = page(n)
        path = folder / f"page-{n:02d}.html"
        path.write_text(doc, encoding="utf-8")
        pages.append((path, body))
    if args.show is not None:
        for flag in (False, True):
            print(f"--- trafilatura={flag}")
            print(read_with(pages[args.show][0], flag))
        return
    print("| reader | pages | recall | leak | ms/page |")
    print("|---|---:|---:|---:|---:|")
    for name, flag in (("tag filter (before)", False), ("trafilatura", True)):
        recalls, leaks = [], []
        start = time.perf_counter()
        for path, body in pages:
            recall, leak = score(read_with(path, flag), body)
            recalls.append(recall)
            leaks.append(leak)
        ms = (time.perf_counter() - start) * 1000 / len(pages)
        print(
            f"| {name} | {len(pages)} | {sum(recalls) / len(pages):.3f} "
            f"| {sum(leaks) / len(pages):.3f} | {ms:.1f} |"
        )


if __name__ == "__main__":
    main()
