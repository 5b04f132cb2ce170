"""Parse speed in a warm process: ``python bench/bench_parse.py [FILE…]``.

Parses each file once to warm up (imports, profiles, lazy loads), then N more times and
prints the median and the slowest run in milliseconds. Without arguments it takes the seeds
in ../shared/seeds when they are there, and the samples. No statistical model is loaded
unless one is installed and the parser asks for it; the figure says which.
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
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".md", ".docx"))
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
    models = [name for name in ("spacy",) if name in sys.modules]
    print(f"\nstatistical model loaded: {'yes' if any('core_' in m or 'fi_' in m for m in sys.modules) else 'no'}"
          f"; spaCy imported: {'yes' if models else 'no'}")


if __name__ == "__main__":
    main(sys.argv[1:])
