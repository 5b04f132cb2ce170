"""Dates, deadlines and clock times in the text of minutes.

Every function is pure: the meeting date comes in as ``base`` and the language as a code
(``fi``, ``en``, ``sv``); the words come from the language profiles in ``minutes.lang``.

    >>> from datetime import date
    >>> base = date(2025, 2, 18)
    >>> [(m.text, m.date.isoformat(), m.kind) for m in find_dates("Vastaukset dl 21.2", base, "fi")]
    [('dl 21.2', '2025-02-21', 'deadline')]
    >>> find_deadline("toimitettava 24.3. mennessä (viim. viikon 13 aikana)", base, "fi").text
    '24.3. mennessä'
    >>> read("viikko 13", base, "fi")
    datetime.date(2025, 3, 30)
    >>> parse_time_range("14.11.2025 klo 9.00–11.30")
    (datetime.time(9, 0), datetime.time(11, 30))
    >>> find_meeting_date("Valmisteluinfo 18.2.2025", "fi")
    datetime.date(2025, 2, 18)

What is read, and how:

- Numeric dates by our own patterns: ``14.11.2025``, ``14.11.25``, ``21.2``, ``21.2.``,
  ``2026-03-25``, ``14/3``, ``14/3/2026``, with an optional weekday before (``pe 14.3.``);
  a weekday that does not fit the date is the mention's ``doubt``.
  ``3/2025`` is a month: its last day (kind ``month_end``).
- Worded dates (``14 mars 2026``, ``March 14, 2026``, ``maaliskuun 14.``) only where a
  month name of the profile stands next to a day number; that short phrase, and nothing
  else, goes to dateparser (imported on first use, always with the profile's language).
- Periods: week numbers (``viikon 13 aikana``, ``vko 13``, ``w13``, ``vecka 13``), quarters
  (``Q3``, ``Q3/2026``, ``3Q``, ``2. kvartaali``, ``kvartal 2``, ``by the end of Q2``) and
  month, year and week ends (``end of March``, ``kuun loppuun``, ``i slutet av månaden``,
  ``vuoden loppuun``, ``EOM``, ``EOW``).
- A month as a whole: ``maaliskuun aikana``, ``tammikuun kuluessa``, ``ensi kuun aikana``,
  ``during March``, ``under mars``, ``during next month``; ``in March``, ``i mars`` and
  ``tammikuussa`` only with a deadline word (``due in March``, ``senast i mars``,
  ``viimeistään tammikuussa``) or as the whole phrase (typed, or a due cell): in a sentence
  they stay what they were (nothing, or ``March 2026``), as they more often tell when
  something happens. The word *month* alone (``kuukauden aikana``) is left out: it may
  mean *within a month*.
- The start of a month, on the same terms as ``in March``: ``joulukuun alussa``, ``early
  December``, ``by the beginning of next month``, ``i början av december`` (kind
  ``month_start``: the 7th, the end of its first week).
- The middle of a month: ``tammikuun puoliväliin mennessä``, ``tammikuun puolivälissä``,
  ``mid-January``, ``by the middle of January``, ``i mitten av januari``, ``medio januari``,
  ``ensi kuun puoliväliin``, ``mid next month`` (kind ``month_middle``).
- Relative phrases: ``today``, ``tomorrow``, ``this week``, ``next week``, ``in two weeks``,
  ``3 päivän päästä``, weekdays (``by Friday``, ``ensi perjantaina``, ``senast fredag``)
  and the next meeting (``ennen seuraavaa kokousta``, ``before the next meeting``).
- An amount of days or weeks before the next meeting or a day: ``viikkoa ennen seuraavaa
  kokousta``, ``kaksi viikkoa ennen seuraavaa kokousta``, ``two days before the next
  meeting``, ``en vecka före nästa möte``, ``viikkoa ennen 24.3.``: that many days earlier,
  in the kind of what it counts from (``next_meeting``; a day becomes a ``deadline``).
- Not dates: clock times (``klo 13.12``, ``9.00–11.30``), amounts (``4.5 M€``, ``20 %``),
  phone numbers, year ranges (``2025-2030``), bare years, section numbers (``TL1.3.``,
  ``kohta 4.2``, ``item 3/4``, ``§ 4.2``), ``24/7``, impossible days (``32.1.``), URLs and
  e-mail addresses, and a yearless ``2.1`` without a final dot that opens a line before a
  capital (a heading number).
- A phrase is a ``deadline`` when a deadline word comes with it (``dl``, ``viim.``,
  ``by``, ``senast`` before it; ``mennessä``, ``asti`` after it); the words are part of its
  ``text``. Other kinds keep their kind but carry the words too (``by Friday``).

Speed: a pattern is only tried where a number or a word of the profile starts, so a 20 KB
document takes a couple of milliseconds; dateparser only sees the month-name phrases.

The decisions, so that every part of the parser reads a phrase the same way:

- A date without a year, in minutes (``find_dates``, ``find_deadline``), is the one in the
  twelve months from ten months before the meeting: minutes of 14.12.2026 saying
  ``dl 10.1`` mean 2027-01-10, while ``26.6.`` in minutes of 14.11.2025 is 2025-06-26.
  A user typing a due date (``read(..., typed=True)``) means the next such day on or after
  ``base``.
- A period without a year (week, quarter, named month) is the first one that has not ended
  before ``base``: ``Q1`` in December is next year's first quarter.
- A month as a whole (``maaliskuun aikana``, ``during March``) means its last day, kind
  ``month_end``, like ``maaliskuun loppuun``. The middle of a month means its 15th, kind
  ``month_middle``, of the first such month not ended before ``base`` (so ``mid-January``
  said on 20 January is 15 January, already past: the minutes may be reporting; typed
  as a due date it is next year's, as a typed day is never in the past).
- ``viikkoa ennen X`` / ``a week before X`` is X minus 7 days, where X is the next meeting
  (no next meeting date: no date) or a day; without a number the amount is one
  (``viikkoa``, ``a week``), but after a vague word (``pari viikkoa``, ``a few days``)
  the amount is dropped and the phrase reads as ``ennen X`` / ``before X``.
- A week number means the end of that ISO week: its Sunday (DESIGN.md: "the end of ISO
  week 13").
- ``this week``, ``EOW`` and ``end of the week`` mean the Friday of the meeting's week (or
  the meeting day itself if it falls on a weekend); ``next week`` means the Friday of the
  following week: a due date reads better on a working day.
- A weekday, with or without ``next``/``ensi``/``nästa``, is the first such day *after*
  ``base``: ``next Friday`` in minutes of Tuesday 18.2.2025 is 21.2.2025, and ``by
  Friday`` said on a Friday is a week later.
- ``in two weeks`` is ``base`` plus 14 days; ``kahden viikon kuluttua`` likewise.
- ``ASAP`` has no date.

The profile groups in ``date_words`` this module reads: ``by`` (deadline words written
before the date; those also in ``by_after`` are written after it, like ``mennessä``),
``week``, ``next``, ``this``, ``end``, ``month``, ``year``, ``quarter``, ``today``,
``tomorrow``, ``time``, ``am``/``pm``, ``during_after`` (``aikana`` after a week),
``in``/``in_after`` (``in``/``kuluttua`` around an amount of days or weeks), ``day``, the
number words ``one`` .. ``four``, ``month_end``/``week_end`` (single words like ``EOM``),
``filler`` (``the``, ``of``, ``den`` around a day), ``ordinal`` (``th``, ``:e``),
``month_day`` (what follows the day when the month comes first; ``""`` for nothing, and
no entry at all where the language never writes the month first), ``meeting`` (the nouns
of ``next meeting``), ``units`` (words after a number that make it an amount) and
``reference`` (words before a number that make it a section, item or page), ``during``
(words before a month that mean *during* it: ``during``, ``under``), ``in_month`` (words
before a month that mean *during* it only after a deadline word: ``in``, ``i``),
``in_month_endings`` (the case endings that do the same: ``tammikuussa``), ``start`` (the
start of a month, before or after it: ``early``, ``i början av``, ``alussa``),
``during_after`` (also after a month: ``maaliskuun aikana``), ``middle`` (the middle of a
month, before it or after it: ``mid``, ``middle of``, ``mitten av``, ``puoliväliin``),
``before`` (between an amount and what it counts back from: ``ennen``, ``before``,
``före``) and ``few`` (vague amounts, ``pari``, ``a few``, ``några``, that keep a number-less
offset from counting as one).
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache, partial

from .lang import LANGUAGES, Profile, profile

__all__ = [
    "DateMention",
    "UnreadableDate",
    "due_doubts",
    "find_dates",
    "find_deadline",
    "find_meeting_date",
    "parse_time_range",
    "read",
]

LOOKBACK_MONTHS = 10  # a yearless date in minutes reaches this far back, then next year
_PERIOD_KINDS = (
    "week", "month_end", "month_start", "month_middle", "quarter", "relative", "weekday",
    "next_meeting",
)
FAR_DAYS = 183  # a due date further than about six months from its meeting is a doubt


@dataclass(frozen=True)
class DateMention:
    """A date found in a text: the date, the phrase as written and where it stands.

    ``kind`` is one of ``date``, ``deadline`` (a date introduced by a deadline word),
    ``week``, ``month_end``, ``month_start`` (the 7th: ``early December``),
    ``month_middle`` (the 15th: ``mid-January``), ``quarter``, ``relative``, ``weekday`` or
    ``next_meeting``. ``doubt`` says what does not fit, if anything (``pe 20.3.`` when the
    20th is a Saturday).
    """

    date: date
    text: str
    start: int
    end: int
    kind: str
    doubt: str | None = None


class UnreadableDate(ValueError):
    """A phrase that is no date, or not only one, or a date that cannot be: a weekday
    that does not fit it. The message is one line that says which; ``reading`` is the
    date the phrase was nearest to, if any."""

    def __init__(self, message: str, reading: DateMention | None = None) -> None:
        super().__init__(message)
        self.reading = reading


# ---------------------------------------------------------------------------------------------
# public functions


def find_dates(
    text: str, base: date | None, lang: str, *, next_meeting: date | None = None
) -> list[DateMention]:
    """Every date mentioned in ``text``, in reading order.

    Without ``base`` only dates that carry their year are found; without ``next_meeting``
    the phrases about the next meeting are left out.
    """
    return [m for m, _ in _scan(text, base, lang, next_meeting=next_meeting, future=False)]


def find_deadline(
    text: str, base: date | None, lang: str, *, next_meeting: date | None = None
) -> DateMention | None:
    """The due date of one action sentence, or ``None``.

    A date introduced by a deadline word wins (``24.3. mennessä``, ``dl 21.2``), then a
    week, month end, quarter or relative phrase (one with a deadline word first), then the
    first plain date.
    """
    return _best(_scan(text, base, lang, next_meeting=next_meeting, future=False))


def read(
    phrase: str, meeting_date: date | None, lang: str, *, next_meeting: date | None = None,
    typed: bool = False,
) -> date:
    """The date a due-date phrase means (``25.3.``, ``ensi perjantaina``, ``in 3 days``,
    ``viikko 13``, ``tammikuussa``, ``maaliskuun 15.``, ``joulukuun alussa``), said on
    ``meeting_date`` in language ``lang``.

    It is the reading the parser gives a due date in minutes (``find_deadline``: the same
    patterns, the same choice among them). With ``typed`` the phrase is one a person types
    as a due date, on ``meeting_date`` (today): a day without a year is then the next such
    day on or after it, never one in the past.

    ``UnreadableDate`` says why when the phrase is no date, when words are left over
    beside the date (``tällä viikolla 4``), or when a weekday does not fit the date
    (``pe 20.3.`` when the 20th is a Saturday)::

        >>> read("pe 20.3.", date(2026, 3, 3), "fi")
        datetime.date(2026, 3, 20)
        >>> read("joulukuun alussa", date(2026, 3, 3), "fi", typed=True)
        datetime.date(2026, 12, 7)
    """
    scanned = _scan(phrase, meeting_date, lang, next_meeting=next_meeting, future=typed)
    best = _best(scanned)
    if best is None:
        lone = _lone_weekday(phrase, meeting_date, _grammar(lang))
        if lone is not None:
            return lone
        raise UnreadableDate(f"{phrase.strip()!r}: no date in it")
    left = (phrase[: best.start] + " " + phrase[best.end :]).strip(" \t\n.,;:()-–")
    if _TOKEN.search(left):
        raise UnreadableDate(f"{phrase.strip()!r}: only {best.text!r} is a date; "
                             f"{' '.join(left.split())!r} is left over", best)
    if best.doubt:
        raise UnreadableDate(f"{phrase.strip()!r}: {best.doubt}", best)
    return best.date


def due_doubts(
    due: date, due_text: str | None, meeting_date: date | None, lang: str, *,
    next_meeting: date | None = None,
) -> list[str]:
    """What is doubtful about a due date read from minutes: a weekday in its phrase that
    does not fit it, or a date further than about six months from the meeting (``tällä
    viikolla 4``, a page number after the phrase, read as week 4 of the next year)."""
    doubts = []
    if due_text:
        found = find_deadline(due_text, meeting_date, lang, next_meeting=next_meeting)
        if found is not None and found.date == due and found.doubt:
            doubts.append(f"due {due_text!r}: {found.doubt}")
    if meeting_date is not None and abs((due - meeting_date).days) > FAR_DAYS:
        months = round(abs((due - meeting_date).days) / 30.4)
        side = "after" if due > meeting_date else "before"
        doubts.append(f"due {due.isoformat()} is {months} months {side} the meeting"
                      + (f" (read from {due_text!r})" if due_text else ""))
    return doubts


def find_meeting_date(text: str, lang: str) -> date | None:
    """The first full date, year included, in ``text`` (numeric or worded)."""
    for mention, _ in _scan(text, None, lang, next_meeting=None, future=False):
        if mention.kind in ("date", "deadline"):
            return mention.date
    return None


def parse_time_range(text: str) -> tuple[time | None, time | None]:
    """The first clock time or time range in ``text`` as ``(start, end)``.

    ``klo 9.00–11.30``, ``10:00-11:30``, ``kl. 9``, ``klo 9–11``, ``9.00 - 11.30``,
    ``at 10am``, ``10 am–12 pm``, ``2:30 pm``. Dates are never read as times, and
    impossible times (``25:00``) are skipped. ``(None, None)`` when there is none.
    """
    cg = _clock_grammar()
    for clock in _clocks(text, *_tokens(text, cg.time_words, ())):
        if clock.first is not None:
            return clock.first, clock.last
    return None, None


# ---------------------------------------------------------------------------------------------
# calendar arithmetic


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _full_year(year: str) -> int:
    return int(year) + 2000 if len(year) == 2 else int(year)


def _yearless_day(day: int, month: int, base: date | None, *, future: bool) -> date | None:
    """A day and month without a year: see the module docstring for the rule."""
    if base is None:
        return None
    this_year = _safe_date(base.year, month, day)
    if future:
        if this_year is not None and this_year >= base:
            return this_year
    elif this_year is not None and this_year >= _add_months(base, -LOOKBACK_MONTHS):
        return this_year
    return _safe_date(base.year + 1, month, day)


def _week_end(year: int, week: int) -> date | None:
    try:
        return date.fromisocalendar(year, week, 7)
    except ValueError:
        return None


def _quarter_end(year: int, quarter: int) -> date:
    return _last_day(year, quarter * 3)


def _first_not_ended(
    base: date | None, year: int | None, end_of: Callable[[int], date | None]
) -> date | None:
    """The period ``end_of(year)`` of the given year, or the first one ending on or after
    ``base`` (this year's or next year's)."""
    if year is not None:
        return end_of(year)
    if base is None:
        return None
    end = end_of(base.year)
    if end is None or end < base:
        end = end_of(base.year + 1)
    return end


def _friday(day: date, weeks_ahead: int = 0) -> date:
    friday = day + timedelta(days=4 - day.weekday() + 7 * weeks_ahead)
    return max(friday, day)


def _next_weekday(base: date, iso_weekday: int) -> date:
    return base + timedelta(days=(iso_weekday - base.isoweekday() - 1) % 7 + 1)


# ---------------------------------------------------------------------------------------------
# words and patterns


def _words(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first; a space matches any whitespace."""
    phrases = sorted({w.lower().strip() for w in words if w.strip()}, key=len, reverse=True)
    if not phrases:
        return "(?!)"
    return "(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + ")"


