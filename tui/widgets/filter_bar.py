"""``FilterBar``: one line of filter terms (``@inga is:open due:7 budjetti``) with completion
of owners from the people registry, statuses and keys. It posts ``FilterChanged`` with the
parsed filter on every keystroke; the syntax is in ``tui.index``."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input

from tui.index import ActionFilter, fold, owner_token
from tui.messages import FilterChanged

__all__ = ["FilterBar", "FilterSuggester"]

TERMS = ("is:open", "is:done", "is:cancelled", "is:vanished", "is:all", "is:overdue", "due:7", "due:14",
         "meeting:", "@me")


class FilterSuggester(Suggester):
    """Completes the last term: ``@in`` -> ``@Inga_Savukoski``, ``is:d`` -> ``is:done``."""

    def __init__(self, names: Callable[[], list[str]]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = names

    async def get_suggestion(self, value: str) -> str | None:
        last = value.rpartition(" ")[2]
        if not last:
            return None
        start = value[: len(value) - len(last)]
        if last.startswith("@") and len(last) > 1:
            typed = fold(last[1:].replace("_", " "))
            for name in self.names():
                if fold(name).startswith(typed):
                    return start + owner_token(name)
        for term in TERMS:
            if term.startswith(last.casefold()) and term != last:
                return start + term
        return None


class FilterBar(Input):
    """The home screen's filter: terms in, ``FilterChanged`` out."""

    BINDINGS = [
        Binding("down", "leave", "To the table", show=False, id="filter.leave"),
    ]

    def __init__(self, value: str = "", *, names: Callable[[], list[str]],
                 id: str | None = None) -> None:
        super().__init__(value, placeholder="filter: @name  is:open|done|cancelled|vanished|all|overdue  "
                         "due:7  meeting:ID  words", suggester=FilterSuggester(names), id=id,
                         select_on_focus=False)

    @property
    def wanted(self) -> ActionFilter:
        return ActionFilter.parse(self.value)

    def _on_input_changed(self, event: Input.Changed) -> None:
        if event.input is self:
            self.post_message(FilterChanged(self.wanted, self.value))

    def action_leave(self) -> None:
        self.screen.focus_next()
