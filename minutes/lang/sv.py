"""Swedish."""

from . import Profile

PROFILE = Profile(
    code="sv",
    dateparser_language="sv",
    common_words=frozenset(
        """och att det som en på är av för med till den har inte om ett var vi de
        kommer ska skall också eller men mötet protokoll närvarande beslut nästa möte
        beslutades diskuterades inga ingen inget nya andra alla flera många""".split()
    ),
    labels={
        "title": ("protokoll", "minnesanteckningar", "mötesanteckningar", "anteckningar"),
        "date": ("datum", "tid", "dag"),
        "time": ("tid", "klockan", "kl"),
        "place": ("plats", "lokal", "mötesplats"),
        "present": ("närvarande", "deltagare", "närvarande ledamöter", "övriga närvarande",
                    "deltog", "adjungerad", "adjungerade"),
        "absent": ("frånvarande", "förhinder", "anmält förhinder", "ej närvarande"),
        # who was there, told in a sentence of prose: "Närvarande var ordförande …, A och B."
        "present_in_prose": ("närvarande var", "på mötet deltog", "i mötet deltog"),
        "writer": ("jag", "mig", "undertecknad"),  # "… och jag som sekreterare": no name
        "chair": ("ordförande", "mötesordförande", "ordf."),
        "secretary": ("sekreterare", "protokollförare", "mötessekreterare", "protokollet fördes av"),
        "topic": ("ämne",),
        "next_meeting": ("nästa möte", "nästa sammanträde", "kommande möte"),
        "decision": ("beslut", "beslutades", "beslöts", "mötet beslutade"),
        "meeting": ("möte", "sammanträde", "protokoll", "styrelsemöte", "årsmöte"),
        "agenda": ("dagordning", "föredragningslista"),
        "not_items": ("innehåll", "bilagor", "underskrifter"),
        "decision_verbs": ("beslutades", "beslöts", "mötet beslutade", "styrelsen beslutade", "godkändes", "antogs"),
        "column_name": ('namn', 'deltagare', 'ledamot'),
        "column_first": ('förnamn',),
        "column_last": ('efternamn',),
        "column_organisation": ('organisation', 'företag', 'representerar', 'myndighet'),
        "column_role": ('roll', 'befattning', 'titel', 'uppdrag'),
        "column_handle": ('användarnamn', 'signatur', 'github'),
    },
    roles={
        # a word that makes a chair's title another's: varapuheenjohtaja, vice chair
        "vice": ("vice",),
        # a note after a name that says the person took the minutes: Jo Lee (notes)
        "taking_minutes": ("protokoll",),
        "chair": ("ordförande", "mötesordförande", "ordf.", "ordf"),
        "secretary": ("sekreterare", "protokollförare", "mötessekreterare", "sekr", "sekr."),
        "attendance_notes": ("på distans", "digitalt", "via länk", "delvis", "protokoll"),
        "role_words": ("ordförande", "sekreterare", "ledamot", "chef", "ansvarig",
                       "samordnare", "kassör", "suppleant", "justerare", "adjungerad",
                       "protokollförare", "handläggare", "gäst", "vice"),
        # written before a name and no part of it: dr Eva Berg
        # words before a role that say whose it is: "the chair", "kokouksen sihteeri"
        "determiners": ("vår", "föreningens", "styrelsens"),
        "honorifics": ("dr", "prof", "professor"),
    },
    months={
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "maj": 5, "jun": 6, "jul": 7, "aug": 8,
        "sep": 9, "okt": 10, "nov": 11, "dec": 12,
        "januari": 1, "februari": 2, "mars": 3, "april": 4, "juni": 6, "juli": 7,
        "augusti": 8, "september": 9, "sept": 9, "oktober": 10, "november": 11, "december": 12,
    },
    weekdays={
        "måndag": 1, "mån": 1, "tisdag": 2, "tis": 2, "onsdag": 3, "ons": 3,
        "torsdag": 4, "tors": 4, "fredag": 5, "fre": 5, "lördag": 6, "lör": 6,
        "söndag": 7, "sön": 7,
    },
    # how words inflect, for comparing two forms of one word (minutes.words)
    inflection={
        "clitics": (),  # none in this language
        "stem_ends": (),  # none in this language
        "endings": ("arnas", "ernas", "ornas", "arna", "erna", "orna", "ningen", "ningar", "ning",
                    "ande", "ens", "ets", "ade", "ar", "er", "or", "en", "et", "na", "de", "te",
                    "at", "it", "ts", "a", "e", "s", "t"),
        "folds": (r"([bcdfghjklmnpqrstvwxz])\1 \1",),
        "vowels": ("aeiouyåäö",),
    },
    compounds=True,
    follow_up={
        "done_after_listed": (),  # none in this language
        "participles": (),  # none in this language
        "postpositions": (),  # none in this language
        "done": ("klart", "klar", "klara", "gjort", "gjord", "utfört", "utförd", "avklarat",
                 "avklarad", "slutfört", "slutförd", "genomfört", "genomförd", "skickat",
                 "skickad", "skickats", "fixat", "fixad", "bokat", "bokad", "beställt", "beställd"),
        # a past participle after one of these (and a filler) says it is done: "är skickat",
        # "har redan fixat"
        "done_after": ("är", "har", "blev", "har blivit", "är nu"),
        "done_fillers": ("nu", "redan", "också"),
        "past_endings": ("at", "it", "tt", "ts", "ad", "ade", "da", "ats", "its"),
        "open": ("pågår", "pågående", "fortsätter", "kvarstår", "skjuts upp", "flyttas",
                 "flyttades", "under arbete", "öppen", "öppet"),
        "cancelled": ("struken", "stryks", "ströks", "avbruten", "avbryts", "inställd",
                      "behövs inte", "behövs ej", "utgår", "utgick", "slopas", "slopad"),
        "not": ("inte", "ej", "inte än", "ännu inte"),
        "sections": ("föregående mötes protokoll", "föregående protokoll", "förra mötets protokoll",
                     "föregående möte", "uppföljning av åtgärder", "uppföljning",
                     "öppna ärenden", "öppna åtgärder", "åtgärdslista"),
        "standing_items": ("mötets öppnande", "öppnande", "val av justerare",
                           "godkännande av dagordningen", "föregående mötes protokoll",
                           "föregående protokoll", "ekonomi", "övriga frågor", "nästa möte",
                           "mötets avslutande"),
        "title_noise": ("protokoll fört vid", "protokoll från", "protokoll",
                        "minnesanteckningar", "dagordning", "utkast"),
        "agenda": "Dagordning",
        "open_actions": "Öppna åtgärder",
        "no_owner": "Ingen ansvarig",
        "when": "Tid",
        "where": "Plats",
        "due": "senast {date}",
        "date": "{day}/{month} {year}",
        "carried": "flyttad {n}×",
        "columns": ("Ansvarig", "Åtgärd", "Senast"),
    },
    actions={
        "recipient_endings": (),  # a recipient is named after a word (recipient_before)
        "not_subject_endings": (),
        # the ending of a present verb after its subject: "Mats sammankallar …"
        "present_endings": ("r",),
        "done_words": (),  # none in this language
        "must_endings": (),  # none in this language
        "passive_endings": (),  # none in this language
        # What a later meeting says of an earlier one's actions, and the words of a draft
        # agenda (read by tracker.reconcile, tracker.series and tracker.agenda, not the parser).
        "marker": ("åtgärd", "åtgärder", "uppgift", "att göra", "todo"),
        "owner": ("ansvarig", "ansvariga", "ansvar", "vem"),
        "due": ("klart", "senast", "deadline", "tidplan", "när", "datum"),
        "promise_lemmas": ("lova", "åta"),
        "quantifiers": ("alla",),
        "not_tasks": ("info", "för kännedom", "noterades", "igår"),
        # a line that opens with one of these tells, even without a colon: ``Obs mötet flyttas``
        "notices": ("obs", "obs!", "fyi", "nb"),
        "done_status": ("klart", "klar", "gjort", "utfört"),
        "request": ("kan du", "kunde du", "skulle du", "behöver", "måste"),
        # a heading that looks ahead holds plans; one that looks back, reports
        # a label that opens a question, not a task: "Open question: …"
        "question_labels": ("fråga", "frågor", "öppen fråga", "idé"),
        # a matter put off is no task: "palataan syksyllä", "we'll revisit it"
        # a negated "forget" is a reminder, no plan given up: "Tom will not forget to …"
        "forget": ("glöm", "glömma", "glömmer"),
        "deferral": ("återkommer till", "väntar med", "bordlades", "bordläggs", "skjuts upp", "senare",
                     "tas upp igen", "vi väntar"),
        # a sentence that says there is work to do: "the next step is to …"
        "task_said": ("uppgiften är att", "nästa steg är att", "härnäst", "återstår att"),
        # what happens as a habit is no task: "we always …", "koko ajan", "varje möte"
        "habitual": ("alltid", "ofta", "vanligtvis", "hela tiden", "brukar", "varje år", "varje möte", "regelbundet"),
        "section_next": ("nästa", "kommande", "plan", "planering", "att göra", "uppgifter",
                         "framåt", "beslut"),
        "section_past": ("föregående", "förra", "rapport", "rapporter", "status", "läget", "lägesrapport",
                         "uppföljning", "genomgång", "information", "info"),
        "section": ("åtgärder", "åtgärdslista", "uppgifter", "att göra"),
        "column_action": ("åtgärd", "uppgift", "vad", "åtgärder", "beskrivning"),
        # a table whose action column is only one of these is a schedule unless it names owners
        "column_neutral": ("vad", "beskrivning"),
        "column_owner": ("ansvarig", "vem", "ansvariga"),
        "column_due": ("klart", "senast", "när", "deadline", "datum", "klart senast"),
        "commit_verbs": ("ansvarar för", "ska", "skall", "kommer att", "tar fram", "skickar",
                         "kontaktar", "återkommer", "undersöker", "bjuder in", "sammanställer",
                         "ordnar", "bokar", "kallar", "åtar sig", "åtog sig", "lovade", "lovar",
                         "tar kontakt", "förbereder", "uppdaterar", "skriver", "meddelar"),
        "report_verbs": ("berättade", "informerade", "rapporterade", "konstaterade", "sa", "sade"),
        "tentative": ("kanske", "skulle kunna", "borde", "eventuellt", "möjligen", "kunde",
                      "om det finns tid"),
        "agreed": ("vi kom överens om", "man kom överens om", "överenskoms att"),
        # a body that requires a task of someone: ``Nämnden krävde att orsakerna utreds``
        "required": ("krävde att", "begärde att"),
        # a line that says how things are is no task, whoever it names: "Salen är bokad (Olof)"
        "statement_verbs": ("är", "var", "har varit"),
        # a second owner named beside the first: "… tillsammans med Olof"
        "together_before": ("tillsammans med", "ihop med"),
        "together_after": (),
        # what people send to someone who then acts on it: ``Synpunkter till Olof senast 20/2``
        "sent_things": ("synpunkter", "kommentarer", "anmälan", "anmälningar", "förslag", "svar",
                        "meddelande", "intresseanmälningar", "idéer", "nomineringar"),
        "recipient_before": ("till", "direkt till"),
        "first_person": ("jag tar", "jag ska", "jag skickar", "jag kan ta"),
        "passive_tasks": (),
        "due_phrases": ("senast", "före", "innan", "till", "deadline", "vecka", "v.", "slutet av",
                        "slutet"),
        "reported": (r"\b\w+(?:ades|des|tes)\b", r"\b(?:har|hade)\s+(?:\w+\s+)?\w+(?:at|it|tt|ts)\b"),
        "task_of": (),
        "coming": (),
    },
    verbs={
        "adverbs": ("också", "även", "sedan", "nu", "då", "redan", "själv", "gemensamt", "båda",
                    "alla", "först", "vidare"),
        "and": ("och", "&", "+", "samt", "med"),
        "we": ("vi", "man", "styrelsen"),
        "i": ("jag", "mig"),
        "that": ("att",),
        "after_people": ("att",),
        "they": ("de", "han", "hon", "den", "det", "dom", "detta", "dessa", "ni", "du", "någon",
                 "ingen", "man"),
        "be": ("vara", "bli", "förbli"),
        "negation": ("inte", "ej", "aldrig", "icke"),
        "question": ("hur", "vad", "vem", "när", "varför", "vilken", "vilka", "ska vi", "borde vi",
                     "kan vi", "finns det"),
        "noun_endings": ("ning", "ningar", "het", "tion", "else", "skap", "mail", "möte", "orna",
                         "arna", "erna"),
        "future": ("ska", "skall", "kommer att", "tänker", "planerar att", "ska ta", "tar och"),
        "must": ("måste", "behöver", "bör", "ansvarar för", "har ansvar för", "får i uppdrag att"),
        "commit": ("åtog sig att", "lovade att", "lovar att", "tar på sig att", "erbjöd sig att",
                   "åtar sig att", "anmälde sig"),
        "conditional": ("kan", "kunde", "skulle", "borde", "får", "vill", "ville", "önskar", "tycker"),
        "progressive": ("håller på", "jobbar på", "arbetar på", "fortsätter", "jobbar med",
                        "arbetar med"),
        "perfect": ("har", "hade", "är", "var", "blev", "har inte", "hade inte"),
        "past_words": ("gjorde", "tog", "fick", "var", "hade", "skrev", "gick", "sa", "sade", "kom",
                       "såg", "gav", "blev", "valde", "satt", "drog", "fanns"),
        "past_endings": ("ade", "de", "te", "dde", "tte"),
        "present_endings": ("ar", "er", "ir", "år", "ör", "rar", "tar"),
        "passive_endings": ("as", "rs", "ts", "ds"),
        "infinitive_endings": ("a", "å"),
        "present_words": ("tar", "gör", "får", "ser", "går", "står", "ber", "ger", "drar", "kör",
                          "bär", "lär"),
        "not_verb_endings": ("ning", "het", "tion", "else"),
        "opening_past_endings": ("ade", "ades", "des", "tes"),
        "event": ("hålls", "äger rum", "börjar", "öppnar", "stänger", "infaller"),
        # verbs that say how things are, not what someone does: "the plan covers …"
        "state_verbs": ("innehåller", "omfattar", "stödjer", "betyder", "gäller", "handlar", "verkar", "kostar", "varar", "finns", "ligger", "behövs", "saknas", "fortskrider"),
        # the ending of a verb of work going on ("working"), and the word after which an
        # assigned task names its doers ("assigned the survey to Jo")
        "progressive_endings": (),
        "assign_to": (),
        "base_verbs": (),
        "assign": ("uppdrar", "uppdrog", "ber", "bad", "ger", "gav"),
        "not_after_to": (),
        "infinitive_marks": (),
        "not_after_future": ("vara", "inte"),
    },
    groups={
        "alla": ("alla", "samtliga", "var och en"),
        "styrelsen": ("styrelsen", "styrelsens"),
        "kommunerna": ("kommunerna", "kommunernas", "kommunen"),
    },
    date_words={
        "am": (),  # none in this language
        "in_month_endings": (),  # none in this language
        "pm": (),  # none in this language
        "week": ("vecka", "v", "v.", "veckan", "veckor"),
        "next": ("nästa", "kommande"),
        "this": ("denna", "den här", "detta"),
        # a weekday that recurs is no date: på tisdagar, tisdagskvällar
        "recurring_endings": ("dagar", "kvällar", "morgnar", "förmiddagar", "eftermiddagar", "nätter"),
        "recurring_after": (),
        "end": ("slutet av", "slutet", "utgången av", "utgång"),
        "month": ("månaden", "månad"),
        "quarter": ("kvartal", "q", "kvartalet", "kvartalets"),
        "by": ("senast", "före", "innan", "deadline", "till"),
        "time": ("kl", "kl.", "klockan"),
        "today": ("idag", "i dag", "efter mötet", "senare idag"),
        "tomorrow": ("imorgon", "i morgon"),
        "asap": ("snarast", "omgående", "asap"),
        # read by minutes.dates (see its docstring for what each group does)
        "by_after": (),
        "during_after": (),
        "during": ("under", "under loppet av"),
        "in_month": ("i",),
        "middle": ("i mitten av", "i mitten på", "mitten av", "mitten på", "medio"),
        "start": ("i början av", "början av", "i början på", "början på"),
        "before": ("före", "innan"),
        "few": ("några", "par", "flera"),
        "in": ("om", "inom"),
        "in_after": (),
        "day": ("dag", "dagar", "dagars"),
        "one": ("en", "ett"),
        "two": ("två",),
        "three": ("tre",),
        "four": ("fyra",),
        "year": ("året", "år", "årets"),
        "month_end": (),
        "week_end": (),
        "filler": ("den",),
        "month_day": (),
        "ordinal": (":a", ":e"),
        "meeting": ("möte", "mötet", "sammanträde", "sammanträdet"),
        "occasion": ("gång",),  # "till nästa gång": the next meeting
        "units": ("miljoner", "mkr", "msek", "kr", "kronor", "procent", "st", "timmar", "tim", "h",
                  "min", "km", "kg"),
        "reference": ("punkt", "punkten", "avsnitt", "avsnittet", "paragraf", "kapitel", "version",
                      "versionen", "bilaga", "bilagan", "tabell", "figur", "sida", "sidan", "s.",
                      "nr"),
    },
    structure={
        "and": ("och", "samt", "&"),
        "or": ("eller",),
        "by_label": ("förde", "fördes av"),
        "present_after": ("är närvarande", "var närvarande", "närvarade"),
        "same": ("samma",),
        "place_words": ("plats", "rum", "länk"),
        "time_words": ("tid",),
        "filler": ("i", "på", "vid", "hålls", "är", "kl"),
        "place_endings": (),
    },
    lower_case_titles=True,
)