def _stems(keys: Iterable[str]) -> str:
    """An alternation of profile keys: up to three letters an abbreviation (the whole word,
    optional dot), longer a stem that any inflected form starts with."""
    keys = list(keys)
    stems = _words(k for k in keys if len(k) > 3)
    short = _words(k for k in keys if len(k) <= 3)
    return rf"(?:{stems}[^\W\d_]*|{short}\.?(?!\w))"


def _lookup(table: dict[str, int], word: str) -> int | None:
    """The number of a month or weekday word as written (``maaliskuun`` -> 3)."""
    word = word.lower().rstrip(".")
    if word in table:
        return table[word]
    for key in sorted(table, key=len, reverse=True):
        if len(key) > 3 and word.startswith(key):
            return table[key]
    return None


_TOKEN = re.compile(r"[^\W_]+")
_LETTERS = re.compile(r"[^\W\d_]*")


def _tokens(
    text: str, words: Container[str], prefixes: Container[str]
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Where the numbers start, each with the kind of number it is (``digit.`` for one that
    a dot follows, likewise ``digit/``, ``digit-``, ``digit:``, ``digit `` for a space and
    ``digit+`` for one with letters glued on, like ``14th`` or ``3Q``), and where the words
    start that may open a date or a time: those in ``words`` or with their first four
    letters in ``prefixes`` (lower case; ``w13`` by its letters)."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: keep the offsets true
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    digits: list[tuple[int, str]] = []
    found: list[tuple[int, str]] = []
    for m in _TOKEN.finditer(low):
        token = m.group()
        if token in words or token[:4] in prefixes:
            found.append((m.start(), token))
        elif token[0].isdigit():
            if not token.isdigit():
                digits.append((m.start(), "digit+"))
            elif (after := low[m.end() : m.end() + 1]) and (after in ".:/-" or after.isspace()):
                digits.append((m.start(), "digit" + (" " if after.isspace() else after)))
            else:
                digits.append((m.start(), "digit"))  # 20%, 7,7: a clock at most
        elif not token.isalpha():
            letters = _LETTERS.match(token).group()
            if letters in words or letters[:4] in prefixes:
                found.append((m.start(), letters))
    return digits, found


def _first_token(phrase: str) -> str:
    found = _TOKEN.search(phrase.lower())
    return _LETTERS.match(found.group()).group() if found else ""


@dataclass(frozen=True)
class _Found:
    """A candidate span; ``date`` is ``None`` where the base or a year is missing (such a
    span still keeps its words from being read as something shorter)."""

    start: int
    end: int
    kind: str
    date: date | None
    doubt: str | None = None


@dataclass(frozen=True)
class _Context:
    grammar: _Grammar
    base: date | None
    next_meeting: date | None
    future: bool  # a yearless day is the next one on or after base (else the 10-month window)


_Reading = tuple  # (kind, date | None) or (kind, date, doubt)
_Reader = Callable[[re.Match[str], _Context], "_Reading | None"]


class _Rule:
    """A pattern, the kinds of token it can start at (``digit.`` and the other kinds of
    number of ``_tokens``, ``month_name``, ``weekday``, ``weekday_abbr`` or a
    ``date_words`` group such as ``next``), and the function that reads its match as
    ``(kind, date)`` or rejects it. The pattern is compiled when a token first calls for
    it: a document uses a few of a language's rules, and compiling them all would cost more
    than reading the document."""

    __slots__ = ("source", "read", "starts", "_pattern")

    def __init__(self, source: str, read: _Reader, starts: frozenset[str]) -> None:
        self.source = source
        self.read = read
        self.starts = starts
        self._pattern: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = re.compile(self.source, re.IGNORECASE)
        return self._pattern


@dataclass(frozen=True)
class _Grammar:
    """The compiled patterns of one language, and which token starts which of them."""

    profile: Profile
    rules: tuple[_Rule, ...]
    rules_by_kind: dict[str, tuple[_Rule, ...]]
    token_words: frozenset[str]  # the words worth looking at: date words and clock words
    word_classes: dict[str, frozenset[str]]  # a whole word -> the kinds of token it is
    stem_classes: dict[str, tuple[tuple[str, str], ...]]  # first 4 letters -> (stem, kind)
    weekday_abbr: re.Pattern[str]
    by_before: re.Pattern[str]
    by_after: re.Pattern[str]
    by_inside: re.Pattern[str]
    amount_after: re.Pattern[str]
    reference_before: re.Pattern[str]
    offset_before: re.Pattern[str]  # "kaksi viikkoa ennen " before a date or the next meeting
    vague_before: re.Pattern[str]  # "pari ", "a few " before an offset without a number
    numbers: dict[str, int]

    def classes(self, word: str) -> frozenset[str]:
        """The kinds of token a lower-case word is (empty for most words)."""
        found = self.word_classes.get(word, frozenset())
        stems = self.stem_classes.get(word[:4], ())
        kinds = [kind for stem, kind in stems if word.startswith(stem)]
        return found | frozenset(kinds) if kinds else found

    def rules_for(self, kinds: frozenset[str]) -> tuple[_Rule, ...]:
        """The rules that can start at a token of these kinds, in their order."""
        if len(kinds) == 1:
            return self.rules_by_kind.get(next(iter(kinds)), ())
        return tuple(rule for rule in self.rules if rule.starts & kinds)


_NUMBER_GROUPS = ("one", "two", "three", "four")
_START_GROUPS = (
    "week", "this", "next", "end", "month", "year", "quarter", "today", "tomorrow", "in", "day",
    "month_end", "week_end", "filler", "during", "in_month", "middle", "start", "meeting",
    *_NUMBER_GROUPS,
)
_YEAR_AFTER = r"(?:\s*[/-]\s*(?P<y>\d{4}|\d{2})|,?\s+(?P<y4>(?:19|20)\d\d))?"
_ENDS = r"(?!\w|[.,]\d)"  # the number ends here: not 4.5, not Q3a
_AMOUNT_SYMBOLS = r"[%‰€$£]|[mk]€"


class _Pieces:
    """The regex pieces made of one profile's words, shared by the rules."""

    def __init__(self, p: Profile) -> None:
        dw = p.date_words
        self.profile = p
        self.month = _stems(p.months)
        self.weekday_prefix = rf"(?:(?P<wd>{_stems(p.weekdays)})[.,]?\s+)?"
        self.weekday_full = _words(k for k in p.weekdays if len(k) > 3)
        self.weekday_abbr = _words(k for k in p.weekdays if len(k) <= 3)
        self.filler, self.ordinal = self.w("filler"), self.w("ordinal")
        self.this_next = rf"(?:{self.w('this')}|{self.w('next')})"
        self.number = rf"(?P<n>\d{{1,3}}|{self.w(*_NUMBER_GROUPS)})"
        self.units = rf"(?:(?P<days>{self.w('day')})|(?P<weeks>{self.w('week')}))"
        self.q_letter = _words(q for q in dw.get("quarter", ()) if len(q) == 1)
        self.q_word = _words(q for q in dw.get("quarter", ()) if len(q) > 1)
        end = self.w("end")
        self.end_before = rf"(?:{end}\s+(?:{self.filler}\s+)?)?"  # by the end of Q2
        self.end_after = rf"(?::[^\W\d_]+)?(?:\s+{end}(?!\w))?"  # Q2:n loppuun
        # a month by name, or this or next month (the reader wants the modifier)
        self.some_month = (
            rf"(?:(?P<mod>{self.this_next})\s+)?(?:(?P<mname>{self.month})|(?P<mword>{self.w('month')}))"
        )
        self.period = (
            rf"(?:(?P<mname>{self.month})|(?P<mword>{self.w('month')})|(?P<yword>{self.w('year')})"
            rf"|(?P<wword>{self.w('week')})(?!\s*\d)|(?P<yyyy>(?:19|20)\d\d))"
        )

    def w(self, *groups: str) -> str:
        """The alternation of the words of some ``date_words`` groups."""
        return _words(word for g in groups for word in self.profile.date_words.get(g, ()))


def _rule(pattern: str, read: _Reader, *starts: str) -> _Rule:
    return _Rule(pattern, read, frozenset(starts))


_AT_WEEKDAY = ("weekday", "weekday_abbr")


def _day_rules(x: _Pieces) -> list[_Rule]:
    """Dates of one day, numeric and worded."""
    rules = [
        # 14.11.2025, 21.2, 24.3., pe 14.3.
        _rule(rf"(?<![^\W_]){x.weekday_prefix}(?<![^\W_])(?<![.,/€$£+])"
              r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})"
              r"(?:\.(?P<y>\d{4}|\d{2})(?!\d|[.,]\d)|(?P<dot>\.)(?!\d)|(?!\d|[.,]\d))",
              _read_dotted, "digit.", *_AT_WEEKDAY),
        # 14/3, 14/3/2026, and the Swedish 14/3 2026 and 14/3-2026
        _rule(rf"(?<![^\W_]){x.weekday_prefix}(?<![\w./€$£+-])(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
              r"(?:/(?P<y>\d{4}|\d{2})|[ -](?P<year>(?:19|20)\d\d)(?!\d))?(?![\d/]|[.,]\d)",
              _read_slashed, "digit/", *_AT_WEEKDAY),
        # 18.3. - 22.3.2019, 6.-7.7.: a span of days is due on its last day
        _rule(r"(?<![\w.,/])(?P<d1>\d{1,2})\.(?:(?P<m1>\d{1,2})\.?)?\s*[-–—]\s*"
              r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})(?:\.(?P<y>\d{4}|\d{2})(?!\d)|\.?)(?!\d|[.,]\d)",
              _read_day_span, "digit."),
        # 3/2025
        _rule(r"(?<![\w./€$£+-])(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/]|[.,]\d)",
              _read_month_of_year, "digit/"),
        # 2026-03-25
        _rule(r"(?<![^\W_])(?<![./])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!-?\d|[.,]\d)",
              _read_iso, "digit-"),
        # 14 mars 2026, the 14th of March, 14. maaliskuuta
        _rule(rf"(?<![^\W_]){x.weekday_prefix}(?:{x.filler}\s+)?(?<![\w.,/])(?P<d>\d{{1,2}})"
              rf"(?:\.\s*|{x.ordinal}\s+|\s+)(?:{x.filler}\s+)?(?P<month>{x.month})"
              r"(?:,?\s+(?P<y>\d{4})(?!\d))?",
              _read_worded, "digit.", "digit ", "digit:", "digit+", "filler", *_AT_WEEKDAY),
        # March 2026, kesäkuussa 2024
        _rule(rf"(?<!\w)(?P<month>{x.month}),?\s+(?P<y>(?:19|20)\d\d)(?!\d)",
              _read_worded_month, "month_name"),
    ]
    month_day = x.profile.date_words.get("month_day", ())
    if month_day:  # March 14, maaliskuun 14. päivänä, maaliskuun 14.
        tail = rf"(?:\s+{_words(month_day)}(?!\w))"
        if "" in month_day:
            day = rf"(?:{x.ordinal}|\.)?(?!\w){tail}?"
        else:  # the day's dot will do, before the end, a stop or a deadline word after it
            day = (rf"(?:\.(?:{tail}|(?=\s*$|\s*[^\w\s]|\s+{x.w('by_after')}(?!\w)))"
                   rf"|(?:{x.ordinal})?(?!\w){tail})")
        rules.append(_rule(
            rf"(?<![^\W_]){x.weekday_prefix}(?P<month>{x.month})\s+(?:{x.filler}\s+)?"
            rf"(?P<d>\d{{1,2}}){day}(?:,?\s+(?P<y>\d{{4}})(?!\d))?",
            _read_worded, "month_name", *_AT_WEEKDAY,
        ))
    return rules


