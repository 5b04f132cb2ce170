"""An import of many files: parsed in worker processes when there are more than a few, the
store written once whatever their number, each file a change of its own for ``undo``."""

from __future__ import annotations

from pathlib import Path

import pytest

from store_helpers import run_cli as run
from tracker import ActionStore
from tui import store_cli

BODIES = ("Kyläyhdistyksen hallitus", "Board of the Harbour Choir", "Seglarklubbens styrelse")


def minutes_file(folder: Path, n: int) -> Path:
    """The minutes of the ``n``th meeting: three bodies in turn, a week apart."""
    body, week = BODIES[n % 3], n // 3
    day = 2 + week * 7
    month, day = 3 + (day - 1) // 28, 1 + (day - 1) % 28
    if n % 3 == 0:
        lines = [f"{body} {week + 1}/2026", f"Aika: {day}.{month}.2026 klo 18", "Läsnä: Anna Virtanen, Pekka Nieminen",
                 "1. Kokouksen avaus", f"Anna lähettää kutsun jäsenille {day}.{month + 1}. mennessä.",
                 f"Pekka varaa salin kokoukselle {week + 1}."]
    elif n % 3 == 1:
        lines = [f"{body} meeting {week + 1}", f"Date: 2026-{month:02d}-{day:02d}",
                 "Present: Ben Carter, Dora Jensen", "1. Opening",
                 f"ACTION: Ben to book the hall for concert {week + 1}.",
                 f"ACTION: Dora to send the programme {week + 1} to the members."]
    else:
        lines = [f"{body} möte {week + 1}", f"Datum: 2026-{month:02d}-{day:02d}", "Närvarande: Carl Lindqvist, Frida Holm",
                 "1. Mötets öppnande", f"Carl bokar bryggan för regatta {week + 1}.",
                 f"Frida skickar kallelsen {week + 1} till medlemmarna."]
    path = folder / f"minutes-{n:03d}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    return [minutes_file(folder, n) for n in range(9)]


def writes(store_file: Path) -> int:
    lock = store_file.with_name(store_file.name + ".lock")
    return int(lock.read_text().split()[0]) if lock.exists() else 0


def test_files_parsed_in_workers_read_as_one_by_one(files):
    assert len(files) > store_cli.FEW
    in_workers = store_cli.parse_files(files, None, False)
    one_by_one = [store_cli.parse_file(file, None, False) for file in files]
    assert [m.to_json() for m in in_workers] == [m.to_json() for m in one_by_one]
    assert all(m.actions for m in in_workers)


def test_many_files_are_one_write_each_file_its_own_change(files, tmp_path):
    store_file = tmp_path / "actions.json"
    with ActionStore(store_file, user="tester") as store:
        store.add("Tilaa kahvit")  # the store is there before
    before = writes(store_file)

    result = run("import", *map(str, files), "--store", str(store_file))

    assert result.exit_code == 0, result.stderr
    assert writes(store_file) == before + 1
    with ActionStore(store_file, user="tester") as store:
        assert len(store.meetings()) == 9
        changes = {c.change for c in store.history() if c.via == "import"}
        assert len(changes) == 9
        last = max((c for c in store.history() if c.kind == "meeting"), key=lambda c: c.change)
    assert run("undo", "--store", str(store_file)).exit_code == 0  # the last file only
    with ActionStore(store_file) as store:
        assert len(store.meetings()) == 8 and last.subject not in {m.id for m in store.meetings()}


def test_a_refused_file_keeps_its_place_among_many(files, tmp_path):
    bad = files[0].with_name("broken.docx")
    bad.write_text("no Word file", encoding="utf-8")
    outcomes = store_cli.parse_files([*files[:3], bad, *files[3:]], None, False)
    assert isinstance(outcomes[3], str) and "DOCX" in outcomes[3]
    assert [o.title for o in outcomes if not isinstance(o, str)] == \
           [m.title for m in store_cli.parse_files(files, None, False)]
