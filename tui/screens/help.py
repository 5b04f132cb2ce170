"""``?``: the keys of every screen (read from their bindings) and the filter syntax, in
the language spoken, over the screen it was opened from; ``/`` finds a line, escape, ``q``
or ``?`` close it (its first line says so)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tracker.i18n import N_, _
from tui.widgets.lists import SEARCH_BINDINGS, KeyedScroll, SearchBar, Searching

__all__ = ["HelpScreen"]


def filter_help() -> str:
    return _(
        "@ingela  @Ingela_Kaarto  @\"Ingela Kaarto\"  @me    owner (→ completes; @ing: everyone whose name starts so)\n"
        "is:open  is:done  is:cancelled  is:all             status (several add up; none: all but vanished)\n"
        "is:vanished                                        no longer in the minutes (in an action: k keeps, c drops)\n"
        "is:overdue                                         open and past the due date\n"
        "due:7                                              due in the next 7 days\n"
        "meeting:7be0  m:hallitus                           a meeting by id or a word of its title\n"
        "any other words                                    in the text, owners, due phrase, notes or id\n")


def legend() -> str:
    return _(
        "DUE  … !   overdue (in the error colour)          ●  marked for bulk work (space)\n"
        "     … •   due this week                          *  changed by someone else just now\n")


def key_lines(title: str, bindings: list[Binding], display) -> list[str]:
    lines = [f"[b]{title}[/b]"]
    for b in bindings:
        if b.description:
            keys = ", ".join(display(Binding(k.strip(), "")) for k in b.key.split(","))
            lines.append(f"  {keys:<14} {_(b.description)}")
    return lines


class HelpScreen(Searching, ModalScreen):
    """Every key, by screen, and the filter syntax."""

    BINDINGS = [
        Binding("escape,question_mark,q", "app.pop_screen", N_("Close"), id="help.close"),
        *SEARCH_BINDINGS,
    ]
    SEARCHED = KeyedScroll

    def compose(self) -> ComposeResult:
        from tui.app import MinutesApp
        from tui.screens.action import ActionScreen
        from tui.screens.actions import ActionsScreen
        from tui.screens.importing import EditAction, ImportScreen, ReviewScreen, VanishedList
        from tui.screens.meetings import MeetingsScreen
        from tui.screens.updates import UpdatesScreen
        from tui.widgets.actions_table import ActionsTable
        from tui.widgets.lists import KeyedOptionList

        sections = [
            (_("Everywhere"), MinutesApp.BINDINGS
             + [Binding("ctrl+p", "", N_("Command palette: commands, meetings, people, actions by their words"))]),
            (_("Every list (meetings, a meeting, the review, this help)"),
             KeyedOptionList.BINDINGS + SEARCH_BINDINGS),
            (_("Updates (actions, an action, a meeting) — each undoable with u; on marked rows, all of them"),
             UpdatesScreen.BINDINGS),
            (_("Actions"), ActionsScreen.BINDINGS[:3]
             + [Binding("D,O,M,S,A,I", "", N_("Sort by due date, owners, meeting, status, action, id "
                                              "(again: reversed; or click the column's name)"))]
             + ActionsTable.BINDINGS),
            (_("An action"), ActionScreen.BINDINGS),
            (_("Meetings"), MeetingsScreen.BINDINGS),
            (_("Import (ctrl+o)"), ImportScreen.BINDINGS),
            (_("Review of what was found"), ReviewScreen.BINDINGS + VanishedList.BINDINGS),
            (_("Editing a found action"), EditAction.BINDINGS),
        ]
        lines = [f"[b]{_('Keys')}[/b]   " + _("(escape, q or ? closes this; / finds a line)"), ""]
        for title, bindings in sections:
            lines += key_lines(title, _unique(bindings), self.app.get_key_display) + [""]
        with KeyedScroll(id="help"):
            yield Static(Content.from_markup("\n".join(lines)), id="help-keys")
            yield Static(Content.from_markup("[b]$title[/b] ( / )", title=_("Filter bar")), classes="section")
            yield Static(Content(filter_help()), id="help-filter")
            yield Static(Content(legend()), id="help-legend")
        yield SearchBar(id="search")

    def on_mount(self) -> None:
        self.query_one(KeyedScroll).focus()


def _unique(bindings: list[Binding]) -> list[Binding]:
    seen: dict[str, Binding] = {}
    for b in bindings:
        seen[f"{b.key} {b.action}"] = b  # a later one says more
    return list(seen.values())
