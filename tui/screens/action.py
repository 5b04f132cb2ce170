"""One action in full: its text, owners, due date and the phrase it came from, its meeting
and agenda item, notes, history, and the evidence: the sentence in the minutes with the
lines around it."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Label, Static

from tracker import Action, StoreError
from tui.evidence import Evidence, evidence
from tui.messages import EvidenceRead, OpenMeeting
from tui.screens.updates import UpdatesScreen
from tui.widgets.actions_table import status_text

__all__ = ["ActionScreen"]


class ActionScreen(UpdatesScreen):
    """The detail of one action; the update keys act on it."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="detail.back"),
        Binding("g", "meeting", "Its meeting", id="detail.meeting"),
    ]

    def __init__(self, action_id: str) -> None:
        super().__init__()
        self.action_id = action_id
        self.evidence: Evidence | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail"):
            yield Static(id="detail-text")
            yield Static(id="detail-facts")
            yield Label("Evidence", classes="section")
            yield Static(id="evidence-where", classes="evidence-where")
            yield Vertical(id="evidence")
            yield Label("Notes", classes="section")
            yield Static(id="detail-notes")
            yield Label("History", classes="section")
            yield Static(id="detail-history")
        yield Footer()

    def on_mount(self) -> None:
        self.app.store_changed.subscribe(self, lambda _: self.show())
        self.show()
        self.query_one("#detail").focus()

    def current_action(self) -> Action | None:
        return self.app.action(self.action_id)

    def show(self) -> None:
        action = self.current_action()
        if action is None:
            self.query_one("#detail-text", Static).update("This action is no longer in the store.")
            return
        self.title = f"Action {action.id}"
        self.query_one("#detail-text", Static).update(Content.from_markup(
            "[b]$text[/b]" + ("  [i](no longer in the minutes)[/i]" if action.vanished else ""),
            text=action.text))
        self.query_one("#detail-text").set_class(action.status != "open", "-closed")
        self.query_one("#detail-facts", Static).update(_facts(action, self.app.today))
        notes = [Content.from_markup("$at [b]$by[/b]  $text", at=n.at[:16].replace("T", " "),
                                     by=n.by, text=n.text) for n in action.notes]
        self.query_one("#detail-notes", Static).update(
            Content("\n").join(notes) if notes else Content.from_markup("[dim]none[/dim]"))
        self.query_one("#detail-history", Static).update(self._history(action))
        if self.evidence is None:
            self.read_evidence(action)

    def _history(self, action: Action) -> Content:
        from tui.store_cli import change_text  # the lines ``minutes show`` prints

        try:
            changes = self.app.store.history(action.id)
        except StoreError as error:
            return Content(str(error))
        return Content("\n".join(change_text(c) for c in changes) or "none")

    @work(thread=True, exclusive=True, group="evidence", exit_on_error=False)
    def read_evidence(self, action: Action) -> None:
        found = evidence(action.meeting.source, action.source, store_folder=self.app.store.path.parent)
        self.post_message(EvidenceRead(action.id, found))

    def on_evidence_read(self, message: EvidenceRead) -> None:
        self.evidence = found = message.evidence
        where = f"{found.path or 'the minutes'}" + (f", {found.where}" if found.where else "")
        self.query_one("#evidence-where", Static).update(Content(where))
        box = self.query_one("#evidence", Vertical)
        box.remove_children()
        if found.lines:
            box.mount_all(Static(Content(f"{place.number:>4}  {place.text}"),
                                 classes="evidence-line" + (" -origin" if place.is_origin else ""))
                          for place in found.lines)
        else:
            box.mount_all([Static(Content(f"      {found.snippet or '(no sentence stored)'}"),
                                  classes="evidence-line -origin"),
                           Static(Content(f"      ({found.note})"), classes="evidence-note")])

    def action_meeting(self) -> None:
        action = self.current_action()
        if action is not None:
            self.post_message(OpenMeeting(action.meeting.id))


def _facts(a: Action, today) -> Content:
    meeting = a.meeting
    item = ""
    if a.agenda_item:
        title = meeting.agenda_title(a.agenda_item)
        item = f"item {a.agenda_item}" + (f" {title}" if title else "")
    due = a.due.isoformat() if a.due else "none"
    if a.due and a.due_text:
        due += f"  (the minutes say “{a.due_text}”)"
    due_markup = "[$error]$due[/]" if a.is_overdue(today) else "$due"
    return Content.from_markup(
        "[b]Status[/b]   $status\n"
        "[b]Owners[/b]   $owners\n"
        f"[b]Due[/b]      {due_markup}\n"
        "[b]Meeting[/b]  $meeting\n"
        "[b]Item[/b]     $item\n"
        "[b]Id[/b]       $id",
        status=status_text(a.status) + ("  overdue" if a.is_overdue(today) else ""),
        owners=", ".join(a.owners) or "nobody yet",
        due=due,
        meeting=f"{meeting.title or '(untitled)'}, {meeting.date or 'undated'}  [{meeting.id}]",
        item=item or "–",
        id=a.id,
    )
