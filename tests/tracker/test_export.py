"""Every export read back by a real reader: csv, json, icalendar; and the digest."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import icalendar

from store_helpers import TODAY, action, by_text, minutes
from tracker.export import digest, export

LONG = ("Selvittää yhdessä kaupungin, seurakunnan ja kyläyhdistyksen kanssa, voisiko kevään "
        "seminaarin pitää koululla; kysyä myös \"äänentoistosta\" ja ruokailusta \\ tarjoilusta")


def stocked(store):
    store.import_minutes(minutes(
        action("Selvittää salin hinnan", "Pekka Nieminen", due=date(2026, 2, 20), item="2"),
        action(LONG, "Anna Virtanen", "Tomi Rask", due=date(2026, 3, 5), item="3"),
        action("Varaa tilat | *kevät*seminaariin", "Tomi Rask", item="4"),
        action("Päivittää verkkosivut", due=date(2026, 4, 30), item="5"),
    ))
    store.complete(by_text(store, "Päivittää verkkosivut").id)
    store.note(by_text(store, LONG).id, "Koulu vastaa\nmaanantaina, ehkä")
    return store.actions()


def test_csv_reads_back_with_the_csv_module(store):
    found = stocked(store)
    rows = list(csv.DictReader(io.StringIO(export(found, "csv"))))
    assert [r["id"] for r in rows] == [a.id for a in found]
    long = next(r for r in rows if r["text"] == LONG)
    assert long["owners"] == "Anna Virtanen; Tomi Rask" and long["due"] == "2026-03-05"
    assert long["meeting_title"] == "Hallituksen kokous" and long["agenda_item"] == "3"
    assert long["notes"].endswith("anna: Koulu vastaa\nmaanantaina, ehkä")
    assert {r["status"] for r in rows} == {"open", "done"}


def test_json_reads_back_with_the_json_module(store):
    found = stocked(store)
    rows = json.loads(export(found, "json"))
    assert rows == [a.to_json() for a in found]
    first = rows[0]
    assert set(first) >= {"id", "text", "owners", "due", "status", "meeting", "agenda_item", "notes"}
    assert set(first["meeting"]) == {"id", "title", "date"}
    assert first["due"] == "2026-02-20" and first["meeting"]["date"] == "2026-02-03"


def test_markdown_is_a_checklist_per_meeting(store):
    text = export(stocked(store), "md")
    assert text.startswith("## Hallituksen kokous (2026-02-03)\n\n")
    assert "- [x] Päivittää verkkosivut — due 2026-04-30; item 5" in text
    assert "Varaa tilat \\| \\*kevät\\*seminaariin — Tomi Rask; item 4" in text
    assert "  - Koulu vastaa maanantaina, ehkä (anna, " in text


def test_icalendar_has_one_todo_per_action_with_a_due_date_done_and_cancelled_kept(store):
    found = stocked(store)
    store.cancel(by_text(store, "Selvittää salin hinnan").id)
    found = store.actions()
    text = export(found, "ics")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    todos = icalendar.Calendar.from_ical(text).walk("VTODO")
    expected = [a for a in found if a.due]
    assert len(todos) == len(expected) == 3
    for todo, a in zip(todos, expected):
        assert str(todo["SUMMARY"]) == a.text
        assert todo.decoded("DUE") == a.due
        assert str(todo["UID"]).startswith(a.id)
    assert [str(t["STATUS"]) for t in todos] == ["CANCELLED", "NEEDS-ACTION", "COMPLETED"]
    assert "COMPLETED" in todos[2] and "COMPLETED" not in todos[1]
    long = todos[1]
    assert "Owners: Anna Virtanen, Tomi Rask" in str(long["DESCRIPTION"])
    assert "Koulu vastaa\nmaanantaina, ehkä" in str(long["DESCRIPTION"])
    only_open = icalendar.Calendar.from_ical(export(found, "ics", open_only=True)).walk("VTODO")
    assert [str(t["SUMMARY"]) for t in only_open] == [LONG]


def test_csv_for_excel_has_a_bom_and_semicolons(store):
    found = stocked(store)
    text = export(found, "csv", excel=True)
    assert text.startswith("\ufeffid;status;due;owners;text;")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert [r["id"] for r in rows] == [a.id for a in found]
    assert next(r for r in rows if r["text"] == LONG)["owners"] == "Anna Virtanen; Tomi Rask"


def test_an_empty_export_is_still_readable(store):
    assert export([], "md") == ""
    assert json.loads(export([], "json")) == []
    assert list(csv.reader(io.StringIO(export([], "csv"))))[0][0] == "id"
    assert icalendar.Calendar.from_ical(export([], "ics")).walk("VTODO") == []


def test_a_digest_groups_one_persons_open_actions(store):
    stocked(store)
    store.set_due(by_text(store, "Varaa tilat | *kevät*seminaariin").id, date(2026, 3, 20))
    tomi = store.digest("tomi", today=TODAY)
    assert tomi.splitlines()[0] == "# Open actions for Tomi Rask on 2026-03-01: 2"
    assert tomi.index("## Due in the next 7 days") < tomi.index("## Later")
    assert "Selvittää yhdessä" in tomi and "Pekka" not in tomi
    plain = store.digest("Pekka Nieminen", today=TODAY, format="text")
    assert plain.splitlines()[:4] == [
        "Open actions for Pekka Nieminen on 2026-03-01: 1",
        "================================================",
        "",
        "Overdue:",
    ]
    assert "Selvittää salin hinnan (due 2026-02-20 · Hallituksen kokous 2026-02-03, item 2)" in plain
    assert "Nothing open." in digest([], "Nobody", TODAY)


def test_a_meetings_digest_is_its_action_items_by_person_then_the_unassigned(store):
    stocked(store)
    meeting = store.meetings()[0].id
    text = store.digest(meeting=meeting, format="text")
    people = [line for line in text.splitlines() if line.startswith("* ")]
    assert people == ["* Anna Virtanen", "* Pekka Nieminen", "* Tomi Rask", "* UNASSIGNED"]
    assert text.count("Selvittää yhdessä") == 2  # Anna's and Tomi's
    assert text.endswith("* UNASSIGNED\n  * (none)\n")  # the unassigned one is done
    assert store.digest(format="text", today=TODAY).startswith(
        "Open action items of every meeting, 2026-03-01\n")


def test_a_digest_as_a_mail_message(store):
    import email
    from email import policy

    stocked(store)
    raw = store.digest("Tomi", today=TODAY, format="eml", to=["tomi@example.org"])
    message = email.message_from_string(raw, policy=policy.default)
    assert (message["Subject"], message["To"], message["X-Unsent"]) == (
        "Open actions for Tomi Rask, 2026-03-01", "tomi@example.org", "1")
    assert message.get_content().replace("\r\n", "\n") == store.digest("Tomi", today=TODAY, format="text")
