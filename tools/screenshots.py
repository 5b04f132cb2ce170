"""The README's pictures of the terminal UI: the main screen, an action's detail and the
review of an import, as SVG files drawn by Textual (``App.save_screenshot``).

    .venv/bin/python tools/screenshots.py          # writes docs/screenshots/*.svg
    .venv/bin/python tools/screenshots.py DIR      # into DIR instead

The app runs in Textual's headless driver at 120x35 on a fresh store of the bundled
samples, their dates moved as the demo moves them (``minutes demo``) to weeks before a
fixed day, so that the pictures come out the same on any day (but for the time of the
import in the detail's history).
"""

from __future__ import annotations

import asyncio
import html
import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from minutes import parse  # noqa: E402
from tracker import ActionStore  # noqa: E402
from tui.cli import as_of, sample_files  # noqa: E402

TODAY = date(2026, 3, 20)
SIZE = (120, 35)
FOLDER = ROOT / "docs" / "screenshots"
REVIEWED = "sv-konstforening-styrelse-2026-03-14.txt"  # the import shown under review


async def until(pilot, condition, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"the app did not get there in time ({pilot.app.screen!r})")
        await pilot.pause(0.05)


async def draw(store: ActionStore, import_folder: Path, folder: Path = FOLDER) -> list[Path]:
    from tui.app import MinutesApp
    from tui.screens.action import ActionScreen
    from tui.screens.importing import ReviewScreen

    app = MinutesApp(store=store, today=TODAY, warm_up=False, import_folder=import_folder)
    app.sub_title = "actions.json"  # not the temporary folder's name
    written = []

    def save(name: str) -> None:
        written.append(Path(app.save_screenshot(f"{name}.svg", str(folder))))
        written[-1].write_text(in_the_repository(written[-1].read_text(encoding="utf-8")), encoding="utf-8")

    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.loaded)
        await pilot.pause()
        save("main")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ActionScreen) and app.screen.history_read)
        await pilot.pause()
        save("detail")
        await pilot.press("escape")
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one("#import-path").value = str(import_folder / REVIEWED)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        await pilot.pause()
        save("import-review")
    return written


TEXT = re.compile(r'(<text [^>]*textLength=")([0-9.]+)("[^>]*>)([^<]*)(</text>)')


def in_the_repository(svg: str) -> str:
    """The samples' paths as the repository names them (``samples/…``), not where this
    clone happens to be: a text's drawn length shrinks with it."""
    where = html.escape(f"{ROOT}{'/'}").replace(" ", "&#160;")

    def shorten(found: re.Match) -> str:
        start, length, middle, text, end = found.groups()
        if where not in text:
            return found.group()
        shorter = text.replace(where, "")
        width = float(length) * len(html.unescape(shorter)) / len(html.unescape(text))
        return f"{start}{width:.1f}{middle}{shorter}{end}"

    return TEXT.sub(shorten, svg)


def main(argv: list[str]) -> int:
    from tracker.i18n import use

    use("en")
    out = Path(argv[0]).resolve() if argv else FOLDER
    files = sample_files()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="minutes-screenshots-") as folder:
        with ActionStore(Path(folder) / "actions.json", user="demo") as store:
            for minutes in as_of(TODAY, [parse(file) for file in files if file.name != REVIEWED]):
                store.import_minutes(minutes)
            for path in asyncio.run(draw(store, files[0].parent, out)):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
