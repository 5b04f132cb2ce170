"""How quick the action store is next to taskwarrior, the tool people keep their own tasks in.

The peer is Debian's ``taskwarrior``: where ``task`` is missing the script installs it with
``apt-get`` (as root, else through ``sudo``) before it starts.

Run (a few minutes; not a test)::

    .venv/bin/python bench/bench_store.py              # sizes 2000 and 50000, update at 100000
    .venv/bin/python bench/bench_store.py --sizes 2000 --runs 5 --update-size 0

For each size N it fills a minutes store and a taskwarrior data directory (TASKDATA and
TASKRC in a temporary directory; ``task import`` of one JSON file) with the same N actions:
the same texts, due dates and owners (an owner is a tag in taskwarrior). It then times, each
as a separate process and as the median of several runs after one warm-up:

- ``minutes actions --owner X``  against  ``task +X list``
- ``minutes done ID``            against  ``task N done``  (a different action every run)
- for scale, the least a Python command can do for ``done`` against ``task N done``: a
  program that imports what any command line of ours must (``re``, ``argparse``, ``json``),
  parses the store's first line, finds the action and appends one fsynced line to a file

and, at the update size, one update in a process that has the store open
(``ActionStore.complete``, which adds a line to the store's journal), in milliseconds: the
median, and the slowest (a run may fold the journal into the snapshot). ``minutes`` is the
console script when installed in this interpreter's environment, else an equivalent
launcher (what pip writes for ``minutes = "tui.cli:main"``). The results are printed as a
Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutes.model import Action, AgendaItem, Attendee, Minutes, Origin, SourceFile  # noqa: E402
from tracker import ActionStore  # noqa: E402

OWNERS = ["Anna Virtanen", "Ben Carter", "Carl Lindqvist", "Dora Mäkelä", "Eve Jensen",
          "Frida Holm", "Gina Rossi", "Hugo Laine", "Ines Kallio", "Jon Berg"]
VERBS = ["Send", "Draft", "Check", "Book", "Update", "Prepare", "Ask about", "Collect", "Review",
         "Share"]
THINGS = ["the budget", "the spring seminar venue", "the member survey", "the grant report",
          "the website texts", "the board's reply", "the catering offer", "the project plan",
          "the travel claims", "the annual report"]
PER_MEETING = 100
TODAY = date(2026, 3, 1)


def plan_tasks(n: int, seed: int = 7) -> list[dict]:
    """N actions: text, owner, due date (two in three have one)."""
    rng = random.Random(seed)
    tasks = []
    for i in range(n):
        due = TODAY + timedelta(days=rng.randint(-60, 300)) if i % 3 else None
        tasks.append({
            "text": f"{rng.choice(VERBS)} {rng.choice(THINGS)} to the working group, round {i}",
            "owner": OWNERS[rng.randrange(len(OWNERS))],
            "due": due,
        })
    return tasks


def _letters(number: int) -> str:
    """A name for a working group (a series of meetings of its own: what later minutes say
    of earlier actions is not what this measures)."""
    name = ""
    while True:
        number, rest = divmod(number, 26)
        name += "abcdefghijklmnopqrstuvwxyz"[rest]
        if not number:
            return name.capitalize()


def fill_store(path: Path, tasks: list[dict]) -> list[str]:
    """Import the tasks as meetings of PER_MEETING actions, in one write; the action ids."""
    with ActionStore(path, user="bench") as store, store.batch():
        for start in range(0, len(tasks), PER_MEETING):
            number = start // PER_MEETING
            day = date(2020, 1, 1) + timedelta(days=number)
            actions = [
                Action(text=t["text"], owners=[t["owner"]], due=t["due"],
                       due_text=t["due"].strftime("%-d.%-m.") if t["due"] else None,
                       agenda_item=str(1 + i % 9), origin=Origin(line=10 + i),
                       snippet=f"{t['owner'].split()[0]}: {t['text']}.", rule="bench")
                for i, t in enumerate(tasks[start:start + PER_MEETING])
            ]
            store.import_minutes(Minutes(
                source=SourceFile(f"minutes-{number}.txt", "text", f"sha-{number}"),
                language="en", title=f"Working group {_letters(number)}", date=day,
                attendees=[Attendee(name) for name in OWNERS],
                agenda=[AgendaItem(str(k), f"Item {k}") for k in range(1, 10)],
                actions=actions,
            ))
    with ActionStore(path) as store:
        return [a.id for a in store.actions(status="open")]


def fill_taskwarrior(folder: Path, tasks: list[dict]) -> dict[str, str]:
    """A taskwarrior data directory with the same tasks; the environment that uses it."""
    data = folder / "taskdata"
    data.mkdir()
    rc = folder / "taskrc"
    rc.write_text(f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\n"
                  "color=off\nnews.version=2.6.2\n")
    exported = []
    for i, t in enumerate(tasks):
        task = {"uuid": f"00000000-0000-4000-8000-{i:012d}", "description": t["text"],
                "status": "pending", "entry": "20250101T000000Z",
                "tags": [t["owner"].split()[0].lower()]}
        if t["due"]:
            task["due"] = t["due"].strftime("%Y%m%dT000000Z")
        exported.append(task)
    source = folder / "tasks.json"
    source.write_text(json.dumps(exported))
    env = {**os.environ, "TASKDATA": str(data), "TASKRC": str(rc)}
    subprocess.run(["task", "import", str(source)], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return env


BARE_UPDATE = """
import argparse, gc, json, os, re, sys
gc.disable()
parser = argparse.ArgumentParser()
parser.add_argument("path")
parser.add_argument("key")
args = parser.parse_args()
with open(args.path, "rb") as handle:
    first = json.loads(handle.readline())
