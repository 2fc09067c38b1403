"""How far claim grouping through the candidate index is from comparing every content with
every claim (the exhaustive grouping), on the same extracted articles.

Both groupings run on one extraction.  Reported: how many records get a different claim (as a
set of records), pair precision and recall of the indexed grouping against the exhaustive
one, the time each grouping takes, and a few records that differ.

    python benchmarks/grouping_agreement.py                          # data/
    python benchmarks/grouping_agreement.py --texts ../shared/evaldata/polnear/train/text --limit 200
    python benchmarks/grouping_agreement.py --records records.jsonl --limit 200  # a cache
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_articles(texts: Path | None, limit: int | None):
    from tracker.ingest.readers import article_from_text, read_articles

    if texts is None:
        return read_articles([ROOT / "data"])
    paths = sorted(texts.glob("*.txt"))[:limit]
    return [
        article_from_text(p.read_text(encoding="utf-8"), id=p.stem, parse_header=False)
        for p in paths
    ]


def groups(records) -> dict[str, frozenset[str]]:
    """Each record's claim, as the set of record ids on that claim."""
    members: dict[str, set[str]] = defaultdict(set)
    for r in records:
        if r.claim_id:
            members[r.claim_id].add(r.id)
    return {rid: frozenset(ids) for ids in members.values() for rid in ids}


def pairs(grouping: dict[str, frozenset[str]]) -> set[tuple[str, str]]:
    seen = {ids for ids in grouping.values()}
    return {pair for ids in seen for pair in combinations(sorted(ids), 2)}


def compare(extracted, *, paraphrase: bool = True) -> dict:
    """The two groupings compared; ``paraphrase=False`` leaves out the paraphrase joins of
    the final pass in both, which compares the candidate index alone."""
    from tracker.resolve.claims import assign_claims
    from tracker.resolve.paraphrase import PARAPHRASE_THRESHOLD

    threshold = PARAPHRASE_THRESHOLD if paraphrase else None
    start = time.perf_counter()
    exhaustive = assign_claims(extracted, exhaustive=True, paraphrase_threshold=threshold)
    exhaustive_s = time.perf_counter() - start
    start = time.perf_counter()
    indexed = assign_claims(extracted, paraphrase_threshold=threshold)
    indexed_s = time.perf_counter() - start
    a, b = groups(exhaustive), groups(indexed)
    differ = sorted(rid for rid in a if a[rid] != b.get(rid))
    pa, pb = pairs(a), pairs(b)
    texts = {r.id: (r.content.text if r.content else "") for r in exhaustive}
    stance_a = {r.id: r.stance for r in exhaustive}
    stance_b = {r.id: r.stance for r in indexed}
    return {
        "articles": len(extracted),
        "records": len(exhaustive),
        "grouped_records": len(a),
        "claims_exhaustive": len({r.claim_id for r in exhaustive if r.claim_id}),
        "claims_indexed": len({r.claim_id for r in indexed if r.claim_id}),
        "records_on_a_different_claim": len(differ),
        "stances_that_differ": sum(stance_a[k] != stance_b[k] for k in stance_a),
        "pair_precision": round(len(pa & pb) / len(pb), 4) if pb else 1.0,
        "pair_recall": round(len(pa & pb) / len(pa), 4) if pa else 1.0,
        "exhaustive_seconds": round(exhaustive_s, 2),
        "indexed_seconds": round(indexed_s, 2),
        "examples": [texts[rid][:100] for rid in differ[:5]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, help="folder of .txt articles (default: data/)")
    parser.add_argument("--limit", type=int, help="read only the first N articles")
    parser.add_argument("--cache", type=Path, help="pickle of the extraction, written or read")
    parser.add_argument(
        "--records", type=Path, help="an extraction cache written by grouping_growth.py extract"
    )
    parser.add_argument("--examples", action="store_true", help="print texts that differ")
    parser.add_argument(
        "--no-paraphrase",
        action="store_true",
        help="leave out the paraphrase joins (sentence embeddings) in both groupings",
    )
    args = parser.parse_args()
    import pickle

    if args.records is not None:
        from grouping_growth import read_cache

        extracted = read_cache(args.records, args.limit or 10**9)
    elif args.cache is not None and args.cache.exists():
        extracted = pickle.loads(args.cache.read_bytes())[: args.limit]
    else:
        from tracker.extract.extractor import SpacyExtractor

        extracted = list(SpacyExtractor().extract_many(load_articles(args.texts, args.limit)))
        if args.cache is not None:
            args.cache.write_bytes(pickle.dumps(extracted))
    result = compare(extracted, paraphrase=not args.no_paraphrase)
    if not args.examples:
        result.pop("examples")  # article text stays out of reports about unlicensed data
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
