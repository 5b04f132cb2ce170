"""Table tests for minutes.dates: every expected date is worked out from the calendar.

The three meeting dates used as bases:

    2025-02-18  Tuesday, ISO week 8  (the Friday of its week is 21.2., of the next 28.2.)
    2025-11-14  Friday,  ISO week 46 (the next Friday is 21.11.)
    2026-12-14  Monday,  ISO week 51 (2026 has an ISO week 53: 28.12.2026-3.1.2027)
"""

from __future__ import annotations

from datetime import date, time

import pytest

from minutes import dates
from minutes.dates import (
    DateMention,
    UnreadableDate,
    due_doubts,
    find_dates,
    find_deadline,
    find_meeting_date,
    parse_time_range,
    read,
)

FEB = date(2025, 2, 18)  # Tuesday
NOV = date(2025, 11, 14)  # Friday
DEC = date(2026, 12, 14)  # Monday
NEXT_MEETING = date(2025, 3, 25)

D = date.fromisoformat


# --- find_dates: the one mention a phrase makes --------------------------------------------

ONE_MENTION = [
    # numeric dates, Finnish style
    ("fi", FEB, "Vastaukset dl 21.2", "dl 21.2", "2025-02-21", "deadline"),
    ("fi", FEB, "Vastaukset DL: 21.2.", "DL: 21.2.", "2025-02-21", "deadline"),
    ("fi", FEB, "toimitettava 24.3. mennessä.", "24.3. mennessä", "2025-03-24", "deadline"),
    ("fi", FEB, "viimeistään pe 14.3. kiitos", "viimeistään pe 14.3.", "2025-03-14", "deadline"),
    ("fi", FEB, "viim. 7.3.", "viim. 7.3.", "2025-03-07", "deadline"),
    ("fi", FEB, "ennen 1.4. on hyvä", "ennen 1.4.", "2025-04-01", "deadline"),
    ("fi", FEB, "Antti lähettää tekstin 18.2.", "18.2.", "2025-02-18", "date"),
    ("fi", FEB, "seminaari 17.6", "17.6", "2025-06-17", "date"),
    ("fi", FEB, "Hakuinfo 19.2.2025", "19.2.2025", "2025-02-19", "date"),
    ("fi", FEB, "kokous 14.11.25 alkaen", "14.11.25", "2025-11-14", "date"),
    ("fi", FEB, "raportin dl on 30.4.2025", "30.4.2025", "2025-04-30", "date"),
    ("fi", FEB, "tiistaina 25.2. klo 10", "tiistaina 25.2.", "2025-02-25", "date"),
    ("fi", NOV, "Haku päättyy 31.12. (lisätiedot)", "31.12.", "2025-12-31", "date"),
    ("fi", NOV, "Markkinat 13.12. monessa kunnassa", "13.12.", "2025-12-13", "date"),
    ("fi", NOV, "aivoriihi pidettiin 26.6.", "26.6.", "2025-06-26", "date"),
    ("fi", NOV, "muistutus 15.1.", "15.1.", "2025-01-15", "date"),  # 10 months back: still 2025
    ("fi", NOV, "dl 10.1", "dl 10.1", "2026-01-10", "deadline"),  # over 10 months back: 2026
    ("fi", DEC, "dl 10.1", "dl 10.1", "2027-01-10", "deadline"),
    ("fi", DEC, "palaute 14.2.", "14.2.", "2026-02-14", "date"),  # exactly 10 months back
    ("fi", DEC, "palaute 13.2.", "13.2.", "2027-02-13", "date"),
    ("fi", FEB, "seuraava 2026-03-25 klo 9", "2026-03-25", "2026-03-25", "date"),
    ("fi", FEB, "29.2. on karkauspäivä", None, None, None),  # 2025 has no 29.2.
    ("fi", date(2024, 2, 1), "29.2. on karkauspäivä", "29.2.", "2024-02-29", "date"),
    ("fi", FEB, "tiedote 4/2025", "4/2025", "2025-04-30", "month_end"),
    ("fi", FEB, "dl 3/2025", "dl 3/2025", "2025-03-31", "month_end"),
    ("fi", FEB, "julkaisu 6/2025)", "6/2025", "2025-06-30", "month_end"),
    ("fi", FEB, "Jakelu 1.3. alkaen", "1.3.", "2025-03-01", "date"),
    # worded dates, Finnish
    ("fi", FEB, "Kokous 14. maaliskuuta 2026 Helsingissä", "14. maaliskuuta 2026", "2026-03-14", "date"),
    ("fi", FEB, "maaliskuun 14. päivänä kokoonnutaan", "maaliskuun 14. päivänä", "2025-03-14", "date"),
    ("fi", FEB, "viimeistään 25 maaliskuuta", "viimeistään 25 maaliskuuta", "2025-03-25", "deadline"),
    ("fi", FEB, "ti 4. maaliskuuta", "ti 4. maaliskuuta", "2025-03-04", "date"),
    ("fi", FEB, "työryhmä kokoontui toukokuussa 2024", "toukokuussa 2024", "2024-05-31", "month_end"),
    # numeric and worded dates, Swedish and English
    ("sv", FEB, "Eva ansvarar, senast 14/3", "senast 14/3", "2025-03-14", "deadline"),
    ("sv", FEB, "Mötet den 14/3/2026", "14/3/2026", "2026-03-14", "date"),
    ("sv", FEB, "Mötet den 14/3 2026 i Vasa", "14/3 2026", "2026-03-14", "date"),
    ("sv", FEB, "Protokoll 14/3-2026", "14/3-2026", "2026-03-14", "date"),
    ("sv", FEB, "Nästa möte 14 mars 2026 i Vasa", "14 mars 2026", "2026-03-14", "date"),
    ("sv", FEB, "den 14:e mars", "den 14:e mars", "2025-03-14", "date"),
    ("sv", FEB, "innan 2026-03-14", "innan 2026-03-14", "2026-03-14", "deadline"),
    ("sv", FEB, "tisdag 4 mars", "tisdag 4 mars", "2025-03-04", "date"),
    ("en", FEB, "Next meeting: March 14, 2026.", "March 14, 2026", "2026-03-14", "date"),
    ("en", FEB, "on the 14th of March", "the 14th of March", "2025-03-14", "date"),
    ("en", FEB, "Sam to report by 14 Mar", "by 14 Mar", "2025-03-14", "deadline"),
    ("en", FEB, "Held on Tuesday 4 March 2025", "Tuesday 4 March 2025", "2025-03-04", "date"),
    ("en", FEB, "due March 3rd", "due March 3rd", "2025-03-03", "deadline"),
    ("en", NOV, "Review on December 1st", "December 1st", "2025-12-01", "date"),
    ("en", FEB, "Due date: 14/3", "Due date: 14/3", "2025-03-14", "deadline"),
    ("en", FEB, "launch in September 2025", "September 2025", "2025-09-30", "month_end"),
    # week numbers: the Sunday that ends the ISO week
    ("fi", FEB, "viim. viikon 14 aikana", "viim. viikon 14 aikana", "2025-04-06", "week"),
    ("fi", FEB, "valmis viikolla 13", "viikolla 13", "2025-03-30", "week"),
    ("fi", FEB, "vko 13", "vko 13", "2025-03-30", "week"),
    ("fi", FEB, "vk 10", "vk 10", "2025-03-09", "week"),
    ("fi", FEB, "vko 12–13", "vko 12–13", "2025-03-30", "week"),
    ("fi", FEB, "vko 8", "vko 8", "2025-02-23", "week"),  # the meeting's own week
    ("fi", FEB, "vko 7", "vko 7", "2026-02-15", "week"),  # already over: next year's
    ("fi", FEB, "vko 13/2026", "vko 13/2026", "2026-03-29", "week"),
    ("fi", NOV, "vko 13", "vko 13", "2026-03-29", "week"),
    ("fi", DEC, "vko 2", "vko 2", "2027-01-17", "week"),
    ("fi", DEC, "vko 53", "vko 53", "2027-01-03", "week"),
    ("en", FEB, "ship in week 13", "week 13", "2025-03-30", "week"),
    ("en", FEB, "wk 13", "wk 13", "2025-03-30", "week"),
    ("en", FEB, "target w13", "w13", "2025-03-30", "week"),
    ("sv", FEB, "klart vecka 13", "vecka 13", "2025-03-30", "week"),
    ("sv", FEB, "klart v. 13", "v. 13", "2025-03-30", "week"),
    ("sv", FEB, "klart v13", "v13", "2025-03-30", "week"),
    # quarters: the last day of the quarter
    ("en", FEB, "launch in Q3", "Q3", "2025-09-30", "quarter"),
    ("en", FEB, "launch in Q3/2026", "Q3/2026", "2026-09-30", "quarter"),
    ("en", FEB, "launch in Q3 2026", "Q3 2026", "2026-09-30", "quarter"),
    ("en", FEB, "launch in 3Q", "3Q", "2025-09-30", "quarter"),
    ("en", FEB, "by Q1", "by Q1", "2025-03-31", "quarter"),
    ("en", NOV, "by Q1", "by Q1", "2026-03-31", "quarter"),
    ("en", DEC, "in Q4", "Q4", "2026-12-31", "quarter"),
    ("fi", FEB, "1. kvartaali", "1. kvartaali", "2025-03-31", "quarter"),
    ("fi", FEB, "2. neljänneksen aikana", "2. neljänneksen", "2025-06-30", "quarter"),
    ("fi", FEB, "Q2/25 mennessä", "Q2/25 mennessä", "2025-06-30", "quarter"),
    ("sv", FEB, "klart kvartal 2", "kvartal 2", "2025-06-30", "quarter"),
    ("sv", FEB, "i slutet av kvartal 2", "slutet av kvartal 2", "2025-06-30", "quarter"),
    ("en", FEB, "Due: end of Q2", "Due: end of Q2", "2025-06-30", "quarter"),
    ("en", FEB, "by the end of Q2 2026", "by the end of Q2 2026", "2026-06-30", "quarter"),
    ("fi", FEB, "Q2:n loppuun mennessä", "Q2:n loppuun mennessä", "2025-06-30", "quarter"),
    ("en", FEB, "by the end of week 13", "by the end of week 13", "2025-03-30", "week"),
    ("fi", FEB, "viikon 13 loppuun mennessä", "viikon 13 loppuun mennessä", "2025-03-30", "week"),
    # month and year ends
    ("en", FEB, "by the end of March", "by the end of March", "2025-03-31", "month_end"),
    ("en", FEB, "end of March 2026", "end of March 2026", "2026-03-31", "month_end"),
    ("en", NOV, "end of March", "end of March", "2026-03-31", "month_end"),
    ("en", NOV, "end of November", "end of November", "2025-11-30", "month_end"),
    ("en", FEB, "end of the month", "end of the month", "2025-02-28", "month_end"),
    ("en", FEB, "end of month", "end of month", "2025-02-28", "month_end"),
    ("en", FEB, "EOM please", "EOM", "2025-02-28", "month_end"),
    ("en", FEB, "end of next month", "end of next month", "2025-03-31", "month_end"),
    ("en", FEB, "end of the year", "end of the year", "2025-12-31", "month_end"),
    ("en", FEB, "by end of 2026", "by end of 2026", "2026-12-31", "month_end"),
    ("fi", FEB, "maaliskuun loppuun", "maaliskuun loppuun", "2025-03-31", "month_end"),
    ("fi", FEB, "maaliskuun lopussa", "maaliskuun lopussa", "2025-03-31", "month_end"),
    ("fi", FEB, "valmis kuun loppuun mennessä", "kuun loppuun mennessä", "2025-02-28", "month_end"),
    ("fi", FEB, "kuukauden loppuun", "kuukauden loppuun", "2025-02-28", "month_end"),
    ("fi", FEB, "ensi kuun loppuun", "ensi kuun loppuun", "2025-03-31", "month_end"),
    ("fi", NOV, "haut päättyvät marraskuun loppuun", "marraskuun loppuun", "2025-11-30", "month_end"),
    ("fi", NOV, "iteraatioita loppukuusta", "loppukuusta", "2025-11-30", "month_end"),
    ("fi", NOV, "hanke päättyy vuoden lopussa", "vuoden lopussa", "2025-12-31", "month_end"),
    ("fi", DEC, "tammikuun loppuun", "tammikuun loppuun", "2027-01-31", "month_end"),
    ("fi", DEC, "ensi kuun loppuun", "ensi kuun loppuun", "2027-01-31", "month_end"),
    ("sv", FEB, "i slutet av månaden", "slutet av månaden", "2025-02-28", "month_end"),
    ("sv", FEB, "slutet av mars", "slutet av mars", "2025-03-31", "month_end"),
    ("sv", NOV, "senast slutet av året", "senast slutet av året", "2025-12-31", "month_end"),
    # a month as a whole: its last day, the first such month not ended
    ("fi", FEB, "Laskut lähetetään maaliskuun aikana.", "maaliskuun aikana", "2025-03-31", "month_end"),
    ("fi", FEB, "valmis maaliskuun kuluessa", "maaliskuun kuluessa", "2025-03-31", "month_end"),
    ("fi", FEB, "helmikuun aikana", "helmikuun aikana", "2025-02-28", "month_end"),  # the meeting's own
    ("fi", FEB, "tammikuun aikana", "tammikuun aikana", "2026-01-31", "month_end"),  # over: next year's
    ("fi", NOV, "käännetään tammikuun aikana", "tammikuun aikana", "2026-01-31", "month_end"),
    ("fi", FEB, "maaliskuun 2026 aikana", "maaliskuun 2026 aikana", "2026-03-31", "month_end"),
    ("fi", FEB, "ensi kuun aikana", "ensi kuun aikana", "2025-03-31", "month_end"),
    ("fi", FEB, "viimeistään huhtikuun aikana", "viimeistään huhtikuun aikana", "2025-04-30",
     "month_end"),
    ("en", FEB, "during March", "during March", "2025-03-31", "month_end"),
    ("en", NOV, "Sam reports during January", "during January", "2026-01-31", "month_end"),
    ("en", FEB, "during next month", "during next month", "2025-03-31", "month_end"),
    ("en", FEB, "due in March", "due in March", "2025-03-31", "month_end"),
    ("en", FEB, "deadline in March 2026", "deadline in March 2026", "2026-03-31", "month_end"),
    ("sv", FEB, "under mars", "under mars", "2025-03-31", "month_end"),
    ("sv", FEB, "klart senast i mars", "senast i mars", "2025-03-31", "month_end"),
    # the middle of a month: its 15th, the first such month not ended
    ("fi", NOV, "tammikuun puoliväliin mennessä", "tammikuun puoliväliin mennessä", "2026-01-15",
     "month_middle"),
    ("fi", NOV, "tammikuun puolivälissä", "tammikuun puolivälissä", "2026-01-15", "month_middle"),
    ("fi", DEC, "tammikuun puoliväliin", "tammikuun puoliväliin", "2027-01-15", "month_middle"),
    ("fi", FEB, "helmikuun puolivälissä", "helmikuun puolivälissä", "2025-02-15", "month_middle"),
    ("fi", FEB, "ensi kuun puoliväliin", "ensi kuun puoliväliin", "2025-03-15", "month_middle"),
    ("en", NOV, "mid-January", "mid-January", "2026-01-15", "month_middle"),
    ("en", NOV, "by mid January", "by mid January", "2026-01-15", "month_middle"),
    ("en", NOV, "by the middle of January", "by the middle of January", "2026-01-15", "month_middle"),
    ("en", FEB, "launch in mid-March 2026", "mid-March 2026", "2026-03-15", "month_middle"),
    ("en", FEB, "by the middle of next month", "by the middle of next month", "2025-03-15",
     "month_middle"),
    ("sv", NOV, "i mitten av januari", "i mitten av januari", "2026-01-15", "month_middle"),
    ("sv", NOV, "till mitten av januari", "till mitten av januari", "2026-01-15", "month_middle"),
    ("sv", NOV, "medio januari", "medio januari", "2026-01-15", "month_middle"),
    # an amount before a day: that many days earlier
    ("fi", FEB, "viikkoa ennen 24.3.", "viikkoa ennen 24.3.", "2025-03-17", "deadline"),
    ("fi", FEB, "viimeistään 2 päivää ennen 24.3.", "viimeistään 2 päivää ennen 24.3.", "2025-03-22",
     "deadline"),
    ("en", FEB, "two days before 14 March", "two days before 14 March", "2025-03-12", "deadline"),
    ("sv", FEB, "en vecka före 14/3", "en vecka före 14/3", "2025-03-07", "deadline"),
    # relative phrases
    ("en", FEB, "today", "today", "2025-02-18", "relative"),
    ("en", FEB, "tomorrow", "tomorrow", "2025-02-19", "relative"),
    ("fi", FEB, "tänään", "tänään", "2025-02-18", "relative"),
    ("fi", FEB, "huomenna", "huomenna", "2025-02-19", "relative"),
    ("sv", FEB, "i dag", "i dag", "2025-02-18", "relative"),
    ("sv", FEB, "i morgon", "i morgon", "2025-02-19", "relative"),
    ("en", FEB, "next week", "next week", "2025-02-28", "relative"),
    ("en", FEB, "this week", "this week", "2025-02-21", "relative"),
    ("en", FEB, "EOW", "EOW", "2025-02-21", "relative"),
    ("en", FEB, "by the end of the week", "by the end of the week", "2025-02-21", "relative"),
    ("en", NOV, "this week", "this week", "2025-11-14", "relative"),
    ("en", NOV, "next week", "next week", "2025-11-21", "relative"),
    ("en", DEC, "next week", "next week", "2026-12-25", "relative"),
    ("fi", FEB, "ensi viikolla", "ensi viikolla", "2025-02-28", "relative"),
    ("fi", FEB, "ensi viikon aikana", "ensi viikon aikana", "2025-02-28", "relative"),
    ("fi", FEB, "tällä viikolla", "tällä viikolla", "2025-02-21", "relative"),
    ("fi", FEB, "viikon loppuun mennessä", "viikon loppuun mennessä", "2025-02-21", "relative"),
    ("sv", FEB, "nästa vecka", "nästa vecka", "2025-02-28", "relative"),
    ("sv", FEB, "denna vecka", "denna vecka", "2025-02-21", "relative"),
    ("en", FEB, "in two weeks", "in two weeks", "2025-03-04", "relative"),
    ("en", FEB, "in 3 days", "in 3 days", "2025-02-21", "relative"),
    ("en", FEB, "within a week", "within a week", "2025-02-25", "relative"),
    ("en", FEB, "two weeks from now", "two weeks from now", "2025-03-04", "relative"),
    ("fi", FEB, "kahden viikon kuluttua", "kahden viikon kuluttua", "2025-03-04", "relative"),
    ("fi", FEB, "2 viikon sisällä", "2 viikon sisällä", "2025-03-04", "relative"),
    ("fi", FEB, "3 päivän päästä", "3 päivän päästä", "2025-02-21", "relative"),
    ("fi", FEB, "viikon kuluttua", "viikon kuluttua", "2025-02-25", "relative"),
    ("fi", NOV, "neljän viikon kuluessa", "neljän viikon kuluessa", "2025-12-12", "relative"),
    ("sv", FEB, "om två veckor", "om två veckor", "2025-03-04", "relative"),
    ("sv", FEB, "inom 3 dagar", "inom 3 dagar", "2025-02-21", "relative"),
    # weekdays: the first such day after the meeting
    ("en", FEB, "Sam to send it by Friday", "by Friday", "2025-02-21", "weekday"),
    ("en", FEB, "next Friday", "next Friday", "2025-02-21", "weekday"),
    ("en", FEB, "on Monday", "Monday", "2025-02-24", "weekday"),
    ("en", FEB, "by Tuesday", "by Tuesday", "2025-02-25", "weekday"),  # said on a Tuesday
    ("en", FEB, "by Fri", "by Fri", "2025-02-21", "weekday"),
    ("en", NOV, "by Friday", "by Friday", "2025-11-21", "weekday"),
    ("fi", FEB, "perjantaihin mennessä", "perjantaihin mennessä", "2025-02-21", "weekday"),
    ("fi", FEB, "ensi perjantaina", "ensi perjantaina", "2025-02-21", "weekday"),
    ("fi", FEB, "viimeistään pe", "viimeistään pe", "2025-02-21", "weekday"),
    ("fi", NOV, "Ilmoittautuminen lauantaihin asti auki", "lauantaihin", "2025-11-15", "weekday"),  # "asti" (until) is no deadline word
    ("fi", DEC, "torstaina", "torstaina", "2026-12-17", "weekday"),
    ("sv", FEB, "på fredag", "fredag", "2025-02-21", "weekday"),
    ("sv", FEB, "senast fredag", "senast fredag", "2025-02-21", "weekday"),
    ("sv", FEB, "nästa fredag", "nästa fredag", "2025-02-21", "weekday"),
    ("sv", FEB, "senast mån", "senast mån", "2025-02-24", "weekday"),
]


