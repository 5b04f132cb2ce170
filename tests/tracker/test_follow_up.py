"""Follow-through across meetings: the minutes of meeting N+1 settle the actions of meeting N.

Two three-meeting series written for these tests (``samples/series/``): the Finnish village
hall committee (text, and the same minutes as DOCX) and the English allotment society
(Markdown). In meeting 2 one action of meeting 1 is reported done, one dropped, one carried
over (and again in meeting 3, where it is also given anew with a new due date), one is
mentioned so loosely that the change is only proposed, and one is never mentioned.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from datetime import date
from pathlib import Path

import pytest

from minutes.model import AgendaItem, Attendee, Minutes, SourceFile
from store_helpers import action, minutes
from store_helpers import run_cli as run
from tracker import ActionStore
from tracker.agenda import markdown
from tracker.reconcile import PROPOSE
from tracker.series import display_title, series_key

ROOT = Path(__file__).resolve().parents[2]
SERIES = ROOT / "samples" / "series"
FI = [SERIES / f"fi-kylatalo-{n}.txt" for n in (1, 2, 3)]
DOCX = [SERIES / f"fi-kylatalo-{n}.docx" for n in (1, 2, 3)]
EN = [SERIES / f"en-allotments-{n}.md" for n in (1, 2, 3)]


@functools.cache
def parsed(path: Path):
    from minutes import parse

    return parse(path)


@pytest.fixture
def store(tmp_path):
    with ActionStore(tmp_path / "actions.json", user="sihteeri") as opened:
        yield opened


def imported(store: ActionStore, files: list[Path]) -> list:
    return [store.import_minutes(parsed(path)) for path in files]


def find(store: ActionStore, *words: str):
    """The one action whose text has all these words."""
    (found,) = [a for a in store.actions() if all(w in a.text for w in words)]
    return found


def status_changes(store: ActionStore, action_id: str):
    return [c for c in store.history(action_id) if c.field == "status"]


# -- the Finnish series ---------------------------------------------------------------------------


def test_finnish_series_settles_meeting_1_in_meetings_2_and_3(store):
    first, second, third = imported(store, FI)
    m2, m3 = second.meeting, third.meeting
    assert len(first.added) == 6

    # done in meeting 2, with the sentence as evidence in the history
    pump = find(store, "lämpöpumpun huoltosopimuksen")
    assert pump.status == "done"
    (change,) = status_changes(store, pump.id)
    assert (change.old, change.new, change.via, change.by) == ("open", "done", "follow-up", "sihteeri")
    assert change.evidence["sentence"] == "Lämpöpumpun huoltosopimus (Ville): tehty."
    assert change.evidence["word"] == "tehty" and change.evidence["meeting"] == m2
    assert change.evidence["line"] == 26
    (mention,) = pump.mentions
    assert (mention.meeting, mention.status, mention.outcome) == (m2, "done", "applied")
    assert mention.date == date(2026, 2, 10)

    # dropped in meeting 2
    chairs = find(store, "pinottavaa tuolia")
    assert chairs.status == "cancelled"
    (change,) = status_changes(store, chairs.id)
    assert change.new == "cancelled" and change.evidence["word"] == "ei tarpeen"
    assert "seurakunta lahjoitti" in change.evidence["sentence"]

    # carried over in meetings 2 and 3 (kesken), and given again in meeting 3: no duplicate,
    # the new due date taken with its own sentence
    prices = find(store, "vuokrahinnaston")
    assert prices.status == "open" and not status_changes(store, prices.id)
    assert [(m.meeting, m.status, m.word, m.outcome) for m in prices.mentions] == [
        (m2, "open", "kesken", "applied"), (m3, "open", "kesken", "applied")]
    assert prices.mentions[1].sentence.startswith("Vuokrahinnasto verkkosivuilla (Sirpa): kesken")
    assert not [a for a in third.added if "vuokrahinnaston" in a["text"]]
    assert prices.due == date(2026, 4, 30)
    (moved,) = [c for c in store.history(prices.id) if c.field == "due"]
    assert moved.evidence["sentence"] == ("Sirpa päivittää vuokrahinnaston verkkosivuille "
                                          "huhtikuun loppuun mennessä.")

    # a mention that names nobody is only proposed, never applied
    roof = find(store, "katon korjaukseen")
    assert roof.status == "open" and not status_changes(store, roof.id)
    (mention,) = roof.mentions
    assert (mention.meeting, mention.status, mention.word, mention.outcome) == (m2, "done", "hoidettu", "proposed")
    assert mention.score >= PROPOSE and mention.doubt == "the owner is not named"
    (proposed,) = [f for f in second.follow_up if f["id"] == roof.id]
    assert proposed["outcome"] == "proposed" and "Kunnan kanssa" in proposed["sentence"]
    assert proposed["doubt"] == "the owner is not named"

    # never mentioned: untouched
    keys = find(store, "avainluettelon")
    assert keys.status == "open" and keys.mentions == ()
    assert [c.field for c in store.history(keys.id)] == ["created"]

    # meeting 3 settles what meeting 2 left open, and Aino's action of meeting 1
    assert find(store, "sähkösopimuksen").status == "done"
    assert find(store, "hakee tuolit").status == "done"
    band = find(store, "orkesterin")
    assert band.status == "open" and [m.word for m in band.mentions] == ["jatkuu"]
    talkoot = find(store, "talkoolistan")
    assert talkoot.status == "done" and [m.word for m in talkoot.mentions] == ["valmiit"]

    # how many meetings each open action has been carried over
    carried = store.carried_over()
    assert {a.text: carried[a.id] for a in store.actions(status="open")} == {
        "Sirpa päivittää kylätalon vuokrahinnaston verkkosivuille": 2,
        "Mikko lupautui kysymään kunnalta avustusta katon korjaukseen": 2,
        "Tuula tarkistaa avainluettelon": 2,
        "Jouni varaa juhlaan orkesterin": 1,
        "Tuula ja Mikko laativat kesäjuhlan budjetin": 0,
    }
    assert carried[talkoot.id] == 1  # open at meeting 2, done at meeting 3
    assert carried[pump.id] == 0 and carried[chairs.id] == 0


def test_an_action_nobody_mentions_is_untouched_by_the_next_meeting(store):
    imported(store, FI[:2])
    talkoot = find(store, "talkoolistan")  # Aino was away from meeting 2
    assert talkoot.status == "open" and talkoot.mentions == ()
    assert [c.field for c in store.history(talkoot.id)] == ["created"]


def test_the_timeline_shows_an_actions_life_across_meetings(store):
    first, second, third = imported(store, FI)
    prices = find(store, "vuokrahinnaston")
    life = store.timeline(prices.id)
    assert [(m.meeting, m.reason, m.status, m.word) for m in life] == [
        (first.meeting, "created", "open", None),
        (second.meeting, "status word", "open", "kesken"),
        (third.meeting, "status word", "open", "kesken"),
    ]
    assert life[0].sentence == prices.source["snippet"] and life[0].line == 36
    assert all(m.applied for m in life)


def test_undo_takes_back_the_whole_import_with_its_follow_ups(store):
    imported(store, FI[:2])
    pump = find(store, "lämpöpumpun")
    store.undo()
    assert len(store.meetings()) == 1
    assert store.action(pump.id).status == "open" and store.action(pump.id).mentions == ()
    assert find(store, "pinottavaa").status == "open"


def test_a_dry_run_reports_the_follow_ups_and_writes_nothing(store, tmp_path):
    imported(store, FI[:1])
    before = (tmp_path / "actions.json").read_bytes()
    result = store.import_minutes(parsed(FI[1]), dry_run=True)
    assert (tmp_path / "actions.json").read_bytes() == before
    said = {f["text"]: (f["status"], f["outcome"]) for f in result.follow_up}
    assert said == {
        "Ville selvittää lämpöpumpun huoltosopimuksen hinnan kahdelta huoltoliikkeeltä": ("done", "applied"),
        "Sirpa päivittää kylätalon vuokrahinnaston verkkosivuille": ("open", "applied"),
        "Jouni tilaa juhlasaliin 30 uutta pinottavaa tuolia": ("cancelled", "applied"),
        "Mikko lupautui kysymään kunnalta avustusta katon korjaukseen": ("done", "proposed"),
    }
    summary = result.summary()
    assert "would mark done:" in summary and "would cancel:" in summary
    assert "proposed done, not applied:" in summary
    assert '"Lämpöpumpun huoltosopimus (Ville): tehty." (line 26' in summary


def test_the_same_minutes_again_change_nothing(store, tmp_path):
    imported(store, FI[:2])
    before = (tmp_path / "actions.json").read_bytes()
    again = store.import_minutes(parsed(FI[1]))
    assert again.status == "unchanged" and again.follow_up == []
    assert (tmp_path / "actions.json").read_bytes() == before


def test_a_person_can_accept_a_proposed_change(store):
    imported(store, FI[:2])
    roof = find(store, "katon korjaukseen")
    (change,) = [c for c in store.accept(roof.id) if c.field == "status"]
    assert change.new == "done" and "Kunnan kanssa" in change.evidence["sentence"]
    assert store.action(roof.id).mentions[0].outcome == "applied"
    with pytest.raises(ValueError, match="no proposed mention"):
        store.accept(find(store, "avainluettelon").id)


# -- a series written as secretaries write ---------------------------------------------------------

LIBRARY = [SERIES / f"fi-kirjastoseura-{n}.txt" for n in (1, 2, 3)]
LIBRARY_PEOPLE = ("Helmi Järvinen", "Leena Aaltonen", "Olli Kettunen", "Aapo Lindroos", "Riina Saarela")


def written(path: Path, day: date, *actions_) -> Minutes:
    """The minutes in ``path`` with these actions, made by hand: what the follow-up reads is
    the file's own text, whatever the parser finds in it."""
    data = path.read_bytes()
    lines = data.decode("utf-8").splitlines()
    items = [re.match(r"(\d+)\. (.+)", line) for line in lines]
    return Minutes(source=SourceFile(str(path), "text", hashlib.sha256(data).hexdigest()),
                   language="fi", title=lines[0], date=day,
                   attendees=[Attendee(name) for name in LIBRARY_PEOPLE],
                   agenda=[AgendaItem(m.group(1), m.group(2)) for m in items if m],
                   actions=list(actions_))


