"""First names that tell a man from a woman, for pronouns and for names.

The first names of the 1990 US census (public domain data, as the MIT-licensed ``names``
package ships them) are always there; when the optional ``gender-guesser`` package (GPLv3,
``pip install "tracker[names]"``) is installed, its wider lexicon is used instead.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["first_name_gender", "is_first_name"]


@functools.cache
def _first_name_lexicon() -> object | None:
    try:
        from gender_guesser.detector import Detector  # type: ignore[import-not-found]
    except ImportError:
        return None
    detector: object = Detector(case_sensitive=False)
    return detector


@functools.cache
def _census_first_names() -> dict[str, str]:
    """First name (lower case) -> "m", "f" or "" (either), from the 1990 US census lists the
    ``names`` package ships: a name is a man's or a woman's where that share of men (or
    women) bearing it is at least three times the other's."""
    try:
        data = resources.files("names")
    except ModuleNotFoundError:
        return {}
    shares: dict[str, dict[str, float]] = {}
    for gender, listing in (("m", "dist.male.first"), ("f", "dist.female.first")):
        try:
            lines = (data / listing).read_text(encoding="utf-8").splitlines()
        except OSError:
            return {}
        for line in lines:
            parts = line.split()
            if len(parts) >= 2:
                shares.setdefault(parts[0].lower(), {})[gender] = float(parts[1])
    genders: dict[str, str] = {}
    for name, share in shares.items():
        men, women = share.get("m", 0.0), share.get("f", 0.0)
        if men >= 3 * women:
            genders[name] = "m"
        elif women >= 3 * men:
            genders[name] = "f"
        else:
            genders[name] = ""
    return genders


def first_name_gender(first: str) -> str | None:
    """ "m" or "f" for a first name the lexicon knows as a man's or a woman's, else None.

    >>> first_name_gender("Ada"), first_name_gender("Tomas"), first_name_gender("Brenvik")
    ('f', 'm', None)
    """
    detector = _first_name_lexicon()
    if detector is None:
        return _census_first_names().get(first.lower()) or None
    found = detector.get_gender(first)  # type: ignore[attr-defined]
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(found)


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a first name of the lexicon, a man's, a woman's or either.

    >>> is_first_name("Jordan"), is_first_name("Londoner")
    (True, False)
    """
    detector = _first_name_lexicon()
    if detector is None:
        return word.lower() in _census_first_names()
    found: str = detector.get_gender(word)  # type: ignore[attr-defined]
    return found != "unknown"
