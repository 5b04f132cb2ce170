"""The store's files: round trips, atomic writes with a backup, refusing corrupt and foreign
files without touching them, and seeing other processes' writes. The journal has its own
tests in test_journal.py."""

from __future__ import annotations

import os

import pytest
from tinydb import TinyDB
from tinydb.table import Table

from store_helpers import board, by_text, stored
from tracker import ActionStore, CorruptStore
from tracker.storage import AtomicStorage


def test_round_trip_through_a_new_store_object(filled, tmp_path):
    original = by_text(filled, "Selvittää salin hinnan")
    filled.note(original.id, "Kysytty kahdesta paikasta")
    with ActionStore(tmp_path / "actions.json") as again:
        read = again.action(original.id)
        assert read.text == original.text
        assert read.owners == ("Pekka Nieminen",)
        assert read.due.isoformat() == "2026-02-20"
        assert read.meeting.title == "Hallituksen kokous"
        assert [n.text for n in read.notes] == ["Kysytty kahdesta paikasta"]
        assert len(again.actions()) == 4
        assert [m.id for m in again.meetings()] == [original.meeting.id]


def test_the_store_is_a_tinydb_database_with_a_schema(filled, tmp_path):
    path = tmp_path / "actions.json"
    data = stored(path)
    assert list(data) == ["meta", "meetings", "actions", "people", "history"]
    assert data["meta"]["store"] == {"format": "minutes-store", "schema": 3}

    class ById(Table):  # documents are keyed by our hex ids, not TinyDB's numbers
        document_id_class = str

    class Reader(TinyDB):
        table_class = ById

    with Reader(path, storage=AtomicStorage, access_mode="r") as db:
        texts = {doc["text"] for doc in db.table("actions").all()}
        assert "Selvittää salin hinnan" in texts
        assert {doc.doc_id for doc in db.table("actions")} == {a.id for a in filled.actions()}
        assert all(doc["source"]["snippet"] for doc in db.table("actions"))  # the cold fields too


def test_tinydb_writes_through_the_storage_and_the_store_sees_it(filled, tmp_path):
    path = tmp_path / "actions.json"
    hall = by_text(filled, "Selvittää salin hinnan")
    filled.note(hall.id, "kysytty")  # in the journal, which TinyDB reads too

    class ById(Table):
        document_id_class = str

    class Writer(TinyDB):
        table_class = ById

    with Writer(path, storage=AtomicStorage) as db:
        actions = db.table("actions")
        assert [n["text"] for n in actions.get(doc_id=hall.id)["notes"]] == ["kysytty"]
        actions.update({"status": "cancelled"}, doc_ids=[hall.id])
    with ActionStore(path) as again:
        assert again.action(hall.id).status == "cancelled"
        assert [n.text for n in again.action(hall.id).notes] == ["kysytty"]


def test_a_listing_reads_the_first_line_only(filled, tmp_path):
    """The snapshot's first line holds what a listing shows, the second the rest: the
    sentence an action came from is not in the first."""
    path = tmp_path / "actions.json"
    first, second = path.read_bytes().split(b"\n")[:2]
    hall = by_text(filled, "Selvittää salin hinnan")
    assert b"Selvitt\xc3\xa4\xc3\xa4 salin hinnan" in first and b'"snippet"' not in first
    assert b'"snippet"' in second and b'"history"' in second
    with ActionStore(path) as store:
        assert store.action(hall.id).text == hall.text
        assert not store._storage.whole  # the second line is not read for that
        assert store.action(hall.id).source["snippet"] == "Selvittää salin hinnan."
        assert store._storage.whole


def test_held_gives_a_cold_field_only_once_read_and_reads_nothing(filled, tmp_path):
    """A screen asks ``held``: None while the second line is unread (and it stays unread),
    the value once anyone has read it, for the records already made too."""
    path = tmp_path / "actions.json"
    hall = by_text(filled, "Selvittää salin hinnan")
    with ActionStore(path) as store:
        action, meeting = store.action(hall.id), store.meeting(hall.meeting.id)
        assert action.held("source") is None and meeting.held("attendees") is None
        assert not store._storage.whole
        store.read_whole()
        assert action.held("source")["snippet"] == "Selvittää salin hinnan."
        assert meeting.held("attendees") == meeting.attendees
        store._storage.forget()  # a new version read later makes new records; these keep theirs
        assert action.source["snippet"] == "Selvittää salin hinnan." and not store._storage.whole
        with pytest.raises(AttributeError):
            action.held("text")  # read with it: no need to ask


def test_a_backup_that_is_the_file_itself_leaves_no_temporary_file(filled, tmp_path):
    """A write killed after keeping its backup leaves ``.bak`` a second name of the file
    itself; the next write's rename of its staged link over it then does nothing (POSIX),
    and that staged name must go as well."""
    path, backup = tmp_path / "actions.json", tmp_path / "actions.json.bak"
    backup.unlink(missing_ok=True)
    os.link(path, backup)
    before = path.read_bytes()
    filled.add("Tilaa kahvit")  # a new action: the store written whole
    assert not list(tmp_path.glob(".actions.json.*.tmp"))
    assert backup.read_bytes() == before != path.read_bytes()