def library_series(store: ActionStore) -> list:
    return [store.import_minutes(m) for m in (
        written(LIBRARY[0], date(2026, 1, 14),
                action("Helmi kartoittaa lukupiirille sopivat tilat keskustasta", "Helmi Järvinen",
                       due=date(2026, 2, 28), line=21),
                action("Leena viimeistelee ja lähettää hakemuksen säätiölle", "Leena Aaltonen", line=25),
                action("Olli kokoaa syysseminaarin ohjelmaluonnoksen maaliskuun kokoukseen", "Olli Kettunen",
                       line=29),
                action("Olli varaa syysseminaarin puhujat", "Olli Kettunen", due=date(2026, 4, 30), line=29),
                action("Aapo vie jäsenkirjeen seuran verkkosivuille", "Aapo Lindroos", line=33),
                action("Riina tilaa seuralle uudet tarrat", "Riina Saarela", line=35)),
        written(LIBRARY[1], date(2026, 2, 11),
                action("Olli kysyy kaupungilta avustusta syysseminaarin tarjoiluun", "Olli Kettunen", line=32),
                action("Aapo päivittää seuran jäsenrekisterin", "Aapo Lindroos", line=36)),
        written(LIBRARY[2], date(2026, 3, 11),
                action("Helmi lähettää kokouskutsun jäsenille", "Helmi Järvinen", line=33)),
    )]


