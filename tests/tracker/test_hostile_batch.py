"""Several people on one store, and several files in one import (issue 11).

Items: 9 (``undo`` takes back one's own latest change; ``undo --any`` anyone's, after
showing it; a change someone else has built on is not undone), 12 (a batch import stores
every good file and lists every bad one with its reason, exit status 2; ``--strict`` is
all or nothing, on a full disk too; issue 12 item 4).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store_helpers import board, by_text
from store_helpers import run_cli as run
from tracker import ActionStore, StoreError

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "USER": "tester"}


def minutes_file(folder: Path, name: str, day: int, actions: int = 3) -> Path:
    lines = [f"Board meeting {name}", f"Date: {day} March 2026", "Present: Anna Smith, Ben Carter",
             "1. Opening"]
    lines += [f"ACTION: Ben to check the {name} item number {n} with the city by 30 April."
              for n in range(actions)]
    path = folder / f"{name}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def files(tmp_path):
    good = minutes_file(tmp_path, "first", 3)
    bad = tmp_path / "broken.docx"
    bad.write_text("this is no Word file", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good2 = minutes_file(tmp_path, "second", 17)
    return good, bad, empty, good2


def meetings_in(store_file: Path) -> list[str]:
    if not store_file.exists():
        return []
    with ActionStore(store_file) as store:
        return sorted(m.title for m in store.meetings())


# -- item 12: a batch import -----------------------------------------------------------------


def test_a_batch_imports_every_good_file_and_lists_every_bad_one(files, tmp_path):
    store_file = tmp_path / "actions.json"
    result = run("import", *map(str, files), "--store", str(store_file))

    assert result.exit_code == 2
    assert meetings_in(store_file) == ["Board meeting first", "Board meeting second"]
    errors = result.stderr.splitlines()
    assert any("broken.docx" in line and "not a DOCX" in line for line in errors)
    assert any("empty.txt" in line and "empty" in line for line in errors)
    assert "2 of 4 files failed; 2 of 4 imported" in errors[-1]
    assert "first" in result.stdout and "second" in result.stdout
    assert "Traceback" not in result.stderr


def test_strict_stores_nothing_when_a_file_is_bad(files, tmp_path):
    store_file = tmp_path / "actions.json"
    with ActionStore(store_file, user="anna") as store:
        store.import_minutes(board())
    before = store_file.read_bytes()

    result = run("import", *map(str, files), "--strict", "--store", str(store_file))

    assert result.exit_code == 2 and "none stored (--strict)" in result.stderr
    assert "broken.docx" in result.stderr and "empty.txt" in result.stderr
    assert store_file.read_bytes() == before


def test_strict_stores_every_good_file_in_one_change(files, tmp_path):
    store_file = tmp_path / "actions.json"
    good, _, _, good2 = files
    assert run("import", str(good), str(good2), "--strict", "--store", str(store_file)).exit_code == 0
    assert meetings_in(store_file) == ["Board meeting first", "Board meeting second"]
    assert run("undo", "--store", str(store_file)).exit_code == 0  # the whole batch, one change
    assert meetings_in(store_file) == []


IMPORT_WITH_A_SMALL_DISK = """
import resource, sys
from tui.cli import main
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("strict", [False, True])
def test_a_batch_that_fills_the_disk_says_what_was_stored(tmp_path, strict):
    """``ulimit -f``: the third file's write does not fit (EFBIG, as on a full disk)."""
    store_file = tmp_path / "actions.json"
    with ActionStore(store_file, user="anna") as store:
        store.import_minutes(board())
    big = [minutes_file(tmp_path, name, day, actions=40) for name, day in
           (("alpha", 2), ("beta", 9), ("gamma", 16))]
    with ActionStore(tmp_path / "measure.json", user="anna") as measure:  # how big each write is
        from minutes import parse

        measure.import_minutes(board())
        sizes = []
        for path in big:
            measure.import_minutes(parse(path))
            sizes.append((tmp_path / "measure.json").stat().st_size)
    limit = (sizes[1] + sizes[2]) // 2  # the second write fits, the third does not
    before = store_file.read_bytes()

    done = subprocess.run([sys.executable, "-c", IMPORT_WITH_A_SMALL_DISK, str(limit), "import",
                           *map(str, big), *(["--strict"] if strict else []), "--store", str(store_file)],
                          env=ENV, capture_output=True, text=True, cwd=ROOT)

    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) in (1, 2)
    if strict:
        assert "none of the 3 files stored (--strict)" in done.stderr
        assert store_file.read_bytes() == before  # one write: all or nothing
    else:
        assert "gamma.txt" in done.stderr and "1 of 3 files failed; 2 of 3 imported" in done.stderr
        assert meetings_in(store_file) == ["Board meeting alpha", "Board meeting beta", "Hallituksen kokous"]
    assert not list(tmp_path.glob(".actions.json.*.tmp"))


