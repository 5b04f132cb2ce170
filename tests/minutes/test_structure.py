"""Table-driven tests of the structure stage: header fields, attendee rows, roles, agenda
items, speakers, decisions and the next meeting, in Finnish, English and Swedish."""

from __future__ import annotations

from datetime import date, time

import pytest

from minutes import parse


def minutes_of(*lines: str, lang: str | None = None):
    return parse("\n".join(lines) + "\n", lang=lang)


@pytest.mark.parametrize(
    "lines, title, day, start, end, location",
    [
        (["Hallituksen kokous", "Aika: 3.2.2026 klo 17.00–18.30", "Paikka: Kirjasto"],
         "Hallituksen kokous", date(2026, 2, 3), time(17), time(18, 30), "Kirjasto"),
        (["MUISTIO", "Verkoston tapaaminen 14.5.2025", "Paikka: Teams."],
         "Verkoston tapaaminen", date(2025, 5, 14), None, None, "Teams"),
        (["Finance Committee meeting", "Date: 3 March 2026", "Time: 18:30-20:00", "Venue: Room 4"],
         "Finance Committee meeting", date(2026, 3, 3), time(18, 30), time(20), "Room 4"),
        (["# Weekly sync", "**Date:** 2026-05-14", "**Location:** Jitsi"],
         "Weekly sync", date(2026, 5, 14), None, None, "Jitsi"),
        (["Protokoll fört vid styrelsemöte", "Datum: 14 mars 2026", "Tid: kl. 17.00–19.00", "Plats: Biblioteket"],
         "Protokoll fört vid styrelsemöte", date(2026, 3, 14), time(17), time(19), "Biblioteket"),
        (["TALVIKYLÄN KYLÄYHDISTYS RY", "Hallituksen kokous 1/2026", "PÖYTÄKIRJA",
          "Aika\t\tmaanantai 12.1.2026 klo 18", "Paikka\t\tKylätalo"],
         "Hallituksen kokous 1/2026", date(2026, 1, 12), time(18), None, "Kylätalo"),
        (["Partners call", "12 October 2025, 10:00–11:00 EEST, Zoom"],
         "Partners call", date(2025, 10, 12), time(10), time(11), "Zoom"),
        (["Garden club meeting, Wednesday 6 May 2026, 7.30pm", "Venue: Village Hall"],
         "Garden club meeting", date(2026, 5, 6), time(19, 30), None, "Village Hall"),
    ],
)
def test_header(lines, title, day, start, end, location):
    m = minutes_of(*lines)
    assert (m.title, m.date, m.start, m.end, m.location) == (title, day, start, end, location)


