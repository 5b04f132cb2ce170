"""One meeting: its title, date and chair on top, and one list below with its attendees,
agenda items with their actions and decisions, the next meeting and where the minutes came
from. The update keys act on the highlighted action; enter opens it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Header, Static
from textual.widgets.option_list import Option

from tracker import Action, Meeting
from tracker.i18n import N_, _, ngettext, shown_date
from tui.messages import OpenAction
from tui.screens.updates import UpdatesScreen
from tui.widgets.actions_table import status_text
from tui.widgets.hanging import hanging, theme_style
from tui.widgets.key_bar import KeyBar
from tui.widgets.lists import SEARCH_BINDINGS, KeyedOptionList, SearchBar, Searching

__all__ = ["MeetingScreen"]


class MeetingScreen(Searching, UpdatesScreen):
    """A meeting as its minutes tell it."""

    BINDINGS = [Binding("escape", "back", N_("Back"), show=False, id="meeting.back"), *SEARCH_BINDINGS]
    SEARCHED = KeyedOptionList

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="meeting-facts")
        yield KeyedOptionList(id="meeting-agenda")
        yield SearchBar(id="search")
        yield KeyBar()

    def on_mount(self) -> None:
        self.app.store_changed.subscribe(self, lambda _: self.show())
        self.show()
        self.query_one(KeyedOptionList).focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    def meeting(self) -> Meeting | None:
        return self.app.meeting(self.meeting_id)

    def meeting_for_new(self) -> Meeting | None:
        return self.meeting()

    def current_action(self) -> Action | None:
        option = self.query_one(KeyedOptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return self.app.action(option.id)

    def show(self, read: bool = False) -> None:
        """Show the meeting; its facts but the title and date are in the store's second
        line: when it has not been read yet (a big store), the store's thread reads it
        first (``read``: it has been)."""
        m = self.meeting()
        if m is None:
            self.query_one("#meeting-facts", Static).update(_("This meeting is no longer in the store."))
            return
        self.title = m.title or _("(untitled)")
        if not read and m.held("attendees") is None:
            self.query_one("#meeting-facts", Static).update(Content.from_markup(
                "[b]$title[/b]\n$when", title=self.title, when=_("reading…")))
            self.app.ask_store(lambda store: store.read_whole(), self._read)
            return
        self.query_one("#meeting-facts", Static).update(_facts(m))
        agenda = self.query_one(KeyedOptionList)
        keep = agenda.highlighted_option.id if agenda.highlighted_option else None
        actions = sorted(self.app.index.of_meeting(m.id), key=_place)  # in the order of the minutes
        agenda.set_options(_lines(m, actions, self.app))
        ids = [o.id for o in agenda.options]
        if keep is not None and keep in ids:
            agenda.highlighted = ids.index(keep)
        else:
            agenda.highlighted = next((i for i, o in enumerate(agenda.options) if not o.disabled), None)
            agenda.scroll_to(y=0, animate=False)

    def _read(self, _found) -> None:
        if self.is_attached:  # not left meanwhile
            self.show(read=True)

    def on_option_list_option_selected(self, event: KeyedOptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(OpenAction(event.option.id))


def _facts(m: Meeting) -> Content:
    when = shown_date(m.date, _("undated")) + (f" {m.start}" if m.start else "") + (f"–{m.end}" if m.end else "")
    facts = [when] + [x for x in (m.location,) if x]
    if m.chair:
        facts.append(_("chair {name}").format(name=m.chair))
    if m.secretary:
        facts.append(_("secretary {name}").format(name=m.secretary))
    return Content.from_markup("[b]$title[/b]\n$facts", title=m.title or _("(untitled)"),
                               facts=" · ".join(facts))


def _place(a: Action) -> int:
    """Where in its minutes an action was read (a line or a paragraph; added ones last)."""
    source = a.held("source") or {}
    where = source.get("line")
    if where is None:
        where = source.get("paragraph")
    return where if where is not None else 1 << 30


def _section(title: str) -> Option:
    return Option(Text(title, style="bold"), disabled=True)


def _person(a: dict) -> str:
    extra = ", ".join(x for x in (a.get("organisation"), a.get("role")) if x)
    return a.get("name", "?") + (f" — {extra}" if extra else "")


def _lines(m: Meeting, actions: list[Action], app) -> list[Option]:
    """The list under the facts: attendees, the agenda with each item's actions (to be
    chosen) and decisions, the next meeting, the minutes."""
    options = [_section(ngettext("Attendee ({n})", "Attendees ({n})", len(m.attendees)).format(
        n=len(m.attendees)))]
    options += [Option(hanging("  ", _person(a)), disabled=True) for a in m.attendees] or [
        Option(Text(_("  none listed"), style="dim"), disabled=True)]
    if m.absent:
        options.append(Option(hanging(_("  absent: "), "; ".join(_person(a) for a in m.absent)), disabled=True))
    options.append(_section(_("Agenda, actions and decisions")))
    options += _agenda(m, actions, app)
    options.append(_section(_("Next meeting")))
    options.append(Option(hanging("  ", _next(m)), disabled=True))
    source = m.source or {}
    options.append(_section(_("Minutes")))
    options.append(Option(hanging("  ", _("{path} ({format}), imported {day}, id {id}, language {lang}").format(
        path=source.get("path") or _("(no path)"), format=source.get("format") or "?",
        day=(m.imported or "")[:10], id=m.id, lang=m.language or "–")), disabled=True))
    return options


def _next(m: Meeting) -> str:
    n = m.next_meeting or {}
    if not n or not any(n.values()):
        return _("not set in these minutes")
    when = (n.get("date") or _("date open")) + (f" {n['start']}" if n.get("start") else "") + (
        f"–{n['end']}" if n.get("end") else "")
    if n.get("date"):
        from datetime import date

        try:
            when = when.replace(n["date"], shown_date(date.fromisoformat(n["date"])), 1)
        except ValueError:
            pass
    return when + (f", {n['location']}" if n.get("location") else "")


def _agenda(m: Meeting, actions: list[Action], app) -> list[Option]:
    # an action or decision names its item by number, or by title where it has none
    items = list(dict.fromkeys((item.get("number") or item.get("title"), item.get("number"),
                                item.get("title")) for item in m.agenda))
    keys = {key for key, _n, _t in items}
    by_item: dict[str | None, list[Action]] = {}
    for a in actions:
        by_item.setdefault(a.agenda_item if a.agenda_item in keys else None, []).append(a)
    decisions: dict[str | None, list[str]] = {}
    for d in m.decisions:
        item = d.get("agenda_item")
        decisions.setdefault(item if item in keys else None, []).append(d.get("text", ""))
    if by_item.get(None) or decisions.get(None):
        items.append((None, None, _("Elsewhere in the minutes")))
    options: list[Option] = []
    for key, number, title in items:
        head = f"  § {number}  " if number else "  "
        options.append(Option(hanging(Text(head, style="bold"), Text(title or "", style="bold")), disabled=True))
        for a in by_item.pop(key, []):
            options.append(Option(_action_line(a, app), id=a.id))
        for text in decisions.pop(key, []):
            options.append(Option(hanging(Text(_("      decided: "), style="italic"), text), disabled=True))
    return options


def _action_line(a: Action, app) -> object:
    due = shown_date(a.due) if a.due else _("no due date")
    overdue = a.is_overdue(app.today)
    body = Text.assemble(a.text, ("  · ", "dim"), ", ".join(a.owners) or _("nobody yet"), "  ",
                         (due + (" !" if overdue else ""),
                          theme_style(app, "text-error", "bold") if overdue else "dim"))
    return hanging(f"    {status_text(a.status)}  ", body)