@pytest.mark.parametrize("lang, base, text, phrase, expected, kind", ONE_MENTION)
def test_find_dates_one_mention(lang, base, text, phrase, expected, kind):
    found = find_dates(text, base, lang)
    if phrase is None:
        assert found == []
        return
    assert [(m.text, m.date, m.kind) for m in found] == [(phrase, D(expected), kind)]
    assert all(text[m.start : m.end] == m.text for m in found)


# --- find_dates: things that are not dates -------------------------------------------------

TRAPS = [
    ("fi", "rahoitusta 7,7 M€ varattu"),
    ("fi", "joista 40 % karsitaan"),
    ("fi", "Rahoitus: kunnat (20%) + hankerahoitus (80%)"),
    ("fi", "stipendi 10 000 € Hiljaisuus ry:lle"),
    ("fi", "4.5 M€ jää jäljelle"),
    ("fi", "n. 4.5 milj. euroa"),
    ("en", "a grant of 4.5 million"),
    ("en", "2.5 hours of work"),
    ("fi", "+358 (0)50 765 4321"),
    ("fi", "puh. 040 123 4567"),
    ("fi", "klo 10.00–12.15"),
    ("fi", "alkaa klo 13.12 ja päättyy"),
    ("fi", "kello 8.15"),
    ("sv", "kl. 9"),
    ("sv", "klockan 10.12"),
    ("en", "at 10.11 sharp"),
    ("fi", "9.00 - 11.30 kahvi"),
    ("en", "10:00-11:30"),
    ("en", "at 10am"),
    ("fi", "Yritysrahoitus (TL1.3. niukka) ja TL1.1. olisi rahoja"),
    ("fi", "32.1. ei ole päivä"),
    ("fi", "12.13. ei ole päivä"),
    ("fi", "31.4. ei ole päivä"),
    ("fi", "Kainuun matkailustrategia 2025-2030+"),
    ("fi", "verkostohankkeessa 2025–2028"),
    ("fi", "vuonna 2026 teemana"),
    ("fi", "2026"),
    ("fi", "moduulien 1-4 jako"),
    ("fi", "muuttujia 10–15 kpl"),
    ("fi", "36 kk toteutus: 475.000 - 525.000 euroa"),
    ("fi", "budjetti 31.000 euroa"),
    ("fi", "https://manttavilppula.fi/wp-content/uploads/2024/07/Pamfletti_26_6_24.pdf"),
    ("fi", "www.example.fi/12.3.html"),
    ("fi", "etunimi.sukunimi@kaupunki.example"),
    ("en", "Version 2.1.3 released"),
    ("en", "See item 4.2 of the agenda"),
    ("en", "as section 3/4 says"),
    ("fi", "Kohdassa 4.2 todettiin"),
    ("fi", "Yritysrahoitus (kohta 1.3. niukka)"),
    ("fi", "§ 4.2 hyväksyttiin"),
    ("sv", "enligt punkt 3.2"),
    ("en", "v2.0 is out"),
    ("en", "24/7 support"),
    ("en", "2.1 Budget\nThe budget was approved."),
    ("en", "W3C minutes"),
    ("en", "Q5 is no quarter"),
    ("en", "May I ask a question?"),
    ("en", "We may 3D print it"),
    ("en", "the decision of the market"),
    ("en", "ASAP"),
    ("fi", "heti kun mahdollista"),
    ("sv", "snarast möjligt"),
    ("fi", "Joulukuun alussa ministeriön vierailu"),
    ("fi", "ensi vuoden alkupuolella maaliskuussa työpaja"),
    ("fi", "2. Viikon tapahtumat"),
    ("fi", "Seuraava kokous"),  # no next_meeting date given
    ("en", "before the next meeting"),
    ("sv", "i mars 3 gånger"),
    ("fi", "maaliskuussa 2 kertaa"),
    ("en", "The fair is in March"),  # "in" without a deadline word
    ("sv", "Mässan är i mars"),
    ("fi", "kuukauden aikana"),  # or within a month?
    ("en", "the mid-term review"),
    ("en", "in the middle of the month"),
    ("fi", "tammikuun puolivälin jälkeen"),
    ("fi", "kaksi viikkoa ennen seuraavaa kokousta"),  # no next_meeting date given
    ("en", "a week before the next meeting"),
    ("sv", "en vecka före nästa möte"),
    ("en", "a few days before the launch"),
    ("en", "Ask the school about the classroom for the camp week in June"),  # when, not by when
    ("fi", "Kysyä koululta luokkaa kesäkuussa pidettävälle leirille"),
    ("sv", "Fråga om guidning i juli"),
    ("en", "We meet again early next month"),
]


