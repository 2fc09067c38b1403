"""Cue lexicons: the words that signal attribution, stance, hedging, anonymity and source kind.

Constants only, so that rules elsewhere stay general and every word list is in one package:
cue words (:mod:`.cues`), sources (:mod:`.sources`), claims (:mod:`.claims`), headlines
(:mod:`.headlines`) and lists read by one module each (:mod:`.text`).  Every name is read from
here (``from tracker import lexicon``, then ``lexicon.ASSERT_VERBS``).  Entries are lower-case
lemmas unless stated otherwise.  No entry names a person, an outlet or a particular article.
"""

from __future__ import annotations

from tracker.lexicon import claims, cues, headlines, sources, text
from tracker.lexicon.claims import *  # noqa: F403
from tracker.lexicon.cues import *  # noqa: F403
from tracker.lexicon.headlines import *  # noqa: F403
from tracker.lexicon.sources import *  # noqa: F403
from tracker.lexicon.text import *  # noqa: F403

__all__: list[str] = []
__all__ += cues.__all__
__all__ += sources.__all__
__all__ += claims.__all__
__all__ += headlines.__all__
__all__ += text.__all__
