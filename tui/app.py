"""``MinutesApp``: the terminal UI over one action store.

    from tracker import ActionStore
    from tui.app import MinutesApp

    MinutesApp(store=ActionStore("actions.json"), me="Inga Savukoski").run()

The app reads the store in a worker into an ``ActionIndex`` (``tui.index``) that every
screen filters and sorts in memory; it is the one that writes: each update is one call into
the store on this thread (``complete``, ``assign``…), shown at once, and each import runs
in a worker with a store object of its own. A timer looks at the store file every
``poll_interval`` seconds and reads it again when another process changed it; the screens
hear of every change through the ``store_changed`` signal and keep their cursors on the
same action. spaCy warms up in a worker once the first load is done, so the first import
is quick.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rich.segment import Segment
from textual import work
from textual.app import App
from textual.binding import Binding
from textual.filter import LineFilter
from textual.screen import Screen
from textual.signal import Signal

from minutes.text import UNSAFE, visible
from tracker import Action, ActionStore, Change, Changed, Meeting, Person, StoreError
from tracker.operations import set_status, unchanged
from tracker.people import People
from tui.commands import CommandsProvider, MeetingsProvider, PeopleProvider
from tui.index import ActionIndex
from tui.messages import ActionsLoaded, ImportFinished, OpenAction, OpenMeeting

__all__ = ["MinutesApp", "StoreUpdate"]

# small minutes in each language: parsing them loads spaCy, the models and dateparser
WARM_UP = (
    "Hallituksen kokous\nAika: 3.2.2026 klo 18\nPaikalla: Anna Virtanen, Pekka Nieminen\n"
    "1. Avaus\nPekka selvittää salin hinnan ensi perjantaina. Anna lähettää kutsun 20.2. mennessä.\n",
    "Board meeting\nDate: 3 February 2026\nPresent: Anna Smith, Ben Carter\n"
    "1. Opening\nACTION: Ben to book the venue by next Friday. Anna will send the invitation.\n",
    "Styrelsemöte\nDatum: 3.2.2026\nNärvarande: Anna Berg, Per Lund\n"
    "1. Öppnande\nÅtgärd: Per bokar lokalen senast 20.2.\n",
)


@dataclass(frozen=True)
class StoreUpdate:
    """What ``store_changed`` tells the screens: the actions that changed (``None``: the
    whole store was read again)."""

    action_ids: frozenset[str] | None = None


class MinutesApp(App[None]):
    """The minutes terminal UI: the actions (mine first), the meetings, each action's source
    in its minutes, every update the store offers, and the import of new minutes."""

    CSS_PATH = "app.tcss"
    TITLE = "minutes"
    COMMANDS = App.COMMANDS | {CommandsProvider, MeetingsProvider, PeopleProvider}
    BINDINGS = [
        Binding("ctrl+o", "import_minutes", "Import", id="app.import"),
        Binding("m", "meetings", "Meetings", id="app.meetings"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", show=False, id="app.quit"),
    ]

    def __init__(self, store: ActionStore, *, today: date | None = None, me: str | None = None,
                 poll_interval: float = 1.0, warm_up: bool = True,
                 import_folder: Path | None = None) -> None:
        super().__init__()
        self.store = store
        self.me = me
        self.poll_interval = poll_interval
        self.import_folder = import_folder or Path.cwd()
        self._today = today
        self._warm_up = warm_up
        self.index = ActionIndex(today=self.today)
        self.meetings: list[Meeting] = []
        self.people: list[Person] = []
        self.loaded = False
        self.load_error: str | None = None
        self.store_changed: Signal[StoreUpdate] = Signal(self, "store-changed")
        self.sub_title = str(store.path)
        self._people = People({})
        self._signature: tuple | None = None
        self._loading = False
        self._reader: ActionStore | None = None  # the load worker's own store object
        self._reader_lock = threading.Lock()

    @property
    def today(self) -> date:
        return self._today or date.today()

    # -- what reaches the terminal -----------------------------------------------------------

    def get_line_filters(self):
        """Textual's filters, and last ``Shown``: whatever a widget draws, no control
        character or bidirectional override of the data reaches the terminal."""
        return [*super().get_line_filters(), _SHOWN]

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = False) -> None:
        """A toast, always plain text (whatever a caller asks): what it quotes, an action's
        text or an error naming a file, is data, never markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def get_default_screen(self) -> Screen:
        from tui.screens.actions import ActionsScreen

        return ActionsScreen()

    def on_mount(self) -> None:
        self.load()
        self.set_interval(self.poll_interval, self._poll, name="poll the store")

    def on_unmount(self) -> None:
        if self._reader is not None:
            self._reader.close()

    # -- reading -----------------------------------------------------------------------------

    def load(self) -> None:
        """Read the whole store again, in a worker; ``ActionsLoaded`` follows."""
        self._loading = True
        self._read_store()

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _read_store(self) -> None:
        with self._reader_lock:
            signature = self._stat()
            if self._reader is None:
                self._reader = ActionStore(self.store.path, user=self.store.user)
            reader = self._reader
            try:
                with _collector_paused():
                    people = reader.people()
                    me, me_problem = self._canonical(self.me, people)
                    index = ActionIndex(reader.actions(today=self.today), me=me, today=self.today)
                    meetings = reader.meetings()
            except (StoreError, OSError) as error:
                self.post_message(ActionsLoaded(None, signature=signature, error=str(error)))
                return
            except Exception as error:  # never leave the table waiting for rows
                self.post_message(ActionsLoaded(None, signature=signature,
                                                error=f"{type(error).__name__}: {error}"))
                raise
        self.post_message(ActionsLoaded(index, meetings, people, me, signature,
                                        me_problem=me_problem))

    @staticmethod
    def _canonical(me: str | None, people: list[Person]) -> tuple[str | None, str | None]:
        """The registered name ``me`` means, and what is wrong with it if it means none."""
        if not me:
            return None, None
        try:
            found = _registry(people).resolve(me)
        except StoreError as error:
            return me, f"--me: {error}"
        return (found, None) if found else (me, f"--me: nobody called {me!r} in the people registry")

    def on_actions_loaded(self, message: ActionsLoaded) -> None:
        self._loading = False
        self._signature = message.signature
        self.load_error = message.error
        if message.index is None:
            self.notify(message.error or "the store could not be read", severity="error",
                        title="Store", timeout=10)
            self.store_changed.publish(StoreUpdate(None))
            return
        first = not self.loaded
        if first and message.me_problem:
            self.notify(message.me_problem, severity="warning", timeout=8)
        self.index, self.meetings, self.people = message.index, message.meetings, message.people
        self._people = _registry(message.people)
        self.me = message.me
        self.loaded = True
        self.store_changed.publish(StoreUpdate(None))
        self.call_after_refresh(self.prepare_index, message.index)
        if first and self._warm_up:
            self.call_after_refresh(self.warm_up)

    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False)
    def prepare_index(self, index: ActionIndex) -> None:
        """Ready the text search once the rows are on the screen."""
        index.prepare()

    def _stat(self) -> tuple | None:
        try:
            info = os.stat(self.store.path)
        except OSError:
            return None
        return (info.st_ino, info.st_size, info.st_mtime_ns)

    def _poll(self) -> None:
        """Read the store again if another process changed it."""
        if not self._loading and self._stat() != self._signature:
            self.load()

    @property
    def registry(self) -> People:
        """The people registry as last read."""
        return self._people

    def resolve_person(self, name: str) -> str | None:
        """The canonical name ``name`` means in the people registry as last read (may raise
        ``StoreError`` for a name several people share)."""
        return self._people.resolve(name)

    def roster(self, meeting: Meeting | None = None) -> list[str]:
        """Names to offer for owners: the meeting's attendees first, then the registry."""
        names = [a["name"] for a in meeting.attendees] if meeting else []
        names += [p.name for p in self.people]
        return list(dict.fromkeys(names))

    def action(self, action_id: str) -> Action | None:
        """The action as last read, else from the store."""
        found = self.index.get(action_id)
        if found is None:
            try:
                found = self.store.action(action_id)
            except StoreError:
                return None
        return found

    # -- writing -------------------------------------------------------------------------------

    def change(self, write: Callable[[ActionStore], list[Change]], *, done: str = "",
               yours: str = "") -> list[Change] | None:
        """Make one change to the store (on this thread), show it at once, and say so.

        ``write`` is one call into the store; a ``StoreError`` is shown, not raised. When
        someone changed the value meanwhile (``Changed``: the write compares what the
        person saw), the toast shows what it is now, what they saw, and ``yours``.
        """
        before = self._stat()
        try:
            changes = write(self.store)
        except Changed as error:
            self.notify(f"Someone changed the {error.field} meanwhile: now {_said(error.now)} "
                        f"(you saw {_said(error.shown)}; yours: {yours or '?'}). Nothing was "
                        "changed: look again, then try again.", severity="warning",
                        title="Not changed", timeout=12)
            self.load()
            return None
        except StoreError as error:
            self.notify(str(error), severity="error", title="Not changed")
            return None
        if before == self._signature:  # nobody else wrote since the last read: no reload
            self._signature = self._stat()
        self._take_in(changes)
        if done:
            self.notify(done if changes else "Nothing to change.", timeout=3)
        return changes

    def _take_in(self, changes: Iterable[Change]) -> None:
        changes = list(changes)
        if any(c.kind != "action" or c.field in ("created", "deleted") for c in changes):
            self.load()  # an import undone, an alias: read everything again
            return
        changed = frozenset(c.subject for c in changes)
        for action_id in changed:
            self.index.replace(self.store.action(action_id))
        if any(c.field == "owners" for c in changes):
            self.people = self.store.people()
            self._people = _registry(self.people)
        self.store_changed.publish(StoreUpdate(changed))

    def toggle_status(self, action_id: str, status: str) -> None:
        """``done``/``cancelled``; an action already so is opened again. The change holds
        only while the status is still the one shown (``operations.unchanged``)."""
        action = self.action(action_id)
        if action is None:
            return
        new, via, said = (("open", "reopen", "Opened again") if action.status == status else
                          (status, "done" if status == "done" else "cancel",
                           "Done" if status == "done" else "Cancelled"))
        self.change(lambda s: s.update([action_id], unchanged("status", action.status),
                                       set_status(new), via=via),
                    done=f"{said}: {action.text}", yours=new)

    def undo(self) -> None:
        """Take back the latest change this person (the store's user) made, and name it."""
        changes = self.change(lambda s: s.undo())
        if changes:
            self.notify(undone_text(changes, self.index.get), timeout=6)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def write_import(self, minutes, settle: dict[str, str] | None = None) -> None:
        """Store reviewed minutes (in a worker, with a store object of its own), and in the
        same change what the review settled of the actions they no longer have (``settle``:
        id -> ``open`` to keep one, ``cancelled`` to drop it)."""
        try:
            with ActionStore(self.store.path, user=self.store.user) as store, store.batch():
                result = store.import_minutes(minutes)
                for action_id, status in (settle or {}).items():
                    store.reopen(action_id) if status == "open" else store.cancel(action_id)
        except (StoreError, OSError) as error:
            self.post_message(ImportFinished(None, str(error)))
            return
        self.post_message(ImportFinished(result))

    def on_import_finished(self, message: ImportFinished) -> None:
        if message.result is None:
            self.notify(message.error or "the import failed", severity="error", title="Import",
                        timeout=10)
            return
        self.notify(message.result.summary().splitlines()[0], title="Imported", timeout=6)
        self.load()
        self.home()

    # -- spaCy ---------------------------------------------------------------------------------

    @work(thread=True, group="warm-up", exit_on_error=False)
    def warm_up(self) -> None:
        """Load the parser's libraries and models now, so the first import is quick."""
        from minutes import parse

        for text in WARM_UP:
            parse(text)

    # -- going places ----------------------------------------------------------------------------

    def on_open_action(self, message: OpenAction) -> None:
        from tui.screens.action import ActionScreen

        self.push_screen(ActionScreen(message.action_id))

    def on_open_meeting(self, message: OpenMeeting) -> None:
        self.open_meeting(message.meeting_id)

    def open_meeting(self, meeting_id: str) -> None:
        from tui.screens.meeting import MeetingScreen

        self.push_screen(MeetingScreen(meeting_id))

    def home(self):
        """Back to the actions table (the first screen) and return it."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        return self.screen

    def show_actions(self, filter_text: str | None = None, sort: str | None = None) -> None:
        """Go home and filter (and sort) the actions."""
        home = self.home()
        if filter_text is not None:
            home.set_filter(filter_text)
        if sort is not None:
            home.set_sort(sort)

    def action_meetings(self) -> None:
        from tui.screens.meetings import MeetingsScreen

        if not isinstance(self.screen, MeetingsScreen):
            self.push_screen(MeetingsScreen())

    def action_import_minutes(self) -> None:
        from tui.screens.importing import ImportScreen

        if not isinstance(self.screen, ImportScreen):
            self.push_screen(ImportScreen(self.import_folder))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def undone_text(changes: list[Change], known: Callable[[str], Action | None]) -> str:
    """What an undo took back, in words: the change, and each action by its text."""
    from tui.store_cli import what_changed

    first = changes[0]
    lines = [f"Undid {first.via} by {first.by}:"]
    for c in list(reversed(changes))[:3]:
        action = known(c.subject) if c.kind == "action" else None
        old = c.old if isinstance(c.old, dict) else {}
        name = f"“{action.text}”" if action else f"“{old['text']}”" if "text" in old else f"{c.kind} {c.subject}"
        lines.append(f"{name} — took back {what_changed(c)}")
    if len(changes) > 3:
        lines.append(f"and {len(changes) - 3} more")
    return "\n".join(lines)


def _said(value) -> str:
    if isinstance(value, list):
        return ", ".join(value) or "nobody"
    return "none" if value is None else str(value)


class Shown(LineFilter):
    """Every character of the data that a terminal would obey (a control character, a
    bidirectional override) drawn as its sign (``minutes.text.visible``), the line kept
    at its width."""

    def apply(self, segments: list[Segment], background) -> list[Segment]:
        if not any(UNSAFE.search(segment.text) for segment in segments):
            return segments
        width = Segment.get_line_length(segments)
        shown = [segment if segment.control else Segment(visible(segment.text), segment.style)
                 for segment in segments]
        return list(Segment.adjust_line_length(shown, width))


_SHOWN = Shown()


def _registry(people: list[Person]) -> People:
    return People({p.name: {"aliases": list(p.aliases)} for p in people})


@contextmanager
def _collector_paused():
    """Build many small objects without the cyclic collector scanning them again and again
    (as ``tracker.storage`` parses), then set them aside as long-lived: they stay until the
    next load, and a full collection over 50,000 actions would cost 0.2 s each time."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
