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
of the vanished ones, as one change; escape (or ``q``) writes nothing. The dry run and
the write run on the app's store thread; only the parse has a worker of its own.
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
from rich.text import Text
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.screen import ModalScreen, Screen
from textual.suggester import Suggester
from textual.widgets import DirectoryTree, Header, Input, Label, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from tracker import StoreError, read_due
from tracker.i18n import N_, _, ngettext, shown_date
from tui.index import status_word
from tui.messages import MinutesParsed
from tui.screens.action import MEANS
from tui.screens.prompts import NamesSuggester, said_date, split_names
from tui.widgets.hanging import hanging, theme_style
from tui.widgets.key_bar import KeyBar
from tui.widgets.lists import SEARCH_BINDINGS, KeyedOptionList, SearchBar, Searching

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
        Binding("escape", "back", N_("Back"), id="import.back"),
        Binding("ctrl+t", "focus_tree", N_("Tree"), id="import.tree"),
        Binding("ctrl+l", "focus_path", N_("Path"), id="import.path"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="import"):
            yield Label(_("Minutes to import (a .txt, .md or .docx file): type a path (→ completes) "
                          "or choose one below"), classes="section")
            yield Input(placeholder=f"{self.folder}{os.sep}…", suggester=PathSuggester(self.folder),
                        id="import-path")
            yield MinutesTree(self.folder, id="import-tree")
            yield Static(id="import-status")
            yield LoadingIndicator(id="import-busy")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = _("Import minutes")
        self.query_one("#import-busy").display = False
        self.query_one("#import-path", Input).focus()

    def action_back(self) -> None:
        self.app.pop_screen()

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
        self.query_one("#import-status", Static).update(Content(_("Reading {name}…").format(name=path.name)))
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
        self.post_message(MinutesParsed(path, minutes))

    def on_minutes_parsed(self, message: MinutesParsed) -> None:
        """Parsed: what importing would do is asked of the store's thread (a dry run)."""
        if message.minutes is None or message.preview is not None:
            self.show_parsed(message)
            return

        def previewed(found) -> None:
            if not self.is_attached:  # the import was left meanwhile
                return
            if isinstance(found, Exception):
                self.show_parsed(MinutesParsed(message.path, None, error=str(found)))
            else:
                self.show_parsed(MinutesParsed(message.path, message.minutes, found))

        self.app.ask_store(lambda store: store.import_minutes(message.minutes, dry_run=True), previewed)

    def show_parsed(self, message: MinutesParsed) -> None:
        self.query_one("#import-busy").display = False
        status = self.query_one("#import-status", Static)
        if message.minutes is None:
            status.update(Content(message.error or _("could not read the file")))
            status.add_class("-problem")
            return
        status.remove_class("-problem")
        found = len(message.minutes.actions)
        status.update(Content(ngettext("{name}: {n} action found", "{name}: {n} actions found", found).format(
            name=message.path.name, n=found)))

        def reviewed(review: Reviewed | None) -> None:
            if review is None:
                self.notify(_("Nothing was written."), title=_("Import cancelled"), timeout=3)
            else:
                status.update(Content(_("Writing {name}…").format(name=message.path.name)))
                self.app.import_minutes(review.minutes, review.settle)

        self.app.push_screen(ReviewScreen(message.minutes, message.preview), reviewed)


class Reviewed(NamedTuple):
    """What a review hands on: the minutes with the actions kept, as edited, and what to do
    with the stored actions they no longer have (id -> ``open`` kept, ``cancelled`` dropped)."""

    minutes: object
    settle: dict[str, str]


class VanishedList(KeyedOptionList):
    """The open actions an edited version of the minutes no longer has: ``k`` keeps one (it
    stays open), ``x`` drops it (cancelled), the same key again leaves it undecided (it
    becomes ``vanished``, out of the usual listings, until someone decides)."""

    BINDINGS = [
        Binding("k", "settle('open')", N_("Keep"), id="review.keep"),
        Binding("x", "settle('cancelled')", N_("Drop"), id="review.drop"),
    ]

    def __init__(self, items: list[dict]) -> None:
        self.items = {item["id"]: item for item in items}
        self.settle: dict[str, str] = {}
        super().__init__(*(Option(self._prompt(aid), id=aid) for aid in self.items), id="review-vanished")

    def _prompt(self, action_id: str):
        settled = self.settle.get(action_id)
        text = f"{self.items[action_id]['text']}  [{action_id}]"
        head, colour, note = {
            None: (_("? vanished"), "warning", _("not listed until kept (k) or dropped (x)")),
            "open": (_("✓ keep"), "success", _("stays open")),
            "cancelled": (_("✗ drop"), "error", _("cancelled")),
        }[settled]
        body = Text.assemble((text, "strike dim" if settled == "cancelled" else ""), "\n", (note, "dim"))
        return hanging(Text(head + "  ", style=theme_style(self.app, colour, "bold")), body)

    def action_settle(self, status: str) -> None:
        option = self.highlighted_option
        if option is None or option.id is None:
            return
        if self.settle.get(option.id) == status:
            del self.settle[option.id]
        else:
            self.settle[option.id] = status
        self.replace_option_prompt(option.id, self._prompt(option.id))


