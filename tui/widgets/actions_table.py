"""``ActionsTable``: a table of actions that renders only the rows on screen.

Textual's ``DataTable`` builds every row up front (about 0.8 s for 10,000 rows); this one
is a line-API ``ScrollView`` whose ``render_line`` draws the header and the visible rows
from a list of ``Action``s, so 50,000 rows cost what 40 do. The screen sets ``rows`` (and
``today`` and ``me``); the table posts ``ActionHighlighted`` when its cursor moves and
``OpenAction`` on enter. The cursor follows an action id across new rows.
"""

from __future__ import annotations

from datetime import date, timedelta

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tracker import Action
from tui.messages import ActionHighlighted, OpenAction

__all__ = ["ActionsTable", "status_text"]

STATUS = {"open": "○ open", "done": "✓ done", "cancelled": "✗ cancelled", "vanished": "? vanished"}


def status_text(status: str) -> str:
    return STATUS.get(status, status)


class ActionsTable(ScrollView, can_focus=True):
    """The actions, one a line: id, status, due, owners, text and meeting."""

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="table.up"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="table.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="table.page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="table.page-down"),
        Binding("home", "first", "First", show=False, id="table.first"),
        Binding("end", "last", "Last", show=False, id="table.last"),
        Binding("enter", "open", "Open", id="table.open"),
    ]

    COMPONENT_CLASSES = {
        "actions-table--header",
        "actions-table--cursor",
        "actions-table--id",
        "actions-table--overdue",
        "actions-table--soon",
        "actions-table--closed",
        "actions-table--mine",
        "actions-table--meeting",
        "actions-table--empty",
    }

    def __init__(self, *, empty: str = "No actions.", name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.rows: list[Action] = []
        self.cursor = 0
        self.today = date.today()
        self.me: str | None = None
        self.empty = empty
        self._owners_width = 6

    # -- what the screen sets ----------------------------------------------------------------

    def set_rows(self, rows: list[Action], *, keep: str | None = None) -> None:
        """Show ``rows``; keep the cursor on action ``keep`` (default: the current one)
        if it is still there, else at the same position."""
        keep = keep or self.current_id
        self.rows = rows
        sample = rows[:2000]  # wide enough for the names in use, the same as one scrolls
        self._owners_width = min(26, max([len(", ".join(a.owners)) for a in sample] + [6]))
        position = next((i for i, a in enumerate(rows) if a.id == keep), None) if keep else None
        self._update_size()
        self.move_cursor(self.cursor if position is None else position, force=True)
        self.refresh()

    @property
    def current(self) -> Action | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    @property
    def current_id(self) -> str | None:
        current = self.current
        return current.id if current else None

    @property
    def row_count(self) -> int:
        return len(self.rows)

    # -- moving --------------------------------------------------------------------------------

    def move_cursor(self, position: int, *, force: bool = False) -> None:
        before = self.current_id
        old = self.cursor
        self.cursor = max(0, min(position, len(self.rows) - 1))
        self._scroll_to_cursor()
        if old != self.cursor:
            self.refresh_line_of(old)
            self.refresh_line_of(self.cursor)
        if force or before != self.current_id:
            self.post_message(ActionHighlighted(self.current_id))

    def action_cursor(self, step: int) -> None:
        self.move_cursor(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor + direction * max(1, self._visible_rows() - 1))

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.rows) - 1)

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(OpenAction(self.current.id))

    def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        position = round(self.scroll_y) + offset.y - 1
        if 0 <= position < len(self.rows):
            if position == self.cursor or event.chain > 1:
                self.move_cursor(position)
                self.action_open()
            else:
                self.move_cursor(position)

    def _visible_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> None:
        top, visible = round(self.scroll_y), self._visible_rows()
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def refresh_line_of(self, position: int) -> None:
        y = position - round(self.scroll_y) + 1
        if 1 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    # -- drawing -------------------------------------------------------------------------------

    def on_resize(self) -> None:
        self._update_size()
        self._scroll_to_cursor()

    def _update_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows) + 1)

    def _columns(self, width: int) -> list[tuple[str, int]]:
        wide = width >= 110  # narrower: no id, no meeting, the status as its sign only
        owners = self._owners_width if wide else min(self._owners_width, 18)
        columns = [("ID", 7 if wide else 0), ("STATUS", 12 if wide else 3), ("DUE", 13),
                   ("OWNERS", owners + 2)]
        meeting = 30 if wide else 0
        text = max(10, width - sum(w for _, w in columns) - meeting)
        return [c for c in columns if c[1]] + [("ACTION", text)] + ([("MEETING", meeting)] if meeting else [])

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        columns = self._columns(width)
        if y == 0:
            style = base + self._style("actions-table--header")
            return self._strip([(" " + (name if w > 3 else ""), w, style) for name, w in columns],
                               width, style)
        position = round(self.scroll_y) + y - 1
        if position >= len(self.rows):
            if position == 0:
                style = base + self._style("actions-table--empty")
                return self._strip([("  " + self.empty, width, style)], width, style)
            return Strip.blank(width, base)
        return self._row_strip(self.rows[position], position, columns, width, base)

    def _row_strip(self, a: Action, position: int, columns: list[tuple[str, int]], width: int,
                   base: Style) -> Strip:
        style = self._style
        row = base
        if a.status != "open":
            row = row + style("actions-table--closed")
        if position == self.cursor:
            row = row + style("actions-table--cursor")
        due, due_style = self._due(a)
        cells = []
        for name, w in columns:
            if name == "ID":
                cells.append((" " + a.id, w, row + style("actions-table--id")))
            elif name == "STATUS":
                text = status_text(a.status)
                cells.append((" " + (text if w > 3 else text[0]), w, row))
            elif name == "DUE":
                cells.append((" " + due, w, row + due_style if due_style else row))
            elif name == "OWNERS":
                mine = self.me is not None and self.me in a.owners
                cells.append((" " + (", ".join(a.owners) or "–"), w,
                              row + style("actions-table--mine") if mine else row))
            elif name == "ACTION":
                gone = "  (no longer in the minutes)" if a.vanished else ""
                cells.append((" " + a.text + gone, w, row))
            elif name == "MEETING":
                meeting = f"{a.meeting.date or 'undated'} {a.meeting.title or ''}" if a.meeting.id \
                    else "(added, no meeting)"
                cells.append((" " + meeting, w, row + style("actions-table--meeting")))
        return self._strip(cells, width, row)

    def _due(self, a: Action) -> tuple[str, Style | None]:
        if a.due is None:
            return "–", None
        text = a.due.isoformat()
        if a.is_overdue(self.today):
            return text + " !", self._style("actions-table--overdue")
        week_end = self.today + timedelta(days=6 - self.today.weekday())
        if a.status == "open" and self.today <= a.due <= week_end:
            return text + " •", self._style("actions-table--soon")
        return text, None

    def _style(self, name: str) -> Style:
        """What a component class adds to the row's style."""
        return self.get_component_rich_style(name, partial=True)

    @staticmethod
    def _strip(cells: list[tuple[str, int, Style]], width: int, fill: Style) -> Strip:
        segments = []
        used = 0
        for text, w, style in cells:
            w = min(w, width - used)
            if w <= 0:
                break
            if len(text) > w:
                text = text[:w - 2] + "… "
            segments.append(Segment(set_cell_size(text, w), style))
            used += w
        if used < width:
            segments.append(Segment(" " * (width - used), fill))
        return Strip(segments, width)

    def on_focus(self) -> None:
        self.refresh_line_of(self.cursor)

    def on_blur(self) -> None:
        self.refresh_line_of(self.cursor)
