"""One source, one id, across the articles of a corpus.

Within an article :class:`~tracker.resolve.sources.SourceResolver` resolves pronouns and short
names; across articles a source is named in many ways, and ids alone keep those apart.
:func:`unify_sources` joins, over the whole corpus:

- a surname or a first name alone ("Okafor") and the full name ("Ben Okafor"), when only one
  person of the corpus fits (with "Ben Okafor" and "Ada Okafor" both named, "Okafor" stays);
- a full name and the same name with a middle name or initial ("Ben T. Okafor");
- the names an article says are one source ("Ada Lind, who goes by Lindy", "Lindy (real
  name Ada Lind)", "the Port Safety Board (PSB)": :mod:`tracker.resolve.article_aliases`);
- an acronym and the one name of the corpus it abbreviates ("PSB", "Port Safety Board");
- a role named without a name ("a spokesman for Vane") and the one person of the corpus the
  articles describe so ("Vane spokesman Joe Tarrow");
- a group named with its place after it and before it ("customs officials in Veldmark",
  "Veldmark customs officials");

and it gives a named organisation that "reported" something the kind ``media``, and a one-word
name that other sources of the corpus have as their place ("Veldmark says" beside "officials
in Veldmark") the kind ``government``, whatever the tagger took it for.

>>> from tracker.model import Attribution, Span
>>> def said(n, text, sid, kind="person"):
...     return Attribution(f"a{n}", f"art{n}", Span(0, len(text), text), Span(0, 4, "said"),
...                        None, source_id=sid, source_name=text, source_kind=kind)
>>> records = unify_sources([said(1, "Ben Okafor", "ben-okafor"),
...                          said(2, "Okafor", "okafor", "organization")])
>>> [(r.source_id, r.source_name, r.source_kind) for r in records]
[('ben-okafor', 'Ben Okafor', 'person'), ('ben-okafor', 'Ben Okafor', 'person')]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from tracker import lexicon
from tracker.model import Attribution
from tracker.resolve.article_aliases import MAX_NAME_WORDS
from tracker.resolve.firstnames import is_first_name
from tracker.resolve.heap import corpus_in_place
from tracker.resolve.sources import acronym_of, slugify

__all__ = ["unify_sources"]

#: kinds a short name may have and still be a person's surname (the tagger often calls a
#: lone surname an organisation)
_NAME_KINDS = frozenset({"person", "organization", "unknown"})
#: words no person's name is made of: a role ("robert-vane-publicist") or a pronoun
_INDEFINITE = re.compile(r"^\s*(a|an|another|one|some)\s", re.IGNORECASE)
_NOT_NAMES = lexicon.DESCRIPTOR_NOUNS | lexicon.GROUP_NOUNS | lexicon.PRONOUNS
#: words that make an id a phrase, not a name ("clip-of-brask", "brask-and-aides")
_PHRASE_WORDS = lexicon.QUALIFYING_PREPOSITIONS | frozenset({"the", "and"})


# -- names the text gives as one source ---------------------------------------------------


# -- joining ids over the corpus ----------------------------------------------------------


class _Groups:
    """Union-find over source ids; each group's id is chosen when it is read."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def members(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for item in list(self.parent):
            out[self.find(item)].add(item)
        return out


def _is_bare_name(record: Attribution) -> bool:
    """A mention that is a name alone ("Okafor"), not a common noun ("the hunter")."""
    if record.source is None:
        return False
    text = record.source.text.strip().lower()
    return not re.match(r"(the|a|an|this|that|his|her|their|its)\s", text)


def _names_alone(record: Attribution, sid: str) -> bool:
    """A mention that gives the one-word id ``sid`` as a name: alone ("Okafor", "Mr Okafor"),
    or after a comma or a person noun ("his mother, Ada", "Lind's mother Ada")."""
    if record.source is None or slugify(record.source.text).split("-")[-1] != sid:
        return False
    if _is_bare_name(record):
        return True
    words = re.findall(r"[\w'’]+|,", record.source.text.lower())
    return len(words) >= 2 and (words[-2] == "," or words[-2] in lexicon.PERSON_NOUNS)