@pytest.mark.parametrize("lang, text", TRAPS)
def test_find_dates_traps(lang, text):
    assert find_dates(text, NOV, lang) == []


# --- find_dates: several mentions, and no base ---------------------------------------------

def test_find_dates_in_reading_order_with_spans():
    text = "Seminaari 17.6. tai 18.6.; dl 21.2 ja vko 13. Aika 14.11.2025 klo 9.00–11.30."
    found = find_dates(text, FEB, "fi")
    assert [(m.text, m.date.isoformat(), m.kind) for m in found] == [
        ("17.6.", "2025-06-17", "date"),
        ("18.6.", "2025-06-18", "date"),
        ("dl 21.2", "2025-02-21", "deadline"),
        ("vko 13", "2025-03-30", "week"),
        ("14.11.2025", "2025-11-14", "date"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)
    assert isinstance(found[0], DateMention)


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("fi", "dl 21.2 ja vko 13 ja ensi viikolla, kokous 14.11.2025", ["2025-11-14"]),
        ("en", "by Friday, end of month, Q3, or March 14, 2026", ["2026-03-14"]),
        ("en", "end of March 2026 or Q3/2026 or week 13/2026", ["2026-03-31", "2026-09-30", "2026-03-29"]),
        ("sv", "senast 14/3 eller 14/3/2026", ["2026-03-14"]),
        ("fi", "maaliskuun 2026 aikana, tammikuun puoliväliin", ["2026-03-31"]),
    ],
)
def test_find_dates_without_base_keeps_only_dates_with_a_year(lang, text, expected):
    assert [m.date.isoformat() for m in find_dates(text, None, lang)] == expected


