"""``FilterBar``: one line of filter terms (``@ingela is:open due:7 budjetti``) with completion
of owners from the people registry, statuses and keys. It posts ``FilterChanged`` with the
parsed filter on every keystroke; the syntax is in ``tui.index``. An owner is completed
with the first person the filter finds for what was typed (``tui.index.people_named``),
so the suggestion is always among the rows shown. Enter, ↓ or escape go back to the table."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input

from tracker.i18n import N_, _
from tracker.people import People
from tui.index import ActionFilter, owner_token, people_named
from tui.messages import FilterChanged

__all__ = ["FilterBar", "FilterSuggester"]

TERMS = ("is:open", "is:done", "is:cancelled", "is:vanished", "is:all", "is:overdue", "due:7", "due:14",
         "meeting:", "@me")


class FilterSuggester(Suggester):
    """Completes the last term: ``@in`` -> ``@Ingela_Kaarto`` (the first of the people
    ``@in`` shows), ``is:d`` -> ``is:done``."""

    def __init__(self, people: Callable[[], People]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.people = people

    async def get_suggestion(self, value: str) -> str | None:
        last = value.rpartition(" ")[2]
        if not last:
            return None
        start = value[: len(value) - len(last)]
        if last.startswith("@") and len(last) > 1:
            found = people_named(last[1:], self.people())[0]
            # Input shows what the suggestion adds after the typed length: only a name
            # that starts as typed can be shown so (@kaa finds Ingela Kaarto: no suggestion)
            token = owner_token(found[0]) if found else ""
            if token.casefold().startswith(last.casefold()) and token != last:
                return start + token
            return None
        for term in TERMS:
            if term.startswith(last.casefold()) and term != last:
                return start + term
        return None


class FilterBar(Input):
    """The home screen's filter: terms in, ``FilterChanged`` out."""

    BINDINGS = [
        Binding("down", "leave", N_("To the table"), show=False, id="filter.leave"),
    ]

    def __init__(self, value: str = "", *, people: Callable[[], People],
                 id: str | None = None) -> None:
        super().__init__(value, placeholder=_("filter: @name  is:open|done|cancelled|vanished|all|overdue  "
                                              "due:7  meeting:ID  words"),
                         suggester=FilterSuggester(people), id=id, select_on_focus=False)

    @property
    def wanted(self) -> ActionFilter:
        return ActionFilter.parse(self.value)

    def _on_input_changed(self, event: Input.Changed) -> None:
        if event.input is self:
            self.post_message(FilterChanged(self.wanted, self.value))

    def action_leave(self) -> None:
        self.screen.focus_next()

    def _on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input is self:
            event.stop()
            self.action_leave()
