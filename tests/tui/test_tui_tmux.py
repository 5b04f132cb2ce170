"""The app in a real terminal: ``minutes tui`` in tmux, read back with ``capture-pane`` as
a person sees it. At 120×35 and 80×24 the footer shows the most used keys with ``?`` and
``q`` at its end, and the ACTION column gets the width the others leave; ``x`` marks the
first action done in the store and the screen says so. Skipped where tmux is not installed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from minutes import parse
from tracker import ActionStore
from tui_helpers import ROOT, SAMPLE_DIR

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SEED = SEEDS / "cluster-meeting-2025-11-14.txt"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def command() -> list[str]:
    installed = Path(sys.executable).with_name("minutes")
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "tui.cli"]


class Terminal:
    """``minutes tui`` in a tmux session of its own, ``width``×``height``."""

    def __init__(self, store: Path, width: int, height: int, home: Path) -> None:
        self.tmux = ["tmux", "-L", f"minutes-test-{os.getpid()}-{width}", "-f", os.devnull]
        env = {**os.environ, "MINUTES_ME": "", "XDG_CONFIG_HOME": str(home), "TERM": "xterm-256color",
               "LC_ALL": "C.UTF-8"}
        run = " ".join([*command(), "tui", "--store", str(store)])
        subprocess.run([*self.tmux, "new-session", "-d", "-s", "app", "-x", str(width), "-y", str(height),
                        run], cwd=ROOT, env=env, check=True)

    def screen(self) -> str:
        return subprocess.run([*self.tmux, "capture-pane", "-p", "-t", "app"], capture_output=True,
                              text=True).stdout

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while text not in (shown := self.screen()):
            assert time.monotonic() < deadline, f"{text!r} never showed:\n{shown}"
            time.sleep(0.2)
        return shown

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", "app", *keys], check=True)

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


@pytest.fixture
def store_file(tmp_path):
    minutes_file = SEED if SEED.exists() else SAMPLE_DIR / "fi-kulttuuriverkosto-2026-01-20.txt"
    path = tmp_path / "actions.json"
    with ActionStore(path, user="tmux-test") as store:
        store.import_minutes(parse(minutes_file))
        store.import_minutes(parse(SAMPLE_DIR / "en-residency-committee-2026-03-03.txt"))
    return path


def first_open(path: Path):
    with ActionStore(path) as store:
        return store.actions(status="open")[0]  # the home table's first row (nobody is "me")


def columns(header: str, width: int) -> dict[str, int]:
    """The width of each column of the table's header line, by its name (the last one
    reaches the scroll bar, two cells from the right)."""
    names = list(re.finditer(r"[A-Z]{2,}", header))
    ends = [m.start() for m in names[1:]] + [width - 2]
    return {m.group(): end - m.start() for m, end in zip(names, ends)}


@pytest.mark.parametrize("width, height", [(120, 35), (80, 24)])
def test_the_footer_and_the_columns_as_a_person_sees_them(store_file, tmp_path, width, height):
    first = first_open(store_file)
    terminal = Terminal(store_file, width, height, tmp_path)
    try:
        terminal.wait_for(first.text[:20])
        lines = terminal.wait_for("? Help").rstrip("\n").splitlines()
        footer = lines[-1]
        # the most used keys first; ? and q always, at the end (before the palette's key)
        assert re.search(r"x Done .*a Assign", footer), footer
        assert re.search(r"\? Help q Quit( \^p \w+)?\s*$", footer), footer
        header = next(line for line in lines if "ACTION" in line and "DUE" in line)
        widths = columns(header, width)
        # is:open: every row open, so no STATUS column; ACTION takes what the others leave
        assert "STATUS" not in widths
        assert widths["ACTION"] > max(w for name, w in widths.items() if name != "ACTION"), widths
        assert widths["ACTION"] >= width * 0.4, widths  # the one people read: the most room
        assert 12 <= widths["OWNERS"] <= 25 and widths["DUE"] <= 14, widths
        if width >= 110:  # two meetings: their column is not the same on every row
            assert "MEETING" in widths and "ID" in widths
        else:
            assert "MEETING" not in widths and "ID" not in widths
        # the whole text of the row under the cursor, below the table
        below = "\n".join(lines[lines.index(header) + 1:])
        assert first.text[:40] in below.replace("\n ", " ")
    finally:
        terminal.close()


def test_x_marks_the_first_action_done_and_says_so(store_file, tmp_path):
    first = first_open(store_file)
    terminal = Terminal(store_file, 120, 35, tmp_path)
    try:
        terminal.wait_for(first.text[:20])
        terminal.keys("x")
        deadline = time.monotonic() + 10
        while True:
            with ActionStore(store_file) as store:
                if store.action(first.id).status == "done":
                    break
            assert time.monotonic() < deadline, f"x did not reach the store:\n{terminal.screen()}"
            time.sleep(0.2)
        terminal.wait_for(f"Done: {first.text[:20]}", timeout=5)  # the app says so
        terminal.keys("q")
        deadline = time.monotonic() + 5
        while subprocess.run([*terminal.tmux, "has-session", "-t", "app"], capture_output=True).returncode == 0:
            assert time.monotonic() < deadline, "q did not quit from the home screen"
            time.sleep(0.2)
    finally:
        terminal.close()