# -- item 9: undo -----------------------------------------------------------------------------------


@pytest.fixture
def shared(tmp_path):
    """The board meeting, an action done by tester, then another done by pekka."""
    store_file = tmp_path / "actions.json"
    with ActionStore(store_file, user="anna") as store:
        store.import_minutes(board())
        hall = by_text(store, "Selvittää salin hinnan").id
        site = by_text(store, "Päivittää verkkosivut").id
    assert run("done", hall, "--store", str(store_file)).exit_code == 0  # as tester
    assert run("done", site, "--store", str(store_file), "--as", "pekka").exit_code == 0
    return store_file, hall, site


def status(store_file: Path, action_id: str) -> str:
    with ActionStore(store_file) as store:
        return store.action(action_id).status


def test_undo_takes_back_ones_own_latest_change_not_someone_elses(shared):
    store_file, hall, site = shared
    result = run("undo", "--store", str(store_file))

    assert result.exit_code == 0 and "done by tester" in result.stdout and hall in result.stdout
    assert status(store_file, hall) == "open" and status(store_file, site) == "done"
    again = run("undo", "--store", str(store_file))
    assert again.exit_code == 2 and "nothing of tester's to undo" in again.stderr


def test_undo_any_shows_the_change_and_asks_first(shared, monkeypatch):
    store_file, hall, site = shared
    monkeypatch.setattr(sys, "stdin", io.StringIO("n\n"))
    declined = run("undo", "--any", "--store", str(store_file))
    assert declined.exit_code == 1 and "done by pekka" in declined.stdout and site in declined.stdout
    assert "nothing undone" in declined.stdout and status(store_file, site) == "done"

    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))
    agreed = run("undo", "--any", "--store", str(store_file))
    assert agreed.exit_code == 0 and "undid change" in agreed.stdout
    assert status(store_file, site) == "open" and status(store_file, hall) == "done"

    assert run("undo", "--any", "--yes", "--store", str(store_file)).exit_code == 0  # no question
    assert status(store_file, hall) == "open"


def test_undo_refuses_a_change_that_someone_else_has_built_on(shared):
    store_file, hall, site = shared
    assert run("assign", site, "Anna Virtanen", "--store", str(store_file)).exit_code == 0  # tester
    assert run("assign", site, "Anna Virtanen", "Tomi Rask", "--store", str(store_file),
               "--as", "pekka").exit_code == 0
    before = store_file.read_bytes()

    result = run("undo", "--store", str(store_file))

    assert result.exit_code == 2 and "pekka changed the owners" in result.stderr
    assert store_file.read_bytes() == before


def test_undo_any_after_showing_does_nothing_if_a_newer_change_came(shared):
    store_file, hall, site = shared
    with ActionStore(store_file, user="tester") as store:
        shown = store.last_change(anyone=True)
        assert shown[0].by == "pekka"
        with ActionStore(store_file, user="liisa") as other:
            other.note(hall, "välissä")
        with pytest.raises(StoreError, match="no longer the latest"):
            store.undo(anyone=True, change=shown[0].change)
        assert store.action(site).status == "done"
