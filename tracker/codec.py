"""The shape of the action store's data, and the objects it is read into.

The store is a TinyDB database (an object of tables, each an object of documents by id)
whose documents are keyed by our own ids rather than TinyDB's numbers::

    {
      "meta":     {"store": {"format": "minutes-store", "schema": 3}},
      "meetings": {"7be01d": {"title": …, "date": "2025-11-14", "source": {"sha256": …}, …}},
      "actions":  {"a3f9c1": {"meeting": "7be01d", "text": …, "owners": […], "due": …,
                              "status": "open", "notes": […], "vanished": false, …}},
      "people":   {"Tomi Rask": {"aliases": ["Tommi"]}},
      "history":  {"1": {"change": 1, "at": …, "by": "anna", "via": "done",
                         "action": "a3f9c1", "field": "status", "old": "open", "new": "done"}}
    }

How it lies in its files is ``tracker.storage``'s: the fields ``HOT`` names apart from the
rest, and the changes since the store was last written whole in a journal.
A meeting document is the parser's JSON of the minutes (DESIGN.md) without its actions,
plus its ``series`` (``tracker.series``); an action document is the parser's JSON of the
action plus what the members add to it and the ``mentions`` later minutes made of it
(``tracker.reconcile``).
Dates are ISO strings on disk and ``date`` objects on the read side; times of changes are
UTC ISO timestamps. ``SCHEMA`` grows when this shape changes; ``check`` refuses newer
and foreign files and upgrades older ones (schema 1 kept an open action the minutes no
longer had as ``open``; schema 2 makes it ``vanished``; schema 3 is the form of the files:
hot fields apart, and a journal). A record read from the store (``Action``, ``Meeting``)
has the fields a listing shows at once and the others when first asked for.

``check`` holds every record to one schema (``RECORDS``: each field's kind), so a
hand-edited or damaged file is refused with one line naming the first bad record, never
half read: owners that are not a list of names, a status that is not one of ``STATUSES``,
an action whose meeting is not in the store, an id written twice. It also cleans what is
read (``minutes.text.clean``): no control character or bidirectional override in the file
reaches a screen.
"""

from __future__ import annotations

import re
from collections import namedtuple
from datetime import date, datetime, timezone

from tracker.i18n import N_, _

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing on every command
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

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
    "cleaned",
    "new_database",
    "now",
]

FORMAT = "minutes-store"
SCHEMA = 3
TABLES = ("meetings", "actions", "people", "history")
STATUSES = ("open", "done", "cancelled", "vanished")
KINDS = {"action": "actions", "meeting": "meetings", "person": "people"}  # history subject -> table
KIND_OF = {table: kind for kind, table in KINDS.items()}
HOT = {
    "meetings": ("title", "date", "language", "series"),
    "actions": ("meeting", "text", "owners", "due", "due_text", "status", "agenda_item", "notes",
                "vanished", "added", "minutes_text"),
}
"""The fields of a meeting and of an action that a listing shows or an update verb reads:
the store keeps them apart from the rest (``tracker.storage``), so that reading them costs
a fraction of reading the whole store. The people registry is read whole."""


def new_database() -> dict[str, dict]:
    """An empty store (the meta table first, so it heads the file)."""
    data: dict[str, dict] = {"meta": {"store": {"format": FORMAT, "schema": SCHEMA}}}
    for table in TABLES:
        data[table] = {}
    return data


