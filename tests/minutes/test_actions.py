"""Table-driven tests of action detection: each row is a small meeting written for the test
(Finnish, English, Swedish), and what a careful secretary takes from it: the actions with
their owners and due dates, or nothing at all."""

from __future__ import annotations

from datetime import date

import pytest

from minutes import parse

FI_HEAD = [
    "Kulttuuriverkoston kokous", "Aika: 10.2.2026 klo 13–15",
    "Läsnä: Anna Virtanen (pj.), Pekka Nieminen, Jukka Salo, Liisa Laine, Antti Kallio",
    "1. Avaus", "Anna avasi kokouksen.", "2. Asiat",
]
EN_HEAD = [
    "Board meeting", "Date: 10 February 2026", "Present: Sam Okafor (Chair), Priya Shah, Tom Reed, Jo Lee",
    "1. Welcome", "Sam welcomed everyone.", "2. Business",
]
SV_HEAD = [
    "Styrelsemöte", "Datum: 10 februari 2026",
    "Närvarande: Karin Berg (ordförande), Olof Lind, Emil Nyström",
    "1. Mötets öppnande", "Karin öppnade mötet.", "2. Ärenden",
]
HEADS = {"fi": FI_HEAD, "en": EN_HEAD, "sv": SV_HEAD}
NEXT = {"fi": "3. Seuraava kokous", "en": "3. Next meeting", "sv": "3. Nästa möte"}
NEXT_LINE = {"fi": "Seuraava kokous 10.3.2026 klo 13.", "en": "Next meeting: 10 March 2026 at 13:00.",
             "sv": "Nästa möte 10 mars 2026 kl. 13."}


def actions_of(lang: str, *body: str):
    text = "\n".join([*HEADS[lang], *body, NEXT[lang], NEXT_LINE[lang]]) + "\n"
    return [(a.owners, a.due) for a in parse(text, lang=lang).actions]


D = date