@pytest.mark.parametrize(
    "lang, text, phrase",
    [
        ("fi", "Esitys seuraavaan kokoukseen mennessä.", "seuraavaan kokoukseen mennessä"),
        ("fi", "Selvitetään ennen seuraavaa kokousta.", "ennen seuraavaa kokousta"),
        ("fi", "Seuraava kokous", "Seuraava kokous"),
        ("en", "Sam to circulate it before the next meeting.", "before the next meeting"),
        ("en", "Done by the next meeting", "by the next meeting"),
        ("sv", "Eva tar fram underlag till nästa möte.", "till nästa möte"),
        ("sv", "Klart före nästa möte", "före nästa möte"),
        # "next time": the next meeting
        ("sv", "Olle gör en ny budget till nästa gång.", "till nästa gång"),
        ("en", "Sam will bring the drafts next time.", "next time"),
        ("fi", "Aino tuo luonnokset ensi kerraksi.", "ensi kerraksi"),
    ],
)
def test_next_meeting_phrases(lang, text, phrase):
    [found] = find_dates(text, FEB, lang, next_meeting=NEXT_MEETING)
    assert (found.text, found.date, found.kind) == (phrase, NEXT_MEETING, "next_meeting")
    assert find_dates(text, FEB, lang) == []


@pytest.mark.parametrize(
    "lang, sentence, phrase",
    [
        ("fi", "Ville selvittää vakuutukset maaliskuun kokoukseen.", "maaliskuun kokoukseen"),
        ("fi", "Tarjoukset tuodaan maaliskuun kokoukseen mennessä.", "maaliskuun kokoukseen mennessä"),
        ("fi", "Kirsi esittelee luonnoksen maaliskuun palaverissa.", "maaliskuun palaverissa"),
        ("en", "Tom will bring two quotes to the March meeting.", "March meeting"),
        ("en", "Priya to report back at the meeting in March.", "meeting in March"),
        ("sv", "Karin tar fram offerter till marsmötet.", "till marsmötet"),
        ("sv", "Olle redovisar kostnaderna på mötet i mars.", "mötet i mars"),
    ],
)
def test_the_meeting_of_a_named_month_is_the_next_meeting_when_that_falls_in_it(lang, sentence, phrase):
    found = find_deadline(sentence, FEB, lang, next_meeting=NEXT_MEETING)
    assert (found.text, found.date, found.kind) == (phrase, NEXT_MEETING, "next_meeting")
    # another month's meeting, or no known next meeting: no day can be told (not the
    # month's end, which would fall after the meeting)
    april = sentence.replace("maaliskuun", "huhtikuun").replace("March", "April").replace("mars", "april")
    assert find_deadline(april, FEB, lang, next_meeting=NEXT_MEETING) is None
    assert find_deadline(sentence, FEB, lang) is None


