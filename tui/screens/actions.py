"""The home screen: every action, mine first, with the filter bar above."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.binding import Binding
from textual.widgets import Footer, Header, Static

from tracker import Action
from tui.index import SORTS, ActionFilter
from tui.messages import FilterChanged
from tui.screens.updates import UpdatesScreen
from tui.widgets.actions_table import ActionsTable
from tui.widgets.filter_bar import FilterBar

__all__ = ["ActionsScreen"]

DEFAULT_FILTER = "is:open"


class ActionsScreen(UpdatesScreen):
    """The actions table, filtered by the filter bar and sorted by due date, owner or
    meeting; ``me``'s actions first."""

    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", id="home.filter"),
        Binding("escape", "focus_table", "To the table", show=False, id="home.table"),
        Binding("s", "next_sort", "Sort", show=False, id="home.sort"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.wanted = ActionFilter.parse(DEFAULT_FILTER)
        self.sort = "due"

    def compose(self) -> ComposeResult:
        yield Header()
        yield FilterBar(DEFAULT_FILTER, names=self._names, id="filter")
        yield ActionsTable(empty="Loading the store…", id="actions")
        yield Static(id="actions-status")
        yield Footer()

    def on_mount(self) -> None:
        self.app.store_changed.subscribe(self, self._store_changed)
        table = self.query_one(ActionsTable)
        table.today = self.app.today
        table.focus()
        if self.app.loaded or self.app.load_error:
            self.show_rows()

    @property
    def table(self) -> ActionsTable:
        return self.query_one(ActionsTable)

    def _names(self) -> list[str]:
        return [p.name for p in self.app.people]

    def current_action(self) -> Action | None:
        return self.table.current

    # -- what is shown -----------------------------------------------------------------------------

    def show_rows(self, keep: str | None = None) -> None:
        app = self.app
        table = self.table
        table.me, table.today = app.me, app.today
        if app.load_error and not len(app.index):
            table.empty = f"The store could not be read: {app.load_error}"
        elif len(app.index):
            table.empty = "No actions match the filter."
        else:
            table.empty = "No actions yet: import minutes with ctrl+o."
        rows = app.index.select(self.wanted, self.sort, resolve=app.resolve_person)
        table.set_rows(rows, keep=keep)
        self._say(len(rows))

    def _say(self, shown: int) -> None:
        app = self.app
        problems = ("   not understood: " + " ".join(self.wanted.problems)) if self.wanted.problems else ""
        me = f" · me: {app.me}" if app.me else ""
        self.query_one("#actions-status", Static).update(Content(  # it quotes the filter typed
            f"{shown:,} of {len(app.index):,} actions · {self.wanted.describe()} · "
            f"sorted by {self.sort}{me}{problems}"))

    def _store_changed(self, update) -> None:
        self.show_rows()  # the cursor stays on the same action

    def on_filter_changed(self, message: FilterChanged) -> None:
        self.wanted = message.wanted
        if self.app.loaded:
            self.show_rows()

    # -- keys ------------------------------------------------------------------------------------

    def set_filter(self, text: str) -> None:
        bar = self.query_one(FilterBar)
        bar.value = text  # posts FilterChanged
        self.wanted = ActionFilter.parse(text)
        self.show_rows()

    def set_sort(self, sort: str) -> None:
        self.sort = sort
        self.show_rows()

    def action_next_sort(self) -> None:
        self.set_sort(SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)])

    def action_focus_filter(self) -> None:
        self.query_one(FilterBar).focus()

    def action_focus_table(self) -> None:
        self.table.focus()
