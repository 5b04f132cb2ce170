"""``MinutesApp``: the terminal UI over one action store.

    from tracker import ActionStore
    from tui.app import MinutesApp

    MinutesApp(store=ActionStore("actions.json"), me="Ingela Kaarto").run()

Every read and write of the store runs on one thread of its own, the store's (a worker
that takes jobs in the order they were asked for), so the screen never waits for the file:
the app holds one ``ActionStore`` and, built from it, the ``ActionIndex`` (``tui.index``)
that every screen filters and sorts in memory. A change (``x``, ``a``, ``u``…) is shown at
once and written by the store's thread; the toast that follows confirms it, or the change
is taken back with the reason. A timer looks at the store file every ``poll_interval``
seconds and reads it again when another process changed it; the rows that changed are
marked (``StoreUpdate.outside``). The screens hear of every change through the
``store_changed`` signal and keep their cursors on the same action. spaCy warms up in a
worker once the first load is done, so the first import is quick.
"""

from __future__ import annotations

import gc
import queue
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rich.segment import Segment
from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter
from textual.screen import Screen
from textual.signal import Signal
from textual.worker import get_current_worker

from minutes.text import UNSAFE, visible
from tracker import Action, ActionStore, Change, Changed, Meeting, Person, StoreError
from tracker.i18n import N_, _, ngettext
from tracker.people import People
from tui.commands import ActionsProvider, CommandsProvider, MeetingsProvider, PeopleProvider, TextualCommands
from tui.index import ActionIndex
from tui.messages import (ActionsLoaded, ChangeRefused, ChangeWritten, ImportFinished, OpenAction,
                          OpenMeeting, StoreAnswered)

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
    whole store was read again), and ``outside``, the actions another process changed
    (found when the store was read again after such a change)."""

    action_ids: frozenset[str] | None = None
    outside: frozenset[str] = frozenset()


Write = Callable[[ActionStore], list[Change]]
FIRST_PAGE = 200  # the actions read first, for the first screen
READ_WHOLE = 2_000_000  # bytes of a store read whole at once (about 4,000 actions, 30 ms)
HEAD_START = 0.1  # s the screen has to draw a change before its write starts


class MinutesApp(App[None]):
    """The minutes terminal UI: the actions (mine first), the meetings, each action's source
    in its minutes, every update the store offers, and the import of new minutes."""

    CSS_PATH = "app.tcss"
    TITLE = "minutes"
    COMMANDS = {CommandsProvider, ActionsProvider, MeetingsProvider, PeopleProvider, TextualCommands}
    BINDINGS = [
        Binding("ctrl+o", "import_minutes", N_("Import"), id="app.import"),
        Binding("m", "meetings", N_("Meetings"), id="app.meetings"),
        Binding("question_mark", "help", N_("Help"), id="app.help"),
        Binding("q", "quit", N_("Quit"), id="app.quit"),
        Binding("q", "back", N_("Back"), id="app.back"),
    ]

    def __init__(self, store: ActionStore, *, today: date | None = None, me: str | None = None,
                 poll_interval: float = 1.0, warm_up: bool = True,
                 import_folder: Path | None = None, theme: str | None = None,
                 save_theme: Callable[[str], None] | None = None) -> None:
        super().__init__()
        self.store = store  # only the store's thread uses it
        self.me = me
        self.poll_interval = poll_interval
        self.import_folder = import_folder or Path.cwd()
        self._today = today
        self._warm_up = warm_up
        self.index = ActionIndex(today=self.today)
        self.meetings: list[Meeting] = []
        self.people: list[Person] = []
        self.loaded = False  # the whole store has been read
        self.partial = False  # the index holds only the first screenful
        self.load_error: str | None = None
        self.store_changed: Signal[StoreUpdate] = Signal(self, "store-changed")
        self.sub_title = str(store.path)
        self._people = People({})
        self._signature: tuple | None = None  # the store file as last read or written
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self.pending = 0  # jobs asked of the store's thread whose answer has not come back
        self._stored: dict[str, Action] = {}  # the store's thread's: actions as last read or written
        self._unconfirmed: dict[str, Action] = {}  # shown changed, not yet written
        self._painted = threading.Event()  # the first rows are on the screen
        self._save_theme = save_theme
        if theme and theme in self.available_themes:
            self.theme = theme

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
        self.theme_changed_signal.subscribe(self, self._theme_chosen)
        self._serve_store()
        self.load()
        self.set_interval(self.poll_interval, self._poll, name="poll the store")

    def on_unmount(self) -> None:
        self._jobs.put(None)  # the store's thread ends

    def _theme_chosen(self, theme) -> None:
        if self._save_theme is not None and self.is_running:
            self._save_theme(theme.name)

    # -- the store's thread ---------------------------------------------------------------------

    @work(thread=True, group="store", exit_on_error=False)
    def _serve_store(self) -> None:
        """Run the store's jobs one after another, in the order they were asked for."""
        worker = get_current_worker()
        while not worker.is_cancelled:
            try:
                job = self._jobs.get(timeout=0.2)
            except queue.Empty:
                continue
            if job is None:
                break
            job()
        self.store.close()

    def in_store(self, job: Callable[[], None]) -> None:
        """Run ``job`` on the store's thread, after every job asked for before; it posts
        what it found as a message, whose handler calls ``answered``."""
        self.pending += 1
        self._jobs.put(job)

    def answered(self) -> None:
        self.pending = max(0, self.pending - 1)

    # -- reading -----------------------------------------------------------------------------

    def load(self) -> None:
        """Read the whole store again (on the store's thread); ``ActionsLoaded`` follows."""
        self.in_store(self._read_store)

    def _read_store(self) -> None:
        signature = self._stat()
        store = self.store
        try:
            with _collector_paused():
                people = store.people()
                me, me_problem = self._canonical(self.me, people)
                if not self._stored:  # the first read: a screenful first, the rest after
                    self._first_page(me, people, signature)
                if self._small():  # the sentences of the minutes at hand for the preview
                    store.read_whole()
                actions = store.actions(today=self.today)
                outside = self._compare(actions)
                index = ActionIndex(actions, me=me, today=self.today)
                meetings = store.meetings()
        except (StoreError, OSError) as error:
            self.post_message(ActionsLoaded(None, signature=signature, error=str(error)))
            return
        except Exception as error:  # never leave the table waiting for rows
            self.post_message(ActionsLoaded(None, signature=signature,
                                            error=f"{type(error).__name__}: {error}"))
            raise
        self._signature = signature
        self.post_message(ActionsLoaded(index, meetings, people, me, signature,
                                        me_problem=me_problem, outside=outside))

    def _small(self) -> bool:
        """(On the store's thread.) Whether the store is read whole in the time of a
        keystroke; a bigger one's second line (the sentences of the minutes, the history)
        is read only for a screen that shows them."""
        try:
            return self.store.path.stat().st_size <= READ_WHOLE
        except OSError:
            return False

    def _first_page(self, me: str | None, people: list[Person], signature) -> None:
        """(On the store's thread.) The open actions the home screen shows first, mine
        first, as a partial index: at 50,000 actions they are on the screen in half the
        time the whole index takes."""
        page = self.store.actions(owner=me, status="open", limit=FIRST_PAGE) if me else []
        mine = {a.id for a in page}
        page += [a for a in self.store.actions(status="open", limit=FIRST_PAGE) if a.id not in mine]
        self.post_message(ActionsLoaded(ActionIndex(page, me=me, today=self.today), [], people, me,
                                        signature, partial=True))
        # the rest is Python work that would take the interpreter from the screen: let it
        # draw the first rows before going on
        self._painted.wait(timeout=0.5)

    def _compare(self, actions: list[Action]) -> frozenset[str]:
        """The actions that differ from the ones last read or written here (none the
        first time); ``actions`` become the ones last read."""
        before, self._stored = self._stored, {a.id: a for a in actions}
        if not before:
            return frozenset()
        changed = {a.id for a in actions if before.get(a.id) != a}
        return frozenset(changed | (before.keys() - self._stored.keys()))

    def _canonical(self, me: str | None, people: list[Person]) -> tuple[str | None, str | None]:
        """The registered name ``me`` means, and what is wrong with it if it means none."""
        if not me:
            return None, None
        try:
            found = _registry(people).resolve(me)
        except StoreError as error:
            return me, f"--me: {error}"
        return (found, None) if found else (
            me, _("--me: nobody called {name} in the people registry").format(name=repr(me)))

    def on_actions_loaded(self, message: ActionsLoaded) -> None:
        if message.partial:  # the first screenful: the whole index follows
            self.index, self.people, self.me = message.index, message.people, message.me
            self._people = _registry(message.people)
            self.partial = True
            self.store_changed.publish(StoreUpdate(None))
            self.call_after_refresh(self._painted.set)
            return
        self.answered()
        self.load_error = message.error
        if message.index is None:
            self.notify(message.error or _("the store could not be read"), severity="error",
                        title=_("Store"), timeout=10)
            self.store_changed.publish(StoreUpdate(None))
            return
        first = not self.loaded
        if first and message.me_problem:
            self.notify(message.me_problem, severity="warning", timeout=8)
        for action in self._unconfirmed.values():  # shown, not yet written: still shown so
            message.index.replace(action)
        self.index, self.meetings, self.people = message.index, message.meetings, message.people
        self._people = _registry(message.people)
        self.me = message.me
        self.loaded, self.partial = True, False
        self.store_changed.publish(StoreUpdate(None, message.outside))
        # the text search readied once the rows are on the screen, on the store's thread:
        # one thread of work beside the screen's, and a write asked for meanwhile waits
        self.call_after_refresh(self.ask_store, lambda _store: message.index.prepare(), lambda _: None)
        if first and self._warm_up:
            self.call_after_refresh(self.warm_up)

    def _stat(self) -> tuple | None:
        """What changes when anyone changes the store (its snapshot or its journal)."""
        try:
            return self.store.version()
        except OSError:
            return None

    def _poll(self) -> None:
        """Read the store again if another process changed it (not while a job of ours
        is under way: its own write changes the file too)."""
        if not self.pending and self._stat() != self._signature:
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
        """The action as last read (or as just changed here)."""
        return self.index.get(action_id)

    def meeting(self, meeting_id: str) -> Meeting | None:
        """The meeting as last read."""
        return next((m for m in self.meetings if m.id == meeting_id), None)

    def ask_store(self, read: Callable[[ActionStore], object], answer: Callable[[object], None]) -> None:
        """Read something of the store on its thread (``read(store)``) and hand it to
        ``answer`` on this one; a ``StoreError`` is handed on as it is."""

        def job() -> None:
            try:
                found = read(self.store)
            except (StoreError, OSError) as error:
                found = error
            self.post_message(StoreAnswered(answer, found))

        self.in_store(job)

    def on_store_answered(self, message: StoreAnswered) -> None:
        self.answered()
        message.answer(message.found)

    # -- writing -------------------------------------------------------------------------------

    def change(self, write: Write, *, shown: Iterable[Action] = (), done: str | None = None,
               yours: str = "", then: Callable[[list[Change]], None] | None = None) -> None:
        """Make one change to the store: ``shown`` (the actions as they will be) on the
        screen at once, ``write(store)`` on the store's thread, then the toast ``done``
        (``Nothing to change.`` when nothing changed) and ``then(changes)``.

        When the write fails the actions are shown as they were, with the reason; when
        someone changed the value meanwhile (``Changed``: the write compares what the
        person saw), the toast shows what it is now, what they saw, and ``yours``.
        """
        shown = list(shown)
        before = [self.index.get(a.id) for a in shown]
        if shown:
            for action in shown:
                self.index.replace(action)
                self._unconfirmed[action.id] = action
            self.store_changed.publish(StoreUpdate(frozenset(a.id for a in shown)))

        def job() -> None:
            if shown:  # the screen draws the change before the write takes the interpreter
                time.sleep(HEAD_START)
            signature = self._stat()
            try:
                changes = write(self.store)
            except (StoreError, OSError) as error:
                self.post_message(ChangeRefused(error, [a for a in before if a is not None], yours))
                return
            if signature == self._signature:  # nobody else wrote since the last read
                self._signature = self._stat()
            self._written(changes, done, then)

        self.in_store(job)

    def _written(self, changes: list[Change], done: str | None, then) -> None:
        """(On the store's thread.) What a write changed, read back for the screen."""
        if any(c.kind != "action" or c.field in ("created", "deleted") for c in changes):
            self.post_message(ChangeWritten(changes, None, None, done, then, reading=True))
            self._read_store()  # an import undone, an alias, a new action: read all again
            return
        actions = [self.store.action(subject) for subject in dict.fromkeys(c.subject for c in changes)]
        for action in actions:
            self._stored[action.id] = action
        people = self.store.people() if any(c.field == "owners" for c in changes) else None
        self.post_message(ChangeWritten(changes, actions, people, done, then))

    def on_change_written(self, message: ChangeWritten) -> None:
        if not message.reading:  # else the read that follows answers
            self.answered()
        for change in message.changes:
            self._unconfirmed.pop(change.subject, None)
        if message.actions is not None:
            differ = set()
            for action in message.actions:
                self._unconfirmed.pop(action.id, None)
                shown = self.index.get(action.id)
                if shown is None or shown != action:  # the time of the change aside
                    differ.add(action.id)
                self.index.replace(action)
            if message.people is not None:
                self.people = message.people
                self._people = _registry(message.people)
            if differ:  # else the screen shows it as written already
                self.store_changed.publish(StoreUpdate(frozenset(differ)))
        if message.done is not None:
            self.notify(message.done if message.changes else _("Nothing to change."), timeout=3)
        if message.then is not None:
            message.then(message.changes)

    def on_change_refused(self, message: ChangeRefused) -> None:
        self.answered()
        for action in message.before:
            self._unconfirmed.pop(action.id, None)
            self.index.replace(action)
        if message.before:
            self.store_changed.publish(StoreUpdate(frozenset(a.id for a in message.before)))
        error = message.error
        if isinstance(error, Changed):
            self.notify(_("Someone changed the {field} meanwhile: now {now} (you saw {shown}; yours: "
                          "{yours}). Nothing was changed: look again, then try again.").format(
                            field=_(error.field), now=_said(error.now), shown=_said(error.shown),
                            yours=message.yours or "?"),
                        severity="warning", title=_("Not changed"), timeout=12)
            self.load()
        else:
            self.notify(getattr(error, "strerror", None) or str(error), severity="error",
                        title=_("Not changed"))

    def set_status(self, actions: list[Action], status: str) -> None:
        """Give ``actions`` the status ``status`` (``done``, ``cancelled``, ``open``), as one
        change; each only while its status is still the one shown
        (``operations.unchanged``)."""
        from tracker.operations import set_status, unchanged

        actions = [a for a in actions if a.status != status]
        if not actions:
            return
        via = {"done": "done", "cancelled": "cancel"}.get(status, "reopen")
        said = {"done": N_("Done: {text}"), "cancelled": N_("Cancelled: {text}")}.get(
            status, N_("Opened again: {text}"))

        def write(store: ActionStore) -> list[Change]:
            with store.batch(hot=True):  # a status: hot
                return [c for a in actions for c in store.update(
                    [a.id], unchanged("status", a.status), set_status(status), via=via)]

        self.change(write, shown=[a._replace(status=status) for a in actions],
                    done=_(said).format(text=_many(actions)), yours=_(status))

    def undo(self) -> None:
        """Take back the latest change this person (the store's user) made, and name it."""
        def named(changes: list[Change]) -> None:
            if changes:
                self.notify(undone_text(changes, self.index.get), timeout=6)

        self.change(lambda s: s.undo(), then=named)

    def import_minutes(self, minutes, settle: dict[str, str] | None = None) -> None:
        """Store reviewed minutes (on the store's thread), and in the same change what the
        review settled of the actions they no longer have (``settle``: id -> ``open`` to
        keep one, ``cancelled`` to drop it)."""

        def job() -> None:
            try:
                with self.store.batch():
                    result = self.store.import_minutes(minutes)
                    for action_id, status in (settle or {}).items():
                        self.store.reopen(action_id) if status == "open" else self.store.cancel(action_id)
            except (StoreError, OSError) as error:
                self.post_message(ImportFinished(None, str(error)))
                return
            self.post_message(ImportFinished(result))
            self._read_store()

        self.in_store(job)

    def on_import_finished(self, message: ImportFinished) -> None:
        if message.result is None:
            self.answered()  # else the read that follows answers
            self.notify(message.error or _("the import failed"), severity="error", title=_("Import"),
                        timeout=10)
            return
        self.notify(message.result.summary().splitlines()[0], title=_("Imported"), timeout=6)
        self.home()

    # -- spaCy ---------------------------------------------------------------------------------

    @work(thread=True, group="warm-up", exit_on_error=False)
    def warm_up(self) -> None:
        """Load the parser's libraries and models now, so the first import is quick."""
        from minutes import parse

        for text in WARM_UP:
            parse(text)

    # -- going places ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quit":  # q quits from the home screen only; elsewhere it goes back
            return len(self.screen_stack) == 1
        if action == "back":
            return len(self.screen_stack) > 1
        return True

    def action_back(self) -> None:
        """Back one screen (as the screen's own escape does)."""
        back = getattr(self.screen, "action_back", None)
        if back is not None:
            back()
        elif len(self.screen_stack) > 1:
            self.pop_screen()

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

    def open_action(self, action_id: str) -> None:
        """Go home, put the cursor on this action and open it."""
        home = self.home()
        home.show_action(action_id)

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

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own commands in the palette, after the app's (``TextualCommands``),
        in the language spoken; its key panel is left out (``?`` shows every key)."""
        yield SystemCommand(_("Theme"), _("Change the colours (kept in the config file)"),
                            self.action_change_theme)
        yield SystemCommand(_("Screenshot"), _("Save an SVG picture of the screen"),
                            lambda: self.set_timer(0.1, self.deliver_screenshot))
        if screen.maximized is not None:
            yield SystemCommand(_("Minimize"), _("Back to the usual layout"), screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(_("Maximize"), _("The focused part on the whole screen"),
                                screen.action_maximize)
        yield SystemCommand(_("Quit"), _("Leave minutes"), self.action_quit)


def _many(actions: list[Action]) -> str:
    """An action by its text, or how many."""
    if len(actions) == 1:
        return actions[0].text
    return ngettext("{n} action", "{n} actions", len(actions)).format(n=len(actions))


def undone_text(changes: list[Change], known: Callable[[str], Action | None]) -> str:
    """What an undo took back, in words: the change, and each action by its text."""
    from tui.store_cli import what_changed

    first = changes[0]
    lines = [_("Undid {via} by {by}:").format(via=first.via, by=first.by)]
    for c in list(reversed(changes))[:3]:
        action = known(c.subject) if c.kind == "action" else None
        old = c.old if isinstance(c.old, dict) else {}
        name = f"“{action.text}”" if action else f"“{old['text']}”" if "text" in old else f"{c.kind} {c.subject}"
        lines.append(_("{name} — took back {what}").format(name=name, what=what_changed(c)))
    if len(changes) > 3:
        lines.append(_("and {n} more").format(n=len(changes) - 3))
    return "\n".join(lines)


def _said(value) -> str:
    if isinstance(value, list):
        return ", ".join(value) or _("nobody")
    return _("none") if value is None else _(str(value)) if value in ("open", "done", "cancelled", "vanished") \
        else str(value)


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
