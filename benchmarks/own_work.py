"""tracker's own work in extraction, against spaCy's parse of the same paragraphs.

The articles' paragraphs are parsed once (spaCy's pipeline, tracker's components off); then
the extractor runs over those parsed docs again and again (a stand-in pipeline hands them
back), so what is timed is tracker's part alone: the cue-lemma repair, the rules, debunks,
quotations, sources, speakers and aliases.  Times are CPU seconds of this process
(``time.process_time``), best of ``--repeat``, so other jobs on the machine weigh less than in
wall time.  The figure to read is tracker's own work as a share of the parse.

    python benchmarks/own_work.py --texts ../shared/evaldata/polnear/train/text --limit 100
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any


class ParsedDocs:
    """Stands in for the pipeline: hands back the doc parsed earlier for each paragraph."""

    def __init__(self, docs: dict[str, Any]) -> None:
        self.docs = docs

    def pipe(self, items, as_tuples: bool = False, **_: Any) -> Iterator[Any]:
        for text, context in items:
            yield self.docs.get(text), context


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, required=True, help="folder of .txt articles")
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from tracker.extract.extractor import SpacyExtractor, paragraph_spans
    from tracker.ingest.readers import article_from_text
    from tracker.nlp import fix_cue_lemmas, load_pipeline

    paths = sorted(args.texts.glob("*.txt"))[: args.limit]
    articles = [
        article_from_text(p.read_text(encoding="utf-8"), id=p.stem, parse_header=False)
        for p in paths
    ]
    texts = list(dict.fromkeys(s.text for a in articles for s in paragraph_spans(a) if s.text))
    nlp = load_pipeline()
    own = [name for name in nlp.pipe_names if name.startswith("tracker_")]
    start = time.process_time()
    with nlp.select_pipes(disable=own):
        docs = dict(zip(texts, nlp.pipe(texts, batch_size=64), strict=True))
    parse = time.process_time() - start
    extractor = SpacyExtractor(ParsedDocs(docs))
    lemmas = rules = float("inf")
    records = 0
    for _ in range(args.repeat):
        gc.collect()
        start = time.process_time()
        for doc in docs.values():
            fix_cue_lemmas(doc)
        lemmas = min(lemmas, time.process_time() - start)
        start = time.process_time()
        records = sum(len(x.attributions) for x in extractor.extract_many(articles))
        rules = min(rules, time.process_time() - start)
    print(
        f"{len(articles)} articles, {len(docs)} paragraphs, {records} records; CPU s: "
        f"parse {parse:.2f}, tracker's own work {lemmas + rules:.2f} (cue lemmas {lemmas:.3f},"
        f" records {rules:.2f}) = {(lemmas + rules) / parse:.1%} of the parse"
    )


if __name__ == "__main__":
    main()