def said(store: ActionStore, words: str) -> list[tuple]:
    """What later meetings said of the action with these words: (meeting number, status, word,
    outcome, line)."""
    numbers = {m.id: int(m.title.split()[-1][0]) for m in store.meetings()}
    return [(numbers[m.meeting], m.status, m.word, m.outcome, m.line) for m in find(store, words).mentions]


def test_status_lines_in_other_words_and_forms_settle_the_actions_they_name(store):
    library_series(store)
    # inflected and compound forms with the owner named: done (item 1 of the issue)
    assert said(store, "lukupiirille") == [(2, "done", "tehty", "applied", 23)]
    assert said(store, "hakemuksen") == [(2, "done", "lähetetty", "applied", 24)]
    assert find(store, "lukupiirille").status == find(store, "hakemuksen").status == "done"
    # one line, two actions of one owner: it settles the one it fits best (item 2)
    assert said(store, "ohjelmaluonnoksen") == [(2, "open", "kesken", "applied", 25),
                                                (3, "done", "valmis", "applied", 24)]
    assert said(store, "puhujat") == [(3, "done", "tehty", "applied", 23)]
    # a negated past participle: still open; a past participle later: done (item 3)
    assert said(store, "tarrat") == [(2, "open", "ei vielä tilattu", "applied", 26),
                                     (3, "done", "on nyt saatu", "applied", 27)]
    assert find(store, "tarrat").status == "done"
    assert said(store, "jäsenrekisterin") == [(3, "done", "päivitetty", "applied", 25)]
    # done in a past form, but nobody named: proposed, with the doubt
    (mention,) = find(store, "jäsenkirjeen").mentions
    assert (mention.status, mention.word, mention.outcome, mention.doubt) == (
        "done", "viety", "proposed", "the owner is not named")
    assert find(store, "jäsenkirjeen").status == "open"
    # a mention in the previous meeting's section without a status word: carried over
    assert said(store, "tarjoiluun") == [(3, "open", None, "applied", 29)]
    assert find(store, "kokouskutsun").mentions == ()
    # no proposal is left unapplied when the owner is named and one action fits best
    for a in store.actions():
        for m in a.mentions:
            assert m.applied or m.doubt in ("the owner is not named", "few words in common") \
                or m.doubt.startswith("fits "), (a.text, m)


