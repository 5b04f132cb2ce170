"""Importing minutes: pick a file (a directory tree, or a path typed with completion), parse
it in a worker, then review what was found before anything is written.

The review shows the meeting's facts, attendees, agenda and the parse's doubts, what the
minutes say of the open actions of the series' earlier meetings (the import's dry run, made
in the same worker), and every action with its owners, due date and doubts; the secretary
keeps, edits or drops each one. An edited version of stored minutes may no longer have some
of their open actions: those are listed too, and ``k`` keeps one (it stays open) or ``x``
drops it (cancelled); one left undecided becomes ``vanished``, out of the usual listings.
``ctrl+s`` hands the reviewed minutes to the app, whose worker writes them, earlier actions'
changes with them (the applied ones; the proposed ones stay proposed) and what was settled
of the vanished ones, as one change; escape writes nothing.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import NamedTuple

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.suggester import Suggester
from textual.widgets import DirectoryTree, Footer, Header, Input, Label, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from tracker import ActionStore, StoreError, read_due
from tui.messages import MinutesParsed
from tui.screens.action import MEANS
from tui.screens.prompts import NamesSuggester, shown_date, split_names

__all__ = ["EditAction", "ImportScreen", "MinutesTree", "ReviewScreen", "Reviewed", "VanishedList"]

SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".text")


def is_minutes_file(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


class MinutesTree(DirectoryTree):
    """Folders and the files that may be minutes (text, Markdown, DOCX); no hidden ones."""

    def filter_paths(self, paths):
        return [p for p in paths if not p.name.startswith(".")
                and (p.is_dir() or is_minutes_file(p))]


class PathSuggester(Suggester):
    """Completes a typed path with the first folder or minutes file that starts so."""

    def __init__(self, folder: Path) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.folder = folder

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        typed = Path(os.path.expanduser(value))
        base = typed if value.endswith(os.sep) else typed.parent
        start = "" if value.endswith(os.sep) else typed.name
        where = base if base.is_absolute() else self.folder / base
        try:
            entries = sorted(where.iterdir())
        except OSError:
            return None
        for entry in entries:
            if entry.name.startswith(start) and not entry.name.startswith(".") and (
                    entry.is_dir() or is_minutes_file(entry)):
                rest = entry.name[len(start):] + (os.sep if entry.is_dir() else "")
                return value + rest if rest else None
        return None


class ImportScreen(Screen):
    """Choose a minutes file to import."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="import.back"),
        Binding("ctrl+t", "focus_tree", "Tree", id="import.tree"),
        Binding("ctrl+l", "focus_path", "Path", id="import.path"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="import"):
            yield Label("Minutes to import (a .txt, .md or .docx file): type a path (→ completes) "
                        "or choose one below", classes="section")
            yield Input(placeholder=f"{self.folder}{os.sep}…", suggester=PathSuggester(self.folder),
                        id="import-path")
            yield MinutesTree(self.folder, id="import-tree")
            yield Static(id="import-status")
            yield LoadingIndicator(id="import-busy")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Import minutes"
        self.query_one("#import-busy").display = False
        self.query_one("#import-path", Input).focus()

    def action_focus_tree(self) -> None:
        self.query_one(MinutesTree).focus()

    def action_focus_path(self) -> None:
        self.query_one("#import-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            path = Path(os.path.expanduser(event.value.strip()))
            self.choose(path if path.is_absolute() else self.folder / path)

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.choose(event.path)

    def choose(self, path: Path) -> None:
        """Parse ``path`` in a worker; the review follows."""
        path = path.resolve()
        self.query_one("#import-path", Input).value = str(path)
        self.query_one("#import-status", Static).update(Content(f"Reading {path.name}…"))
        self.query_one("#import-busy").display = True
        self.parse(path)

    @work(thread=True, exclusive=True, group="parse", exit_on_error=False)
    def parse(self, path: Path) -> None:
        from minutes import UnreadableMinutes, parse

        try:
            minutes = parse(path)
        except (UnreadableMinutes, OSError) as error:
            self.post_message(MinutesParsed(path, None, error=f"{path.name}: "
                                            f"{getattr(error, 'strerror', None) or error}"))
            return
        try:  # what importing would do, with a store object of this thread's own
            with ActionStore(self.app.store.path, user=self.app.store.user) as store:
                preview = store.import_minutes(minutes, dry_run=True)
        except StoreError as error:
            self.post_message(MinutesParsed(path, None, error=str(error)))
            return
        self.post_message(MinutesParsed(path, minutes, preview))

    def on_minutes_parsed(self, message: MinutesParsed) -> None:
        self.query_one("#import-busy").display = False
        status = self.query_one("#import-status", Static)
        if message.minutes is None:
            status.update(Content(message.error or "could not read the file"))
            status.add_class("-problem")
            return
        status.remove_class("-problem")
        status.update(Content(f"{message.path.name}: {len(message.minutes.actions)} actions found"))

        def reviewed(review: Reviewed | None) -> None:
            if review is None:
                self.notify("Nothing was written.", title="Import cancelled", timeout=3)
            else:
                status.update(Content(f"Writing {message.path.name}…"))
                self.app.write_import(review.minutes, review.settle)

        self.app.push_screen(ReviewScreen(message.minutes, message.preview), reviewed)


class Reviewed(NamedTuple):
    """What a review hands on: the minutes with the actions kept, as edited, and what to do
    with the stored actions they no longer have (id -> ``open`` kept, ``cancelled`` dropped)."""

    minutes: object
    settle: dict[str, str]


class VanishedList(OptionList):
    """The open actions an edited version of the minutes no longer has: ``k`` keeps one (it
    stays open), ``x`` drops it (cancelled), the same key again leaves it undecided (it
    becomes ``vanished``, out of the usual listings, until someone decides)."""

    BINDINGS = [
        Binding("k", "settle('open')", "Keep", id="review.keep"),
        Binding("x", "settle('cancelled')", "Drop", id="review.drop"),
    ]

    def __init__(self, items: list[dict]) -> None:
        self.items = {item["id"]: item for item in items}
        self.settle: dict[str, str] = {}
        super().__init__(*(Option(self._prompt(aid), id=aid) for aid in self.items), id="review-vanished")

    def _prompt(self, action_id: str) -> Content:
        head = {
            None: "[b $warning]? vanished[/]  $text\n      [dim]not listed until kept (k) or dropped (x)[/]",
            "open": "[b $success]✓ keep[/]  $text\n      stays open",
            "cancelled": "[b $error]✗ drop[/]  [strike dim]$text[/]\n      cancelled",
        }[self.settle.get(action_id)]
        return Content.from_markup(head, text=f"{self.items[action_id]['text']}  [{action_id}]")

    def action_settle(self, status: str) -> None:
        option = self.highlighted_option
        if option is None or option.id is None:
            return
        if self.settle.get(option.id) == status:
            del self.settle[option.id]
        else:
            self.settle[option.id] = status
        self.replace_option_prompt(option.id, self._prompt(option.id))


class ReviewScreen(Screen):
    """What the parser found in one set of minutes; keep, edit or drop each action, and keep
    or drop the stored ones an edited version no longer has.

    Dismisses with ``Reviewed`` (``ctrl+s``) or ``None`` (escape).
    """

    BINDINGS = [
        Binding("space", "toggle", "Keep/drop", id="review.toggle"),
        Binding("e", "edit", "Edit", id="review.edit"),
        Binding("ctrl+s", "write", "Write to the store", id="review.write"),
        Binding("escape", "cancel", "Cancel", id="review.cancel"),
    ]

    def __init__(self, minutes, preview=None) -> None:
        super().__init__()
        self.minutes = minutes
        self.preview = preview
        self.actions = list(minutes.actions)  # as edited
        self.kept = [True] * len(self.actions)
        # the actions that repeat an open one of an earlier meeting: by index, that one's id
        self.repeats = {r["index"]: r["id"] for r in preview.repeats} if preview is not None else {}

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="review"):
            yield Static(_preview(self.minutes, self.preview), id="review-facts")
            yield Label("Attendees", classes="section")
            yield Static(_people(self.minutes), id="review-attendees")
            yield Label("Agenda", classes="section")
            yield Static(_agenda(self.minutes), id="review-agenda")
            if self.minutes.doubts:
                yield Label("Doubts", classes="section")
                yield Static(Content("\n".join(f"⚠ {d}" for d in self.minutes.doubts)),
                             id="review-doubts", classes="doubts")
            if self.preview is not None and self.preview.changed:
                yield Label("Earlier actions — applied ones change when written, proposed ones "
                            "wait for a person (p in the action's detail)", classes="section")
                with Vertical(id="review-follow-up"):
                    for item in self.preview.follow_up:
                        yield Static(_follow_up(item), classes=f"follow-up -{item['outcome']}")
                    if not self.preview.follow_up:
                        yield Static(Content("these minutes mention no open action of an earlier meeting"),
                                     classes="nothing")
            gone = [item for item in self.preview.vanished if item.get("was") == "open"] \
                if self.preview is not None else []
            if gone:
                yield Label("No longer in these minutes — k keeps an action (it stays open), x drops "
                            "it; one left undecided is vanished, out of the usual listings", classes="section")
                yield VanishedList(gone)
            yield Label("Actions — space keeps or drops, e edits, ctrl+s writes", classes="section")
            yield OptionList(*self._options(), id="review-actions")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"Review: {self.minutes.title or Path(self.minutes.source.path or '').name}"
        self.query_one("#review-actions", OptionList).focus()

    def _options(self) -> list[Option]:
        return [Option(self._prompt(i), id=str(i)) for i in range(len(self.actions))]

    def _prompt(self, i: int) -> Content:
        a, kept = self.actions[i], self.kept[i]
        due = a.due.isoformat() if a.due else "no due date"
        if a.due_text:
            due += f" (“{a.due_text}”)"
        item = f"§ {a.agenda_item}" if a.agenda_item else "no item"
        doubts = "".join(f"\n      ⚠ {d}" for d in a.doubts)
        if not kept:
            head = "[b $error]✗ drop[/]  [strike dim]$text[/]"
        elif i in self.repeats:
            head = "[b $accent]↻ carry-over[/]  $text\n      [$accent]$repeat[/]"
        else:
            head = "[b $success]✓ keep[/]  $text"
        return Content.from_markup(
            head + "\n      $owners · $due · $item · $rule[$warning]$doubts[/]",
            text=a.text, owners=", ".join(a.owners) or "nobody named", due=due, item=item,
            rule=f"found by {a.rule}" if a.rule else "", doubts=doubts,
            repeat=f"repeats the open action {self.repeats.get(i)}: counted as carried over, "
                   "not added again")

    def _redraw(self, i: int) -> None:
        self.query_one("#review-actions", OptionList).replace_option_prompt(str(i), self._prompt(i))

    def _current(self) -> int | None:
        option = self.query_one("#review-actions", OptionList).highlighted_option
        return int(option.id) if option is not None and option.id is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("toggle", "edit"):  # the found actions' keys, not the vanished ones'
            return not isinstance(self.focused, VanishedList)
        return True

    def action_toggle(self) -> None:
        if (i := self._current()) is not None:
            self.kept[i] = not self.kept[i]
            self._redraw(i)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "review-actions":
            self.action_edit()

    def action_edit(self) -> None:
        i = self._current()
        if i is None:
            return

        def edited(action) -> None:
            if action is not None:
                self.actions[i] = action
                self.kept[i] = True
                self._redraw(i)

        names = [a.name for a in self.minutes.attendees] + self.app.roster()
        self.app.push_screen(EditAction(self.actions[i], list(dict.fromkeys(names)),
                                        self.minutes.language, self.minutes.date or self.app.today),
                             edited)

    def reviewed(self) -> Reviewed:
        """The minutes with the actions kept, as edited, and what was settled of the actions
        they no longer have."""
        settle = dict(self.query_one(VanishedList).settle) if self.query(VanishedList) else {}
        return Reviewed(replace(self.minutes, actions=[a for a, k in zip(self.actions, self.kept) if k]),
                        settle)

    def action_write(self) -> None:
        self.dismiss(self.reviewed())

    def action_cancel(self) -> None:
        self.dismiss(None)


