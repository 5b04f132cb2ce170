"""The messages of the app: what widgets, screens and workers tell those above them.

Each is a ``@dataclass`` ``Message``; a worker posts one when its work is done, a widget
when the person did something. Screens and the app handle them (``on_open_action``…).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from textual.message import Message

if TYPE_CHECKING:
    from minutes.model import Minutes
    from tracker import Action, Change, Meeting, Person
    from tracker.importer import ImportResult
    from tui.index import ActionFilter, ActionIndex

__all__ = [
    "ActionHighlighted",
    "ActionsLoaded",
    "ChangeRefused",
    "ChangeWritten",
    "FilterChanged",
    "ImportFinished",
    "MinutesParsed",
    "OpenAction",
    "OpenMeeting",
    "SortAsked",
    "StoreAnswered",
]


@dataclass
class ActionsLoaded(Message):
    """The store's thread read the store: the index of its actions, its meetings and people,
    who ``me`` is in the registry (``me_problem`` when nobody or several people), and the
    actions that differ from the ones it read before (``outside``: another process changed
    them) — or ``error`` instead, when the store could not be read."""

    index: ActionIndex | None
    meetings: list[Meeting] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    me: str | None = None
    signature: Any = None
    error: str | None = None
    me_problem: str | None = None
    outside: frozenset[str] = frozenset()
    partial: bool = False  # only the first screenful: the whole index follows


@dataclass
class ChangeWritten(Message):
    """The store's thread wrote a change: its history entries, the actions it changed as
    stored now and the people registry when owners changed (``actions`` None: the whole
    store is being read again, ``reading``); ``done`` is the toast that confirms it and
    ``then`` what the screen asked to run after it."""

    changes: list[Change]
    actions: list[Action] | None
    people: list[Person] | None
    done: str | None = None
    then: Callable[[list[Change]], None] | None = None
    reading: bool = False


@dataclass
class ChangeRefused(Message):
    """The store refused a change (``error``); ``before`` are the actions as they were,
    to be shown again, ``yours`` what the person asked for."""

    error: Exception
    before: list[Action]
    yours: str = ""


@dataclass
class ActionHighlighted(Message):
    """The cursor of an actions table is on this action (None: the table is empty)."""

    action_id: str | None


@dataclass
class OpenAction(Message):
    """Show this action's detail."""

    action_id: str


@dataclass
class OpenMeeting(Message):
    """Show this meeting."""

    meeting_id: str


@dataclass
class FilterChanged(Message):
    """The filter bar holds a new filter."""

    wanted: ActionFilter
    text: str


@dataclass
class MinutesParsed(Message):
    """A worker parsed a minutes file (``minutes`` and what importing it would do), or
    could not (``error``)."""

    path: Path
    minutes: Minutes | None
    preview: ImportResult | None = None
    error: str | None = None


@dataclass
class ImportFinished(Message):
    """A worker wrote reviewed minutes to the store (``error`` when it could not)."""

    result: ImportResult | None
    error: str | None = None


@dataclass
class StoreAnswered(Message):
    """What the store's thread read for a screen (``MinutesApp.ask_store``): ``found``
    (or the ``StoreError`` that came instead), for ``answer``."""

    answer: Callable[[Any], None]
    found: Any


@dataclass
class SortAsked(Message):
    """A column's header was clicked: sort by it (again: the other way round)."""

    sort: str
