"""The pieces of the action finder, each on minutes written for the test: how a sentence is
read (who does what, in which verb form), how a document is cut into units, who a written
name means, which rules hold and how the scorer weighs them."""

from __future__ import annotations

import pytest

from minutes import parse
from minutes.actions.owners import Roster
from minutes.actions.reading import read
from minutes.actions.rules import KEPT, PROPOSERS, REFUSED, RULES
from minutes.actions.scorer import Weights, load
from minutes.actions.units import sentences, units
from minutes.lang import profile
from minutes.model import Attendee, Minutes, SourceFile
from minutes.readers import read_text
from minutes.structure import ParseState
from minutes.structure import run as structure


def roster(lang: str, *names: str, roles: dict[str, str] | None = None) -> Roster:
    people = [Attendee(n, role=(roles or {}).get(n)) for n in names]
    return Roster(Minutes(SourceFile(None, "text", ""), lang, attendees=people), profile(lang))


FI = ("Aino Lehtinen", "Ville Koski", "Sirpa Mäki")
SV = ("Karin Berg", "Olof Lind", "Emil Nyström")
EN = ("Sam Okafor", "Priya Shah", "Tom Reed")
ROLES = ("Ordförande", "Vice Ordförande", "Sekreterare", "Materialförvaltare")


@pytest.mark.parametrize(
    "lang, names, sentence, subject, form, owners",
    [
        # the doer and a verb that sets work, in each language
        ("fi", FI, "Aino ja Ville selvittävät salin hinnan.", "person", "present", ["Aino Lehtinen", "Ville Koski"]),
        ("fi", FI, "Sirpa M. huolehtii kahvituksesta.", "person", "present", ["Sirpa Mäki"]),
        ("fi", FI, "Villelle annetaan tehtäväksi kysyä tarjous.", "person", "assign", ["Ville Koski"]),
        ("fi", FI, "Tilataan uudet tuolit ennen kevättä.", "none", "passive", []),
        ("fi", FI, "Aino kertoi kevään tapahtumista.", "person", "past", ["Aino Lehtinen"]),
        ("fi", FI, "Aino kertoo kevään tapahtumista.", "person", "past", ["Aino Lehtinen"]),
        ("fi", FI, "Sirpa aikoi soittaa kunnalle.", "person", "future", ["Sirpa Mäki"]),
        ("fi", FI, "Ohjelma sisältää kolme työpajaa.", "thing", "state", []),
        ("fi", FI, "Perjantain ilmoittautumisista vastaa Ville.", "person", "present", ["Ville Koski"]),
        # a topic too long to be a speaker, then who does what
        ("fi", FI, "Kevään ohjelman ja budjetin suunnittelu syyskokousta varten: Aino ja Ville laativat luonnoksen.",
         "person", "present", ["Aino Lehtinen", "Ville Koski"]),
        ("en", EN, "Planning of the autumn programme for the annual meeting: Tom will draft it.",
         "person", "future", ["Tom Reed"]),
        # a necessive says what is to be done, and the thing before it does nothing
        ("fi", FI, "Tiedote on lähetettävä jäsenille.", "thing", "must", []),
        # a report that someone will do something: that someone's task
        ("fi", FI, "Aino kertoi, että Ville tekee julisteen.", "person", "present", ["Ville Koski"]),
        ("en", EN, "Sam said that Tom will book the hall.", "person", "future", ["Tom Reed"]),
        ("sv", SV, "Olof bokar lokalen.", "person", "present", ["Olof Lind"]),
        ("sv", SV, "Karin och Emil tar kontakt med skolan.", "person", "present", ["Karin Berg", "Emil Nyström"]),
        ("sv", SV, "Beställa nya tröjor.", "none", "imperative", []),
        ("sv", SV, "Affischen skickas ut i mars.", "thing", "passive", []),
        ("sv", SV, "Olof har redan ringt kommunen.", "person", "perfect", ["Olof Lind"]),
        ("sv", SV, "Styrelsen uppdrar Emil att skriva kallelsen.", "we", "assign", ["Emil Nyström"]),
        ("sv", SV, "Rapporten ska vara klar i maj.", "thing", "state", []),
        ("en", EN, "Priya will draft the call text.", "person", "future", ["Priya Shah"]),
        ("en", EN, "Tom is still going to ask the venue.", "person", "future", ["Tom Reed"]),
        ("en", EN, "Sam is working on the budget.", "person", "progressive", ["Sam Okafor"]),
        ("en", EN, "Book the hall for May.", "none", "imperative", []),
        ("en", EN, "The slides will be shared with members.", "thing", "passive", []),
        ("en", EN, "Priya presented the accounts.", "person", "past", ["Priya Shah"]),
        ("en", EN, "Assigned the survey to Tom and Priya.", "none", "assign", ["Tom Reed", "Priya Shah"]),
        ("en", EN, "Tom is going to a conference in June.", "person", "progressive", ["Tom Reed"]),
        # roles as the attendees, and their abbreviations
        ("sv", ROLES, "VOrdf och Sekr bokar bussen.", "person", "present", ["Vice Ordförande", "Sekreterare"]),
        ("sv", ROLES, "Ordf ringer skolan.", "person", "present", ["Ordförande"]),
    ],
)
def test_a_sentence_is_read_for_who_does_what(lang, names, sentence, subject, form, owners):
    reading = read(sentence, roster(lang, *names))
    assert (reading.subject, reading.form, reading.owners) == (subject, form, owners)