@pytest.mark.parametrize(
    "rows, expected",
    [
        (["Paikalla:", "Anna\tVirtanen\tKuntaliitto, puheenjohtaja", "Pekka\tNieminen\tKainuun liitto"],
         [("Anna Virtanen", "Kuntaliitto", "puheenjohtaja"), ("Pekka Nieminen", "Kainuun liitto", None)]),
        (["Läsnä:", "Anna Virtanen, Kuntaliitto, pj.", "Pekka Nieminen (Kainuun liitto)"],
         [("Anna Virtanen", "Kuntaliitto", "pj."), ("Pekka Nieminen", "Kainuun liitto", None)]),
        (["Osallistujat: Anna Virtanen, Pekka Nieminen ja Liisa Laine"],
         [("Anna Virtanen", None, None), ("Pekka Nieminen", None, None), ("Liisa Laine", None, None)]),
        (["Present: Sam Okafor (Chair), Priya Shah (Treasurer), Tom Reed"],
         [("Sam Okafor", None, "Chair"), ("Priya Shah", None, "Treasurer"), ("Tom Reed", None, None)]),
        (["## Attendees", "- Sam Okafor (@sokafor, Acme)", "- Jo Lee (remote)"],
         [("Sam Okafor", "Acme", None), ("Jo Lee", None, None)]),
        (["Närvarande:", "Karin Berg – Ekviks kommun (ordförande)", "Olof Lind – Konstföreningen"],
         [("Karin Berg", "Ekviks kommun", "ordförande"), ("Olof Lind", "Konstföreningen", None)]),
        (["Läsnä\t\tTarja Hyvönen, puheenjohtaja", "\t\tMikko Forsberg, jäsen"],
         [("Tarja Hyvönen", None, "puheenjohtaja"), ("Mikko Forsberg", None, "jäsen")]),
        (["| Nimi | Organisaatio | Rooli |", "|---|---|---|", "| Anna Virtanen | Kuntaliitto | pj |",
          "| Pekka Nieminen | Kainuun liitto, kulttuuri |  |"],
         [("Anna Virtanen", "Kuntaliitto", "pj"), ("Pekka Nieminen", "Kainuun liitto, kulttuuri", None)]),
        # a role or a title before the name; "sekä"/"samt"; when someone was there
        (["Paikalla: Anna Virtanen (pj.), Pekka Nieminen, Liisa Laine sekä valmentaja Kari Koski (kohdat 1–3)"],
         [("Anna Virtanen", None, "pj."), ("Pekka Nieminen", None, None), ("Liisa Laine", None, None),
          ("Kari Koski", None, "valmentaja")]),
        (["Present: Sam Okafor (Chair), Dr Priya Shah, Tom Reed", "In attendance: Cllr Jo Lee (Hill Parish Council)"],
         [("Sam Okafor", None, "Chair"), ("Priya Shah", None, None), ("Tom Reed", None, None),
          ("Jo Lee", "Hill Parish Council", None)]),
        (["Närvarande: Karin Berg (ordf.), Olof Lind samt kassör Emil Nyström"],
         [("Karin Berg", None, "ordf."), ("Olof Lind", None, None), ("Emil Nyström", None, "kassör")]),
        (["Läsnä:", "- Anna Virtanen (AV), puheenjohtaja", "- Pekka Nieminen (P.N.)"],
         [("Anna Virtanen", None, "puheenjohtaja"), ("Pekka Nieminen", None, None)]),
        (["Närvarande:\tKarin Berg\tordförande", "\t\tOlof Lind\tledamot", "Adjungerad:\tEmil Nyström\tvaktmästare"],
         [("Karin Berg", None, "ordförande"), ("Olof Lind", None, "ledamot"), ("Emil Nyström", None, "vaktmästare")]),
        # groups that share the organisation after them, no comma between groups
        (["Läsnä: Aino Rautio, Eero Kallio ja Maija Lehto (Kyläyhdistys) Olli Salo (Kemijoen kunta), "
          "Outi Ranta ja Eija Koski (Kainuun liitto)"],
         [("Aino Rautio", "Kyläyhdistys", None), ("Eero Kallio", "Kyläyhdistys", None),
          ("Maija Lehto", "Kyläyhdistys", None), ("Olli Salo", "Kemijoen kunta", None),
          ("Outi Ranta", "Kainuun liitto", None), ("Eija Koski", "Kainuun liitto", None)]),
        # a comma after each group: the names joined by "and" before a parenthesis share it
        (["Paikalla: Henna, Ville, Aino ja Jussi (Kehitysyhtiö), Leo Aro (Kunta)"],
         [("Henna", "Kehitysyhtiö", None), ("Ville", "Kehitysyhtiö", None), ("Aino", "Kehitysyhtiö", None),
          ("Jussi", "Kehitysyhtiö", None), ("Leo Aro", "Kunta", None)]),
        (["Present: Ann Lee (Council, chair), Bob Hart, Cara Fox"],
         [("Ann Lee", "Council", "chair"), ("Bob Hart", None, None), ("Cara Fox", None, None)]),
        # a comma before the last "and"
        (["Participants: Ann Lee, Bob Hart, and Cara Fox"],
         [("Ann Lee", None, None), ("Bob Hart", None, None), ("Cara Fox", None, None)]),
        # HTML line breaks left in Markdown, a bold label
        (["**Läsnä:** Aino Rautio<br />Eero Kallio<br/>Maija Lehto"],
         [("Aino Rautio", None, None), ("Eero Kallio", None, None), ("Maija Lehto", None, None)]),
        # columns aligned with spaces, surname first, a class code after the name
        (["Läsnä", "    Rautio Aino      3B", "    Kallio Eero    4A, 2C", "    Lehto Maija (opettajaedustaja)"],
         [("Rautio Aino", "3B", None), ("Kallio Eero", "4A, 2C", None), ("Lehto Maija", None, "opettajaedustaja")]),
        # everyone, no one named
        (["Osallistujat: Kaikki"], []),
        (["Present: all"], []),
    ],
)
def test_attendee_rows(rows, expected):
    m = minutes_of("Kokous", "Aika: 3.2.2026", *rows, "1. Avaus", "2. Muut asiat")
    assert [(a.name, a.organisation, a.role) for a in m.attendees] == expected


