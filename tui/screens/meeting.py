"""One meeting: its facts, attendees, agenda items with their actions and decisions, and
the next meeting. The update keys act on the highlighted action; enter opens it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from tracker import Action, Meeting, StoreError
from tui.messages import OpenAction
from tui.screens.updates import UpdatesScreen
from tui.widgets.actions_table import status_text

__all__ = ["MeetingScreen"]


class MeetingScreen(UpdatesScreen):
    """A meeting as its minutes tell it."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="meeting.back")]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="meeting"):
            yield Static(id="meeting-facts")
            yield Label("Attendees", classes="section")
            yield Static(id="meeting-attendees")
            yield Label("Agenda, actions and decisions", classes="section")
            yield OptionList(id="meeting-agenda")
            yield Label("Next meeting", classes="section")
            yield Static(id="meeting-next")
        yield Footer()

    def on_mount(self) -> None:
        self.app.store_changed.subscribe(self, lambda _: self.show())
        self.show()
        self.query_one(OptionList).focus()

    def meeting(self) -> Meeting | None:
        for m in self.app.meetings:
            if m.id == self.meeting_id:
                return m
        try:
            return self.app.store.meeting(self.meeting_id)
        except StoreError:
            return None

    def meeting_for_new(self) -> Meeting | None:
        return self.meeting()

    def current_action(self) -> Action | None:
        option = self.query_one(OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return self.app.action(option.id)

    def show(self) -> None:
        m = self.meeting()
        if m is None:
            self.query_one("#meeting-facts", Static).update("This meeting is no longer in the store.")
            return
        self.title = m.title or "(untitled)"
        self.query_one("#meeting-facts", Static).update(_facts(m))
        self.query_one("#meeting-attendees", Static).update(_attendees(m))
        self.query_one("#meeting-next", Static).update(_next(m))
        agenda = self.query_one(OptionList)
        keep = agenda.highlighted_option.id if agenda.highlighted_option else None
        agenda.set_options(_agenda(m, self.app.index.of_meeting(m.id), self.app.today))
        ids = [o.id for o in agenda.options]
        if keep is not None and keep in ids:
            agenda.highlighted = ids.index(keep)
        else:
            first = next((i for i, o in enumerate(agenda.options) if not o.disabled), None)
            agenda.highlighted = first

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(OpenAction(event.option.id))


def _facts(m: Meeting) -> Content:
    when = f"{m.date or 'undated'}" + (f" {m.start}" if m.start else "") + (f"–{m.end}" if m.end else "")
    source = m.source or {}
    return Content.from_markup(
        "[b]$title[/b]\n"
        "[b]When[/b]       $when\n"
        "[b]Where[/b]      $where\n"
        "[b]Chair[/b]      $chair\n"
        "[b]Secretary[/b]  $secretary\n"
        "[b]Language[/b]   $language\n"
        "[b]Minutes[/b]    $source\n"
        "[b]Id[/b]         $id",
        title=m.title or "(untitled)", when=when, where=m.location or "–", chair=m.chair or "–",
        secretary=m.secretary or "–", language=m.language or "–",
        source=f"{source.get('path') or '(no path)'} ({source.get('format') or '?'}), "
               f"imported {(m.imported or '')[:10]}",
        id=m.id,
    )


def _person(a: dict) -> str:
    extra = ", ".join(x for x in (a.get("organisation"), a.get("role")) if x)
    return a.get("name", "?") + (f" — {extra}" if extra else "")


def _attendees(m: Meeting) -> Content:
    lines = [_person(a) for a in m.attendees] or ["none listed"]
    if m.absent:
        lines.append("absent: " + "; ".join(_person(a) for a in m.absent))
    return Content("\n".join(lines))


def _next(m: Meeting) -> Content:
    n = m.next_meeting or {}
    if not n or not any(n.values()):
        return Content("not set in these minutes")
    when = f"{n.get('date') or 'date open'}" + (f" {n['start']}" if n.get("start") else "") + (
        f"–{n['end']}" if n.get("end") else "")
    return Content(when + (f", {n['location']}" if n.get("location") else ""))


def _agenda(m: Meeting, actions: list[Action], today) -> list[Option]:
    # an action or decision names its item by number, or by title where it has none
    items = list(dict.fromkeys((item.get("number") or item.get("title"), item.get("number"),
                                item.get("title")) for item in m.agenda))
    keys = {key for key, _, _ in items}
    by_item: dict[str | None, list[Action]] = {}
    for a in actions:
        by_item.setdefault(a.agenda_item if a.agenda_item in keys else None, []).append(a)
    decisions: dict[str | None, list[str]] = {}
    for d in m.decisions:
        item = d.get("agenda_item")
        decisions.setdefault(item if item in keys else None, []).append(d.get("text", ""))
    if by_item.get(None) or decisions.get(None):
        items.append((None, None, "Elsewhere in the minutes"))
    options: list[Option] = []
    for key, number, title in items:
        heading = f"§ {number}  {title or ''}" if number else title or ""
        options.append(Option(Content.from_markup("[b]$h[/b]", h=heading), disabled=True))
        for a in by_item.pop(key, []):
            options.append(Option(_action_line(a, today), id=a.id))
        for text in decisions.pop(key, []):
            options.append(Option(Content.from_markup("    [i]decided:[/i] $t", t=text), disabled=True))
    return options


def _action_line(a: Action, today) -> Content:
    due = a.due.isoformat() if a.due else "no due date"
    style = "$error" if a.is_overdue(today) else "dim"
    return Content.from_markup(
        f"    $status  $text  [dim]·[/dim] $owners  [{style}]$due[/]",
        status=status_text(a.status), text=a.text, owners=", ".join(a.owners) or "nobody yet", due=due)