# --- find_deadline ---------------------------------------------------------------------------

DEADLINES = [
    ("fi", FEB, "yhdistyksen lausunto toimitettava kirjeen liitteeksi (pdf) 24.3. mennessä "
                "(viim. viikon 13 aikana): aino@example.fi", "24.3. mennessä", "2025-03-24"),
    ("fi", FEB, "Kaikkien jäsenten ilmoittautumiset retkelle: dl 21.2", "dl 21.2", "2025-02-21"),
    ("fi", FEB, "Aino kokoaa/lähettää tiedotteen jäsenten luettavaksi 18.2.",
     "18.2.", "2025-02-18"),
    ("fi", FEB, "ilmoittautumisen dl on 31.3.2025 (järjestäjä: Kaarnamaa)", "31.3.2025", "2025-03-31"),
    ("fi", FEB, "Anna lähettää kutsun ensi viikolla", "ensi viikolla", "2025-02-28"),
    ("fi", FEB, "Pekka selvittää asian maaliskuun loppuun mennessä", "maaliskuun loppuun mennessä",
     "2025-03-31"),
    ("fi", FEB, "Seminaari 17.6., Liisa kokoaa ohjelman viimeistään vko 12",
     "viimeistään vko 12", "2025-03-23"),
    ("fi", FEB, "Kokouksessa 5.3. sovittu: Liisa hoitaa viikolla 11", "viikolla 11", "2025-03-16"),
    ("fi", FEB, "Liisa lähettää kyselyn ke 26.2. ja raportin viimeistään 7.3.",
     "viimeistään 7.3.", "2025-03-07"),
    ("en", FEB, "Action: Sam to send the budget by Friday", "by Friday", "2025-02-21"),
    ("en", FEB, "Workshop on 5.3.; Anna to send slides by end of month", "by end of month", "2025-02-28"),
    ("en", FEB, "Report due 2025-03-01, review in week 10", "due 2025-03-01", "2025-03-01"),
    ("en", FEB, "Sam will check the numbers ASAP, latest 3.3.", "3.3.", "2025-03-03"),
    ("en", FEB, "Kim to book the venue in two weeks", "in two weeks", "2025-03-04"),
    ("sv", FEB, "Mötet 14/3: Eva ansvarar för budgeten, senast 28/3", "senast 28/3", "2025-03-28"),
    ("sv", FEB, "Eva skickar protokollet senast fredag", "senast fredag", "2025-02-21"),
    ("sv", FEB, "Åtgärd: Olle bokar lokal före nästa möte", "före nästa möte", "2025-03-25"),
    ("en", FEB, "Next meeting: Tuesday 14 March 2026 at 10:00", "Tuesday 14 March 2026", "2026-03-14"),
    ("en", FEB, "Kim to present at the next meeting", "next meeting", "2025-03-25"),
    ("fi", FEB, "Laskut lähetetään maaliskuun aikana, muistutus 1.4.", "maaliskuun aikana", "2025-03-31"),
    ("en", FEB, "Anna to draft it by mid-March; kickoff 3.3.", "by mid-March", "2025-03-15"),
    # an amount before the next meeting (25.3.2025)
    ("fi", FEB, "Toiminnanjohtaja toimittaa tarjoukset viimeistään viikkoa ennen seuraavaa kokousta.",
     "viimeistään viikkoa ennen seuraavaa kokousta", "2025-03-18"),
    ("fi", FEB, "Aineisto jaetaan viikko ennen seuraavaa kokousta", "viikko ennen seuraavaa kokousta",
     "2025-03-18"),
    ("fi", FEB, "Esitys kaksi viikkoa ennen seuraavaa kokousta", "kaksi viikkoa ennen seuraavaa kokousta",
     "2025-03-11"),
    ("fi", FEB, "Liisa kommentoi pari päivää ennen seuraavaa kokousta", "ennen seuraavaa kokousta",
     "2025-03-25"),  # a vague amount is left out
    ("en", FEB, "Kim to circulate the agenda a week before the next meeting",
     "a week before the next meeting", "2025-03-18"),
    ("en", FEB, "Sam to send slides two days before the next meeting", "two days before the next meeting",
     "2025-03-23"),
    ("sv", FEB, "Eva skickar underlaget en vecka före nästa möte", "en vecka före nästa möte",
     "2025-03-18"),
]


@pytest.mark.parametrize("lang, base, sentence, phrase, expected", DEADLINES)
def test_find_deadline(lang, base, sentence, phrase, expected):
    found = find_deadline(sentence, base, lang, next_meeting=NEXT_MEETING)
    assert (found.text, found.date) == (phrase, D(expected))
    assert sentence[found.start : found.end] == phrase


# sentences of real minutes, each with its own meeting (and next meeting)
SENTENCES = [
    ("fi", "2026-02-10", None, "Jäsenmaksulaskut lähetetään jäsenille maaliskuun aikana.",
     "maaliskuun aikana", "2026-03-31"),
    ("fi", "2025-12-02", None, "Riikka selvittää tammikuun puoliväliin mennessä, voiko …",
     "tammikuun puoliväliin mennessä", "2026-01-15"),
    ("fi", "2025-12-02", None,
     "Vainion Kristiina ja Jan-Erik kääntävät mittariston ruotsiksi tammikuun aikana.",
     "tammikuun aikana", "2026-01-31"),
    ("fi", "2026-02-10", "2026-03-17",
     "Toiminnanjohtaja toimittaa tarjoukset hallitukselle viimeistään viikkoa ennen seuraavaa kokousta.",
     "viimeistään viikkoa ennen seuraavaa kokousta", "2026-03-10"),
]


