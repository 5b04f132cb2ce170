"""The keys every list shares, and searching it with ``/``.

``j``/``k`` (and the arrows) move, ``g``/``G`` (and Home/End) go to the first and the last,
ctrl+d/ctrl+u half a page down and up, in the meetings (``KeyedDataTable``), a meeting's
agenda and the review (``KeyedOptionList``) and the help (``KeyedScroll``), as in the
actions table. ``/`` opens a ``SearchBar`` under the list: each letter typed moves to the
first line that has the words, ``n`` to the next one, enter or escape back to the list.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Input, OptionList

from tracker.i18n import N_, _
from tui.index import fold

__all__ = ["KeyedDataTable", "KeyedOptionList", "KeyedScroll", "SearchBar", "SEARCH_BINDINGS", "Searching",
           "moves"]

SEARCH_BINDINGS = [
    Binding("slash", "search", N_("Search"), id="list.search"),
    Binding("n", "search_next", N_("Next match"), show=False, id="list.search-next"),
]


def moves(prefix: str, first: str, last: str, up: str, down: str, half: str) -> list[Binding]:
    """The keys that move in a list or a page (j/k, g/G, Home/End, Ctrl-u/Ctrl-d) on these
    actions; ``prefix`` names their ids."""
    return [
        Binding("k", up, N_("Up"), show=False, id=f"{prefix}.up"),
        Binding("j", down, N_("Down"), show=False, id=f"{prefix}.down"),
        Binding("g,home", first, N_("First"), show=False, id=f"{prefix}.first"),
        Binding("G,end", last, N_("Last"), show=False, id=f"{prefix}.last"),
        Binding("ctrl+u", f"{half}(-1)", N_("Half a page up"), show=False, id=f"{prefix}.half-up"),
        Binding("ctrl+d", f"{half}(1)", N_("Half a page down"), show=False, id=f"{prefix}.half-down"),
    ]


class KeyedOptionList(OptionList):
    """An ``OptionList`` with the keys of every list, that ``/`` searches."""

    BINDINGS = moves("options", "first", "last", "cursor_up", "cursor_down", "half_page")

    def action_half_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height // 2)
        for _step in range(step):
            self.action_cursor_down() if direction > 0 else self.action_cursor_up()

    def find(self, words: str, after: bool = False) -> bool:
        """Highlight the first option (after the highlighted one, with ``after``) whose
        text has ``words``; False when none has."""
        wanted = fold(words)
        start = (self.highlighted or 0) + (1 if after else 0)
        count = self.option_count
        for step in range(count):
            i = (start + step) % count
            option = self.get_option_at_index(i)
            if not option.disabled and wanted in fold(str(option.prompt)):
                self.highlighted = i
                return True
        return False


class KeyedDataTable(DataTable):
    """A ``DataTable`` of rows with the keys of every list, that ``/`` searches."""

    BINDINGS = moves("rows", "first", "last", "cursor_up", "cursor_down", "half_page")

    def action_first(self) -> None:
        self.move_cursor(row=0)

    def action_last(self) -> None:
        self.move_cursor(row=max(0, self.row_count - 1))

    def action_half_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height // 2)
        self.move_cursor(row=max(0, min(self.row_count - 1, self.cursor_row + direction * step)))

    def find(self, words: str, after: bool = False) -> bool:
        wanted = fold(words)
        start = self.cursor_row + (1 if after else 0)
        for step in range(self.row_count):
            i = (start + step) % self.row_count
            if wanted in fold(" ".join(str(cell) for cell in self.get_row_at(i))):
                self.move_cursor(row=i)
                return True
        return False


class KeyedScroll(VerticalScroll):
    """A page of text with the keys of every list; ``/`` finds a line of its text."""

    BINDINGS = moves("page", "scroll_home", "scroll_end", "scroll_up", "scroll_down", "half_page")

    def action_half_page(self, direction: int) -> None:
        self.scroll_relative(y=direction * max(1, self.scrollable_content_region.height // 2),
                             animate=False)

    def find(self, words: str, after: bool = False) -> bool:
        """Scroll to the first line (below the top one, with ``after``) of the text shown
        that has ``words``."""
        wanted = fold(words)
        lines = []
        for child in self.children:
            rendered = child.render()
            text = str(getattr(rendered, "plain", rendered))
            top = child.virtual_region.y
            lines += [(top + n, line) for n, line in enumerate(text.splitlines())]
        here = round(self.scroll_y) + (1 if after else 0)
        ahead = [y for y, line in lines if y >= here and wanted in fold(line)]
        behind = [y for y, line in lines if y < here and wanted in fold(line)]
        for y in ahead + behind:
            self.scroll_to(y=y, animate=False)
            return True
        return False


class SearchBar(Input):
    """The line under a list where ``/`` types what to find in it (``target``); it says
    when nothing has it."""

    BINDINGS = [Binding("escape", "close", N_("Back to the list"), show=False, id="search.close")]

    def __init__(self, **options) -> None:
        super().__init__(placeholder=_("find: words (enter: back to the list, n: next)"), **options)
        self.target = None
        self.display = False

    def open(self, target) -> None:
        self.target = target
        self.display = True
        self.focus()

    def _on_input_changed(self, event: Input.Changed) -> None:
        if event.input is self and self.target is not None and self.value.strip():
            found = self.target.find(self.value.strip())
            self.set_class(not found, "-problem")
            self.tooltip = None if found else _("nothing has {words}").format(words=self.value.strip())

    def _on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_close()

    def action_close(self) -> None:
        self.display = False
        if self.target is not None:
            self.target.focus()

    def next(self) -> None:
        if self.target is not None and self.value.strip():
            self.target.find(self.value.strip(), after=True)


class Searching:
    """A screen with a ``SearchBar`` over one of its lists (``SEARCHED``, what ``query_one``
    finds it by): ``/`` opens the bar on it, ``n`` finds the next match
    (``SEARCH_BINDINGS``)."""

    SEARCHED: type | str = ""

    def action_search(self) -> None:
        self.query_one(SearchBar).open(self.query_one(self.SEARCHED))

    def action_search_next(self) -> None:
        self.query_one(SearchBar).next()
