"""The store's journal: a change of fields is one synced line beside the snapshot, read
back with it by every process; a line cut off by a crash is left out, reported and cut
away, never fatal; any other bad line is refused by name; the journal is never written
through a link nor more open than the store, and it is folded into the snapshot as it
grows."""

from __future__ import annotations

import json
import os
import stat

import pytest

from store_helpers import by_text, stored
from store_helpers import run_cli as run
from tracker import ActionStore, CorruptStore, StoreError


@pytest.fixture
def path(filled, tmp_path):
    return tmp_path / "actions.json"


def journal_of(path):
    return path.with_name(path.name + ".journal")


def lines(path) -> list[dict]:
    """The journal's changes (its head left out)."""
    return [json.loads(line) for line in journal_of(path).read_bytes().splitlines()[1:]]


def test_a_change_of_fields_is_one_line_of_the_journal_and_the_snapshot_stays(filled, path):
    before = path.read_bytes()
    hall = by_text(filled, "Selvittää salin hinnan")
    filled.complete(hall.id)
    filled.note(hall.id, "Sali varattu")
    assert path.read_bytes() == before
    changes = lines(path)
    assert len(changes) == 2
    (status,), (note,) = (list(c.values()) for c in changes)
    assert (status["action"], status["field"], status["old"], status["new"]) == (hall.id, "status", "open", "done")
    assert note["field"] == "notes" and note["new"][-1]["text"] == "Sali varattu"
    with ActionStore(path, user="anna") as other:  # another process reads the snapshot and the journal
        read = other.action(hall.id)
        assert read.status == "done" and [n.text for n in read.notes] == ["Sali varattu"]
        assert read.updated == status["at"] == note["at"]  # a cold field, from the journal too
        assert [c.field for c in other.history(hall.id)][-2:] == ["status", "notes"]
        other.undo()  # the note goes again: one more line
    assert len(lines(path)) == 3
    assert [n.text for n in filled.action(hall.id).notes] == []


def test_every_update_verb_writes_one_line(path):
    hall = by_text_of(path, "Selvittää salin hinnan")
    for verb in (["done", hall], ["reopen", hall], ["cancel", hall], ["note", hall, "soitettu"],
                 ["assign", hall, "Tomi Rask"], ["due", hall, "2026-03-25"],
                 ["edit", hall, "--text", "Selvittää salin ja kahvion hinnan"], ["undo"]):
        before = len(lines(path)) if journal_of(path).exists() else 0
        snapshot = path.read_bytes()
        result = run(*verb, "--store", str(path))
        assert result.exit_code == 0, (verb, result)
        assert len(lines(path)) == before + 1, verb
        assert path.read_bytes() == snapshot, verb


def by_text_of(path, text: str) -> str:
    with ActionStore(path) as store:
        return by_text(store, text).id


