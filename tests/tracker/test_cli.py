"""The store's verbs of ``minutes`` as a person types them.

Every bad input ends with exit status 2, one line on stderr and the store file unchanged.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import pytest

import minutes
from store_helpers import BOARD_ACTIONS, action, board, by_text
from store_helpers import run_cli as run
from tracker import ActionStore

TODAY = date.today()


@pytest.fixture
def path(tmp_path):
    """A store with the board meeting: one action overdue, one due in three days, one
    in two months, one with no due date."""
    store_file = tmp_path / "actions.json"
    with ActionStore(store_file, user="anna") as store:
        store.import_minutes(board())
        store.set_due(by_text(store, "Selvittää salin hinnan").id, TODAY - timedelta(days=2))
        store.set_due(by_text(store, "Lähettää kutsun jäsenille").id, TODAY + timedelta(days=3))
        store.set_due(by_text(store, "Päivittää verkkosivut").id, TODAY + timedelta(days=60))
    return store_file


def ids_of(path) -> dict[str, str]:
    with ActionStore(path) as store:
        return {a.text: a.id for a in store.actions()}


def test_store_given_before_or_after_the_verb_or_in_the_environment(path):
    expected = sorted(ids_of(path).values())
    for result in (run("--store", str(path), "actions", "--json"),
                   run("actions", "--json", "--store", str(path)),
                   run("actions", "--json", env={"MINUTES_STORE": str(path)})):
        assert result.exit_code == 0, result.stderr
        assert sorted(a["id"] for a in json.loads(result.stdout)) == expected


def test_actions_lists_open_ones_by_due_date_with_filters(path):
    result = run("actions", "--store", str(path))
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "DUE", "STATUS", "OWNERS", "ACTION"]
    assert "overdue" in lines[1] and "Selvittää salin hinnan" in lines[1]
    assert len(lines) == 5
    listed = json.loads(run("actions", "--store", str(path), "--owner", "pekka", "--json").stdout)
    assert [a["text"] for a in listed] == ["Selvittää salin hinnan"]
    (one,) = listed
    assert set(one) >= {"id", "text", "owners", "due", "status", "meeting", "agenda_item", "notes"}
    assert one["meeting"]["title"] == "Hallituksen kokous" and one["meeting"]["date"] == "2026-02-03"
    soon = json.loads(run("actions", "--store", str(path), "--due-within", "7", "--json").stdout)
    assert [a["text"] for a in soon] == ["Lähettää kutsun jäsenille"]
    late = json.loads(run("actions", "--store", str(path), "--overdue", "--json").stdout)
    assert [a["text"] for a in late] == ["Selvittää salin hinnan"]
    assert json.loads(run("actions", "--store", str(path), "--status", "done", "--json").stdout) == []


def test_done_show_note_due_assign_undo(path):
    ids = ids_of(path)
    hall = ids["Selvittää salin hinnan"]
    assert run("done", hall[:5], "--store", str(path)).exit_code == 0
    assert "was done already" in run("done", hall, "--store", str(path)).stdout
    assert run("note", hall, "Sali", "varattu", "--store", str(path), "--as", "pekka").exit_code == 0
    site = ids["Päivittää verkkosivut"]
    assert run("due", site, "2026-03-25", "--store", str(path)).exit_code == 0
    assert run("assign", site, "Liisa Laine", "--new", "--store", str(path)).exit_code == 0
    shown = run("show", hall, "--store", str(path)).stdout
    assert "done" in shown.splitlines()[0]
    assert "pekka: Sali varattu" in shown and "tester (done)" in shown
    data = json.loads(run("show", site, "--store", str(path), "--json").stdout)
    assert data["due"] == "2026-03-25" and data["owners"] == ["Liisa Laine"]
    assert [c["field"] for c in data["history"]] == [
        "created", "due", "due_text", "due", "owners"]
    undone = run("undo", "--store", str(path))
    assert undone.exit_code == 0 and "owners" in undone.stdout
    with ActionStore(path) as store:
        assert store.action(site).owners == ()
        assert store.action(hall).status == "done"


def test_show_a_meeting(path):
    with ActionStore(path) as store:
        meeting = store.meetings()[0]
    shown = run("show", meeting.id, "--store", str(path))
    assert shown.exit_code == 0
    assert shown.stdout.startswith(f"{meeting.id}  Hallituksen kokous")
    assert "Varaa tilat kevätseminaariin" in shown.stdout
    listed = run("meetings", "--store", str(path)).stdout
    assert listed.startswith(meeting.id) and "[4 actions, 4 open]" in listed


def test_people_and_alias(path):
    assert run("alias", "Tommi", "Tomi Rask", "--store", str(path)).stdout == "Tommi is Tomi Rask\n"
    people = run("people", "--store", str(path)).stdout
    assert "Tomi Rask  (also Tommi)  [1 open]" in people
    listed = json.loads(run("actions", "--owner", "tommi", "--json", "--store", str(path)).stdout)
    assert [a["owners"] for a in listed] == [["Tomi Rask"]]


def test_exports_and_digest(path, tmp_path):
    target = tmp_path / "out.csv"
    assert run("export", "--format", "csv", "-o", str(target), "--store", str(path)).exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(target.read_text())))) == 4
    ics = run("export", "--format", "ics", "--store", str(path)).stdout
    assert ics.count("BEGIN:VTODO") == 3
    assert len(json.loads(run("export", "--store", str(path)).stdout)) == 4
    mail = run("digest", "--owner", "Pekka Nieminen", "--store", str(path)).stdout
    assert mail.startswith("# Open actions for Pekka Nieminen") and "## Overdue" in mail


def test_import_dry_run_then_import(path, tmp_path, monkeypatch):
    edited = minutes_with_new_action()
    monkeypatch.setattr(minutes, "parse", lambda file, lang=None: edited)
    source = tmp_path / "hallitus.txt"
    source.write_text("(the parser is replaced in this test)")
    before = path.read_bytes()
    dry = run("import", str(source), "--dry-run", "--store", str(path))
    assert dry.exit_code == 0 and "would add" in dry.stdout
    assert path.read_bytes() == before
    done = run("import", str(source), "--store", str(path), "--json")
    (result,) = json.loads(done.stdout)
    assert result["status"] == "updated" and [a["text"] for a in result["added"]] == ["Tilaa kahvit"]
    again = run("import", str(source), "--store", str(path))
    assert "unchanged" in again.stdout


def minutes_with_new_action():
    from store_helpers import minutes as build

    return build(*BOARD_ACTIONS, action("Tilaa kahvit", "Anna Virtanen", item="4"), edition="2")


BAD = [
    (["done", "zzzzzz"], "no action has the id 'zzzzzz'"),
    (["done", ""], "an empty action id"),
    (["show", "zzzzzz"], "no action or meeting has the id"),
    (["note", "zzzzzz", "x"], "no action has the id"),
    (["due", "{hall}", "not a date at all"], "cannot read the due date 'not a date at all': no date in it"),
    (["actions", "--status", "finished"], "invalid choice: 'finished'"),
    (["actions", "--due-within", "soon"], "invalid int value: 'soon'"),
    (["actions", "--meeting", "zzzzzz"], "no meeting has the id 'zzzzzz'"),
    (["digest", "--owner", "Anna", "--all"], "--owner and --all: give one of them"),
    (["export", "--format", "pdf"], "invalid choice: 'pdf'"),
    (["import", "{missing}"], "missing.txt"),
]


@pytest.mark.parametrize("args, message", BAD)
def test_bad_input_is_exit_2_one_line_and_the_store_unchanged(path, tmp_path, args, message):
    with ActionStore(path) as store:
        store.complete(by_text(store, "Päivittää verkkosivut").id)  # so there is a .bak too
    before = path.read_bytes()
    hall = ids_of(path)["Selvittää salin hinnan"]
    args = [a.format(hall=hall, missing=tmp_path / "missing.txt") for a in args]
    result = run(*args, "--store", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("minutes: ") and result.stderr.count("\n") == 1
    assert message in result.stderr
    assert path.read_bytes() == before


def test_a_corrupt_store_is_named_and_left_alone(path):
    path.write_bytes(b'{"meta": {"store": {"format": "minutes-store", "schema": 1}}, "act')
    for args in (["actions"], ["done", "abc"], ["undo"], ["people"]):
        result = run(*args, "--store", str(path))
        assert result.exit_code == 2 and result.stderr.count("\n") == 1
        assert str(path) in result.stderr and "not valid JSON" in result.stderr
    assert path.read_bytes().endswith(b'"act')


@pytest.mark.parametrize("verb, failing", [(["done", "{id}"], "write"), (["add", "Tilaa kahvit"], "replace")],
                         ids=["a line of the journal", "written whole"])
def test_a_failing_disk_is_one_line_naming_the_store(path, monkeypatch, verb, failing):
    import os

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    hall = ids_of(path)["Selvittää salin hinnan"]
    before = path.read_bytes()
    monkeypatch.setattr(os, failing, disk_full)
    result = run(*[w.format(id=hall) for w in verb], "--store", str(path))
    monkeypatch.undo()
    assert result.exit_code == 2
    assert result.stderr == f"minutes: {path}: No space left on device\n"
    assert path.read_bytes() == before
    assert ids_of(path)["Selvittää salin hinnan"] == hall
    assert run("show", hall, "--store", str(path)).stdout.split()[1] == "open"


def test_help_version_and_usage_errors(path):
    helped = run("done", "--help")
    assert helped.exit_code == 0 and helped.stdout.startswith("usage: minutes done")
    assert "--as NAME" in helped.stdout and "--store PATH" in helped.stdout
    listed = run("--help")
    assert listed.exit_code == 0 and all(verb in listed.stdout for verb in ("import", "actions", "digest"))
    version = run("--version")
    assert version.exit_code == 0 and version.stdout.startswith("minutes ")
    wrong = run("actions", "--owners", "pekka", "--store", str(path))
    assert wrong.exit_code == 2 and wrong.stdout == ""
    assert wrong.stderr == ("minutes: unrecognized arguments: --owners pekka "
                            "(see `minutes actions --help`)\n")


def test_a_verb_run_in_a_process_leaves_the_garbage_collector_as_it_found_it(path):
    import gc

    assert gc.isenabled()
    assert run("actions", "--store", str(path)).exit_code == 0
    assert run("done", "zzzzzz", "--store", str(path)).exit_code == 2
    assert gc.isenabled()


def test_vanished_actions_are_listed_only_when_asked_for(path):
    from store_helpers import minutes

    with ActionStore(path, user="anna") as store:
        store.import_minutes(minutes(*BOARD_ACTIONS[1:], edition="without the hall"))
    hall = ids_of(path)["Selvittää salin hinnan"]
    assert hall not in run("actions", "--store", str(path)).stdout
    (line,) = [line for line in run("actions", "--status", "vanished", "--store", str(path)).stdout.splitlines()
               if hall in line]
    assert "vanished" in line and "(no longer in the minutes)" in line
    assert hall in run("actions", "--status", "all", "--store", str(path)).stdout
    assert run("reopen", hall, "--store", str(path)).exit_code == 0  # kept
    assert hall in run("actions", "--store", str(path)).stdout