@pytest.mark.parametrize(
    "lang, line, expected",
    [
        # explicit markers
        ("en", "ACTION: Tom to send the budget by Friday", [(["Tom Reed"], D(2026, 2, 13))]),
        ("en", "Action: Priya and Jo to draft the call text", [(["Priya Shah", "Jo Lee"], None)]),
        ("en", "- [ ] @tom update the member list", [(["Tom Reed"], None)]),
        ("en", "TODO(jo): book the room", [(["Jo Lee"], None)]),
        ("en", "- [ ] @tom ask @jo whether the hall is free in May", [(["Tom Reed"], None)]),
        ("fi", "- Budjetti on päivitettävä ennen kevätkokousta (Pekka)", [(["Pekka Nieminen"], None)]),
        ("fi", "Toimenpide: Pekka varaa salin 20.2. mennessä.", [(["Pekka Nieminen"], D(2026, 2, 20))]),
        ("sv", "Åtgärd: Olof bokar lokalen senast 14/3.", [(["Olof Lind"], D(2026, 3, 14))]),
        ("sv", "Åtgärd: Inbjudan skickas ut. Ansvarig: Emil, senast 30/4", [(["Emil Nyström"], D(2026, 4, 30))]),
        # owner labels on the task's line or below it
        ("fi", "Kevään ohjelma kootaan verkkosivuille. Vastuu: Liisa", [(["Liisa Laine"], None)]),
        ("fi", "Budjetti päivitetään (vastuu: Jukka ja Antti).", [(["Jukka Salo", "Antti Kallio"], None)]),
        ("fi", "Tilavaraus kirjastolta -> Pekka hoitaa", [(["Pekka Nieminen"], None)]),
        ("fi", "Kutsun lähettäminen jäsenille (Anna)", [(["Anna Virtanen"], None)]),
        ("fi", "- Uusi juliste (Pekka) 20.2.", [(["Pekka Nieminen"], D(2026, 2, 20))]),  # a due date after the owner
        ("en", "- New poster for the fair (Tom) 14/3", [(["Tom Reed"], D(2026, 3, 14))]),
        # commitments in prose
        ("en", "Priya will contact the venue before the next meeting.", [(["Priya Shah"], D(2026, 3, 10))]),
        ("en", "Jo agreed to review the accessibility statement by 20 February.", [(["Jo Lee"], D(2026, 2, 20))]),
        ("en", "The chair will write to the city.", [(["Sam Okafor"], None)]),
        ("en", "Tom will not forget to send the invoices.", [(["Tom Reed"], None)]),  # a reminder
        # a plan in a later clause of a person's line is theirs
        ("en", "* Status round\n  - Jo: poster texts, fair budget, small fixes, will ask the printer about paper next",
         [(["Jo Lee"], None)]),
        # a pronoun is no owner: the task stands, its doer left for the secretary
        ("en", "The website needs a new menu. They will redesign it by Friday.", [([], D(2026, 2, 13))]),
        ("en", "The city plans a survey in May; the Chair agreed to write to them.", [(["Sam Okafor"], None)]),
        ("fi", "Antti selvittää tilan hinnan viikon 9 aikana.", [(["Antti Kallio"], D(2026, 3, 1))]),
        ("fi", "Jukalle annettiin tehtäväksi koota palautteet 27.2. mennessä.", [(["Jukka Salo"], D(2026, 2, 27))]),
        ("fi", "Niemiseltä tulee kustannusarvio ensi viikolla.", [(["Pekka Nieminen"], D(2026, 2, 20))]),
        ("fi", "Liisa ja Jukka kokoavat tapahtumakalenterin maaliskuun loppuun.", [(["Liisa Laine", "Jukka Salo"], D(2026, 3, 31))]),
        ("fi", "Kunnat toimittavat tietonsa 6.3. mennessä.", [(["kunnat"], D(2026, 3, 6))]),
        ("sv", "Emil ansvarar för att boka scenen.", [(["Emil Nyström"], None)]),
        ("sv", "Karin kontaktar kommunen före nästa möte.", [(["Karin Berg"], D(2026, 3, 10))]),
        # agreed, with no owner named
        ("fi", "Sovittiin, että tärkeimmät nostot viedään verkoston sivuille.", [([], None)]),
        ("fi", "Selvitetään, voisiko verkosto siirtyä yhteiseen kanavaan.", [([], None)]),
        # a second owner beside the first
        ("fi", "Pekka lupautui järjestämään kahvituksen yhdessä Liisan kanssa.", [(["Pekka Nieminen", "Liisa Laine"], None)]),
        ("en", "Tom will draft the letter together with Jo by Friday.", [(["Tom Reed", "Jo Lee"], D(2026, 2, 13))]),
        ("sv", "Olof tar fram ett förslag tillsammans med Emil senast 14/3.", [(["Olof Lind", "Emil Nyström"], D(2026, 3, 14))]),
        ("en", "Tom will talk with Jo about the budget.", [(["Tom Reed"], None)]),
        # what a body requires to be done
        ("fi", "Hallitus edellytti, että tilan vuokrasopimus tarkistetaan 20.3. mennessä.", [([], D(2026, 3, 20))]),
        ("fi", "Hallitus edellytti, että Pekka selvittää vakuutuksen hinnan.", [(["Pekka Nieminen"], None)]),
        ("en", "The board required that the budget overrun be explained by 20 March.", [([], D(2026, 3, 20))]),
        ("sv", "Styrelsen krävde att Olof redovisar kostnaderna senast 20/3.", [(["Olof Lind"], D(2026, 3, 20))]),
        # a speaker's own commitment
        ("fi", "Liisa: Lupautuu avuksi tilojen etsimiseen.", [(["Liisa Laine"], None)]),
        ("en", "Tom: I'll send the minutes round tomorrow.", [(["Tom Reed"], D(2026, 2, 11))]),
        # deadlines on their own
        ("fi", "• Kaikkien kuntien vastaukset kyselyyn: dl 21.2", [(["kunnat"], D(2026, 2, 21))]),
        # what people send to someone: the recipients own it
        ("fi", "Halukkaiden viesti Pekalle tai suoraan Liisa Laineelle.", [(["Pekka Nieminen", "Liisa Laine"], None)]),
        ("fi", "Kommentit luonnokseen Liisalle 20.2. mennessä.", [(["Liisa Laine"], D(2026, 2, 20))]),
        ("fi", "• Ilmoittautumiset Jukalle perjantaihin mennessä", [(["Jukka Salo"], D(2026, 2, 13))]),
        ("en", "Comments on the draft to Priya by 20 February.", [(["Priya Shah"], D(2026, 2, 20))]),
        ("en", "Sign-ups to Tom or directly to Jo.", [(["Tom Reed", "Jo Lee"], None)]),
        ("sv", "Synpunkter på utkastet till Olof senast 20/2.", [(["Olof Lind"], D(2026, 2, 20))]),
        ("sv", "Anmälan till Emil.", [(["Emil Nyström"], None)]),
    ],
)
def test_finds_the_action(lang, line, expected):
    assert actions_of(lang, line) == expected


