"""Importing minutes: one write, idempotent, and an edited version updates in place."""

from __future__ import annotations

import re
from datetime import date

import pytest

from store_helpers import BOARD_ACTIONS, action, board, by_text, minutes, stored
from tracker import ActionStore


def test_a_new_meeting_and_its_actions_in_one_write(store, tmp_path):
    result = store.import_minutes(board())
    assert result.status == "new" and result.changed
    assert [a["text"] for a in result.added] == [a.text for a in BOARD_ACTIONS]
    assert all(re.fullmatch(r"[0-9a-f]{6,}", a["id"]) for a in result.added)
    assert (tmp_path / "actions.json.lock").read_text().split()[0] == "1"  # one write
    stored = store.actions()
    assert {a.status for a in stored} == {"open"}
    assert {a.meeting.id for a in stored} == {result.meeting}
    pekka = by_text(store, "Selvittää salin hinnan")
    assert (pekka.owners, pekka.due, pekka.agenda_item) == (("Pekka Nieminen",), date(2026, 2, 20), "2")
    assert pekka.due_text == "20.2. mennessä" and pekka.source == {"line": 8, "snippet": "Selvittää salin hinnan."}
    assert [p.name for p in store.people()] == ["Anna Virtanen", "Pekka Nieminen", "Tomi Rask", "Tommi"]
    assert [c.field for c in store.history(pekka.id)] == ["created"]


def test_importing_the_same_file_again_changes_nothing(filled, tmp_path):
    path = tmp_path / "actions.json"
    before, stamp = path.read_bytes(), path.stat().st_mtime_ns
    result = filled.import_minutes(board())
    assert result.status == "unchanged" and not result.changed
    assert not result.added and not result.updated and not result.vanished
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stamp


def test_a_dry_run_reports_and_writes_nothing(store, tmp_path):
    path = tmp_path / "actions.json"
    planned = store.import_minutes(board(), dry_run=True)
    assert planned.dry_run and planned.status == "new" and len(planned.added) == 4
    assert "would import as" in planned.summary()
    assert not path.exists()
    done = store.import_minutes(board())
    assert [a["id"] for a in done.added] == [a["id"] for a in planned.added]


def edited_board():
    """The board minutes corrected after the meeting: one action reworded, one dropped,
    one new, one due date moved, the rest as they were."""
    return minutes(
        action("Selvittää salin hinnan ja saatavuuden", "Pekka Nieminen", due=date(2026, 2, 20), item="2", line=8),
        action("Lähettää kutsun jäsenille", "Anna Virtanen", due=date(2026, 3, 12), item="3", line=11),
        action("Päivittää verkkosivut", due=date(2026, 4, 30), item="5", line=18),
        action("Tilaa kahvit seminaariin", "Anna Virtanen", item="4", line=15),
        edition="corrected",
    )


def test_an_edited_version_updates_in_place_and_keeps_what_members_added(filled, tmp_path):
    hall = by_text(filled, "Selvittää salin hinnan")
    invite = by_text(filled, "Lähettää kutsun jäsenille")
    venue = by_text(filled, "Varaa tilat kevätseminaariin")
    site = by_text(filled, "Päivittää verkkosivut")
    filled.complete(hall.id)
    filled.note(hall.id, "Kaupungintalo vapaana")
    filled.cancel(venue.id)

    result = filled.import_minutes(edited_board())

    assert result.status == "updated" and result.meeting == hall.meeting.id
    assert [(u["id"], u["fields"]) for u in result.updated] == [
        (hall.id, ["text"]), (invite.id, ["due", "due_text"])]
    assert [a["text"] for a in result.added] == ["Tilaa kahvit seminaariin"]
    assert result.vanished == [{"id": venue.id, "text": venue.text, "was": "cancelled"}]
    assert result.unchanged == 1  # the web site: only its line moved

    after = filled.action(hall.id)
    assert after.text == "Selvittää salin hinnan ja saatavuuden"
    assert after.status == "done" and [n.text for n in after.notes] == ["Kaupungintalo vapaana"]
    assert [c.field for c in filled.history(hall.id)] == ["created", "status", "notes", "text", "source"]
    assert filled.action(invite.id).due == date(2026, 3, 12)
    assert filled.action(site.id).source["line"] == 18
    gone = filled.action(venue.id)
    assert gone.vanished and gone.status == "cancelled"
    assert len(filled.actions()) == 5 and len(filled.meetings()) == 1

    again = filled.import_minutes(edited_board())
    assert again.status == "unchanged"


