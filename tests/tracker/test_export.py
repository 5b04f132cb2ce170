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
        action(LONG, "Anna Virtanen", "Tomi Aho", due=date(2026, 3, 5), item="3"),
        action("Varaa tilat | *kevät*seminaariin", "Tomi Aho", item="4"),
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
    assert long["owners"] == "Anna Virtanen; Tomi Aho" and long["due"] == "2026-03-05"
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
    assert "Varaa tilat \\| \\*kevät\\*seminaariin — Tomi Aho; item 4" in text
    assert "  - Koulu vastaa maanantaina, ehkä (anna, " in text


def test_icalendar_has_one_todo_per_open_action_with_a_due_date(store):
    found = stocked(store)
    text = export(found, "ics")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text)
    todos = calendar.walk("VTODO")
    expected = [a for a in found if a.status == "open" and a.due]
    assert len(todos) == len(expected) == 2
    for todo, a in zip(todos, expected):
        assert str(todo["SUMMARY"]) == a.text
        assert todo.decoded("DUE") == a.due
        assert str(todo["STATUS"]) == "NEEDS-ACTION"
        assert str(todo["UID"]).startswith(a.id)
    long = todos[1]
    assert "Owners: Anna Virtanen, Tomi Aho" in str(long["DESCRIPTION"])
    assert "Koulu vastaa\nmaanantaina, ehkä" in str(long["DESCRIPTION"])


def test_an_empty_export_is_still_readable(store):
    assert export([], "md") == ""
    assert json.loads(export([], "json")) == []
    assert list(csv.reader(io.StringIO(export([], "csv"))))[0][0] == "id"
    assert icalendar.Calendar.from_ical(export([], "ics")).walk("VTODO") == []


def test_a_digest_groups_one_persons_open_actions(store):
    stocked(store)
    store.set_due(by_text(store, "Varaa tilat | *kevät*seminaariin").id, date(2026, 3, 20))
    tomi = store.digest("tomi", today=TODAY)
    assert tomi.splitlines()[0] == "# Open actions for Tomi Aho on 2026-03-01: 2"
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