@pytest.mark.parametrize(
    "lang, line",
    [
        # reports of what was done
        ("fi", "Anna päivitti jäsenlistan joulukuussa."),
        ("fi", "Pekka on lähettänyt kutsut kaikille."),
        ("en", "Tom sent the invitations last week."),
        ("sv", "Olof har redan skickat inbjudan."),
        # questions, wishes, maybes
        ("fi", "Voisiko Pekka selvittää hinnan?"),
        ("fi", "Ehkä Liisa voisi katsoa asiaa myöhemmin."),
        ("fi", "Pitäisi miettiä yhteistä hanketta ensi vuodelle."),
        ("en", "We could maybe look at the fund next year."),
        ("en", "Priya might join the working group."),
        ("sv", "Kanske kunde vi prova det i juli."),
        # news and dates that are no deadlines
        ("fi", "Säätiön haku päättyy 31.3.2026."),
        ("fi", "Rahoitusta on 7,7 M€, josta 50 % leikataan."),
        ("en", "The AGM is on 23 April."),
        ("fi", "Seminaari pidetään 17.6. tai 18.6."),
        # decisions are decisions
        ("fi", "Päätettiin, että kevään työpajat toteutetaan etänä."),
        ("sv", "Beslutades att föreningen ansöker om bidrag."),
        ("en", "Decision: the fee stays at €150."),
        # a line that says how things are, whoever it names
        ("en", "- The launch is still aimed at mid-March (Priya)"),
        ("fi", "- Sali on jo varattu kevääksi (Pekka)"),
        ("sv", "- Salen är redan bokad för våren (Olof)"),
        # "by" a person is who did it
        ("en", "3.1 Public liability insurance – renewed by Tom on 20 January. Closed."),
        ("en", "The grant report was written by Priya on 3 February."),
        # what a body requires to be so is no task
        ("fi", "Hallitus edellytti, että toiminta on kannattavaa."),
        # where an earlier task stands
        ("fi", "- Jäsenrekisterin päivitys – tehty (Liisa)."),
        ("fi", "- Esitteen uusiminen – ei tarpeen tänä vuonna."),
        ("en", "- Website texts – done (Priya)"),
        ("sv", "- Affischen – klar, trycktes i mars."),
        # notices
        ("en", "- FYI the retro moved to Friday 13.3. at 14:00"),
        ("fi", "Huom kokous alkaa perjantaina jo klo 9."),
        ("sv", "Obs mötet flyttas till fredag 13/3."),
        # thanks and reports of what was sent are no tasks of the recipient
        ("fi", "Kiitokset Pekalle hyvästä työstä."),
        ("fi", "Palaute Annalle oli myönteistä."),
        ("fi", "Viesti Pekalle lähetettiin jo viime viikolla."),
        ("en", "Thanks to Priya for the catering."),
        ("en", "Comments to Priya were mostly positive."),
        ("sv", "Svar till Olof skickades i januari."),
        # a plan said not to be made
        ("en", "Tom: Let's not decide the venue today."),
        ("sv", "Olof: Vi ska inte boka lokalen i dag."),
        # a speaker's facts
        ("en", "Tom: Just so you know, I'll be on leave from 6 to 17 March."),
        ("fi", "Pekka kertoi, että kysely on auki lauantaihin asti."),
    ],
)
def test_finds_nothing(lang, line):
    assert actions_of(lang, line) == []


