"""The steps of ``tracker.reconcile``, each on its own: finding the status lines, matching
them with open actions, deciding which action a line settles, and the report with the
repeats. The lines and actions here are written for these tests."""

from __future__ import annotations

import pytest

from minutes.people import PeopleIndex
from minutes.readers import read_text
from tracker.people import People
from tracker.reconcile import (
    APPLY,
    PROPOSE,
    Candidate,
    Matcher,
    Sentence,
    Vocabulary,
    decide,
    match,
    repeats,
    report,
    status_lines,
)
from tracker.reconcile import sentences as read_sentences

PEOPLE = ("Helmi Järvinen", "Leena Aaltonen", "Olli Kettunen", "Aapo Lindroos", "Riina Saarela",
          "Owen Marsh", "Tobias Reed", "Greta Lind", "Nils Berg")
MEETING = {"id": "m1", "title": "Hallituksen kokous 1/2026", "date": "2026-01-14"}


# -- 1. status words and status lines -----------------------------------------------------------


@pytest.mark.parametrize("language, text, said", [
    ("fi", "Lukupiiritilat (Helmi): tehty.", [("done", "tehty")]),
    ("fi", "Tarrat (Riina): ei vielä tilattu.", [("open", "ei vielä tilattu")]),
    ("fi", "Jäsenkirje on viety verkkosivuille.", [("done", "viety")]),  # a listed word
    ("fi", "Jäsenkirje on siirretty verkkosivuille.", [("done", "on siirretty")]),
    ("fi", "Riina kertoi, että tarrat on nyt saatu.", [("done", "on nyt saatu")]),
    ("fi", "Kutsut ovat jo lähetetty.", [("done", "lähetetty")]),  # a listed word is itself
    ("fi", "Esite ei ole painettu.", [("open", "ei ole painettu")]),
    ("fi", "Apurahahakemus (Leena): lähetetty 9.2., tehty.", [("done", "lähetetty"), ("done", "tehty")]),
    ("fi", "Esite valmis 15.3. mennessä.", []),  # a due date
    ("fi", "Kalenteri (Olli): kesken.", [("open", "kesken")]),
    ("fi", "Tehtävät eivät jakaudu jäsenten kesken tasaisesti.", []),  # a postposition
    ("fi", "Työ on kesken.", [("open", "kesken")]),
    ("fi", "Retki (Aapo): ei tarpeen.", [("cancelled", "ei tarpeen")]),
    ("sv", "Affischen är skickad till tryckeriet.", [("done", "skickad")]),
    ("sv", "Nils har fixat lokalen.", [("done", "fixat")]),
    ("sv", "Nils har målat skylten.", [("done", "har målat")]),
    ("sv", "Inbjudan är nu ordnad.", [("done", "är nu ordnad")]),
    ("sv", "Budgeten är inte gjord.", [("open", "inte gjord")]),
    ("en", "The invitation has been sent.", [("done", "has been sent")]),
    ("en", "The survey was done on Monday.", [("done", "done")]),
    ("en", "The survey was printed on Monday.", []),  # not a listed one
    ("en", "The survey has been printed.", [("done", "has been printed")]),
    ("en", "The hall was booked.", [("done", "was booked")]),
    ("en", "The budget was discussed.", []),  # only listed participles after "was"
    ("en", "Owen has booked the roofer.", [("done", "has booked")]),
    ("en", "Quotes (Owen): not yet done.", [("open", "not yet done")]),
    ("en", "The report is done by Friday.", []),  # a due date
])
def test_status_words_and_past_forms(language, text, said):
    found = Vocabulary(language).statuses(text)
    assert [(status, words) for _, status, words, _ in found] == said
    for start, _, words, _ in found:
        assert text[start:start + len(words)] == words


def test_status_lines_are_sentences_with_a_status_word_or_in_matters_arising():
    text = ("Hallituksen kokous\n\n1. Avaus\n\nKokous avattiin. Työ on valmis.\n\n"
            "2. Edellisen kokouksen muistio\n\nLukupiiri kokoontuu työväentalolla.\n\n"
            "| Tehtävä | Vastuu | Tila |\n|---|---|---|\n| Tarrat | Riina | avoin |\n\n"
            "3. Muut asiat\n\nMatters arising: the old sign.\n\nEi muuta.\n")
    words = Vocabulary("fi")
    from minutes import parse

    document = read_text(text)
    minutes = parse(text)
    found = read_sentences(minutes, words, document)
    lines = status_lines(found, words)
    said = [(line.sentence.text, line.sentence.arising, [s[1] for s in line.statuses]) for line in lines]
    assert said == [
        ("Työ on valmis.", False, ["done"]),
        ("Lukupiiri kokoontuu työväentalolla.", True, []),  # matters arising: a carry-over
        ("Tehtävä | Vastuu | Tila", True, []),
        ("Tarrat | Riina | avoin", True, ["open"]),          # a table row is one line
        ("the old sign.", True, []),                          # after a Matters arising: label
        ("Ei muuta.", True, []),
    ]
    assert all(line.sentence.line for line in lines)