def check(data: dict, raw: bytes | None = b"") -> None:
    """Accept a database of this format and schema whose every record is as ``RECORDS``
    says (filling in missing tables, cleaning its text); raise ``ValueError`` naming the
    first bad record, or saying why the file is foreign or newer. ``raw``, the file's bytes,
    shows an id written twice (JSON keeps only the last) and text that needs cleaning.

    ``raw`` None: the file is as minutes last wrote it (``tracker.storage`` knows), from
    records this module read and cleaned and the store's own operations: only its format
    and schema are checked, so a store costs no more to open than to parse."""
    if not data:
        data.update(new_database())
        return
    meta = data.get("meta", {}).get("store")
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ValueError(_("not a minutes action store (no meta.store.format)"))
    schema = meta.get("schema")
    if type(schema) is not int or schema < 1:
        raise ValueError(_("meta.store.schema is {value}, not a schema number (1 to {newest})").format(
            value=_shown(schema), newest=SCHEMA))
    if schema > SCHEMA:
        raise ValueError(_("written by a newer version of minutes (schema {schema}; this one reads up to "
                           "{newest})").format(schema=schema, newest=SCHEMA))
    for table in TABLES:
        if not isinstance(data.setdefault(table, {}), dict):
            raise ValueError(_("the {table} table is {value}, not an object").format(
                table=table, value=_shown(data[table])))
    if raw is not None:
        _check_records(data, raw)
    if schema < 2:
        for doc in data["actions"].values():
            if doc.get("vanished") and doc.get("status") == "open":
                doc["status"] = "vanished"
    meta["schema"] = SCHEMA  # schema 3 changed the file's form only (``tracker.storage``)


def check_change(data: dict, entry: dict, raw: bytes) -> dict:
    """Accept one history entry of the journal (``raw``, its line) as a change of ``data``:
    a field of a record the store has, set to a value of the field's kind; return it, its
    text cleaned. ``ValueError`` says what is wrong with it."""
    if type(entry) is not dict:
        raise ValueError(_("a history entry is not an object"))
    kinds = [kind for kind in KINDS if kind in entry]
    if len(kinds) != 1 or type(entry[kinds[0]]) is not str:
        raise ValueError(_("a history entry names no one action, meeting or person"))
    kind, field = kinds[0], entry.get("field")
    bad = _bad_field(entry, *_COMPILED["history"])
    if bad is not None:
        raise ValueError(_("a history entry's {field} is {value}, not {words}").format(
            field=bad[0], value=_shown(entry.get(bad[0])), words=_said(bad[1])))
    if field in ("created", "deleted"):
        raise ValueError(_("{kind} {id} {field}: only the snapshot records that").format(
            kind=_(kind), id=_shown(entry[kind]), field=field))
    table = KINDS[kind]
    if entry[kind] not in data[table]:
        raise ValueError(_("{kind} {id} is not in the store").format(kind=_(kind), id=_shown(entry[kind])))
    if _needs_cleaning(raw):
        entry = cleaned(entry)
    typed, tested = _COMPILED[table]
    new = {field: entry.get("new")}
    bad = _bad_field(new, [t for t in typed if t[0] == field], [t for t in tested if t[0] == field])
    if bad is not None:
        raise ValueError(_("{kind} {id}: {field} set to {value}, not {words}").format(
            kind=_(kind), id=_shown(entry[kind]), field=field, value=_shown(new[field]), words=_said(bad[1])))
    return entry


def _check_records(data: dict, raw: bytes) -> None:
    """Every record as ``RECORDS`` says, no id twice, the text cleaned."""
    for table in TABLES:
        _check_table(table, data[table])
    meetings = data["meetings"]
    for key, doc in data["actions"].items():
        if doc["meeting"] is not None and doc["meeting"] not in meetings:
            raise ValueError(_("action {id}: its meeting {meeting} is not in the store").format(
                id=key, meeting=_shown(doc["meeting"])))
    embedded = {"owners": 0, "attendees": 0}  # records kept whole in the history (deleted ones)
    for key, doc in data["history"].items():
        if ("action" in doc) + ("meeting" in doc) + ("person" in doc) != 1 or type(
                doc.get("action", doc.get("meeting", doc.get("person")))) is not str:
            raise ValueError(_("history entry {key}: names no one action, meeting or person").format(key=key))
        for side in ("old", "new"):
            if type(doc.get(side)) is dict:
                for field in embedded:
                    embedded[field] += field in doc[side]
    if raw:
        _check_twice(data, raw, embedded)
        if _needs_cleaning(raw):
            _clean_strings(data)


# -- the schema -------------------------------------------------------------------------------

_NONE = type(None)
_DAYS_SEEN: set[str] = set()  # dates already found good: most stores repeat a few hundred


