"""Short ids people can type: at least six hex characters of a hash, longer only where
needed to stay unique, and any unique prefix of four characters or more accepted.

No id is a prefix of another, so an id typed in full is never ambiguous. A shorter prefix
is never guessed, not even when one id starts with it (``2`` is not ``2dea70``): someone
used to ``task 2 done`` would close the wrong action. The refusal lists the candidates.
"""

from __future__ import annotations

from collections.abc import Mapping

from tracker.errors import AmbiguousId, UnknownId
from tracker.i18n import N_, _

__all__ = ["IdSpace", "find"]

SHORTEST = 6
SHORTEST_PREFIX = 4  # what a person must type of an id


KINDS = {"action": N_("action"), "meeting": N_("meeting")}  # what an id names, in words


def find(prefix: str, tables: Mapping[str, Mapping[str, object]]) -> tuple[str, str]:
    """The ``(kind, id)`` that ``prefix`` names among ``tables`` (kind -> table by id).

    Raises ``UnknownId`` or ``AmbiguousId`` with a one-line message.
    """
    wanted = prefix.strip().lower()
    kinds = _(" or ").join(_(KINDS.get(kind, kind)) for kind in tables)
    if not wanted:
        raise UnknownId(_("an empty {kinds} id").format(kinds=kinds))
    for kind, table in tables.items():
        if wanted in table:
            return kind, wanted
    matches = [(kind, key) for kind, table in tables.items() for key in table if key.startswith(wanted)]
    if not matches:
        raise UnknownId(_("no {kinds} has the id {prefix}").format(kinds=kinds, prefix=repr(prefix)))
    if len(wanted) < SHORTEST_PREFIX:
        raise AmbiguousId(_("{prefix} is too short for an id: type {n} characters or more of one "
                            "({candidates})").format(prefix=repr(prefix), n=SHORTEST_PREFIX,
                                                     candidates=_candidates(matches, tables)))
    if len(matches) > 1:
        raise AmbiguousId(_("{prefix} is the start of {n} ids: type more of one ({candidates})").format(
            prefix=repr(prefix), n=len(matches), candidates=_candidates(matches, tables)))
    return matches[0]


def _candidates(matches: list[tuple[str, str]], tables: Mapping[str, Mapping[str, object]],
                most: int = 5) -> str:
    """The ids a prefix could mean, each with the start of what it names."""
    shown = []
    for kind, key in sorted(matches, key=lambda match: match[1])[:most]:
        doc = tables[kind][key]
        words = " ".join(str(doc.get("text") or doc.get("title") or "").split()) if isinstance(doc, dict) else ""
        words = words if len(words) <= 40 else words[:39] + "…"
        shown.append(f"{key} {words}".rstrip())
    more = f"; {len(matches) - most} more" if len(matches) > most else ""
    return "; ".join(shown) + more


class IdSpace:
    """The ids in use (of every table that shares the space) and how to make a new one."""

    def __init__(self, *tables: Mapping[str, object]) -> None:
        self._ids: set[str] = set()
        self._prefixes: set[str] = set()  # the proper prefixes of ids longer than SHORTEST
        for table in tables:
            for key in table:
                self._add(key)

    def _add(self, key: str) -> None:
        self._ids.add(key)
        for end in range(SHORTEST, len(key)):
            self._prefixes.add(key[:end])

    def _taken(self, candidate: str) -> bool:
        return (
            candidate in self._ids
            or candidate in self._prefixes
            or any(candidate[:end] in self._ids for end in range(SHORTEST, len(candidate)))
        )

    def new(self, seed: str) -> str:
        """A fresh id derived from ``seed`` (the same seed gives the same id in an empty space)."""
        import hashlib

        digest = hashlib.sha1(seed.encode()).hexdigest()
        for end in range(SHORTEST, len(digest) + 1):
            if not self._taken(digest[:end]):
                self._add(digest[:end])
                return digest[:end]
        return self.new(seed + "'")  # every prefix of this digest is taken: try another
