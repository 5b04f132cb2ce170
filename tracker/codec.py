"""The on-disk shape of the action store, and the objects it is read into.

The file is a TinyDB database (an object of tables, each an object of documents by id)
whose documents are keyed by our own ids rather than TinyDB's numbers::

    {
      "meta":     {"store": {"format": "minutes-store", "schema": 1}},
      "meetings": {"7be01d": {"title": …, "date": "2025-11-14", "source": {"sha256": …}, …}},
      "actions":  {"a3f9c1": {"meeting": "7be01d", "text": …, "owners": […], "due": …,
                              "status": "open", "notes": […], "vanished": false, …}},
      "people":   {"Tomi Aho": {"aliases": ["Tommi"]}},
      "history":  {"1": {"change": 1, "at": …, "by": "anna", "via": "done",
                         "action": "a3f9c1", "field": "status", "old": "open", "new": "done"}}
    }

A meeting document is the parser's JSON of the minutes (DESIGN.md) without its actions,
plus its ``series`` (``tracker.series``); an action document is the parser's JSON of the
action plus what the members add to it and the ``mentions`` later minutes made of it
(``tracker.reconcile``).
Dates are ISO strings on disk and ``date`` objects on the read side; times of changes are
UTC ISO timestamps. ``SCHEMA`` grows when this shape changes; ``check`` refuses newer
and foreign files and upgrades older ones (schema 1 kept an open action the minutes no
longer had as ``open``; schema 2 makes it ``vanished``).
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, NamedTuple

__all__ = [
    "Action",
    "Change",
    "Meeting",
    "Mention",
    "Note",
    "Person",
    "SCHEMA",
    "STATUSES",
    "check",
    "new_database",
    "now",
]

FORMAT = "minutes-store"
SCHEMA = 2
TABLES = ("meetings", "actions", "people", "history")
STATUSES = ("open", "done", "cancelled", "vanished")
KINDS = {"action": "actions", "meeting": "meetings", "person": "people"}  # history subject -> table


def new_database() -> dict[str, dict]:
    """An empty store (the meta table first, so it heads the file)."""
    data: dict[str, dict] = {"meta": {"store": {"format": FORMAT, "schema": SCHEMA}}}
    for table in TABLES:
        data[table] = {}
    return data


def check(data: dict) -> None:
    """Accept a database of this format and schema (filling in missing tables, upgrading an
    older one); raise ``ValueError`` with the reason for a foreign or newer one."""
    if not data:
        data.update(new_database())
        return
    meta = data.get("meta", {}).get("store")
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ValueError("not a minutes action store (no meta.store.format)")
    schema = meta.get("schema")
    if not isinstance(schema, int) or schema > SCHEMA:
        raise ValueError(f"written by a newer version of minutes (schema {schema}; "
                         f"this one reads up to {SCHEMA})")
    for table in TABLES:
        data.setdefault(table, {})
    if schema < 2:
        for doc in data["actions"].values():
            if doc.get("vanished") and doc.get("status") == "open":
                doc["status"] = "vanished"
        meta["schema"] = 2


def now() -> str:
    """The current time as stored in the history: UTC, to the second."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class Meeting(NamedTuple):
    """One set of imported minutes: the meeting's facts as the parser read them."""

    id: str
    title: str | None
    date: date | None
    start: str | None
    end: str | None
    location: str | None
    language: str | None
    source: dict
    attendees: list
    absent: list
    chair: str | None
    secretary: str | None
    agenda: list
    decisions: list
    next_meeting: dict | None
    imported: str | None
    updated: str | None
    series: str | None = None

    @classmethod
    def from_doc(cls, meeting_id: str, doc: dict) -> Meeting:
        return cls(
            id=meeting_id,
            title=doc.get("title"),
            date=_day(doc.get("date")),
            start=doc.get("start"),
            end=doc.get("end"),
            location=doc.get("location"),
            language=doc.get("language"),
            source=doc.get("source") or {},
            attendees=doc.get("attendees") or [],
            absent=doc.get("absent") or [],
            chair=doc.get("chair"),
            secretary=doc.get("secretary"),
            agenda=doc.get("agenda") or [],
            decisions=doc.get("decisions") or [],
            next_meeting=doc.get("next_meeting"),
            imported=doc.get("imported"),
            updated=doc.get("updated"),
            series=doc.get("series"),
        )

    def agenda_title(self, number: str | None) -> str | None:
        """The title of agenda item ``number``, if the minutes name it."""
        for item in self.agenda:
            if number is not None and item.get("number") == number:
                return item.get("title")
        return None

    def ref(self) -> dict:
        """How an action's JSON names its meeting (the id None for no meeting)."""
        return {"id": self.id or None, "title": self.title, "date": iso(self.date)}

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "date": iso(self.date),
            "start": self.start,
            "end": self.end,
            "location": self.location,
            "language": self.language,
            "source": self.source,
            "attendees": self.attendees,
            "absent": self.absent,
            "chair": self.chair,
            "secretary": self.secretary,
            "agenda": self.agenda,
            "decisions": self.decisions,
            "next_meeting": self.next_meeting,
            "imported": self.imported,
            "updated": self.updated,
            "series": self.series,
        }


