"""One action in full: its text, owners, due date and the phrase it came from, its meeting
and agenda item, notes, history, the evidence (the sentence in the minutes with the lines
around it), and its life across meetings: where it was created, then what each later
meeting's minutes said of it. ``p`` accepts what later minutes only proposed, ``k`` keeps an
action an edited version of its minutes no longer has (``vanished``: it is open again; ``c``
drops it), each undoable with ``u`` like every update. The history and the timeline are
read on the store's thread, with the evidence and the agenda item's title (the store's
second line, which a big store reads only when asked)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Label, Static

from minutes.text import visible
from tracker import Action, Mention
from tracker.i18n import N_, _, shown_date
from tui.evidence import Evidence, evidence
from tui.messages import OpenMeeting
from tui.screens.updates import UpdatesScreen
from tui.widgets.actions_table import status_text
from tui.widgets.hanging import hanging
from tui.widgets.key_bar import KeyBar
from tui.widgets.lists import moves

__all__ = ["MEANS", "ActionScreen"]

# what later minutes said: the status they mean
MEANS = {"open": N_("still open"), "done": N_("done"), "cancelled": N_("cancelled")}


class ActionScreen(UpdatesScreen):
    """The detail of one action; the update keys act on it."""

    BINDINGS = [
        Binding("escape", "back", N_("Back"), show=False, id="detail.back"),
        Binding("o", "meeting", N_("Its meeting"), id="detail.meeting"),
        Binding("p", "accept", N_("Accept proposal"), id="detail.accept"),
        Binding("k", "keep", N_("Keep (vanished)"), id="detail.keep"),
        *moves("detail", "top", "bottom", "scroll(-1)", "scroll(1)", "scroll_half"),
    ]

    def __init__(self, action_id: str) -> None:
        super().__init__()
        self.action_id = action_id
        self.evidence: Evidence | None = None
        self.timeline: list[Mention] = []
        self.history_read = False
        self.item_title: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail"):
            yield Static(id="detail-text")
            yield Static(id="detail-facts")
            yield Label(_("Evidence"), classes="section")
            yield Static(id="evidence-where", classes="evidence-where")
            yield Vertical(id="evidence")
            yield Label(_("Across meetings"), classes="section")
            yield Vertical(id="timeline")
            yield Label(_("Notes"), classes="section")
            yield Static(id="detail-notes")
            yield Label(_("History"), classes="section")
            yield Static(Content(_("reading…")), id="detail-history")
        yield KeyBar()

    def on_mount(self) -> None:
        self.app.store_changed.subscribe(self, self._store_changed)
        self.show()
        self.query_one("#detail").focus()

    def _store_changed(self, update) -> None:
        if update.action_ids is None or self.action_id in update.action_ids:
            self.show()

    def current_action(self) -> Action | None:
        return self.app.action(self.action_id)

    def show(self) -> None:
        action = self.current_action()
        if action is None:
            self.query_one("#detail-text", Static).update(_("This action is no longer in the store."))
            return
        self.title = _("Action {id}").format(id=action.id)
        self.query_one("#detail-text", Static).update(Content.from_markup(
            "[b]$text[/b]" + ("  [i]$gone[/i]" if action.vanished else ""),
            text=action.text, gone=_("(no longer in the minutes)")))
        self.query_one("#detail-text").set_class(action.status != "open", "-closed")
        self.query_one("#detail-facts", Static).update(_facts(action, self.app.today, self.item_title))
        notes = [Content.from_markup("$at [b]$by[/b]  $text", at=n.at[:16].replace("T", " "),
                                     by=n.by, text=n.text) for n in action.notes]
        self.query_one("#detail-notes", Static).update(
            Content("\n").join(notes) if notes else Content.from_markup("[dim]$none[/dim]", none=_("none")))
        wanted = self.evidence is None

        def read(store) -> tuple:
            changes = store.history(action.id)  # reads the second line, if not yet
            found = (evidence(action.meeting.source, action.source, store_folder=store.path.parent)
                     if wanted else None)
            return changes, store.timeline(action.id), action.meeting.agenda_title(action.agenda_item), found

        self.app.ask_store(read, self._show_read)
        self.refresh_bindings()

    def _show_read(self, found) -> None:
        """The history, the timeline, the agenda item's title and the evidence, as the
        store's thread read them."""
        from tui.store_cli import change_text  # the lines ``minutes show`` prints

        if not self.is_attached:  # left meanwhile
            return
        if isinstance(found, Exception):
            self.query_one("#detail-history", Static).update(Content(str(found)))
            return
        changes, timeline, title, lines = found
        self.history_read = True
        self.query_one("#detail-history", Static).update(
            Content("\n".join(change_text(c) for c in changes) or _("none")))
        if lines is not None and self.evidence is None:
            self._show_evidence(lines)
        action = self.current_action()
        if action is not None:
            if title != self.item_title:
                self.item_title = title
                self.query_one("#detail-facts", Static).update(_facts(action, self.app.today, title))
            self._show_timeline(action, timeline)

    def _show_timeline(self, action: Action, timeline: list[Mention]) -> None:
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
            entries.append(Static(Content(_("no later minutes have mentioned it")), classes="nothing"))
        box.mount_all(entries)
        self.refresh_bindings()

    def proposal(self) -> Mention | None:
        """The later mention ``p`` accepts: the latest one shown that is only proposed."""
        return _proposal(self.timeline)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept":  # in the footer only while there is a proposal
            return self.proposal() is not None
        if action == "keep":  # and while the action is vanished (else k scrolls up)
            current = self.current_action()
            return current is not None and current.status == "vanished"
        return super().check_action(action, parameters)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_keep(self) -> None:
        action = self.current_action()
        if action is not None and action.status == "vanished":
            self.app.change(lambda s: s.reopen(action.id), shown=[action._replace(status="open")],
                            done=_("Kept: {text}").format(text=action.text))

    def action_accept(self) -> None:
        action, mention = self.current_action(), self.proposal()
        if action is not None and mention is not None:
            self.app.change(lambda s: s.accept(action.id, mention.meeting),
                            shown=[action._replace(status=mention.status)],
                            done=_("Accepted: {means} — {text}").format(means=_(MEANS[mention.status]),
                                                                      text=action.text))

    def action_scroll(self, lines: int) -> None:
        self.query_one("#detail").scroll_relative(y=lines, animate=False)

    def action_scroll_half(self, direction: int) -> None:
        scroll = self.query_one("#detail")
        scroll.scroll_relative(y=direction * max(1, scroll.size.height // 2), animate=False)

    def action_top(self) -> None:
        self.query_one("#detail").scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.query_one("#detail").scroll_end(animate=False)

    def _show_evidence(self, found: Evidence) -> None:
        self.evidence = found
        where = f"{found.path or _('the minutes')}" + (f", {_where(found.where)}" if found.where else "")
        # the lines are the file's own, read again: what a terminal would obey is shown
        self.query_one("#evidence-where", Static).update(Content(visible(where)))
        box = self.query_one("#evidence", Vertical)
        box.remove_children()
        if found.lines:
            box.mount_all(Static(hanging(f"{place.number:>4}  ", Text(visible(place.text))),
                                 classes="evidence-line" + (" -origin" if place.is_origin else ""))
                          for place in found.lines)
        else:
            box.mount_all([Static(hanging("      ", Text(visible(found.snippet or _("(no sentence stored)")))),
                                  classes="evidence-line -origin"),
                           Static(Content(visible(f"      ({found.note})")), classes="evidence-note")])

    def action_meeting(self) -> None:
        action = self.current_action()
        if action is not None and action.meeting.id:
            self.post_message(OpenMeeting(action.meeting.id))


def _where(where: str) -> str:
    """``line 71`` or ``paragraph 24`` in the language spoken."""
    kind, _space, number = where.partition(" ")
    return (_("line {n}") if kind == "line" else _("paragraph {n}")).format(n=number)


def _proposal(mentions) -> Mention | None:
    return next((m for m in reversed(mentions) if m.outcome == "proposed"), None)


def _mention_text(m: Mention, title: str | None, acceptable: bool) -> Content:
    """One entry of the timeline: the meeting, what its minutes said, and the sentence."""
    if m.reason == "created":
        said = _("created")
    elif m.applied:
        said = f"{m.word or m.reason} → {_(MEANS[m.status])}"
    else:
        said = _("{word} → proposed: {means} (score {score}{doubt})").format(
            word=m.word or m.reason, means=_(MEANS[m.status]), score=m.score,
            doubt=f"; {m.doubt}" if m.doubt else "")
    return Content.from_markup(
        "[b]$day[/b]  $title  [dim]$id[/dim]   [b]$said[/b][$text-warning]$hint[/]\n"
        "      “$sentence”  [dim]$where[/dim]",
        day=shown_date(m.date, _("undated")), title=title or _("(untitled)"),
        id=f"[{m.meeting}]", said=said, hint=_("   p accepts") if acceptable else "",
        sentence=m.sentence, where=m.where or "")


def _facts(a: Action, today, title: str | None) -> Content:
    """The facts of the action; ``title``: its agenda item's (None until it has been read)."""
    meeting = a.meeting
    item = ""
    if a.agenda_item:
        item = f"§ {a.agenda_item}" + (f" {title}" if title else "") if a.agenda_item[:1].isdigit() \
            else a.agenda_item
    due = shown_date(a.due) if a.due else _("none")
    if a.due and a.due_text:
        due += "  " + _("(the minutes say “{phrase}”)").format(phrase=a.due_text)
    due_markup = "[$error]$due[/]" if a.is_overdue(today) else "$due"
    labels = [_("Status"), _("Owners"), _("Due"), _("Meeting"), _("Item"), _("Id")]
    width = max(len(label) for label in labels) + 2
    s, o, d, m, i, n = (label.ljust(width) for label in labels)
    return Content.from_markup(
        "[b]$s[/b]$status\n[b]$o[/b]$owners\n"
        f"[b]$d[/b]{due_markup}\n"
        "[b]$m[/b]$meeting\n[b]$i[/b]$item\n[b]$n[/b]$id",
        s=s, o=o, d=d, m=m, i=i, n=n,
        status=status_text(a.status) + (_("  overdue") if a.is_overdue(today) else ""),
        owners=", ".join(a.owners) or _("nobody yet"),
        due=due,
        meeting=(f"{meeting.title or _('(untitled)')}, {shown_date(meeting.date, _('undated'))}  [{meeting.id}]"
                 if meeting.id else _("none (added by a member)")),
        item=item or "–",
        id=a.id,
    )
