"""One action in full: its text, owners, due date and the phrase it came from, its meeting
and agenda item, notes, history, the evidence (the sentence in the minutes with the lines
around it), and its life across meetings: where it was created, then what each later
meeting's minutes said of it. ``p`` accepts what later minutes only proposed, ``k`` keeps an
action an edited version of its minutes no longer has (``vanished``: it is open again; ``c``
drops it), each undoable with ``u`` like every update."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Label, Static

from minutes.text import visible
from tracker import Action, Mention, StoreError
from tui.evidence import Evidence, evidence
from tui.messages import EvidenceRead, OpenMeeting
from tui.screens.updates import UpdatesScreen
from tui.widgets.actions_table import status_text

__all__ = ["MEANS", "ActionScreen"]

MEANS = {"open": "still open", "done": "done", "cancelled": "cancelled"}  # what later minutes said


class ActionScreen(UpdatesScreen):
    """The detail of one action; the update keys act on it."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="detail.back"),
        Binding("g", "meeting", "Its meeting", id="detail.meeting"),
        Binding("p", "accept", "Accept proposal", id="detail.accept"),
        Binding("k", "keep", "Keep (vanished)", id="detail.keep"),
    ]

    def __init__(self, action_id: str) -> None:
        super().__init__()
        self.action_id = action_id
        self.evidence: Evidence | None = None
        self.timeline: list[Mention] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail"):
            yield Static(id="detail-text")
            yield Static(id="detail-facts")
            yield Label("Evidence", classes="section")
            yield Static(id="evidence-where", classes="evidence-where")
            yield Vertical(id="evidence")
            yield Label("Across meetings", classes="section")
            yield Vertical(id="timeline")
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
        self._show_timeline(action)
        self.refresh_bindings()
        if self.evidence is None:
            self.read_evidence(action)

    def _history(self, action: Action) -> Content:
        from tui.store_cli import change_text  # the lines ``minutes show`` prints

        try:
            changes = self.app.store.history(action.id)
        except StoreError as error:
            return Content(str(error))
        return Content("\n".join(change_text(c) for c in changes) or "none")

    def _show_timeline(self, action: Action) -> None:
        try:
            timeline = self.app.store.timeline(action.id)
        except StoreError:
            timeline = []
        if timeline == self.timeline:
            return
        self.timeline = timeline
        proposal = _proposal(timeline)
        titles = {m.id: m.title for m in self.app.meetings} | {action.meeting.id: action.meeting.title}
        box = self.query_one("#timeline", Vertical)
        box.remove_children()
        entries = [Static(_mention_text(m, titles.get(m.meeting), m is proposal),
                          classes=f"timeline-entry -{'created' if m.reason == 'created' else m.outcome}")
                   for m in timeline]
        if len(timeline) == 1:
            entries.append(Static(Content("no later minutes have mentioned it"), classes="nothing"))
        box.mount_all(entries)

    def proposal(self) -> Mention | None:
        """The later mention ``p`` accepts: the latest one shown that is only proposed."""
        return _proposal(self.timeline)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept":  # in the footer only while there is a proposal
            return self.proposal() is not None
        if action == "keep":  # and while the action is vanished
            current = self.current_action()
            return current is not None and current.status == "vanished"
        return True

    def action_keep(self) -> None:
        action = self.current_action()
        if action is not None and action.status == "vanished":
            self.app.change(lambda s: s.reopen(action.id), done=f"Kept: {action.text}")

    def action_accept(self) -> None:
        action, mention = self.current_action(), self.proposal()
        if action is not None and mention is not None:
            self.app.change(lambda s: s.accept(action.id, mention.meeting),
                            done=f"Accepted: {MEANS[mention.status]} — {action.text}")

    @work(thread=True, exclusive=True, group="evidence", exit_on_error=False)
    def read_evidence(self, action: Action) -> None:
        found = evidence(action.meeting.source, action.source, store_folder=self.app.store.path.parent)
        self.post_message(EvidenceRead(action.id, found))

    def on_evidence_read(self, message: EvidenceRead) -> None:
        self.evidence = found = message.evidence
        where = f"{found.path or 'the minutes'}" + (f", {found.where}" if found.where else "")
        # the lines are the file's own, read again: what a terminal would obey is shown
        self.query_one("#evidence-where", Static).update(Content(visible(where)))
        box = self.query_one("#evidence", Vertical)
        box.remove_children()
        if found.lines:
            box.mount_all(Static(Content(visible(f"{place.number:>4}  {place.text}")),
                                 classes="evidence-line" + (" -origin" if place.is_origin else ""))
                          for place in found.lines)
        else:
            box.mount_all([Static(Content(visible(f"      {found.snippet or '(no sentence stored)'}")),
                                  classes="evidence-line -origin"),
                           Static(Content(visible(f"      ({found.note})")), classes="evidence-note")])

    def action_meeting(self) -> None:
        action = self.current_action()
        if action is not None and action.meeting.id:
            self.post_message(OpenMeeting(action.meeting.id))


def _proposal(mentions) -> Mention | None:
    return next((m for m in reversed(mentions) if m.outcome == "proposed"), None)


def _mention_text(m: Mention, title: str | None, acceptable: bool) -> Content:
    """One entry of the timeline: the meeting, what its minutes said, and the sentence."""
    if m.reason == "created":
        said = "created"
    elif m.applied:
        said = f"{m.word or m.reason} → {MEANS[m.status]}"
    else:
        said = f"{m.word or m.reason} → proposed: {MEANS[m.status]} (score {m.score}" + (
            f"; {m.doubt})" if m.doubt else ")")
    return Content.from_markup(
        "[b]$day[/b]  $title  [dim]$id[/dim]   [b]$said[/b][$text-warning]$hint[/]\n"
        "      “$sentence”  [dim]$where[/dim]",
        day=m.date.isoformat() if m.date else "undated", title=title or "(untitled)",
        id=f"[{m.meeting}]", said=said, hint="   p accepts" if acceptable else "",
        sentence=m.sentence, where=m.where or "")


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
        meeting=(f"{meeting.title or '(untitled)'}, {meeting.date or 'undated'}  [{meeting.id}]"
                 if meeting.id else "none (added by a member)"),
        item=item or "–",
        id=a.id,
    )