def _period_rules(x: _Pieces) -> list[_Rule]:
    """Weeks, quarters, and the ends of months, years and weeks."""
    return [
        # viikon 13 aikana, vko 12–13, w13, vecka 13/2026
        _rule(rf"(?<!\w){x.end_before}{x.w('week')}\s*(?P<w>\d{{1,2}})"
              rf"(?:\s*[-–—]\s*(?P<w2>\d{{1,2}}))?"
              rf"(?:\s*/\s*(?P<y>\d{{4}})|,?\s+(?P<y4>(?:19|20)\d\d))?(?![\w]|[.,:]\d)"
              rf"(?:\s+(?:{x.w('during_after')}|{x.w('end')})(?!\w))?",
              _read_week, "week", "end"),
        # Q3, Q3/2026, 3Q, 2. kvartaali, kvartal 2
        _rule(rf"(?<!\w){x.end_before}{x.q_letter}\s?(?P<q>[1-4]){_YEAR_AFTER}{_ENDS}{x.end_after}",
              _read_quarter, "quarter", "end"),
        _rule(rf"(?<![\w.])(?P<q>[1-4])\s?{x.q_letter}{_YEAR_AFTER}{_ENDS}{x.end_after}",
              _read_quarter, "digit ", "digit+"),
        _rule(rf"(?<![\w.])(?P<q>[1-4])\.\s*{x.q_word}(?!\w){_YEAR_AFTER}{_ENDS}{x.end_after}",
              _read_quarter, "digit."),
        _rule(rf"(?<!\w){x.end_before}{x.q_word}\s+(?P<q>[1-4]){_YEAR_AFTER}{_ENDS}{x.end_after}",
              _read_quarter, "quarter", "end"),
        # end of March, end of the month, slutet av året
        _rule(rf"(?<!\w){x.w('end')}\s+(?:{x.filler}\s+)?(?:(?P<mod>{x.this_next})\s+)?{x.period}"
              r"(?:,?\s+(?P<y>(?:19|20)\d\d))?(?!\w)",
              _read_period_end, "end"),
        # maaliskuun loppuun, ensi kuun loppuun, vuoden lopussa
        _rule(rf"(?<!\w)(?:(?P<mod>{x.this_next})\s+)?{x.period}(?:\s+(?P<y>(?:19|20)\d\d))?"
              rf"\s+{x.w('end')}(?!\w)",
              _read_period_end, "digit ", "this", "next", "month_name", "month", "year", "week"),
        *_month_rules(x),
        # EOM, EOW, loppukuusta
        _rule(rf"(?<!\w)(?:(?P<month_end>{x.w('month_end')})"
              rf"|(?P<week_end>{x.w('week_end')}))(?!\w)",
              _read_end_word, "month_end", "week_end"),
    ]