def _common_noun(record: Attribution, sid: str) -> bool:
    """A mention that is the id's word as a common noun ("the hunter", "a hunter")."""
    return record.source is not None and bool(
        re.fullmatch(r"(the|a|an)\s+" + re.escape(sid), record.source.text.strip().lower())
    )


def _person_groups(records: Sequence[Attribution], groups: _Groups, real: set[str]) -> None:
    """Join short person names to the one full name of the corpus they fit."""
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    named: dict[str, bool] = defaultdict(bool)
    common: dict[str, bool] = defaultdict(bool)
    one_word: dict[str, bool] = defaultdict(lambda: True)
    for r in records:
        if r.source_id is not None:
            kinds[r.source_id][r.source_kind or "unknown"] += 1
            named[r.source_id] |= _names_alone(r, r.source_id)
            common[r.source_id] |= _common_noun(r, r.source_id)
            one_word[r.source_id] &= len((r.source_name or r.source_id).split()) == 1
    persons = {i for i, k in kinds.items() if k.most_common(1)[0][0] == "person"} | real
    # every name a short name could stand for, persons or not ("Okafor" with "Ben Okafor"
    # and an "Ada Okafor" the tagger took for a company stays itself)
    full = {
        i
        for i in set(kinds) | real
        if 2 <= len(i.split("-")) <= MAX_NAME_WORDS
        and not set(i.split("-")) & (_NOT_NAMES | _PHRASE_WORDS)
        and (i in persons or kinds[i].most_common(1)[0][0] in _NAME_KINDS)
    }
    _join_spellings(full, groups)
    _join_described(full, persons, groups, real)
    by_word: dict[tuple[int, str], set[str]] = defaultdict(set)
    for sid in full:
        parts = sid.split("-")
        for k in range(1, len(parts)):
            by_word[(0, "-".join(parts[:k]))].add(groups.find(sid))
            by_word[(-1, "-".join(parts[k:]))].add(groups.find(sid))
        by_word[(2, parts[0] + "-" + parts[-1])].add(groups.find(sid))
    # the groups a person is in, kept up to date as groups join
    person_roots = {groups.find(p) for p in persons}
    for sid, counts in kinds.items():
        parts = sid.split("-")
        kind = counts.most_common(1)[0][0]
        if sid in full and len(parts) > 2:
            # "ben-t-okafor" and "ben-okafor"
            fits = by_word[(2, parts[0] + "-" + parts[-1])]
        elif sid in full and kind in _NAME_KINDS and is_first_name(parts[0]):
            # "jorge-ruiz" of "jorge-ruiz-brenvik", a name without its second surname
            fits = by_word[(0, sid)]
        elif one_word[sid] and kind in _NAME_KINDS and named[sid] and not common[sid]:
            # "Okafor", "Al-Okafor": one word of a name
            if set(parts) & _NOT_NAMES:
                continue
            fits = by_word[(0, sid)] | by_word[(-1, sid)]
        else:
            continue
        fits = {groups.find(f) for f in fits} - {groups.find(sid)}  # joined since listed
        if len(fits) == 1 and next(iter(fits)) in person_roots:
            root, joined = groups.find(next(iter(fits))), groups.find(sid)
            groups.union(root, joined)
            if joined in person_roots and joined != root:
                person_roots.discard(joined)
                person_roots.add(root)


def _join_described(full: set[str], persons: set[str], groups: _Groups, real: set[str]) -> None:
    """Join a person's full name and the same name after a word the tagger took into it that
    is no first name ("Londoner Ben Okafor", "Briton Ben Okafor" and "Ben Okafor"); the name
    without that word is the one the group goes by (in ``real``, the longer one not)."""
    for sid in sorted(full):
        parts = sid.split("-")
        rest = "-".join(parts[1:])
        if len(parts) >= 3 and rest in full and rest in persons and not is_first_name(parts[0]):
            groups.union(rest, sid)
            real.add(rest)
            real.discard(sid)