def test_a_vanished_action_comes_back_with_its_id(filled):
    venue = by_text(filled, "Varaa tilat kevätseminaariin")
    filled.import_minutes(minutes(*BOARD_ACTIONS[:2], BOARD_ACTIONS[3], edition="without the venue"))
    assert filled.action(venue.id).vanished and filled.action(venue.id).status == "vanished"
    result = filled.import_minutes(minutes(*BOARD_ACTIONS, edition="the venue again"))
    assert result.returned == [{"id": venue.id, "text": venue.text}]
    assert (filled.action(venue.id).status, filled.action(venue.id).vanished) == ("open", False)


def test_a_re_import_keeps_owners_and_due_dates_a_member_set(filled):
    hall = by_text(filled, "Selvittää salin hinnan")
    filled.assign(hall.id, "Anna Virtanen")
    filled.set_due(hall.id, date(2026, 3, 31))
    moved = minutes(
        action("Selvittää salin hinnan", "Pekka Nieminen", due=date(2026, 2, 27), item="2", line=8),
        *BOARD_ACTIONS[1:], edition="hall due moved")
    result = filled.import_minutes(moved)
    assert result.updated == [] and result.unchanged == 4
    kept = filled.action(hall.id)
    assert kept.owners == ("Anna Virtanen",) and kept.due == date(2026, 3, 31)


def test_the_same_title_on_another_date_is_another_meeting(filled):
    # (an action of its own: one repeating an open action of the series is not added again,
    # see test_follow_up.py)
    result = filled.import_minutes(minutes(action("Tilaa kahvit", "Anna Virtanen"), day=date(2026, 3, 3)))
    assert result.status == "new"
    assert len(filled.meetings()) == 2 and len(filled.actions()) == 5
    assert [m.date for m in filled.meetings()] == [date(2026, 3, 3), date(2026, 2, 3)]


def test_owners_go_through_the_people_registry(filled):
    filled.alias("Tommi", "Tomi Rask")
    result = filled.import_minutes(minutes(action("Hoitaa äänentoiston", "tommi", item="4"),
                                           day=date(2026, 3, 3)))
    (added,) = result.added
    assert filled.action(added["id"]).owners == ("Tomi Rask",)


def test_a_dry_run_of_an_edited_version_writes_nothing(filled, tmp_path):
    before = (tmp_path / "actions.json").read_bytes()
    result = filled.import_minutes(edited_board(), dry_run=True)
    assert result.status == "updated" and len(result.updated) == 2 and len(result.vanished) == 1
    assert "would mark as no longer in the minutes" in result.summary()
    assert (tmp_path / "actions.json").read_bytes() == before


def test_a_reworded_action_keeps_its_id_status_notes_and_history(filled):
    """The secretary rewords an action in the same minutes: the same owner and mostly the
    same words (in other forms) make it the same action, updated, not a new one."""
    invite = by_text(filled, "Lähettää kutsun jäsenille")
    filled.complete(invite.id)
    filled.note(invite.id, "Kutsu postitettu")
    before = [(c.field, c.new) for c in filled.history(invite.id)]
    reworded = minutes(
        *BOARD_ACTIONS[:1],
        action("Kutsu jäsenille lähetetään Annalta maaliskuun aikana", "Anna Virtanen",
               due=date(2026, 3, 31), item="3", line=11),
        *BOARD_ACTIONS[2:], edition="the invitation reworded")
    result = filled.import_minutes(reworded)
    assert result.added == [] and result.vanished == []
    assert [(u["id"], u["fields"]) for u in result.updated] == [(invite.id, ["text", "due", "due_text"])]
    after = filled.action(invite.id)
    assert after.text == "Kutsu jäsenille lähetetään Annalta maaliskuun aikana"
    assert after.status == "done" and [n.text for n in after.notes] == ["Kutsu postitettu"]
    assert [(c.field, c.new) for c in filled.history(invite.id)][:len(before)] == before
    assert len(filled.actions()) == 4