def test_absent_and_chair_and_secretary():
    m = minutes_of(
        "Board meeting", "Date: 4 May 2026",
        "Present: Sam Okafor, Priya Shah, Tom Reed", "Apologies: Jo Lee, Ann Fox",
        "Chair: Sam", "Minutes: Tom Reed",
        "1. Welcome", "2. Budget",
    )
    assert [a.name for a in m.absent] == ["Jo Lee", "Ann Fox"]
    assert m.chair == "Sam Okafor"  # a first name resolves to the attendee
    assert m.secretary == "Tom Reed"


def test_roles_abbreviated_in_swedish():
    m = minutes_of("Kulturrådet", "Datum: 2026-04-08", "Närvarande: Lena Holm (ordf.), Jonas Berg (sekr.), Per Ek",
                   "1. Öppnande", "2. Övrigt", lang="sv")
    assert (m.chair, m.secretary) == ("Lena Holm", "Jonas Berg")


def test_vice_chair_is_not_the_chair():
    m = minutes_of("Kokous", "Läsnä:", "Anna Virtanen, varapuheenjohtaja", "Pekka Nieminen, puheenjohtaja",
                   "1. Avaus", "2. Muut")
    assert m.chair == "Pekka Nieminen"


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["1. Avaus", "Teksti.", "2. Talous", "Teksti 7,7 M€.", "3. Muut asiat"],
         [("1", "Avaus"), ("2", "Talous"), ("3", "Muut asiat")]),
        (["§ 12 Kokouksen avaus", "Avattiin.", "§ 13 Talousarvio", "§ 14 Muut asiat"],
         [("12", "Kokouksen avaus"), ("13", "Talousarvio"), ("14", "Muut asiat")]),
        (["### 1. Avaus", "teksti", "### 2. Hankkeet:", "teksti"], [("1", "Avaus"), ("2", "Hankkeet")]),
        # a heading numbered without a dot; a paragraph so written is no item
        (["## 1 Avaus", "teksti", "## 2 Talous", "3 kpl tuoleja ostetaan.", "## 3 Muut asiat"],
         [("1", "Avaus"), ("2", "Talous"), ("3", "Muut asiat")]),
        # a numbered list inside an item is not the agenda
        (["1. Avaus", "Avattiin.", "2. Hankkeet", "Vaihtoehdot:", "1. Ensimmäinen", "2. Toinen", "Keskusteltiin.",
          "3. Muut asiat"],
         [("1", "Avaus"), ("2", "Hankkeet"), ("3", "Muut asiat")]),
        (["## Release", "text", "## Demo server", "text"], [(None, "Release"), (None, "Demo server")]),
        (["Topic: Budget", "talk", "Topic: AOB"], [(None, "Budget"), (None, "AOB")]),
        # dates and times are never items
        (["12.11.2025 klo 9", "1. Avaus", "2. Muut"], [("1", "Avaus"), ("2", "Muut")]),
        # the number after the title sign
        (["1 §\tKokouksen avaus", "Avattiin.", "2 §   Talousarvio", "3 § Muut asiat"],
         [("1", "Kokouksen avaus"), ("2", "Talousarvio"), ("3", "Muut asiat")]),
        # numbers typed by hand slip: every item "1.", a number twice, one left out
        (["1. Avaus", "Avattiin.", "1. Talous", "Tili on plussalla.", "1. Muut asiat"],
         [("1", "Avaus"), ("1", "Talous"), ("1", "Muut asiat")]),
        (["1. Avaus", "2. Talous", "4. Kerhoilta", "teksti", "4. Retki", "5. Muut asiat"],
         [("1", "Avaus"), ("2", "Talous"), ("4", "Kerhoilta"), ("4", "Retki"), ("5", "Muut asiat")]),
        # an item written as sentences: its title is the first one
        (["1. Puheenjohtaja avasi kokouksen klo 18.05.", "2. Todettiin kokous lailliseksi. Pöytäkirjan "
          "tarkastajiksi valittiin kaksi jäsentä, jotka myös laskevat äänet, jos kokouksessa äänestetään.",
          "3. Retki Kuusamoon 8.9. klo 9. Bussi lähtee koululta."],
         [("1", "Puheenjohtaja avasi kokouksen klo 18.05"), ("2", "Todettiin kokous lailliseksi"),
          ("3", "Retki Kuusamoon 8.9. klo 9")]),
        # the bullets an agenda label lists, not another numbered list
        (["Tavoitteet", "1. Uusi kotisivu", "2. Jäsenmäärän kasvu", "Käsiteltävät asiat", "- Talous",
          "- Kevätretki", "Kierros", "Anna kertoi retkestä."],
         [(None, "Talous"), (None, "Kevätretki")]),
        (["Agenda: Budget review; Summer fair", "Ann presented the budget."],
         [(None, "Budget review"), (None, "Summer fair")]),
        # topic bullets with their notes below them
        (["- Talous", "  - Tili on plussalla.", "- Kevätretki", "  - Anna varaa bussin.", "  - Lähtö klo 9.",
          "- Tilataan paidat kaikille jäsenille.", "  - Pekka hoitaa."],
         [(None, "Talous"), (None, "Kevätretki")]),
        # bullets that are people's words are notes, not topics
        (["- Anna: kotisivu on valmis", "  - Pekka: hyvä!", "- Pekka: retki on pe", "  - ok"], []),
        # lines that stand as headings over their lists
        (["Mitä teimme:", "- Kotisivu julkaistiin", "Ideoita:", "- Retki syksyllä"],
         [(None, "Mitä teimme"), (None, "Ideoita")]),
        # one typed "1." alone is no agenda
        (["1. Avaus", "Avattiin."], []),
    ],
)
def test_agenda(lines, expected):
    m = minutes_of("# Kokous", "Aika: 3.2.2026", *lines)
    assert [(i.number, i.title) for i in m.agenda] == expected