# -- the English series ---------------------------------------------------------------------------


def test_english_series_settles_meeting_1_in_meetings_2_and_3(store):
    _, second, third = imported(store, EN)
    quotes = find(store, "three quotes")
    assert quotes.status == "done"
    (change,) = status_changes(store, quotes.id)
    assert change.evidence["sentence"] == "Shed roof quotes (Owen): done."
    assert change.evidence["meeting"] == second.meeting

    chips = find(store, "wood chip")
    assert chips.status == "cancelled"
    assert status_changes(store, chips.id)[0].evidence["word"] == "dropped"

    waiting = find(store, "waiting list")  # only one: meeting 3's repeat is a carry-over
    assert waiting.status == "open"
    assert [(m.status, m.word) for m in waiting.mentions] == [("open", "ongoing"), ("open", "ongoing")]
    assert waiting.due == date(2026, 4, 30)

    water = find(store, "standpipe")
    assert water.status == "open"
    assert [(m.status, m.outcome) for m in water.mentions] == [("done", "proposed")]

    insurance = find(store, "insurance")
    assert insurance.status == "open" and insurance.mentions == ()
    assert [c.field for c in store.history(insurance.id)] == ["created"]

    swap = find(store, "seed swap")
    assert swap.status == "done" and [m.meeting for m in swap.mentions] == [third.meeting]
    assert find(store, "book the roofer").status == "done"
    gutter = find(store, "gutter")
    assert gutter.status == "open" and gutter.mentions[0].word == "pending"

    carried = store.carried_over()
    assert carried[waiting.id] == 2 and carried[insurance.id] == 2 and carried[water.id] == 2
    assert carried[gutter.id] == 1 and carried[swap.id] == 1 and carried[quotes.id] == 0