@pytest.mark.parametrize("lang, base, next_meeting, sentence, phrase, expected", SENTENCES)
def test_find_deadline_in_sentences_of_minutes(lang, base, next_meeting, sentence, phrase, expected):
    next_date = D(next_meeting) if next_meeting else None
    found = find_deadline(sentence, D(base), lang, next_meeting=next_date)
    assert (found.text, found.date) == (phrase, D(expected))
    assert sentence[found.start : found.end] == phrase


@pytest.mark.parametrize(
    "lang, sentence",
    [
        ("en", "Sam to circulate the draft before the next meeting"),  # no next meeting known
        ("fi", "Tarjoukset toimitetaan viimeistään viikkoa ennen seuraavaa kokousta."),
        ("en", "Sam to send slides two days before the next meeting"),
        ("en", "Anna will check ASAP"),
        ("fi", "Inga lupautuu avuksi kahvituksen järjestämiseen."),
        ("fi", "Selvitetään heti."),
        ("sv", "Eva ansvarar för budgeten snarast."),
        ("fi", "Rahoitus 7,7 M€, klo 9.00–11.30"),
    ],
)
def test_find_deadline_none(lang, sentence):
    assert find_deadline(sentence, FEB, lang) is None


# --- read: what a user types ----------------------------------------------------------------

TYPED = [
    ("fi", NOV, "2026-03-25", "2026-03-25"),
    ("fi", NOV, "25.3.", "2026-03-25"),  # a typed day is never in the past
    ("fi", NOV, "25.3", "2026-03-25"),
    ("fi", NOV, "25.3.2026", "2026-03-25"),
    ("fi", NOV, "10.11.", "2026-11-10"),
    ("fi", NOV, "14.11.", "2025-11-14"),  # the base day itself
    ("fi", NOV, "1.12.", "2025-12-01"),
    ("en", NOV, "next friday", "2025-11-21"),
    ("fi", NOV, "ensi perjantaina", "2025-11-21"),
    ("fi", NOV, "perjantaina", "2025-11-21"),
    ("fi", NOV, "pe", "2025-11-21"),
    ("en", NOV, "fri", "2025-11-21"),
    ("sv", NOV, "fredag", "2025-11-21"),
    ("fi", NOV, "huomenna", "2025-11-15"),
    ("en", NOV, "tomorrow", "2025-11-15"),
    ("en", NOV, "today", "2025-11-14"),
    ("en", NOV, "in 3 days", "2025-11-17"),
    ("fi", NOV, "3 päivän päästä", "2025-11-17"),
    ("sv", NOV, "om en vecka", "2025-11-21"),
    ("en", NOV, "end of month", "2025-11-30"),
    ("fi", NOV, "kuun loppuun", "2025-11-30"),
    ("fi", NOV, "viikko 13", "2026-03-29"),
    ("fi", FEB, "viikko 13", "2025-03-30"),
    ("en", NOV, "week 47", "2025-11-23"),
    ("en", NOV, "march 25", "2026-03-25"),
    ("en", NOV, "25 March", "2026-03-25"),
    ("fi", NOV, "25 maaliskuuta", "2026-03-25"),
    ("fi", NOV, "25. maaliskuuta 2027", "2027-03-25"),
    ("sv", NOV, "25 mars", "2026-03-25"),
    ("en", NOV, "Q1", "2026-03-31"),
    ("en", NOV, "next week", "2025-11-21"),
    ("fi", NOV, "seuraava kokous", "2025-03-25"),
    ("en", NOV, "next meeting", "2025-03-25"),
    ("fi", NOV, "tammikuun aikana", "2026-01-31"),
    ("en", NOV, "during December", "2025-12-31"),
    ("fi", NOV, "tammikuun puoliväliin", "2026-01-15"),
    ("en", FEB, "mid-February", "2026-02-15"),  # typed on 18.2.: 15.2. is past, next year's
    ("sv", NOV, "mitten av januari", "2026-01-15"),
    ("fi", NOV, "viikkoa ennen seuraavaa kokousta", "2025-03-18"),
    ("en", NOV, "a week before the next meeting", "2025-03-18"),
]


@pytest.mark.parametrize("lang, base, phrase, expected", TYPED)
def test_read_typed(lang, base, phrase, expected):
    assert read(phrase, base, lang, next_meeting=NEXT_MEETING, typed=True) == D(expected)


@pytest.mark.parametrize(
    "lang, base, phrase",
    [
        ("en", NOV, ""),
        ("en", NOV, "soon"),
        ("en", NOV, "asap"),
        ("fi", NOV, "heti"),
        ("fi", NOV, "32.1."),
        ("fi", NOV, "klo 9"),
        ("en", NOV, "next meeting"),  # no next meeting known
        ("fi", None, "25.3."),  # no base, no year
        ("fi", None, "huomenna"),
    ],
)
def test_read_cannot_tell(lang, base, phrase):
    with pytest.raises(UnreadableDate, match="no date in it"):
        read(phrase, base, lang, typed=True)


def test_read_without_base_reads_full_dates():
    assert read("25.3.2026", None, "fi", typed=True) == date(2026, 3, 25)
    assert read("March 25, 2026", None, "en") == date(2026, 3, 25)


# --- parse_time_range ------------------------------------------------------------------------

T = time.fromisoformat

TIMES = [
    ("klo 9.15–11.45", "09:15", "11:45"),
    ("Aika: 12.11.2025 klo 13.00–15.45", "13:00", "15:45"),
    ("25.3.2026 klo 8.30–10.00.", "08:30", "10:00"),
    ("10:00-11:30", "10:00", "11:30"),
    ("kl. 9", "09:00", None),
    ("klo 9–11", "09:00", "11:00"),
    ("kl 13–15", "13:00", "15:00"),
    ("klo 10—11.30", "10:00", "11:30"),
    ("9.00 - 11.30", "09:00", "11:30"),
    ("9.30–11.30", "09:30", "11:30"),
    ("klockan 14.30", "14:30", None),
    ("kello 8", "08:00", None),
    ("at 10am", "10:00", None),
    ("10 am–12 pm", "10:00", "12:00"),
    ("2:30 pm", "14:30", None),
    ("10–11 am", "10:00", "11:00"),
    ("11-1 pm", "11:00", "13:00"),
    ("12 am", "00:00", None),
    ("12 pm", "12:00", None),
    ("3 p.m.", "15:00", None),
    ("Tuesday 14 March 2026, 10:00–11:30", "10:00", "11:30"),
    ("Alkaa klo 25.00, oikeasti klo 10", "10:00", None),
]


@pytest.mark.parametrize("text, start, end", TIMES)
def test_parse_time_range(text, start, end):
    assert parse_time_range(text) == (T(start), T(end) if end else None)


@pytest.mark.parametrize(
    "text",
    ["", "klo 25.00", "25:00", "14.11.2025", "Markkinat 13.12.", "10.10–11.10", "7,7 M€", "2025-2030",
     "13 pm"],
)
def test_parse_time_range_none(text):
    assert parse_time_range(text) == (None, None)


