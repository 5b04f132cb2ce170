"""What the pattern finder's rules share: the patterns of owners and markers, a found
task, and small helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...people import NAME_TOKEN
from ...structure import Line, ParseState
from ...structure.state import alternatives, every_language

def _alternation_of(field: str, *keys: str) -> str:
    """The words of some profile keys, in every language, as one alternation: a connective
    or a status word reads the same in minutes of any language."""
    return alternatives(every_language(field, *keys))


_AND = _alternation_of("structure", "and")  # and, ja, och, &, …
_BULLET = re.compile(r"^\s*(?:[-*•–◦▪>]\s*)+")
_NAME_SEQ = rf"{NAME_TOKEN}(?:\s{NAME_TOKEN}){{0,2}}"
_OWNERS_SEQ = rf"{_NAME_SEQ}(?:\s*(?:,|{_AND})\s*{_NAME_SEQ})*"
_HANDLE = re.compile(r"@([\w.-]+)")
_LEADING_HANDLES = re.compile(rf"^\s*@[\w.-]+(?:\s*(?:,|\+|{_AND})\s*@[\w.-]+)*")
_BOX = re.compile(r"^\s*(?:[-*•]\s*)?\[\s?\]\s*")
# a task ticked off: "[x] …", "[done] …", "[tehty] …", "~~…~~"
CHECKED = re.compile(rf"^\s*(?:[-*•]\s*)?(?:\[(?i:x|{_alternation_of('follow_up', 'done')})\]|~~)")
_TAG = re.compile(r"^\s*(?:[-*•]\s*)?\[(?:NEW|new|uusi|ny)\]\s*")
_ARROW = re.compile(
    rf"\s*(?:->|→|=>)\s*(?P<who>{_OWNERS_SEQ}|[a-zåäö]+)(?:\s+\w+)?(?:\s*,\s*(?P<when>[^,]*))?\s*\.?\s*$"
)
# "… (Anna)", "… (Anna) 12", a slide's page number after it, "… (Anna) 20.2.", a due date
_TRAILING_OWNER = re.compile(r"\((?P<who>[^()]{2,60})\)\s*\.?\s*(?:\d{0,2}|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\.?)\s*$")
_PAGE_NUMBER = re.compile(r"\s+\d{1,2}\s*$")
# MeetBot's "(nick, 14:12:30)" after every summary line
_ATTRIBUTION = re.compile(r"\s*\((?:[\w.@-]+),\s*\d{1,2}:\d{2}(?::\d{2})?\)\s*$")
_TRAILING_DASH_OWNER = re.compile(rf"\s+[–—]\s+(?P<who>{_OWNERS_SEQ}|@?[a-z][\w.-]+)\s*\.?\s*$")
_MONTH_YEAR = re.compile(r"\d{1,2}/\d{4}")
_NICKS = rf"[a-z][\w.-]*(?:\s+(?:{_AND})\s+[a-z][\w.-]*)*"
_OWNER_SPLIT = re.compile(rf"\s*(?:,|;|/|&|\+|(?<!\w)(?:{_alternation_of('structure', 'and', 'or')})(?!\w))\s*")


@dataclass
class Found:
    text: str
    owners: list[str]
    line: Line
    rule: str
    snippet: str
    due_source: str
    agenda_item: str | None = None
    doubts: list[str] = field(default_factory=list)




@lru_cache(maxsize=4096)
def _numbers(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\d+", text))


@lru_cache(maxsize=4096)
def _stems(text: str, shortest: int = 4) -> frozenset[str]:
    """The first letters of the words that carry meaning; not numbers, not the short words
    every task shares (``the``, ``due``, ``och``, ``att``)."""
    return frozenset(w[:5] for w in re.findall(r"[^\W\d_]+", text.casefold()) if len(w) >= shortest)


def _position(line: Line) -> int:
    origin = line.origin
    return origin.line if origin.line is not None else (origin.paragraph or 0)


def _without_quantifier(owners: list[str], quantifiers: tuple[str, ...]) -> list[str]:
    """``Kaikkien kuntien`` is the municipalities: "all" gives way to the group it qualifies."""
    if len(owners) > 1 and set(quantifiers) & set(owners):
        return [o for o in owners if o not in quantifiers]
    return owners


def _starts_item(state: ParseState, line: Line) -> bool:
    return any(start == line.index for start, _ in state.item_starts)


def _stem_match(word: str, role: str) -> bool:
    """``toiminnanjohtaja`` meets ``toiminnanjohtaja, esittelijä``; inflected forms too."""
    first = re.split(r"[,\s]+", role)[0]
    if " " in word or len(first) <= 5:
        return word == first
    return word.startswith(first) or first.startswith(word) and len(word) > 5


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or r"(?!x)x"


def _present_verb(word: str) -> bool:
    """A Finnish 3rd person present form: a long final vowel (``kokoaa``) or ``-vat``."""
    return len(word) > 3 and (word[-1] == word[-2] and word[-1] in "aeiouyäö" or word.endswith(("vat", "vät")))


_ADDRESS = re.compile(r"[:\s]*(?:https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+)")


def clean(text: str) -> str:
    """The task as a person reads it: no bullet, no web or e-mail address (the snippet
    keeps them), no doubled spaces or dangling punctuation."""
    text = _ADDRESS.sub(" ", _BULLET.sub("", text))
    text = re.sub(r"\s+", " ", text).strip(" .;,-–:")
    text = re.sub(r"\s+([,;:.!?])", r"\1", text)  # "selvittää , voiko" once a date went
    text = re.sub(r"\(\s*\)", "", text).strip()
    return text[:1].upper() + text[1:] if text else text