# -- 2. matching ---------------------------------------------------------------------------------


def prepared(actions: dict[str, tuple[str, list[str]]], lines: list[str], language: str = "fi",
             arising: bool = True):
    """A matcher holding these open actions (id: text, owners), and these lines."""
    words = Vocabulary(language)
    matcher = Matcher(words, PeopleIndex(PEOPLE), People({}))
    candidates = [Candidate.of(aid, {"meeting": "m1", "text": text, "owners": owners, "status": "open"},
                               MEETING, matcher) for aid, (text, owners) in actions.items()]
    found = [Sentence(text, line=n, arising=arising) for n, text in enumerate(lines, 1)]
    matcher.like.count(*(c.terms for c in candidates), *(matcher.text_terms(s.text)[1] for s in found))
    matcher.add(candidates)
    return matcher, status_lines(found, words)


def scored(actions, lines, **kwargs) -> dict[tuple[int, str], tuple[int, str, str, str | None]]:
    matcher, found = prepared(actions, lines, **kwargs)
    return {(p.line.sentence.line, p.candidate.id): (p.score, p.owner, p.status, p.word)
            for p in match(found, matcher)}


def test_a_status_line_matches_through_inflection_and_compounds_with_its_owner_named():
    pairs = scored({
        "tila": ("Helmi kartoittaa lukupiirille sopivat tilat keskustasta", ["Helmi Järvinen"]),
        "haku": ("Leena viimeistelee ja lähettää hakemuksen säätiölle", ["Leena Aaltonen"]),
        "roof": ("Olli kysyy kunnalta avustusta katon korjaukseen", ["Olli Kettunen"]),
    }, ["Lukupiiritilat (Helmi): tehty.",
        "Apurahahakemus (Leena): lähetetty 9.2., tehty.",
        "Ollin mukaan kunnan kanssa on puhuttu ja asia on hoidettu."])
    assert set(pairs) == {(1, "tila"), (2, "haku"), (3, "roof")}  # no line is about another's
    assert all(score >= APPLY and owner == "named" and status == "done"
               for score, owner, status, _ in pairs.values())
    assert pairs[2, "haku"][3] == "lähetetty" and pairs[3, "roof"][3] == "hoidettu"


def test_the_owner_counts_heavily():
    actions = {"tila": ("Helmi kartoittaa lukupiirille sopivat tilat keskustasta", ["Helmi Järvinen"])}
    named = scored(actions, ["Lukupiiritilat (Helmi): tehty."])[1, "tila"]
    nobody = scored(actions, ["Lukupiiritilat: tehty."])[1, "tila"]
    assert named[1] == "named" and nobody[1] == "nobody" and named[0] - nobody[0] >= 30
    # a line that names only somebody else is not about the action at all
    assert scored(actions, ["Lukupiiritilat (Olli): tehty."]) == {}
    # one word in common is a coincidence when nobody is named and the line says more
    assert scored(actions, ["Keskustasta on löytynyt uusi kahvila, joka on avattu."]) == {}


def test_words_most_actions_share_say_little():
    actions = {f"a{n}": (f"Olli päivittää seuran {thing}", ["Olli Kettunen"])
               for n, thing in enumerate(("verkkosivut", "jäsenrekisterin", "esitteen", "kalenterin"))}
    pairs = scored(actions, ["Olli: päivitetty seuran kalenteri."])
    best = max(pairs, key=lambda key: pairs[key][0])
    assert best == (1, "a3")
    assert all(score < pairs[best][0] for key, (score, *_) in pairs.items() if key != best)


# -- 3. deciding ---------------------------------------------------------------------------------


SEMINAR = {
    "ohjelma": ("Olli kokoaa syysseminaarin ohjelmaluonnoksen", ["Olli Kettunen"]),
    "puhujat": ("Olli varaa syysseminaarin puhujat", ["Olli Kettunen"]),
}


def decided(actions, lines, **kwargs):
    matcher, found = prepared(actions, lines, **kwargs)
    return {aid: (d.outcome, d.pair.status, d.pair.line.sentence.line, d.doubt)
            for aid, d in decide(match(found, matcher)).items()}


def test_a_line_settles_the_one_action_it_fits_best_and_leaves_the_other_alone():
    assert decided(SEMINAR, ["Syysseminaarin ohjelmaluonnos (Olli): kesken."]) == {
        "ohjelma": ("applied", "open", 1, None)}


