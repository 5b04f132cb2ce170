"""The meetings: date, title and open actions, the latest first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from tui.messages import OpenMeeting

__all__ = ["MeetingsScreen"]


class MeetingsScreen(Screen):
    """Every imported meeting; enter opens one."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="meetings.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Meetings"
        table = self.query_one(DataTable)
        table.add_column("Date", key="date")
        table.add_column("Title", key="title")
        table.add_column("Open", key="open")
        table.add_column("Actions", key="actions")
        table.add_column("Next meeting", key="next")
        table.add_column("Id", key="id")
        self.app.store_changed.subscribe(self, lambda _: self.show())
        self.show()
        table.focus()

    def show(self) -> None:
        table = self.query_one(DataTable)
        keep = self.current_id
        counts = self.app.index.meeting_counts()
        table.clear()
        for m in self.app.meetings:
            open_, every = counts.get(m.id, (0, 0))
            following = (m.next_meeting or {}).get("date") or ""
            cells = (str(m.date or "undated"), m.title or "(untitled)", str(open_), str(every),
                     following, m.id)
            table.add_row(*(Text(cell) for cell in cells), key=m.id)  # a str cell is read as markup
        if keep is not None and keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep))

    @property
    def current_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(OpenMeeting(event.row_key.value))