# --- find_meeting_date -----------------------------------------------------------------------

MEETING_DATES = [
    ("fi", "Hakuinfo 19.2.2025", "2025-02-19"),
    ("fi", "Kulttuuriverkoston kokous\n\nMUISTIO\n\nAika: 12.11.2025 klo 13.00–15.45", "2025-11-12"),
    ("fi", "Muistio 14.3.\nAika 15.3.2026", "2026-03-15"),
    ("fi", "Kokous 14. maaliskuuta 2026", "2026-03-14"),
    ("en", "Date: 2025-11-14", "2025-11-14"),
    ("en", "Board meeting, Tuesday 14 March 2026", "2026-03-14"),
    ("en", "Minutes of March 14, 2026", "2026-03-14"),
    ("sv", "Protokoll 14 mars 2026", "2026-03-14"),
    ("sv", "Styrelsemöte 14/3/2026", "2026-03-14"),
    ("sv", "Anteckningar från arbetsgruppen, 14/3 2026", "2026-03-14"),
    ("en", "cluster-meeting-2025-11-14", "2025-11-14"),  # a file name
    ("fi", "muistio_14.11.2025_final", "2025-11-14"),
    ("en", "notes 2025-11-14-v2", "2025-11-14"),
]


@pytest.mark.parametrize("lang, text, expected", MEETING_DATES)
def test_find_meeting_date(lang, text, expected):
    assert find_meeting_date(text, lang) == D(expected)


@pytest.mark.parametrize(
    "lang, text",
    [("fi", "Seuraava kokous 25.3. klo 9"), ("en", "Strategy 2025-2030"), ("fi", "haku 3/2025"),
     ("fi", "klo 13.00–15.45"), ("en", "")],
)
def test_find_meeting_date_none(lang, text):
    assert find_meeting_date(text, lang) is None


# --- how dateparser is used, and speed -------------------------------------------------------

def test_dateparser_only_on_month_name_phrases_with_the_profile_language(monkeypatch):
    import dateparser

    calls = []

    def spy(phrase, languages=None, settings=None):
        calls.append((phrase, languages, settings))
        return None

    dates._dateparser.cache_clear()
    monkeypatch.setattr(dateparser, "parse", spy)
    find_dates("dl 21.2, vko 13, ensi viikolla, klo 9.00–11.30, 14.11.2025", FEB, "fi")
    assert calls == []
    find_dates("Kokous 14. maaliskuuta 2026 ja sitten paljon muuta tekstiä", FEB, "fi")
    dates._dateparser.cache_clear()
    assert calls and all(len(phrase) < 30 for phrase, _, _ in calls)
    assert all(languages == ["fi"] for _, languages, _ in calls)
    assert all(settings["PREFER_DATES_FROM"] == "future" for _, _, settings in calls)
    assert calls[0][2]["RELATIVE_BASE"].date() == FEB


