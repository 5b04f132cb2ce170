"""The meeting's people as a name index: who a written name means.

    >>> from minutes.model import Attendee
    >>> people = PeopleIndex([Attendee("Johanna Kivimäki"), Attendee("Antti Kallio"),
    ...                       Attendee("Tomi Laakso")])
    >>> people.resolve("Johannalta"), people.resolve("Antille"), people.resolve("Tommi")
    ('Johanna Kivimäki', 'Antti Kallio', 'Tomi Laakso')

A name resolves by its full form, first name, surname or initials; a Finnish inflected form
(consonant gradation included: ``Antti`` -> ``Antille``, ``Jukka`` -> ``Jukalle``,
``Nieminen`` -> ``Niemiselle``); and, last, a near miss of a first name (``Tommi`` for
``Tomi``). Any apostrophe is the same apostrophe: ``O'Neill`` is ``O’Neill``. A name that could mean two people resolves to nobody: ``resolve`` never guesses.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from .model import Attendee
from .text import straight_apostrophes

__all__ = ["PeopleIndex", "looks_like_name", "NAME_TOKEN"]

# A capitalised name part: "Anne-Mari", "O'Neill", "Hernández"; particles are separate.
NAME_TOKEN = r"[A-ZÅÄÖÜÉÈÁÀÓÍÚÆØ][\w'’-]*"
_PARTICLES = {"van", "von", "de", "der", "af", "du", "da", "di", "la", "le", "den", "del", "bin"}
_TOKEN_RE = re.compile(rf"^{NAME_TOKEN}$")

# Finnish case endings and clitics that follow a name's stem.
_ENDINGS = sorted(
    {
        "", "n", "lle", "lta", "ltä", "lla", "llä", "ssa", "ssä", "sta", "stä", "a", "ä",
        "ta", "tä", "na", "nä", "ksi", "in", "hin", "en", "ineen", "tta", "ttä",
        "kin", "nkin", "llekin", "lle:", "n:", "ä:", "a:",
    },
    key=len,
    reverse=True,
)
_GRADATION = (
    ("kk", "k"), ("pp", "p"), ("tt", "t"), ("nk", "ng"), ("mp", "mm"), ("lt", "ll"),
    ("nt", "nn"), ("rt", "rr"), ("lk", "l"), ("rk", "r"), ("ht", "hd"),
)


def looks_like_name(text: str, max_tokens: int = 4) -> bool:
    """``text`` is 1..max_tokens capitalised name parts (particles allowed inside)."""
    tokens = text.split()
    if not tokens or len(tokens) > max_tokens:
        return False
    if not _TOKEN_RE.match(tokens[0]) or not _TOKEN_RE.match(tokens[-1]):
        return False
    return all(_TOKEN_RE.match(t) or t in _PARTICLES for t in tokens)


def _stems(name: str) -> set[str]:
    """The stems a Finnish name takes before a case ending, lower case."""
    low = name.lower()
    stems = {low}
    if len(low) < 3:
        return stems
    for strong, weak in _GRADATION:
        # the gradating consonants stand before the final vowel: Antti -> Anti-, Jukka -> Juka-
        if low[:-1].endswith(strong) and low[-1] in "aeiouyäö":
            stems.add(low[: -1 - len(strong)] + weak + low[-1])
    if low.endswith("nen"):
        stems.update({low[:-3] + "se", low[:-3] + "s"})  # Nieminen -> Niemise-, Niemis-
    elif low[-1] == "s" and low[-2] in "aeiouyäö":
        stems.add(low[:-1] + "kse")  # Iiris -> Iirikse-, Tuomas -> Tuomakse-
    if low.endswith("i"):
        stems.add(low[:-1] + "e")  # Korpijärvi -> Korpijärve-
        for stem in list(stems):
            if stem.endswith("i"):
                stems.add(stem[:-1] + "e")
    if low[-1] in "aeiouyäö":
        stems.add(low + low[-1])  # Laine -> Lainee-
    else:
        stems.update({low + "i", low + "e"})  # Peter -> Peteri-, Tom -> Tomi-
    return stems


class PeopleIndex:
    """Look up the canonical name of a person the minutes mention.

    ``aliases`` maps a written name (e.g. a speaker's spelling) to a canonical name; they
    are consulted first. Groups and outsiders are not resolved here: ``resolve`` returns
    ``None`` for them and the caller keeps the name as written.
    """

    def __init__(self, people: Iterable[Attendee | str], aliases: dict[str, str] | None = None):
        self.names: list[str] = []
        for person in people:
            name = person.name if isinstance(person, Attendee) else person
            if name and name not in self.names:
                self.names.append(name)
        self.aliases = {straight_apostrophes(k).lower(): v for k, v in (aliases or {}).items()}
        self._keys: dict[str, set[str]] = defaultdict(set)
        self._firsts: dict[str, set[str]] = defaultdict(set)
        self._initials: dict[str, set[str]] = defaultdict(set)
        for name in self.names:
            written = straight_apostrophes(name)
            parts = written.split()
            self._keys[written.lower()].add(name)
            self._keys[parts[0].lower()].add(name)
            self._firsts[parts[0].lower()].add(name)
            if len(parts) > 1:
                self._keys[parts[-1].lower()].add(name)
                # "Jussi Olavi Rantala" answers to "Jussi Rantala" and "Jussi Olavi"
                self._keys[f"{parts[0]} {parts[-1]}".lower()].add(name)
                self._keys[" ".join(parts[:-1]).lower()].add(name)
                self._initials[parts[0][0] + parts[-1][0]].add(name)
                hyphened = "".join(p[0] for p in parts[0].split("-"))
                if len(hyphened) > 1:  # Maija-Liisa Koponen: ML and MLK
                    self._initials[hyphened].add(name)
                    self._initials[hyphened + parts[-1][0]].add(name)
                # "Virtasen Liisa": surname first
                self._keys[f"{parts[-1]} {parts[0]}".lower()].add(name)
        self._inflected: dict[str, set[str]] = defaultdict(set)
        for key, names in list(self._keys.items()):
            if " " in key or len(key) < 3:
                continue
            for stem in _stems(key):
                self._inflected[stem] |= names

    def __bool__(self) -> bool:
        return bool(self.names)

    def __contains__(self, name: str) -> bool:
        return name in self.names

    def resolve(self, written: str) -> str | None:
        """The one person ``written`` means, or ``None`` when nobody or several."""
        found = self.candidates(written)
        return found[0] if len(found) == 1 else None

    def candidates(self, written: str) -> list[str]:
        """Everyone ``written`` could mean, by the first way of reading it that finds
        anyone (alias, initials, full name or part of one, inflected form, near miss):
        one person, several (``resolve`` then answers nobody) or none."""
        written = straight_apostrophes(written).strip().strip(".,;:()").strip()
        if not written:
            return []
        low = written.lower()
        if low in self.aliases:
            return [self.aliases[low]]
        if written.isupper() and len(written) <= 3 and written in self._initials:
            return sorted(self._initials[written])
        for lookup in (self._exact, self._inflection, self._near_miss):
            found = lookup(low)
            if found:
                return sorted(found)
        return []

    def guessed(self, written: str) -> bool:
        """True when ``written`` resolves only as a near miss (``Tommi`` for ``Tomi``):
        worth a secretary's second look."""
        low = straight_apostrophes(written).strip().strip(".,;:()").strip().lower()
        if not low or low in self.aliases or self._exact(low) or self._inflection(low):
            return False
        return len(self._near_miss(low)) == 1

    # Each lookup returns the people it finds (several: ambiguous, stop looking).

    def _exact(self, low: str) -> set[str]:
        return self._keys.get(low, set())

    def _inflection(self, low: str) -> set[str]:
        words = low.split()
        if len(words) > 1:
            # "Yrjö Harjulalle", "Virtasen Liisa": each word must point to the same person
            sets = [self._keys.get(w) or self._inflected_names(w) for w in words]
            return set.intersection(*(set(s) for s in sets)) if all(sets) else set()
        return self._inflected_names(low)

    def _inflected_names(self, word: str) -> set[str]:
        found: set[str] = set()
        for ending in _ENDINGS:
            if ending and word.endswith(ending):
                stem = word[: -len(ending)]
            elif not ending:
                stem = word
            else:
                continue
            if len(stem) >= 3 and stem in self._inflected:
                found |= self._inflected[stem]
        return found

    def _near_miss(self, low: str) -> set[str]:
        if " " in low or len(low) < 4:
            return set()
        from rapidfuzz import fuzz

        scored = [
            (fuzz.ratio(low, first), first)
            for first in self._firsts
            if first[0] == low[0] and abs(len(first) - len(low)) <= 2
        ]
        scored = [(score, first) for score, first in scored if score >= 85]
        if not scored:
            return set()
        best = max(score for score, _ in scored)
        return set().union(*(self._firsts[first] for score, first in scored if score == best))