# -- the next agenda ------------------------------------------------------------------------------


@pytest.mark.parametrize("files, prefix, heading, items", [
    (FI, "haapaniemen", "# Asialista: Haapaniemen kylätalon toimikunta, kokous 14.4.2026",
     ["Kokouksen avaus", "Edellisen kokouksen muistio", "Avoimet tehtävät", "Muut asiat",
      "Seuraava kokous"]),
    (EN, "riverside", "# Agenda: Riverside Allotment Society: committee meeting 2026-04-16",
     ["Welcome and apologies", "Minutes of the previous meeting and matters arising",
      "Open actions", "Any other business", "Date of next meeting"]),
])
def test_the_next_agenda_lists_the_standing_items_and_exactly_the_open_actions(
        store, files, prefix, heading, items):
    imported(store, files)
    agenda = store.agenda(prefix)
    assert agenda.items == items and agenda.actions_item == 2
    text = markdown(agenda)
    lines = text.splitlines()
    assert lines[0] == heading
    assert [line.split(". ", 1)[1] for line in lines if line[:2] in {f"{n}." for n in range(1, 9)}] == items
    listed = [line[2:] for line in lines if line.startswith("- ")]
    open_actions = store.actions(status="open")
    assert len(listed) == len(open_actions)
    for a in open_actions:
        assert any(line.startswith(a.text) for line in listed), a.text
    closed = [a for a in store.actions(status=("done", "cancelled"))]
    assert closed and not any(line.startswith(a.text) for a in closed for line in listed)
    owners = [line[4:] for line in lines if line.startswith("### ")]
    assert owners == sorted({", ".join(a.owners) or agenda.words["no_owner"] for a in open_actions},
                            key=lambda o: (o == agenda.words["no_owner"], o.casefold()))


def test_the_finnish_agenda_gives_due_dates_and_carry_overs(store):
    imported(store, FI)
    text = markdown(store.agenda("haap"))
    assert "Aika: 14.4.2026 18:00" in text
    assert "### Sirpa Peltokangas\n\n- Sirpa päivittää kylätalon vuokrahinnaston verkkosivuille " \
           "(30.4.2026 mennessä, siirtynyt 2×)" in text
    assert "- Tuula tarkistaa avainluettelon (10.2.2026 mennessä, siirtynyt 2×)" in text


def test_a_series_is_found_by_a_name_prefix_or_a_meeting_id(store):
    imported(store, FI[:2])
    imported(store, EN[:1])
    assert store.find_series("Haapaniemen kylä").name == "haapaniemen kylätalon toimikunta kokous"
    meeting = store.series()[0].meetings[0].id
    assert store.find_series(meeting[:5]).meetings[0].id == meeting
    with pytest.raises(ValueError, match="no series or meeting matches 'zz'"):
        store.find_series("zz")


# -- the DOCX series ------------------------------------------------------------------------------


def test_a_docx_series_is_followed_through_like_its_text(store, tmp_path):
    imported(store, DOCX)
    # what the parser finds in the DOCX (see the report: it misses some actions there)
    chairs = find(store, "pinottavaa tuolia")
    assert chairs.status == "cancelled"
    (change,) = status_changes(store, chairs.id)
    assert change.evidence["word"] == "ei tarpeen" and "paragraph" in change.evidence
    assert "line" not in change.evidence
    prices = find(store, "vuokrahinnaston")
    assert prices.status == "open" and [m.word for m in prices.mentions] == ["kesken", "kesken"]
    assert all(m.paragraph is not None and m.line is None for m in prices.mentions)
    roof = find(store, "katon korjaukseen")
    assert roof.status == "open" and [m.outcome for m in roof.mentions] == ["proposed"]
    assert find(store, "hakee tuolit").status == "done"
    # every action found in both the DOCX and the text series fares the same
    with ActionStore(tmp_path / "text.json") as text_store:
        imported(text_store, FI)
        text_carried, docx_carried = text_store.carried_over(), store.carried_over()
        same = {a.text: a for a in text_store.actions()}
        both = [a for a in store.actions() if a.text in same]
        assert len(both) >= 4
        for a in both:
            t = same[a.text]
            assert a.status == t.status, a.text
            assert [(m.status, m.word, m.outcome) for m in a.mentions] == \
                [(m.status, m.word, m.outcome) for m in t.mentions], a.text
            assert docx_carried[a.id] == text_carried[t.id]
    agenda = store.agenda("haap")
    assert {a.id for a in agenda.actions} == {a.id for a in store.actions(status="open")}