class Mention(NamedTuple):
    """What a later meeting's minutes said of an action (``tracker.reconcile``).

    ``meeting`` and ``date`` name that meeting; ``status`` is what the words mean
    (``done``, ``open`` for carried over, ``cancelled``), ``word`` the status word as written
    (None when the action was only mentioned or repeated), ``sentence`` the evidence and
    ``line``/``paragraph`` where it stands. ``outcome`` is ``applied`` (the store followed
    the minutes) or ``proposed`` (a weaker match, left for a person to accept); ``reason`` is
    ``status word``, ``matters arising`` (mentioned there without one), ``repeated`` (the
    minutes gave the action again) or ``created`` (the action's own sentence, in
    ``ActionStore.timeline``); ``score`` is the match's strength, 0-100; ``doubt`` says why
    a proposed mention was not applied (``the owner is not named``, ``fits 2 actions as
    well``, ``few words in common``).
    """

    meeting: str
    date: date | None
    status: str
    word: str | None
    sentence: str
    line: int | None
    paragraph: int | None
    score: int
    outcome: str
    reason: str
    doubt: str | None = None

    @classmethod
    def from_doc(cls, doc: dict) -> Mention:
        return cls(
            meeting=doc["meeting"],
            date=_day(doc.get("date")),
            status=doc["status"],
            word=doc.get("word"),
            sentence=doc.get("sentence") or "",
            line=doc.get("line"),
            paragraph=doc.get("paragraph"),
            score=doc.get("score", 100),
            outcome=doc.get("outcome", "applied"),
            reason=doc.get("reason", "status word"),
            doubt=doc.get("doubt"),
        )

    @property
    def applied(self) -> bool:
        return self.outcome == "applied"

    @property
    def where(self) -> str | None:
        """``line 12`` or ``paragraph 7``."""
        if self.line is not None:
            return f"line {self.line}"
        return f"paragraph {self.paragraph}" if self.paragraph is not None else None

    def to_json(self) -> dict:
        return {"meeting": self.meeting, "date": iso(self.date), "status": self.status,
                "word": self.word, "sentence": self.sentence, "line": self.line,
                "paragraph": self.paragraph, "score": self.score, "outcome": self.outcome,
                "reason": self.reason, "doubt": self.doubt}


class Note(NamedTuple):
    """A member's remark on an action."""

    at: str
    by: str
    text: str

    def to_json(self) -> dict:
        return {"at": self.at, "by": self.by, "text": self.text}