def test_a_missing_store_reads_as_empty_and_is_not_created(tmp_path):
    with ActionStore(tmp_path / "sub" / "actions.json") as store:
        assert store.actions() == []
        assert store.meetings() == []
        assert store.people() == []
    assert not (tmp_path / "sub").exists()


def test_a_write_replaces_the_file_and_keeps_the_previous_version(filled, tmp_path):
    path, backup = tmp_path / "actions.json", tmp_path / "actions.json.bak"
    before = path.read_bytes()
    filled.complete(by_text(filled, "Päivittää verkkosivut").id)  # a line of the journal
    assert path.read_bytes() == before and not backup.exists()
    filled.add("Tilaa kahvit")  # a new action: the store written whole, the journal in it
    assert backup.read_bytes() == before
    assert path.read_bytes() != before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "actions.json", "actions.json.bak", "actions.json.lock"]
    with ActionStore(path) as again:
        assert again.action(by_text(filled, "Päivittää verkkosivut").id).status == "done"


@pytest.mark.parametrize("content, reason", [
    (b'{"meta": {"store": {"format": "minutes-store", "schema": 1}}, "actions": {"a', "not valid JSON"),
    (b"\x00\x01\x02 binary", "not valid JSON"),
    (b"[1, 2, 3]", "not a TinyDB database"),
    (b'{"_default": {"1": {"name": "x"}}}', "not a minutes action store"),
    (b'{"meta": {"store": {"format": "minutes-store", "schema": 99}}}', "newer version of minutes"),
])
def test_a_corrupt_or_foreign_file_is_refused_and_left_as_it_is(filled, tmp_path, content, reason):
    path, backup = tmp_path / "actions.json", tmp_path / "actions.json.bak"
    filled.add("Tilaa kahvit")  # written whole: now there is a .bak
    path.write_bytes(content)
    with ActionStore(path) as store:
        with pytest.raises(CorruptStore) as error:
            store.actions()
        message = str(error.value)
        assert str(path) in message and reason in message and "\n" not in message
        assert "actions.json.bak" in message
        with pytest.raises(CorruptStore):
            store.complete("anything")
        with pytest.raises(CorruptStore):
            store.import_minutes(board())
    assert path.read_bytes() == content
    assert stored(backup)["meta"]["store"]["format"] == "minutes-store"


def test_the_storage_never_writes_over_a_file_it_cannot_read(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text("this is somebody's notes, not a store")
    storage = AtomicStorage(path)
    with pytest.raises(CorruptStore):
        storage.write({"actions": {}})
    assert path.read_text() == "this is somebody's notes, not a store"


def test_an_empty_file_is_no_store_and_is_left_alone(tmp_path):
    """A 0-byte file was read as a new store, and its first write rotated the last good
    backup away (issue 11, item 7)."""
    path = tmp_path / "actions.json"
    path.touch()
    with ActionStore(path) as store:
        with pytest.raises(CorruptStore, match="empty"):
            store.actions()
        with pytest.raises(CorruptStore, match="empty"):
            store.import_minutes(board())
    assert path.read_bytes() == b""


def test_a_second_store_object_sees_the_first_ones_writes(filled, tmp_path):
    other = ActionStore(tmp_path / "actions.json", user="pekka")
    target = by_text(filled, "Selvittää salin hinnan")
    assert other.action(target.id).status == "open"  # cached in ``other`` now
    filled.complete(target.id)
    assert other.action(target.id).status == "done"
    other.note(target.id, "Hoidettu")  # a write from a stale cache must not lose the first
    filled_view = filled.action(target.id)
    assert filled_view.status == "done" and [n.by for n in filled_view.notes] == ["pekka"]
    other.close()


def test_each_change_is_one_write(filled, tmp_path):
    """A change of fields is one line of the journal; any other change, and a batch of
    changes, one write of the snapshot (which the lock file counts)."""
    lock, journal = tmp_path / "actions.json.lock", tmp_path / "actions.json.journal"

    def writes() -> tuple[int, int]:
        lines = journal.read_bytes().count(b"\n") - 1 if journal.exists() else 0
        return int(lock.read_text().split()[0]), lines

    before = writes()
    ids = [a.id for a in filled.actions()]
    filled.complete(*ids)
    assert writes() == (before[0], 1)
    with filled.batch():
        for some_id in ids:
            filled.reopen(some_id)
            filled.note(some_id, "uudestaan")
    assert writes() == (before[0], 2)  # fields of eight actions: one line
    with filled.batch():
        filled.complete(ids[0])
        filled.add("Tilaa kahvit")
    assert writes() == (before[0] + 1, 0)  # the snapshot, with the journal folded in
    filled.complete(ids[1])
    filled.complete(ids[1])  # done already: no change, no write
    assert writes() == (before[0] + 1, 1)


def test_a_failed_write_leaves_the_file_and_what_the_store_shows_as_they_were(filled, tmp_path,
                                                                              monkeypatch):
    path = tmp_path / "actions.json"
    hall = by_text(filled, "Selvittää salin hinnan")
    before = path.read_bytes()

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        filled.complete(hall.id)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert filled.action(hall.id).status == "open"
    filled.complete(hall.id)
    assert filled.action(hall.id).status == "done"