# -- series, staleness ----------------------------------------------------------------------------


@pytest.mark.parametrize("title, language, key", [
    ("Haapaniemen kylätalon toimikunta, kokous 2/2026", "fi", "haapaniemen kylätalon toimikunta kokous"),
    ("MUISTIO – Haapaniemen kylätalon toimikunta 13.1.2026", "fi", "haapaniemen kylätalon toimikunta"),
    ("Hallituksen kokous tiistaina 10.3.2026", "fi", "hallituksen kokous"),
    ("Kulttuuriverkoston tammikuun kokous", "fi", "kulttuuriverkoston kokous"),
    ("Minutes of the Committee meeting, Thursday 12 March 2026", "en", "committee meeting"),
    ("Riverside Allotment Society: committee meeting 3/2026", "en", "riverside allotment society committee meeting"),
    ("Board meeting No. 4, 2026-03-26", "en", "board meeting"),
    ("Protokoll fört vid styrelsemöte i Ekviks konstförening rf 14.3.2026", "sv",
     "styrelsemöte i ekviks konstförening rf"),
    ("3. kokous", None, "kokous"),
    ("Tiimipalaveri <NUMERO>", "fi", "tiimipalaveri"),  # a template's blank left unfilled
    ("Weekly sync <week>", "en", "weekly sync"),
])
def test_the_series_of_a_title(title, language, key):
    assert series_key(title, language) == key


def test_a_title_without_words_gives_the_file_its_series():
    assert series_key("MUISTIO 13.1.2026", "fi", "minutes/kylatoimikunta-2026-01-13.txt") == "kylatoimikunta"
    assert display_title("Hallituksen kokous 2/2026") == "Hallituksen kokous"
    assert display_title("Riverside Allotment Society: committee meeting 3/2026") == \
        "Riverside Allotment Society: committee meeting"


def board_meeting(day: date, *actions_):
    return minutes(*actions_, title=f"Hallituksen kokous {day.month}/{day.year}", day=day,
                   path=f"hallitus-{day}.txt")


def test_stale_actions_are_carried_over_three_times_or_a_month_overdue(store):
    store.import_minutes(board_meeting(date(2026, 1, 13),
                                       action("Selvittää salin hinnan", "Pekka Nieminen"),
                                       action("Päivittää verkkosivut", "Anna Virtanen", due=date(2026, 3, 1)),
                                       action("Tilaa kahvit", "Tomi Rask", due=date(2026, 3, 20))))
    for day in (date(2026, 2, 10), date(2026, 3, 10), date(2026, 4, 14)):
        store.import_minutes(board_meeting(day, action(f"Asia {day}", "Tomi Rask")))
    assert len(store.series()) == 1
    stale = store.stale(today=date(2026, 4, 15))
    assert [(s.action.text, s.carried_over, s.days_overdue) for s in stale] == [
        ("Päivittää verkkosivut", 3, 45),
        ("Tilaa kahvit", 3, 26),
        ("Selvittää salin hinnan", 3, 0),
    ]
    store.complete(stale[0].action.id)
    assert store.stale(today=date(2026, 4, 15), carried=4) == []
    assert [s.action.text for s in store.stale(today=date(2026, 4, 30), carried=4)] == ["Tilaa kahvit"]