def test_a_status_line_is_no_task_but_the_promise_after_it_is():
    found = actions_of("fi", "- Salivuokran sopimus – kesken. Pekka jatkaa neuvotteluja ja kertoo tilanteen 20.3. mennessä.")
    assert found == [(["Pekka Nieminen"], D(2026, 3, 20))]


def test_a_task_said_twice_is_one_action():
    found = actions_of(
        "en",
        "Tom: I'll send the budget by Friday.",
        "ACTION: Tom to send the budget by Friday",
        "Summary of action items",
        "ACTION: Tom to send the budget by Friday",
    )
    assert found == [(["Tom Reed"], D(2026, 2, 13))]


def test_two_tasks_of_one_owner_that_share_only_short_words_stay_two():
    found = actions_of(
        "en",
        "- [ ] Tom: renew the insurance policy (due 2026-03-15)",
        "- [ ] Tom: reminder email to the members who have not paid (due 2026-03-08)",
        "Jo: I'll ask her this week.",
        "ACTION: Jo to ask Ines to chair the spring fair",
    )
    # Jo's promise and the ACTION line are one task, dated by the promise ("this week": Friday)
    assert found == [(["Tom Reed"], D(2026, 3, 15)), (["Tom Reed"], D(2026, 3, 8)), (["Jo Lee"], D(2026, 2, 13))]
    found = actions_of(
        "sv",
        "Åtgärd: Olof förnyar försäkringen för föreningen senast 15/3.",
        "Åtgärd: Olof skickar en påminnelse till medlemmar som inte har betalat senast 8/3.",
    )
    assert found == [(["Olof Lind"], D(2026, 3, 15)), (["Olof Lind"], D(2026, 3, 8))]


def test_a_timeline_table_is_no_action_table_but_one_with_owners_is():
    timeline = ["| Milloin | Mitä |", "|---|---|", "| maaliskuu | kysely kunnille |", "| 1.6. | palvelu avautuu |"]
    assert actions_of("fi", *timeline) == []
    tasks = ["| Mitä | Kuka | Milloin |", "|---|---|---|", "| Kysely kunnille | Pekka | 20.3. |"]
    assert actions_of("fi", *tasks) == [(["Pekka Nieminen"], D(2026, 3, 20))]
    schedule = ["| When | What |", "|---|---|", "| March | member survey |", "| 1 June | new website opens |"]
    assert actions_of("en", *schedule) == []


def test_two_rows_of_one_table_are_two_tasks_and_a_sentence_naming_one_owner_is_its_row():
    found = actions_of(
        "fi",
        "Liisa kokoaa jäsenkirjeen ja Anna tarkistaa sen ennen lähettämistä.",
        "| Tehtävä | Vastuu | Aikataulu |", "|---|---|---|",
        "| Salin tarjoukset kolmelta vuokraajalta | Pekka | 20.3. |",
        "| Äänentoiston tarjoukset | Pekka | 27.3. |",
        "| Jäsenkirje | Liisa, Anna | 24.2. |",
    )
    assert found == [(["Pekka Nieminen"], D(2026, 3, 20)), (["Pekka Nieminen"], D(2026, 3, 27)),
                     (["Liisa Laine", "Anna Virtanen"], D(2026, 2, 24))]


def test_an_action_log_typed_with_tabs_is_an_action_table():
    found = actions_of(
        "en",
        "ACTION LOG",
        "No.\tAction\tOwner\tDue\tStatus",
        "3\tRenew the insurance\tTom\t20 Feb\tDone",
        "4\tBook the hall for the fair\tPriya\tNext meeting\tCarried forward",
        "5\tPrint the posters\tJo\tFri 13 Feb\tNew",
    )
    assert found == [(["Priya Shah"], D(2026, 3, 10)), (["Jo Lee"], D(2026, 2, 13))]


