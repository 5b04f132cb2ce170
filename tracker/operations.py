"""Changes to the store, each recorded in its history, and ``undo``.

An update operation is a closure over what to change, applied to one action document
inside a ``Transaction`` (as TinyDB's ``operations`` are applied to documents)::

    store.update(["a3f9c1", "7be"], set_status("done"))
    store.update(["a3f9c1"], set_due(date(2026, 3, 25)), add_note("asked the city"))

Every field a transaction changes becomes one history entry (who, when, through which
verb, field, old value, new value); the entries of one transaction share a change number,
and ``undo`` reverts the newest change that has not been undone yet, recording that too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from minutes.text import clean
from tracker.codec import KINDS, STATUSES
from tracker.errors import Changed, NothingToUndo, StoreError
from tracker.ids import IdSpace
from tracker.people import People, register, tidy
from tracker.i18n import _

__all__ = ["Operation", "Transaction", "accept_mention", "add_action", "add_note", "assign", "set_due",
           "unchanged", "undoable",
           "set_status", "set_text", "undo"]


class Transaction:
    """One locked read-modify-write of the database: the data, who is changing it and
    through which verb, and the history entries it has added."""

    def __init__(self, data: dict, *, by: str, via: str, at: str,
                 last: tuple[int, int] | None = None) -> None:
        """``last`` is the number of the latest change and the key of its last history entry
        (``AtomicStorage.last``: the history in ``data`` may hold only the journal's part);
        by default they are read from ``data``'s history."""
        self.data = data
        self.by = by
        self.via = via
        self.at = at
        if last is None:
            history = data["history"]
            key = next(reversed(history), None)
            last = (history[key]["change"], int(key)) if key else (0, 0)
        self.change = last[0] + 1
        self._next_key = last[1] + 1
        self.added: dict[str, dict] = {}  # the history entries made, by key
        self._people: People | None = None
        self._ids: IdSpace | None = None

    @property
    def entries(self) -> int:
        """How many history entries this transaction has made."""
        return len(self.added)

    def next_change(self) -> None:
        """What follows is a change of its own for ``undo`` (one file of a batch import)."""
        if self.added and next(reversed(self.added.values()))["change"] == self.change:
            self.change += 1

    def journaled(self) -> bool:
        """Whether every entry made sets a field of a record that is still there: a change
        that can be one line of the journal (``AtomicStorage.append``)."""
        return all(entry["field"] not in ("created", "deleted")
                   and next(entry[k] in self.data[KINDS[k]] for k in KINDS if k in entry)
                   for entry in self.added.values())

    @property
    def people(self) -> People:
        if self._people is None:
            self._people = People(self.data["people"])
        return self._people

    @property
    def ids(self) -> IdSpace:
        """The ids of meetings and actions, for making new ones."""
        if self._ids is None:
            self._ids = IdSpace(self.data["meetings"], self.data["actions"])
        return self._ids

    def record(self, kind: str, subject: str, field: str, old: object = None, new: object = None,
               undoes: int | None = None, evidence: dict | None = None) -> None:
        entry = {"change": self.change, "at": self.at, "by": self.by, "via": self.via,
                 kind: subject, "field": field}
        if old is not None:
            entry["old"] = old
        if new is not None:
            entry["new"] = new
        if undoes is not None:
            entry["undoes"] = undoes
        if evidence is not None:
            entry["evidence"] = evidence
        key = str(self._next_key)
        self.data["history"][key] = entry
        self.added[key] = entry
        self._next_key += 1

    def latest(self, count: int) -> list[dict]:
        """The last ``count`` history entries this transaction made, oldest first."""
        return list(self.added.values())[len(self.added) - count:] if count else []

    def set(self, kind: str, subject: str, doc: dict, field: str, value: object,
            evidence: dict | None = None) -> bool:
        """Set ``doc[field]`` and record the change (with the ``evidence`` for it, if any);
        False when it already had the value."""
        old = doc.get(field)
        if old == value:
            return False
        doc[field] = value
        if "updated" in doc:
            doc["updated"] = self.at
        self.record(kind, subject, field, old, value, evidence=evidence)
        return True

    def create(self, kind: str, subject: str, doc: dict) -> None:
        self.data[KINDS[kind]][subject] = doc
        self.record(kind, subject, "created")

    def delete(self, kind: str, subject: str) -> None:
        doc = self.data[KINDS[kind]].pop(subject)
        self.record(kind, subject, "deleted", old=doc)


Operation = Callable[[Transaction, str, dict], None]
"""Changes one action document (``tx``, action id, document) through ``tx.set``."""


def unchanged(field: str, shown: object) -> Operation:
    """Go on only while the action's ``field`` is still ``shown`` (as stored: a list of
    owners, an ISO date), what a person saw when they chose a change: a compare-and-set.
    ``Changed`` names what it is now."""

    def apply(tx: Transaction, action_id: str, action: dict) -> None:
        if action.get(field) != shown:
            raise Changed(action_id, field, action.get(field), shown)

    return apply


def set_status(status: str) -> Operation:
    """``open``, ``done`` or ``cancelled`` (or ``vanished``, which imports set)."""
    if status not in STATUSES:
        raise StoreError(_("unknown status {status}: use open, done, cancelled or vanished").format(
            status=repr(status)))

    def apply(tx: Transaction, action_id: str, action: dict) -> None:
        tx.set("action", action_id, action, "status", status)

    return apply


def assign(*owners: str, new: bool = False) -> Operation:
    """Make these people the action's owners: the words typed are grouped into names
    (``People.group``) and each name read as the parser reads names (``Ingelalle``,
    ``Tommi``). A name that means nobody is ``UnknownPerson``, unless ``new``: then it
    is registered as a new person."""
    if not all(tidy(owner) for owner in owners):
        raise StoreError(_("an owner's name cannot be empty"))

    def apply(tx: Transaction, action_id: str, action: dict) -> None:
        names = dict.fromkeys(owner_named(tx, name, new=new) for name in tx.people.group(owners))
        tx.set("action", action_id, action, "owners", list(names))

    return apply


def owner_named(tx: Transaction, name: str, *, new: bool = False) -> str:
    """The registered person ``name`` means; with ``new``, a new person when nobody."""
    if new and tx.people.resolve(name) is None:
        return register(tx, name)
    return tx.people.known(name)


def set_due(due: date | None) -> Operation:
    """A new due date (None: no due date); the minutes' own wording of it goes."""

    def apply(tx: Transaction, action_id: str, action: dict) -> None:
        tx.set("action", action_id, action, "due", due.isoformat() if due else None)
        tx.set("action", action_id, action, "due_text", None)

    return apply


def set_text(text: str) -> Operation:
    """A corrected text of the action (cleaned: ``minutes.text.clean``, one line). The
    minutes' own wording is kept as ``minutes_text`` the first time, so that a re-import of
    the minutes still knows the action (``tracker.importer``) and keeps the correction."""
    text = " ".join(clean(text).split())
    if not text:
        raise StoreError(_("an action's text cannot be empty"))

    def apply(tx: Transaction, action_id: str, action: dict) -> None:
        if action["text"] != text and not action.get("added") and action.get("minutes_text") is None:
            tx.set("action", action_id, action, "minutes_text", action["text"])
        tx.set("action", action_id, action, "text", text)

    return apply


def add_action(tx: Transaction, text: str, *, owners: tuple[str, ...] = (), due: date | None = None,
               meeting: str | None = None, new: bool = False) -> str:
    """Create an action the minutes did not give (the parser missed it): its text, owners
    (read as ``assign`` reads them), due date and meeting (an id, or none); return its id.
    It is marked ``added``, so that a re-import of its meeting's minutes leaves it be."""
    text = " ".join(clean(text).split())
    if not text:
        raise StoreError(_("an action's text cannot be empty"))
    names = dict.fromkeys(owner_named(tx, name, new=new) for name in tx.people.group(owners))
    action_id = tx.ids.new(f"{meeting}\n{text}\n{tx.at}")
    tx.create("action", action_id, {
        "meeting": meeting, "text": text, "owners": list(names), "due": due.isoformat() if due else None,
        "due_text": None, "agenda_item": None, "source": {}, "status": "open", "notes": [],
        "vanished": False, "added": True, "created": tx.at, "updated": tx.at,
    })
    return action_id


def add_note(text: str) -> Operation:
    """Add a note signed by whoever makes the change (cleaned: ``minutes.text.clean``)."""
    text = clean(text).strip()
    if not text:
        raise StoreError(_("a note cannot be empty"))

    def apply(tx: Transaction, action_id: str, action: dict) -> None:
        note = {"at": tx.at, "by": tx.by, "text": text}
        tx.set("action", action_id, action, "notes", [*action.get("notes", ()), note])

    return apply


def accept_mention(meeting_id: str | None = None) -> Operation:
    """Follow the action's proposed mention from this meeting (None: the latest proposed):
    record it as applied and take its status, with its sentence as the evidence."""

    def apply(tx: Transaction, action_id: str, action: dict) -> None:
        mentions = [dict(m) for m in action.get("mentions") or ()]
        proposed = [m for m in mentions if m.get("outcome") == "proposed"
                    and meeting_id in (None, m.get("meeting"))]
        if not proposed:
            raise StoreError(_("action {id} has no proposed mention to accept").format(id=action_id))
        chosen = proposed[-1]
        chosen["outcome"] = "applied"
        tx.set("action", action_id, action, "mentions", mentions)
        if chosen["status"] != action["status"]:
            where = {k: chosen.get(k) for k in ("line", "paragraph") if chosen.get(k) is not None}
            evidence = {"meeting": chosen["meeting"], "date": chosen.get("date"),
                        "word": chosen.get("word"), "sentence": chosen.get("sentence"), **where}
            tx.set("action", action_id, action, "status", chosen["status"], evidence=evidence)

    return apply


def undoable(history: dict[str, dict], by: str | None = None) -> tuple[int, list[dict]]:
    """The newest change not undone yet, made by ``by`` (None: by anyone), and its history
    entries, newest first. ``NothingToUndo`` when there is none; ``StoreError`` when someone
    else has since changed what it changed (undoing it would undo theirs too)."""
    undone: set[int] = set()
    later: list[dict] = []  # changes made since, still standing
    target = None
    entries: list[dict] = []
    for key in reversed(history):
        entry = history[key]
        if target is None:
            if "undoes" in entry:
                undone.add(entry["undoes"])
                continue
            if entry["change"] in undone:
                continue
            if by is not None and entry["by"] != by:
                later.append(entry)
                continue
            target = entry["change"]
        if entry["change"] != target:
            break
        entries.append(entry)
    if target is None:
        raise NothingToUndo(_("nothing of {name}'s to undo").format(name=by) if by is not None
                            else _("nothing to undo"))
    for entry in entries:
        kind = _kind(entry)
        for since in later:
            if since.get(kind) == entry[kind] and (
                    since["field"] == entry["field"] or "created" in (since["field"], entry["field"])
                    or "deleted" in (since["field"], entry["field"])):
                raise StoreError(_(
                    "change {change} ({via} by {by}) cannot be undone: {other} changed the {field} of "
                    "{kind} {subject} since (change {since}); `undo --any` takes back the latest change, "
                    "whoever made it").format(change=target, via=entry["via"], by=entry["by"],
                                              other=since["by"], field=since["field"], kind=kind,
                                              subject=entry[kind], since=since["change"]))
    return target, entries


def undo(tx: Transaction, *, by: str | None = None, change: int | None = None) -> list[dict]:
    """Revert the newest change not undone yet, made by ``by`` (None: by anyone; see
    ``undoable``) and, when ``change`` is given, only if it is still that change (a person
    saw it before saying yes); return its history entries (newest first)."""
    target, entries = undoable(tx.data["history"], by)
    if change is not None and target != change:
        raise StoreError(_("change {change} is no longer the latest (change {target} came since): "
                           "nothing undone").format(change=change, target=target))
    for entry in entries:
        _revert(tx, entry, target)
    tx.people.changed()
    return entries


def _kind(entry: dict) -> str:
    return next(k for k in KINDS if k in entry)


def _revert(tx: Transaction, entry: dict, target: int) -> None:
    kind = _kind(entry)
    subject, field = entry[kind], entry["field"]
    table = tx.data[KINDS[kind]]
    if field == "created":
        doc = table.pop(subject, None)
        tx.record(kind, subject, "deleted", old=doc, undoes=target)
    elif field == "deleted":
        table[subject] = entry["old"]
        tx.record(kind, subject, "created", undoes=target)
    else:
        doc = table.get(subject)
        if doc is None:  # gone since; nothing to put back
            tx.record(kind, subject, field, undoes=target)
            return
        current, value = doc.get(field), entry.get("old")
        doc[field] = value
        if "updated" in doc:
            doc["updated"] = tx.at
        tx.record(kind, subject, field, current, value, undoes=target)
