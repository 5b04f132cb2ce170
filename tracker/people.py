"""The people registry: one canonical name per person and the other names the minutes use
for them (``Tommi`` for ``Tomi Rask``), so an action's owners are the same person in every
meeting. Names are compared as ``minutes.text.fold`` has them: case-insensitively, NFC,
with one kind of apostrophe (``O’Neill`` is ``O'Neill``).

The table maps each canonical name to its aliases::

    "people": {"Tomi Rask": {"aliases": ["Tommi"]}}

Owners are stored canonical: an import maps the names it reads through the registry, and
``alias`` rewrites the owners of existing actions. A name a person types (``assign``,
``--owner``) is read as the parser reads names in minutes (``minutes.people``): by name or
alias, a word of one name, a Finnish inflected form (``Ingelalle``), a near miss (``Tommi``),
never a guess between two; a name that means nobody is refused with the closest ones.
"""

from __future__ import annotations

from collections.abc import Iterable

from minutes.text import clean, fold
from tracker.errors import StoreError, UnknownPerson
from tracker.i18n import _

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing on every command
if TYPE_CHECKING:
    from minutes.people import PeopleIndex

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
        self._parser_index: PeopleIndex | None = None

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
        self._parser_index = None

    def canonical(self, name: str) -> str | None:
        """The canonical name for ``name`` or one of its aliases, if registered."""
        return self.index.get(fold(name))

    def resolve(self, name: str) -> str | None:
        """The person ``name`` means: an exact name or alias; the one person with that
        word in a name (``ingela`` -> ``Ingela Kaarto``); else as the parser reads a name
        (``Ingelalle``, ``Tommi`` for ``Tomi Rask``). None when nobody matches; ``StoreError``
        when several do."""
        exact = self.canonical(name)
        if exact is not None:
            return exact
        word = fold(name)
        found = [] if " " in word else sorted(
            {canonical for known, canonical in self.index.items() if word in known.split()})
        if not found and word:
            found = self._as_the_parser_reads(name)
        if len(found) > 1:
            raise StoreError(_("{name} could be {people}; give the full name").format(
                name=repr(name), people=", ".join(found)))
        return found[0] if found else None

    def known(self, name: str) -> str:
        """The person ``name`` means (``resolve``); ``UnknownPerson`` with the closest
        registered names when nobody."""
        found = self.resolve(name)
        if found is None:
            raise UnknownPerson(tidy(name), self.closest(name))
        return found

    def closest(self, name: str, most: int = 3) -> list[str]:
        """The registered people nearest to ``name``: by the likeness of their names,
        aliases or a word of them (``Salmi`` -> ``Inkeri Salmela``)."""
        from rapidfuzz import fuzz, process

        choices: dict[str, str] = {}  # a folded name, alias or word of one -> the person
        for known, canonical in self.index.items():
            for choice in (known, *known.split()):
                choices.setdefault(choice, canonical)
        near = process.extract(fold(name), list(choices), scorer=fuzz.ratio, limit=most * 3,
                               score_cutoff=60)
        return list(dict.fromkeys(choices[choice] for choice, _, _ in near))[:most]

    def group(self, written: Iterable[str]) -> list[str]:
        """The names in what a person typed, as a shell splits it: a name with a space in
        it is one name as given (it was quoted), commas separate names, and words given one
        by one (``assign ID Markus Fröjdman``) are grouped: the longest run (up to four)
        that names someone is one name, the words between such runs one new name."""
        names: list[str] = []
        words: list[str] = []  # single words waiting to be grouped
        for argument in written:
            pieces = [tidy(piece) for piece in argument.split(",")]
            for number, piece in enumerate(pieces):
                if number or " " in piece:
                    names += self._grouped(words)
                    words = []
                if " " in piece:
                    names.append(piece)
                elif piece:
                    words.append(piece)
            if len(pieces) > 1:  # "Anna," ends a name
                names += self._grouped(words)
                words = []
        return names + self._grouped(words)

    def _grouped(self, words: list[str]) -> list[str]:
        """Words given one by one as names: each longest run that names someone, and
        between them the words that name nobody as one name. A word that is only part of
        someone's name (``Laine`` of ``Anna Laine``) next to such words goes with them:
        ``Liisa Laine`` is one name, not Liisa and Anna Laine."""
        runs: list[tuple[list[str], str]] = []  # (words, "name" | "part" | "nobody")
        start = 0
        while start < len(words):
            end = next((end for end in range(min(len(words), start + 4), start, -1)
                        if self._names_someone(" ".join(words[start:end]))), None)
            if end is None:
                runs.append(([words[start]], "nobody"))
                start += 1
                continue
            run = words[start:end]
            runs.append((run, "part" if len(run) == 1 and self._is_name_word(run[0]) else "name"))
            start = end
        names: list[str] = []
        nobody: list[str] = []
        for number, (run, kind) in enumerate(runs):
            beside = {runs[i][1] for i in (number - 1, number + 1) if 0 <= i < len(runs)}
            if kind == "nobody" or kind == "part" and "nobody" in beside:
                nobody += run
                continue
            if nobody:
                names.append(" ".join(nobody))
                nobody = []
            names.append(" ".join(run))
        return names + ([" ".join(nobody)] if nobody else [])

    def _is_name_word(self, word: str) -> bool:
        """``word`` is a word of someone's name, as written there, and not the whole name."""
        folded = fold(word)
        return folded not in self.index and any(folded in known.split() for known in self.index)

    def _names_someone(self, name: str) -> bool:
        try:
            return self.resolve(name) is not None
        except StoreError:  # several people: a name all the same, refused when resolved
            return True

    def _as_the_parser_reads(self, name: str) -> list[str]:
        """Whom the parser's name index (``minutes.people``) finds for ``name``: Finnish
        inflected forms and near misses of the registered names, one or several."""
        if self._parser_index is None:
            from minutes.people import PeopleIndex

            aliases = {other: canonical for canonical, person in self.table.items()
                       for other in person.get("aliases", ())}
            self._parser_index = PeopleIndex(list(self.table), aliases=aliases)
        return self._parser_index.candidates(name)

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
        raise StoreError(_("an alias and a name are both needed"))
    people = tx.people
    target = register(tx, name)
    source = people.canonical(other)
    if source == target:
        if fold(other) == fold(target):
            raise StoreError(_("{alias} is {name} already").format(alias=repr(other), name=repr(target)))
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
