"""What the app's tests share: the samples they use, a fixed today, and running a Pilot
scenario from a plain (synchronous) test."""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import Awaitable, Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from minutes import parse
from tracker import ActionStore

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DIR = ROOT / "samples"
# Finnish text with a doubt, English text, a DOCX (paragraph evidence)
SAMPLES = ("fi-kulttuuriverkosto-2026-01-20.txt", "en-residency-committee-2026-03-03.txt",
           "en-board-minutes-2026-03-26.docx")
TODAY = date(2026, 3, 1)  # a Sunday: some actions are overdue, some due this week
SIZE = (160, 48)
T = TypeVar("T")


@lru_cache(maxsize=None)
def parsed(name: str):
    return parse(SAMPLE_DIR / name)


def make_app(store: ActionStore, **options):
    from tui.app import MinutesApp

    options.setdefault("today", TODAY)
    options.setdefault("warm_up", False)
    options.setdefault("poll_interval", 0.2)
    return MinutesApp(store=store, **options)


def run(app, scenario: Callable[..., Awaitable[T]], size: tuple[int, int] = SIZE,
        notifications: bool = False) -> T:
    """Run ``scenario(pilot)`` on ``app`` in Textual's test driver (``size``: the terminal's
    columns and lines; ``notifications``: toasts shown), the store loaded; return what it
    returns."""

    async def main() -> T:
        async with app.run_test(size=size, notifications=notifications) as pilot:
            await until(pilot, lambda: app.loaded)
            return await scenario(pilot)

    return asyncio.run(main())


async def until(pilot, condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Let the app run until ``condition()`` holds (or fail after ``timeout`` s)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {condition}")
        await pilot.pause(0.02)
    await pilot.pause()


async def settled(pilot) -> None:
    """Let the app run until the store's thread has answered everything asked of it (a
    change is shown at once; this waits until it is written)."""
    app = pilot.app
    await until(pilot, lambda: app.pending == 0 and app._jobs.empty())


def review_of(app, path):
    """Open the import screen, choose ``path``, and wait for the review."""
    from tui.screens.importing import ReviewScreen

    async def go(pilot):
        await pilot.press("ctrl+o")
        app.screen.query_one("#import-path").value = str(path)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), timeout=20)
        return app.screen

    return go


def table(app):
    from tui.widgets.actions_table import ActionsTable

    return app.screen.query_one(ActionsTable)


def shown_ids(app) -> list[str]:
    return [a.id for a in table(app).rows]


def text_of(widget) -> str:
    """What a Static shows, as plain text."""
    return plain(widget.render())


def plain(shown) -> str:
    """Plain text of what a widget or an option shows: a ``Content``, a Rich ``Text``, or
    another Rich renderable (a hanging indent's grid: its lines, right spaces cut)."""
    if hasattr(shown, "plain"):
        return shown.plain
    from rich.console import Console
    from textual.visual import RichVisual

    if isinstance(shown, RichVisual):
        shown = shown._renderable
    console = Console(width=200, record=True, file=io.StringIO(), color_system=None)
    console.print(shown)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()).strip("\n")


def reader(store: ActionStore) -> ActionStore:
    """Another store object on the same file, as another process would have."""
    return ActionStore(store.path, user="someone-else")