def test_speakers_by_first_name_near_miss_and_midline():
    m = minutes_of(
        "Kokous", "Paikalla:", "Tomi\tRask\tKuntaliitto", "Minna\tKoski\tELY",
        "1. Avaus",
        "Tommi: Rahoitus on tiukkaa. **Minna:** Samaa mieltä.",
        "Huom: tämä ei ole puheenvuoro.",
        "2. Muut asiat",
    )
    turns = [(t.speaker, t.person, t.text) for t in m.speakers]
    assert turns == [
        ("Tommi", "Tomi Rask", "Rahoitus on tiukkaa."),
        ("Minna", "Minna Koski", "Samaa mieltä."),
    ]
    assert all(t.agenda_item == "1" for t in m.speakers)
    assert m.doubts == ["speaker 'Tommi' read as Tomi Rask"]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Päätös: Hyväksyttiin talousarvio.", "Hyväksyttiin talousarvio."),
        ("Päätettiin hankkia uusi projektori.", "Päätettiin hankkia uusi projektori."),
        ("Decision: The fee stays at €150.", "The fee stays at €150."),
        ("Resolved that the accounts be approved.", "Resolved that the accounts be approved."),
        ("Beslut: Styrelsen godkänner budgeten.", "Styrelsen godkänner budgeten."),
    ],
)
def test_decisions(line, expected):
    m = minutes_of("Kokous", "Aika: 3.2.2026", "1. Asia", line, "2. Muut")
    assert [(d.text, d.agenda_item) for d in m.decisions] == [(expected, "1")]


@pytest.mark.parametrize(
    "lines, day, start, end, location",
    [
        (["9. Seuraava kokous", "25.3.2026 klo 9.15–11.45.", "Kuntatalo."],
         date(2026, 3, 25), time(9, 15), time(11, 45), "Kuntatalo"),
        (["Seuraava kokous ti 17.3.2026 klo 13–15, Routasalmen kunnantalo (Teams mahdollinen)."],
         date(2026, 3, 17), time(13), time(15), "Routasalmen kunnantalo"),
        (["The next board meeting will be held on Thursday 21 May 2026 at 14:00 in the Boardroom."],
         date(2026, 5, 21), time(14), None, "Boardroom"),
        (["Date of next meeting: Tuesday 7 April 2026, 18:30, Harbour Studio."],
         date(2026, 4, 7), time(18, 30), None, "Harbour Studio"),
        (["§ 9 Nästa möte", "Nästa möte hålls tisdagen den 21 april 2026 kl. 18.00 i Ekviks bibliotek."],
         date(2026, 4, 21), time(18), None, "Ekviks bibliotek"),
    ],
)
def test_next_meeting(lines, day, start, end, location):
    m = minutes_of("Kokous", "Aika: 3.2.2026 klo 9", "1. Avaus", *lines)
    nm = m.next_meeting
    assert (nm.date, nm.start, nm.end, nm.location) == (day, start, end, location)


def test_next_meeting_place_in_lower_case_found_in_the_header():
    m = minutes_of("Kokous", "Paikka: Seuratalo", "1. Avaus", "2. Seuraava kokous",
                   "Seuraava kokous 9.6.2026 klo 17.30 seuratalolla.", lang="fi")
    assert m.next_meeting.location == "Seuratalo"


