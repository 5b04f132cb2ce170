"""Small modal questions: who owns an action, when it is due, a note. Each dismisses with
the answer, or ``None`` when the person pressed escape."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static

from textual.events import Resize

from tracker import StoreError, read_due
from tracker.i18n import N_, _, ngettext, shown_date
from tracker.people import People

__all__ = ["AssignPrompt", "DuePrompt", "NamesSuggester", "NotePrompt", "TextPrompt", "said_date"]

WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
            N_("Sunday"))


def said_date(day: date) -> str:
    """A date read back to the person who typed it: ``perjantai 6.3.2026 (2026-03-06)``,
    ``Friday 2026-03-06``."""
    shown = shown_date(day)
    return f"{_(WEEKDAYS[day.weekday()])} {shown}" + (f"  ({day.isoformat()})" if shown != day.isoformat() else "")


class NamesSuggester(Suggester):
    """Completes the last of comma-separated names from a roster."""

    def __init__(self, names: Callable[[], list[str]]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = names

    async def get_suggestion(self, value: str) -> str | None:
        head, comma, last = value.rpartition(",")
        typed = last.lstrip().casefold()
        if not typed:
            return None
        lead = value[: len(value) - len(last.lstrip())]
        for name in self.names():
            if name.casefold().startswith(typed) and name.casefold() != typed:
                return lead + name
        return None


def split_names(value: str) -> tuple[str, ...]:
    return tuple(n for n in (" ".join(part.split()) for part in value.split(",")) if n)


class Prompt(ModalScreen):
    """A question in a box over the screen it came from: a title (cut with an ellipsis
    when long), one input, a line of help; escape leaves it."""

    BINDINGS = [Binding("escape", "dismiss_none", N_("Cancel"), id="prompt.cancel")]

    def __init__(self, title: str, value: str = "", *, help: str = "",
                 suggester: Suggester | None = None) -> None:
        super().__init__()
        self.prompt_title = title
        self.value = value
        self.help = help
        self.suggester = suggester

    def compose(self) -> ComposeResult:
        with Vertical(classes="prompt"):
            yield Label(Content(self.prompt_title), classes="prompt-title")  # data: no markup
            yield Input(self.value, suggester=self.suggester, id="prompt-input")
            yield Static(Content(self.help), id="prompt-help", classes="prompt-help")

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.height < 24, "-short")

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

    def say(self, text: str, *, problem: bool = False) -> None:
        help_line = self.query_one("#prompt-help", Static)
        help_line.update(Content(text))  # it quotes what was typed: no markup
        help_line.set_class(problem, "-problem")


class AssignPrompt(Prompt):
    """Who owns the action: names separated by commas, completed from the roster, read as
    the store reads them (``Ingelalle``, ``Tommi``). A name that is nobody's is said with the
    closest ones, and a second enter adds it as a new person. Dismisses with the names and
    whether new people may be added."""

    def __init__(self, text: str, owners: tuple[str, ...], roster: list[str], people: People) -> None:
        super().__init__(_("Owners of “{text}”").format(text=text), ", ".join(owners),
                         help=_("Names separated by commas (→ completes from the people "
                                "registry); empty: nobody."),
                         suggester=NamesSuggester(lambda: roster))
        self.people = people
        self.confirmed: str | None = None  # the value whose new names enter again adds

    def on_input_submitted(self, event: Input.Submitted) -> None:
        names = split_names(event.value)
        try:
            nobody = [name for name in names if self.people.resolve(name) is None]
        except StoreError as error:  # a name several people share
            self.say(str(error), problem=True)
            return
        if nobody and self.confirmed != event.value:
            self.confirmed = event.value
            closest = [_("{name} (closest: {names})").format(name=repr(name), names=", ".join(near))
                       if (near := self.people.closest(name)) else repr(name) for name in nobody]
            self.say(ngettext("Nobody called {names} in the people registry: enter again adds the name "
                              "as new.", "Nobody called {names} in the people registry: enter again adds "
                              "them as new.", len(nobody)).format(names="; ".join(closest)), problem=True)
            return
        self.dismiss((names, bool(nobody)))


class DuePrompt(Prompt):
    """When the action is due: any date the parser reads, shown back before it is saved."""

    def __init__(self, text: str, current: date | None, language: str | None, today: date) -> None:
        super().__init__(_("Due date of “{text}”").format(text=text), current.isoformat() if current else "",
                         help=_("2026-03-25, 25.3., ensi perjantaina, next friday… or none"))
        self.language = language
        self.today = today
        self.reading: tuple[str, date | None] | None = None  # (phrase, date) understood

    def on_input_changed(self, event: Input.Changed) -> None:
        phrase = event.value.strip()
        self.reading = None
        if not phrase:
            self.say(_("2026-03-25, 25.3., ensi perjantaina, next friday… or none"))
            return
        try:
            day = read_due(phrase, self.language, self.today)
        except StoreError as refusal:
            self.say(str(refusal), problem=True)
            return
        self.reading = (phrase, day)
        self.say(_("→ {date}   enter saves").format(date=said_date(day)) if day
                 else _("→ no due date   enter saves"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.reading is not None and self.reading[0] == event.value.strip():
            self.dismiss(self.reading)
        elif not event.value.strip():
            self.say(_("Type a date, or none to clear it."), problem=True)


class TextPrompt(Prompt):
    """An action's text: a correction of what the parser misread (``edit``), or the text
    of one it missed (``add``)."""

    @classmethod
    def edit(cls, text: str) -> TextPrompt:
        return cls(_("Text of the action"), text,
                   help=_("enter saves the corrected text; a re-import of the minutes keeps it"))

    @classmethod
    def add(cls, meeting: str | None) -> TextPrompt:
        return cls(_("New action in {meeting}").format(meeting=meeting) if meeting else _("New action (no meeting)"),
                   help=_("enter adds it; then a assigns it and d sets its due date"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = " ".join(event.value.split())
        if text:
            self.dismiss(text)
        else:
            self.say(_("An action needs a text."), problem=True)


class NotePrompt(Prompt):
    """A note on the action."""

    def __init__(self, text: str) -> None:
        super().__init__(_("Note on “{text}”").format(text=text), help=_("enter adds the note"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.dismiss(event.value.strip())