@pytest.mark.parametrize("text, owner", [
    ("Lähettää laskun tilintarkastajalle", "Anna Virtanen"),     # the same owner, other words
    ("Kutsu jäsenille lähetetään Pekalta", "Pekka Nieminen"),    # the words, another owner
])
def test_another_action_in_a_re_import_is_not_the_old_one_reworded(filled, text, owner):
    invite = by_text(filled, "Lähettää kutsun jäsenille")
    changed = minutes(*BOARD_ACTIONS[:1], action(text, owner, item="3", line=11), *BOARD_ACTIONS[2:],
                      edition=f"another action: {text} {owner}")
    result = filled.import_minutes(changed)
    assert [a["text"] for a in result.added] == [text]
    assert result.vanished == [{"id": invite.id, "text": invite.text, "was": "open"}]


def test_an_open_action_the_minutes_no_longer_have_is_vanished_until_kept_or_dropped(filled):
    hall = by_text(filled, "Selvittää salin hinnan")          # open
    venue = by_text(filled, "Varaa tilat kevätseminaariin")   # open
    site = by_text(filled, "Päivittää verkkosivut")
    filled.complete(site.id)                                  # done
    result = filled.import_minutes(minutes(BOARD_ACTIONS[1], edition="only the invitation left"))
    assert {(v["id"], v["was"]) for v in result.vanished} == {(hall.id, "open"), (venue.id, "open"),
                                                              (site.id, "done")}
    summary = result.summary()
    assert f"no longer in the minutes: {hall.id}  Selvittää salin hinnan (vanished: keep it with " \
           "reopen, drop it with cancel)" in summary
    assert f"no longer in the minutes: {site.id}  Päivittää verkkosivut (still done)" in summary
    assert [(a.status, a.vanished) for a in map(filled.action, (hall.id, venue.id, site.id))] == [
        ("vanished", True), ("vanished", True), ("done", True)]
    # out of the usual listings, the counts and the overdue list; asked for, there
    assert {a.text for a in filled.actions(status="open")} == {"Lähettää kutsun jäsenille"}
    assert {a.id for a in filled.actions(status="vanished")} == {hall.id, venue.id}
    assert hall.id not in {a.id for a in filled.actions(overdue=True, today=date(2026, 6, 1))}
    assert {p.name: p.open_actions for p in filled.people()}["Pekka Nieminen"] == 0
    # kept: open again, still marked as no longer in the minutes; dropped: cancelled
    filled.reopen(hall.id)
    filled.cancel(venue.id)
    assert (filled.action(hall.id).status, filled.action(hall.id).vanished) == ("open", True)
    assert filled.action(venue.id).status == "cancelled"
    assert [(c.field, c.old, c.new, c.via) for c in filled.history(venue.id)][-2:] == [
        ("status", "open", "vanished", "import"), ("status", "vanished", "cancelled", "cancel")]
    # a kept action is not marked again by the next edit, and one that comes back is open
    again = filled.import_minutes(minutes(BOARD_ACTIONS[1], BOARD_ACTIONS[2], edition="the venue back"))
    assert again.vanished == [] and {r["id"] for r in again.returned} == {venue.id}
    assert filled.action(hall.id).status == "open"


def test_a_store_of_schema_1_is_read_with_its_vanished_open_actions_vanished(filled, tmp_path):
    import json

    path = tmp_path / "actions.json"
    venue = by_text(filled, "Varaa tilat kevätseminaariin")
    data = stored(path)
    data["meta"]["store"]["schema"] = 1  # as the earlier version kept one (one JSON document):
    data["actions"][venue.id]["vanished"] = True  # open, and marked
    path.write_text(json.dumps(data), encoding="utf-8")
    with ActionStore(path) as old:
        assert old.action(venue.id).status == "vanished"
        assert venue.id not in {a.id for a in old.actions(status="open")}
        old.note(venue.id, "still needed?")  # written whole, in this version's form
    written = stored(path)
    assert written["meta"]["store"]["schema"] == 3
    assert written["actions"][venue.id]["status"] == "vanished"
    assert [n["text"] for n in written["actions"][venue.id]["notes"]] == ["still needed?"]
