"""The meetings: date, title, open actions, the next meeting and the id, the latest first.
The title takes the width the other columns leave."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header

from tracker.i18n import N_, _, shown_date
from tui.messages import OpenMeeting
from tui.widgets.key_bar import KeyBar
from tui.widgets.lists import SEARCH_BINDINGS, KeyedDataTable, SearchBar, Searching

__all__ = ["MeetingsScreen"]

COLUMNS = (("date", N_("Date")), ("title", N_("Title")), ("open", N_("To do")),
           ("actions", N_("Actions")), ("next", N_("Next meeting")), ("id", N_("Id")))


class MeetingsScreen(Searching, Screen):
    """Every imported meeting; enter opens one."""

    BINDINGS = [Binding("escape", "back", N_("Back"), show=False, id="meetings.back"), *SEARCH_BINDINGS]
    SEARCHED = KeyedDataTable

    def compose(self) -> ComposeResult:
        yield Header()
        yield KeyedDataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield SearchBar(id="search")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = _("Meetings")
        self.app.store_changed.subscribe(self, lambda _: self.show())
        self.show()
        self.query_one(KeyedDataTable).focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    def on_resize(self) -> None:
        self.show()

    def _rows(self) -> list[tuple[str, tuple[str, ...]]]:
        counts = self.app.index.meeting_counts()
        rows = []
        for m in self.app.meetings:
            open_, every = counts.get(m.id, (0, 0))
            following = (m.next_meeting or {}).get("date") or ""
            if following:
                from datetime import date

                try:
                    following = shown_date(date.fromisoformat(following))
                except ValueError:
                    pass
            rows.append((m.id, (shown_date(m.date, _("undated")), m.title or _("(untitled)"), str(open_),
                                str(every), following, m.id)))
        return rows

    def show(self) -> None:
        table = self.query_one(KeyedDataTable)
        keep = self.current_id
        rows = self._rows()
        widths = {}
        for n, (key, label) in enumerate(COLUMNS):
            widths[key] = max([cell_len(_(label))] + [cell_len(cells[n]) for _id, cells in rows])
        others = sum(w + 2 for k, w in widths.items() if k != "title")
        room = max(10, (self.size.width or self.app.size.width) - others - 4)
        widths["title"] = min(widths["title"], room)
        table.clear(columns=True)
        for key, label in COLUMNS:
            table.add_column(_(label), key=key, width=widths[key])
        for meeting_id, cells in rows:
            table.add_row(*(Text(cell, no_wrap=True, overflow="ellipsis") for cell in cells),
                          key=meeting_id)  # a str cell would be read as markup
        if keep is not None and keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep))

    @property
    def current_id(self) -> str | None:
        table = self.query_one(KeyedDataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def on_data_table_row_selected(self, event: KeyedDataTable.RowSelected) -> None:
        event.stop()
        self.post_message(OpenMeeting(event.row_key.value))
