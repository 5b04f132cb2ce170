"""Minutes built by hand (no parser needed) for the store tests."""

from __future__ import annotations

import hashlib
import io
import os
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from typing import NamedTuple

from minutes.model import Action, AgendaItem, Attendee, Minutes, Origin, SourceFile
from tracker import ActionStore
from tui.cli import main

TODAY = date(2026, 3, 1)


def action(text: str, *owners: str, due: date | None = None, item: str | None = None,
           line: int = 1) -> Action:
    return Action(text=text, owners=list(owners), due=due,
                  due_text=f"{due.day}.{due.month}. mennessä" if due else None,
                  agenda_item=item, origin=Origin(line=line), snippet=f"{text}.", rule="test")


def minutes(*actions: Action, title: str = "Hallituksen kokous", day: date = date(2026, 2, 3),
            path: str = "hallitus-2026-02-03.txt", language: str = "fi",
            attendees: tuple[str, ...] = ("Anna Virtanen", "Pekka Nieminen", "Tomi Rask"),
            edition: str = "") -> Minutes:
    """Minutes whose sha256 follows their content (and ``edition``, for a changed file)."""
    sha256 = hashlib.sha256(repr((title, day, actions, edition)).encode()).hexdigest()
    return Minutes(
        source=SourceFile(path, "text", sha256), language=language, title=title, date=day,
        attendees=[Attendee(name) for name in attendees],
        agenda=[AgendaItem(str(n), f"Asia {n}") for n in range(1, 6)],
        actions=list(actions),
    )


BOARD_ACTIONS = (
    action("Selvittää salin hinnan", "Pekka Nieminen", due=date(2026, 2, 20), item="2", line=8),
    action("Lähettää kutsun jäsenille", "Anna Virtanen", due=date(2026, 3, 5), item="3", line=11),
    action("Varaa tilat kevätseminaariin", "Tommi", item="4", line=14),
    action("Päivittää verkkosivut", due=date(2026, 4, 30), item="5", line=17),
)


def board() -> Minutes:
    """The board meeting of 3.2.2026 with its four actions."""
    return minutes(*BOARD_ACTIONS)


def by_text(store: ActionStore, text: str):
    (found,) = [a for a in store.actions() if a.text == text]
    return found


class Ran(NamedTuple):
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str, env: dict | None = None) -> Ran:
    """``minutes ARGS`` in this process, as ``$USER=tester`` (and ``env``): its exit status
    and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    os.environ.update({"USER": "tester", **(env or {})})
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as end:
                code = end.code if isinstance(end.code, int) else int(end.code is not None)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return Ran(code, out.getvalue(), err.getvalue())


def stored(path) -> dict:
    """The store as TinyDB reads it through the store's storage: every table of documents
    by id, the journal's changes in (what a person editing it by hand would write back as
    one JSON document, which the store reads as an earlier version's file)."""
    from tracker.storage import AtomicStorage

    storage = AtomicStorage(path)
    try:
        return storage.read()
    finally:
        storage.close()