def _month_rules(x: _Pieces) -> list[_Rule]:
    """A month as a whole (``during March``, ``maaliskuun aikana``, ``tammikuussa``), its
    start (``early December``, ``joulukuun alussa``, ``i början av december``) and its
    middle (``mid-January``, ``tammikuun puoliväliin``, ``i mitten av januari``)."""
    month, year = x.some_month, r"(?:,?\s+(?P<y>(?:19|20)\d\d))?"
    middle, start = x.w("middle"), x.w("start")
    rules = [
        # tammikuussa: a month in a case that means "in" it (see _read_month_in)
        _rule(rf"(?<!\w)(?P<mname>{x.month}){year}(?!\w)", _read_month_in, "month_name"),
        # early December, the beginning of next month, i början av december
        _rule(rf"(?<!\w)(?:{x.filler}\s+)?{start}(?:\s*-\s*|\s+)(?:{x.filler}\s+)?{month}"
              rf"{year}(?!\w)",
              _read_month_start, "start", "filler"),
        # joulukuun alussa, ensi kuun alkuun
        _rule(rf"(?<!\w){month}{year}\s+{start}(?![\w-])",
              _read_month_start, "this", "next", "month_name", "month"),
        # during March, under nästa månad; due in March, senast i mars
        _rule(rf"(?<!\w)(?:(?P<during>{x.w('during')})|(?P<in>{x.w('in_month')}))\s+"
              rf"(?:{x.filler}\s+)?{month}{year}(?!\w)",
              _read_month_during, "during", "in_month"),
        # mid-January, by the middle of next month, mitten av januari
        _rule(rf"(?<!\w)(?:{x.filler}\s+)?{middle}(?:\s*-\s*|\s+)(?:{x.filler}\s+)?{month}"
              rf"{year}(?!\w)",
              _read_month_middle, "middle", "filler"),
        # tammikuun puoliväliin, ensi kuun puolivälissä
        _rule(rf"(?<!\w){month}{year}\s+{middle}(?![\w-])",
              _read_month_middle, "this", "next", "month_name", "month"),
    ]
    if x.profile.date_words.get("during_after"):  # maaliskuun aikana, ensi kuun kuluessa
        rules.append(_rule(rf"(?<!\w){month}{year}\s+{x.w('during_after')}(?!\w)",
                           _read_month_during, "this", "next", "month_name", "month"))
    return rules


