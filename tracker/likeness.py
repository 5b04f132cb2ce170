"""How alike two wordings are: words compared by lemma and by the parts of compounds
(``minutes.words``), each weighed by how rare it is among the texts at hand.

Both the follow-up of a series (``tracker.reconcile``: is this status line about that open
action? is this new action a repeat of an open one?) and the re-import of edited minutes
(``tracker.importer``: is this reworded action the stored one?) ask it::

    like = Likeness("fi", stop={"ja"})
    texts = [like.terms(t) for t in ("Leena lähettää hakemuksen", "Rahoitushakemus: lähetetty",
                                     "Pekka varaa salin")]
    like.count(*texts)                    # the rarity of each word among these texts
    fit = like.fit(texts[0], texts[1])
    fit.first, fit.second                 # how much of each side the other covers (0-1)

A word's *rarity* is 1 for a word that at most two of the texts have (a task and the line
about it) and falls towards 0.1 for a word most of them have (``päivittää``, ``meeting``):
``log((N + 1) / df) / log((N + 1) / 2)``, clipped. ``Fit.first`` is the share of the first
text's rarity that the second text has (a word of a compound counts ``PART``), ``second``
the other way round, ``matched`` the first side's matched rarity itself (about how many rare
words the two share).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from minutes.words import word_forms

__all__ = ["Fit", "Likeness", "Term"]

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_LEAST = 0.1  # the rarity of a word every text has


class Term(NamedTuple):
    """A content word of a text: as written (lower case), its keys, where it stands."""

    word: str
    keys: frozenset[str]
    position: int


class Fit(NamedTuple):
    """How two texts' words meet (see the module's doc); ``positions`` are where the
    second text's matched words stand."""

    first: float
    second: float
    matched: float
    positions: tuple[int, ...]

    @property
    def least(self) -> float:
        return min(self.first, self.second)

    @property
    def mean(self) -> float:
        return (self.first + self.second) / 2

    def mostly(self, share: float) -> bool:
        """The same words, mostly: on average ``share`` of each side covered by the other,
        and half of each at least."""
        return self.least >= 0.5 and self.mean >= share


NO_FIT = Fit(0.0, 0.0, 0.0, ())


class Likeness:
    """The words of one language's texts, their rarity among the texts counted so far, and
    how alike two texts are."""

    def __init__(self, language: str | None, stop: Iterable[str] = ()) -> None:
        self.forms = word_forms(language)
        self.stop = frozenset(w.casefold() for w in stop)
        self._df: Counter[str] = Counter()
        self._texts = 0
        self._rarity: dict[frozenset[str], float] = {}

    def terms(self, text: str, skip: Iterable[int] = ()) -> tuple[Term, ...]:
        """The content words of ``text``: three letters or more, no stop word, none of the
        words starting at the positions ``skip`` (a person's name, a status word)."""
        skipped = set(skip)
        found = []
        for match in _WORD.finditer(text):
            word = match.group().casefold()
            if len(word) < 3 or word in self.stop or match.start() in skipped:
                continue
            keys = self.forms.keys(word)
            if keys:
                found.append(Term(word, keys, match.start()))
        return tuple(found)

    def count(self, *texts: tuple[Term, ...]) -> None:
        """Count these texts' words for their rarity."""
        for terms in texts:
            self._texts += 1
            self._df.update({k for t in terms for k in t.keys})
        self._rarity.clear()

    def rarity(self, term: Term) -> float:
        keys = term.keys
        if keys not in self._rarity:
            df = min((self._df[k] for k in keys), default=0)
            n = self._texts + 1
            if df <= 2 or n <= 2:
                value = 1.0
            else:
                value = max(_LEAST, min(1.0, math.log(n / df) / math.log(n / 2)))
            self._rarity[keys] = value
        return self._rarity[keys]

    def fit(self, first: tuple[Term, ...], second: tuple[Term, ...]) -> Fit:
        """How alike ``first`` and ``second`` are (see ``Fit``)."""
        if not first or not second:
            return NO_FIT
        alike = self.forms.alike_keys
        best_second = [0.0] * len(second)
        matched = total_first = 0.0
        for term in first:
            weight = self.rarity(term)
            total_first += weight
            best = 0.0
            for i, other in enumerate(second):
                score = alike(term.keys, other.keys)
                if score:
                    best = max(best, score)
                    best_second[i] = max(best_second[i], score)
            matched += weight * best
        if not matched:
            return NO_FIT
        weights = [self.rarity(t) for t in second]
        covered = sum(w * s for w, s in zip(weights, best_second))
        positions = tuple(t.position for t, s in zip(second, best_second) if s)
        return Fit(matched / total_first, covered / sum(weights), matched, positions)

    def lookups(self, terms: tuple[Term, ...]) -> set[str]:
        """What to index a text by so that texts with a word alike share one: each key, the
        start of a long key (a modifier or derivation), the end of a key (a compound's head)."""
        found = set()
        for t in terms:
            for key in t.keys:
                found.add(key)
                if len(key) >= 5:
                    found.add("^" + key[:5])
                if self.forms.compounds and len(key) >= 4:
                    found.add("$" + key[-4:])
        return found
