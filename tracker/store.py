"""``ActionStore``: the meetings, actions, people and history of one store file."""

from __future__ import annotations

import heapq
import os
from collections import namedtuple
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date

from minutes.text import clean
from tracker import codec, operations
from tracker.codec import Action, Change, Meeting, Mention, Person, iso
from tracker.errors import AmbiguousId, StoreError, UnknownId
from tracker.ids import IdSpace, find
from tracker.people import People
from tracker.people import alias as make_alias
from tracker.storage import AtomicStorage
from tracker.i18n import _

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing on every command
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from minutes.model import Minutes

    from tracker import queries
    from tracker.agenda import Agenda
    from tracker.importer import ImportResult
    from tracker.operations import Operation, Transaction
    from tracker.queries import Query
    from tracker.series import Series

__all__ = ["ActionStore", "Stale", "default_path", "default_user", "read_due"]


def default_path() -> Path:
    """``$MINUTES_STORE``, else ``actions.json`` in the user's data directory."""
    from pathlib import Path

    return Path(_default_file())


def _default_file() -> str:
    if os.environ.get("MINUTES_STORE"):
        return os.path.expanduser(os.environ["MINUTES_STORE"])
    from platformdirs import user_data_dir

    return os.path.join(user_data_dir("minutes", appauthor=False), "actions.json")


def default_user() -> str:
    """Who the history says made a change: ``$USER`` (``$USERNAME`` on Windows)."""
    return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


NO_DUE = ("none", "-")


def read_due(phrase: str, language: str | None = None, today: date | None = None) -> date | None:
    """The due date a person typed: an ISO date, ``none`` (no due date) or any phrase the
    parser reads as a due date (``minutes.dates.read``), from ``today``, in ``language``
    (the minutes') first, then the others. ``StoreError`` says why a phrase is no date.

    An ISO date or ``none`` needs no parser; nor does ``25.3.`` need dateparser."""
    phrase = " ".join(phrase.split())
    if phrase.casefold() in NO_DUE:
        return None
    try:
        return date.fromisoformat(phrase)
    except ValueError:
        pass
    from minutes.dates import UnreadableDate, read
    from minutes.lang import LANGUAGES

    refusals = []
    for lang in dict.fromkeys([language, *LANGUAGES]):
        if lang:
            try:
                return read(phrase, today or date.today(), lang, typed=True)
            except UnreadableDate as refusal:
                refusals.append(refusal)
    # the language that came nearest says why: the longest date it found in the phrase
    nearest = max(refusals, key=lambda r: len(r.reading.text) if r.reading else -1)
    hint = "" if nearest.reading else _(" (try 2026-03-25, 25.3., next friday or none)")
    raise StoreError(_("cannot read the due date {phrase}{hint}").format(phrase=nearest, hint=hint))


class Stale(namedtuple("Stale", "action carried_over days_overdue")):
    """An open action that has waited too long: carried over to ``carried_over`` later
    meetings of its series, ``days_overdue`` past its due date (0 when not overdue)."""

    __slots__ = ()

    def to_json(self) -> dict:
        return {**self.action.to_json(), "carried_over": self.carried_over,
                "days_overdue": self.days_overdue}