row = next(row for row in first["actions"] if row[0] == args.key)
line = json.dumps({"action": args.key, "field": "status", "old": row[6], "new": "done"}) + "\\n"
fd = os.open(args.path + ".bare", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
os.write(fd, line.encode())
os.fsync(fd)
os.close(fd)
print(args.key, "done", row[2])
"""


def minutes_command(folder: Path) -> list[str]:
    installed = Path(sys.executable).with_name("minutes")
    if installed.exists():
        return [str(installed)]
    launcher = folder / "minutes"
    launcher.write_text(f"#!{sys.executable}\nimport sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                        "from tui.cli import main\nsys.exit(main())\n")
    launcher.chmod(0o755)
    return [str(launcher)]


def race(ours: list[list[str]], theirs: list[list[str]], env: dict[str, str],
         their_env: dict[str, str]) -> tuple[float, float]:
    """Median wall times of two lists of commands run in turn (one of ours, one of theirs,
    so both see the same load), the first pair only warming up."""
    times: tuple[list[float], list[float]] = ([], [])
    for pair in zip(ours, theirs):
        for side, command, environment in ((0, pair[0], env), (1, pair[1], their_env)):
            start = time.perf_counter()
            done = subprocess.run(command, env=environment, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE)
            times[side].append(time.perf_counter() - start)
            if done.returncode:
                raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode().strip()}")
    return statistics.median(times[0][1:]), statistics.median(times[1][1:])


def compare(n: int, runs: int) -> list[tuple[str, float, float]]:
    tasks = plan_tasks(n)
    with tempfile.TemporaryDirectory(prefix="bench-minutes-") as tmp:
        folder = Path(tmp)
        store = folder / "actions.json"
        ids = fill_store(store, tasks)
        tw_env = fill_taskwarrior(folder, tasks)
        env = {**os.environ, "MINUTES_STORE": str(store)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled once, as an installed tool is
        minutes = minutes_command(folder)
        owner = "anna"
        listing = race([[*minutes, "actions", "--owner", owner]] * (runs + 1),
                       [["task", f"+{owner}", "list"]] * (runs + 1), env, tw_env)
        picks = random.Random(1).sample(ids, 2 * (runs + 1))
        update = race([[*minutes, "done", some_id] for some_id in picks[:runs + 1]],
                      [["task", str(k), "done"] for k in range(1, runs + 2)], env, tw_env)
        rows = [(f"`minutes actions --owner {owner}` / `task +{owner} list`", *listing),
                ("`minutes done ID` / `task N done`", *update)]
        floor = race([[sys.executable, "-c", BARE_UPDATE, str(store), some_id]
                      for some_id in picks[runs + 1:]],
                     [["task", str(k), "done"] for k in range(runs + 2, 2 * runs + 3)], env, tw_env)
        rows.append(("for scale: the least a Python command can do (import re, argparse and json, "
                     "parse the first line, append a line, fsync) / `task N done`", *floor))
        size = store.stat().st_size
    return [(f"{n:,} actions ({size / 1e6:.1f} MB): {what}", ours, theirs)
            for what, ours, theirs in rows]


def update_in_process(n: int, runs: int) -> tuple[float, float, float, float, int]:
    """(median and slowest of ``runs`` updates in a process that has the store open; one
    write of the whole store, as an import or the fold of the journal makes; file MB; how
    many updates of this kind the journal holds before it is folded)."""
    tasks = plan_tasks(n)
    with tempfile.TemporaryDirectory(prefix="bench-minutes-", dir=None) as tmp:
        path = Path(tmp) / "actions.json"
        ids = fill_store(path, tasks)
        picks = random.Random(2).sample(ids, runs + 1)
        with ActionStore(path, user="bench") as store:
            store.action(picks[0])  # read the store once, as an open TUI has
            updates = []
            for some_id in picks:
                start = time.perf_counter()
                store.complete(some_id)
                updates.append(time.perf_counter() - start)
            journal = Path(str(path) + ".journal").stat().st_size
            fold_at = max(64 << 10, len(path.read_bytes().split(b"\n", 1)[0]) // 4)
            start = time.perf_counter()
            store.add("Book the hall for the annual meeting")  # a write of the whole store
            whole = time.perf_counter() - start
        size = path.stat().st_size
    per_update = (journal - 40) / len(picks)
    return statistics.median(updates[1:]), max(updates[1:]), whole, size / 1e6, int(fold_at / per_update)


def install_taskwarrior() -> None:
    """Debian's taskwarrior, the peer, through apt-get (as root, else with sudo)."""
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    print("installing taskwarrior (apt-get install taskwarrior)…", file=sys.stderr)
    for step in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "taskwarrior"]):
        if subprocess.run([*sudo, *step], stdout=subprocess.DEVNULL).returncode:
            raise SystemExit(f"could not install taskwarrior ({' '.join(step)} failed); "
                             "install it by hand: apt-get install taskwarrior")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[2000, 50000])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--update-size", type=int, default=100000)
    args = parser.parse_args()
    if args.sizes and shutil.which("task") is None:
        install_taskwarrior()
    print("| measure | minutes | peer | ratio |\n| --- | ---: | ---: | ---: |")
    for n in args.sizes:
        for what, ours, theirs in compare(n, args.runs):
            print(f"| {what} | {ours * 1000:.0f} ms | {theirs * 1000:.0f} ms | {ours / theirs:.2f} |",
                  flush=True)
    if args.update_size:
        median, slowest, whole, mb, every = update_in_process(args.update_size, args.runs)
        print(f"| {args.update_size:,} actions ({mb:.1f} MB): one update in an open store "
              f"(`ActionStore.complete`), median (slowest) / the 30 ms allowed | {median * 1000:.1f} ms "
              f"({slowest * 1000:.1f} ms) | 30 ms | {median / 0.030:.2f} |")
        print(f"| {args.update_size:,} actions: for scale, a write of the whole store (an import, "
              f"an `add`; the journal's fold, about every {every:,} updates) | {whole * 1000:.0f} ms | | |")
    print(f"\n{sys.platform}, Python {sys.version.split()[0]}, "
          f"{subprocess.run(['task', '--version'], capture_output=True, text=True).stdout.strip() if shutil.which('task') else 'no taskwarrior'} "
          f"(taskwarrior), median of {args.runs} runs after a warm-up")


if __name__ == "__main__":
    main()
