"""``minutes tui`` in a real pseudo-terminal over a store built from minutes full of markup,
escape sequences and bidirectional overrides (issue 11, items 1 and 2): every key, the
text shown as written, and nothing but the app's own sequences reaching the terminal. A
crash ends ``minutes tui`` with a non-zero status."""

from __future__ import annotations

import os
import re
import select
import struct
import sys
import time
from pathlib import Path

import pytest

from minutes import parse
from tracker import ActionStore
from tui_helpers import ROOT

pytest.importorskip("pty")
import fcntl  # noqa: E402
import pty  # noqa: E402
import termios  # noqa: E402

from test_hostile_tui import HOSTILE  # noqa: E402

ROWS, COLUMNS = 48, 160


def command() -> list[str]:
    installed = Path(sys.executable).with_name("minutes")
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "tui.cli"]


class Terminal:
    """A program on a pseudo-terminal: what it writes, byte for byte, and keys typed to it."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the program
            os.chdir(ROOT)
            os.execvpe(argv[0], argv, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.output = b""
        self.status: int | None = None

    def read(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                continue
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # the program has ended
                return
            if not data:
                return
            self.output += data

    def wait_for(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.output:
            assert time.monotonic() < deadline, f"{text!r} never showed"
            self.read(0.2)

    def type(self, *keys: str, pause: float = 0.35) -> None:
        for key in keys:
            os.write(self.fd, key.encode())
            self.read(pause)

    def end(self, timeout: float = 20) -> int:
        deadline = time.monotonic() + timeout
        while self.status is None:
            self.read(0.2)
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.status = os.waitstatus_to_exitcode(status)
            elif time.monotonic() > deadline:
                os.kill(self.pid, 9)
                os.waitpid(self.pid, 0)
                raise AssertionError("the program did not end")
        self.read(0.2)
        os.close(self.fd)
        return self.status


def environment(tmp_path) -> dict[str, str]:
    return {**os.environ, "MINUTES_ME": "", "XDG_CONFIG_HOME": str(tmp_path), "TERM": "xterm-256color",
            "USER": "tester", "COLUMNS": str(COLUMNS), "LINES": str(ROWS)}


ESC, TAB, ENTER, CTRL_P, CTRL_U = "\x1b", "\t", "\r", "\x10", "\x15"
EVERY_KEY = [
    "j", "k", "s", "s", "s",                               # move, sort by each
    "/", "[/] [b]x", CTRL_U, "is:all", ESC,                # the filter bar, markup typed
    "a", ESC, "d", "[/]", ESC, "n", ESC, "e", ESC, "+", ESC,  # every prompt, left
    "x", "u", "c", "u",                                    # done, undone, cancelled, undone
    ENTER, "o", ESC, ESC,                                  # the detail (evidence), its meeting
    "j", ENTER, ESC, "j", ENTER, ESC,                      # the other two actions' evidence
    "m", ENTER, ESC, ESC,                                  # the meetings, a meeting
    CTRL_P, "hallitus", ESC, "?", ESC,                     # the palette, the keys
]


def test_minutes_tui_shows_hostile_text_as_written_and_sends_none_of_its_sequences(tmp_path):
    minutes_file = tmp_path / "hallitus.txt"
    minutes_file.write_text(HOSTILE, encoding="utf-8")
    store_file = tmp_path / "actions.json"
    with ActionStore(store_file, user="tester") as store:
        store.import_minutes(parse(minutes_file))
    terminal = Terminal([*command(), "tui", "--store", str(store_file)], environment(tmp_path))
    try:
        terminal.wait_for("varaa salin")
        terminal.type(*EVERY_KEY)
        terminal.type("q")
    finally:
        status = terminal.end()
    out = terminal.output
    text = out.decode("utf-8", errors="replace")

    assert status == 0, text[-2000:]
    # shown as written: markup, and the file's escape sequences as signs in the evidence
    for literal in ("[TBD] [/]", "[bold red]kutsun[/]", "␛]52;c;SEFDS0VE␇", "<U+202E>jäsenille",
                    "␛[31mheti<U+009B>31m"):
        assert literal in text, literal
    # nothing of the data's own sequences reached the terminal
    for planted in (b"\x1b]52", b"\x1b]0;PWNED", b"\x1b[2J", b"\x1b[31mheti", "\u202e".encode(),
                    b"\xc2\x9b", b"SEFDS0VE\x07"):
        assert planted not in out, planted
    # the only operating-system commands are the app's own (the mouse pointer's shape)
    commands = {m.split(b";")[0] for m in re.findall(rb"\x1b\](\d+;[^\x07\x1b]*)", out)}
    assert commands <= {b"22"}, commands


CRASH = """
import sys
from tui import app
def crash(self):
    raise RuntimeError("a bug")
app.MinutesApp.on_mount = crash
from tui.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_crash_of_the_app_ends_minutes_tui_with_a_non_zero_status(tmp_path):
    store_file = tmp_path / "actions.json"
    terminal = Terminal([sys.executable, "-c", CRASH, "tui", "--store", str(store_file)],
                        {**environment(tmp_path), "PYTHONPATH": str(ROOT)})
    status = terminal.end(timeout=30)
    assert status != 0
    assert b"a bug" in terminal.output
