"""``?``: the keys of every screen (read from their bindings) and the filter syntax."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

__all__ = ["HelpScreen"]

FILTER = """\
@inga  @Inga_Savukoski  @"Inga Savukoski"  @me    owner (→ completes from the people registry)
is:open  is:done  is:cancelled  is:all             status (several add up; none: all but vanished)
is:vanished                                        no longer in the minutes (in an action: k keeps, c drops)
is:overdue                                         open and past the due date
due:7                                              due in the next 7 days
meeting:7be0  m:hallitus                           a meeting by id or a word of its title
any other words                                    in the text, source sentence, owners, notes or id
"""

LEGEND = """\
due  2026-03-20 !   overdue (in the error colour)
     2026-03-27 •   due this week
"""


def key_lines(title: str, bindings: list[Binding], display) -> list[str]:
    lines = [f"[b]{title}[/b]"]
    for b in bindings:
        if b.description:
            keys = ", ".join(display(Binding(k.strip(), "")) for k in b.key.split(","))
            lines.append(f"  {keys:<14} {b.description}")
    return lines


class HelpScreen(ModalScreen):
    """Every key, by screen, and the filter syntax."""

    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        from tui.app import MinutesApp
        from tui.screens.action import ActionScreen
        from tui.screens.actions import ActionsScreen
        from tui.screens.importing import EditAction, ImportScreen, ReviewScreen
        from tui.screens.meeting import MeetingScreen
        from tui.screens.meetings import MeetingsScreen
        from tui.screens.updates import UpdatesScreen
        from tui.widgets.actions_table import ActionsTable

        sections = [
            ("Everywhere", MinutesApp.BINDINGS
             + [Binding("ctrl+p", "", "Command palette: meetings, people, commands")]),
            ("Updates (actions, an action, a meeting) — each undoable with u",
             UpdatesScreen.BINDINGS + [Binding("x", "", "Done (again: open)"),
                                       Binding("c", "", "Cancel (again: open)")]),
            ("Actions", ActionsScreen.BINDINGS + ActionsTable.BINDINGS),
            ("An action", ActionScreen.BINDINGS),
            ("Meetings, a meeting", MeetingsScreen.BINDINGS + MeetingScreen.BINDINGS),
            ("Import (ctrl+o)", ImportScreen.BINDINGS),
            ("Review of what was found", ReviewScreen.BINDINGS),
            ("Editing a found action", EditAction.BINDINGS),
        ]
        lines = []
        for title, bindings in sections:
            lines += key_lines(title, _unique(bindings), self.app.get_key_display) + [""]
        with VerticalScroll(id="help"):
            yield Static(Content.from_markup("\n".join(lines)), id="help-keys")
            yield Static(Content.from_markup("[b]Filter bar[/b] ( / )"), classes="section")
            yield Static(Content(FILTER), id="help-filter")
            yield Static(Content(LEGEND), id="help-legend")


def _unique(bindings: list[Binding]) -> list[Binding]:
    seen: dict[str, Binding] = {}
    for b in bindings:
        seen[b.key] = b  # a later one says more
    return list(seen.values())