def test_a_decision_that_gives_someone_a_task_is_read_from_its_clause():
    reading = read("Styrelsen beslutar att Olof skriver kallelsen.", roster("sv", *SV))
    assert reading.clause and reading.owners == ["Olof Lind"] and reading.form == "present"


def test_a_speaker_and_a_plan_in_a_later_clause():
    reading = read("Priya: will send the draft", roster("en", *EN))
    assert reading.prefix_person == "Priya Shah" and reading.subject == "none" and reading.form == "future"
    later = read("Working on the form, then will look into the filters", roster("en", *EN))
    assert later.form == "progressive" and later.later == "future"


def test_an_owner_after_the_task():
    assert read("Uppdatera hemsidan, Olof.", roster("sv", *SV)).trailing == ["Olof Lind"]
    assert read("Map layers - Priya", roster("en", *EN)).trailing == ["Priya Shah"]


def test_roles_resolve_to_who_holds_them():
    r = roster("fi", "Aino Lehtinen", "Ville Koski", roles={"Ville Koski": "siht."})
    r.minutes.secretary = "Ville Koski"
    r = Roster(r.minutes, profile("fi"))
    assert r.resolve("sihteeri") == "Ville Koski"
    assert r.resolve("Villelle") == "Ville Koski"
    assert r.resolve("Pekka") is None


def test_an_abbreviation_meets_only_the_role_it_shortens():
    r = roster("sv", *ROLES)
    assert r.resolve("VOrdf") == "Vice Ordförande"
    assert r.resolve("Mat") == "Materialförvaltare"
    assert r.resolve("Or") is None or r.resolve("Or") == "Ordförande"
    assert r.resolve("V") is None


def test_sentences_are_cut_at_their_ends_but_not_after_an_initial():
    assert sentences("Anna K. ja Ville hoitavat sen. Sirpa kirjoittaa.") == [
        "Anna K. ja Ville hoitavat sen.", "Sirpa kirjoittaa."]
    assert sentences("Budget: 12.3. mennessä") == ["Budget: 12.3. mennessä"]
    # a sum or a measure ends its sentence; a short abbreviation does not
    assert sentences("Kassan är 9 800 kr. Olle skickar bokslutet.") == [
        "Kassan är 9 800 kr.", "Olle skickar bokslutet."]
    assert sentences("Tarvitaan mm. Aino ja Eero.") == ["Tarvitaan mm. Aino ja Eero."]


def _state(text: str, lang: str) -> ParseState:
    return structure(ParseState.start(read_text(text), lang))


