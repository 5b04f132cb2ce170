"""The actions the app shows, held in memory so that a filter keystroke or a new sort
answers at once, even at 50,000 actions. Pure Python: no Textual here.

    from tui.index import ActionFilter, ActionIndex

    index = ActionIndex(store.actions(), me="Ingela Kaarto", today=date.today())
    wanted = ActionFilter.parse('@me is:open due:14 budjetti')
    shown = index.select(wanted, sort="due", people=People(registry))
    shown = index.select(wanted, sort="owner", reverse=True)

The filter syntax, one term per word, all terms must hold:

``is:open`` ``is:done`` ``is:cancelled`` ``is:vanished`` ``is:all`` (several ``is:`` add up)
    status; without any, every status but ``vanished`` (no longer in the minutes, not yet
    kept or dropped)
``is:overdue``
    open and due before today
``@ingela`` ``@Ingela_Kaarto`` ``@"Ingela Kaarto"`` ``@me`` ``@Ingelalle``
    owner, read as the command line reads a name (``people_named``): a name or alias
    the people registry knows; else everyone with a name or a word of one starting so
    (``@in`` is Ingela and Ingrid while typing); else a Finnish inflected form or a near
    miss (``@Tommi`` for Tomi); ``_`` stands for a space
``due:7``
    due today or in the next 7 days
``meeting:7be0`` (or ``m:``)
    from the meeting with this id prefix, or with this word in its title
anything else
    words that must all appear in the text, owners, due phrase or notes (as
    ``minutes actions --text``: ``tracker.queries.searched``) or the id

Sorts: by ``due`` date (undated last), ``owner``, ``meeting`` (the latest first, each
meeting's actions by due date),
``status``, ``text`` or ``id``, each also the other way round (``reverse``). The order of
each sort is worked out once and kept until the actions change, so a keystroke costs one
pass over the kept order. ``me``'s actions come first in every sort.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from tracker import Action, StoreError
from tracker.i18n import N_, _
from tracker.queries import searched

if TYPE_CHECKING:
    from tracker.people import People

__all__ = ["SORTS", "STATUSES", "ActionFilter", "ActionIndex", "fold", "owner_token", "people_named",
           "status_word"]

SORTS = ("due", "owner", "meeting", "status", "text", "id")
STATUSES = ("open", "done", "cancelled", "vanished")
_TERM = re.compile(r'(@|[^\s:"]+:)?"([^"]*)"?|\S+')  # a term, maybe quoted after its key


def fold(text: str) -> str:
    """The form in which names and words are compared (as ``tracker.people.fold``)."""
    return " ".join(text.casefold().split())


def owner_token(name: str) -> str:
    """How the filter bar writes an owner: ``@Ingela_Kaarto``."""
    return "@" + "_".join(name.split())


def people_named(typed: str, people: People) -> tuple[list[str], str | None]:
    """Whom an owner typed in the filter means, as the command line reads names, and
    what is wrong when nobody: a name or alias of the registry (``Ingela Kaarto``,
    ``Tommi``); else everyone with a name, an alias or a word of one that starts so (``in``:
    Ingela Kaarto and Ingrid Berg, by name, while the name is being typed); else a Finnish
    inflected form or a near miss (``Ingelalle``, ``Tommi`` for Tomi Rask). The filter bar
    suggests the first, so the suggestion is always among the rows shown."""
    name = " ".join(typed.replace("_", " ").split())
    if not name:
        return [], None
    exact = people.canonical(name)
    if exact is not None:
        return [exact], None
    start = fold(name)
    found = sorted({canonical for known, canonical in people.index.items()
                    if known.startswith(start) or any(w.startswith(start) for w in known.split())},
                   key=fold)
    if found:
        return found, None
    try:
        resolved = people.resolve(name)
    except StoreError as error:  # several people by the parser's reading
        return [], str(error)
    if resolved is not None:
        return [resolved], None
    near = people.closest(name)
    hint = _(" (closest: {names})").format(names=", ".join(near)) if near else ""
    return [], _("nobody called {name} in the people registry{hint}").format(name=name, hint=hint)


@dataclass(frozen=True)
class ActionFilter:
    """What the filter bar asks for; ``problems`` are the terms it could not read."""

    statuses: frozenset[str] = frozenset()  # empty: every status but vanished
    overdue: bool = False
    owner: str | None = None
    due_within: int | None = None
    meeting: str | None = None
    words: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> ActionFilter:
        statuses: set[str] = set()
        overdue = False
        owner = due_within = meeting = None
        words: list[str] = []
        problems: list[str] = []
        for match in _TERM.finditer(text):
            term, head, value = match.group(0), match.group(1), match.group(2)
            if value is None:  # not quoted
                if term.startswith("@"):
                    head, value = "@", term[1:]
                elif ":" in term:
                    head, _, value = term.partition(":")
                    head += ":"
                else:
                    head, value = "", term
            head = (head or "").casefold()
            if head == "@":
                name = " ".join(value.replace("_", " ").split())
                if name:
                    owner = name
            elif head in ("is:", "status:"):
                value = value.casefold()
                if value == "overdue":
                    overdue = True
                elif value == "all":
                    statuses.update(STATUSES)
                elif value in STATUSES:
                    statuses.add(value)
                elif value:
                    problems.append(term)
            elif head == "due:":
                if value.isdigit():
                    due_within = int(value)
                elif value:
                    problems.append(term)
            elif head in ("meeting:", "m:"):
                meeting = value.strip() or None
            elif head == "":
                if value.strip():
                    words.append(value.strip())
            else:  # a colon that is no term of ours (``klo 9:00``): a word
                words.append(term)
        return cls(frozenset(statuses), overdue, owner, due_within, meeting, tuple(words),
                   tuple(problems))

    def describe(self) -> str:
        """A few words for the status line, in the language spoken."""
        if self.statuses == frozenset(STATUSES):
            parts = [_("any status")]
        else:
            parts = [_(" or ").join(status_word(s) for s in STATUSES if s in self.statuses)
                     or _("any status but vanished")]
        if self.overdue:
            parts.append(_("overdue"))
        if self.owner:
            parts.append(_("owner {name}").format(name=self.owner))
        if self.due_within is not None:
            parts.append(_("due within {n} days").format(n=self.due_within))
        if self.meeting:
            parts.append(_("meeting {meeting}").format(meeting=self.meeting))
        if self.words:
            parts.append("“" + " ".join(self.words) + "”")
        return ", ".join(parts)


STATUS_WORDS = {"open": N_("open"), "done": N_("done"), "cancelled": N_("cancelled"),
                "vanished": N_("vanished")}


def status_word(status: str) -> str:
    """A status in the language spoken (``open`` is ``avoin`` in Finnish)."""
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else status


@dataclass
class ActionIndex:
    """Every action of the store, with what filtering and sorting need worked out once
    (held column by column: a filter pass touches only the columns it tests).

    ``me`` is a canonical name (or None); ``today`` decides what is overdue.
    """

    actions: Iterable[Action] = ()
    me: str | None = None
    today: date = field(default_factory=date.today)

    def __post_init__(self) -> None:
        self._me = fold(self.me) if self.me else None
        self._actions: list[Action] = list(self.actions)
        self.actions = ()  # the columns hold them
        self._status = [a.status for a in self._actions]
        self._due = [a.due for a in self._actions]
        self._meeting = [a.meeting.id for a in self._actions]
        folded: dict[tuple[str, ...], frozenset[str]] = {}  # few distinct owner lists
        self._owners = [folded.get(a.owners) or folded.setdefault(a.owners, _folded(a.owners))
                        for a in self._actions]
        self._haystack: list[str] | None = None  # worked out by prepare() or the first search
        self._lock = threading.Lock()  # prepare() may run in a worker
        me = self._me
        self._mine = [me is not None and me in owners for owners in self._owners]
        self._positions = {a.id: i for i, a in enumerate(self._actions)}
        self._orders: dict[str, list[int]] = {}
        self._given_order = True  # still in the store's order: by due date

    def __len__(self) -> int:
        return len(self._actions)

    def __contains__(self, action_id: str) -> bool:
        return action_id in self._positions

    def get(self, action_id: str) -> Action | None:
        position = self._positions.get(action_id)
        return self._actions[position] if position is not None else None

    def all(self) -> list[Action]:
        return list(self._actions)

    def owners(self) -> list[str]:
        """Every owner name in use, by name."""
        return sorted({name for a in self._actions for name in a.owners}, key=fold)

    def meeting_counts(self) -> dict[str, tuple[int, int]]:
        """``(open, all)`` actions by meeting id."""
        counts: dict[str, tuple[int, int]] = {}
        for status, meeting in zip(self._status, self._meeting):
            open_, every = counts.get(meeting, (0, 0))
            counts[meeting] = (open_ + (status == "open"), every + 1)
        return counts

    def of_meeting(self, meeting_id: str) -> list[Action]:
        """A meeting's actions (by due date; the order of its minutes is kept with the
        sentences, in the store's second line)."""
        return [self._actions[i] for i in self._order("due") if self._meeting[i] == meeting_id]

    def replace(self, action: Action) -> None:
        """Take in a changed action (a new one is added). The kept orders stay: the action
        moves to its new place in each (a status change moves it in no sort but by status),
        so the next keystroke costs no new sort."""
        with self._lock:
            if self._given_order:  # keep the store's order by due date while it is right
                self._order("due")
                self._given_order = False
            i = self._positions.get(action.id)
            columns = [self._actions, self._status, self._due, self._meeting, self._owners, self._mine]
            if self._haystack is not None:
                columns.append(self._haystack)
            old = None
            if i is None:
                i = self._positions[action.id] = len(self._actions)
                for column in columns:
                    column.append(None)
            else:
                old = (self._actions[i], self._mine[i])
            owners = _folded(action.owners)
            self._actions[i], self._status[i], self._due[i] = action, action.status, action.due
            self._meeting[i], self._owners[i] = action.meeting.id, owners
            self._mine[i] = self._me is not None and self._me in owners
            if self._haystack is not None:
                self._haystack[i] = _haystack(action)
            self._reorder(i, old)

    def _reorder(self, i: int, old: tuple[Action, bool] | None) -> None:
        """Move action ``i`` to its place in every kept order (``old``: the action and
        whether it was mine, before it changed; None for a new one)."""
        actions, mine = self._actions, self._mine
        for sort, reverse in list(self._orders):
            if reverse:  # made again from the forward order when asked for
                del self._orders[(sort, reverse)]
                continue
            key, order = _SORT_KEYS[sort], self._orders[(sort, reverse)]
            if old is not None and old[1] == mine[i] and key(old[0]) == key(actions[i]):
                continue
            if old is not None:
                order.remove(i)
            place = bisect.bisect(order, (not mine[i], key(actions[i])),
                                  key=lambda j: (not mine[j], key(actions[j])))
            order.insert(place, i)

    def prepare(self) -> None:
        """Work out now what free words are searched in (else the first search does it;
        at 50,000 actions it takes 0.05 s, better spent after the first paint)."""
        self._words()

    def _words(self) -> list[str]:
        haystack = self._haystack
        if haystack is None:
            with self._lock:
                if self._haystack is None:
                    self._haystack = [_haystack(a) for a in self._actions]
                haystack = self._haystack
        return haystack

    # -- choosing and ordering ---------------------------------------------------------------

    def select(self, wanted: ActionFilter, sort: str = "due", *, reverse: bool = False,
               people: People | None = None) -> list[Action]:
        """The actions ``wanted`` asks for, in the order of ``sort`` (``reverse``: the
        other way round), ``me``'s first. ``people`` is the registry owners are read by
        (``people_named``; without it, any owner whose name starts as typed)."""
        chosen = self._order(sort, reverse)
        status, statuses = self._status, wanted.statuses
        if statuses != frozenset(STATUSES):
            if statuses:
                chosen = [i for i in chosen if status[i] in statuses]
            else:
                chosen = [i for i in chosen if status[i] != "vanished"]
        if wanted.overdue:
            status, due, today = self._status, self._due, self.today
            chosen = [i for i in chosen if status[i] == "open" and due[i] is not None and due[i] < today]
        if wanted.due_within is not None:
            due = self._due
            first, last = self.today, self.today + timedelta(days=wanted.due_within)
            chosen = [i for i in chosen if due[i] is not None and first <= due[i] <= last]
        if wanted.owner:
            owners, names = self._owners, self._owner_names(wanted.owner, people)
            chosen = [i for i in chosen if not names.isdisjoint(owners[i])]
        if wanted.meeting:
            meeting, meetings = self._meeting, self._meetings(wanted.meeting)
            chosen = [i for i in chosen if meeting[i] in meetings]
        haystack = self._words() if wanted.words else None
        for word in {fold(w) for w in wanted.words}:
            chosen = [i for i in chosen if word in haystack[i]]
        actions = self._actions
        return [actions[i] for i in chosen]

    def _owner_names(self, typed: str, people: People | None) -> set[str]:
        if fold(typed) == "me":
            return {self._me} if self._me else set()
        if people is not None:
            return {fold(name) for name in people_named(typed, people)[0]}
        start = fold(typed.replace("_", " "))
        known = set().union(*set(self._owners)) if self._owners else set()
        return {name for name in known
                if name.startswith(start) or any(w.startswith(start) for w in name.split())}

    def _meetings(self, typed: str) -> set[str]:
        word = fold(typed)
        found = set()
        for a in {a.meeting.id: a for a in self._actions}.values():
            if a.meeting.id.startswith(word) or word in fold(a.meeting.title or ""):
                found.add(a.meeting.id)
        return found

    def _order(self, sort: str, reverse: bool = False) -> list[int]:
        if sort not in SORTS:
            raise ValueError(f"unknown sort {sort!r}: use {', '.join(SORTS)}")
        order = self._orders.get((sort, reverse))
        if order is None:
            mine, everyone = self._mine, range(len(self._actions))
            if reverse:
                forward = self._order(sort)
                order = [i for i in reversed(forward) if mine[i]] + [i for i in reversed(forward) if not mine[i]]
            elif sort == "due" and self._given_order:
                # the store gives its actions by due date: put mine first, keep the rest
                order = [i for i in everyone if mine[i]] + [i for i in everyone if not mine[i]]
            else:
                key, actions = _SORT_KEYS[sort], self._actions
                order = sorted(everyone, key=lambda i: (not mine[i], key(actions[i])))
            self._orders[(sort, reverse)] = order
        return order

    def with_words(self, words: list[str], most: int) -> list[Action]:
        """The first ``most`` actions (by due date) whose text has every one of ``words``
        (folded), for the palette."""
        found = []
        actions = self._actions
        for i in self._order("due"):
            text = fold(actions[i].text)
            if all(w in text for w in words):
                found.append(actions[i])
                if len(found) >= most:
                    break
        return found


def _haystack(action: Action) -> str:
    """What free words are looked for in (as ``tracker.queries.text``, and the id)."""
    return action.id + " " + searched(action.text, action.owners, action.due_text,
                                      (note.text for note in action.notes))


def _folded(owners: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(name) for name in owners)


def _due_key(a: Action) -> tuple:
    return (a.due or date.max, a.meeting.date or date.min, a.id)


def _owner_key(a: Action) -> tuple:
    return (fold(a.owners[0]) if a.owners else "\uffff", *_due_key(a))


def _meeting_key(a: Action) -> tuple:
    # the latest meeting first
    day = a.meeting.date.toordinal() if a.meeting.date else 0
    return (-day, a.meeting.id, *_due_key(a))


def _status_key(a: Action) -> tuple:
    return (STATUSES.index(a.status) if a.status in STATUSES else len(STATUSES), *_due_key(a))


def _text_key(a: Action) -> tuple:
    return (fold(a.text), a.id)


def _id_key(a: Action) -> tuple:
    return (a.id,)


_SORT_KEYS = {"due": _due_key, "owner": _owner_key, "meeting": _meeting_key, "status": _status_key,
              "text": _text_key, "id": _id_key}
