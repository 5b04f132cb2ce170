"""The messages of the app: what widgets, screens and workers tell those above them.

Each is a ``@dataclass`` ``Message``; a worker posts one when its work is done, a widget
when the person did something. Screens and the app handle them (``on_open_action``…).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from minutes.model import Minutes
    from tracker import Meeting, Person
    from tracker.importer import ImportResult
    from tui.evidence import Evidence
    from tui.index import ActionFilter, ActionIndex

__all__ = [
    "ActionHighlighted",
    "ActionsLoaded",
    "EvidenceRead",
    "FilterChanged",
    "ImportFinished",
    "MinutesParsed",
    "OpenAction",
    "OpenMeeting",
]


@dataclass
class ActionsLoaded(Message):
    """The load worker read the store: the index of its actions, its meetings and people,
    who ``me`` is in the registry (``me_problem`` when nobody or several people) — or
    ``error`` instead, when the store could not be read."""

    index: ActionIndex | None
    meetings: list[Meeting] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    me: str | None = None
    signature: Any = None
    error: str | None = None
    me_problem: str | None = None


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
class EvidenceRead(Message):
    """The source lines of an action, read from its minutes by a worker."""

    action_id: str
    evidence: Evidence


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