def _document() -> str:
    paragraph = (
        "Aino avasi kokouksen ja todettiin läsnäolijat. Avustuksiin on varattu 7,7 M€, "
        "joista 50 % jaetaan, n. 4.5 M€ jää jäljelle (TL1.3. niukka). Ilmoittautuminen päättyy 31.12. "
        "Kaikkien jäsenten vastaukset: dl 21.2, lausunto 24.3. mennessä (viim. viikon 13 aikana). "
        "Seuraava kokous 25.3.2026 klo 9.00–11.30, puh. +358 (0)44 1234 567. Anna hoitaa ensi "
        "viikolla, Pekka perjantaihin mennessä; https://example.fi/2024/07/x_26_6_24.pdf\n"
    )
    return paragraph * (20_000 // len(paragraph) + 1)


def test_a_20_kb_document_without_month_names_never_calls_dateparser(monkeypatch):
    # Speed is by construction (patterns are tried only where a number or a profile word
    # starts; about 2 ms for 20 KB); the project keeps wall-clock limits out of its tests.
    def refuse(*args, **kwargs):
        raise AssertionError("dateparser called")

    monkeypatch.setattr(dates, "_dateparser", refuse)
    text = _document()
    assert len(text) >= 20_000
    found = find_dates(text, NOV, "fi")
    assert len(found) == 7 * text.count("avasi kokouksen")


@pytest.mark.parametrize(
    "lang, sentence, expected",
    [
        ("fi", "Kuoro kokoontuu keskiviikkoisin.", None),
        ("fi", "Salin vapaus tiistai-iltaisin syksyllä, kesäkuun loppuun mennessä.", "2025-06-30"),
        ("fi", "Harjoitukset maanantaisin; tilat selvitetään perjantaihin mennessä.", "2025-02-21"),
        ("en", "Tom checks the hall on Tuesday evenings.", None),
        ("en", "Rehearsals on Tuesdays; Tom checks the hall by Friday.", "2025-02-21"),
        ("sv", "Vi ses tisdagskvällar.", None),
        ("sv", "Vi övar på tisdagar; Olof bokar lokalen senast fredag.", "2025-02-21"),
        # one day of the week is still a date
        ("fi", "Pekka selvittää asian tiistaihin mennessä.", "2025-02-25"),
        ("en", "Tom checks the hall on Tuesday evening.", "2025-02-25"),
    ],
)
def test_a_weekday_that_recurs_is_no_date(lang, sentence, expected):
    found = find_deadline(sentence, FEB, lang)
    assert (found.date.isoformat() if found else None) == expected


# --- read: one reader for the parser and for `minutes due` ----------------------------------

MAR = date(2026, 3, 3)  # the minutes' meeting, a Tuesday
TYPING_DAY = date(2026, 12, 4)  # the day a member types the phrase, a Friday

# (lang, phrase, read in the minutes of MAR, typed on TYPING_DAY): each form in each language
ONE_READER = [
    # a month as a whole: alone, or with a deadline word
    ("fi", "tammikuussa", "2027-01-31", "2027-01-31"),
    ("fi", "viimeistään tammikuussa", "2027-01-31", "2027-01-31"),
    ("en", "in January", "2027-01-31", "2027-01-31"),
    ("en", "due in January", "2027-01-31", "2027-01-31"),
    ("sv", "i januari", "2027-01-31", "2027-01-31"),
    ("sv", "senast i januari", "2027-01-31", "2027-01-31"),
    # a month's name alone: a table's due cell, a due date typed
    ("fi", "tammikuu", "2027-01-31", "2027-01-31"),
    ("en", "January", "2027-01-31", "2027-01-31"),
    ("sv", "januari", "2027-01-31", "2027-01-31"),
    # a day after its month
    ("fi", "maaliskuun 15.", "2026-03-15", "2027-03-15"),
    ("fi", "maaliskuun 15. mennessä", "2026-03-15", "2027-03-15"),
    ("fi", "maaliskuun 15. päivä", "2026-03-15", "2027-03-15"),
    ("en", "March 15", "2026-03-15", "2027-03-15"),
    ("en", "by March 15", "2026-03-15", "2027-03-15"),
    ("sv", "den 15 mars", "2026-03-15", "2027-03-15"),  # Swedish writes the day first
    ("sv", "senast den 15 mars", "2026-03-15", "2027-03-15"),
    # the start of a month
    ("fi", "joulukuun alussa", "2026-12-07", "2026-12-07"),
    ("fi", "joulukuun alkuun mennessä", "2026-12-07", "2026-12-07"),
    ("fi", "ensi kuun alussa", "2026-04-07", "2027-01-07"),
    ("en", "early December", "2026-12-07", "2026-12-07"),
    ("en", "by the beginning of December", "2026-12-07", "2026-12-07"),
    ("en", "early next month", "2026-04-07", "2027-01-07"),
    ("sv", "i början av december", "2026-12-07", "2026-12-07"),
    ("sv", "senast i början av nästa månad", "2026-04-07", "2027-01-07"),
    # a weekday that fits its day (20.3.2026 is a Friday)
    ("fi", "pe 20.3.", "2026-03-20", None),
    ("fi", "perjantaina 20.3. mennessä", "2026-03-20", None),
    ("en", "Fri 20 March", "2026-03-20", None),
    ("en", "by Friday 20/3", "2026-03-20", None),
    ("sv", "fredag 20 mars", "2026-03-20", None),
    ("sv", "senast fre 20/3", "2026-03-20", None),
    # the forms that were there before
    ("fi", "ensi perjantaina", "2026-03-06", "2026-12-11"),
    ("en", "next friday", "2026-03-06", "2026-12-11"),
    ("sv", "nästa fredag", "2026-03-06", "2026-12-11"),
    ("fi", "viikko 13", "2026-03-29", "2027-04-04"),
    ("en", "end of March", "2026-03-31", "2027-03-31"),
    ("sv", "i mitten av januari", "2027-01-15", "2027-01-15"),
]


@pytest.mark.parametrize("lang, phrase, in_minutes, typed", ONE_READER)
def test_read_is_the_reading_the_parser_gives_a_due_date(lang, phrase, in_minutes, typed):
    assert read(phrase, MAR, lang) == D(in_minutes)
    assert find_deadline(phrase, MAR, lang).date == D(in_minutes)  # the parser's own reading


@pytest.mark.parametrize("lang, phrase, in_minutes, typed", [f for f in ONE_READER if f[3]])
def test_read_typed_is_a_day_to_come(lang, phrase, in_minutes, typed):
    assert read(phrase, TYPING_DAY, lang, typed=True) == D(typed)


@pytest.mark.parametrize(
    "lang, task, due, left",
    [
        ("fi", "Anna lähettää kutsun viimeistään tammikuussa.", "2027-01-31", "Anna lähettää kutsun"),
        ("fi", "Anna lähettää kutsun maaliskuun 15. mennessä.", "2026-03-15", "Anna lähettää kutsun"),
        ("fi", "Anna lähettää kutsun joulukuun alkuun mennessä.", "2026-12-07", "Anna lähettää kutsun"),
        ("en", "ACTION: Anna to send the invitation by early December.", "2026-12-07",
         "Anna to send the invitation"),
        ("en", "ACTION: Anna to send the invitation due in January.", "2027-01-31",
         "Anna to send the invitation"),
        ("sv", "Åtgärd: Anna skickar inbjudan senast i början av december.", "2026-12-07",
         "Anna skickar inbjudan"),
    ],
)
def test_the_parser_reads_each_new_form_in_a_task_and_takes_it_out_of_the_text(lang, task, due, left):
    from minutes import parse

    heading = {"fi": "Hallituksen kokous\nAika: 3.3.2026\nPaikalla: Anna Virtanen, Pekka Nieminen",
               "en": "Board meeting\nDate: 3 March 2026\nPresent: Anna Smith, Ben Carter",
               "sv": "Styrelsemöte\nDatum: 3.3.2026\nNärvarande: Anna Berg, Per Lund"}[lang]
    (action,) = parse(f"{heading}\n1. Kutsut\n{task}\n", lang=lang).actions
    assert action.due == D(due)
    assert action.text.rstrip(" .") == left


@pytest.mark.parametrize(
    "lang, phrase, base, typed, reason",
    [
        ("fi", "la 20.3.", MAR, False, "20.3.2026 is a Friday, not a Saturday"),
        ("fi", "pe 20.3.", TYPING_DAY, True, "20.3.2027 is a Saturday, not a Friday"),
        ("en", "Sat 20 March", MAR, False, "20.3.2026 is a Friday, not a Saturday"),
        ("en", "Fri 20/3", TYPING_DAY, True, "20.3.2027 is a Saturday, not a Friday"),
        ("sv", "lör 20 mars", MAR, False, "20.3.2026 is a Friday, not a Saturday"),
        ("sv", "fredag 20/3", TYPING_DAY, True, "20.3.2027 is a Saturday, not a Friday"),
        ("fi", "tällä viikolla 4", MAR, False, "only 'viikolla 4' is a date; 'tällä' is left over"),
        ("en", "next friday or monday", MAR, True,
         "only 'next friday' is a date; 'or monday' is left over"),
        ("sv", "snart", MAR, True, "no date in it"),
    ],
)
def test_read_refuses_with_the_reason(lang, phrase, base, typed, reason):
    with pytest.raises(UnreadableDate) as refused:
        read(phrase, base, lang, typed=typed)
    assert str(refused.value) == f"{phrase!r}: {reason}"


@pytest.mark.parametrize(
    "lang, phrase, doubt",
    [
        ("fi", "viikolla 4", "due 2027-01-31 is 11 months after the meeting (read from 'viikolla 4')"),
        ("en", "week 4", "due 2027-01-31 is 11 months after the meeting (read from 'week 4')"),
        ("sv", "vecka 4", "due 2027-01-31 is 11 months after the meeting (read from 'vecka 4')"),
        ("fi", "la 20.3.", "due 'la 20.3.': 20.3.2026 is a Friday, not a Saturday"),
        ("en", "by Sat 20/3", "due 'by Sat 20/3': 20.3.2026 is a Friday, not a Saturday"),
        ("sv", "senast lör 20/3", "due 'senast lör 20/3': 20.3.2026 is a Friday, not a Saturday"),
    ],
)
def test_a_due_date_far_from_its_meeting_or_with_a_wrong_weekday_is_a_doubt(lang, phrase, doubt):
    due = find_deadline(phrase, MAR, lang).date
    assert due_doubts(due, phrase, MAR, lang) == [doubt]


def test_a_due_date_within_six_months_is_no_doubt():
    assert due_doubts(date(2026, 8, 31), "elokuun loppuun", MAR, "fi") == []
    assert due_doubts(date(2026, 3, 20), "pe 20.3.", MAR, "fi") == []


def test_the_review_shows_the_doubts_of_the_due_dates_the_parser_read():
    from minutes import parse

    m = parse("Hallituksen kokous\nAika: 3.3.2026\nPaikalla: Anna Virtanen, Pekka Nieminen\n"
              "1. Avaus\nPekka selvittää salin hinnan tällä viikolla 4\n"
              "Anna lähettää kutsun la 20.3. mennessä.\n")
    assert [a.doubts for a in m.actions] == [
        ["due 2027-01-31 is 11 months after the meeting (read from 'viikolla 4')"],
        ["due 'la 20.3. mennessä': 20.3.2026 is a Friday, not a Saturday"],
    ]
