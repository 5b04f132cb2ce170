"""Updates, their history, undo, the people registry and the errors of bad ids."""

from __future__ import annotations

from datetime import date

import pytest

from store_helpers import board, by_text
from tracker import ActionStore, AmbiguousId, NothingToUndo, StoreError, UnknownId
from tracker.operations import add_note, set_due, set_status


def test_status_changes_are_recorded_with_who_when_and_what(filled, tmp_path):
    hall = by_text(filled, "Selvittää salin hinnan")
    (change,) = filled.complete(hall.id)
    assert (change.kind, change.subject, change.field, change.old, change.new) == (
        "action", hall.id, "status", "open", "done")
    assert (change.by, change.via) == ("anna", "done")
    assert change.at.endswith("Z") and change.at[:4].isdigit()
    assert filled.complete(hall.id) == []  # done already
    with ActionStore(tmp_path / "actions.json", user="pekka") as pekka:
        pekka.reopen(hall.id[:4])
        pekka.cancel(hall.id)
    history = filled.history(hall.id)
    assert [(c.by, c.field, c.old, c.new) for c in history] == [
        ("anna", "created", None, None),
        ("anna", "status", "open", "done"),
        ("pekka", "status", "done", "open"),
        ("pekka", "status", "open", "cancelled"),
    ]
    assert filled.action(hall.id).status == "cancelled"


def test_assign_due_and_note(filled):
    site = by_text(filled, "Päivittää verkkosivut")
    filled.assign(site.id, "pekka nieminen", "Liisa Laine", new=True)
    filled.set_due(site.id, date(2026, 5, 15))
    filled.note(site.id, "Uusi teema valittu")
    after = filled.action(site.id)
    assert after.owners == ("Pekka Nieminen", "Liisa Laine")  # a known name is canonical
    assert (after.due, after.due_text) == (date(2026, 5, 15), None)
    assert [(n.by, n.text) for n in after.notes] == [("anna", "Uusi teema valittu")]
    assert "Liisa Laine" in [p.name for p in filled.people()]
    assert [c.field for c in filled.history(site.id)] == [
        "created", "owners", "due", "due_text", "notes"]


def test_operations_compose_in_one_change(filled):
    ids = [a.id for a in filled.actions()]
    filled.update(ids[:2], set_status("done"), set_due(None), add_note("Kokouksessa todettu"))
    assert {filled.action(i).status for i in ids[:2]} == {"done"}
    assert len({c.change for c in filled.history() if c.via == "update"}) == 1
    reverted = filled.undo()
    assert {c.subject for c in reverted} == set(ids[:2])
    assert {filled.action(i).status for i in ids[:2]} == {"open"}
    assert filled.action(ids[0]).notes == ()


def test_undo_walks_back_one_change_at_a_time_and_records_itself(filled):
    hall = by_text(filled, "Selvittää salin hinnan")
    filled.complete(hall.id)
    filled.note(hall.id, "Sovittu")
    (undone,) = filled.undo()
    assert undone.field == "notes"
    assert filled.action(hall.id).notes == () and filled.action(hall.id).status == "done"
    filled.undo()
    assert filled.action(hall.id).status == "open"
    undos = [c for c in filled.history(hall.id) if c.via == "undo"]
    assert [(c.field, c.undoes) for c in undos] == [("notes", 3), ("status", 2)]
    filled.undo()  # the import itself: the meeting and its actions go
    assert filled.actions() == [] and filled.meetings() == []
    with pytest.raises(NothingToUndo):
        filled.undo()


def test_undo_of_an_edited_re_import_restores_the_old_version(filled):
    from test_import import edited_board

    before = {a.id: (a.text, a.due, a.vanished) for a in filled.actions()}
    filled.import_minutes(edited_board())
    filled.undo()
    assert {a.id: (a.text, a.due, a.vanished) for a in filled.actions()} == before
    assert filled.import_minutes(board()).status == "unchanged"


@pytest.mark.parametrize("call", [
    lambda s: s.complete("ffffff"),
    lambda s: s.note("", "x"),
    lambda s: s.assign("0", "Anna"),
])
def test_an_unknown_id_is_a_clear_error_and_changes_nothing(filled, tmp_path, call):
    before = (tmp_path / "actions.json").read_bytes()
    with pytest.raises(UnknownId) as error:
        call(filled)
    assert "\n" not in str(error.value)
    assert (tmp_path / "actions.json").read_bytes() == before


def test_a_unique_prefix_of_four_names_an_action_and_a_shorter_one_never_does(filled, tmp_path):
    ids = [a.id for a in filled.actions()]
    for some_id in ids:
        assert filled.action(some_id[:4]).id == some_id
        assert filled.action(some_id.upper()).id == some_id
    before = (tmp_path / "actions.json").read_bytes()
    hall = by_text(filled, "Selvittää salin hinnan").id
    for short in (hall[:1], hall[:3]):
        with pytest.raises(AmbiguousId) as error:
            filled.complete(short)  # `task 2 done` habits: never the action that starts so
        assert str(error.value).startswith(f"{short!r} is too short for an id: type 4 characters")
        assert f"{hall} Selvittää salin hinnan" in str(error.value)
    assert (tmp_path / "actions.json").read_bytes() == before


def test_an_ambiguous_prefix_lists_the_candidates():
    from tracker.ids import find

    tables = {"action": {"abcd01": {"text": "Varaa sali"}, "abcd02": {"text": "Tilaa kahvit"},
                         "9f00aa": {"text": "Muu"}},
              "meeting": {"abcd7e": {"title": "Hallituksen kokous"}}}
    with pytest.raises(AmbiguousId) as error:
        find("ABCD", tables)
    assert str(error.value) == ("'ABCD' is the start of 3 ids: type more of one (abcd01 Varaa sali; "
                                "abcd02 Tilaa kahvit; abcd7e Hallituksen kokous)")
    assert find("abcd7", tables) == ("meeting", "abcd7e")
    with pytest.raises(UnknownId):
        find("9f01", tables)


def test_bad_values_are_store_errors():
    with pytest.raises(StoreError):
        set_status("finished")
    with pytest.raises(StoreError):
        add_note("   ")


def test_an_alias_makes_one_person_of_two(filled):
    venue = by_text(filled, "Varaa tilat kevätseminaariin")
    assert venue.owners == ("Tommi",)
    assert filled.alias("Tommi", "tomi rask") == "Tomi Rask"
    assert filled.action(venue.id).owners == ("Tomi Rask",)
    people = {p.name: p for p in filled.people()}
    assert "Tommi" not in people and people["Tomi Rask"].aliases == ("Tommi",)
    assert people["Tomi Rask"].open_actions == 1
    assert filled.person("TOMMI") == "Tomi Rask"
    assert filled.person("tomi") == "Tomi Rask"  # a first name only one person has
    changes = len(filled.history())
    assert filled.alias("tommi", "Tomi Rask") == "Tomi Rask"  # already: nothing to do
    assert len(filled.history()) == changes
    with pytest.raises(StoreError):
        filled.alias("Tomi Rask", "tomi rask")
    filled.undo()
    assert filled.action(venue.id).owners == ("Tommi",)
    assert {p.name for p in filled.people()} >= {"Tommi", "Tomi Rask"}