def _relative_rules(x: _Pieces) -> list[_Rule]:
    """Days counted from the meeting: today, next week, in two weeks, Friday, next meeting."""
    return [
        # next week, tällä viikolla, ensi viikon aikana
        _rule(rf"(?<!\w)(?:(?P<this>{x.w('this')})|(?P<next>{x.w('next')}))\s+{x.w('week')}"
              rf"(?!\s*\d)(?:\s+{x.w('during_after')})?(?!\w)",
              _read_this_next_week, "this", "next"),
        _rule(rf"(?<!\w)(?:(?P<today>{x.w('today')})|(?P<tomorrow>{x.w('tomorrow')}))(?!\w)",
              _read_today, "today", "tomorrow"),
        # in two weeks; kahden viikon kuluttua, viikon sisällä
        _rule(rf"(?<!\w){x.w('in')}\s+{x.number}\s+{x.units}(?!\w)", _read_in_amount, "in"),
        _rule(rf"(?<!\w)(?:{x.number}\s+)?{x.units}\s+{x.w('in_after')}(?!\w)",
              _read_in_amount, "digit ", "day", "week", *_NUMBER_GROUPS),
        # Friday, ensi perjantaina, nästa fre
        _rule(rf"(?<!\w)(?:{x.this_next}\s+)?(?P<wd>{x.weekday_full}[^\W\d_]*)"
              rf"|(?<!\w){x.this_next}\s+(?P<abbr>{x.weekday_abbr})\.?(?!\w)",
              _read_weekday, "this", "next", "weekday"),
        # ma - ti, Monday-Wednesday: a span of days in the week is due on its last day
        _rule(rf"(?<!\w)(?:{x.weekday_full}[^\W\d_]*|{x.weekday_abbr})\.?\s*[-–—]\s*"
              rf"(?:(?P<wd>{x.weekday_full}[^\W\d_]*)|(?P<abbr>{x.weekday_abbr}))\.?(?!\w)",
              _read_weekday_span, "weekday", "weekday_abbr"),
        # pe, fri: only after a deadline word
        _rule(rf"(?<!\w)(?P<abbr>{x.weekday_abbr})\.?(?!\w)",
              _read_weekday_after_by, "weekday_abbr"),
        _rule(rf"(?<!\w){x.w('next')}\s+(?:{x.w('meeting')}|{x.w('occasion')})(?!\w)", _read_next_meeting, "next"),
        # maaliskuun kokoukseen, the March meeting, marsmötet
        _rule(rf"(?<!\w)(?P<mname>{x.month})(?:\s+|-)?{x.w('meeting')}(?!\w)",
              _read_month_meeting, "month_name"),
        # the meeting in March, mötet i mars
        _rule(rf"(?<!\w){x.w('meeting')}\s+{x.w('in_month')}\s+(?P<mname>{x.month})",
              _read_month_meeting, "meeting"),
    ]


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar:
    p = profile(lang)
    x = _Pieces(p)
    rules = (*_day_rules(x), *_period_rules(x), *_relative_rules(x))
    by_after = set(p.date_words.get("by_after", ()))
    by_before = _words(b for b in p.date_words.get("by", ()) if b not in by_after)
    word_classes, stem_classes = _token_classes(p)
    return _Grammar(
        profile=p,
        rules=rules,
        rules_by_kind=_by_kind(rules),
        token_words=frozenset(word_classes) | _clock_grammar().time_words,
        word_classes=word_classes,
        stem_classes=stem_classes,
        weekday_abbr=re.compile(rf"(?<!\w)(?P<abbr>{x.weekday_abbr})\.?(?!\w)", re.IGNORECASE),
        by_before=re.compile(
            rf"(?<!\w){by_before}(?:(?<=\.)|(?!\w))\s*:?\s*(?:{x.filler}\s+)?$", re.IGNORECASE
        ),
        by_after=re.compile(rf"\s*{x.w('by_after')}(?!\w)", re.IGNORECASE),
        by_inside=re.compile(rf"(?<!\w)(?:{x.w('by_after')}|{x.w('before')})(?!\w)", re.IGNORECASE),
        amount_after=re.compile(rf"\s*(?:{_AMOUNT_SYMBOLS}|{x.w('units')}(?!\w))", re.IGNORECASE),
        reference_before=re.compile(
            rf"(?:§|(?<!\w){x.w('reference')}(?:(?<=\.)|(?!\w)))\s*$", re.IGNORECASE
        ),
        offset_before=re.compile(
            rf"(?<!\w)(?:{x.number}\s+)?{x.units}\s+{x.w('before')}\s+(?:{x.filler}\s+)?$",
            re.IGNORECASE,
        ),
        vague_before=re.compile(rf"(?<!\w){x.w('few')}\s+$", re.IGNORECASE),
        numbers={
            word.lower(): n
            for n, group in enumerate(_NUMBER_GROUPS, 1)
            for word in p.date_words.get(group, ())
        },
    )


def _by_kind(rules: tuple[_Rule, ...]) -> dict[str, tuple[_Rule, ...]]:
    kinds = {kind for rule in rules for kind in rule.starts}
    return {kind: tuple(rule for rule in rules if kind in rule.starts) for kind in kinds}


def _token_classes(
    p: Profile,
) -> tuple[dict[str, frozenset[str]], dict[str, tuple[tuple[str, str], ...]]]:
    """Which words (and which stems) start which kind of phrase."""
    words: dict[str, set[str]] = {}
    stems: dict[str, tuple[tuple[str, str], ...]] = {}

    def add(word: str, kind: str) -> None:
        if word:
            words.setdefault(word, set()).add(kind)

    for group in _START_GROUPS:
        for phrase in p.date_words.get(group, ()):
            add(_first_token(phrase), group)
    tables = ((p.months, "month_name", "month_name"), (p.weekdays, "weekday", "weekday_abbr"))
    for table, long_kind, short_kind in tables:
        for key in table:
            if len(key) <= 3:
                add(key, short_kind)
            else:
                stems[key[:4]] = (*stems.get(key[:4], ()), (key, long_kind))
    return {word: frozenset(kinds) for word, kinds in words.items()}, stems


# ---------------------------------------------------------------------------------------------
# reading a match


def _day(ctx: _Context, day: int, month: int, year: str | None) -> date | None:
    if year:
        return _safe_date(_full_year(year), month, day)
    return _yearless_day(day, month, ctx.base, future=ctx.future)


def _valid_day_month(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]


def _is_heading_number(m: re.Match[str]) -> bool:
    """``2.1 Budget`` opening a line is a section number, not the 2nd of January."""
    if m.group("y") or m.group("dot") or m.group("wd"):
        return False
    text = m.string
    line_start = text.rfind("\n", 0, m.start()) + 1
    after = text[m.end() : m.end() + 3]
    return (
        not text[line_start : m.start()].strip(" \t#*-•")
        and re.match(r"[ \t]+[^\W\d_]", after) is not None
        and after.strip()[:1].isupper()
    )


