"""Parse speed in a warm process: ``python bench/bench_parse.py [FILE…]``.

Parses each file once to warm up (imports, profiles, lazy loads), then N more times and
prints the median and the slowest run in milliseconds. Without arguments it takes the seeds
in ../shared/seeds when they are there, and the samples. A statistical model is used where
one is installed (``pip install ".[fi,en]"``) unless ``MINUTES_NO_MODEL=1``; the output says
which.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from minutes import parse  # noqa: E402

RUNS = 30


def files_to_time(args: list[str]) -> list[Path]:
    if args:
        return [Path(a) for a in args]
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    samples = sorted(p for p in (ROOT / "samples").iterdir()
                     if p.suffix in (".txt", ".md", ".docx") and p.name != "README.md")
    return seeds + samples


def main(args: list[str]) -> None:
    print(f"| file | size | median ms | max ms |  (runs: {RUNS}, warm process)")
    print("| --- | ---: | ---: | ---: |")
    for path in files_to_time(args):
        parse(path)
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            parse(path)
            times.append((time.perf_counter() - start) * 1000)
        size = path.stat().st_size
        print(f"| {path.name} | {size / 1024:.1f} KB | {statistics.median(times):.1f} | {max(times):.1f} |")
    from minutes.nlp import has_model

    models = {lang: has_model(lang) for lang in ("fi", "en")}
    print("\nstatistical models used: " + ", ".join(f"{k}={'yes' if v else 'no'}" for k, v in models.items())
          + "  (MINUTES_NO_MODEL=1 turns them off)")

if __name__ == "__main__":
    main(sys.argv[1:])