def _join_spellings(full: set[str], groups: _Groups) -> None:
    """Join two names of a surname whose first names differ by one letter added or dropped
    ("Mikail Brask" in one article, "Mikhail Brask" in the others; "Mohamad" and "Mohammad"),
    and two names of a first name whose surnames do ("Christy Feig", "Christy Feigh")."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for sid in sorted(full):
        parts = sid.split("-")
        # with or without a middle name ("Claire Gillis", "Clare Morgana Gillis")
        if len(parts) in (2, 3) and len(parts[0]) >= 5:
            by_surname[parts[-1]].append(sid)
    _join_one_edit(by_surname, 0, groups)
    # "Christy Feig" and "Christy Feigh": the same first name, a surname a letter apart
    by_first: dict[str, list[str]] = defaultdict(list)
    for sid in sorted(full):
        parts = sid.split("-")
        if len(parts) == 2 and len(parts[0]) >= 3 and len(parts[1]) >= 4:
            by_first[parts[0]].append(sid)
    _join_one_edit(by_first, 1, groups)


def _join_one_edit(named: dict[str, list[str]], part: int, groups: _Groups) -> None:
    """Join the names of each list whose word ``part`` differs by one letter."""
    for names in named.values():
        for k, a in enumerate(names):
            for b in names[k + 1 :]:
                if _one_edit(a.split("-")[part], b.split("-")[part]):
                    groups.union(a, b)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter added or dropped (not changed: "Maria"
    and "Mario" are two people)."""
    if abs(len(a) - len(b)) != 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    k = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    return a[k:] == b[k + 1 :]


def _outlet_groups(records: Sequence[Attribution], groups: _Groups) -> None:
    """Join an outlet named by the last word of its name ("the Post", "the Times") to the one
    outlet of the corpus whose name ends so ("the Vellmar Post"); with two, it stays."""
    outlets = {r.source_id for r in records if r.source_kind == "media" and r.source_id}
    by_last: dict[str, set[str]] = defaultdict(set)
    for sid in outlets:
        parts = sid.split("-")
        if 2 <= len(parts) <= MAX_NAME_WORDS and not set(parts) & _PHRASE_WORDS:
            by_last[parts[-1]].add(sid)
    for sid in sorted(outlets):
        fits = by_last.get(sid, set()) if sid in lexicon.MEDIA_WORDS else set()
        if len(fits) == 1:
            groups.union(next(iter(fits)), sid)