def _is_reference(m: re.Match[str], g: _Grammar) -> bool:
    """``kohta 4.2``, ``item 3/4``, ``§ 4.2``: a number of a section, item or page."""
    return not m.group("y") and not m.group("wd") and bool(
        g.reference_before.search(m.string, max(0, m.start() - 30), m.start())
    )


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _with_weekday(m: re.Match[str], ctx: _Context, found: date | None) -> _Reading:
    """A day with the weekday written before it (``pe 20.3.``), and the doubt when the
    weekday does not fit the day."""
    written = m.groupdict().get("wd")
    iso = _lookup(ctx.grammar.profile.weekdays, written) if written else None
    if found is None or iso is None or iso == found.isoweekday():
        return "date", found
    return ("date", found, f"{found.day}.{found.month}.{found.year} is a "
            f"{_WEEKDAY_NAMES[found.weekday()]}, not a {_WEEKDAY_NAMES[iso - 1]}")


def _read_dotted(m: re.Match[str], ctx: _Context) -> _Reading | None:
    day, month = int(m.group("d")), int(m.group("m"))
    if not _valid_day_month(day, month) or _is_heading_number(m) or _is_reference(m, ctx.grammar):
        return None
    if not m.group("y") and ctx.grammar.amount_after.match(m.string, m.end()):
        return None  # 4.5 M€
    return _with_weekday(m, ctx, _day(ctx, day, month, m.group("y")))


def _read_slashed(m: re.Match[str], ctx: _Context) -> _Reading | None:
    day, month = int(m.group("d")), int(m.group("m"))
    if not _valid_day_month(day, month) or _is_reference(m, ctx.grammar):
        return None
    year = m.group("y") or m.group("year")
    if (day, month, year) == (24, 7, None):
        return None  # 24/7 is round the clock
    return _with_weekday(m, ctx, _day(ctx, day, month, year))


def _read_iso(m: re.Match[str], ctx: _Context) -> _Reading | None:
    found = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return ("date", found) if found else None


def _read_month_of_year(m: re.Match[str], ctx: _Context) -> _Reading | None:
    month = int(m.group("m"))
    return ("month_end", _last_day(int(m.group("y")), month)) if 1 <= month <= 12 else None


def _read_worded(m: re.Match[str], ctx: _Context) -> _Reading | None:
    day, month = int(m.group("d")), _lookup(ctx.grammar.profile.months, m.group("month"))
    if month is None or not _valid_day_month(day, month):
        return None
    year = m.group("y")
    if not year and ctx.base is None:
        return "date", None
    if not _dateparser_agrees(m, day, month, ctx):
        return "date", None
    return _with_weekday(m, ctx, _day(ctx, day, month, year))


def _read_worded_month(m: re.Match[str], ctx: _Context) -> _Reading | None:
    month = _lookup(ctx.grammar.profile.months, m.group("month"))
    return ("month_end", _last_day(int(m.group("y")), month)) if month else None


def _dateparser_agrees(m: re.Match[str], day: int, month: int, ctx: _Context) -> bool:
    """Whether dateparser reads the phrase (or a plainer spelling of it: day, month word,
    year) as the same day and month as the profile does."""
    p, year = ctx.grammar.profile, m.group("y") or ""
    word = m.group("month")
    stem = next((k for k in sorted(p.months, key=len, reverse=True)
                 if len(k) > 3 and word.lower().startswith(k)), word)
    for phrase in dict.fromkeys((m.group(0), f"{day} {word} {year}", f"{day} {stem} {year}")):
        parsed = _dateparser(" ".join(phrase.split()), p.dateparser_language, ctx.base)
        if parsed is not None and (parsed.day, parsed.month) == (day, month):
            return True
    return False


@lru_cache(maxsize=512)
def _dateparser(phrase: str, language: str, base: date | None) -> date | None:
    import dateparser  # slow to import: only once a worded date turns up

    parsed = dateparser.parse(
        phrase,
        languages=[language],
        settings={
            "RELATIVE_BASE": datetime.combine(base or date(2000, 1, 1), time()),
            "PREFER_DATES_FROM": "future",
            "DATE_ORDER": "DMY",
            "REQUIRE_PARTS": ["day", "month"],
        },
    )
    return parsed.date() if parsed else None


def _read_week(m: re.Match[str], ctx: _Context) -> _Reading | None:
    week = int(m.group("w2") or m.group("w"))
    if not 1 <= week <= 53:
        return None
    year = m.group("y") or m.group("y4")
    found = _first_not_ended(ctx.base, int(year) if year else None, partial(_week_end, week=week))
    if found is None and ctx.base is not None:
        return None  # week 53 of a year that has none
    return "week", found


def _read_quarter(m: re.Match[str], ctx: _Context) -> _Reading | None:
    quarter, year = int(m.group("q")), m.group("y") or m.group("y4")
    end_of = partial(_quarter_end, quarter=quarter)
    return "quarter", _first_not_ended(ctx.base, _full_year(year) if year else None, end_of)


def _read_period_end(m: re.Match[str], ctx: _Context) -> _Reading | None:
    """The last day of the month or year, or the Friday of the week, that an
    ``end of …`` / ``… loppuun`` phrase names."""
    g, base = ctx.grammar, ctx.base
    ahead = 1 if m.group("mod") and _is_next(g, m.group("mod")) else 0
    year = int(m.group("y")) if m.group("y") else None
    if m.group("mname"):
        month = _lookup(g.profile.months, m.group("mname"))
        if month is None:
            return None
        return "month_end", _first_not_ended(base, year, partial(_last_day, month=month))
    if m.group("mword"):
        if base is None:
            return "month_end", None
        first = _add_months(base.replace(day=1), ahead)
        return "month_end", _last_day(first.year, first.month)
    if m.group("yyyy"):
        return "month_end", date(int(m.group("yyyy")), 12, 31)
    if m.group("yword"):
        year = year or (base.year + ahead if base else None)
        return "month_end", date(year, 12, 31) if year else None
    return "relative", _friday(base, ahead) if base else None


MIDDLE_DAY = 15  # mid-January, tammikuun puoliväliin, mitten av januari
START_DAY = 7  # early December, joulukuun alussa, i början av december: its first week


def _month_named(
    m: re.Match[str], ctx: _Context, kind: str, day_of: Callable[[date], date]
) -> _Reading | None:
    """``day_of`` the last day of the month a phrase names: a month by name (of the written
    year, else the first one not ended before ``base``; typed, the first whose day is not
    before ``base``) or this or next month (``ensi kuun``, ``next month``); ``None`` for the
    word *month* alone, which may mean *within a month*."""
    g, base = ctx.grammar, ctx.base
    if m.group("mname"):
        month = _lookup(g.profile.months, m.group("mname"))
        if month is None:
            return None

        def end_of(year: int) -> date:
            end = _last_day(year, month)
            return day_of(end) if ctx.future else end

        year = int(m.group("y")) if m.group("y") else None
        end = _first_not_ended(base, year, end_of)
        return kind, day_of(end) if end else None
    if not m.group("mod"):
        return None
    if base is None:
        return kind, None
    first = _add_months(base.replace(day=1), 1 if _is_next(g, m.group("mod")) else 0)
    return kind, day_of(_last_day(first.year, first.month))


def _read_month_during(m: re.Match[str], ctx: _Context) -> _Reading | None:
    """``during March``, ``maaliskuun aikana``: the month's last day; ``in March``, ``i
    mars`` only with a deadline word (``due in March``, ``senast i mars``) or alone."""
    if m.groupdict().get("in") and not _when_due(m, ctx):
        return None
    return _month_named(m, ctx, "month_end", lambda end: end)


def _read_month_in(m: re.Match[str], ctx: _Context) -> _Reading | None:
    """A month in a case that means *in* it (``tammikuussa``: the profile's
    ``in_month_endings``), read as ``in January`` is; a month's name alone (``April``,
    ``huhtikuu``: a table's due cell, a typed due date) is read so too."""
    endings = ctx.grammar.profile.date_words.get("in_month_endings", ())
    alone = not m.string[: m.start()].strip() and not m.string[m.end() :].strip(" .,;:")
    in_case = bool(endings) and m.group("mname").lower().endswith(endings) and _when_due(m, ctx)
    if not (in_case or alone):
        return None
    return _month_named(m, ctx, "month_end", lambda end: end)