def _day(value) -> bool:
    if value is None or value in _DAYS_SEEN:
        return True
    if type(value) is not str or len(value) != 10:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    _DAYS_SEEN.add(value)
    return True


def _names(value) -> bool:
    return type(value) is list and all(type(name) is str for name in value)


def _one_of(values: tuple) -> Callable[[], str]:
    """What says that a field is one of ``values`` (words of the file, never translated)."""
    return lambda: _("one of {values}").format(values=", ".join("null" if v is None else v for v in values))


_OUTCOMES = (None, "applied", "proposed")

# A field's kind: the types its value may have, or a test of the value; and what it should be
# (a message, or what says it, in the language spoken when it is said: ``_said``).
KINDS_OF_FIELD: dict[str, tuple[frozenset | Callable[[Any], bool], str | Callable[[], str]]] = {
    "text": (frozenset({str}), N_("a text")),
    "text?": (frozenset({str, _NONE}), N_("a text or null")),
    "int": (frozenset({int}), N_("a number")),
    "int?": (frozenset({int, _NONE}), N_("a number or null")),
    "object?": (frozenset({dict, _NONE}), N_("an object or null")),
    "flag?": (frozenset({bool, _NONE}), N_("true or false")),
    "day?": (_day, N_("a date (YYYY-MM-DD) or null")),
    "names": (_names, N_("a list of names")),
    "names?": (lambda value: value is None or _names(value), N_("a list of texts or null")),
    "status": (lambda value: value in STATUSES, _one_of(STATUSES)),
    "outcome?": (lambda value: value in _OUTCOMES, _one_of(_OUTCOMES)),
}

NOTE = {"at": "text", "by": "text", "text": "text"}
MENTION = {"meeting": "text", "status": "status", "date": "day?", "word": "text?", "sentence": "text?",
           "line": "int?", "paragraph": "int?", "score": "int?", "outcome": "outcome?", "reason": "text?",
           "doubt": "text?"}
ATTENDEE = {"name": "text", "organisation": "text?", "role": "text?"}

RECORDS: dict[str, dict[str, str | tuple[str, dict]]] = {
    "meetings": {
        "title": "text?", "date": "day?", "start": "text?", "end": "text?", "location": "text?",
        "language": "text?", "source": "object?", "attendees": (N_("people"), ATTENDEE),
        "absent": (N_("people"), ATTENDEE), "chair": "text?", "secretary": "text?",
        "agenda": (N_("agenda items"), {"number": "text?", "title": "text?"}),
        "decisions": (N_("decisions"), {"text": "text?", "agenda_item": "text?"}),
        "next_meeting": "object?", "doubts": "names?", "imported": "text?", "updated": "text?",
        "series": "text?",
    },
    "actions": {
        "meeting": "text?", "text": "text", "owners": "names", "due": "day?", "status": "status",
        "agenda_item": "text?", "due_text": "text?", "source": "object?",
        "notes": (N_("notes"), NOTE), "mentions": (N_("mentions"), MENTION), "vanished": "flag?",
        "added": "flag?",
        "created": "text?", "updated": "text?",
    },
    "people": {"aliases": "names?"},
    "history": {"change": "int", "at": "text", "by": "text", "via": "text", "field": "text",
                "undoes": "int?", "evidence": "object?"},
}
"""The one schema of the store: each table's fields and their kinds (``KINDS_OF_FIELD``; a
pair is a list, or null, of records (what they are, and the fields its dict says). A missing
field is null; fields not named here are kept as they are."""

_HEX_ID = re.compile(r"[0-9a-f]{4,40}$")
_KEYS: dict[str, tuple[str, Callable[[str], object]]] = {  # a table's record, in words; its id
    "meetings": (N_("meeting"), _HEX_ID.match), "actions": (N_("action"), _HEX_ID.match),
    "people": (N_("person"), str.strip), "history": (N_("history entry"), str.isdigit),
}