def test_next_meeting_place_in_base_form_when_the_document_has_it():
    m = minutes_of("Kokous", "Paikka: Teams", "1. Avaus", "2. Seuraava kokous",
                   "Seuraava kokous torstaina 19.3.2026 klo 10 Teamsissa.", lang="fi")
    assert m.next_meeting.location == "Teams"


def test_no_invented_attendees_in_a_slide_deck():
    m = minutes_of(
        "Info 19.2.2025", "• Kunnat ilmoittavat kiinnostuksesta", "• Kirjoittajat:",
        "Anne Aalto, Ben Berg, Cecilia Carlsson", "Kiitos", "Anne Aalto, Mänttä",
    )
    assert m.attendees == []
    assert m.date == date(2025, 2, 19)


@pytest.mark.parametrize("lang, lines, names, chair", [
    ("fi", ["Muistiinpanot kokouksesta", "Hei kaikki,", "kokous pidettiin tiistaina 3.3.2026 klo 18 seurantalolla.",
            "Paikalla olivat puheenjohtaja Anna Virtanen, Pekka Nieminen, Liisa Laine,",
            "Jukka Salo ja minä sihteerinä. Maija Mäki oli estynyt."],
     ["Anna Virtanen", "Pekka Nieminen", "Liisa Laine", "Jukka Salo"], "Anna Virtanen"),
    ("en", ["Notes from the garden club", "Date: 4 March 2026",
            "Present were the chair Ann Lee, Bob Hart, Cara Fox and me."],
     ["Ann Lee", "Bob Hart", "Cara Fox"], "Ann Lee"),
    ("sv", ["Anteckningar", "Datum: 4 mars 2026",
            "Närvarande var ordförande Karin Berg, Olof Lind, Emil Nyström och jag som sekreterare."],
     ["Karin Berg", "Olof Lind", "Emil Nyström"], "Karin Berg"),
])
def test_attendees_told_in_a_sentence_of_prose(lang, lines, names, chair):
    m = parse("\n".join(lines) + "\n", lang=lang)
    assert [a.name for a in m.attendees] == names and m.chair == chair


def test_a_signature_block_does_not_make_the_secretary_chair():
    m = minutes_of("Protokoll", "Datum: 19.3.2026", "Närvarande:\tKarin Berg\tordförande",
                   "\t\tOlof Lind\tsekreterare", "§ 1\tMötets öppnande", "Mötet öppnades.",
                   "Karin Berg\t\t\tVid protokollet:", "ordförande\t\t\tOlof Lind, sekreterare", lang="sv")
    assert (m.chair, m.secretary) == ("Karin Berg", "Olof Lind")


def test_a_handle_column_makes_handles_the_attendees():
    m = parse("\n".join([
        "# Community call", "Date: 2026-02-24", "## Attendees", "| Name | GitHub | Affiliation |", "|---|---|---|",
        "| Sam Okafor | @sokafor | Acme |", "| Jo Lee | jlee | — |", "## Notes",
        "- [ ] @sokafor cut the release candidate by Friday", "- TODO(jlee): update the docs",
    ]) + "\n", lang="en")
    assert [(a.name, a.organisation) for a in m.attendees] == [("Sam Okafor", "Acme"), ("Jo Lee", None)]
    assert [a.owners for a in m.actions] == [["Sam Okafor"], ["Jo Lee"]]


def test_the_time_beside_a_date_without_its_year_when_the_file_name_has_it(tmp_path):
    path = tmp_path / "styrelsen-2026-04-21.md"
    path.write_text("# Föräldraföreningen – anteckningar\n\nTräff tisdag 21.4 kl 19–20.30, skolans bibliotek\n\n"
                    "**Deltog:** Karin Berg (ordf.), Olof Lind\n", encoding="utf-8")
    m = parse(path)
    assert (m.date, m.start, m.end, m.location) == (date(2026, 4, 21), time(19), time(20, 30), "skolans bibliotek")


