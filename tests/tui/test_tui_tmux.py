"""The app in a real terminal: ``minutes tui`` in tmux shows the seed's actions, and ``x``
marks the first one done in the store. Skipped where tmux is not installed."""

from __future__ import annotations

import os
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


def screen_text(tmux: list[str]) -> str:
    return subprocess.run([*tmux, "capture-pane", "-p", "-t", "app"], capture_output=True,
                          text=True).stdout


def test_minutes_in_tmux_shows_the_actions_and_x_marks_one_done(tmp_path):
    minutes_file = SEED if SEED.exists() else SAMPLE_DIR / "fi-kulttuuriverkosto-2026-01-20.txt"
    path = tmp_path / "actions.json"
    with ActionStore(path, user="tmux-test") as store:
        store.import_minutes(parse(minutes_file))
        first = store.actions(status="open")[0]  # the home table's first row (nobody is "me")
    tmux = ["tmux", "-L", f"minutes-test-{os.getpid()}", "-f", os.devnull]
    env = {**os.environ, "MINUTES_ME": "", "XDG_CONFIG_HOME": str(tmp_path), "TERM": "xterm-256color"}
    run = " ".join([*command(), "tui", "--store", str(path)])
    subprocess.run([*tmux, "new-session", "-d", "-s", "app", "-x", "160", "-y", "48", run],
                   cwd=ROOT, env=env, check=True)
    try:
        deadline = time.monotonic() + 30
        while first.text[:40] not in screen_text(tmux):
            assert time.monotonic() < deadline, f"the action never showed:\n{screen_text(tmux)}"
            time.sleep(0.2)
        assert "○ open" in screen_text(tmux)
        subprocess.run([*tmux, "send-keys", "-t", "app", "x"], check=True)
        deadline = time.monotonic() + 10
        while True:
            with ActionStore(path) as store:
                if store.action(first.id).status == "done":
                    break
            assert time.monotonic() < deadline, f"x did not reach the store:\n{screen_text(tmux)}"
            time.sleep(0.2)
        deadline = time.monotonic() + 5
        while f"Done: {first.text[:20]}" not in screen_text(tmux):  # the app says so
            assert time.monotonic() < deadline, screen_text(tmux)
            time.sleep(0.2)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)