def test_a_line_that_fits_two_actions_as_well_is_a_doubt_and_settles_neither():
    assert decided(SEMINAR, ["Syysseminaari (Olli): kesken."]) == {
        "ohjelma": ("proposed", "open", 1, "fits 2 actions as well"),
        "puhujat": ("proposed", "open", 1, "fits 2 actions as well")}


def test_an_action_takes_the_best_line_about_it():
    lines = ["Syysseminaari (Olli): kesken.",                       # a doubt for both
             "Syysseminaarin puhujat (Olli): kaksi on varattu, tehty.",
             "Olli kertoi syysseminaarin ohjelmaluonnoksesta."]     # matters arising, no word
    assert decided(SEMINAR, lines) == {
        "puhujat": ("applied", "done", 2, None),     # applied beats a doubt
        "ohjelma": ("applied", "open", 3, None)}     # even one without a status word


def test_a_proposal_says_why_it_was_not_applied():
    actions = {"vesi": ("Tobias will ask the water company about a second standpipe", ["Tobias Reed"])}
    assert decided(actions, ["Standpipe and water company: done."], language="en") == {
        "vesi": ("proposed", "done", 1, "the owner is not named")}
    assert decided(actions, ["Tobias says the company phoned twice about fees and meter readings; done."],
                   language="en", arising=False) == {
        "vesi": ("proposed", "done", 1, "few words in common")}
    assert decided(actions, ["Second standpipe (Tobias): done."], language="en")["vesi"][0] == "applied"


def test_swedish_and_english_past_forms_settle_an_action_as_done():
    sv = {"aff": ("Greta beställer affischer till vårfesten", ["Greta Lind"]),
          "lok": ("Nils bokar lokal för vårfesten", ["Nils Berg"])}
    assert decided(sv, ["Greta: affischerna är skickade och beställda.", "Nils har bokat lokalen."],
                   language="sv") == {"aff": ("applied", "done", 1, None), "lok": ("applied", "done", 2, None)}
    en = {"inv": ("Owen sends the invitation to the members", ["Owen Marsh"])}
    assert decided(en, ["The invitation to members has been sent by Owen."], language="en") == {
        "inv": ("applied", "done", 1, None)}


# -- 4. repeats and the report -------------------------------------------------------------------


def new_action(text: str, *owners: str, due: str | None = None, line: int = 30) -> dict:
    return {"text": text, "owners": list(owners), "due": due, "due_text": "31.3." if due else None,
            "agenda_item": None, "source": {"line": line, "snippet": text + "."}}


def test_a_new_action_with_the_owner_and_mostly_the_words_of_an_open_one_repeats_it():
    matcher, _ = prepared({
        "hinta": ("Sirpa päivittää kylätalon vuokrahinnaston verkkosivuille", ["Helmi Järvinen"]),
        "tuoli": ("Jouni tilaa 30 tuolia", ["Olli Kettunen"]),
    }, [])
    incoming = [
        new_action("Helmi päivittää vuokrahinnaston verkkosivuille", "Helmi Järvinen", due="2026-03-31"),
        new_action("Olli päivittää vuokrahinnaston verkkosivuille", "Olli Kettunen"),  # another owner
        new_action("Olli tilaa 40 tuolia", "Olli Kettunen"),                          # other numbers
        new_action("Helmi kysyy verkkosivujen hinnan", "Helmi Järvinen"),            # other words
    ]
    found = repeats(incoming, matcher)
    assert {aid: index for aid, (_, index) in found.items()} == {"hinta": 0}
    result = report({}, found, matcher.candidates, incoming)
    assert result.repeats == {0: "hinta"}
    (f,) = result.follow_ups
    assert (f.action, f.status, f.reason, f.outcome, f.line) == ("hinta", "open", "repeated", "applied", 30)
    assert f.due == "2026-03-31" and f.due_source["snippet"] == incoming[0]["source"]["snippet"]


def test_the_report_follows_the_minutes_order_and_says_what_each_line_did():
    matcher, found = prepared(SEMINAR, ["Syysseminaarin puhujat (Olli): tehty.",
                                        "Syysseminaarin ohjelmaluonnos: kesken."])
    result = report(decide(match(found, matcher)), {}, matcher.candidates, [])
    assert [(f.action, f.status, f.outcome, f.doubt, f.line, f.reason) for f in result.follow_ups] == [
        ("puhujat", "done", "applied", None, 1, "status word"),
        ("ohjelma", "open", "proposed", "the owner is not named", 2, "status word"),
    ]
    assert all(PROPOSE <= f.score <= 100 for f in result.follow_ups)
    assert result.follow_ups[1].to_json()["doubt"] == "the owner is not named"
    assert result.follow_ups[1].mention("m2", "2026-02-11")["doubt"] == "the owner is not named"