def test_units_know_their_heading_parent_and_person():
    text = "\n".join([
        "Team meeting", "Present: Sam Okafor, Priya Shah", "",
        "## Updates", "- Catering", "  - Sam will book the hall.",
        "Priya", "- Will send the invitations", "",
    ]) + "\n"
    found = units(_state(text, "en"))
    book = next(u for u in found if u.text.startswith("Sam will"))
    assert book.heading == "Updates" and book.parent.text == "Catering" and book.depth == 1
    invite = next(u for u in found if u.text.startswith("Will send"))
    assert invite.person == "Priya Shah"


def test_a_line_that_goes_on_below_is_one_unit():
    text = "Kokous\nLäsnä: Aino Lehtinen\n\nAino lähettää kutsun kaikille\njäsenille ensi viikolla.\n"
    found = units(_state(text, "fi"))
    assert [u.text for u in found][-1] == "Aino lähettää kutsun kaikille jäsenille ensi viikolla."


def test_rows_of_a_plan_table_are_units_with_their_header():
    text = "\n".join([
        "Viikkopalaveri", "Läsnä: Aino Lehtinen, Ville Koski", "", "## Seuraava viikko", "",
        "Tekijä | Työ", "---|---", "Aino | **Ma:** raportti <br> **Ti:** testaus", "Ville | Ma-Ke: tietokanta",
    ]) + "\n"
    rows = [u for u in units(_state(text, "fi")) if u.is_row]
    assert [r.row[0] for r in rows] == ["Aino", "Ville"]
    assert rows[0].header == ("Tekijä", "Työ") and rows[0].heading == "Seuraava viikko"
    assert "<br>" not in rows[0].text and "**" not in rows[0].text


def test_a_plan_table_under_a_heading_that_looks_ahead_gives_each_person_a_task():
    text = "\n".join([
        "Viikkopalaveri", "Aika: 4.3.2026", "Läsnä: Aino Lehtinen, Ville Koski", "",
        "## Edellinen viikko", "", "Tekijä | Työ", "---|---", "Aino | raportointi", "Ville | testaus", "",
        "## Seuraava viikko", "", "Tekijä | Työ", "---|---", "Aino | Ma: tietokanta, Ti: demo", "Ville | Ke: esitys",
    ]) + "\n"
    found = [(a.owners, a.text) for a in parse(text, lang="fi").actions]
    assert found == [(["Aino Lehtinen"], "Ma: tietokanta, Ti: demo"), (["Ville Koski"], "Ke: esitys")]


def test_an_owner_line_under_a_task_is_its_owner():
    text = "\n".join([
        "Styrelsemöte", "Datum: 3 mars 2026", "Närvarande: Karin Berg, Olof Lind", "",
        "## Ärenden", "- Lokal till vårfesten", "  - Boka festsalen", "    - Olof fixar.",
    ]) + "\n"
    (action,) = parse(text, lang="sv").actions
    assert action.owners == ["Olof Lind"] and action.text.startswith("Boka festsalen")


def test_every_rule_has_an_id_and_says_what_it_looks_for():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert all(rule.says and rule.id == rule.id.lower() for rule in RULES)
    assert KEPT <= set(ids) and REFUSED <= set(ids) and PROPOSERS <= set(ids)
    assert not (KEPT & REFUSED)


def test_the_shipped_weights_name_only_rules_that_exist():
    weights = load()
    assert set(weights.weights) <= {rule.id for rule in RULES}
    assert 0 < weights.threshold < 1
    assert all(weights.weights[r] > 0 for r in KEPT) and all(weights.weights[r] < 0 for r in REFUSED)


def test_the_scorer_adds_up_the_weights_of_the_rules_that_hold():
    w = Weights(bias=-1.0, weights={"doer-future": 2.0, "maybe": -3.0}, threshold=0.5)
    assert w.score(["doer-future"]) > w.threshold > w.score(["doer-future", "maybe"])
    assert w.score([]) < w.threshold