@pytest.mark.parametrize("lang, lines, names", [
    ("en", ["# Frontend sync", "**Present:** Ann, Bob, Cara", "## Discussion", "- Ann will fix the form"],
     ["Ann", "Bob", "Cara"]),
    ("sv", ["# Styrelsemöte", "## Närvarande", "- Ordförande", "- Kassör", "- Webbansvarig",
            "- Sekreterare (adjungerad)", "## Mötets öppnande"],
     ["Ordförande", "Kassör", "Webbansvarig", "Sekreterare"]),
    ("fi", ["Kerhon kokous", "Läsnä:", "- puheenjohtaja", "- rahastonhoitaja", "Puheenjohtaja avasi kokouksen."],
     ["puheenjohtaja", "rahastonhoitaja"]),
    ("en", ["Board minutes", "**Attending members**", "* Ann Lee", "* Bob Hart", "1. Welcome", "2. Budget"],
     ["Ann Lee", "Bob Hart"]),
])
def test_a_list_of_people_below_its_label_ends_where_the_list_does(lang, lines, names):
    """A heading after the label line is no row; a role alone is a row (the role is the
    attendee); a sentence is none."""
    m = parse("\n".join(lines) + "\n", lang=lang)
    assert [a.name for a in m.attendees] == names


def test_roles_as_the_attendees_make_the_chair_a_role():
    m = parse("# Styrelsemöte\n## Närvarande\n- Ordförande\n- Kassör\n## Övrigt\n- text\n", lang="sv")
    assert m.chair == "Ordförande"


@pytest.mark.parametrize("lang, line, names", [
    ("sv", "Olle, Kajsa och Bosse är närvarande.", ["Olle", "Kajsa", "Bosse"]),
    ("fi", "Aino Rautio, Eero Kallio ja Maija Lehto olivat paikalla.", ["Aino Rautio", "Eero Kallio", "Maija Lehto"]),
    ("en", "Ann Lee and Bob Hart were present.", ["Ann Lee", "Bob Hart"]),
    ("en", "Ann Lee and Bob Hart were present at the launch of the new plan.", []),
])
def test_people_told_present_after_their_names(lang, line, names):
    m = parse(f"Meeting notes\n1. Opening\n{line}\n2. Other\n", lang=lang)
    assert [a.name for a in m.attendees] == names


def test_header_fields_run_together_on_one_line():
    m = minutes_of("Kyläyhdistyksen hallituksen kokous Paikka: Seurantalo Aika: 3.3.2026 klo 18.00. "
                   "Läsnä: Aino Rautio (pj), Eero Kallio (siht), Maija Lehto ja opettaja Olli Salo",
                   "1. Avaus", "2. Muut asiat")
    assert (m.title, m.location, m.date, m.start) == ("Kyläyhdistyksen hallituksen kokous", "Seurantalo",
                                                      date(2026, 3, 3), time(18))
    assert [(a.name, a.role) for a in m.attendees] == [
        ("Aino Rautio", "pj"), ("Eero Kallio", "siht"), ("Maija Lehto", None), ("Olli Salo", "opettaja")]
    assert (m.chair, m.secretary) == ("Aino Rautio", "Eero Kallio")


def test_a_sentence_with_one_label_is_not_cut():
    m = minutes_of("Kokous", "Aika: 3.2.2026", "1. Avaus", "Todettiin: kokous on laillinen ja päätösvaltainen.")
    assert m.location is None and m.attendees == []


@pytest.mark.parametrize("part", ["labels", "roles", "structure"])
def test_every_language_has_the_words_the_structure_stages_read(part):
    """A stage asks every profile for the same words; a language that lacks a kind of word
    says so with an empty tuple, not by leaving the key out."""
    from minutes.lang import LANGUAGES, profile

    keys = {code: set(getattr(profile(code), part)) for code in LANGUAGES}
    assert all(k == keys["fi"] for k in keys.values()), keys
    assert all(isinstance(words, tuple) for code in LANGUAGES for words in getattr(profile(code), part).values())


def test_a_list_of_names_on_its_label_line_ends_before_a_bare_heading():
    m = minutes_of("Anteckningar, 14/3 2026", "Närvarande: Olle, Stina, Bo, Kajsa", "Budget",
                   "Olle har pratat med kommunen.")
    assert [a.name for a in m.attendees] == ["Olle", "Stina", "Bo", "Kajsa"]
    assert m.date == date(2026, 3, 14)


def test_a_role_label_inside_a_list_of_people_is_that_persons_role():
    m = minutes_of("Parish council", "Date: 17 March 2026",
                   "Present: Cllr Ann Lee (Chair), Cllr Bob Hart, Clerk: Cara Fox", "1. Apologies")
    assert [(a.name, a.role) for a in m.attendees] == [("Ann Lee", "Chair"), ("Bob Hart", None), ("Cara Fox", "Clerk")]
    assert (m.chair, m.secretary) == ("Ann Lee", "Cara Fox")