def test_a_line_cut_off_by_a_crash_is_left_out_reported_and_cut_away(filled, path):
    hall = by_text(filled, "Selvittää salin hinnan")
    filled.complete(hall.id)
    journal = journal_of(path)
    whole = journal.read_bytes()
    line = json.dumps({"9999": {"change": 99, "at": "2026-03-01T10:00:00Z", "by": "eve", "via": "note",
                                "action": hall.id, "field": "text", "new": "Kirjoittamaton"}})
    journal.write_bytes(whole + line[: len(line) // 2].encode())  # killed as it wrote

    result = run("actions", "--status", "all", "--store", str(path))
    assert result.exit_code == 0
    assert result.stderr.count("\n") == 1 and "cut off" in result.stderr and str(journal) in result.stderr
    assert "Selvittää salin hinnan" in result.stdout and "Kirjoittamaton" not in result.stdout
    assert journal.read_bytes() == whole  # cut away under the lock, once
    assert run("actions", "--store", str(path)).stderr == ""
    assert run("note", hall.id, "jatkuu", "--store", str(path)).exit_code == 0
    with ActionStore(path) as store:
        assert store.action(hall.id).status == "done"
        assert [n.text for n in store.action(hall.id).notes] == ["jatkuu"]


def test_the_library_hears_of_a_cut_off_line_through_report(filled, path):
    filled.complete(by_text(filled, "Selvittää salin hinnan").id)
    with journal_of(path).open("ab") as journal:
        journal.write(b'{"9999": {"chan')
    heard: list[str] = []
    with ActionStore(path, report=heard.append) as store:
        assert len(store.actions(status="all")) == 4
    assert len(heard) == 1 and "cut off" in heard[0]


def damaged(change: dict) -> bytes:
    return json.dumps(change).encode()


@pytest.mark.parametrize("line, said", [
    (b"not json at all", "Expecting value"),
    (b'["a", "list"]', "not an object"),
    (damaged({"1": {"change": 2}}), "comes next"),
    (damaged({"{key}": {"change": 2, "at": "x", "by": "eve", "via": "done", "action": "ffffff",
                        "field": "status", "new": "done"}}), "ffffff"),
    (damaged({"{key}": {"change": 2, "at": "x", "by": "eve", "via": "done", "action": "{id}",
                        "field": "status", "new": "finished"}}), "finished"),
    (damaged({"{key}": {"change": 2, "at": "x", "by": "eve", "via": "add", "action": "{id}",
                        "field": "created"}}), "created"),
    (damaged({"{key}": {"change": 2, "at": "x", "by": "eve", "via": "done", "field": "status"}}),
     "names no one"),
])
def test_a_bad_line_in_the_journal_is_refused_by_name_and_left_as_it_is(filled, path, line, said):
    hall = by_text(filled, "Selvittää salin hinnan")
    filled.note(hall.id, "eka")
    journal = journal_of(path)
    key = int(next(iter(lines(path)[-1]))) + 1
    bad = line.replace(b"{key}", str(key).encode()).replace(b"{id}", hall.id.encode())
    journal.write_bytes(journal.read_bytes() + bad + b"\n")
    before, snapshot = journal.read_bytes(), path.read_bytes()

    for verb in (["actions"], ["done", hall.id], ["show", hall.id]):
        result = run(*verb, "--store", str(path))
        assert result.exit_code == 2, (verb, result)
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
        assert f"{journal}: line 3" in result.stderr and said in result.stderr, result.stderr
    assert journal.read_bytes() == before and path.read_bytes() == snapshot
    with ActionStore(path) as store:
        with pytest.raises(CorruptStore):
            store.add("Tilaa kahvit")  # nor written whole over it
    assert journal.read_bytes() == before and path.read_bytes() == snapshot


def test_control_characters_in_a_journal_line_are_cleaned_as_it_is_read(filled, path):
    hall = by_text(filled, "Selvittää salin hinnan")
    filled.complete(hall.id)
    key = int(next(iter(lines(path)[-1]))) + 1
    entry = {"change": 3, "at": "2026-03-01T10:00:00Z", "by": "eve\x1b[2J", "via": "edit",
             "action": hall.id, "field": "text", "new": "Varaa\x1b]0;x\x07 sali\u202e"}
    with journal_of(path).open("ab") as journal:
        journal.write(json.dumps({str(key): entry}).encode() + b"\n")
    with ActionStore(path) as store:
        assert store.action(hall.id).text == "Varaa]0;x sali"
        assert store.history(hall.id)[-1].by == "eve[2J"


def test_a_journal_of_another_snapshot_is_left_out(filled, path):
    """A write stopped between the snapshot and its journal, or a snapshot put back from
    its backup: the journal names the snapshot it continues, and no other reads it."""
    hall = by_text(filled, "Selvittää salin hinnan")
    filled.add("Tilaa kahvit")  # written whole: a backup of the snapshot before
    filled.complete(hall.id)  # a line continuing the new snapshot
    backup = path.with_name("actions.json.bak")
    os.replace(backup, path)  # the old snapshot back, by hand
    with ActionStore(path) as store:
        assert store.action(hall.id).status == "open"
        assert "Tilaa kahvit" not in [a.text for a in store.actions()]
        store.note(hall.id, "uusi")  # a journal for this snapshot replaces the other
    assert [list(c.values())[0]["field"] for c in lines(path)] == ["notes"]


def test_the_journal_is_folded_into_the_snapshot_as_it_grows(filled, path):
    hall = by_text(filled, "Selvittää salin hinnan")
    writes = int(path.with_name("actions.json.lock").read_text().split()[0])
    for n in range(200):
        filled.note(hall.id, f"muistiinpano {n} " + "sana " * 10)
    assert int(path.with_name("actions.json.lock").read_text().split()[0]) > writes
    assert journal_of(path).stat().st_size < 64 * 1024 + 4096  # never much past the fold
    with ActionStore(path) as store:
        assert len(store.action(hall.id).notes) == 200
        assert [n.text for n in store.action(hall.id).notes][-1].startswith("muistiinpano 199 ")
    assert len(stored(path)["actions"][hall.id]["notes"]) == 200


def test_a_journal_that_is_a_link_is_never_followed(filled, path, tmp_path):
    victim = tmp_path / "authorized_keys"
    victim.write_text("ssh-ed25519 AAAA… someone@example.invalid\n")
    hall = by_text(filled, "Selvittää salin hinnan")
    os.symlink(victim, journal_of(path))

    for verb in (["actions"], ["done", hall.id]):
        result = run(*verb, "--store", str(path))
        assert result.exit_code == 2 and "journal" in result.stderr and "link" in result.stderr
        assert len(result.stderr.splitlines()) == 1
    assert victim.read_text() == "ssh-ed25519 AAAA… someone@example.invalid\n"
    journal_of(path).unlink()
    assert run("done", hall.id, "--store", str(path)).exit_code == 0


@pytest.mark.parametrize("how", ["more open than the store", "a second name"])
def test_a_journal_not_as_the_store_left_it_is_replaced_not_written_to(filled, path, tmp_path, how):
    path.chmod(0o600)
    hall = by_text(filled, "Selvittää salin hinnan")
    filled.note(hall.id, "eka")  # the journal, 0600 like the store
    journal = journal_of(path)
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600
    other = tmp_path / "elsewhere"
    if how == "a second name":
        os.link(journal, other)
    else:
        journal.chmod(0o644)
    seen = journal.read_bytes()

    filled.note(hall.id, "toka")  # the store written whole instead, the journal let go

    assert not journal.exists()
    if how == "a second name":
        assert other.read_bytes() == seen  # the other name never saw the new line
    with ActionStore(path) as store:
        assert [n.text for n in store.action(hall.id).notes] == ["eka", "toka"]
    filled.note(hall.id, "kolmas")  # a new journal, as private as the store
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600


def test_a_row_written_twice_in_the_snapshot_is_refused(filled, path):
    first, rest = path.read_bytes().split(b"\n", 1)
    hot = json.loads(first)
    hot["actions"].append(list(hot["actions"][0]))
    path.write_bytes(json.dumps(hot, ensure_ascii=False).encode() + b"\n" + rest)
    result = run("actions", "--store", str(path))
    assert result.exit_code == 2 and "twice" in result.stderr and hot["actions"][0][0] in result.stderr


def test_a_store_written_by_the_earlier_version_is_read_and_written_in_this_form(filled, path):
    data = stored(path)
    data["meta"]["store"]["schema"] = 2
    path.write_text(json.dumps(data), encoding="utf-8")  # one JSON document, as before
    hall = by_text(filled, "Selvittää salin hinnan")
    with ActionStore(path) as store:
        assert store.action(hall.id).source["snippet"] == "Selvittää salin hinnan."
        store.complete(hall.id)  # no journal continues that file: written whole
    assert path.read_bytes().count(b"\n") == 2 and not journal_of(path).exists()
    assert stored(path)["actions"][hall.id]["status"] == "done"


def test_reading_only_never_writes(filled, path):
    from tracker.storage import AtomicStorage

    storage = AtomicStorage(path, access_mode="r")
    data = storage.read()
    with pytest.raises(StoreError, match="read only"):
        storage.write(data)
    storage.close()


def test_control_characters_in_a_rows_text_are_cleaned_as_it_is_read(filled, path):
    hall = by_text(filled, "Selvittää salin hinnan")
    first, rest = path.read_bytes().split(b"\n", 1)
    hot = json.loads(first)
    row = next(row for row in hot["actions"] if row[0] == hall.id)
    row[2] = "Selvittää\x1b[2J salin\u202e hinnan"
    path.write_bytes(json.dumps(hot, ensure_ascii=False).encode() + b"\n" + rest)  # not as minutes left it
    with ActionStore(path) as store:
        assert store.action(hall.id).text == "Selvittää[2J salin hinnan"
        assert [a.text for a in store.actions(text="salin")] == ["Selvittää[2J salin hinnan"]
