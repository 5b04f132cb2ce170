"""The words of each language the parser reads, as data: one ``Profile`` per language.

    >>> from minutes.lang import profile, detect
    >>> profile("fi").labels["present"][:2]
    ('paikalla', 'läsnä')
    >>> detect("Paikalla: Anna, Pekka. Päätettiin että kokous on ensi viikolla.")
    'fi'

Stages never spell a word of a language themselves; they ask the profile.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["LANGUAGES", "Profile", "detect", "profile"]

LANGUAGES = ("fi", "en", "sv")


@dataclass(frozen=True)
class Profile:
    """The vocabulary of one language.

    ``labels`` maps a field of the minutes (``present``, ``absent``, ``chair``,
    ``secretary``, ``time``, ``date``, ``place``, ``next_meeting``, ``decision``, ...) to
    the label words that introduce it, lower case, longest first where it matters.
    ``months`` and ``weekdays`` map a word stem to its number (month 1-12, ISO weekday
    1-7); a stem matches any inflected form that starts with it.
    ``actions`` holds the words of action items (markers, owner and due labels, table
    columns, commitment and report verbs, tentative words); ``groups`` maps a group's
    canonical name (``kunnat``, ``all``) to the forms it is written in; ``follow_up`` the
    words of a later meeting about earlier actions (status words, matters-arising headings,
    standing agenda items).
    ``inflection`` is how its words are inflected, for comparing two forms of one word
    (``minutes.words``): the ``clitics`` and ``endings`` a word may carry, ``stem_ends`` a
    stem's end and what it stands for (``kse s``: hakemukse- is hakemus), ``folds`` the
    alternations to fold (consonant gradation: a pattern and its replacement) and the
    ``vowels``; ``compounds`` is true where compounds are written as one word.
    ``structure`` holds the small words the structure stages read between the labels: the
    conjunctions of a list of people (``and``), labels that end in their own preposition
    (``by_label``: Notes by …), who is present told after the names (``present_after``: A
    and B were present), and the words of a next meeting's sentence (``same`` time or
    place, the ``place_words`` and ``time_words`` that say which, the ``filler`` before a
    place, the ``place_endings`` a place name may carry). ``lower_case_titles`` is true
    where a job title is written in lower case before a name (puheenjohtaja Anna Virtanen):
    a lower-case word there is a role, not an organisation.
    ``pro_drop`` is true where a verb carries its person, so that a sentence may leave out
    its subject (``Hoidan``: I'll do it) and the present tense says what will be done.
    ``verbs`` says how the language marks who does what and when:
    the words and endings of its verb forms (``future``, ``must``, ``past``, ``present``,
    ``passive``, ``infinitive``...), its pronouns and the words that may stand between a
    subject and its verb; ``minutes.actions.reading`` reads sentences with it.
    """

    code: str
    common_words: frozenset[str]
    labels: dict[str, tuple[str, ...]]
    roles: dict[str, tuple[str, ...]]
    months: dict[str, int]
    weekdays: dict[str, int]
    date_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    actions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    follow_up: dict[str, tuple[str, ...]] = field(default_factory=dict)
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    verbs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    dateparser_language: str = "en"
    inflection: dict[str, tuple[str, ...]] = field(default_factory=dict)
    compounds: bool = False
    structure: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lower_case_titles: bool = False
    pro_drop: bool = False



def profile(code: str) -> Profile:
    """The profile of a language code (``fi``, ``en``, ``sv``)."""
    from . import en, fi, sv

    profiles = {"fi": fi.PROFILE, "en": en.PROFILE, "sv": sv.PROFILE}
    try:
        return profiles[code]
    except KeyError:
        raise ValueError(f"unknown language {code!r}: choose one of {', '.join(LANGUAGES)}") from None


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def detect(text: str, default: str = "fi") -> str:
    """The language whose common words occur most often in ``text``."""
    counts = dict.fromkeys(LANGUAGES, 0)
    profiles = [profile(code) for code in LANGUAGES]
    for word in _WORD.findall(text[:20000].lower()):
        for p in profiles:
            if word in p.common_words:
                counts[p.code] += 1
    best = max(LANGUAGES, key=lambda code: counts[code])
    return best if counts[best] else default
