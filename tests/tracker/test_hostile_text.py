"""Hostile text (issue 11) in the store and on the command line: what people type and
what the minutes say is kept clean, printed as signs, and exported as data.

Items: 2 (``assign``, ``note``, ``--as`` and the store as read keep no control character;
``show``, ``actions``, ``people`` and ``undo`` print none), 3 (CSV formulas, iCalendar
line breaks and controls, Markdown markup), 8 (NFD and curly apostrophes in names given
to the store).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from datetime import date

import icalendar
import orjson
import pytest

from store_helpers import action, by_text, minutes, stored
from store_helpers import run_cli as run
from tracker import ActionStore
from tracker.export import export

ESC = "\x1b"
CLIPBOARD = f"{ESC}]52;c;cm0gLXJmIH4={ESC}\\"  # OSC 52: sets the terminal's clipboard
CLEAR = f"{ESC}[2J"
RLO = "\u202e"  # right-to-left override
SIGNS = (ESC, "\x07", "\x9b", "\x85", RLO, "\u2066", "\x7f")


def raw_controls(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r"
            or "\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069"]


@pytest.fixture
def path(tmp_path):
    store_file = tmp_path / "actions.json"
    with ActionStore(store_file, user="anna") as store:
        store.import_minutes(minutes(
            action("Selvittää salin hinnan", "Pekka Nieminen", due=date(2026, 2, 20), item="2"),
            action("Lähettää kutsun", "Anna Virtanen", due=date(2026, 3, 5), item="3")))
    return store_file


def ids(path) -> dict[str, str]:
    with ActionStore(path) as store:
        return {a.text: a.id for a in store.actions()}


def plant(path, change) -> None:
    """Edit the store file by hand, as someone with write access to its folder could."""
    data = stored(path)
    change(data)
    path.write_bytes(orjson.dumps(data))


# -- item 2: entry points ---------------------------------------------------------------------


def test_assign_note_and_as_keep_no_control_character_or_override(path):
    hall = ids(path)["Selvittää salin hinnan"]
    hostile_name = f"Pekka{CLEAR} {RLO}Nieminen"
    assert run("assign", hall, hostile_name, "--new", "--store", str(path), "--as", f"mal{CLIPBOARD}").exit_code == 0
    assert run("note", hall, f"soitettu {CLIPBOARD} \x9b31m kaupungille{RLO}", "--store", str(path),
               "--as", f"eve\u2066{ESC}[1m").exit_code == 0
    written = path.read_text(encoding="utf-8") + path.with_name("actions.json.journal").read_text(encoding="utf-8")

    assert raw_controls(repr(stored(path))) == []
    assert "\\u001b" not in written and RLO not in written and "\\u009b" not in written
    with ActionStore(path) as store:
        a = store.action(hall)
        assert a.owners == ("Pekka[2J Nieminen",)
        assert a.notes[0].by == "eve[1m" and "]52;c;" in a.notes[0].text
        assert {c.by for c in store.history(hall)} >= {"mal]52;c;cm0gLXJmIH4=\\", "eve[1m"}


# -- item 2: what the command line prints ----------------------------------------------------


@pytest.fixture
def planted(path):
    """A store whose texts, owners, notes and people hold escape sequences and overrides."""
    hall = ids(path)["Selvittää salin hinnan"]

    def change(data):
        doc = data["actions"][hall]
        doc["text"] = f"Selvittää {CLIPBOARD}salin{CLEAR} hinnan {RLO}\x9b31m"
        doc["owners"] = [f"Pekka{ESC}[31m Nieminen"]
        doc["notes"] = [{"at": "2026-02-04T10:00:00Z", "by": f"eve{ESC}]0;pwned\x07",
                         "text": f"huom{CLEAR}\x85"}]
        data["people"][f"Pekka{ESC}[31m Nieminen"] = {"aliases": [f"P{RLO}ekka"]}
        meeting = next(iter(data["meetings"].values()))
        meeting["title"] = f"Hallitus{ESC}]8;;https://example.invalid{ESC}\\"

    plant(path, change)
    return path, hall


@pytest.mark.parametrize("verb", [["show", "HALL"], ["show", "HALL", "--json"], ["actions"],
                                  ["actions", "--json"], ["people"], ["people", "--json"],
                                  ["meetings"], ["export", "--format", "csv"],
                                  ["export", "--format", "md"], ["export", "--format", "ics"],
                                  ["export", "--format", "json"]])
def test_no_verb_prints_a_control_character_or_override(planted, verb):
    path, hall = planted
    result = run(*[hall if word == "HALL" else word for word in verb], "--store", str(path))

    assert result.exit_code == 0, result.stderr
    assert raw_controls(result.stdout + result.stderr) == []
    assert any(word in result.stdout for word in ("Selvitt", "Pekka", "Hallitus"))


def test_undo_prints_what_it_undid_without_control_characters(planted):
    path, hall = planted
    assert run("assign", hall, "Anna Virtanen", "--store", str(path)).exit_code == 0
    result = run("undo", "--store", str(path))

    assert result.exit_code == 0, result.stderr
    assert "Nieminen -> Anna Virtanen" in result.stdout and raw_controls(result.stdout) == []


# -- item 3: exports ----------------------------------------------------------------------------


FORMULAS = ["=HYPERLINK(\"http://example.invalid\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3",
            "@SUM(1,2)", "\tTAB", "\rCR"]


def test_csv_cells_that_a_spreadsheet_would_run_start_with_a_quote(tmp_path):
    with ActionStore(tmp_path / "actions.json", user="anna") as store:
        store.import_minutes(minutes(*[action(text, "Pekka Nieminen") for text in FORMULAS],
                                     title="=cmd|' /C calc'!A0"))
        store.assign(by_text(store, "-2+3").id, "@Pekka", new=True)
        store.note(by_text(store, "@SUM(1,2)").id, "=1+1")
        found = store.actions()
    # the store keeps no CR (a line break instead): give the exporter one as a library user could
    found = [a._replace(text="\rCR") if a.text == "\nCR" else a for a in found]
    rows = list(csv.DictReader(io.StringIO(export(found, "csv"))))

    written = [cell for row in rows for cell in row.values() if cell]
    assert sorted(r["text"] for r in rows) == sorted("'" + text for text in FORMULAS)
    assert all(cell[0] not in "=+-@\t\r" for cell in written)
    assert {r["meeting_title"] for r in rows} == {"'=cmd|' /C calc'!A0"}
    assert "'@Pekka" in {r["owners"] for r in rows}


def test_icalendar_text_has_no_raw_line_break_or_control_character(tmp_path):
    breaks = "one\rtwo\vthree\ffour\x85five\u2028six\x1b[2Jseven\u2029eight"
    with ActionStore(tmp_path / "actions.json", user="anna") as store:
        store.import_minutes(minutes(action("Varaa sali", "Pekka Nieminen", due=date(2026, 3, 5))))
        # the store cleans what it keeps: give the exporter raw text as a library user could
        text = export([a._replace(text=breaks) for a in store.actions()], "ics")

    body = text.replace("\r\n ", "").split("\r\n")  # unfolded content lines
    assert all("\r" not in line and "\n" not in line for line in body)
    assert raw_controls("".join(body)) == [] and "\u2028" not in text and "\u2029" not in text
    (todo,) = icalendar.Calendar.from_ical(text).walk("VTODO")
    assert str(todo["SUMMARY"]).split("\n") == ["one", "two", "three", "four", "five", "six[2Jseven",
                                                 "eight"]


def test_markdown_escapes_owners_titles_and_note_authors(tmp_path):
    with ActionStore(tmp_path / "actions.json", user="<img src=x onerror=alert(1)>") as store:
        store.import_minutes(minutes(action("Varaa sali", "Pekka Nieminen"),
                                     title="<script>alert(1)</script> [x](javascript:alert(1))"))
        a = store.actions()[0]
        store.assign(a.id, "[Pekka](javascript:alert(2))", "<b>Anna</b>", new=True)
        store.note(a.id, "ok")
        text = export(store.actions(), "md")
        mail = store.digest("[Pekka](javascript:alert(2))")

    for written in (text, mail):
        assert not re.search(r"(?<!\\)<(script|b|img)", written)
        assert not re.search(r"(?<!\\)\]\(javascript:", written)
    assert "\\<script\\>" in text and "\\[Pekka\\](javascript:alert(2))" in text
    assert "\\<img src=x onerror=alert(1)\\>" in text


# -- item 8: names in other Unicode forms ---------------------------------------------------------


def test_an_nfd_name_given_to_assign_is_the_same_person(tmp_path):
    with ActionStore(tmp_path / "actions.json", user="anna") as store:
        store.import_minutes(minutes(action("Varaa sali", "Anna Mäkinen"), attendees=("Anna Mäkinen",)))
        a = store.actions()[0]
        store.assign(a.id, unicodedata.normalize("NFD", "Anna Mäkinen"))
        people = [p.name for p in store.people()]
        owners = store.action(a.id).owners

    assert people == ["Anna Mäkinen"] and owners == ("Anna Mäkinen",)


def test_a_curly_and_a_straight_apostrophe_are_one_person_in_the_store(tmp_path):
    with ActionStore(tmp_path / "actions.json", user="anna") as store:
        store.import_minutes(minutes(action("Book the hall", "Conor O’Neill"), attendees=("Conor O’Neill",),
                                     language="en"))
        a = store.actions()[0]
        store.assign(a.id, "Conor O'Neill")
        assert [p.name for p in store.people()] == ["Conor O’Neill"]
        assert store.action(a.id).owners == ("Conor O’Neill",)
        assert [x.id for x in store.actions(owner="conor o'neill")] == [a.id]
