"""``UpdatesScreen``: the update keys every screen that shows actions shares. Each key is
one store change through the app (``MinutesApp.change``), shown at once, undoable with
``u``; on the actions table the keys act on every marked row at once (space marks), as one
change. A prompt shows the value as it was when it opened; its change is made only while
the value is still that (``operations.unchanged``), so another person's change meanwhile
is never lost."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from tracker import Action, ActionStore, Meeting
from tracker import operations
from tracker.i18n import N_, _, ngettext, shown_date
from tui.screens.prompts import AssignPrompt, DuePrompt, NotePrompt, TextPrompt

__all__ = ["UpdatesScreen"]


class UpdatesScreen(Screen):
    """A screen with current actions that ``x c a d n e u`` change, and where ``+`` adds
    one to the current action's meeting. ``x`` on done actions opens them again, as
    ``c`` does on cancelled ones: the footer says which."""

    BINDINGS = [
        Binding("x", "done", N_("Done"), id="update.done"),
        Binding("x", "reopen('done')", N_("Reopen"), id="update.undone"),
        Binding("c", "cancel_action", N_("Cancel"), id="update.cancel"),
        Binding("c", "reopen('cancelled')", N_("Reopen"), id="update.uncancel"),
        Binding("a", "assign", N_("Assign"), id="update.assign"),
        Binding("d", "due", N_("Due"), id="update.due"),
        Binding("n", "note", N_("Note"), id="update.note"),
        Binding("e", "edit", N_("Edit text"), id="update.edit"),
        Binding("plus", "add", N_("Add action"), id="update.add"),
        Binding("u", "undo", N_("Undo"), id="update.undo"),
    ]

    def current_action(self) -> Action | None:
        """The action the keys act on."""
        raise NotImplementedError

    def chosen_actions(self) -> list[Action]:
        """The actions the update keys act on (the current one, unless a screen lets
        several be marked)."""
        current = self.current_action()
        return [current] if current is not None else []

    def changed_all(self) -> None:
        """A change was asked for the chosen actions (a screen unmarks them here)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("done", "cancel_action", "reopen"):
            chosen = self.chosen_actions()
            if not chosen:
                return None
            status = {"done": "done", "cancel_action": "cancelled"}.get(action)
            every = {a.status for a in chosen}
            if action == "reopen":  # x on done actions, c on cancelled ones
                return every == {parameters[0]}
            return every != {status}
        return True

    def action_done(self) -> None:
        self._set_status("done")

    def action_cancel_action(self) -> None:
        self._set_status("cancelled")

    def action_reopen(self, status: str) -> None:
        self._set_status("open")

    def _set_status(self, status: str) -> None:
        chosen = self.chosen_actions()
        if chosen:
            self.app.set_status(chosen, status)
            self.changed_all()

    def action_assign(self) -> None:
        chosen = self.chosen_actions()
        if not chosen:
            return
        owners = chosen[0].owners if len({a.owners for a in chosen}) == 1 else ()

        def assign(answer: tuple[tuple[str, ...], bool] | None) -> None:
            if answer is None:
                return
            names, new = answer

            write = _each(chosen, "owners", lambda a: list(a.owners), operations.assign(*names, new=new),
                          via="assign")

            def said(changes) -> None:
                if changes:
                    after = self.app.action(chosen[0].id)
                    self.app.notify(_("Owners: {names}").format(
                        names=", ".join(after.owners if after else names) or _("nobody"))
                        + _some(chosen), timeout=3)
                else:
                    self.app.notify(_("Nothing to change."), timeout=3)

            self.app.change(write, yours=", ".join(names) or _("nobody"), then=said)
            self.changed_all()

        self.app.push_screen(AssignPrompt(_subject(chosen), owners, self.app.roster(chosen[0].meeting),
                                          self.app.registry), assign)

    def action_due(self) -> None:
        chosen = self.chosen_actions()
        if not chosen:
            return
        current = chosen[0].due if len({a.due for a in chosen}) == 1 else None

        def set_due(answer) -> None:
            if answer is None:
                return
            _phrase, day = answer

            write = _each(chosen, "due", lambda a: a.due.isoformat() if a.due else None,
                          operations.set_due(day), via="due")

            self.app.change(write, shown=[a._replace(due=day) for a in chosen],
                            done=(_("Due {date}").format(date=shown_date(day)) if day
                                  else _("Due date cleared")) + _some(chosen),
                            yours=shown_date(day, _("none")))
            self.changed_all()

        self.app.push_screen(DuePrompt(_subject(chosen), current, chosen[0].meeting.language,
                                       self.app.today), set_due)

    def action_note(self) -> None:
        chosen = self.chosen_actions()
        if not chosen:
            return

        def add(text: str | None) -> None:
            if text:
                def write(store: ActionStore):
                    with store.batch(hot=True):  # a note
                        return [c for a in chosen for c in store.note(a.id, text)]

                self.app.change(write, done=_("Note added") + _some(chosen))
                self.changed_all()

        self.app.push_screen(NotePrompt(_subject(chosen)), add)

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
                self.app.change(lambda s: s.edit(action.id, text=text), shown=[action._replace(text=text)],
                                done=_("Text: {text}").format(text=text))

        self.app.push_screen(TextPrompt.edit(action.text), save)

    def action_add(self) -> None:
        meeting = self.meeting_for_new()
        named = _("{title}, {date}").format(title=meeting.title or _("(untitled)"),
                                           date=shown_date(meeting.date, _("undated"))) if meeting else None

        def add(text: str | None) -> None:
            if text:
                self.app.change(lambda s: s.history(s.add(text, meeting=meeting and meeting.id).id),
                                done=_("Added: {text}").format(text=text))

        self.app.push_screen(TextPrompt.add(named), add)

    def action_undo(self) -> None:
        self.app.undo()


def _subject(chosen: list[Action]) -> str:
    """What a prompt's title names: the action's text, or how many."""
    if len(chosen) == 1:
        return chosen[0].text
    return ngettext("{n} action", "{n} actions", len(chosen)).format(n=len(chosen))


def _some(chosen: list[Action]) -> str:
    """`` (3 actions)`` after a toast of a change to several actions."""
    if len(chosen) == 1:
        return ""
    return " (" + ngettext("{n} action", "{n} actions", len(chosen)).format(n=len(chosen)) + ")"


def _each(chosen: list, field: str, shown, operation, via: str):
    """The store's write of ``operation`` on every chosen action whose ``field`` is still as
    ``shown(action)`` says it was on the screen: one change, undone as one."""

    def write(store: ActionStore):
        with store.batch(hot=True):  # the fields shown: hot
            return [c for a in chosen for c in store.update(
                [a.id], operations.unchanged(field, shown(a)), operation, via=via)]

    return write
