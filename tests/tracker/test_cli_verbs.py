"""The command line as secretaries and members use it (issue 12): due dates read as the
parser reads them, ids that are never guessed, names resolved as the parser resolves them,
``add`` and ``edit``, "me", the secretary's digest, exports, the meeting view.

Each through ``minutes`` in this process (exit status, stdout, stderr) and the store file.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from store_helpers import BOARD_ACTIONS, board, by_text, minutes
from store_helpers import run_cli as run
from tracker import ActionStore

TYPING_DAY = "2026-12-04"  # a Friday


@pytest.fixture
def path(tmp_path):
    """A store with the board meeting of 3.2.2026 (Finnish minutes)."""
    store_file = tmp_path / "actions.json"
    with ActionStore(store_file, user="anna") as store:
        store.import_minutes(board())
    return store_file


def action_id(path, text: str) -> str:
    with ActionStore(path) as store:
        return by_text(store, text).id


def due_of(path, some_id: str) -> date | None:
    with ActionStore(path) as store:
        return store.action(some_id).due


# -- due dates: one reader ------------------------------------------------------------------


@pytest.mark.parametrize("phrase, expected", [
    ("tammikuussa", "2027-01-31"),
    ("maaliskuun 15.", "2027-03-15"),
    ("joulukuun alussa", "2026-12-07"),
    ("ensi perjantaina", "2026-12-11"),
    ("early January", "2027-01-07"),  # the minutes are Finnish; an English phrase is read too
    ("i början av januari", "2027-01-07"),
    ("2027-02-01", "2027-02-01"),
])
def test_due_reads_a_phrase_as_the_parser_does(path, phrase, expected):
    site = action_id(path, "Päivittää verkkosivut")
    done = run("due", site, *phrase.split(), "--today", TYPING_DAY, "--store", str(path))
    assert done.exit_code == 0, done.stderr
    assert done.stdout == f"{site}  open  -  due {expected}  Päivittää verkkosivut\n"
    assert due_of(path, site) == date.fromisoformat(expected)


@pytest.mark.parametrize("phrase, reason", [
    ("pe 20.3.", "'pe 20.3.': 20.3.2027 is a Saturday, not a Friday"),
    ("tällä viikolla 4", "'tällä viikolla 4': only 'viikolla 4' is a date; 'tällä' is left over"),
    ("pian", "'pian': no date in it (try 2026-03-25, 25.3., next friday or none)"),
])
def test_due_refuses_a_date_that_cannot_be_with_the_reason(path, phrase, reason):
    site = action_id(path, "Päivittää verkkosivut")
    before = path.read_bytes()
    refused = run("due", site, phrase, "--today", TYPING_DAY, "--store", str(path))
    assert refused.exit_code == 2 and refused.stdout == ""
    assert refused.stderr == f"minutes: cannot read the due date {reason}\n"
    assert path.read_bytes() == before


def test_the_library_sets_a_due_date_from_a_phrase_or_a_date(path):
    with ActionStore(path) as store:
        site = by_text(store, "Päivittää verkkosivut").id
        store.set_due(site, "ensi perjantaina", today=date(2026, 12, 4))
        assert store.action(site).due == date(2026, 12, 11)
        store.set_due(site, date(2027, 1, 8))
        assert store.action(site).due == date(2027, 1, 8)
        store.set_due(site, "none")
        assert store.action(site).due is None
        assert [c.new for c in store.history(site) if c.field == "due"] == [
            "2026-12-11", "2027-01-08", None]


# -- ids: at least four characters, never a guess -------------------------------------------


def test_one_character_closes_nothing_and_the_candidates_are_listed(path):
    hall = action_id(path, "Selvittää salin hinnan")
    before = path.read_bytes()
    for short in (hall[:1], hall[:3]):
        refused = run("done", short, "--store", str(path))
        assert refused.exit_code == 2 and refused.stdout == ""
        assert refused.stderr.startswith(f"minutes: {short!r} is too short for an id: type 4 "
                                         "characters or more of one (")
        assert f"{hall} Selvittää salin hinnan" in refused.stderr and refused.stderr.count("\n") == 1
    assert path.read_bytes() == before
    done = run("done", hall[:4], "--store", str(path))
    assert done.exit_code == 0 and done.stdout.startswith(f"{hall}  done")


def test_an_ambiguous_prefix_is_refused_with_the_candidates(path):
    with ActionStore(path) as store:  # two actions whose ids share their first five characters
        ids = {a.text: a.id for a in store.actions()}
    text = path.read_text(encoding="utf-8")
    text = text.replace(ids["Selvittää salin hinnan"], "abcde1").replace(ids["Varaa tilat kevätseminaariin"], "abcde2")
    path.write_text(text, encoding="utf-8")
    refused = run("show", "abcde", "--store", str(path))
    assert refused.exit_code == 2
    assert refused.stderr == ("minutes: 'abcde' is the start of 2 ids: type more of one "
                              "(abcde1 Selvittää salin hinnan; abcde2 Varaa tilat kevätseminaariin)\n")
    assert run("show", "abcde2", "--store", str(path)).stdout.startswith("abcde2  open")


# -- names: read as the parser reads them --------------------------------------------------

PEOPLE = ("Anna Virtanen", "Pekka Nieminen", "Tomi Rask", "Inkeri Salmela", "Joonas Ollikainen")


@pytest.fixture
def people_path(tmp_path):
    """The board meeting with five attendees (and "Tommi", an owner not yet known as Tomi)."""
    store_file = tmp_path / "actions.json"
    with ActionStore(store_file, user="anna") as store:
        store.import_minutes(minutes(*BOARD_ACTIONS, attendees=PEOPLE))
    return store_file


def owners_of(path, some_id):
    with ActionStore(path) as store:
        return store.action(some_id).owners


@pytest.mark.parametrize("typed, owners", [
    (["Inkerille"], ("Inkeri Salmela",)),  # an inflected form
    (["joonas"], ("Joonas Ollikainen",)),  # a first name
    (["Joona"], ("Joonas Ollikainen",)),  # a near miss
    (["Joonas", "Ollikainen"], ("Joonas Ollikainen",)),  # a full name without quotes
    (["Joonas", "Ollikainen", "Anna,", "Pekka"], ("Joonas Ollikainen", "Anna Virtanen", "Pekka Nieminen")),
    (["Tomi Rask"], ("Tomi Rask",)),
])
def test_assign_reads_names_as_the_parser_does(people_path, typed, owners):
    site = action_id(people_path, "Päivittää verkkosivut")
    done = run("assign", site, *typed, "--store", str(people_path))
    assert done.exit_code == 0, done.stderr
    assert owners_of(people_path, site) == owners
    assert done.stdout.startswith(f"{site}  open  {', '.join(owners)}  due 2026-04-30")
    with ActionStore(people_path) as store:
        assert {p.name for p in store.people()} == {*PEOPLE, "Tommi"}  # nobody new


@pytest.mark.parametrize("typed, message", [
    (["Salmi"], "nobody called 'Salmi' in the people registry (closest: Inkeri Salmela)"),
    (["Liisa", "Laine"], "nobody called 'Liisa Laine' in the people registry"),
    (["Anna", "Liisa"], "nobody called 'Anna Liisa' in the people registry (closest: Anna Virtanen)"),
])
def test_assign_refuses_a_name_that_is_nobodys_with_the_closest(people_path, typed, message):
    site = action_id(people_path, "Päivittää verkkosivut")
    before = people_path.read_bytes()
    refused = run("assign", site, *typed, "--store", str(people_path))
    assert refused.exit_code == 2 and refused.stdout == ""
    assert refused.stderr.startswith(f"minutes: {message}")
    assert refused.stderr.endswith(f"; --new adds {' '.join(typed)!r} as a new person\n")
    assert people_path.read_bytes() == before


def test_assign_new_adds_the_person_once(people_path):
    site = action_id(people_path, "Päivittää verkkosivut")
    done = run("assign", site, "Liisa", "Laine", "Inkerille", "--new", "--store", str(people_path))
    assert done.exit_code == 0, done.stderr
    assert owners_of(people_path, site) == ("Liisa Laine", "Inkeri Salmela")
    listed = json.loads(run("actions", "--owner", "Liisa Laine", "--json", "--store", str(people_path)).stdout)
    assert [a["text"] for a in listed] == ["Päivittää verkkosivut"]


def test_owner_finds_a_near_miss_and_an_unknown_owner_is_an_error(people_path):
    listed = json.loads(run("actions", "--owner", "Tommi", "--json", "--store", str(people_path)).stdout)
    assert [a["text"] for a in listed] == ["Varaa tilat kevätseminaariin"]  # Tommi, as stored
    run("alias", "Tommi", "Tomi Rask", "--store", str(people_path))
    for typed in ("Tommi", "Tomille", "tomi"):
        listed = json.loads(run("actions", "--owner", typed, "--json", "--store", str(people_path)).stdout)
        assert [a["owners"] for a in listed] == [["Tomi Rask"]]
    site = action_id(people_path, "Päivittää verkkosivut")
    run("assign", site, "Joonas Ollikainen", "--store", str(people_path))
    for typed in ("Joona", "Joonakselle", "ollikainen"):  # a near miss, an inflected form, a surname
        listed = json.loads(run("actions", "--owner", typed, "--json", "--store", str(people_path)).stdout)
        assert [a["id"] for a in listed] == [site]
    unknown = run("actions", "--owner", "Zorro", "--store", str(people_path))
    assert unknown.exit_code == 2 and unknown.stdout == ""
    assert unknown.stderr == "minutes: nobody called 'Zorro' in the people registry\n"
    for verb in (["export"], ["digest"]):
        assert run(*verb, "--owner", "Zorro", "--store", str(people_path)).exit_code == 2


def test_the_library_assigns_as_the_command_line_does(people_path):
    from tracker import UnknownPerson

    with ActionStore(people_path) as store:
        site = by_text(store, "Päivittää verkkosivut").id
        store.assign(site, "Joonas", "Ollikainen")
        assert store.action(site).owners == ("Joonas Ollikainen",)
        with pytest.raises(UnknownPerson) as refused:
            store.assign(site, "Salmi")
        assert refused.value.closest == ["Inkeri Salmela"]
        assert store.action(site).owners == ("Joonas Ollikainen",)
        with pytest.raises(UnknownPerson):
            store.actions(owner="Zorro")


# -- import: what is not minutes, and a new store --------------------------------------------

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
NOT_MINUTES = {
    "script.py": "import sys\n\n\ndef main():\n    # read the lines\n    print(sys.argv)\n",
    "shopping.txt": "milk\neggs\nbread\n2 apples\ncoffee\n",
    "README.md": "# notes\n\nSome words about a tool.\n\n## Install\n\nRun the installer.\n",
}


@pytest.mark.parametrize("name", NOT_MINUTES)
def test_a_file_that_is_not_minutes_is_refused_unless_forced(tmp_path, name):
    store_file = tmp_path / "actions.json"
    file = tmp_path / name
    file.write_text(NOT_MINUTES[name], encoding="utf-8")
    refused = run("import", str(file), "--store", str(store_file))
    assert refused.exit_code == 2 and refused.stdout == ""
    assert refused.stderr == (f"minutes: {file}: does not look like minutes (no date, attendees, agenda, "
                              "chair, decisions or next meeting found); --force imports it anyway\n")
    assert not store_file.exists()
    forced = run("import", str(file), "--force", "--store", str(store_file))
    assert forced.exit_code == 0 and "imported as" in forced.stdout


def test_the_first_import_says_where_it_created_the_store(tmp_path):
    store_file = tmp_path / "new" / "actions.json"
    store_file.parent.mkdir()
    sample = ROOT / "samples" / "fi-hakuinfo-2026-03-03.txt"
    dry = run("import", str(sample), "--dry-run", "--store", str(store_file))
    assert dry.exit_code == 0 and dry.stderr == "" and not store_file.exists()
    first = run("import", str(sample), "--store", str(store_file))
    assert first.exit_code == 0 and first.stderr == f"minutes: created the store {store_file}\n"
    again = run("import", str(sample), "--store", str(store_file))
    assert again.exit_code == 0 and again.stderr == "" and "unchanged" in again.stdout


# -- add and edit ---------------------------------------------------------------------------


def test_add_the_action_the_parser_missed_to_a_meeting_then_undo(people_path):
    with ActionStore(people_path) as store:
        meeting = store.meetings()[0]
    added = run("add", "Tilaa", "kahvit", "--owner", "Joonas", "Ollikainen", "Inkerille",
                "--due", "ensi", "perjantaina", "--meeting", meeting.id[:4], "--today", TYPING_DAY,
                "--store", str(people_path))
    assert added.exit_code == 0, added.stderr
    new_id = added.stdout.split()[0]
    assert added.stdout == (f"{new_id}  open  Joonas Ollikainen, Inkeri Salmela  due 2026-12-11  "
                            f"Tilaa kahvit  (added to {meeting.id} Hallituksen kokous 2026-02-03)\n")
    listed = json.loads(run("actions", "--meeting", meeting.id, "--json", "--store", str(people_path)).stdout)
    (mine,) = [a for a in listed if a["id"] == new_id]
    assert mine["added"] and mine["meeting"]["id"] == meeting.id and mine["due"] == "2026-12-11"
    shown = run("show", new_id, "--store", str(people_path)).stdout
    assert "tester (add)  action" in shown and "created" in shown
    undone = run("undo", "--store", str(people_path))
    assert undone.exit_code == 0 and f"action {new_id}  created" in undone.stdout
    assert run("show", new_id, "--store", str(people_path)).exit_code == 2


def test_add_to_no_meeting_and_its_refusals(people_path):
    alone = run("add", "Soita kaupungille", "--store", str(people_path))
    assert alone.exit_code == 0 and alone.stdout.endswith("  Soita kaupungille  (added to no meeting)\n")
    listed = run("actions", "--store", str(people_path)).stdout
    assert "Soita kaupungille  [no meeting]" in listed
    before = people_path.read_bytes()
    for args, message in [(["Varaa sali", "--owner", "Zorro"], "nobody called 'Zorro'"),
                          (["Varaa sali", "--due", "pian"], "cannot read the due date 'pian'"),
                          (["Varaa sali", "--meeting", "ffff"], "no meeting has the id 'ffff'"),
                          (["  "], "an action's text cannot be empty")]:
        refused = run("add", *args, "--store", str(people_path))
        assert refused.exit_code == 2 and message in refused.stderr and refused.stderr.count("\n") == 1
    assert people_path.read_bytes() == before


def test_edit_corrects_the_text_and_a_re_import_keeps_the_correction(people_path):
    hall = action_id(people_path, "Selvittää salin hinnan")
    done = run("edit", hall, "--text", "Selvittää", "salin", "ja", "kahvion", "hinnan",
               "--store", str(people_path))
    assert done.exit_code == 0
    assert done.stdout == f"{hall}  open  Pekka Nieminen  due 2026-02-20  Selvittää salin ja kahvion hinnan\n"
    again = run("edit", hall, "--text", "Selvittää salin ja kahvion hinnan", "--store", str(people_path))
    assert again.stdout == f"{hall}  had this text already  Selvittää salin ja kahvion hinnan\n"
    with ActionStore(people_path, user="tester") as store:  # an edited version of the minutes
        store.import_minutes(minutes(*BOARD_ACTIONS, attendees=PEOPLE, edition="2"))
        assert store.action(hall).text == "Selvittää salin ja kahvion hinnan"
        assert len(store.actions()) == 4  # the corrected action is still the minutes' one
    assert run("undo", "--store", str(people_path)).exit_code == 0  # the re-import
    assert run("undo", "--store", str(people_path)).exit_code == 0  # the correction
    with ActionStore(people_path) as store:
        assert store.action(hall).text == "Selvittää salin hinnan"


def test_note_confirms_the_note(people_path):
    hall = action_id(people_path, "Selvittää salin hinnan")
    noted = run("note", hall, "Sali", "varattu", "--store", str(people_path), "--as", "pekka")
    assert noted.exit_code == 0
    assert noted.stdout == f"{hall}  note 1 by pekka: Sali varattu\n        on: Selvittää salin hinnan\n"


def test_the_library_adds_and_edits(people_path):
    with ActionStore(people_path, user="anna") as store:
        meeting = store.meetings()[0].id
        added = store.add("Tilaa kahvit", owners=["Pekka"], due=date(2026, 3, 6), meeting=meeting)
        assert (added.text, added.owners, added.due, added.meeting.id, added.added) == (
            "Tilaa kahvit", ("Pekka Nieminen",), date(2026, 3, 6), meeting, True)
        store.edit(added.id, text="Tilaa kahvit ja pullat")
        assert store.action(added.id).text == "Tilaa kahvit ja pullat"
        assert [c.field for c in store.history(added.id)] == ["created", "text"]  # its own text
        store.undo()
        store.undo()
        assert added.id not in {a.id for a in store.actions()}


# -- me ------------------------------------------------------------------------------------


def test_mine_is_minutes_me_or_me_in_the_config_file(people_path, tmp_path):
    alone = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "MINUTES_ME": ""}
    for env in ({**alone, "MINUTES_ME": "Pekka"}, alone):
        if not env["MINUTES_ME"]:  # me = "…" in config.toml, found through platformdirs
            (tmp_path / "config" / "minutes").mkdir(parents=True)
            (tmp_path / "config" / "minutes" / "config.toml").write_text('me = "pekka nieminen"\n')
        mine = run("actions", "--mine", "--json", "--store", str(people_path), env=env)
        assert mine.exit_code == 0, mine.stderr
        assert [a["text"] for a in json.loads(mine.stdout)] == ["Selvittää salin hinnan"]
        mail = run("digest", "--store", str(people_path), env=env)
        assert mail.stdout.startswith("# Open actions for Pekka Nieminen on ")


def test_mine_without_a_me_says_how_to_set_one(people_path, tmp_path):
    alone = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "MINUTES_ME": ""}
    refused = run("actions", "--mine", "--store", str(people_path), env=alone)
    assert refused.exit_code == 2
    assert refused.stderr == ("minutes: --mine: who is me? set $MINUTES_ME or me = \"Your Name\" in "
                              f"{tmp_path / 'config' / 'minutes' / 'config.toml'}\n")
    whose = run("digest", "--store", str(people_path), env=alone)
    assert whose.exit_code == 2 and whose.stderr == (
        "minutes: whose actions? --owner NAME, --meeting ID or --all (or set $MINUTES_ME)\n")
    nobody = run("actions", "--mine", "--store", str(people_path), env={**alone, "MINUTES_ME": "Zorro"})
    assert nobody.exit_code == 2 and "nobody called 'Zorro'" in nobody.stderr


# -- the secretary's mail ------------------------------------------------------------------


def test_digest_of_a_meeting_is_meetbots_action_items_by_person(people_path):
    with ActionStore(people_path) as store:
        meeting = store.meetings()[0].id
        ids = {a.text: a.id for a in store.actions()}
    mail = run("digest", "--meeting", meeting[:4], "--store", str(people_path))
    assert mail.exit_code == 0, mail.stderr
    assert mail.stdout == (
        "# Action items: Hallituksen kokous 2026-02-03\n\n"
        "## Action items, by person\n\n"
        "* **Anna Virtanen**\n"
        f"  * Lähettää kutsun jäsenille (due 2026-03-05, item 3) `{ids['Lähettää kutsun jäsenille']}`\n"
        "* **Pekka Nieminen**\n"
        f"  * Selvittää salin hinnan (due 2026-02-20, item 2) `{ids['Selvittää salin hinnan']}`\n"
        "* **Tommi**\n"
        f"  * Varaa tilat kevätseminaariin (item 4) `{ids['Varaa tilat kevätseminaariin']}`\n"
        "* **UNASSIGNED**\n"
        f"  * Päivittää verkkosivut (due 2026-04-30, item 5) `{ids['Päivittää verkkosivut']}`\n")
    plain = run("digest", "--meeting", meeting, "--format", "text", "--store", str(people_path)).stdout
    assert plain.splitlines()[:5] == ["Action items: Hallituksen kokous 2026-02-03",
                                      "=" * 43, "", "Action items, by person", "-" * 23]
    assert f"* UNASSIGNED\n  * Päivittää verkkosivut (due 2026-04-30, item 5) {ids['Päivittää verkkosivut']}" in plain


def test_digest_of_every_meeting_names_each_actions_meeting(people_path):
    run("done", action_id(people_path, "Selvittää salin hinnan"), "--store", str(people_path))
    run("add", "Soita kaupungille", "--owner", "Pekka", "--store", str(people_path))
    every = run("digest", "--all", "--format", "text", "--store", str(people_path)).stdout
    pekka = every[every.index("* Pekka Nieminen"):every.index("* Tommi")]
    assert pekka.splitlines()[1:] == [f"  * Soita kaupungille {action_id(people_path, 'Soita kaupungille')}"]
    assert "(due 2026-03-05, Hallituksen kokous 2026-02-03, item 3)" in every


def test_digest_as_a_mail_a_client_opens_ready_to_send(people_path, tmp_path):
    import email
    from email import policy

    with ActionStore(people_path) as store:
        meeting = store.meetings()[0].id
    target = tmp_path / "actions.eml"
    done = run("digest", "--meeting", meeting, "--format", "eml", "--to", "hallitus@example.org",
               "-o", str(target), "--store", str(people_path))
    assert done.exit_code == 0 and done.stdout == ""
    raw = target.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["Subject"] == "Action items: Hallituksen kokous 2026-02-03"
    assert message["To"] == "hallitus@example.org" and message["X-Unsent"] == "1"
    body = message.get_content()
    text = run("digest", "--meeting", meeting, "--format", "text", "--store", str(people_path)).stdout
    assert body.replace("\r\n", "\n") == text
    assert run("digest", "--meeting", meeting, "--to", "a@example.org",
               "--store", str(people_path)).stderr == "minutes: --to is for --format eml\n"


# -- exports -------------------------------------------------------------------------------


def test_export_csv_for_excel_and_icalendar_with_done_and_cancelled(people_path, tmp_path):
    import csv
    import io

    import icalendar

    run("done", action_id(people_path, "Selvittää salin hinnan"), "--store", str(people_path))
    run("cancel", action_id(people_path, "Päivittää verkkosivut"), "--store", str(people_path))
    target = tmp_path / "actions.csv"
    assert run("export", "--format", "csv", "--excel", "-o", str(target), "--store", str(people_path)).exit_code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid;status;due;owners;text;")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 4 and {r["status"] for r in rows} == {"open", "done", "cancelled"}
    ics = run("export", "--format", "ics", "--store", str(people_path)).stdout
    statuses = {str(t["SUMMARY"]): str(t["STATUS"]) for t in icalendar.Calendar.from_ical(ics).walk("VTODO")}
    assert statuses == {"Selvittää salin hinnan": "COMPLETED", "Lähettää kutsun jäsenille": "NEEDS-ACTION",
                        "Päivittää verkkosivut": "CANCELLED"}
    only = run("export", "--format", "ics", "--open-only", "--store", str(people_path)).stdout
    assert [str(t["SUMMARY"]) for t in icalendar.Calendar.from_ical(only).walk("VTODO")] == [
        "Lähettää kutsun jäsenille"]
    for wrong, message in ((["--format", "json", "--excel"], "--excel is for --format csv"),
                           (["--format", "csv", "--open-only"], "--open-only is for --format ics")):
        refused = run("export", *wrong, "--store", str(people_path))
        assert refused.exit_code == 2 and refused.stderr == f"minutes: {message}\n"


# -- the meeting view ------------------------------------------------------------------------


def test_show_a_meeting_gives_what_parse_gives(tmp_path):
    store_file = tmp_path / "actions.json"
    sample = ROOT / "samples" / "en-residency-committee-2026-03-03.txt"
    run("import", str(sample), "--store", str(store_file))
    with ActionStore(store_file) as store:
        (meeting,) = store.meetings()
        count = len(store.actions(status="all"))
    parsed = run("parse", str(sample)).stdout
    shown = run("show", meeting.id[:4], "--store", str(store_file))
    assert shown.exit_code == 0, shown.stderr
    facts = parsed[: parsed.index("\nActions (")]  # title, when, where, chair, secretary,
    assert shown.stdout.startswith(f"{meeting.id}  {facts}")  # attendees, agenda, decisions
    for said in ("Chair:     ", "Secretary: ", "Attendees (", "Agenda (", "Decisions ("):
        assert said in facts
    assert re.search(r"^  \S.* \(.+\)$", facts, re.M)  # an attendee with an organisation or role
    next_meeting = next(line for line in parsed.splitlines() if line.startswith("Next meeting: "))
    assert next_meeting in shown.stdout
    assert f"\nSource: {sample} (text)\n\nActions ({count}):\nID      DUE" in shown.stdout
