"""How quick the terminal UI is on a big store: the time to first paint, a filter keystroke,
``x`` (done) with the screen answering other keys while the store is written, and the
peak memory of the process.

Run (a few minutes at 50,000 actions, most of it filling the store; not a test)::

    .venv/bin/python bench/bench_tui.py                    # 50,000 actions
    .venv/bin/python bench/bench_tui.py --sizes 2000 50000 --runs 5 --keep /tmp/bench-stores

``--keep DIR`` keeps the filled stores in DIR and uses them again (filling 50,000 actions
takes minutes); every measure works on a fresh copy. For each size N it fills a store with
N actions the way ``bench_store.py`` does (meetings of 100 actions), then, in Textual's
headless test driver at 160x48:

- **first paint**: from making the app until the home screen has drawn its first rows
  (the store read, the first screenful of actions made, the table's first frame; the rest
  of the index is built after it), median of ``--runs`` fresh apps, each on a fresh
  ``ActionStore``;
- **filter keystroke**: with the filter bar focused, the time from a key press until the
  screen has drawn the first frame after the table took its new rows, median and worst of
  the keys of ``is:open @anna budget`` typed one by one and then erased one by one;
- **x**: the time from pressing ``x`` until the row is drawn done (the change shown at
  once), and until the store has it on disk (written on the store's thread); while that
  write runs, ``j`` is pressed every 20 ms and each press is timed until the frame with
  the cursor moved: the worst of those is how long the screen may keep someone waiting;
- **peak memory**: the most resident memory (``VmHWM``, Linux) of a fresh process that
  opens the app, waits for the rows, presses ``x`` and waits for the write, then ``u``.

The results are printed as a Markdown table.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_store import TODAY, fill_store, plan_tasks  # noqa: E402

from tracker import ActionStore  # noqa: E402

TYPED = "is:open @anna budget"
SIZE = (160, 48)


def make_app(path: Path):
    from tui.app import MinutesApp

    return MinutesApp(store=ActionStore(path), today=TODAY, warm_up=False, poll_interval=60)


async def until(condition, failed: str, most: float = 20.0) -> None:
    """Wait until ``condition()`` holds, never for good (the bench stops, saying what failed)."""
    give_up = time.perf_counter() + most
    while not condition():
        if time.perf_counter() > give_up:
            raise SystemExit(f"bench_tui: {failed} within {most:.0f} s")
        await asyncio.sleep(0.001)


async def rows_shown(app) -> None:
    from tui.widgets.actions_table import ActionsTable

    table = app.screen.query_one(ActionsTable)
    await until(lambda: table.row_count or app.load_error, "no rows", 60)
    if app.load_error:
        raise SystemExit(app.load_error)


class Frames:
    """Notes when the screen draws a frame."""

    def __init__(self, screen) -> None:
        self.drawn: list[float] = []
        refresh = screen._compositor_refresh

        def noting_refresh():
            refresh()
            self.drawn.append(time.perf_counter())

        screen._compositor_refresh = noting_refresh

    def first_after(self, moment: float) -> float:
        return min(t for t in self.drawn if t >= moment)


async def first_paint(path: Path) -> float:
    from tui.app import MinutesApp  # noqa: F401  (imported before the clock starts)
    from tui.widgets.actions_table import ActionsTable

    start = time.perf_counter()
    app = make_app(path)
    async with app.run_test(size=SIZE):
        screen = app.screen
        frames = Frames(screen)
        table = screen.query_one(ActionsTable)
        shown: list[float] = []
        set_rows = table.set_rows

        def noting_set_rows(rows, **kwargs):
            set_rows(rows, **kwargs)
            if rows and not shown:
                shown.append(time.perf_counter())

        table.set_rows = noting_set_rows
        await until(lambda: app.load_error or shown and any(t >= shown[0] for t in frames.drawn), "no rows", 60)
        if app.load_error:
            raise SystemExit(app.load_error)
        took = frames.first_after(shown[0]) - start
    return took


async def keystrokes(path: Path) -> list[float]:
    from tui.widgets.actions_table import ActionsTable
    from tui.widgets.filter_bar import FilterBar

    app = make_app(path)
    times = []
    async with app.run_test(size=SIZE) as pilot:
        await rows_shown(app)
        screen = app.screen
        table = screen.query_one(ActionsTable)
        bar = screen.query_one(FilterBar)
        bar.value = ""
        bar.focus()
        await pilot.pause()
        # note when the table takes new rows and when the screen next draws a frame: the
        # Pilot's own waits for idleness (20 ms and more a key) are not the app's time
        taken = []
        set_rows = table.set_rows

        def noting_set_rows(*args, **kwargs):
            set_rows(*args, **kwargs)
            taken.append(time.perf_counter())

        table.set_rows = noting_set_rows
        frames = Frames(screen)
        keys = [("space" if c == " " else c) for c in TYPED] + ["backspace"] * len(TYPED)
        for key in keys:
            taken.clear()
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            assert taken, f"{key!r} did not change the table"
            times.append(frames.first_after(taken[-1]) - start)
        assert bar.value == ""
    return times


def press(app, key: str) -> None:
    """A key as the terminal sends it (Pilot's ``press`` would wait for the app to be idle)."""
    from textual import events

    event = events.Key(key, key)
    event.set_sender(app)
    app._driver.send_message(event)


async def done_and_answering(path: Path) -> tuple[float, float, float, int]:
    """``x``: until the row is drawn done, until it is on disk; the worst answer to ``j``
    while it was written, and how many ``j`` were pressed meanwhile."""
    from tui.widgets.actions_table import ActionsTable

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await rows_shown(app)
        await until(lambda: app.loaded and not app.pending, "the store was not read")
        screen = app.screen
        screen.set_filter("is:all")  # the done row stays in the table
        await pilot.pause()
        table = screen.query_one(ActionsTable)
        frames = Frames(screen)
        first = table.current
        assert first.status == "open"
        taken = []
        set_rows = table.set_rows

        def noting_set_rows(rows, **kwargs):
            set_rows(rows, **kwargs)  # the cursor stays on the action
            current = table.current
            if current.id == first.id and current.status == "done" and not taken:
                taken.append(time.perf_counter())

        table.set_rows = noting_set_rows
        start = time.perf_counter()
        press(app, "x")
        await until(lambda: taken and any(t >= taken[0] for t in frames.drawn), "x was not shown")
        shown = frames.first_after(taken[0]) - start
        # while the store's thread writes, a key every 20 ms, as a person holding j down;
        # each timed from when it was due (a key that comes while the screen is busy waits)
        # until the first frame after the cursor moved
        moves = []
        cursor = table.action_cursor

        def noting_cursor(step: int) -> None:
            cursor(step)
            moves.append(time.perf_counter())

        table.action_cursor = noting_cursor  # what j is bound to
        answers = []
        due = time.perf_counter()
        while app.pending:
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            moves.clear()
            press(app, "j")
            await until(lambda: moves and any(t >= moves[0] for t in frames.drawn), "j was not answered")
            answers.append(frames.first_after(moves[0]) - due)
            due = max(due + 0.02, time.perf_counter())
        written = time.perf_counter() - start
        with ActionStore(path) as other:
            assert other.action(first.id).status == "done"
    return shown, written, max(answers, default=0.0), len(answers)


MEMORY = """
import asyncio, sys
sys.path.insert(0, sys.argv[2])
from bench_tui import make_app, rows_shown, until
from pathlib import Path

async def main():
    app = make_app(Path(sys.argv[1]))
    async with app.run_test(size=(160, 48)) as pilot:
        await rows_shown(app)
        await pilot.pause()
        for key in ("x", "u"):
            await pilot.press(key)
            await until(lambda: not app.pending, f"{key} was not written")
            await pilot.pause()
asyncio.run(main())
with open("/proc/self/status") as status:  # VmHWM: this process's own peak (ru_maxrss would
    print(next(line.split()[1] for line in status if line.startswith("VmHWM")))  # keep the parent's)
"""


def peak_memory(path: Path) -> float:
    """The peak resident memory of a fresh process that opens the app and presses x and u, MB."""
    done = subprocess.run([sys.executable, "-c", MEMORY, str(path), str(ROOT / "bench")],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return int(done.stdout.split()[-1]) / 1024


def store_of(n: int, keep: Path | None, folder: Path) -> Path:
    """A store of ``n`` actions (kept in ``keep`` when given, and taken from there)."""
    if keep is not None:
        kept = keep / f"actions-{n}.json"
        if not kept.exists():
            keep.mkdir(parents=True, exist_ok=True)
            fill_store(kept, plan_tasks(n))
        return kept
    path = folder / f"filled-{n}.json"
    fill_store(path, plan_tasks(n))
    return path


def fresh(source: Path, folder: Path) -> Path:
    """A copy of the store at ``source``, with its lock file: what the lock file says of the
    last write spares a store just as minutes wrote it a second look (``tracker.storage``)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "actions.json"
    shutil.copyfile(source, path)
    lock = source.with_name(source.name + ".lock")
    if lock.exists():
        shutil.copyfile(lock, path.with_name(path.name + ".lock"))
    return path


def measure(n: int, runs: int, keep: Path | None) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-tui-") as tmp:
        tmp = Path(tmp)
        source = store_of(n, keep, tmp)
        paints = [asyncio.run(first_paint(fresh(source, tmp / f"paint-{i}"))) for i in range(runs)]
        keys = asyncio.run(keystrokes(fresh(source, tmp / "keys")))
        shown, written, answer, answered = asyncio.run(done_and_answering(fresh(source, tmp / "x")))
        memory = peak_memory(fresh(source, tmp / "memory"))
        mb = source.stat().st_size / 1e6  # before the folder goes (without --keep)
    return {"mb": mb, "paint": statistics.median(paints),
            "key": statistics.median(keys), "worst": max(keys), "shown": shown, "written": written,
            "answer": answer, "answered": answered, "memory": memory}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[50000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="Keep the filled stores here and use them again.")
    args = parser.parse_args()
    print("| store | first paint | filter key (median / worst) | x shown | x written "
          "| a key during the write (worst) | peak memory |\n"
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in args.sizes:
        r = measure(n, args.runs, args.keep)
        print(f"| {n:,} actions ({r['mb']:.0f} MB) | {r['paint'] * 1000:.0f} ms "
              f"| {r['key'] * 1000:.0f} / {r['worst'] * 1000:.0f} ms | {r['shown'] * 1000:.0f} ms "
              f"| {r['written'] * 1000:.0f} ms | {r['answer'] * 1000:.0f} ms ({r['answered']} keys) "
              f"| {r['memory']:.0f} MB |", flush=True)
    import textual

    print(f"\n{sys.platform}, Python {sys.version.split()[0]}, Textual {textual.__version__}, "
          f"headless {SIZE[0]}x{SIZE[1]}; first paint median of {args.runs} fresh apps, "
          f"keystrokes: {2 * len(TYPED)} keys typing and erasing `{TYPED}`")


if __name__ == "__main__":
    main()