def _when_due(m: re.Match[str], ctx: _Context) -> bool:
    """Whether a vague phrase (``in March``, ``tammikuussa``, ``early December``) says
    when something is due: with a deadline word before or after it, or alone (a phrase
    typed as a due date, a table's due cell). In a sentence it more often tells when
    something happens (``the camp week in June``, ``Joulukuun alussa vierailu``)."""
    g, text = ctx.grammar, m.string
    return bool(g.by_before.search(text, max(0, m.start() - 40), m.start())
                or g.by_after.match(text, m.end())
                or not text[: m.start()].strip() and not text[m.end() :].strip(" .,;:"))


def _read_month_start(m: re.Match[str], ctx: _Context) -> _Reading | None:
    if not _when_due(m, ctx):
        return None
    return _month_named(m, ctx, "month_start", lambda end: end.replace(day=START_DAY))


def _read_month_middle(m: re.Match[str], ctx: _Context) -> _Reading | None:
    return _month_named(m, ctx, "month_middle", lambda end: end.replace(day=MIDDLE_DAY))


def _is_next(g: _Grammar, word: str) -> bool:
    """Whether ``word`` is one of the profile's words for *next* (else it is *this*)."""
    return " ".join(word.lower().split()) in g.profile.date_words.get("next", ())


def _read_end_word(m: re.Match[str], ctx: _Context) -> _Reading | None:
    base = ctx.base
    if m.group("month_end"):
        return "month_end", _last_day(base.year, base.month) if base else None
    return "relative", _friday(base) if base else None


def _read_this_next_week(m: re.Match[str], ctx: _Context) -> _Reading | None:
    return "relative", _friday(ctx.base, 1 if m.group("next") else 0) if ctx.base else None


def _read_today(m: re.Match[str], ctx: _Context) -> _Reading | None:
    days = 0 if m.group("today") else 1
    return "relative", ctx.base + timedelta(days=days) if ctx.base else None


def _read_in_amount(m: re.Match[str], ctx: _Context) -> _Reading | None:
    days = _amount_days(m, ctx.grammar)  # viikon kuluttua: one week
    if not days:
        return None
    return "relative", ctx.base + timedelta(days=days) if ctx.base else None


def _read_weekday(m: re.Match[str], ctx: _Context) -> _Reading | None:
    groups = m.groupdict()
    iso = _lookup(ctx.grammar.profile.weekdays, groups.get("wd") or groups["abbr"])
    if iso is None or _recurring(m, ctx.grammar.profile):
        return None
    return "weekday", _next_weekday(ctx.base, iso) if ctx.base else None


def _read_weekday_span(m: re.Match[str], ctx: _Context) -> _Reading | None:
    """The last day of a span of weekdays, in the week that starts with the meeting: the
    meeting's own day counts."""
    groups = m.groupdict()
    iso = _lookup(ctx.grammar.profile.weekdays, groups.get("wd") or groups["abbr"])
    if iso is None:
        return None
    base = ctx.base
    return "weekday", base + timedelta(days=(iso - base.isoweekday()) % 7) if base else None


def _read_day_span(m: re.Match[str], ctx: _Context) -> _Reading | None:
    day, month = int(m.group("d")), int(m.group("m"))
    first = int(m.group("d1"))
    if not _valid_day_month(day, month) or not 1 <= first <= 31:
        return None
    if not m.group("y") and ctx.grammar.reference_before.search(m.string, max(0, m.start() - 30), m.start()):
        return None  # kohdat 4.2-4.5: items, not days
    return "date", _day(ctx, day, month, m.group("y"))


def _recurring(m: re.Match[str], p: Profile) -> bool:
    """A weekday that comes every week (``tiistaisin``, ``tiistai-iltaisin``, ``on Tuesday
    evenings``, ``på tisdagar``): a habit, not a day."""
    start = m.start("wd") if m.groupdict().get("wd") else m.start("abbr")
    word = re.match(r"[\w-]*", m.string[start:]).group(0)
    if word.lower().endswith(p.date_words.get("recurring_endings", ())):
        return True
    after = re.match(r"\s+(\w+)", m.string[start + len(word):])
    return bool(after) and after.group(1).lower() in p.date_words.get("recurring_after", ())


def _read_weekday_after_by(m: re.Match[str], ctx: _Context) -> _Reading | None:
    """A bare abbreviation (``pe``, ``fri``) is a weekday only after a deadline word."""
    if not ctx.grammar.by_before.search(m.string, max(0, m.start() - 40), m.start()):
        return None
    return _read_weekday(m, ctx)


def _read_next_meeting(m: re.Match[str], ctx: _Context) -> _Reading | None:
    return "next_meeting", ctx.next_meeting


def _read_month_meeting(m: re.Match[str], ctx: _Context) -> _Reading | None:
    """The meeting of a month by name: the next meeting when it is known to fall in that
    month, else a phrase with no day (the month's end would be later than the meeting)."""
    month = _lookup(ctx.grammar.profile.months, m.group("mname"))
    if month is None:
        return None
    upcoming = ctx.next_meeting
    return "next_meeting", upcoming if upcoming and upcoming.month == month else None


_OFFSET_KINDS = ("date", "next_meeting")


def _offsets(text: str, found: list[_Found], ctx: _Context) -> list[_Found]:
    """A day or the next meeting with an amount of days or weeks before it (``viikkoa
    ennen seuraavaa kokousta``, ``two days before 14.3.``): that many days earlier, the
    same kind. An amount without a number after a vague word (``pari viikkoa``, ``a few
    days``) is left alone: the phrase is then read without it."""
    g = ctx.grammar
    shifted = []
    for f in found:
        if f.kind not in _OFFSET_KINDS:
            continue
        m = g.offset_before.search(text, max(0, f.start - 40), f.start)
        if m is None:
            continue
        if m.group("n") is None and g.vague_before.search(text, max(0, m.start() - 30), m.start()):
            continue
        days = _amount_days(m, g)
        if days:
            shifted.append(_Found(m.start(), f.end, f.kind, f.date - timedelta(days) if f.date else None,
                                  f.doubt))
    return shifted


def _amount_days(m: re.Match[str], g: _Grammar) -> int | None:
    """The days of ``3 päivän``, ``two weeks``, ``viikon`` (no number: one)."""
    amount = m.group("n")
    if amount is None:
        count = 1
    else:
        count = int(amount) if amount.isdigit() else g.numbers.get(amount.lower())
    return count * (7 if m.group("weeks") else 1) if count else None


def _candidates(
    text: str, digits: list[tuple[int, str]], words: list[tuple[int, str]], ctx: _Context
) -> list[_Found]:
    """Every reading of every rule that can start where a number or a date word starts."""
    g = ctx.grammar
    starts = [(pos, g.rules_by_kind.get(kind, ())) for pos, kind in digits]
    starts += [(pos, g.rules_for(kinds)) for pos, word in words if (kinds := g.classes(word))]
    found = []
    for pos, rules in starts:
        for rule in rules:
            m = rule.pattern.match(text, pos)
            if m and (reading := rule.read(m, ctx)) is not None:
                found.append(_Found(m.start(), m.end(), *reading))
    return found + _offsets(text, found, ctx)


# ---------------------------------------------------------------------------------------------
# clock times


@dataclass(frozen=True)
class _Clock:
    """A clock time or range as written; ``first`` is ``None`` when it is impossible."""

    start: int
    end: int
    first: time | None
    last: time | None


def _hour_minute(i: int, separators: str = ".:") -> str:
    return rf"(?P<h{i}>\d{{1,2}})(?:[{separators}](?P<m{i}>\d{{2}}))?(?!\d|[.,:]\d)"


@dataclass(frozen=True)
class _ClockGrammar:
    after_word: re.Pattern[str]  # klo 9.00–11.30, kl. 9, at 10am
    meridiem: re.Pattern[str]  # 10 am–12 pm, 2:30 pm, 10-11 am
    bare_range: re.Pattern[str]  # 9.00 - 11.30, 10:00-11:30
    colon: re.Pattern[str]  # 10:00
    time_words: frozenset[str]
    pm_words: frozenset[str]