def _tests(fields: dict) -> tuple[list, list]:
    """The fields split into those a type decides and those a test does."""
    typed, tested = [], []
    for field, kind in fields.items():
        if isinstance(kind, tuple):
            what, inner = kind
            tested.append((field, _list_of(inner), _list_words(what, inner)))
            continue
        rule, words = KINDS_OF_FIELD[kind]
        if isinstance(rule, frozenset):
            typed.append((field, rule, words))
        else:
            tested.append((field, rule, words))
    return typed, tested


def _list_words(what: str, fields: dict) -> Callable[[], str]:
    return lambda: _("a list of {what} ({fields}) or null").format(what=_(what), fields=", ".join(fields))


def _said(words: str | Callable[[], str]) -> str:
    """What a field should be (``KINDS_OF_FIELD``), in the language spoken."""
    return _(words) if type(words) is str else words()


def _list_of(fields: dict) -> Callable[[Any], bool]:
    typed, tested = _tests(fields)

    def ok(value) -> bool:
        if not value:
            return value is None or value == []
        return type(value) is list and all(type(item) is dict and _bad_field(item, typed, tested) is None
                                           for item in value)
    return ok


def _bad_field(doc: dict, typed: list, tested: list) -> tuple[str, str] | None:
    get = doc.get
    for field, types, words in typed:
        if type(get(field)) not in types:
            return field, words
    for field, ok, words in tested:
        if not ok(get(field)):
            return field, words
    return None


_COMPILED = {table: _tests(fields) for table, fields in RECORDS.items()}


def _check_table(table: str, records: dict) -> None:
    kind, key_ok = _KEYS[table]
    typed, tested = _COMPILED[table]
    for key, doc in records.items():
        if not key_ok(key):
            raise ValueError(_("{kind} {id}: not a valid id").format(kind=_(kind), id=_shown(key)))
        if type(doc) is not dict:
            raise ValueError(_("{kind} {id}: {value}, not an object").format(
                kind=_(kind), id=_shown(key), value=_shown(doc)))
        bad = _bad_field(doc, typed, tested)
        if bad is not None:
            field, words = bad
            raise ValueError(_("{kind} {id}: {field} is {value}, not {words}").format(
                kind=_(kind), id=_shown(key), field=field, value=_shown(doc.get(field)), words=_said(words)))


def _shown(value) -> str:
    """A value as a refusal quotes it: short, on one line, its control characters shown."""
    import json

    from minutes.text import visible

    text = value if isinstance(value, str) and _HEX_ID.match(value) else json.dumps(value, ensure_ascii=False)
    return visible(text if len(text) <= 40 else text[:37] + "…")


# A key that every record of a table holds once and no other record holds: a file with more
# of them than there are records holds a record twice.
_COUNTED = {"actions": "owners", "meetings": "attendees"}


def _check_twice(data: dict, raw: bytes, embedded: dict[str, int]) -> None:
    """Refuse a file in which an action or meeting id stands twice: JSON keeps the last
    record, and the next write would lose the other for good."""
    for table, field in _COUNTED.items():
        expected = embedded[field] + sum(field in doc for doc in data[table].values())
        if raw.count(b'"%s":' % field.encode()) > expected:
            raise twice(table, _first_twice(raw) or "?")


def twice(table: str, key: str) -> ValueError:
    """The refusal of a file that holds the record ``key`` of ``table`` twice."""
    return ValueError(_("{kind} {id} is in the file twice (only one would be kept)").format(
        kind=_(_KEYS[table][0]), id=key))


def _first_twice(raw: bytes) -> str | None:
    """The first key that an object of the file holds twice (the slow, exact look)."""
    import json

    found: list[str] = []

    def pairs(items):
        seen = set()
        for key, _value in items:
            if key in seen and not found:
                found.append(key)
            seen.add(key)
        return dict(items)

    json.loads(raw, object_pairs_hook=pairs)
    return found[0] if found else None


