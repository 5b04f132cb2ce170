"""The parser's data: what a reader gives (``Document`` of ``Block``s) and what the
stages make of it (``Minutes`` with its ``Attendee``s, ``AgendaItem``s, ``Decision``s,
``Action``s and ``NextMeeting``).

Everything here is a plain dataclass; ``Minutes.to_json()`` is the JSON contract of
``minutes parse --json`` (see DESIGN.md): ISO dates, ``HH:MM`` times, ``None`` for what is
absent and lists that are never ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

__all__ = [
    "Action",
    "AgendaItem",
    "Attendee",
    "Block",
    "Decision",
    "Document",
    "Minutes",
    "NextMeeting",
    "Origin",
    "SourceFile",
    "SpeakerTurn",
    "UnreadableMinutes",
    "looks_like_minutes",
]


class UnreadableMinutes(ValueError):
    """A file that cannot be read as minutes; the message names the cause."""


@dataclass(frozen=True)
class Origin:
    """Where a block came from: a 1-based line of a text file or a 0-based body
    paragraph index of a DOCX (tables count as one body element)."""

    line: int | None = None
    paragraph: int | None = None

    def to_json(self) -> dict:
        return {"line": self.line} if self.line is not None else {"paragraph": self.paragraph}


@dataclass(frozen=True)
class Block:
    """One unit of a document in reading order.

    ``kind`` is ``"heading"``, ``"paragraph"``, ``"list_item"`` or ``"table"``.
    ``level`` is a heading's level (1 = top) or a list item's nesting depth (0 = top).
    ``number`` is a list item's number as written or rebuilt from Word numbering
    (``"3"`` for ``3.``, ``"2.1"``, ``"b"``), ``None`` for bullets and paragraphs.
    ``rows`` holds a table's cell texts by row and column; a merged cell's text stands
    in its first grid column and the columns it spans are ``""``.
    """

    kind: str
    text: str
    origin: Origin
    level: int = 0
    number: str | None = None
    style: str | None = None
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class SourceFile:
    path: str | None
    format: str  # "docx" | "text"
    sha256: str

    def to_json(self) -> dict:
        return {"path": self.path, "format": self.format, "sha256": self.sha256}


@dataclass(frozen=True)
class Document:
    """What a reader returns: the blocks of one file, the file they came from, and what
    the reader was unsure of (a file that was not quite UTF-8)."""

    blocks: tuple[Block, ...]
    source: SourceFile
    doubts: tuple[str, ...] = ()


@dataclass
class Attendee:
    """A person at (or absent from) the meeting, as the attendee list names them."""

    name: str
    organisation: str | None = None
    role: str | None = None

    def to_json(self) -> dict:
        return {"name": self.name, "organisation": self.organisation, "role": self.role}


@dataclass
class AgendaItem:
    number: str | None
    title: str
    origin: Origin | None = None

    def to_json(self) -> dict:
        return {"number": self.number, "title": self.title}


@dataclass
class SpeakerTurn:
    """``Name: what they said`` – the speaker as written and resolved, if resolvable."""

    speaker: str
    text: str
    agenda_item: str | None
    origin: Origin
    person: str | None = None


@dataclass
class Decision:
    text: str
    agenda_item: str | None
    origin: Origin | None = None

    def to_json(self) -> dict:
        return {"text": self.text, "agenda_item": self.agenda_item}


@dataclass
class Action:
    """A task the meeting gave someone (or no one yet): who, what, by when, and why
    the parser thinks so (``rule`` and the ``origin``/``snippet`` it was read from)."""

    text: str
    owners: list[str] = field(default_factory=list)
    due: date | None = None
    due_text: str | None = None
    agenda_item: str | None = None
    origin: Origin | None = None
    snippet: str = ""
    rule: str = ""
    doubts: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        source = self.origin.to_json() if self.origin else {}
        source["snippet"] = self.snippet
        return {
            "text": self.text,
            "owners": list(self.owners),
            "due": _iso(self.due),
            "due_text": self.due_text,
            "agenda_item": self.agenda_item,
            "source": source,
            "rule": self.rule,
            "doubts": list(self.doubts),
        }


@dataclass
class NextMeeting:
    date: date | None = None
    start: time | None = None
    end: time | None = None
    location: str | None = None

    def to_json(self) -> dict:
        return {
            "date": _iso(self.date),
            "start": _hhmm(self.start),
            "end": _hhmm(self.end),
            "location": self.location,
        }


@dataclass
class Minutes:
    """Everything the parser read from one set of minutes."""

    source: SourceFile
    language: str
    title: str | None = None
    date: date | None = None
    start: time | None = None
    end: time | None = None
    location: str | None = None
    attendees: list[Attendee] = field(default_factory=list)
    absent: list[Attendee] = field(default_factory=list)
    chair: str | None = None
    secretary: str | None = None
    agenda: list[AgendaItem] = field(default_factory=list)
    speakers: list[SpeakerTurn] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    next_meeting: NextMeeting | None = None
    doubts: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "title": self.title,
            "date": _iso(self.date),
            "start": _hhmm(self.start),
            "end": _hhmm(self.end),
            "location": self.location,
            "language": self.language,
            "source": self.source.to_json(),
            "attendees": [a.to_json() for a in self.attendees],
            "chair": self.chair,
            "secretary": self.secretary,
            "absent": [a.to_json() for a in self.absent],
            "agenda": [item.to_json() for item in self.agenda],
            "decisions": [d.to_json() for d in self.decisions],
            "actions": [a.to_json() for a in self.actions],
            "next_meeting": self.next_meeting.to_json() if self.next_meeting else None,
            "doubts": list(self.doubts),
        }


def looks_like_minutes(minutes: Minutes) -> bool:
    """Whether what the parser read has anything of minutes: a date, a start time,
    attendees, a chair or secretary, decisions, the next meeting's date, two numbered agenda
    items, or two turns of speakers. A script, a shopping list or a README has none of them
    (the headings and comments the parser may take for an unnumbered agenda do not count)."""
    numbered = [item for item in minutes.agenda if item.number]
    return bool(
        minutes.date or minutes.start or minutes.attendees or minutes.chair or minutes.secretary
        or minutes.decisions or (minutes.next_meeting and minutes.next_meeting.date)
        or len(numbered) >= 2 or len(minutes.speakers) >= 2
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _hhmm(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None