class Action(NamedTuple):
    """A tracked action: what the minutes asked of whom by when, and how it stands.

    ``vanished`` is true when an edited version of the minutes no longer has the action;
    it is kept, with its status, notes and history. An open one gets the status
    ``vanished``, which the usual listings leave out, until a person keeps it (``open``
    again) or drops it (``cancelled``), or the minutes have it again. ``mentions``
    are what the minutes of later meetings said of it, oldest first (``Mention``).
    ``added`` is true for an action a member added (``minutes add``), not the minutes;
    its ``meeting`` has the id ``""`` when it was added to no meeting.
    """

    id: str
    text: str
    owners: tuple[str, ...]
    due: date | None
    status: str
    meeting: Meeting
    agenda_item: str | None
    due_text: str | None
    notes: tuple[Note, ...]
    source: dict
    vanished: bool
    created: str | None
    updated: str | None
    mentions: tuple[Mention, ...] = ()
    added: bool = False

    @classmethod
    def from_doc(cls, action_id: str, doc: dict, meeting: Meeting) -> Action:
        return cls(
            id=action_id,
            text=doc["text"],
            owners=tuple(doc["owners"]),
            due=_day(doc["due"]),
            status=doc["status"],
            meeting=meeting,
            agenda_item=doc.get("agenda_item"),
            due_text=doc.get("due_text"),
            notes=tuple(Note(**note) for note in doc.get("notes", ())),
            source=doc.get("source") or {},
            vanished=doc.get("vanished", False),
            created=doc.get("created"),
            updated=doc.get("updated"),
            mentions=tuple(Mention.from_doc(m) for m in doc.get("mentions") or ()),
            added=doc.get("added", False),
        )

    def is_overdue(self, today: date) -> bool:
        """Open and due before ``today``."""
        return self.status == "open" and self.due is not None and self.due < today

    def to_json(self) -> dict:
        """The action as ``minutes actions --json`` prints it (DESIGN.md)."""
        return {
            "id": self.id,
            "text": self.text,
            "owners": list(self.owners),
            "due": iso(self.due),
            "due_text": self.due_text,
            "status": self.status,
            "meeting": self.meeting.ref(),
            "agenda_item": self.agenda_item,
            "notes": [note.to_json() for note in self.notes],
            "source": self.source,
            "vanished": self.vanished,
            "created": self.created,
            "updated": self.updated,
            "mentions": [m.to_json() for m in self.mentions],
            "added": self.added,
        }


class Person(NamedTuple):
    """A canonical name, the other names the minutes use for the same person, and how many
    open actions they own."""

    name: str
    aliases: tuple[str, ...] = ()
    open_actions: int = 0

    def to_json(self) -> dict:
        return {"name": self.name, "aliases": list(self.aliases), "open_actions": self.open_actions}


class Change(NamedTuple):
    """One entry of the history: who changed which field of what, when, from what to what.

    ``kind`` is ``action``, ``meeting`` or ``person`` and ``subject`` that record's id;
    ``field`` is ``created`` or ``deleted`` when the record itself came or went.
    ``change`` numbers one command's worth of entries (what ``undo`` reverts together);
    ``undoes`` is the change an undo reverted; ``evidence`` is, for a change the minutes
    of a later meeting made (``via`` ``follow-up``), the mention it followed (meeting,
    date, word, sentence, where).
    """

    change: int
    at: str
    by: str
    via: str
    kind: str
    subject: str
    field: str
    old: Any = None
    new: Any = None
    undoes: int | None = None
    evidence: dict | None = None

    @classmethod
    def from_doc(cls, doc: dict) -> Change:
        kind = next(k for k in KINDS if k in doc)
        return cls(
            change=doc["change"],
            at=doc["at"],
            by=doc["by"],
            via=doc["via"],
            kind=kind,
            subject=doc[kind],
            field=doc["field"],
            old=doc.get("old"),
            new=doc.get("new"),
            undoes=doc.get("undoes"),
            evidence=doc.get("evidence"),
        )

    def to_json(self) -> dict:
        entry = {
            "change": self.change,
            "at": self.at,
            "by": self.by,
            "via": self.via,
            self.kind: self.subject,
            "field": self.field,
            "old": self.old,
            "new": self.new,
        }
        if self.undoes is not None:
            entry["undoes"] = self.undoes
        if self.evidence is not None:
            entry["evidence"] = self.evidence
        return entry


def iso(value: date | None) -> str | None:
    """A date as stored: ISO, or None."""
    return value.isoformat() if value else None