class ReviewScreen(Searching, Screen):
    """What the parser found in one set of minutes; keep, edit or drop each action, and keep
    or drop the stored ones an edited version no longer has.

    Dismisses with ``Reviewed`` (``ctrl+s``) or ``None`` (escape).
    """

    BINDINGS = [
        Binding("space", "toggle", N_("Keep/drop"), id="review.toggle"),
        Binding("e", "edit", N_("Edit"), id="review.edit"),
        Binding("ctrl+s", "write", N_("Write to the store"), id="review.write"),
        Binding("escape", "cancel", N_("Cancel"), id="review.cancel"),
        *SEARCH_BINDINGS,
    ]
    SEARCHED = "#review-actions"

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
            yield Label(_("Attendees"), classes="section")
            yield Static(_people(self.minutes), id="review-attendees")
            yield Label(_("Agenda"), classes="section")
            yield Static(_agenda(self.minutes), id="review-agenda")
            if self.minutes.doubts:
                yield Label(_("Doubts"), classes="section")
                yield Static(Content("\n".join(f"⚠ {d}" for d in self.minutes.doubts)),
                             id="review-doubts", classes="doubts")
            if self.preview is not None and self.preview.changed:
                yield Label(_("Earlier actions — applied ones change when written, proposed ones "
                              "wait for a person (p in the action's detail)"), classes="section")
                with Vertical(id="review-follow-up"):
                    for item in self.preview.follow_up:
                        yield Static(_follow_up(item), classes=f"follow-up -{item['outcome']}")
                    if not self.preview.follow_up:
                        yield Static(Content(_("these minutes mention no open action of an earlier meeting")),
                                     classes="nothing")
            gone = [item for item in self.preview.vanished if item.get("was") == "open"] \
                if self.preview is not None else []
            if gone:
                yield Label(_("No longer in these minutes — k keeps an action (it stays open), x drops "
                              "it; one left undecided is vanished, out of the usual listings"), classes="section")
                yield VanishedList(gone)
        yield Label(ngettext("{n} action found — space keeps or drops, e edits, ctrl+s writes",
                             "{n} actions found — space keeps or drops, e edits, ctrl+s writes",
                             len(self.actions)).format(n=len(self.actions)),
                    classes="section", id="review-queue")
        yield KeyedOptionList(*self._options(), id="review-actions")
        yield SearchBar(id="search")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = _("Review: {name}").format(
            name=self.minutes.title or Path(self.minutes.source.path or '').name)
        self.query_one("#review-actions", OptionList).focus()

    def action_back(self) -> None:
        self.action_cancel()

    def _options(self) -> list[Option]:
        return [Option(self._prompt(i), id=str(i)) for i in range(len(self.actions))]

    def _prompt(self, i: int):
        a, kept = self.actions[i], self.kept[i]
        due = shown_date(a.due) if a.due else _("no due date")
        if a.due_text:
            due += f" (“{a.due_text}”)"
        item = f"§ {a.agenda_item}" if a.agenda_item else _("no item")
        facts = " · ".join(x for x in (", ".join(a.owners) or _("nobody named"), due, item,
                                       _("found by {rule}").format(rule=a.rule) if a.rule else "") if x)
        if not kept:
            head, colour = _("✗ drop"), "error"
        elif i in self.repeats:
            head, colour = _("↻ carry-over"), "accent"
        else:
            head, colour = _("✓ keep"), "success"
        body = Text.assemble((a.text, "strike dim" if not kept else ""), "\n", (facts, "dim"))
        if kept and i in self.repeats:
            body.append("\n" + _("repeats the open action {id}: counted as carried over, not added "
                                 "again").format(id=self.repeats[i]), style=theme_style(self.app, "accent"))
        for doubt in a.doubts:
            body.append(f"\n⚠ {doubt}", style=theme_style(self.app, "text-warning"))
        return hanging(Text(head + "  ", style=theme_style(self.app, colour, "bold")), body)

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
    date, from the meeting's date). Dismisses with the edited action or ``None``. On a
    short terminal its fields are one line each, so it fits on the screen."""

    BINDINGS = [
        Binding("escape", "dismiss_none", N_("Cancel"), id="edit.cancel"),
        Binding("ctrl+s", "save", N_("Save"), id="edit.save"),
    ]

    def __init__(self, action, roster: list[str], language: str | None, base: date) -> None:
        super().__init__()
        self.found = action
        self.roster = roster
        self.language = language
        self.base = base

    def compose(self) -> ComposeResult:
        a = self.found
        with VerticalScroll(classes="prompt"):
            yield Label(_("Edit the action"), classes="prompt-title")
            yield Label(_("What"))
            yield Input(a.text, id="edit-text")
            yield Label(_("Owners (names separated by commas)"))
            yield Input(", ".join(a.owners), suggester=NamesSuggester(lambda: self.roster), id="edit-owners")
            yield Label(_("Due (25.3., ensi perjantaina, next friday, 2026-03-25, or none)"))
            yield Input(a.due_text or (a.due.isoformat() if a.due else ""), id="edit-due")
            yield Static(id="edit-help", classes="prompt-help")
            with Horizontal(classes="prompt-keys"):
                yield Static(_("enter on the last line or ctrl+s saves · escape cancels"))

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.height < 24, "-short")

    def on_mount(self) -> None:
        self._read_due(self.query_one("#edit-due", Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "edit-due":
            self._read_due(event.value)

    def _read_due(self, phrase: str) -> tuple[bool, date | None]:
        help_line = self.query_one("#edit-help", Static)
        phrase = phrase.strip()
        if not phrase or phrase.casefold() in ("none", "-"):
            help_line.update(_("→ no due date"))
            help_line.remove_class("-problem")
            return True, None
        try:
            day = read_due(phrase, self.language, self.base)
        except StoreError as refusal:
            help_line.update(Content(str(refusal)))
            help_line.add_class("-problem")
            return False, None
        help_line.update(Content(f"→ {said_date(day)}" if day else _("→ no due date")))
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
    when = shown_date(minutes.date, _("undated")) + (f" {minutes.start:%H:%M}" if minutes.start else "") + (
        f"–{minutes.end:%H:%M}" if minutes.end else "")
    if preview is None:
        status = ""
    elif preview.status == "unchanged":
        status = _("Already imported: writing changes nothing.")
    elif preview.status == "updated":
        status = _("An edited version of meeting {meeting}: {updated} updated, {added} new, {gone} no "
                   "longer in the minutes.").format(meeting=preview.meeting, updated=len(preview.updated),
                                                    added=len(preview.added), gone=len(preview.vanished))
    else:
        status = _("A new meeting.")
    labels = [_("When"), _("Where"), _("Language"), _("File")]
    width = max(len(label) for label in labels) + 2
    w, p, l, f = (label.ljust(width) for label in labels)
    return Content.from_markup(
        "[b]$title[/b]\n[b]$w[/b]$when\n[b]$p[/b]$where\n[b]$l[/b]$lang\n"
        "[b]$f[/b]$file\n[$accent]$status[/]", w=w, p=p, l=l, f=f,
        title=minutes.title or _("(no title found)"), when=when, where=minutes.location or "–",
        lang=minutes.language, file=minutes.source.path or "–", status=status)


OUTCOMES = {"applied": N_("applied"), "proposed": N_("proposed")}


def _follow_up(item: dict) -> Content:
    """What the minutes say of one earlier action: the change, the action, the sentence."""
    said = f"“{item['word']}”" if item["word"] else item["reason"]
    if item["outcome"] != "applied":
        said += _(", score {score}").format(score=item["score"]) + (
            f"; {item['doubt']}" if item.get("doubt") else "")
    meeting = item["meeting"]
    where = (_("line {n}").format(n=item["line"]) if item["line"] is not None
             else _("paragraph {n}").format(n=item["paragraph"]))
    day = meeting.get("date")
    if day:
        try:
            day = shown_date(date.fromisoformat(day))
        except ValueError:
            pass
    facts = [", ".join(item["owners"]) or _("nobody named"),
             _("of {date} {title}").format(date=day or _("undated"), title=meeting.get("title") or _("(untitled)")),
             where]
    if item.get("due"):
        facts.append(_("due {date}").format(date=item["due"]))
    return Content.from_markup(
        "[b]$outcome[/b]  $was → $status ($said)  [b]$text[/b]\n      $facts\n      “$sentence”",
        outcome=_(OUTCOMES.get(item["outcome"], item["outcome"])), was=status_word(item["was"]),
        status=_(MEANS[item["status"]]), said=said, text=item["text"], facts=" · ".join(facts),
        sentence=item["sentence"])


def _people(minutes) -> Content:
    lines = []
    for a in minutes.attendees:
        extra = ", ".join(x for x in (a.organisation, a.role) if x)
        lines.append(a.name + (f" — {extra}" if extra else ""))
    if minutes.chair:
        lines.append(_("chair: {name}").format(name=minutes.chair))
    if minutes.absent:
        lines.append(_("absent: {names}").format(names=", ".join(a.name for a in minutes.absent)))
    return Content("\n".join(lines) or _("none found"))


def _agenda(minutes) -> Content:
    lines = [f"{item.number or '–'}. {item.title}" for item in minutes.agenda]
    return Content("\n".join(lines) or _("none found"))