# What ``clean`` would change, as it stands in a file that orjson (or a person) wrote: an
# escaped or raw control character, a C1 control, a bidirectional override, a combining
# accent (NFD). Each is looked for only when its first byte is in the file at all (a fast
# look), since a pattern that may begin with several bytes is slow over megabytes.
_SIGNS = (
    (b"\\", rb"\\(?:u00[01][0-9a-fA-F]|u007[fF]|u00[89][0-9a-fA-F]|u202[a-eA-E]|u206[6-9]|[bfr])"),
    (b"\x7f", None),
    (b"\xc2", rb"\xc2[\x80-\x9f]"),
    (b"\xe2", rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])"),
    (b"\xcc", rb"\xcc[\x80-\xbf]"),
    (b"\xcd", rb"\xcd[\x80-\xaf]"),
)


def _needs_cleaning(raw: bytes) -> bool:
    """(The patterns are compiled when a first byte is found: most files hold none.)"""
    return any(first in raw and (pattern is None or re.search(pattern, raw) is not None)
               for first, pattern in _SIGNS)


def cleaned(value):
    """A JSON value with every text in it cleaned (``minutes.text.clean``), keys too."""
    from minutes.text import clean

    def walk(value):
        if type(value) is str:
            return clean(value)
        if type(value) is list:
            return [walk(item) for item in value]
        if isinstance(value, dict):  # a table of the store too
            return {clean(key): walk(item) for key, item in value.items()}
        return value

    return walk(value)


def _clean_strings(data: dict) -> None:
    """Clean every text of the database in place."""
    for table in TABLES:
        data[table] = cleaned(data[table])


def now() -> str:
    """The current time as stored in the history: UTC, to the second."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class _Cold:
    """A field of a record that the store keeps in its second line (``HOT`` names the
    others): read from the store the first time a record of a listing is asked for one.
    ``empty`` is what a missing value reads as (``{}``, ``[]``; None)."""

    __slots__ = ("name", "empty")

    def __init__(self, empty: type | None = None) -> None:
        self.empty = empty

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, record, owner=None):
        if record is None:
            return self
        doc = record._doc  # the store may have filled it in since (``held``)
        value = doc[self.name] if self.name in doc else record._whole().get(self.name)
        return value or self.empty() if self.empty is not None else value


class _Record:
    """A record read from the store: its hot fields as attributes, the rest (``_Cold``)
    from ``fetch(table, id)``, the record's whole document, when first asked for."""

    __slots__ = ("_doc", "_fetch")
    TABLE = ""

    def _whole(self) -> dict:
        if self._fetch is not None:
            self._doc = self._fetch(self.TABLE, self.id) or self._doc
            self._fetch = None
        return self._doc

    def held(self, name: str):
        """A field kept in the store's second line (``source``, ``start``…) if this record
        holds it already, else None, without reading the store: for a screen, which must
        not wait for the second line (``_whole`` reads it)."""
        if not isinstance(type(self).__dict__.get(name), _Cold):
            raise AttributeError(f"{type(self).__name__} has no cold field {name!r}")
        if self._fetch is not None and name not in self._doc:
            return None
        return getattr(self, name)

    def _replace(self, **changes) -> _Record:
        """A copy with some of the fields read with it changed (as a named tuple's)."""
        copy = object.__new__(type(self))
        for cls in type(self).__mro__:
            for name in getattr(cls, "__slots__", ()):
                if hasattr(self, name):
                    setattr(copy, name, getattr(self, name))
        for name, value in changes.items():
            if name.startswith("_") or name not in type(self).__slots__:
                raise ValueError(f"{type(self).__name__} has no field {name!r} to replace")
            setattr(copy, name, value)
        return copy

    def _shown(self) -> tuple:
        return tuple(getattr(self, name, None) for cls in type(self).__mro__
                     for name in getattr(cls, "__slots__", ()) if not name.startswith("_"))

    def __eq__(self, other) -> bool:
        """The same record with the same fields read with it (the cold ones, such as the
        time of its last change, are not compared)."""
        if type(other) is not type(self):
            return NotImplemented
        return self._shown() == other._shown()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.id!r})"


