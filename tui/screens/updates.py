"""``UpdatesScreen``: the update keys every screen that shows actions shares. Each key is
one store change through the app (``MinutesApp.change``), undoable with ``u``. A prompt
shows the value as it was when it opened; its change is made only while the value is still
that (``operations.unchanged``), so another person's change meanwhile is never lost."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from tracker import Action, Meeting
from tracker import operations
from tui.screens.prompts import AssignPrompt, DuePrompt, NotePrompt, TextPrompt

__all__ = ["UpdatesScreen"]


class UpdatesScreen(Screen):
    """A screen with a current action that ``x c a d n e u`` change, and where ``+`` adds
    one to the current action's meeting."""

    BINDINGS = [
        Binding("x", "done", "Done", id="update.done"),
        Binding("c", "cancel_action", "Cancel", show=False, id="update.cancel"),
        Binding("a", "assign", "Assign", id="update.assign"),
        Binding("d", "due", "Due", id="update.due"),
        Binding("n", "note", "Note", id="update.note"),
        Binding("e", "edit", "Edit text", id="update.edit"),
        Binding("plus", "add", "Add action", id="update.add"),
        Binding("u", "undo", "Undo", id="update.undo"),
    ]

    def current_action(self) -> Action | None:
        """The action the keys act on."""
        raise NotImplementedError

    def action_done(self) -> None:
        if (action := self.current_action()) is not None:
            self.app.toggle_status(action.id, "done")

    def action_cancel_action(self) -> None:
        if (action := self.current_action()) is not None:
            self.app.toggle_status(action.id, "cancelled")

    def action_assign(self) -> None:
        action = self.current_action()
        if action is None:
            return

        def assign(answer: tuple[tuple[str, ...], bool] | None) -> None:
            if answer is not None:
                owners, new = answer
                changes = self.app.change(
                    lambda s: s.update([action.id], operations.unchanged("owners", list(action.owners)),
                                       operations.assign(*owners, new=new), via="assign"),
                    yours=", ".join(owners) or "nobody")
                if changes is not None:
                    after = self.app.action(action.id)
                    self.app.notify(f"Owners: {', '.join(after.owners) or 'nobody'}"
                                    if changes else "Nothing to change.", timeout=3)

        self.app.push_screen(AssignPrompt(action.text, action.owners, self.app.roster(action.meeting),
                                          self.app.registry), assign)

    def action_due(self) -> None:
        action = self.current_action()
        if action is None:
            return

        def set_due(answer) -> None:
            if answer is not None:
                _, day = answer
                shown = action.due.isoformat() if action.due else None
                self.app.change(lambda s: s.update([action.id], operations.unchanged("due", shown),
                                                   operations.set_due(day), via="due"),
                                done=f"Due {day.isoformat() if day else 'date cleared'}",
                                yours=day.isoformat() if day else "none")

        self.app.push_screen(DuePrompt(action.text, action.due, action.meeting.language,
                                       self.app.today), set_due)

    def action_note(self) -> None:
        action = self.current_action()
        if action is None:
            return

        def add(text: str | None) -> None:
            if text:
                self.app.change(lambda s: s.note(action.id, text), done="Note added")

        self.app.push_screen(NotePrompt(action.text), add)

    def meeting_for_new(self) -> Meeting | None:
        """The meeting ``+`` adds an action to: the current action's."""
        action = self.current_action()
        return action.meeting if action is not None and action.meeting.id else None

    def action_edit(self) -> None:
        action = self.current_action()
        if action is None:
            return

        def save(text: str | None) -> None:
            if text:
                self.app.change(lambda s: s.edit(action.id, text=text), done=f"Text: {text}")

        self.app.push_screen(TextPrompt.edit(action.text), save)

    def action_add(self) -> None:
        meeting = self.meeting_for_new()
        named = f"{meeting.title or '(untitled)'}, {meeting.date or 'undated'}" if meeting else None

        def add(text: str | None) -> None:
            if text:
                self.app.change(lambda s: s.history(s.add(text, meeting=meeting and meeting.id).id),
                                done=f"Added: {text}")

        self.app.push_screen(TextPrompt.add(named), add)

    def action_undo(self) -> None:
        self.app.undo()
