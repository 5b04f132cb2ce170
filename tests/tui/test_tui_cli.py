"""The app's commands where there is no terminal: ``minutes demo`` prints the actions table
(so the README's first command runs in CI), ``minutes`` prints its help and ``minutes tui``
says it needs a terminal."""

from __future__ import annotations

import os
import subprocess
import sys

from tui_helpers import ROOT


def minutes(*args: str, tmp_path) -> subprocess.CompletedProcess:
    env = {**os.environ, "MINUTES_STORE": str(tmp_path / "default.json"), "MINUTES_ME": ""}
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], cwd=ROOT, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)


def test_demo_without_a_terminal_prints_the_actions_table(tmp_path):
    done = minutes("demo", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[:5] == ["ID", "DUE", "STATUS", "OWNERS", "ACTION"]
    assert len(lines) > 60  # the samples hold some 70 actions
    assert any("Liisa selvittää kuntien kanssa" in line for line in lines)
    assert not (tmp_path / "default.json").exists()  # a store of its own, in a temporary folder


def test_minutes_alone_without_a_terminal_prints_its_help(tmp_path):
    done = minutes("--store", str(tmp_path / "s.json"), tmp_path=tmp_path)
    assert done.returncode == 0 and "usage: minutes" in done.stdout and "tui" in done.stdout


def test_tui_without_a_terminal_says_so_in_one_line(tmp_path):
    done = minutes("tui", "--store", str(tmp_path / "s.json"), tmp_path=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "needs a terminal" in done.stderr