class EditAction(ModalScreen):
    """Edit one found action: its text, owners and due date (read as the parser reads a
    date, from the meeting's date). Dismisses with the edited action or ``None``."""

    BINDINGS = [
        Binding("escape", "dismiss_none", "Cancel", id="edit.cancel"),
        Binding("ctrl+s", "save", "Save", id="edit.save"),
    ]

    def __init__(self, action, roster: list[str], language: str | None, base: date) -> None:
        super().__init__()
        self.found = action
        self.roster = roster
        self.language = language
        self.base = base

    def compose(self) -> ComposeResult:
        a = self.found
        with Vertical(classes="prompt"):
            yield Label("Edit the action", classes="prompt-title")
            yield Label("What")
            yield Input(a.text, id="edit-text")
            yield Label("Owners (names separated by commas)")
            yield Input(", ".join(a.owners), suggester=NamesSuggester(lambda: self.roster), id="edit-owners")
            yield Label("Due (25.3., ensi perjantaina, next friday, 2026-03-25, or none)")
            yield Input(a.due_text or (a.due.isoformat() if a.due else ""), id="edit-due")
            yield Static(id="edit-help", classes="prompt-help")
            with Horizontal(classes="prompt-keys"):
                yield Static("enter on the last line or ctrl+s saves · escape cancels")

    def on_mount(self) -> None:
        self._read_due(self.query_one("#edit-due", Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "edit-due":
            self._read_due(event.value)

    def _read_due(self, phrase: str) -> tuple[bool, date | None]:
        help_line = self.query_one("#edit-help", Static)
        phrase = phrase.strip()
        if not phrase or phrase.casefold() in ("none", "-"):
            help_line.update("→ no due date")
            help_line.remove_class("-problem")
            return True, None
        try:
            day = read_due(phrase, self.language, self.base)
        except StoreError as refusal:
            help_line.update(Content(str(refusal)))
            help_line.add_class("-problem")
            return False, None
        help_line.update(Content(f"→ {shown_date(day)}" if day else "→ no due date"))
        help_line.remove_class("-problem")
        return True, day

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "edit-due":
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        text = self.query_one("#edit-text", Input).value.strip()
        phrase = self.query_one("#edit-due", Input).value.strip()
        readable, day = self._read_due(phrase)
        if not text or not readable:
            return
        changed_due = day != self.found.due
        self.dismiss(replace(
            self.found, text=text, owners=list(split_names(self.query_one("#edit-owners", Input).value)),
            due=day, due_text=(phrase or None) if changed_due else self.found.due_text))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


def _preview(minutes, preview) -> Content:
    when = f"{minutes.date or 'undated'}" + (f" {minutes.start:%H:%M}" if minutes.start else "") + (
        f"–{minutes.end:%H:%M}" if minutes.end else "")
    if preview is None:
        status = ""
    elif preview.status == "unchanged":
        status = "Already imported: writing changes nothing."
    elif preview.status == "updated":
        status = (f"An edited version of meeting {preview.meeting}: {len(preview.updated)} updated, "
                  f"{len(preview.added)} new, {len(preview.vanished)} no longer in the minutes.")
    else:
        status = "A new meeting."
    return Content.from_markup(
        "[b]$title[/b]\n[b]When[/b]      $when\n[b]Where[/b]     $where\n[b]Language[/b]  $lang\n"
        "[b]File[/b]      $file\n[$accent]$status[/]",
        title=minutes.title or "(no title found)", when=when, where=minutes.location or "–",
        lang=minutes.language, file=minutes.source.path or "–", status=status)


def _follow_up(item: dict) -> Content:
    """What the minutes say of one earlier action: the change, the action, the sentence."""
    said = f"“{item['word']}”" if item["word"] else item["reason"]
    if item["outcome"] != "applied":
        said += f", score {item['score']}" + (f"; {item['doubt']}" if item.get("doubt") else "")
    meeting = item["meeting"]
    where = f"line {item['line']}" if item["line"] is not None else f"paragraph {item['paragraph']}"
    facts = [", ".join(item["owners"]) or "nobody named",
             f"of {meeting.get('date') or 'undated'} {meeting.get('title') or '(untitled)'}", where]
    if item.get("due"):
        facts.append(f"due {item['due']}")
    return Content.from_markup(
        "[b]$outcome[/b]  $was → $status ($said)  [b]$text[/b]\n      $facts\n      “$sentence”",
        outcome=item["outcome"], was=item["was"], status=MEANS[item["status"]], said=said,
        text=item["text"], facts=" · ".join(facts), sentence=item["sentence"])


def _people(minutes) -> Content:
    lines = []
    for a in minutes.attendees:
        extra = ", ".join(x for x in (a.organisation, a.role) if x)
        lines.append(a.name + (f" — {extra}" if extra else ""))
    if minutes.chair:
        lines.append(f"chair: {minutes.chair}")
    if minutes.absent:
        lines.append("absent: " + ", ".join(a.name for a in minutes.absent))
    return Content("\n".join(lines) or "none found")


def _agenda(minutes) -> Content:
    lines = [f"{item.number or '–'}. {item.title}" for item in minutes.agenda]
    return Content("\n".join(lines) or "none found")
