"""Parse speed: ``python bench/bench_parse.py [FILE…]`` in a warm process, and
``python bench/bench_parse.py --process [FILE.docx…]`` as a whole command.

In a warm process it parses each file once to warm up (imports, profiles, lazy loads), then
N more times and prints the median and the slowest run in milliseconds. Without arguments
it takes the seeds in ../shared/seeds when they are there, and the samples. A statistical
model is used where one is installed (``pip install ".[fi,en]"``) unless
``MINUTES_NO_MODEL=1``; the output says which.

With ``--process`` it times ``minutes parse FILE --json`` as a separate process, start to
end (imports, model load, parse, output), against the peer: a Python program that reads
the same Word file with python-docx (``docx.Document``, the text of every paragraph and
table cell), the two in turn, median of ``--runs`` after a warm-up. It does so without a
statistical model (``MINUTES_NO_MODEL=1``) and, where the models are installed in this
interpreter's environment, with them (the model's load included). Without files it takes
the seeds' Word files. Not a test.
"""

from __future__ import annotations

import os
import statistics
import subprocess
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

PEER = """
import sys, docx
document = docx.Document(sys.argv[1])
text = [p.text for p in document.paragraphs]
text += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
"""


def as_processes(args: list[str]) -> None:
    runs = int(args.pop(args.index("--runs") + 1)) if "--runs" in args else 15
    args = [a for a in args if a != "--runs"]
    files = [Path(a) for a in args] or sorted((ROOT.parent / "shared" / "seeds").glob("*.docx"))
    installed = Path(sys.executable).with_name("minutes")
    minutes = [str(installed)] if installed.exists() else [sys.executable, "-m", "tui.cli"]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "MINUTES_NO_MODEL")}
    from minutes.nlp import has_model

    models = not os.environ.get("MINUTES_NO_MODEL") and has_model("fi") and has_model("en")
    print("| `minutes parse FILE --json`, whole process | model | minutes | python-docx reading it | ratio |\n"
          "| --- | --- | ---: | ---: | ---: |")
    for path in files:
        for model in [False, True] if models else [False]:
            ours_env = env if model else {**env, "MINUTES_NO_MODEL": "1"}
            times: tuple[list[float], list[float]] = ([], [])
            for _ in range(runs + 1):
                for side, command, environment in ((0, [*minutes, "parse", str(path), "--json"], ours_env),
                                                   (1, [sys.executable, "-c", PEER, str(path)], env)):
                    start = time.perf_counter()
                    done = subprocess.run(command, env=environment, cwd=ROOT, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.PIPE)
                    times[side].append(time.perf_counter() - start)
                    if done.returncode:
                        raise SystemExit(f"{' '.join(command)}: {done.stderr.decode()[-300:]}")
            ours, peer = statistics.median(times[0][1:]), statistics.median(times[1][1:])
            print(f"| {path.name} ({path.stat().st_size / 1024:.0f} KB) | {'fi, en' if model else 'none'} | "
                  f"{ours * 1000:.0f} ms | {peer * 1000:.0f} ms | {ours / peer:.2f} |", flush=True)
    print(f"\nmedian of {runs} runs after a warm-up, the two commands in turn")


if __name__ == "__main__":
    if "--process" in sys.argv:
        as_processes([a for a in sys.argv[1:] if a != "--process"])
    else:
        main(sys.argv[1:])
