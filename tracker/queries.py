"""Queries over actions that compose with ``&``, ``|`` and ``~``::

    from tracker import queries as q

    store.actions(q.owner("Tommi") & q.status("open") & (q.overdue() | q.due_within(7)))

A query is a description until the store runs it: it is then compiled once against the
store's context (today's date, the people registry, the meetings) into a plain test of an
action document, and every action is scanned with it. Names go through the registry, so
``owner("Tommi")`` finds the actions of ``Tomi Rask`` when ``Tommi`` is his alias.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Iterable
from datetime import timedelta

from tracker.codec import STATUSES
from tracker.errors import StoreError
from tracker.ids import find
from tracker.people import fold
from tracker.i18n import _

__all__ = ["Context", "Query", "due_within", "meeting", "overdue", "owner", "searched", "status", "text"]

Test = Callable[[dict], bool]


class Context(namedtuple("Context", "today people meetings")):
    """What a query may need to know besides the action itself: ``today`` (a date), the
    ``people`` registry and the ``meetings`` table."""

    __slots__ = ()


class Query:
    """A test of one action, built by the functions of this module and composable."""

    __slots__ = ("_compile", "text")

    def __init__(self, compile: Callable[[Context], Test], text: str) -> None:
        """A test reads only what a listing shows (``codec.HOT``): the store reads its
        second line for no query."""
        self._compile = compile
        self.text = text

    def compile(self, context: Context) -> Test:
        return self._compile(context)

    def __and__(self, other: Query) -> Query:
        def compile(context: Context) -> Test:
            first, second = self.compile(context), other.compile(context)
            return lambda action: first(action) and second(action)

        return Query(compile, f"({self.text} & {other.text})")

    def __or__(self, other: Query) -> Query:
        def compile(context: Context) -> Test:
            first, second = self.compile(context), other.compile(context)
            return lambda action: first(action) or second(action)

        return Query(compile, f"({self.text} | {other.text})")

    def __invert__(self) -> Query:
        def compile(context: Context) -> Test:
            test = self.compile(context)
            return lambda action: not test(action)

        return Query(compile, f"~{self.text}")

    def __repr__(self) -> str:
        return f"Query({self.text})"


def owner(name: str) -> Query:
    """Owned by this person, under any of their names (a first name will do when only
    one person has it; an inflected form or a near miss as the parser reads them).
    ``UnknownPerson`` when the name means nobody in the registry."""

    def compile(context: Context) -> Test:
        people = context.people
        names = people.names_of(people.known(name))
        verdicts: dict[str, bool] = {}  # owner as stored -> one of the names? (few distinct)

        def test(action: dict) -> bool:
            for stored in action["owners"]:
                verdict = verdicts.get(stored)
                if verdict is None:
                    verdict = verdicts[stored] = fold(stored) in names
                if verdict:
                    return True
            return False

        return test

    return Query(compile, f"owner {name!r}")


def status(*statuses: str) -> Query:
    """In one of these states (``open``, ``done``, ``cancelled``, ``vanished``: no longer in
    the minutes, not yet kept or dropped)."""
    unknown = [s for s in statuses if s not in STATUSES]
    if unknown or not statuses:
        raise StoreError(_("unknown status {status}: use open, done, cancelled or vanished").format(
            status=repr((unknown or [''])[0])))
    wanted = frozenset(statuses)
    return Query(lambda context: lambda action: action["status"] in wanted,
                 f"status {'|'.join(statuses)}")


def overdue() -> Query:
    """Open and due before today."""

    def compile(context: Context) -> Test:
        today = context.today.isoformat()
        return lambda action: (action["status"] == "open" and action["due"] is not None
                               and action["due"] < today)

    return Query(compile, "overdue")


def due_within(days: int) -> Query:
    """Due today or in the next ``days`` days (whatever the status)."""
    if days < 0:
        raise StoreError(_("due within {n} days: the number of days cannot be negative").format(n=days))

    def compile(context: Context) -> Test:
        first = context.today.isoformat()
        last = (context.today + timedelta(days=days)).isoformat()
        return lambda action: action["due"] is not None and first <= action["due"] <= last

    return Query(compile, f"due within {days} days")


def meeting(meeting_id: str) -> Query:
    """From this meeting (any unique prefix of its id)."""

    def compile(context: Context) -> Test:
        _, wanted = find(meeting_id, {"meeting": context.meetings})
        return lambda action: action["meeting"] == wanted

    return Query(compile, f"meeting {meeting_id!r}")


def text(words: str) -> Query:
    """Every one of these words (case-insensitively) in what ``searched`` joins."""
    wanted = fold(words).split()

    def compile(context: Context) -> Test:
        def test(action: dict) -> bool:
            haystack = searched(action["text"], action["owners"], action.get("due_text"),
                                (note["text"] for note in action.get("notes") or ()))
            return all(word in haystack for word in wanted)

        return test

    return Query(compile, f"text {words!r}")


def searched(text: str, owners: Iterable[str], due_text: str | None, notes: Iterable[str]) -> str:
    """What words are looked for in, folded: an action's text, owners, due phrase and notes
    (what a listing shows; the sentence of the minutes, kept with the history, is left out
    so that a search at 50,000 actions reads no more than a listing). The terminal UI's
    filter looks in the same."""
    return " ".join([text, *owners, due_text or "", *notes]).casefold()
