"""Who a written name means: a person of the meeting, the holder of a role, a group.

    >>> from minutes.model import Attendee, Minutes, SourceFile
    >>> m = Minutes(SourceFile(None, "text", ""), "sv", attendees=[Attendee("Sekreterare"),
    ...     Attendee("Vice Ordförande"), Attendee("Ordförande")])
    >>> from minutes.lang import profile
    >>> r = Roster(m, profile("sv"))
    >>> r.resolve("VOrdf"), r.resolve("Sekr"), r.resolve("Ordf")
    ('Vice Ordförande', 'Sekreterare', 'Ordförande')

A name resolves to the one person it can mean, never to a guess between two. A role
abbreviation meets the role it shortens (``VOrdf`` is *V*ice *Ordf*örande), without the
marks on its letters (``Hovmastare`` is ``Hovmästare``). A chair or secretary word (``sihteeri``,
``the chair``) is the person the attendee list gives that role.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..lang import Profile
from ..model import Minutes
from ..people import PeopleIndex

__all__ = ["Roster", "fold"]


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower case without the marks on letters: ``Kassör`` -> ``kassor``."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


class Roster:
    """The people of one meeting, and the words that name them."""

    def __init__(self, minutes: Minutes, profile: Profile, handles: dict[str, str] | None = None):
        self.minutes = minutes
        self.profile = profile
        people = [*minutes.attendees, *minutes.absent]
        self.people = PeopleIndex(people, aliases=handles or {})
        self.names = [p.name for p in people]
        self.roles: dict[str, str] = {}
        for person in people:  # "kulttuurisihteeri, esittelijä": each role names the person
            for role in re.split(r"\s*[,/;]\s*", fold(person.role or "")):
                if role and self.roles.setdefault(role, person.name) != person.name:
                    self.roles[role] = ""  # two people hold it: it names neither
        self.roles = {role: name for role, name in self.roles.items() if name}
        self.groups = {
            form.lower(): canonical for canonical, forms in profile.groups.items() for form in forms
        }
        self._spelled = [(tuple(re.findall(r"\w+", fold(n))), n) for n in self.names]
        self._spelled += [(tuple(re.findall(r"\w+", key)), name) for key, name in self.roles.items()]
        self._determiners = frozenset(fold(w) for w in profile.roles.get("determiners", ()))
        self._resolved: dict[str, str | None] = {}
        self._parts = {fold(part) for name in self.names for part in name.split()}
        # a name, inflected or misspelt, keeps the first two letters of one of its parts
        self._starts = {fold(part)[:2] for name in self.names for part in name.split()}
        self.known: set[str] = set()  # names the document uses as people (headings, "Name:" lines)
        self.lower_words: set[str] = set()  # the words the document writes in lower case
        self.lower_stems: set[str] = set()  # their first six letters
        self.office = {
            fold(w).rstrip("."): getattr(minutes, office)
            for office in ("chair", "secretary")
            for w in profile.roles.get(office, ())
            if getattr(minutes, office)
        }

    def __bool__(self) -> bool:
        return bool(self.names)

    def resolve(self, written: str) -> str | None:
        """The person (or role holder) ``written`` names, or None."""
        if written not in self._resolved:
            self._resolved[written] = self._resolve(written)
        return self._resolved[written]

    def _resolve(self, written: str) -> str | None:
        written = written.strip().strip(".,;:()!?*").strip()
        if not written:
            return None
        if written.startswith("@"):
            return self.people.resolve(written[1:])
        if fold(written)[:2] in self._starts or self.people.aliases or written.isupper() and len(written) <= 3:
            found = self.people.resolve(written)
            if found:
                return found
        words = fold(written).split()
        while len(words) > 1 and words[0] in self._determiners:
            words = words[1:]  # "the chair", "kokouksen sihteeri"
        low = " ".join(words)
        if low in self.office:
            return self.office[low]
        if low in self.roles:
            return self.roles[low]
        return self._abbreviation(low)

    def _abbreviation(self, low: str) -> str | None:
        """``VOrdf`` -> ``Vice Ordförande``: the role (or a roster name that is a role) whose
        words begin with the pieces of the abbreviation, in order."""
        if len(low) < 2 or " " in low or len(low) > _LONGEST_ABBREVIATION:
            return None
        found = {name for words, name in self._spelled if words and words[0][0] == low[0] and _abbreviates(low, words)}
        return found.pop() if len(found) == 1 else None

    def is_name_part(self, word: str) -> bool:
        """Whether ``word`` is a name as the list writes it (``Ville``), not an inflected form."""
        return fold(word) in self._parts

    def group(self, written: str) -> str | None:
        """A group word (``kaikki``, ``the board``, ``alla``) as written, else None."""
        low = written.strip().strip(".,;:()").lower()
        return written.strip().strip(".,;:()") if low in self.groups else None


_LONGEST_ABBREVIATION = 8  # "Ordf", "VOrdf", "Kassör" shortened; a longer word is no abbreviation


@lru_cache(maxsize=4096)
def _abbreviates(abbr: str, words: tuple[str, ...]) -> bool:
    """Whether ``abbr`` is made of the beginnings of ``words`` in order, every word used and
    the first at least two letters long unless there are several."""
    if not words:
        return False
    if len(words) == 1:
        return len(abbr) >= 2 and words[0].startswith(abbr) and len(abbr) < len(words[0]) + 1
    first = words[0]
    for cut in range(1, min(len(first), len(abbr) - 1) + 1):
        if first.startswith(abbr[:cut]) and _abbreviates(abbr[cut:], words[1:]):
            return True
    return False
