"""How quick the terminal UI is on a big store: the time to first paint of the home screen
and the time a filter keystroke takes to update the table.

Run (a minute or so; not a test)::

    .venv/bin/python bench/bench_tui.py                    # 50,000 actions
    .venv/bin/python bench/bench_tui.py --sizes 2000 50000 --runs 5

For each size N it fills a store with N actions the way ``bench_store.py`` does (meetings
of 100 actions, imported in one batch), then, in Textual's headless test driver at 160x48:

- **first paint**: from making the app until the home screen has drawn its first rows
  (the store read, the index built, the table's first frame), median of ``--runs`` fresh
  apps, each on a fresh ``ActionStore``;
- **filter keystroke**: with the filter bar focused, the time from a key press until the
  screen has drawn the first frame after the table took its new rows (the key handled,
  the filter run over all N actions, the frame drawn; not the test driver's own waits for
  idleness), median and worst of the keys of ``is:open @anna budget`` typed one by one
  and then erased one by one.

The results are printed as a Markdown table.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
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


async def first_paint(path: Path) -> float:
    from tui.app import MinutesApp
    from tui.widgets.actions_table import ActionsTable

    start = time.perf_counter()
    app = MinutesApp(store=ActionStore(path), today=TODAY, warm_up=False, poll_interval=60)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ActionsTable)
        while not table.row_count:
            await asyncio.sleep(0.002)
            if time.perf_counter() - start > 60:
                raise SystemExit(f"no rows after 60 s: {app.load_error or 'still loading'}")
        await pilot.pause()  # the frame with the rows
        took = time.perf_counter() - start
    app.store.close()
    return took


async def keystrokes(path: Path) -> list[float]:
    from tui.app import MinutesApp
    from tui.widgets.actions_table import ActionsTable
    from tui.widgets.filter_bar import FilterBar

    app = MinutesApp(store=ActionStore(path), today=TODAY, warm_up=False, poll_interval=60)
    times = []
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        table = screen.query_one(ActionsTable)
        while not table.row_count:
            await asyncio.sleep(0.01)
            if app.load_error:
                raise SystemExit(app.load_error)
        bar = screen.query_one(FilterBar)
        bar.value = ""
        bar.focus()
        await pilot.pause()
        # note when the table takes new rows and when the screen next draws a frame: the
        # Pilot's own waits for idleness (20 ms and more a key) are not the app's time
        taken, drawn = [], []
        set_rows, refresh = table.set_rows, screen._compositor_refresh

        def noting_set_rows(*args, **kwargs):
            set_rows(*args, **kwargs)
            taken.append(time.perf_counter())

        def noting_refresh():
            refresh()
            drawn.append(time.perf_counter())

        table.set_rows, screen._compositor_refresh = noting_set_rows, noting_refresh
        keys = [("space" if c == " " else c) for c in TYPED] + ["backspace"] * len(TYPED)
        for key in keys:
            taken.clear()
            drawn.clear()
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            assert taken, f"{key!r} did not change the table"
            times.append(min(t for t in drawn if t >= taken[-1]) - start)
        assert bar.value == ""
    app.store.close()
    return times


def measure(n: int, runs: int) -> tuple[float, float, float, float]:
    with tempfile.TemporaryDirectory(prefix="bench-tui-") as tmp:
        path = Path(tmp) / "actions.json"
        fill_store(path, plan_tasks(n))
        size = path.stat().st_size
        paints = [asyncio.run(first_paint(path)) for _ in range(runs)]
        keys = asyncio.run(keystrokes(path))
    return statistics.median(paints), statistics.median(keys), max(keys), size / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[50000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("| store | first paint (median) | filter keystroke (median) | filter keystroke (worst) |\n"
          "| --- | ---: | ---: | ---: |")
    for n in args.sizes:
        paint, key, worst, mb = measure(n, args.runs)
        print(f"| {n:,} actions ({mb:.0f} MB) | {paint * 1000:.0f} ms | {key * 1000:.0f} ms "
              f"| {worst * 1000:.0f} ms |", flush=True)
    import textual

    print(f"\n{sys.platform}, Python {sys.version.split()[0]}, Textual {textual.__version__}, "
          f"headless {SIZE[0]}x{SIZE[1]}; first paint median of {args.runs} fresh apps, "
          f"keystrokes: {2 * len(TYPED)} keys typing and erasing `{TYPED}`")


if __name__ == "__main__":
    main()