class Meeting(_Record):
    """One set of imported minutes: the meeting's facts as the parser read them.

    ``title``, ``date``, ``language`` and ``series`` are read with it; the other facts
    (attendees, agenda, source…) when first asked for."""

    __slots__ = ("id", "title", "date", "language", "series")
    TABLE = "meetings"
    start = _Cold()
    end = _Cold()
    location = _Cold()
    source = _Cold(dict)
    attendees = _Cold(list)
    absent = _Cold(list)
    chair = _Cold()
    secretary = _Cold()
    agenda = _Cold(list)
    decisions = _Cold(list)
    next_meeting = _Cold()
    imported = _Cold()
    updated = _Cold()

    def __init__(self, meeting_id: str, doc: dict, fetch: Callable[[str, str], dict] | None = None) -> None:
        self.id = meeting_id
        self.title = doc.get("title")
        self.date = _date(doc.get("date"))
        self.language = doc.get("language")
        self.series = doc.get("series")
        self._doc, self._fetch = doc, fetch

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


class Mention(namedtuple("Mention", "meeting date status word sentence line paragraph score outcome "
                                    "reason doubt", defaults=(None,))):
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

    __slots__ = ()

    @classmethod
    def from_doc(cls, doc: dict) -> Mention:
        return cls(
            meeting=doc["meeting"],
            date=_date(doc.get("date")),
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


class Note(namedtuple("Note", "at by text")):
    """A member's remark on an action."""

    __slots__ = ()

    def to_json(self) -> dict:
        return {"at": self.at, "by": self.by, "text": self.text}


class Action(_Record):
    """A tracked action: what the minutes asked of whom by when, and how it stands.

    ``vanished`` is true when an edited version of the minutes no longer has the action;
    it is kept, with its status, notes and history. An open one gets the status
    ``vanished``, which the usual listings leave out, until a person keeps it (``open``
    again) or drops it (``cancelled``), or the minutes have it again. ``mentions``
    are what the minutes of later meetings said of it, oldest first (``Mention``).
    ``added`` is true for an action a member added (``minutes add``), not the minutes;
    its ``meeting`` has the id ``""`` when it was added to no meeting.

    The fields a listing shows are read with it; ``source``, ``created``, ``updated`` and
    ``mentions`` when first asked for.
    """

    __slots__ = ("id", "text", "owners", "due", "status", "meeting", "agenda_item", "due_text",
                 "notes", "vanished", "added")
    TABLE = "actions"
    source = _Cold(dict)
    created = _Cold()
    updated = _Cold()

    def __init__(self, action_id: str, doc: dict, meeting: Meeting,
                 fetch: Callable[[str, str], dict] | None = None) -> None:
        self.id = action_id
        self.text = doc["text"]
        self.owners = tuple(doc["owners"])
        self.due = _date(doc["due"])
        self.status = doc["status"]
        self.meeting = meeting
        self.agenda_item = doc.get("agenda_item")
        self.due_text = doc.get("due_text")
        self.notes = tuple(Note(note["at"], note["by"], note["text"]) for note in doc.get("notes") or ())
        self.vanished = doc.get("vanished") or False
        self.added = doc.get("added") or False
        self._doc, self._fetch = doc, fetch

    @property
    def mentions(self) -> tuple[Mention, ...]:
        return tuple(Mention.from_doc(m) for m in self._whole().get("mentions") or ())

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


class Person(namedtuple("Person", "name aliases open_actions", defaults=((), 0))):
    """A canonical name, the other names the minutes use for the same person, and how many
    open actions they own."""

    __slots__ = ()

    def to_json(self) -> dict:
        return {"name": self.name, "aliases": list(self.aliases), "open_actions": self.open_actions}


class Change(namedtuple("Change", "change at by via kind subject field old new undoes evidence",
                        defaults=(None, None, None, None))):
    """One entry of the history: who changed which field of what, when, from what to what.

    ``kind`` is ``action``, ``meeting`` or ``person`` and ``subject`` that record's id;
    ``field`` is ``created`` or ``deleted`` when the record itself came or went.
    ``change`` numbers one command's worth of entries (what ``undo`` reverts together);
    ``undoes`` is the change an undo reverted; ``evidence`` is, for a change the minutes
    of a later meeting made (``via`` ``follow-up``), the mention it followed (meeting,
    date, word, sentence, where).
    """

    __slots__ = ()

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