def test_an_arrow_owner_with_a_date_after_it_and_an_answer_that_is_no_owner():
    found = parse("\n".join([
        *SV_HEAD, "### Att göra",
        "- Fråga rektorn om gymnastiksalen → Olof, senast 30/4",
        "- Affischen till vårfesten → Emil, till nästa möte",
        "### Frågor",
        "- Kan skolan låna ut borden? → Ja, via vaktmästaren.",
    ]) + "\n", lang="sv").actions
    assert [(a.text, a.owners, a.due) for a in found] == [
        ("Fråga rektorn om gymnastiksalen", ["Olof Lind"], D(2026, 4, 30)),
        ("Affischen till vårfesten", ["Emil Nyström"], None)]


def test_two_tasks_with_other_owners_but_the_same_words_stay_two():
    found = actions_of("fi", "- Jäsenkirjeen luonnos hallitukselle kommentoitavaksi → Liisa, 20.2.",
                       "- Kommentit jäsenkirjeen luonnokseen → kaikki, 27.2. mennessä")
    assert found == [(["Liisa Laine"], D(2026, 2, 20)), (["kaikki"], D(2026, 2, 27))]


def test_tasks_that_differ_by_their_numbers_are_two():
    found = actions_of("en", "ACTION: Tom to check invoice 12 against the budget",
                       "ACTION: Tom to check invoice 13 against the budget")
    assert found == [(["Tom Reed"], None), (["Tom Reed"], None)]


def test_action_table_rows():
    found = parse(
        "\n".join([
            *EN_HEAD,
            "| Action | Owner | Due |", "|---|---|---|",
            "| Send the budget | Tom | 2026-02-20 |",
            "| Book the room | Priya, Jo | 27/02/2026 |",
            "| Update the website | the Chair | TBC |",
            "| Archive the old files | Tom | done |",
        ]) + "\n",
        lang="en",
    ).actions
    assert [(a.text, a.owners, a.due) for a in found] == [
        ("Send the budget", ["Tom Reed"], D(2026, 2, 20)),
        ("Book the room", ["Priya Shah", "Jo Lee"], D(2026, 2, 27)),
        ("Update the website", ["Sam Okafor"], None),
    ]
    assert all(a.rule == "table" for a in found)


def test_a_task_whose_words_say_done_is_no_done_row():
    found = parse(
        "\n".join([
            *FI_HEAD,
            "| Nro | Tehtävä | Vastuu | Aikataulu |", "|---|---|---|---|",
            "| 1 | Valmis esitys hallitukselle | Pekka | 27.2. |",
            "| 2 | Tilaa roll-upit | Liisa | tehty |",
            "| 3 | Tehty-kyltit näyttelyyn | Antti | maaliskuun loppuun |",
        ]) + "\n",
        lang="fi",
    ).actions
    assert [(a.owners, a.due) for a in found] == [
        (["Pekka Nieminen"], D(2026, 2, 27)), (["Antti Kallio"], D(2026, 3, 31))]
    found = parse(
        "\n".join([
            *EN_HEAD,
            "| # | Action | Who | When |", "|---|---|---|---|",
            "| 1 | Complete the safeguarding course | Priya | end of March |",
            "| 2 | Closed captions for the film night | Jo | 20/03/2026 |",
            "| 3 | Send the grant report | Tom | completed |",
        ]) + "\n",
        lang="en",
    ).actions
    assert [(a.text, a.owners, a.due) for a in found] == [
        ("Complete the safeguarding course", ["Priya Shah"], D(2026, 3, 31)),
        ("Closed captions for the film night", ["Jo Lee"], D(2026, 3, 20)),
    ]


