"""``ActionsTable``: a table of actions that renders only the rows on screen.

Textual's ``DataTable`` builds every row up front (about 0.8 s for 10,000 rows); this one
is a line-API ``ScrollView`` whose ``render_line`` draws the header and the visible rows
from a list of ``Action``s, so 50,000 rows cost what 40 do. The screen sets the rows (and
``today``, ``me``, the sort); the table posts ``ActionHighlighted`` when its cursor moves,
``OpenAction`` on enter and ``SortAsked`` when a column's header is clicked. The cursor
follows an action id across new rows.

The columns share the width: ID, STATUS, DUE, OWNERS and MEETING take what their values
need (up to a cap), ACTION the rest. A column the rows all share (every row open, one
owner, one meeting) is left out, and a narrow terminal leaves out the id and the meeting.
The gutter on the left shows the rows marked for bulk work (``●``, space) and the rows
another process changed (``*``); a row that another process's change took out of the
filter stays, dimmed, saying so, until the rows are chosen again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tracker import Action
from tracker.i18n import N_, _, shown_date
from tui.index import status_word
from tui.messages import ActionHighlighted, OpenAction, SortAsked

__all__ = ["COLUMNS", "ActionsTable", "Column", "status_text"]

SIGNS = {"open": "○", "done": "✓", "cancelled": "✗", "vanished": "?"}


def status_text(status: str) -> str:
    """A status with its sign, in the language spoken: ``✓ tehty``."""
    return f"{SIGNS.get(status, ' ')} {status_word(status)}"


@dataclass(frozen=True)
class Column:
    """A column of the table: its name (``N_``-marked), the sort it stands for and the key
    that sorts by it (shift+key), and how wide it may grow."""

    key: str
    label: str
    sort: str
    sort_key: str
    most: int


COLUMNS = (
    Column("id", N_("ID"), "id", "i", 8),
    Column("status", N_("STATUS"), "status", "s", 14),
    Column("due", N_("DUE"), "due", "d", 13),
    Column("owners", N_("OWNERS"), "owner", "o", 24),
    Column("text", N_("ACTION"), "text", "a", 0),
    Column("meeting", N_("MEETING"), "meeting", "m", 22),
)
GUTTER = 2
WIDE = 110  # from here on: the id and the meeting
LEAST_TEXT = 24  # what ACTION keeps before OWNERS gives up width


class ActionsTable(ScrollView, can_focus=True):
    """The actions, one a line: id, status, due, owners, text and meeting."""

    BINDINGS = [
        Binding("enter", "open", N_("Open"), id="table.open"),
        Binding("space", "mark", N_("Mark"), id="table.mark"),
        Binding("up,k", "cursor(-1)", N_("Up"), show=False, id="table.up"),
        Binding("down,j", "cursor(1)", N_("Down"), show=False, id="table.down"),
        Binding("pageup", "page(-1)", N_("Page up"), show=False, id="table.page-up"),
        Binding("pagedown", "page(1)", N_("Page down"), show=False, id="table.page-down"),
        Binding("ctrl+u", "half_page(-1)", N_("Half a page up"), show=False, id="table.half-up"),
        Binding("ctrl+d", "half_page(1)", N_("Half a page down"), show=False, id="table.half-down"),
        Binding("home,g", "first", N_("First"), show=False, id="table.first"),
        Binding("end,G", "last", N_("Last"), show=False, id="table.last"),
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
        "actions-table--marked",
        "actions-table--outside",
        "actions-table--left",
    }

    def __init__(self, *, empty: str = "", name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.rows: list[Action] = []
        self.cursor = 0
        self.today = date.today()
        self.me: str | None = None
        self.empty = empty
        self.sort, self.reverse = "due", False
        self.marked: set[str] = set()  # chosen for bulk work (space)
        self.outside: frozenset[str] = frozenset()  # changed by another process
        self.left: dict[str, str] = {}  # id -> why it no longer matches the filter
        self._needs: dict[str, int] = {}
        self._constant: set[str] = set()

    # -- what the screen sets ----------------------------------------------------------------

    def set_rows(self, rows: list[Action], *, keep: str | None = None) -> None:
        """Show ``rows``; keep the cursor on action ``keep`` (default: the current one)
        if it is still there, else at the same position."""
        keep = keep or self.current_id
        self.rows = rows
        self._measure(rows)
        position = next((i for i, a in enumerate(rows) if a.id == keep), None) if keep else None
        self._update_size()
        self.move_cursor(self.cursor if position is None else position, force=True)
        self.refresh()

    def _measure(self, rows: list[Action]) -> None:
        """What the columns need for these rows, and which ones the rows all share."""
        sample = rows[:2000]  # wide enough for the names in use, the same as one scrolls
        owners = [", ".join(a.owners) for a in sample]
        self._needs = {
            "id": max([len(a.id) for a in sample] + [2]),
            "status": max(cell_len(status_text(s)) for s in SIGNS),
            "due": max([cell_len(shown_date(a.due)) for a in sample if a.due] + [4]) + 2,
            "owners": max([cell_len(o) for o in owners] + [6]),
            "meeting": max([cell_len(self._meeting(a)) for a in sample] + [7]),
        }
        constant = set()
        if len(rows) > 1:
            first = rows[0]
            if all(a.status == first.status for a in rows):
                constant.add("status")
            if first.owners and all(a.owners == first.owners for a in rows):
                constant.add("owners")
            if all(a.meeting.id == first.meeting.id for a in rows):
                constant.add("meeting")
        self._constant = constant

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

    def chosen(self) -> list[Action]:
        """The actions the update keys act on: the marked ones (in the order shown), else
        the one under the cursor."""
        if self.marked:
            return [a for a in self.rows if a.id in self.marked]
        return [self.current] if self.current is not None else []

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

    def action_half_page(self, direction: int) -> None:
        self.move_cursor(self.cursor + direction * max(1, self._visible_rows() // 2))

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.rows) - 1)

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(OpenAction(self.current.id))

    def action_mark(self) -> None:
        """Mark the row for bulk work (again: unmark) and go to the next one."""
        current = self.current
        if current is None:
            return
        self.marked.symmetric_difference_update({current.id})
        self.refresh_line_of(self.cursor)
        self.move_cursor(self.cursor + 1, force=True)

    def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            column = self._column_at(offset.x)
            if column is not None:
                self.post_message(SortAsked(column.sort))
            return
        position = round(self.scroll_y) + offset.y - 1
        if 0 <= position < len(self.rows):
            if position == self.cursor or event.chain > 1:
                self.move_cursor(position)
                self.action_open()
            else:
                self.move_cursor(position)

    def _column_at(self, x: int) -> Column | None:
        left = GUTTER
        for column, width in self.columns(self.scrollable_content_region.width):
            if left <= x < left + width:
                return column
            left += width
        return None

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

    def columns(self, width: int) -> list[tuple[Column, int]]:
        """The columns shown at ``width`` and the width of each: every column but ACTION
        takes what it needs (up to its cap, its name at least), ACTION the rest."""
        wide = width >= WIDE
        shown = []
        for column in COLUMNS:
            if column.key in self._constant or (not wide and column.key in ("id", "meeting")):
                continue
            if column.key == "text":
                shown.append((column, 0))
                continue
            need = max(self._needs.get(column.key, 6), cell_len(_(column.label)) + 2)
            if column.key == "status" and not wide:
                need = 2  # the sign only
            most = min(column.most, max(12, width // 5)) if column.key == "owners" else column.most
            shown.append((column, min(need + 1, most)))
        taken = sum(w for _, w in shown) + GUTTER
        if width - taken < LEAST_TEXT:  # owners give up width first, down to 12
            shown = [(c, max(12, w - (LEAST_TEXT - (width - taken))) if c.key == "owners" else w)
                     for c, w in shown]
            taken = sum(w for _, w in shown) + GUTTER
        return [(c, w or max(8, width - taken)) for c, w in shown]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        columns = self.columns(width)
        if y == 0:
            style = base + self._style("actions-table--header")
            cells = [("  ", GUTTER, style)]
            for column, w in columns:
                label = _(column.label) if w > 3 else ""
                if column.sort == self.sort and w > 3:
                    label += " ▼" if self.reverse else " ▲"
                cells.append((" " + label, w, style))
            return self._strip(cells, width, style)
        position = round(self.scroll_y) + y - 1
        if position >= len(self.rows):
            if position == 0:
                style = base + self._style("actions-table--empty")
                return self._strip([("  " + self.empty, width, style)], width, style)
            return Strip.blank(width, base)
        return self._row_strip(self.rows[position], position, columns, width, base)

    def _row_strip(self, a: Action, position: int, columns: list[tuple[Column, int]], width: int,
                   base: Style) -> Strip:
        style = self._style
        row = base
        left = self.left.get(a.id)
        if a.status != "open" or left:
            row = row + style("actions-table--closed")
        if position == self.cursor:
            row = row + style("actions-table--cursor")
        marked = a.id in self.marked
        gutter = "● " if marked else "* " if a.id in self.outside else "  "
        cells = [(gutter, GUTTER, row + style("actions-table--marked") if marked else
                  row + style("actions-table--outside") if gutter != "  " else row)]
        due, due_style = self._due(a)
        for column, w in columns:
            key = column.key
            if key == "id":
                cells.append((" " + a.id, w, row + style("actions-table--id")))
            elif key == "status":
                text = status_text(a.status)
                cells.append((" " + (text if w > 3 else text[0]), w, row))
            elif key == "due":
                cells.append((" " + due, w, row + due_style if due_style else row))
            elif key == "owners":
                mine = self.me is not None and self.me in a.owners
                cells.append((" " + (", ".join(a.owners) or "–"), w,
                              row + style("actions-table--mine") if mine else row))
            elif key == "text":
                note = (_("  (no longer in the minutes)") if a.vanished else "")
                cells.append((" " + (left + " " if left else "") + a.text + note, w,
                              row + style("actions-table--left") if left else row))
            elif key == "meeting":
                cells.append((" " + self._meeting(a), w, row + style("actions-table--meeting")))
        return self._strip(cells, width, row)

    @staticmethod
    def _meeting(a: Action) -> str:
        if not a.meeting.id:
            return _("(added, no meeting)")
        return f"{shown_date(a.meeting.date, _('undated'))} {a.meeting.title or ''}".rstrip()

    def _due(self, a: Action) -> tuple[str, Style | None]:
        if a.due is None:
            return "–", None
        text = shown_date(a.due)
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
            if cell_len(text) > w:
                text = set_cell_size(text, w - 2) + "… "
            segments.append(Segment(set_cell_size(text, w), style))
            used += w
        if used < width:
            segments.append(Segment(" " * (width - used), fill))
        return Strip(segments, width)

    def on_focus(self) -> None:
        self.refresh_line_of(self.cursor)

    def on_blur(self) -> None:
        self.refresh_line_of(self.cursor)