class ActionStore:
    """The action store: meetings and their actions, the people registry and the history
    of every change, in one TinyDB file shared safely by several processes.

    Reads are served from the files as last parsed, re-read only when they changed; a
    listing reads what it shows (``codec.HOT``), and the rest of a record (its source,
    mentions, history) is read when first asked for. Every change is one locked
    read-modify-write: a change of fields is one line added to the store's journal, any
    other change one atomic write of the whole store (``tracker.storage``); ``batch()``
    makes several changes one write (and one change for ``undo``). One store object is for
    one thread; processes share a store safely, each with its own ``ActionStore``.
    ``report(message)`` hears what the store mended as it read (a journal line cut off by a
    crash); by default it is a warning.
    """

    def __init__(self, path: str | os.PathLike | None = None, *, user: str | None = None,
                 report: Callable[[str], None] | None = None) -> None:
        self._file = os.fspath(path) if path is not None else _default_file()
        self.user = " ".join(clean(user or default_user()).split()) or "unknown"
        self._storage = AtomicStorage(self._file, validate=codec.check, report=report)
        self._tx: Transaction | None = None

    @property
    def path(self) -> Path:
        """The store's file (a ``pathlib.Path``)."""
        from pathlib import Path

        return Path(self._file)

    def version(self) -> tuple:
        """What changes whenever the store does, by any process (cheap: two ``stat``)."""
        return self._storage.version()

    def __enter__(self) -> ActionStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._storage.close()

    def __repr__(self) -> str:
        return f"ActionStore({self._file!r})"

    # -- reading ---------------------------------------------------------------------------

    def _hot(self) -> dict:
        """The database with what a listing shows (``AtomicStorage.read_hot``)."""
        if self._tx is not None:
            return self._tx.data
        return self._storage.read_hot() or codec.new_database()

    def _whole(self) -> dict:
        """The whole database, cold fields and history too."""
        if self._tx is not None:
            if self._storage.holds(self._tx.data) and not self._storage.whole:
                self._storage.read()  # fills in the transaction's own data
            return self._tx.data
        return self._storage.read() or codec.new_database()

    def _fetch(self, table: str, key: str) -> dict | None:
        """A record's whole document, for the cold fields of a record already read."""
        data = self._whole() if self._tx is not None else self._storage.cached()
        return data[table].get(key) if data is not None else None

    def _fetcher(self) -> Callable[[str, str], dict | None] | None:
        """How the records about to be made get their cold fields: None when the data they
        are made of has them (read whole, or made in this process)."""
        data = self._tx.data if self._tx is not None else None
        if self._storage.whole or data is not None and not self._storage.holds(data):
            return None
        return self._fetch

    def actions(
        self,
        where: Query | None = None,
        *,
        owner: str | None = None,
        status: str | Iterable[str] | None = None,
        overdue: bool = False,
        due_within: int | None = None,
        meeting: str | None = None,
        text: str | None = None,
        today: date | None = None,
        limit: int | None = None,
    ) -> list[Action]:
        """The actions that meet every condition given, by due date (undated last); the
        first ``limit`` of them when given (a screenful, before the rest is made).

        ``where`` is any composed query (see ``tracker.queries``); the keywords add the
        common ones: ``owner`` (a name or alias), ``status`` (one or several; ``all`` or
        None for all),
        ``overdue`` and ``due_within`` (days) relative to ``today``, ``meeting`` (an id
        prefix) and ``text`` (words).
        """
        from tracker import queries  # (an update verb needs none)

        conditions = [where] if where is not None else []
        if owner is not None:
            conditions.append(queries.owner(owner))
        if status is not None and status != "all":
            conditions.append(queries.status(*([status] if isinstance(status, str) else status)))
        if overdue:
            conditions.append(queries.overdue())
        if due_within is not None:
            conditions.append(queries.due_within(due_within))
        if meeting is not None:
            conditions.append(queries.meeting(meeting))
        if text is not None:
            conditions.append(queries.text(text))
        data = self._hot()
        table, meetings = data["actions"], data["meetings"]
        if conditions:
            query = conditions[0]
            for condition in conditions[1:]:
                query = query & condition
            test = query.compile(self._context(data, today))
            found = [(key, doc) for key, doc in table.items() if test(doc)]
        else:
            found = list(table.items())
        dates = {key: doc.get("date") or "" for key, doc in meetings.items()}

        def by_due(item):
            return item[1]["due"] or "~", dates.get(item[1]["meeting"], ""), item[0]

        if limit is not None and limit < len(found):  # a screenful of 50,000: no sort of all
            found = heapq.nsmallest(limit, found, key=by_due)
        else:
            found.sort(key=by_due)
        return self._actions(found, meetings)

    def action(self, action_id: str) -> Action:
        """The action with this id or unique id prefix."""
        data = self._hot()
        _, key = find(action_id, {"action": data["actions"]})
        return self._actions([(key, data["actions"][key])], data["meetings"])[0]

    def meetings(self) -> list[Meeting]:
        """Every meeting, the latest first."""
        table, fetch = self._hot()["meetings"], self._fetcher()
        found = [Meeting(key, doc, fetch) for key, doc in table.items()]
        found.sort(key=lambda m: (m.date or date.min, m.id), reverse=True)
        return found

    def meeting(self, meeting_id: str) -> Meeting:
        """The meeting with this id or unique id prefix."""
        table = self._hot()["meetings"]
        _, key = find(meeting_id, {"meeting": table})
        return Meeting(key, table[key], self._fetcher())

    def find(self, some_id: str) -> Action | Meeting:
        """The action or meeting with this id or unique id prefix."""
        data = self._hot()
        kind, key = find(some_id, {"action": data["actions"], "meeting": data["meetings"]})
        return self.action(key) if kind == "action" else self.meeting(key)

    def read_whole(self) -> None:
        """Read the cold fields and the whole history now: the records made after it hold
        every field and read nothing more of the store (a screen may use them on its own
        thread), and the records made before it ``held`` theirs."""
        self._whole()

    def history(self, some_id: str | None = None) -> list[Change]:
        """Every change, oldest first; or those of one action, meeting or person."""
        entries = self._whole()["history"].values()
        if some_id is None:
            return [Change.from_doc(e) for e in entries]
        return [Change.from_doc(e) for e in entries
                if some_id in (e.get("action"), e.get("meeting"), e.get("person"))]

    def people(self) -> list[Person]:
        """The registry, by name, with how many open actions each person owns."""
        data = self._hot()
        open_counts: dict[str, int] = {}
        for doc in data["actions"].values():
            if doc["status"] == "open":
                for name in doc["owners"]:
                    open_counts[name] = open_counts.get(name, 0) + 1
        return [Person(name, tuple(doc.get("aliases", ())), open_counts.get(name, 0))
                for name, doc in sorted(data["people"].items(), key=lambda p: p[0].casefold())]

    def person(self, name: str) -> str | None:
        """The canonical name ``name`` means (a name, an alias or a unique first name)."""
        return People(self._hot()["people"]).resolve(name)

    # -- follow-through across meetings ----------------------------------------------------

    def series(self) -> list[Series]:
        """The meetings grouped by body (``tracker.series``), the most recently met first."""
        from tracker.series import group, keys

        table, fetch = self._hot()["meetings"], self._fetcher()
        named = keys(table)
        return group(Meeting(mid, {**doc, "series": named[mid]}, fetch) for mid, doc in table.items())

    def find_series(self, wanted: str) -> Series:
        """The series whose name starts with ``wanted`` (any case), or that holds the
        meeting with this id or unique id prefix."""
        everything = self.series()
        word = " ".join(wanted.casefold().split())
        if not word:
            raise UnknownId(_("an empty series name"))
        exact = [s for s in everything if s.name == word]
        found = exact or [s for s in everything if s.name.startswith(word)]
        try:
            _kind, key = find(wanted, {"meeting": self._hot()["meetings"]})
            found += [s for s in everything if key in {m.id for m in s.meetings} and s not in found]
        except (UnknownId, AmbiguousId):
            pass
        if not found:
            raise UnknownId(_("no series or meeting matches {wanted}").format(wanted=repr(wanted)))
        if len(found) > 1:
            names = "; ".join(repr(s.name) for s in found[:4])
            raise AmbiguousId(_("{wanted} could be {n} series ({names}); type more of the name").format(
                wanted=repr(wanted), n=len(found), names=names))
        return found[0]

    def carried_over(self) -> dict[str, int]:
        """For every action, by id: how many later meetings of its series met while it was
        still open (``tracker.series.carried_over``)."""
        from tracker.series import carried_over

        data = self._whole()
        return carried_over(data["actions"], data["meetings"], data["history"])

    def stale(self, *, today: date | None = None, carried: int | None = None,
              overdue_days: int | None = None) -> list[Stale]:
        """The open actions carried over ``carried`` (3) or more times or ``overdue_days``
        (30) or more past their due date, the longest waiting first."""
        from tracker.series import STALE_CARRIED, STALE_DAYS

        today = today or date.today()
        carried = STALE_CARRIED if carried is None else carried
        overdue_days = STALE_DAYS if overdue_days is None else overdue_days
        counts = self.carried_over()
        found = []
        for a in self.actions(status="open"):
            late = (today - a.due).days if a.due and a.due < today else 0
            if counts.get(a.id, 0) >= carried or (a.due and late >= overdue_days):
                found.append(Stale(a, counts.get(a.id, 0), late))
        found.sort(key=lambda s: (-s.carried_over, -s.days_overdue, s.action.id))
        return found

    def timeline(self, action_id: str) -> list[Mention]:
        """An action's life across meetings: the sentence that created it (``reason``
        ``created``), then what each later meeting's minutes said of it, oldest first."""
        a = self.action(action_id)
        created = Mention(a.meeting.id, a.meeting.date, "open", None, a.source.get("snippet") or a.text,
                          a.source.get("line"), a.source.get("paragraph"), 100, "applied", "created")
        return [created, *sorted(a.mentions, key=lambda m: m.date or date.min)]

    def agenda(self, series: str, *, today: date | None = None) -> Agenda:
        """The draft agenda of the next meeting of a series (a name prefix or a meeting id):
        its standing items and its open actions by owner (``tracker.agenda``)."""
        from tracker.agenda import draft

        found = self.find_series(series)
        ids = {m.id for m in found.meetings}
        open_actions = [a for a in self.actions(status="open", today=today) if a.meeting.id in ids]
        return draft(found, open_actions, self.carried_over())

    def _context(self, data: dict, today: date | None) -> queries.Context:
        from tracker import queries

        return queries.Context(today or date.today(), People(data["people"]), data["meetings"])

    def _actions(self, found: list[tuple[str, dict]], meetings: dict) -> list[Action]:
        made: dict[str, Meeting] = {}
        fetch = self._fetcher()
        result = []
        for key, doc in found:
            meeting_id = doc["meeting"] or ""  # an action added to no meeting: a meeting ""
            meeting = made.get(meeting_id)
            if meeting is None:
                meeting = made[meeting_id] = Meeting(meeting_id, meetings.get(meeting_id, {}), fetch)
            result.append(Action(key, doc, meeting, fetch))
        return result

    # -- changing --------------------------------------------------------------------------

    @contextmanager
    def _change(self, via: str, *, hot: bool = False) -> Iterator[Transaction]:
        """One locked read-modify-write, written once if anything changed: a change that
        only sets fields is a line of the journal, anything else a write of the whole store.
        ``hot``: the change reads only the fields ``codec.HOT`` names, so the rest of the
        store is not read (unless the change turns out to need a write of it all)."""
        if self._tx is not None:  # inside batch(): part of its one write
            outer, self._tx.via = self._tx.via, via
            try:
                yield self._tx
            finally:
                self._tx.via = outer
            return
        with self._storage.locked():
            data = self._storage.read_hot() if hot else self._storage.read()
            if data is None:
                data = codec.new_database()
            tx = operations.Transaction(data, by=self.user, via=via, at=codec.now(),
                                        last=self._storage.last())
            self._tx = tx
            try:
                yield tx
            except BaseException:
                self._storage.forget()  # the cached data may be half changed
                raise
            finally:
                self._tx = None
            if tx.entries:
                if tx.journaled():
                    self._storage.append(data, tx.added)
                else:
                    self._storage.write(data)

    @contextmanager
    def batch(self, *, hot: bool = False) -> Iterator[ActionStore]:
        """Hold the lock and make every change inside one write and one change (``hot``:
        the changes read only what ``codec.HOT`` names, as ``update``'s)."""
        with self._change("batch", hot=hot):
            yield self

    def import_minutes(self, minutes: Minutes, *, dry_run: bool = False) -> ImportResult:
        """Store a meeting and its actions from parsed minutes, in one write (see
        ``tracker.importer``); a dry run only reports what would change."""
        return self.import_all([minutes], dry_run=dry_run, each=False)[0]

    def import_all(self, minutes: Iterable[Minutes], *, dry_run: bool = False,
                   each: bool = True) -> list[ImportResult | StoreError]:
        """Store the meetings and actions of several minutes in one write, in the order
        given (a series' meetings in the order they met). ``each``: each minutes is a change
        of its own for ``undo``, and one the store refuses is left out, its place in the
        list holding the ``StoreError``; else all are one change, and a refusal stores none
        (it is raised)."""
        from tracker import importer

        results: list[ImportResult | StoreError] = []
        with self._change("import") as tx:
            data = tx.data
            index = importer.Index(data)  # one look through the store for every file
            for one in minutes:
                if each:
                    tx.next_change()
                ids = IdSpace(data["meetings"], data["actions"]) if dry_run else tx.ids
                try:
                    plan = importer.plan(data, one, at=tx.at, ids=ids, dry_run=dry_run, index=index)
                except StoreError as error:  # planning changes nothing: the others go on
                    if not each:
                        raise
                    results.append(error)
                    continue
                results.append(importer.apply(tx, plan))
        return results

    def update(self, action_ids: Iterable[str], *changes: Operation, via: str = "update",
               hot: bool = False) -> list[Change]:
        """Apply operations (``tracker.operations``) to actions by id or unique prefix;
        return the history entries made. All ids are checked before anything changes.
        ``hot``: the operations read only what ``codec.HOT`` names (those of this class do,
        but ``accept_mention``), so the rest of the store is not read."""
        with self._change(via, hot=hot) as tx:
            table = tx.data["actions"]
            keys = [find(action_id, {"action": table})[1] for action_id in action_ids]
            before = tx.entries
            for key in keys:
                for change in changes:
                    change(tx, key, table[key])
            return [Change.from_doc(e) for e in tx.latest(tx.entries - before)]

    def complete(self, *action_ids: str) -> list[Change]:
        return self.update(action_ids, operations.set_status("done"), via="done", hot=True)

    def reopen(self, *action_ids: str) -> list[Change]:
        return self.update(action_ids, operations.set_status("open"), via="reopen", hot=True)

    def cancel(self, *action_ids: str) -> list[Change]:
        return self.update(action_ids, operations.set_status("cancelled"), via="cancel", hot=True)

    def assign(self, action_id: str, *owners: str, new: bool = False) -> list[Change]:
        """Make these people the owners (``operations.assign``: names read as the parser
        reads them; ``UnknownPerson`` for nobody, unless ``new``)."""
        return self.update([action_id], operations.assign(*owners, new=new), via="assign", hot=True)

    def set_due(self, action_id: str, due: date | str | None, *, today: date | None = None) -> list[Change]:
        """Set the due date: a ``date``, ``None``, or a phrase a person typed (``25.3.``,
        ``ensi perjantaina``, ``next friday``, ``none``: see ``read_due``) read from
        ``today`` in the language of the action's minutes."""
        if isinstance(due, str):
            due = read_due(due, self.action(action_id).meeting.language, today)
        return self.update([action_id], operations.set_due(due), via="due", hot=True)

    def note(self, action_id: str, text: str) -> list[Change]:
        return self.update([action_id], operations.add_note(text), via="note", hot=True)

    def edit(self, action_id: str, *, text: str) -> list[Change]:
        """Correct what the parser misread: the action's text (``operations.set_text``; a
        re-import of its minutes keeps the correction)."""
        return self.update([action_id], operations.set_text(text), via="edit", hot=True)

    def add(self, text: str, *, owners: Iterable[str] = (), due: date | str | None = None,
            meeting: str | None = None, new: bool = False, today: date | None = None) -> Action:
        """Add the action the parser missed: ``owners`` read as ``assign`` reads them
        (``UnknownPerson`` for nobody, unless ``new``), ``due`` a date or a phrase
        (``read_due``), ``meeting`` an id or id prefix (None: no meeting). In the history
        as one change, which ``undo`` takes back."""
        with self._change("add") as tx:
            meeting_id = find(meeting, {"meeting": tx.data["meetings"]})[1] if meeting else None
            if isinstance(due, str):
                language = tx.data["meetings"][meeting_id].get("language") if meeting_id else None
                due = read_due(due, language, today)
            action_id = operations.add_action(tx, text, owners=tuple(owners), due=due,
                                              meeting=meeting_id, new=new)
        return self.action(action_id)

    def accept(self, action_id: str, meeting_id: str | None = None) -> list[Change]:
        """Follow a proposed mention of an action (the latest, or the one of the meeting
        with this id prefix): it becomes applied and the action takes its status."""
        meeting_key = find(meeting_id, {"meeting": self._hot()["meetings"]})[1] if meeting_id else None
        return self.update([action_id], operations.accept_mention(meeting_key), via="follow-up")

    def alias(self, alias: str, name: str) -> str:
        """Make ``alias`` another name of ``name``; return the canonical name."""
        with self._change("alias") as tx:
            return make_alias(tx, alias, name)

    def undo(self, *, anyone: bool = False, change: int | None = None) -> list[Change]:
        """Revert the newest change not yet undone that this store's ``user`` made (with
        ``anyone``: whoever made it); with ``change``, only if that is still the one (a
        person was shown it first: ``last_change``). Its entries, newest first. A change
        that someone else has built on since is refused (``operations.undoable``)."""
        with self._change("undo") as tx:
            entries = operations.undo(tx, by=None if anyone else self.user, change=change)
            return [Change.from_doc(e) for e in entries]

    def last_change(self, *, anyone: bool = False) -> list[Change]:
        """What ``undo`` would revert (the same ``anyone``), newest entry first."""
        _, entries = operations.undoable(self._whole()["history"], None if anyone else self.user)
        return [Change.from_doc(e) for e in entries]

    def digest(self, owner: str | None = None, *, meeting: str | None = None,
               today: date | None = None, format: str = "md", to: Iterable[str] = ()) -> str:
        """Open actions ready for an email: one person's (``owner``), overdue first; else
        by person, then those nobody owns (MeetBot's "Action items, by person"), of one
        meeting (an id or id prefix) or, with neither, of every meeting. ``format`` is
        ``md``, ``text``, or ``eml``: the text in a message a mail client opens ready to
        send (to the addresses ``to``, if any)."""
        from tracker import export

        today = today or date.today()
        body = "text" if format == "eml" else format
        if owner is not None:
            name = People(self._hot()["people"]).known(owner)
            subject = f"Open actions for {name}, {today.isoformat()}"
            text = export.digest(self.actions(owner=name, status="open", today=today), name, today, body)
        elif meeting is not None:
            found = self.meeting(meeting)
            subject = f"Action items: {found.title or '(untitled meeting)'} {iso(found.date) or ''}".rstrip()
            text = export.by_person(self.actions(meeting=found.id, status="open"), subject, body)
        else:
            subject = f"Open action items of every meeting, {today.isoformat()}"
            text = export.by_person(self.actions(status="open"), subject, body, meetings=True)
        return export.eml(subject, text, to) if format == "eml" else text