@pytest.mark.parametrize("lang, sentence, row, expected", [
    ("en", "ACTION: Priya and Jo to draft the volunteer advert.", "| Draft the volunteer advert | Priya / Jo | 12/03/2026 |",
     (["Priya Shah", "Jo Lee"], D(2026, 3, 12))),
    ("fi", "Toimenpide: Jukka kokoaa palautteet jäsenkyselystä.", "| Palautteiden kokoaminen jäsenkyselystä | Jukka | 6.3. |",
     (["Jukka Salo"], D(2026, 3, 6))),
    ("en", "ACTION: draft the volunteer advert by 12 March.", "| Draft the volunteer advert | Priya | |",
     (["Priya Shah"], D(2026, 3, 12))),
])
def test_a_task_said_twice_takes_its_date_and_owners_from_either_mention(lang, sentence, row, expected):
    header = {"en": "| Action | Owner | Due |", "fi": "| Tehtävä | Vastuu | Määräaika |"}[lang]
    found = actions_of(lang, sentence, "", header, "|---|---|---|", row)
    assert found == [expected]


def test_a_heading_in_capitals_is_no_person_and_no_speaker():
    text = "\n".join([
        "HARBOUR ARTS SOCIETY", "Committee meeting", "Date: 10 February 2026",
        "Present: Sam Okafor (Chair), Priya Shah, Tom Reed",
        "1. Grants", "The fund closes in April. Priya to prepare the",
        "application with Tom. ACTION: Priya",
        "ACTION POINTS", "Tom: book the hall for the open day",
    ]) + "\n"
    m = parse(text, lang="en")
    assert m.speakers == [] or all(t.speaker != "ACTION" for t in m.speakers)
    assert [(a.text, a.owners) for a in m.actions] == [
        ("Priya to prepare the application with Tom", ["Priya Shah"]),
        ("Book the hall for the open day", ["Tom Reed"])]


def test_an_owner_outside_the_roster_is_kept_as_written_and_none_is_flagged():
    found = parse("\n".join([*EN_HEAD, "ACTION: Morgan to order the chairs", "ACTION: order the banners"]) + "\n",
                  lang="en").actions
    assert [(a.owners, a.doubts) for a in found] == [(["Morgan"], []), ([], ["no owner named"])]


def test_evidence_names_the_line_and_the_rule():
    m = parse("\n".join([*FI_HEAD, "Pekka varaa salin 20.2. mennessä."]) + "\n", lang="fi")
    (action,) = m.actions
    assert action.origin.line == len(FI_HEAD) + 1
    assert action.snippet == "Pekka varaa salin 20.2. mennessä."
    assert action.rule == "commit"
    assert action.due_text == "20.2. mennessä"
    assert action.agenda_item == "2"


def test_the_due_phrase_leaves_no_gap_before_a_comma():
    (action,) = parse("\n".join([*FI_HEAD, "Pekka selvittää 20.2. mennessä, voiko salin saada iltaisin."]) + "\n",
                      lang="fi").actions
    assert action.text == "Pekka selvittää, voiko salin saada iltaisin"
    assert action.due == D(2026, 2, 20)