def _acronym_groups(records: Sequence[Attribution], groups: _Groups) -> None:
    """Join an acronym to the one longer name of the corpus it abbreviates."""
    capitals: set[str] = set()
    names: dict[str, str] = {}
    for r in records:
        if r.source_id is None:
            continue
        name = r.source_name or (r.source.text if r.source else "")
        names.setdefault(r.source_id, name)
        bare = re.sub(r"^(the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)
        if bare.replace(".", "").isupper() and "-" not in r.source_id:
            capitals.add(r.source_id)
    # only a name whose first and last words can give the acronym's first and last letters
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sid in dict.fromkeys(list(groups.parent) + list(names)):
        for ends in _acronym_ends(sid.split("-")):
            by_ends[ends].append(sid)
    for short in capitals:
        letters = short.lower().replace(".", "").replace("&", "")
        fits = {
            groups.find(sid)
            for sid in by_ends.get((letters[:1], letters[-1:]), ())
            if sid != short and acronym_of(sid.split("-"), short)
        }
        if len(fits) == 1:
            groups.union(next(iter(fits)), short)


def _acronym_ends(words: list[str]) -> set[tuple[str, str]]:
    """The (first, last) letters an acronym of ``words`` may have: a word before the first
    word that is not a small word (:data:`~tracker.lexicon.ACRONYM_SKIP_WORDS`) may give
    the first letter, one from the last such word on the last letter."""
    keep = [k for k, w in enumerate(words) if w not in lexicon.ACRONYM_SKIP_WORDS]
    first, last = (keep[0], keep[-1]) if keep else (len(words) - 1, 0)
    return {(a[:1], b[:1]) for a in words[: first + 1] for b in words[last:] if a and b}


def _role_words(text: str) -> set[str]:
    """The words of a role phrase."""
    return set(slugify(text).split("-")) - lexicon.ACRONYM_SKIP_WORDS


def _described_words(text: str) -> set[str]:
    """The words of a description, with every role word it allows: a "spokesman" is also a
    "spokesperson", a "spokesperson" also a "spokesman" or a "spokeswoman"."""
    words = _role_words(text)
    for neutral, forms in lexicon.ROLE_SYNONYMS.items():
        if neutral in words:
            words |= set(forms)
        elif words & set(forms):
            words.add(neutral)
    return words


def _role_groups(records: Sequence[Attribution], groups: _Groups, real: set[str]) -> None:
    """Join a role named without a name ("a spokesman for Vane", "Vane's spokesperson") to
    the one named person of the corpus the articles describe so ("Vane spokesman Joe Tarrow")."""
    described: dict[str, list[set[str]]] = defaultdict(list)
    indefinite: set[str] = set()  # "a Democratic senator" is one of many
    for r in records:
        if r.source_id and r.source is not None and _INDEFINITE.match(r.source.text):
            indefinite.add(r.source_id)
        if re.search(r"\b(former|ex)\b", r.extra.get("source_description", ""), re.I):
            continue  # "former governor": not who "the governor" is now
        if r.source_id and r.source_kind == "person" and r.extra.get("source_description"):
            described[groups.find(r.source_id)].append(
                _described_words(r.extra["source_description"])
            )
    if not described:
        return
    # only those whose descriptions use every word of the role are read
    by_word: dict[str, set[str]] = defaultdict(set)
    for person, descriptions in described.items():
        for words in descriptions:
            for word in words:
                by_word[word].add(person)
    # an outlet's name is no role ("The Orsk Reporter"; "the Orsk Post reporter" is one)
    outlets = {
        r.source_id
        for r in records
        if r.source_kind == "media"
        and r.source is not None
        and any(w.istitle() and w.lower() in lexicon.PERSON_NOUNS for w in r.source.text.split())
    }
    for sid in {r.source_id for r in records if r.source_id and r.source_id not in described}:
        if sid in outlets:
            continue
        words = _role_words(sid)
        roles = words & lexicon.PERSON_NOUNS
        if len(roles) != 1 or len(words) < 2 or words & lexicon.POSSESSIVE_WORDS:
            continue
        if sid in indefinite:
            continue
        holders = sorted((by_word.get(w, set()) for w in words), key=len)
        fits = {
            person
            for person in holders[0].intersection(*holders[1:])
            if any(words <= d for d in described[person])
        }
        if len(fits) == 1 and groups.find(sid) not in fits:
            person = next(iter(fits))
            real.add(person)
            groups.union(person, sid)


def _canonical(members: set[str], counts: Counter[str], real: set[str]) -> str:
    """The id a group goes by: a real name, else the longest name read, else the commonest."""
    present = [m for m in members if counts[m]] or sorted(members)
    return max(present, key=lambda m: (m in real, len(m.split("-")), counts[m], m))


def unify_sources(
    records: Sequence[Attribution], aliases: Iterable[tuple[str, str]] = ()
) -> list[Attribution]:
    """``records`` with one id for each source of the corpus (see the module's summary).

    ``aliases`` are ``(real name id, other name id)`` pairs the articles give
    (:func:`find_aliases`).  Records keep their order; a record whose id changes takes the
    name and kind its source goes by."""
    with corpus_in_place():
        return _unified(records, aliases)


def _unified(
    records: Sequence[Attribution], aliases: Iterable[tuple[str, str]]
) -> list[Attribution]:
    groups = _Groups()
    real: set[str] = set()
    for first, other in aliases:
        groups.union(first, other)
        real.add(first)
    for r in records:
        if r.source_id is not None:
            groups.find(r.source_id)
    _person_groups(records, groups, real)
    _acronym_groups(records, groups)
    _outlet_groups(records, groups)
    _role_groups(records, groups, real)
    _place_groups(records, groups)

    counts = Counter(r.source_id for r in records if r.source_id is not None)
    target: dict[str, str] = {}
    for members in groups.members().values():
        if len(members) > 1:
            chosen = _canonical(members, counts, real)
            target.update({m: chosen for m in members if m != chosen})
    names: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        if r.source_id is not None and r.source_id not in target:
            names[r.source_id][r.source_name or ""] += 1
            kinds[r.source_id][r.source_kind or "unknown"] += 1
    out = []
    for r in records:
        new = target.get(r.source_id or "")
        if new is not None:
            known = [k for k, _ in kinds[new].most_common() if k != "unknown"]
            r = replace(
                r,
                source_id=new,
                source_name=names[new].most_common(1)[0][0] if names[new] else r.source_name,
                source_kind=known[0] if known else r.source_kind,
            )
        out.append(r)
    return _places_as_governments(_outlets_by_cue(out))


def _place_words(source_id: str) -> tuple[str, ...] | None:
    """The words of a group's name in a fixed order when it names a place before or after
    it ("customs-officials-in-veldmark", "veldmark-customs-officials"), else ``None``."""
    words = source_id.split("-")
    kept = [w for w in words if w not in lexicon.QUALIFYING_PREPOSITIONS and w != "the"]
    if len(kept) < 2 or set(kept) & lexicon.PRONOUNS:
        return None
    return tuple(sorted(kept))


def _place_groups(records: Sequence[Attribution], groups: _Groups) -> None:
    """Join the names of one group that differ only in where they put its place."""
    by_words: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for r in records:
        if r.source_id is not None and r.source_kind != "person":
            key = _place_words(r.source_id)
            if key is not None:
                by_words[key].add(r.source_id)
    for names in by_words.values():
        if len(names) < 2:
            continue
        # only names that differ by a preposition: "customs-officials-in-veldmark" and
        # "veldmark-customs-officials", not two orders of the same words
        if not any(set(n.split("-")) & lexicon.QUALIFYING_PREPOSITIONS for n in names):
            continue
        first, *rest = sorted(names)
        for other in rest:
            groups.union(first, other)


def _places_as_governments(records: list[Attribution]) -> list[Attribution]:
    """A one-word name the corpus's other sources have as their place ("officials in
    Veldmark", "the Veldmark government") is that place's government, not a person, unless
    some person's name has it as a word."""
    ids = {r.source_id for r in records if r.source_id}
    placed: set[str] = set()
    named: set[str] = set()
    for r in records:
        if r.source_id is None or "-" not in r.source_id:
            continue
        words = r.source_id.split("-")
        if r.source_kind == "person":
            named.update(words)
        elif r.source_kind in ("government", "organization"):
            placed.update(
                w for k, w in enumerate(words) if k and words[k - 1] in lexicon.PLACE_PREPOSITIONS
            )
            placed.add(words[0])
    places = {i for i in ids if "-" not in i and i in placed and i not in named}
    return [
        replace(r, source_kind="government")
        if r.source_id in places and r.source_kind in ("person", "unknown")
        else r
        for r in records
    ]


def _outlets_by_cue(records: list[Attribution]) -> list[Attribution]:
    """A named organisation that "reported" or "published" something is a news outlet."""
    outlets = set()
    for r in records:
        if r.source_id is None or r.source_kind not in ("organization", "unknown"):
            continue
        named = r.source_kind == "organization" or any(c.isupper() for c in r.source_name or "")
        cue_words = set(r.cue.text.lower().split())
        if named and cue_words & lexicon.OUTLET_CUES:
            outlets.add(r.source_id)
    if not outlets:
        return records
    return [
        replace(r, source_kind="media")
        if r.source_id in outlets and r.source_kind in ("organization", "unknown")
        else r
        for r in records
    ]
