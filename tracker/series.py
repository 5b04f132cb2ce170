"""Series of meetings: the meetings of one body, and how long each action has waited.

Meetings of the same body form a series: the same title once dates, meeting numbers
(``2/2026``, ``3.``), a template's unfilled ``<NUMERO>``, weekday and month words and words
like ``MUISTIO`` or ``Minutes of`` are taken out::

    >>> series_key("Haapaniemen kylätalon toimikunta, kokous 2/2026", "fi")
    'haapaniemen kylätalon toimikunta kokous'
    >>> series_key("Minutes of the Committee meeting, Thursday 12 March 2026", "en")
    'committee meeting'

The importer stores the key on each meeting (``series``). An action has been *carried
over* once for every later meeting of its series that met while it was still open,
whether those minutes said so (``kesken``, ``ongoing``) or did not mention it at all; the
meeting whose minutes closed it does not count. It is *stale* when it has been carried
over three times or more, or is open and thirty days or more past its due date.

The words come from the language profiles (``minutes.lang``), imported only when a key
has to be made.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date
from pathlib import PurePath
from typing import NamedTuple

from tracker.codec import Meeting

__all__ = ["STALE_CARRIED", "STALE_DAYS", "Series", "carried_over", "display_title", "group",
           "keys", "series_key"]

STALE_CARRIED = 3
STALE_DAYS = 30

_DATE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b"          # 2026-03-12
    r"|\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?"  # 12.3.2026, 12.3.
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"       # 12/03/2026
)
_PLACEHOLDER = re.compile(r"<[^<>]*>")  # a template's blank left unfilled: "Palaveri <NRO>"
_NUMBER = re.compile(r"(?:\bnro\b|\bno\.|\bnr\b|#|§)?\s*\b\d+(?:[./]\d+)*\.?")


def series_key(title: str | None, language: str | None = None, path: str | None = None) -> str:
    """The normalised name of the body whose minutes these are (see the module's doc);
    from the file's name when the title gives nothing."""
    key = _strip(title or "", language)
    if not key and path:
        key = _strip(re.sub(r"[-_]+", " ", PurePath(path).stem), language)
    return key


def display_title(title: str | None) -> str | None:
    """A meeting's title without its date and number, as written otherwise
    (``Hallituksen kokous 2/2026`` -> ``Hallituksen kokous``)."""
    if not title:
        return title
    text = _NUMBER.sub(" ", _DATE.sub(" ", title))
    text = re.sub(r"\s+([,:;])", r"\1", " ".join(text.split()))
    return text.strip(" ,:;–—-") or title


def _strip(text: str, language: str | None) -> str:
    from minutes.lang import LANGUAGES, profile

    text = _NUMBER.sub(" ", _DATE.sub(" ", _PLACEHOLDER.sub(" ", text.casefold())))
    profiles = [profile(language)] if language in LANGUAGES else [profile(c) for c in LANGUAGES]
    for p in profiles:
        for phrase in sorted(p.follow_up.get("title_noise", ()), key=len, reverse=True):
            text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", text)
    words = re.sub(r"[^\w]+", " ", text).split()
    calendar = [w for p in profiles for w in (*p.months, *p.weekdays)]
    return " ".join(w for w in words if not w.isdigit() and not _calendar_word(w, calendar))


def _calendar_word(word: str, calendar: list[str]) -> bool:
    """A month or weekday: the word itself, or a long stem it starts with (``tammik``)."""
    return any(word == stem or (len(stem) >= 5 and word.startswith(stem)) for stem in calendar)


class Series(NamedTuple):
    """The meetings of one body, oldest first; ``name`` is the normalised title, ``title``
    the latest meeting's title without its date or number, ``language`` the latest's."""

    name: str
    title: str | None
    language: str | None
    meetings: tuple[Meeting, ...]

    @property
    def latest(self) -> Meeting:
        return self.meetings[-1]

    def to_json(self) -> dict:
        return {"name": self.name, "title": self.title, "language": self.language,
                "meetings": [m.ref() for m in self.meetings]}


def order(meeting: Meeting | dict) -> tuple:
    """How the meetings of a series are ordered: by date, then by import time."""
    if isinstance(meeting, Meeting):
        return (meeting.date or date.min, meeting.imported or "", meeting.id)
    return (meeting.get("date") or "", meeting.get("imported") or "")


def group(meetings: Iterable[Meeting]) -> list[Series]:
    """The series of these meetings, the most recently met first."""
    found: dict[str, list[Meeting]] = {}
    for m in meetings:
        found.setdefault(m.series or "", []).append(m)
    result = []
    for name, members in found.items():
        members.sort(key=order)
        latest = members[-1]
        result.append(Series(name, display_title(latest.title), latest.language, tuple(members)))
    result.sort(key=lambda s: order(s.latest), reverse=True)
    return result


def keys(meetings: dict[str, dict]) -> dict[str, str]:
    """Each meeting's series: as stored, or made now for a meeting imported before series."""
    return {mid: doc["series"] if doc.get("series") is not None
            else series_key(doc.get("title"), doc.get("language"), (doc.get("source") or {}).get("path"))
            for mid, doc in meetings.items()}


def carried_over(actions: dict[str, dict], meetings: dict[str, dict],
                 history: dict[str, dict]) -> dict[str, int]:
    """How many later meetings of its series met while each action was open (see the
    module's doc). An action stops being open on the date of the meeting whose minutes
    closed it (that meeting does not count), or the day a member closed it."""
    series_of = keys(meetings)
    dates: dict[str, list[str]] = {}
    for mid, doc in meetings.items():
        if doc.get("date"):
            dates.setdefault(series_of[mid], []).append(doc["date"])
    for listed in dates.values():
        listed.sort()
    closed = closed_dates(actions, history)
    counts = {}
    for action_id, doc in actions.items():
        own = meetings.get(doc["meeting"], {})
        listed = dates.get(series_of.get(doc["meeting"], ""), [])
        if not own.get("date"):
            counts[action_id] = 0
            continue
        first = bisect_right(listed, own["date"])
        end = bisect_left(listed, closed[action_id]) if action_id in closed else len(listed)
        counts[action_id] = max(0, end - first)
    return counts


def closed_dates(actions: dict[str, dict], history: dict[str, dict]) -> dict[str, str]:
    """For every action that is not open, the date it stopped being open."""
    last_change: dict[str, str] = {}
    for entry in history.values():
        if entry.get("field") == "status" and "action" in entry:
            last_change[entry["action"]] = entry["at"][:10]
    found = {}
    for action_id, doc in actions.items():
        if doc["status"] == "open":
            continue
        by_minutes = [m for m in doc.get("mentions") or ()
                      if m.get("outcome") == "applied" and m.get("status") == doc["status"]]
        if by_minutes and by_minutes[-1].get("date"):
            found[action_id] = by_minutes[-1]["date"]
        else:
            found[action_id] = last_change.get(action_id) or (doc.get("updated") or "")[:10] or "0"
    return found
