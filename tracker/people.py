"""The people registry: one canonical name per person and the other names the minutes use
for them (``Tommi`` for ``Tomi Aho``), so an action's owners are the same person in every
meeting. Names are compared as ``minutes.text.fold`` has them: case-insensitively, NFC,
with one kind of apostrophe (``O’Neill`` is ``O'Neill``).

The table maps each canonical name to its aliases::

    "people": {"Tomi Aho": {"aliases": ["Tommi"]}}

Owners are stored canonical: an import maps the names it reads through the registry, and
``alias`` rewrites the owners of existing actions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minutes.text import clean, fold
from tracker.errors import StoreError

if TYPE_CHECKING:
    from tracker.operations import Transaction

__all__ = ["People", "alias", "fold", "register", "tidy"]


def tidy(name: str) -> str:
    """The form in which names are stored: cleaned (``minutes.text.clean``), single spaces."""
    return " ".join(clean(name).split())


class People:
    """A read view of the people table with case-insensitive lookups."""

    def __init__(self, table: dict[str, dict]) -> None:
        self.table = table
        self._index: dict[str, str] | None = None

    @property
    def index(self) -> dict[str, str]:
        """Every name and alias (folded) -> the canonical name."""
        if self._index is None:
            index = {}
            for name, person in self.table.items():
                index[fold(name)] = name
                for other in person.get("aliases", ()):
                    index.setdefault(fold(other), name)
            self._index = index
        return self._index

    def changed(self) -> None:
        self._index = None

    def canonical(self, name: str) -> str | None:
        """The canonical name for ``name`` or one of its aliases, if registered."""
        return self.index.get(fold(name))

    def resolve(self, name: str) -> str | None:
        """The person ``name`` means: an exact name or alias, else the one person with
        that word in a name (``inga`` -> ``Inga Savukoski``). None when nobody matches;
        ``StoreError`` when several do."""
        exact = self.canonical(name)
        if exact is not None:
            return exact
        word = fold(name)
        if " " in word:
            return None
        found = sorted({canonical for known, canonical in self.index.items() if word in known.split()})
        if len(found) > 1:
            raise StoreError(f"{name!r} could be {', '.join(found)}; give the full name")
        return found[0] if found else None

    def names_of(self, name: str) -> set[str]:
        """The folded names a person goes by (just ``name`` when not registered)."""
        canonical = self.canonical(name)
        if canonical is None:
            return {fold(name)}
        person = self.table[canonical]
        return {fold(canonical), *(fold(other) for other in person.get("aliases", ()))}


def register(tx: Transaction, name: str) -> str:
    """The canonical name for ``name``, adding the person when new."""
    name = tidy(name)
    canonical = tx.people.canonical(name)
    if canonical is None:
        tx.create("person", name, {"aliases": []})
        tx.people.changed()
        canonical = name
    return canonical


def alias(tx: Transaction, other: str, name: str) -> str:
    """Make ``other`` another name of ``name`` (registering ``name`` if new) and return
    the canonical name. A person registered as ``other`` is merged into ``name``: their
    aliases move over and their actions are reassigned."""
    other, name = tidy(other), tidy(name)
    if not other or not name:
        raise StoreError("an alias and a name are both needed")
    people = tx.people
    target = register(tx, name)
    source = people.canonical(other)
    if source == target:
        if fold(other) == fold(target):
            raise StoreError(f"{other!r} is {target!r} already")
        return target
    moved = [other]
    if source is not None and fold(source) == fold(other):
        # a person of their own until now: merge them into the target
        moved = [source, *tx.data["people"][source].get("aliases", ())]
        tx.delete("person", source)
    elif source is not None:
        # an alias of someone else: take it from them
        person = tx.data["people"][source]
        kept = [a for a in person.get("aliases", ()) if fold(a) != fold(other)]
        tx.set("person", source, person, "aliases", kept)
    person = tx.data["people"][target]
    known = {fold(a) for a in person.get("aliases", ())}
    added = [a for a in moved if fold(a) not in known and fold(a) != fold(target)]
    tx.set("person", target, person, "aliases", [*person.get("aliases", ()), *added])
    people.changed()
    folded = {fold(a) for a in moved}
    for action_id, action in tx.data["actions"].items():
        owners = action["owners"]
        if any(fold(owner) in folded for owner in owners):
            renamed = [target if fold(owner) in folded else owner for owner in owners]
            tx.set("action", action_id, action, "owners", list(dict.fromkeys(renamed)))
    return target