@pytest.mark.parametrize(
    "lang, body, expected",
    [
        # a decision that gives someone work is a task, read without its label
        ("fi", ["Päätös: Pekka tilaa bussin 20.2. mennessä."],
         [("Pekka tilaa bussin", ["Pekka Nieminen"], D(2026, 2, 20))]),
        ("sv", ["Beslut: Olof bokar lokalen senast 14/3."], [("Olof bokar lokalen", ["Olof Lind"], D(2026, 3, 14))]),
        ("en", ["Decision: Tom will renew the insurance by 20 February."],
         [("Tom will renew the insurance", ["Tom Reed"], D(2026, 2, 20))]),
        ("en", ["Resolved: the spring fair moves to the sports hall."], []),
        # a decision that someone does something: that someone's task, read without the opening
        ("en", ["It was agreed that Tom would contact the printer."], [("Tom would contact the printer", ["Tom Reed"], None)]),
        ("fi", ["Päätettiin, että Jukka hoitaa tilavarauksen."], [("Jukka hoitaa tilavarauksen", ["Jukka Salo"], None)]),
        ("sv", ["Beslutades att Olof skickar inbjudan senast 1/3."], [("Olof skickar inbjudan", ["Olof Lind"], D(2026, 3, 1))]),
        # the due phrase leaves the task with the small words that led to it
        ("en", ["Tom will renew the insurance at the end of March."],
         [("Tom will renew the insurance", ["Tom Reed"], D(2026, 3, 31))]),
        ("sv", ["Olof förnyar försäkringen i slutet av mars."],
         [("Olof förnyar försäkringen", ["Olof Lind"], D(2026, 3, 31))]),
        # an owner label on the line right below a task that named no one
        ("fi", ["Hankitaan kaksi tarjousta ennen seuraavaa kokousta.", "Vastuu: Jukka"],
         [("Hankitaan kaksi tarjousta", ["Jukka Salo"], D(2026, 3, 10))]),
        ("sv", ["Nya stolar köps in före nästa möte.", "Ansvarig: Emil"],
         [("Nya stolar köps in", ["Emil Nyström"], D(2026, 3, 10))]),
        # a sum ends its sentence: the task after it has its doer
        ("sv", ["Kassan är 9 800 kr. Olof skickar bokslutet till revisorn."],
         [("Olof skickar bokslutet till revisorn", ["Olof Lind"], None)]),
    ],
)
def test_decisions_owner_lines_and_sums(lang, body, expected):
    text = "\n".join([*HEADS[lang], *body, NEXT[lang], NEXT_LINE[lang]]) + "\n"
    assert [(a.text, a.owners, a.due) for a in parse(text, lang=lang).actions] == expected


def test_an_irc_nick_written_in_lower_case_owns_its_action():
    text = "\n".join([
        "#heron meeting 2026-03-05", "Meeting started by ville at 15:00:12 UTC.", "",
        "Meeting summary", "---------------", "* Release  (ville, 15:01:40)",
        "  * ACTION: ville review the open translation PRs  (ville, 15:14:55)",
        "  * ACTION: sanna to tag the release candidate by Friday  (ville, 15:05:02)", "",
        "People present (lines said)", "---------------------------", "* ville (40)", "* sanna (12)", "",
    ])
    assert [(a.owners, a.due) for a in parse(text, lang="en").actions] == [
        (["ville"], None), (["sanna"], D(2026, 3, 6))]


def test_a_speaker_who_says_what_they_will_do_owns_it():
    text = "\n".join([*HEADS["fi"], "**Pekka:** Teen kuvat ja videot viikolla 9.", NEXT["fi"], NEXT_LINE["fi"]]) + "\n"
    assert [(a.owners, a.due) for a in parse(text, lang="fi").actions] == [(["Pekka Nieminen"], D(2026, 3, 1))]


def test_a_decision_that_approves_and_then_gives_a_role_work():
    text = "\n".join([
        "Lautakunnan kokous", "Aika: 10.2.2026 klo 17",
        "Läsnä: Anna Virtanen, puheenjohtaja", "Pekka Nieminen, kulttuurisihteeri", "Jukka Salo",
        "§ 3 Avustukset", "Päätös: Hyväksyttiin. Kulttuurisihteeri ilmoittaa hakijoille helmikuun loppuun mennessä.",
        "§ 4 Seuraava kokous", "Seuraava kokous 10.3.2026.",
    ]) + "\n"
    assert [(a.text, a.owners, a.due) for a in parse(text, lang="fi").actions] == [
        ("Kulttuurisihteeri ilmoittaa hakijoille", ["Pekka Nieminen"], D(2026, 2, 28))]


def test_a_task_that_opens_with_its_owners_handle_is_read_without_it():
    text = "\n".join([*HEADS["en"], "- [ ] @tom write the release notes before Friday",
                      NEXT["en"], NEXT_LINE["en"]]) + "\n"
    assert [(a.text, a.owners) for a in parse(text, lang="en").actions] == [
        ("Write the release notes", ["Tom Reed"])]