def test_a_closed_action_counts_the_meetings_before_it_closed(store):
    store.import_minutes(board_meeting(date(2026, 1, 13), action("Selvittää salin hinnan", "Pekka Nieminen")))
    store.import_minutes(board_meeting(date(2026, 2, 10)))
    hall = find(store, "salin")
    store.complete(hall.id)  # today, after both meetings
    assert store.carried_over()[hall.id] == 1


# -- the command line -----------------------------------------------------------------------------


@pytest.fixture
def fi_store(tmp_path):
    path = tmp_path / "actions.json"
    result = run("import", *map(str, FI), "--store", str(path), "--as", "sirpa")
    assert result.exit_code == 0, result.stderr
    return path


def test_cli_import_dry_run_prints_each_follow_up_with_its_sentence(tmp_path):
    path = tmp_path / "actions.json"
    assert run("import", str(FI[0]), "--store", str(path)).exit_code == 0
    before = path.read_bytes()
    dry = run("import", str(FI[1]), "--dry-run", "--store", str(path))
    assert dry.exit_code == 0 and path.read_bytes() == before
    with ActionStore(path) as store:
        pump, roof = find(store, "lämpöpumpun").id, find(store, "katon").id
    lines = dry.stdout.splitlines()
    (done,) = [line for line in lines if f"would mark done: {pump}" in line]
    assert done.endswith('<- "Lämpöpumpun huoltosopimus (Ville): tehty." (line 26; status word)')
    (maybe,) = [line for line in lines if roof in line]
    assert "proposed done, not applied" in maybe and "the owner is not named" in maybe
    assert any(line.startswith("  would carry over: ") and "(Sirpa): kesken" in line for line in lines)
    as_json = json.loads(run("import", str(FI[1]), "--dry-run", "--json", "--store", str(path)).stdout)
    assert {f["outcome"] for f in as_json[0]["follow_up"]} == {"applied", "proposed"}


def test_cli_meetings_by_series(fi_store):
    run("import", *map(str, EN), "--store", str(fi_store))
    text = run("meetings", "--series", "--store", str(fi_store)).stdout
    assert text.splitlines()[0] == "riverside allotment society committee meeting  [3 meetings; en]"
    assert "haapaniemen kylätalon toimikunta kokous  [3 meetings; fi]" in text
    listed = json.loads(run("meetings", "--series", "--json", "--store", str(fi_store)).stdout)
    assert [(s["name"], [m["date"] for m in s["meetings"]]) for s in listed] == [
        ("riverside allotment society committee meeting", ["2026-01-08", "2026-02-12", "2026-03-12"]),
        ("haapaniemen kylätalon toimikunta kokous", ["2026-01-13", "2026-02-10", "2026-03-10"]),
    ]
    assert listed[1]["meetings"][0]["open"] == 3 and listed[1]["language"] == "fi"


def test_cli_stale_actions(fi_store):
    result = run("actions", "--stale", "--today", "2026-04-20", "--store", str(fi_store))
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "DUE", "STATUS", "CARRIED", "OWNERS", "ACTION"]
    assert len(lines) == 2 and "Tuula tarkistaa avainluettelon" in lines[1] and " 2 " in lines[1]
    listed = json.loads(run("actions", "--stale", "--json", "--today", "2026-06-01",
                            "--store", str(fi_store)).stdout)
    assert {(a["text"], a["carried_over"], a["days_overdue"]) for a in listed} == {
        ("Tuula tarkistaa avainluettelon", 2, 111),
        ("Sirpa päivittää kylätalon vuokrahinnaston verkkosivuille", 2, 32),
        ("Jouni varaa juhlaan orkesterin", 1, 62),
        ("Tuula ja Mikko laativat kesäjuhlan budjetin", 0, 62),
    }
    mine = json.loads(run("actions", "--stale", "--json", "--owner", "Sirpa", "--today", "2026-06-01",
                          "--store", str(fi_store)).stdout)
    assert [a["text"] for a in mine] == ["Sirpa päivittää kylätalon vuokrahinnaston verkkosivuille"]


