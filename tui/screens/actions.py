"""The home screen: every action, mine first, with the filter bar above and the whole of
the action under the cursor below (a pane when the terminal is tall enough, beside the
table when it is wide enough, else a wrapped line)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.content import Content
from textual.events import Resize
from textual.widgets import Header, Static

from tracker import Action
from tracker.i18n import N_, _, ngettext, shown_date
from tui.index import SORTS, ActionFilter, people_named
from tui.messages import ActionHighlighted, FilterChanged, SortAsked
from tui.screens.updates import UpdatesScreen
from tui.widgets.actions_table import COLUMNS, ActionsTable, status_text
from tui.widgets.filter_bar import FilterBar
from tui.widgets.key_bar import KeyBar

__all__ = ["ActionsScreen"]

DEFAULT_FILTER = "is:open"
TALL = 30  # lines from which the preview is a pane below the table
WIDE = 160  # columns from which it stands beside the table


class ActionsScreen(UpdatesScreen):
    """The actions table, filtered by the filter bar and sorted by any column; ``me``'s
    actions first."""

    BINDINGS = [
        Binding("slash", "focus_filter", N_("Filter"), id="home.filter"),
        Binding("escape", "focus_table", N_("To the table"), show=False, id="home.table"),
        Binding("s", "next_sort", N_("Sort"), id="home.sort"),
        *(Binding(column.sort_key.upper(), f"sort_by('{column.sort}')",
                  N_("Sort by this column (again: reversed)"), show=False, id=f"home.sort-{column.key}")
          for column in COLUMNS),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.wanted = ActionFilter.parse(DEFAULT_FILTER)
        self.sort, self.reverse = "due", False

    def compose(self) -> ComposeResult:
        yield Header()
        yield FilterBar(DEFAULT_FILTER, people=lambda: self.app.registry, id="filter")
        with Container(id="actions-body"):
            yield ActionsTable(empty=_("Loading the store…"), id="actions")
            yield Static(id="preview")
        yield Static(id="actions-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.app.store_changed.subscribe(self, self._store_changed)
        table = self.table
        table.today = self.app.today
        table.focus()
        if self.app.loaded or self.app.load_error:
            self.show_rows()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.height >= TALL, "-tall")
        self.set_class(event.size.width >= WIDE, "-wide")

    @property
    def table(self) -> ActionsTable:
        return self.query_one(ActionsTable)

    def current_action(self) -> Action | None:
        return self.table.current

    def chosen_actions(self) -> list[Action]:
        return self.table.chosen()

    def changed_all(self) -> None:
        if self.table.marked:
            self.table.marked.clear()
            self.table.refresh()

    # -- what is shown -----------------------------------------------------------------------------

    def show_rows(self, keep: str | None = None, outside: frozenset[str] = frozenset()) -> None:
        app = self.app
        table = self.table
        table.me, table.today = app.me, app.today
        table.sort, table.reverse = self.sort, self.reverse
        if app.load_error and not len(app.index):
            table.empty = _("The store could not be read: {error}").format(error=app.load_error)
        elif len(app.index):
            table.empty = _("No actions match the filter.")
        else:
            table.empty = _("No actions yet: import minutes with ctrl+o.")
        rows = app.index.select(self.wanted, self.sort, reverse=self.reverse, people=app.registry)
        left = {}
        if outside:  # another process's change took these out of the filter: they stay, saying so
            before = {a.id: i for i, a in enumerate(table.rows)}
            now = {a.id for a in rows}
            for action_id in sorted((i for i in outside if i in before and i not in now), key=before.get):
                action = app.index.get(action_id) or table.rows[before[action_id]]
                rows.insert(min(before[action_id], len(rows)), action)
                left[action_id] = _("left the filter ({status}):").format(
                    status=status_text(action.status) if action_id in app.index else _("deleted"))
            table.outside = outside
        table.left = left
        if table.marked:
            table.marked &= {a.id for a in rows}
        table.set_rows(rows, keep=keep)
        self._say(len(rows) - len(left))

    def _say(self, shown: int) -> None:
        app = self.app
        table = self.table
        parts = [_("{shown} of {total} actions").format(shown=f"{shown:,}", total=f"{len(app.index):,}"),
                 self.wanted.describe(),
                 _("sorted by {column} {arrow}").format(column=_(_column(self.sort).label).casefold(),
                                                        arrow="▼" if self.reverse else "▲")]
        if table.marked:
            parts.append(ngettext("{n} marked", "{n} marked", len(table.marked)).format(n=len(table.marked)))
        if table.outside:
            parts.append(ngettext("{n} changed elsewhere (*)", "{n} changed elsewhere (*)",
                                  len(table.outside)).format(n=len(table.outside)))
        if app.me:
            parts.append(_("me: {name}").format(name=app.me))
        problems = list(self.wanted.problems)
        if self.wanted.owner and self.wanted.owner.casefold() != "me":
            problem = people_named(self.wanted.owner, app.registry)[1]
            if problem:
                problems.append(f"@{self.wanted.owner}: {problem}")
        if app.partial:
            parts[0] = _("{shown} actions so far: reading the store…").format(shown=f"{shown:,}")
        line = " · ".join(parts)
        if problems:
            line += "   " + _("not understood: {terms}").format(terms="; ".join(problems))
        if isinstance(self.focused, FilterBar):
            line += "   " + _("(↓, enter or esc: back to the table)")
        status = self.query_one("#actions-status", Static)
        status.update(Content(line))  # it quotes the filter typed
        status.set_class(bool(problems), "-problem")

    def on_action_highlighted(self, message: ActionHighlighted) -> None:
        self.query_one("#preview", Static).update(
            _preview(self.app.action(message.action_id) if message.action_id else None, self.app.today))
        self.refresh_bindings()  # x says Done or Reopen as the row is
        if self.app.loaded or self.app.partial:
            self._say(len(self.table.rows) - len(self.table.left))

    def _store_changed(self, update) -> None:
        self.show_rows(outside=update.outside)  # the cursor stays on the same action

    def on_filter_changed(self, message: FilterChanged) -> None:
        self.wanted = message.wanted
        if self.app.loaded or self.app.partial:
            self.show_rows()

    def on_descendant_focus(self) -> None:
        if self.app.loaded:
            self._say(len(self.table.rows) - len(self.table.left))

    def on_descendant_blur(self) -> None:
        self.on_descendant_focus()

    def on_sort_asked(self, message: SortAsked) -> None:
        self.action_sort_by(message.sort)

    # -- keys ------------------------------------------------------------------------------------

    def set_filter(self, text: str) -> None:
        bar = self.query_one(FilterBar)
        bar.value = text  # posts FilterChanged
        self.wanted = ActionFilter.parse(text)
        self.show_rows()

    def set_sort(self, sort: str, reverse: bool | None = None) -> None:
        """Sort by ``sort``; by the same sort again, the other way round."""
        if reverse is None:
            reverse = not self.reverse if sort == self.sort else False
        self.sort, self.reverse = sort, reverse
        self.show_rows()

    def action_sort_by(self, sort: str) -> None:
        self.set_sort(sort)

    def action_next_sort(self) -> None:
        self.set_sort(SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)], reverse=False)

    def action_focus_filter(self) -> None:
        self.query_one(FilterBar).focus()

    def action_focus_table(self) -> None:
        self.table.focus()

    def show_action(self, action_id: str) -> None:
        """Put the cursor on this action (the filter cleared if it hides it) and open it."""
        if action_id not in {a.id for a in self.table.rows}:
            self.set_filter("is:all")
        self.table.set_rows(self.table.rows, keep=action_id)
        self.table.action_open()


def _column(sort: str):
    return next(c for c in COLUMNS if c.sort == sort)


def _preview(a: Action | None, today) -> Content:
    """The whole of an action: its text, then who, when, where from, and the sentence of
    the minutes when it says more than the text (when it has been read: at 50,000 actions
    the store's second line takes half a second, too long for a cursor's move)."""
    if a is None:
        return Content("")
    facts = [", ".join(a.owners) or _("nobody yet"),
             _("due {date}").format(date=shown_date(a.due)) + (f" (“{a.due_text}”)" if a.due_text else "")
             if a.due else _("no due date"),
             status_text(a.status) + (_("  overdue") if a.is_overdue(today) else "")]
    if a.meeting.id:
        facts.append(f"{shown_date(a.meeting.date, _('undated'))} {a.meeting.title or _('(untitled)')}"
                     + (f" § {a.agenda_item}" if a.agenda_item else ""))
    snippet = (a.held("source") or {}).get("snippet") or ""
    lines = [Content.from_markup("[b]$text[/b]", text=a.text),
             Content.from_markup("[dim]$facts[/dim]", facts=" · ".join(facts))]
    if snippet and snippet != a.text:
        lines.append(Content.from_markup("[i]“$snippet”[/i]", snippet=snippet))
    return Content("\n").join(lines)
