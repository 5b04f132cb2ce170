"""Words as a matcher compares them: the lemma-ish keys of an inflected word, and the parts
of a compound. Two texts that name one task in other forms (``hakemuksen`` and
``Rahoitushakemus``, ``kunnalta`` and ``kunnan``, ``booked`` and ``booking``) share keys::

    >>> from minutes.words import WordForms
    >>> fi = WordForms("fi")
    >>> fi.alike("kunnalta", "kunnan"), fi.alike("Rahoitushakemus", "hakemuksen")
    (1.0, 0.8)
    >>> fi.alike("sauna", "hakemus")
    0.0

A word's keys are its casefolded form with each of the language's endings taken off (a few
at a time: clitic, possessive, case), each then normalised (``kse`` -> ``s``: hakemukse- is
hakemus; consonant gradation folded: ``kunna-`` and ``kunta`` meet) and once more without
its final vowels. Two words are the same word when their keys meet; a word is a part of
another when one's key starts the other's (``rahoitus`` in ``rahoitushakemus``; a derived
form: ``päivit-`` in ``päivitys``) or, in a language that writes compounds as one word,
ends it (``hakemus`` in ``rahoitushakemus``, ``tila`` in ``seminaaritila``).

This is no dictionary lemmatiser: it overreaches now and then (two words of one stem meet),
which is why a matcher weighs words by their rarity and never trusts one alone. The
endings and foldings are the language profile's ``inflection`` data (``minutes.lang``).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["PART", "SAME", "WordForms", "word_forms"]

SAME = 1.0  # two forms of one word
PART = 0.8  # a part of a compound or a derived form

_MIN_KEY = 3  # the shortest key that stands for a word
_MIN_PART = 4  # the shortest key that may be a compound's part
_MIN_START = 5  # the shortest key that may start a longer word (a modifier, a derivation)
_MIN_REST = 2  # what a word must have beyond a part that starts it
_MIN_HEAD_REST = 3  # and beyond a part that ends it (the compound's other part)


class WordForms:
    """The keys of words of one language (``fi``, ``sv``, ``en``) and how alike two words
    are; cached per word."""

    def __init__(self, language: str | None) -> None:
        from minutes.lang import LANGUAGES, profile

        chosen = profile(language if language in LANGUAGES else "fi")
        data = chosen.inflection
        self.language = language
        self.compounds = chosen.compounds
        self._clitics = tuple(sorted(data.get("clitics", ()), key=len, reverse=True))
        self._endings = tuple(sorted(data.get("endings", ()), key=len, reverse=True))
        self._stem_ends = [pair.split() for pair in data.get("stem_ends", ())]
        self._folds = [(re.compile(a), b) for a, b in (pair.split() for pair in data.get("folds", ()))]
        vowels = "".join(data.get("vowels", ("aeiouy",)))
        self._final_vowels = re.compile(f"[{re.escape(vowels)}]+$")
        self.keys = lru_cache(maxsize=1 << 15)(self._keys)
        self._alike: dict[tuple[frozenset[str], frozenset[str]], float] = {}

    def _keys(self, word: str) -> frozenset[str]:
        """The keys of ``word`` (any case); empty for a word too short to compare."""
        low = word.casefold().replace("’", "'")
        parts = [p for p in re.split(r"[-']", low) if p]
        if not parts:
            return frozenset()
        keys: set[str] = set()
        for whole in {low.replace("-", "").replace("'", ""), parts[-1]} if len(parts) > 1 else {parts[0]}:
            for stem in self._stems(whole):
                keys.update(self._normal(stem))
        return frozenset(k for k in keys if len(k) >= _MIN_KEY)

    def _stems(self, word: str) -> set[str]:
        """``word`` without each ending it may have (a clitic first, then one ending)."""
        bases = {word} | {word[:-len(c)] for c in self._clitics
                          if word.endswith(c) and len(word) - len(c) >= _MIN_KEY}
        stems = set(bases)
        for base in bases:
            for ending in self._endings:
                if base.endswith(ending) and len(base) - len(ending) >= _MIN_KEY:
                    stems.add(base[:-len(ending)])
        return stems

    def _normal(self, stem: str) -> tuple[str, ...]:
        for end, replacement in self._stem_ends:
            if stem.endswith(end) and len(stem) - len(end) >= 2:
                stem = stem[:-len(end)] + replacement
                break
        for pattern, replacement in self._folds:
            stem = pattern.sub(replacement, stem)
        bare = self._final_vowels.sub("", stem)
        return (stem, bare) if len(bare) >= _MIN_KEY else (stem,)

    def alike(self, a: str, b: str) -> float:
        """``SAME`` when ``a`` and ``b`` are forms of one word, ``PART`` when one is a part or
        a derived form of the other, else 0."""
        return self.alike_keys(self.keys(a), self.keys(b))

    def alike_keys(self, a: frozenset[str], b: frozenset[str]) -> float:
        """``alike`` for words already turned into keys."""
        if not a or not b:
            return 0.0
        if a & b:
            return SAME
        found = self._alike.get((a, b))
        if found is None:
            if len(self._alike) > 1 << 17:
                self._alike.clear()
            found = self._alike[a, b] = self._part(a, b)
        return found

    def _part(self, a: frozenset[str], b: frozenset[str]) -> float:
        for x in a:
            for y in b:
                short, long = (x, y) if len(x) <= len(y) else (y, x)
                rest = len(long) - len(short)
                if len(short) >= _MIN_START and rest >= _MIN_REST and long.startswith(short):
                    return PART
                if self.compounds and len(short) >= _MIN_PART and rest >= _MIN_HEAD_REST \
                        and long.endswith(short):
                    return PART
        return 0.0


@lru_cache(maxsize=8)
def word_forms(language: str | None) -> WordForms:
    """The ``WordForms`` of a language, made once."""
    return WordForms(language)