@lru_cache(maxsize=1)
def _clock_grammar() -> _ClockGrammar:
    """The clock patterns of all languages at once: a time reads the same in each."""
    groups = [profile(code).date_words for code in LANGUAGES]
    time_words = [w for g in groups for w in g.get("time", ())]
    meridiem_words = [w for g in groups for w in (*g.get("am", ()), *g.get("pm", ()))]
    meridiem = rf"{_words(meridiem_words)}(?!\w)"
    dash = r"\s*[-–—]\s*"
    return _ClockGrammar(
        after_word=re.compile(
            rf"(?<!\w){_words(time_words)}(?:(?<=\.)|(?!\w))\.?\s*"
            rf"{_hour_minute(1)}(?:\s*(?P<ap1>{meridiem}))?"
            rf"(?:{dash}{_hour_minute(2)}(?:\s*(?P<ap2>{meridiem}))?)?",
            re.IGNORECASE,
        ),
        meridiem=re.compile(  # only with am/pm: 7.30pm, 2:30 pm, 10-11 am
            rf"(?<![\w.:,]){_hour_minute(1)}(?:\s*(?P<ap1>{meridiem}))?"
            rf"(?:{dash}{_hour_minute(2)})?(?:\s*(?P<ap2>{meridiem}))?",
            re.IGNORECASE,
        ),
        bare_range=re.compile(
            r"(?<![\w.:,])(?P<h1>\d{1,2})(?P<s1>[.:])(?P<m1>\d{2})\s*[-–—]\s*"
            r"(?P<h2>\d{1,2})(?P<s2>[.:])(?P<m2>\d{2})(?!\w|[.,:]\d)"
        ),
        colon=re.compile(r"(?<![\w.:])(?P<h1>\d{1,2}):(?P<m1>\d{2})(?![\d:]|[.,]\d)"),
        time_words=frozenset(_first_token(w) for w in time_words),
        pm_words=frozenset(w.lower() for g in groups for w in g.get("pm", ())),
    )


def _clock_time(
    hour: str, minute: str | None, meridiem: str | None, pm_words: frozenset[str]
) -> time | None:
    h, m = int(hour), int(minute or 0)
    if meridiem:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if " ".join(meridiem.lower().split()) in pm_words else 0)
    if h > 23 or m > 59:
        return None
    return time(h, m)


def _looks_like_clock(separator: str, minutes: str) -> bool:
    """``9.00`` or ``11.30`` cannot be a day and month; ``10.11`` could."""
    return separator == ":" or int(minutes) == 0 or int(minutes) > 12


def _read_clock(m: re.Match[str], pm_words: frozenset[str]) -> _Clock:
    g = m.groupdict()
    ap1, ap2, h2 = g.get("ap1"), g.get("ap2"), g.get("h2")
    first = _clock_time(g["h1"], g["m1"], ap1 or (None if h2 else ap2), pm_words)
    last = _clock_time(h2, g["m2"], ap2, pm_words) if h2 else None
    if h2 and ap1 is None and ap2 and last is not None:
        inherited = _clock_time(g["h1"], g["m1"], ap2, pm_words)  # 10–11 am
        if inherited is not None and inherited <= last:
            first = inherited
    if first is None or (h2 and last is None):
        return _Clock(m.start(), m.end(), None, None)
    return _Clock(m.start(), m.end(), first, last)


def _clocks(text: str, digits: list[tuple[int, str]], words: list[tuple[int, str]]) -> list[_Clock]:
    """Every clock time in ``text``, in reading order (longest first where two start
    together)."""
    cg = _clock_grammar()
    clocks = []
    for pos in [pos for pos, word in words if word in cg.time_words]:
        if m := cg.after_word.match(text, pos):
            clocks.append(_read_clock(m, cg.pm_words))
    for pos, _ in digits:
        m = cg.meridiem.match(text, pos)
        if m and (m.group("ap1") or m.group("ap2")):
            clocks.append(_read_clock(m, cg.pm_words))
        m = cg.bare_range.match(text, pos)
        if m and (_looks_like_clock(m["s1"], m["m1"]) or _looks_like_clock(m["s2"], m["m2"])):
            clocks.append(_read_clock(m, cg.pm_words))
        if m := cg.colon.match(text, pos):
            clocks.append(_read_clock(m, cg.pm_words))
    return sorted(clocks, key=lambda c: (c.start, c.start - c.end))


# ---------------------------------------------------------------------------------------------
# choosing among candidates


_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MAIL_USER = re.compile(r"[\w.+-]+$")
_MAIL_DOMAIN = re.compile(r"@[\w-]+(?:\.[\w-]+)+")


def _links(text: str) -> list[tuple[int, int]]:
    """The spans of web addresses and e-mail addresses."""
    spans = [m.span() for m in _LINK.finditer(text)]
    at = text.find("@")
    while at != -1:
        user, domain = _MAIL_USER.search(text, max(0, at - 80), at), _MAIL_DOMAIN.match(text, at)
        if user and domain:
            spans.append((user.start(), domain.end()))
        at = text.find("@", at + 1)
    return spans


def _choose(found: Iterable[_Found], masked: list[tuple[int, int]]) -> list[_Found]:
    """The longest candidates that overlap neither each other nor a clock time or link."""
    taken = _Spans(masked)
    chosen: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        if not taken.overlaps(f.start, f.end):
            taken.add(f.start, f.end)
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


class _Spans:
    """Disjoint spans, sorted, asked whether a new span overlaps any of them: only the last
    one starting before the new span ends can."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self._spans = merged

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._spans, (end,))
        return i > 0 and self._spans[i - 1][1] > start

    def add(self, start: int, end: int) -> None:
        bisect.insort(self._spans, (start, end))


def _as_mention(text: str, f: _Found, g: _Grammar) -> tuple[DateMention, bool]:
    """The mention with the deadline words around it (``dl``, ``mennessä``), and whether
    there were any."""
    start, end = f.start, f.end
    before = g.by_before.search(text, max(0, start - 40), start)
    after = g.by_after.match(text, end)
    if before:
        start = before.start()
    if after:
        end = after.end()
    by = bool(before or after or g.by_inside.search(text, f.start, f.end))
    kind = "deadline" if by and f.kind == "date" else f.kind
    return DateMention(f.date, text[start:end], start, end, kind, f.doubt), by


def _scan(
    text: str, base: date | None, lang: str, *, next_meeting: date | None, future: bool
) -> list[tuple[DateMention, bool]]:
    """Every mention in ``text`` with whether a deadline word came with it."""
    g = _grammar(lang)
    digits, words = _tokens(text, g.token_words, g.stem_classes)
    masked = [(c.start, c.end) for c in _clocks(text, digits, words)] + _links(text)
    found = _candidates(text, digits, words, _Context(g, base, next_meeting, future))
    return [_as_mention(text, f, g) for f in _choose(found, masked) if f.date is not None]


def _best(scanned: list[tuple[DateMention, bool]]) -> DateMention | None:
    """The due date among the mentions of one sentence (see ``find_deadline``)."""
    deadlines = [m for m, _ in scanned if m.kind == "deadline"]
    periods_by = [m for m, by in scanned if m.kind in _PERIOD_KINDS and by]
    bare_next_meeting = [m for m, by in scanned if m.kind == "next_meeting" and not by]
    periods = [m for m, _ in scanned if m.kind in _PERIOD_KINDS and m not in bare_next_meeting]
    dates = [m for m, _ in scanned if m.kind == "date"]
    for group in (deadlines, periods_by, periods, dates, bare_next_meeting):
        if group:
            return group[0]
    return None


def _lone_weekday(phrase: str, base: date | None, g: _Grammar) -> date | None:
    """A weekday abbreviation typed alone (``pe``, ``fri``)."""
    m = g.weekday_abbr.fullmatch(phrase.strip())
    iso = _lookup(g.profile.weekdays, m.group("abbr")) if m else None
    return _next_weekday(base, iso) if iso and base else None