def test_cli_agenda_as_markdown_and_docx(fi_store, tmp_path):
    md = run("agenda", "--next", "haapaniemen", "--store", str(fi_store))
    assert md.exit_code == 0 and md.stdout.startswith("# Asialista: Haapaniemen kylätalon toimikunta")
    target = tmp_path / "asialista.docx"
    made = run("agenda", "--next", "haap", "--format", "docx", "-o", str(target), "--store", str(fi_store))
    assert made.exit_code == 0, made.stderr
    import docx

    document = docx.Document(str(target))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Heading 1", "Asialista: Haapaniemen kylätalon toimikunta, kokous 14.4.2026")
    assert [text for style, text in paragraphs if style == "List Number"] == [
        "Kokouksen avaus", "Edellisen kokouksen muistio", "Avoimet tehtävät", "Muut asiat",
        "Seuraava kokous"]
    assert ("Heading 2", "3. Avoimet tehtävät") in paragraphs
    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Vastuuhenkilö", "Tehtävä", "Aikataulu"]
    with ActionStore(fi_store) as store:
        open_actions = store.actions(status="open")
    assert sorted(row[1].split(" (")[0] for row in rows[1:]) == sorted(a.text for a in open_actions)
    assert ["Sirpa Peltokangas", "Sirpa päivittää kylätalon vuokrahinnaston verkkosivuille (siirtynyt 2×)",
            "30.4.2026"] in rows


@pytest.mark.parametrize("args, message", [
    (["agenda", "--next", "zzz"], "no series or meeting matches 'zzz'"),
    (["agenda", "--next", "haap", "--format", "docx"], "a DOCX agenda needs a file: add -o FILE"),
    (["agenda"], "required: --next"),
    (["accept", "zzzzzz"], "no action has the id 'zzzzzz'"),
])
def test_cli_follow_up_errors_are_one_line(fi_store, args, message):
    before = fi_store.read_bytes()
    result = run(*args, "--store", str(fi_store))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert message in result.stderr and fi_store.read_bytes() == before


def test_show_gives_an_actions_later_meetings(fi_store):
    with ActionStore(fi_store) as store:
        pump = find(store, "lämpöpumpun").id
    shown = run("show", pump, "--store", str(fi_store)).stdout
    assert "later meetings:\n  2026-02-10 " in shown and "done (tehty): Lämpöpumpun huoltosopimus" in shown
    assert "status: open -> done  <- 'Lämpöpumpun huoltosopimus (Ville): tehty.' (2026-02-10)" in shown


def test_an_edited_version_of_the_minutes_replaces_what_they_said(store, tmp_path):
    imported(store, FI[:1])
    edited = tmp_path / "fi-kylatalo-2.txt"
    text = FI[1].read_text(encoding="utf-8")
    edited.write_text(text, encoding="utf-8")
    from minutes import parse

    store.import_minutes(parse(edited))
    pump, roof = find(store, "lämpöpumpun"), find(store, "katon korjaukseen")
    assert pump.status == "done" and roof.mentions
    # corrected afterwards: the heat pump contract is not signed yet, Mikko's line is gone
    edited.write_text(text.replace("(Ville): tehty.", "(Ville): kesken.")
                          .replace("Kunnan kanssa on puhuttu katon korjausavustuksesta, ja asia on "
                                   "hoidettu.\n", ""),
                   encoding="utf-8")
    result = store.import_minutes(parse(edited))
    assert result.status == "updated"
    pump, roof = store.action(pump.id), store.action(roof.id)
    assert pump.status == "open" and [(m.status, m.word) for m in pump.mentions] == [("open", "kesken")]
    assert roof.mentions == () and roof.status == "open"
    assert find(store, "pinottavaa").status == "cancelled"  # still said, still cancelled
    assert len(store.actions()) == 9
