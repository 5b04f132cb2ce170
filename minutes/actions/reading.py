"""A reading of one sentence: who does what, in which form of the verb.

The reading is rule-based and the same with or without a statistical model: it finds the
first verb form the language profile knows (``will``, ``ska``, ``aikoo``; a present, past
or passive ending; an instruction verb at the start) and takes what stands before it as
the subject: people of the meeting, roles, groups, pronouns, a name it does not know, or a
thing. What the rules and the scorer want to know is read off it.

    >>> from minutes.lang import profile
    >>> from minutes.model import Attendee, Minutes, SourceFile
    >>> from minutes.actions.owners import Roster
    >>> m = Minutes(SourceFile(None, "text", ""), "fi", attendees=[Attendee("Anna Virtanen")])
    >>> r = read("Anna ja Pekka selvittävät tilat.", Roster(m, profile("fi")))
    >>> r.subject, r.owners, r.form
    ('person', ['Anna Virtanen', 'Pekka'], 'present')
    >>> read("Varataan sali.", Roster(m, profile("fi"))).form
    'passive'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang import Profile
from .owners import Roster, fold

__all__ = ["Reading", "closed_words", "read"]

_TOKEN = re.compile(r"@?[^\W_][\w'’.-]*[\w'’]|@?[^\W_]|[&+,()]")
_NAME = re.compile(r"^[A-ZÅÄÖÜÉÈÁ][\w'’-]*$")
_PREFIX = re.compile(r"^(?P<who>[^:]{1,40}?)\??\s*:\s+(?P<rest>\S.*)$", re.S)
_LONG_TOPIC = re.compile(r"^[^:]{1,120}:\s+(?P<rest>\S.{10,})$", re.S)  # a topic too long to be a speaker
_TRAILING_OWNER = re.compile(
    r"(?:[,–—-]\s*|\s\()(?P<who>[A-ZÅÄÖ][\w'’-]*(?:\s(?:[A-ZÅÄÖ][\w'’.-]*))?)\)?[.!]?\s*$"
)
_SUBJECT_WINDOW = 7  # the verb stands within the first words


@dataclass
class Reading:
    """What one sentence says of who does what.

    ``subject`` is ``person``, ``role``, ``group``, ``name`` (capitalised, not of the
    meeting), ``we``, ``i``, ``they``, ``thing`` or ``none`` (the sentence opens with its
    verb). ``form`` is the verb form: ``future``, ``must``, ``commit``, ``conditional``,
    ``progressive``, ``perfect``, ``past``, ``present``, ``passive``, ``imperative``,
    ``assign`` or ``none``. ``owners`` are the people, roles and groups that do it, as the
    meeting knows them or as written.
    """

    text: str
    prefix: str | None = None
    prefix_person: str | None = None
    subject: str = "none"
    subject_text: str = ""
    owners: list[str] = field(default_factory=list)
    form: str = "none"
    verb: str = ""
    verb_at: int = 0
    negated: bool = False
    inverted: bool = False
    clause: bool = False  # read from a clause after "decided that …"
    trailing: list[str] = field(default_factory=list)  # "…, Olli." / "… (Maja)" / "… - Tomas"
    later: str | None = None  # "…, will look into it": the form of a plan in a later clause
    later_owners: list[str] = field(default_factory=list)  # "… and Jo will close it": that clause's doer


def read(text: str, roster: Roster) -> Reading:
    """Read ``text`` (one sentence) with the meeting's people and language."""
    profile = roster.profile
    reading = Reading(text=text)
    prefix = _PREFIX.match(text)
    if prefix and len(prefix["who"].split()) <= 4:
        who = prefix["who"].strip().strip("*")
        person = _person_or_names(who, roster)
        reading.prefix = who
        reading.prefix_person = person
        text = prefix["rest"]
        reading.text = text
    _read_clause(reading, text, roster, profile)
    topic = _LONG_TOPIC.match(text) if not prefix and reading.form == "none" else None
    if topic:  # "Kevään ohjelman suunnittelu syyskokousta varten: Aino ja Ville laativat …"
        inner = Reading(text=topic["rest"])
        _read_clause(inner, topic["rest"], roster, profile)
        if inner.subject in ("person", "role", "name", "group") and inner.form not in ("past", "perfect", "none"):
            reading, text = inner, topic["rest"]
    said = reading.subject in ("person", "role", "name") and reading.form == "past"  # "Anna kertoi, että Pekka …"
    if said or reading.subject in ("thing", "we", "none", "they") and reading.form in (
            "commit", "must", "future", "present", "none", "past", "perfect"):
        clause = _complement(text, profile)
        if clause:
            inner = Reading(text=clause)
            _read_clause(inner, clause, roster, profile)
            if inner.subject in ("person", "role", "name", "group") and inner.form not in ("past", "perfect", "none"):
                inner.text, inner.clause = text, True
                inner.prefix, inner.prefix_person = reading.prefix, reading.prefix_person
                reading = inner
    reading.later, reading.later_owners = _later_plan(text, roster)
    trailing = _TRAILING_OWNER.search(text)
    if trailing and trailing.start() > 0:
        who = roster.resolve(trailing["who"]) or (trailing["who"] if not roster and _unknown_name(trailing["who"], roster) else None)
        if who and not (reading.owners and who in reading.owners):
            reading.trailing = [who]
    return reading


def _doer(token: str, roster: Roster, profile: Profile) -> bool:
    """A word that names someone of the meeting (a person, a role), so no verb."""
    if _is_role_word(token.lower(), profile) or roster.group(token):
        return True
    return bool((token[:1].isupper() or token.startswith("@")) and roster.resolve(token))


def _later_plan(text: str, roster: Roster) -> tuple[str | None, list[str]]:
    """The form of a plan that opens a later clause (``…, will pick one``, ``… and then
    will work on it``), the subject left out or named (``… and Jo will close it``), and
    the people that clause names."""
    profile = roster.profile
    tokens = [m.group(0) for m in _TOKEN.finditer(text)]
    low = [t.lower() for t in tokens]
    firsts = _forms_from(profile.code)
    if not any(word in firsts for word in low[2:]):
        return None, []  # no verb phrase further on
    joins = _words(profile, "and") | {","}
    adverbs = _words(profile, "adverbs")
    for at in range(1, len(low) - 1):
        if low[at] not in joins:
            continue
        nxt = at + 1
        while nxt < len(low) and low[nxt] in adverbs:
            nxt += 1
        owners: list[str] = []
        for size in (3, 2, 1):  # "… and Jo will …": a doer before the verb
            words = tokens[nxt : nxt + size]
            if words and all(w[:1].isupper() for w in words):
                kind, found = _subject(words, len(words), roster, profile, bare=True)
                if kind in ("person", "role", "name") and found:
                    owners, nxt = found, nxt + size
                    break
        for form in ("future", "must", "commit"):
            if nxt < len(low) and low[nxt] != "to" and _phrase_at(low, nxt, form, profile):
                return form, owners
    return None, []


def _necessive(word: str, profile: Profile) -> bool:
    """``lähetettävä``: a participle of what is to be done, where the language has one."""
    endings = tuple(profile.actions.get("must_endings", ()))
    return bool(endings) and len(word) > 5 and word.endswith(endings)


def _progressive(word: str, profile: Profile) -> bool:
    """``working``: a verb form of work going on, where the language has one."""
    endings = tuple(profile.verbs.get("progressive_endings", ()))
    return bool(endings) and len(word) > 4 and word.endswith(endings)


def _state(words: list[str], profile: Profile) -> bool:
    """``will be ready``, ``ska vara inne``, ``tulee olla``: how things will be, not what
    someone does (``will be working on`` is still a plan)."""
    be = _words(profile, "be")
    for i, word in enumerate(words[:-1]):
        if word in be:
            after = words[i + 1]
            participle = after.endswith(tuple(profile.verbs.get("past_endings", ()))) or after in profile.verbs.get("past_words", ())
            return not _progressive(after, profile) and not participle
    return False


def _passive_future(verb: str, after: list[str], profile: Profile) -> bool:
    """``will be added``: a future of being done, not of doing."""
    if not verb.endswith(" be") or not after:
        return False
    word = after[0]
    return word.endswith(tuple(profile.verbs.get("past_endings", ()))) or word in profile.verbs.get("past_words", ())


@lru_cache(maxsize=None)
def _report_verbs(code: str) -> frozenset[str]:
    from ..lang import profile

    return frozenset(w.lower() for w in profile(code).actions.get("report_verbs", ()) if " " not in w)


def _is_role_word(word: str, profile: Profile) -> bool:
    """A role, or a compound that ends in one (``kulttuurisihteeri``, ``vice ordförande``)."""
    return _role_word(word, profile.code)


@lru_cache(maxsize=8192)
def _role_word(word: str, code: str) -> bool:
    roles = _role_words(code)
    return word in roles or word.endswith(tuple(r for r in roles if len(r) >= 6))


@lru_cache(maxsize=None)
def _role_words(code: str) -> frozenset[str]:
    from ..lang import profile

    roles = profile(code).roles
    return frozenset(w.lower().rstrip(".") for key in ("chair", "secretary", "role_words") for w in roles.get(key, ()))


def _person_or_names(who: str, roster: Roster) -> str | None:
    found = roster.resolve(who)
    if found:
        return found
    return who if not roster and _unknown_name(who, roster) and len(who.split()) <= 2 else None


def _read_clause(reading: Reading, text: str, roster: Roster, profile: Profile) -> None:
    tokens = [m.group(0) for m in _TOKEN.finditer(text)]
    low = [t.lower() for t in tokens]
    verbs = profile.verbs
    reading.negated = any(t in _words(profile, "negation") for t in low[:_SUBJECT_WINDOW + 2])
    at, form, size = _verb(
        low, profile, doer=lambda i: bool(_doer(tokens[i], roster, profile)),
        capital=lambda i: tokens[i][:1].isupper(),
    )
    if at is None:
        reading.form, reading.subject = "none", "thing"
        return
    if form in ("present", "future", "must") and low[at + size - 1] in _words(profile, "state_verbs"):
        form = "state"  # "The plan covers …", "Ohjelma sisältää …": how things are
    elif form == "present" and low[at] in _report_verbs(profile.code):
        form = "past"  # "Anna kertoo …": a report, whatever its tense
    reading.form, reading.verb, reading.verb_at = form, " ".join(low[at : at + size]), at
    negation = _words(profile, "negation")
    reading.negated = any(w in negation for w in low[max(0, at - 1) : at + size + 1])
    if at == 0:
        reading.subject = "none"
        if form == "assign":
            reading.owners = _named_after(tokens, size, roster, profile)
        return
    kind, owners = _subject(tokens, at, roster, profile)
    if kind == "name" and form == "must" and _necessive(low[at + size - 1], profile):
        kind, owners = "thing", []  # "Tiedote on lähetettävä": the thing to be done, no doer
    reading.subject, reading.subject_text = kind, " ".join(tokens[:at])
    reading.owners = owners
    if form == "assign":
        reading.owners = _named_after(tokens, at + size, roster, profile) or owners
        return
    if kind == "thing" and form in ("present", "must", "future", "commit"):
        not_subject = tuple(profile.actions.get("not_subject_endings", ())) or ("\0",)
        for size2 in (3, 2, 1):
            after = tokens[at + size : at + size + size2]
            if after and after[0].lower().endswith(not_subject) and not roster.is_name_part(after[0]):
                break  # "… lähettävät Ainolle": the one it goes to, no doer (but "Ville" is Ville)
            kind2, owners2 = _subject(after, len(after), roster, profile, bare=True)
            if kind2 in ("person", "role") and owners2 or kind2 == "we":
                reading.subject, reading.owners, reading.inverted = kind2, owners2, True
                break
    if form == "passive" or _passive_future(reading.verb, low[at + size : at + size + 1], profile):
        reading.subject, reading.owners = ("thing", [])
        reading.form = "passive"
    elif form in ("future", "must") and _state(low[at : at + size + 2], profile):
        reading.form = "state"
    if reading.form == "state":
        reading.subject, reading.owners = ("thing", [])  # what a thing is has no owner
    del verbs


_FORMS = ("assign", "commit", "future", "must", "progressive", "conditional", "perfect")


def _verb(low: list[str], profile: Profile, doer=lambda at: False, capital=lambda at: False) -> tuple[int | None, str, int]:
    """Where the first verb form stands, which form, and how many words it takes: a verb
    that opens the sentence, else the first phrase the profile knows (``will``, ``ska``),
    else the first word whose ending makes it a verb."""
    window = min(len(low), _SUBJECT_WINDOW)
    adverbs = _words(profile, "adverbs")
    if not low:
        return None, "none", 0
    for at in range(window):
        if at and low[at] in adverbs:
            continue
        starting = _forms_from(profile.code).get(low[at], ())
        sizes = sorted(((_phrase_at(low, at, form, profile), -n, form) for n, form in starting), reverse=True)
        for size, _, form in sizes:
            if not size:
                break
            weak_to = form == "future" and low[at + size - 1] == "to" and (
                at == 0 and size == 1 or low[at - 1] in adverbs
                or at + size < len(low) and low[at + size] in _words(profile, "not_after_to")
                or size == 1 and not doer(at - 1)
            )
            if weak_to:
                continue  # "going to a wedding", "welcome to": no plan
            if form == "perfect" and at + size < len(low) and _progressive(low[at + size], profile):
                return at, "progressive", size + 1
            if form == "perfect" and at + size < len(low) and _necessive(low[at + size], profile):
                return at, "must", size + 1  # "on lähetettävä": is to be sent
            return at, form, size
        if at == 0:
            first = None if doer(0) else _first_word_form(low[0], profile)
            if first:
                return 0, first, 1
        elif low[at] in _words(profile, "base_verbs") and doer(at - 1):
            return at, "present", 1  # "Each look into …", "@tom ask …"
    for at in range(1, window):
        if low[at] in adverbs or doer(at) or capital(at) and not doer(at - 1):
            continue
        ending = _ending_form(low[at], profile)
        if ending and _may_be_subject(low[:at], profile):
            return at, ending, 1
    return None, "none", 0


def _may_be_subject(words: list[str], profile: Profile) -> bool:
    """Words before a verb found by its ending: a short subject (names with their initials
    and conjunctions), not the middle of a phrase."""
    content = [w for w in words if len(w) > 1 and w not in _words(profile, "and") and w != ","]
    return 0 < len(content) <= 4 and not any(w in _words(profile, "negation") for w in words)


def _phrase_at(low: list[str], at: int, form: str, profile: Profile) -> int:
    """The length of the longest phrase of ``form`` starting at ``at`` (adverbs inside it
    skipped: ``is still going to``), else 0."""
    phrases = _phrases_from(profile.code, form).get(low[at]) if at < len(low) else None
    if not phrases:
        return 0
    adverbs = _words(profile, "adverbs")
    best = 0
    for phrase in phrases:
        i, matched = at, 0
        for word in phrase:
            while i < len(low) and i > at and low[i] in adverbs and low[i] != word:
                i += 1
            if i < len(low) and low[i] == word:
                i += 1
                matched += 1
            else:
                break
        if matched == len(phrase) and i - at > best:
            best = i - at
    return best


def _first_word_form(word: str, profile: Profile) -> str | None:
    """The form of a verb that opens a sentence: an instruction (``Book``, ``Boka``), a
    passive (``Varataan``), a past (``Created``)."""
    verbs = profile.verbs
    if word in verbs.get("base_verbs", ()):
        return "imperative"
    if word in verbs.get("past_words", ()):
        return "past"
    if len(word) > 4 and word.endswith(tuple(verbs.get("opening_past_endings", ()))):
        return "past"  # "Sovittiin, että …", "Created …"
    if word in closed_words():
        return None
    ending = _ending_form(word, profile, first=True)
    return ending if ending != "past" else None


def _ending_form(word: str, profile: Profile, first: bool = False) -> str | None:
    """The form a word's ending gives it (the longest ending the profile knows)."""
    return _form_of_ending(word, profile.code, first)


@lru_cache(maxsize=16384)
def _form_of_ending(word: str, code: str, first: bool) -> str | None:
    from ..lang import profile as language

    profile = language(code)
    if len(word) < 3 or not word.isalpha():
        return None
    verbs = profile.verbs
    if word in verbs.get("past_words", ()):
        return "past"
    if word in verbs.get("present_words", ()) and not first:
        return "present"
    if word.endswith(tuple(verbs.get("not_verb_endings", ()))):
        return None
    best, form = 0, None
    keys = ["past_endings", "passive_endings"]
    keys += ["infinitive_endings"] if first else ["present_endings"]
    for key in keys:
        for ending in verbs.get(key, ()):
            if word.endswith(ending) and len(word) > len(ending) + 1 and len(ending) > best:
                best, form = len(ending), key
    if _progressive(word, profile) and not first:
        return "progressive"
    if form == "infinitive_endings" and len(word) < 4:
        return None  # "Bra", "Nya": too short to tell a verb by its ending
    return {"past_endings": "past", "passive_endings": "passive", "present_endings": "present",
            "infinitive_endings": "imperative"}.get(form) if form else None


def _subject(tokens: list[str], end: int, roster: Roster, profile: Profile, bare: bool = False) -> tuple[str, list[str]]:
    """What the words before the verb are: who they name."""
    words = [t for t in tokens[:end] if t not in "()"]
    if not words:
        return "none", []
    low = [w.lower() for w in words]
    joined = " ".join(low)
    for kind in ("we", "i", "they"):
        if joined in _words(profile, kind) or (len(low) == 1 and low[0] in _words(profile, kind)):
            return kind, []
    parts = _split(words, profile)
    owners: list[str] = []
    kinds: list[str] = []
    for part in parts:
        text = " ".join(part)
        who = roster.resolve(text) or _inner_name(part, roster)
        if who:
            owners.append(who)
            kinds.append("role" if who not in roster.names or fold(text) != fold(who) and roster.roles.get(fold(text)) else "person")
            continue
        if len(part) == 1 and _is_role_word(part[0].lower().rstrip("."), profile):
            owners.append(text)  # "Rahastonhoitaja maksaa …" with no one named to it: the role
            kinds.append("role")
            continue
        group = roster.group(text) or (text if len(part) <= 3 and roster.group(part[-1]) else None)
        if group:
            owners.append(group)
            kinds.append("group")
            continue
        if " ".join(w.lower() for w in part) in _words(profile, "we"):
            kinds.append("we")
            continue
        if _unknown_name(text, roster) and not (roster and len(part) > 2):
            owners.append(text)
            kinds.append("name")
            continue
        if owners and len(part) <= 2 and not any(w.lower() in profile.actions.get("tentative", ()) for w in part):
            owners.append(text)  # "Vapaaehtoiset ja talkoolaiset": a second group beside the first
            kinds.append("group")
            continue
        kinds.append("thing")
    if not kinds or "thing" in kinds and not owners:
        return "thing", []
    if "thing" in kinds:
        return ("thing", []) if len(words) > 4 else (kinds[0] if kinds[0] != "thing" else "thing", owners)
    for kind in ("person", "role", "group", "name", "we"):
        if kind in kinds:
            return kind, list(dict.fromkeys(owners))
    return "thing", []


def _split(words: list[str], profile: Profile) -> list[list[str]]:
    """``Aino L. ja Ville K.`` -> [[Aino, L], [Ville, K]]; ``A, B and C`` -> three."""
    joins = _words(profile, "and") | {","}
    parts: list[list[str]] = [[]]
    for word in words:
        if word.lower() in joins:
            if parts[-1]:
                parts.append([])
            continue
        parts[-1].append(word)
    return [p for p in parts if p]


def _inner_name(part: list[str], roster: Roster) -> str | None:
    """``Ordförande Maja`` / ``Ordförande (Maja)``, ``Aino L.``: a person inside the part."""
    if len(part) == 2 and len(part[1]) == 1 and part[1].isupper():
        return roster.resolve(part[0])
    for word in part[1:]:
        found = roster.resolve(word)
        if found and found in roster.names:
            return found
    return None


def _named_after(tokens: list[str], start: int, roster: Roster, profile: Profile) -> list[str]:
    """The people a task is handed to: the names after ``uppdrar``/``assigned … to``."""
    owners: list[str] = []
    stop = _words(profile, "after_people")
    words = tokens[start:]
    lowered = [w.lower() for w in words]
    to = next((i for i, w in enumerate(lowered) if w in _words(profile, "assign_to")), None)
    if to is not None:
        words = words[to + 1 :]
    for part in _split([w for w in words[:12] if w not in "()"], profile):
        if part and part[0].lower() in stop:
            break
        cut = []
        for w in part:
            if w.lower() in stop:
                break
            cut.append(w)
        text = " ".join(cut)
        if not text:
            continue
        who = roster.resolve(text) or roster.resolve(cut[0])
        if who:
            owners.append(who)
        elif _unknown_name(" ".join(c for c in cut if c[:1].isupper()) or "x", roster) and cut[0][:1].isupper():
            owners.append(" ".join(c for c in cut if c[:1].isupper()))
        if len(cut) < len(part):
            break
    return list(dict.fromkeys(owners))


def _complement(text: str, profile: Profile) -> str | None:
    """The clause after ``… that`` / ``… att`` / ``… että`` near the start of a sentence."""
    match = _that_clause(profile.code).search(text)
    if match and len(text[: match.start()].split()) <= 5:
        return match["rest"]
    return None


@lru_cache(maxsize=None)
def _that_clause(code: str) -> re.Pattern[str]:
    that = "|".join(map(re.escape, _words_of(code, "that"))) or r"(?!)"
    return re.compile(rf"(?:^|\s|,)(?:{that})\s+(?P<rest>\S.*)$", re.I)


def _unknown_name(text: str, roster: Roster | None = None) -> bool:
    """A name the meeting does not list: capitalised words that are no word the document
    also writes in lower case (``Projektin``, ``Roligt``), no acronym (``NWERC``) and no
    noun by its ending (``Preparation``); a name the document uses as a person (a heading,
    a ``Name:`` line) always is one."""
    words = text.split()
    if not (0 < len(words) <= 3 and all(_NAME.match(w) or len(w) <= 2 and w[:1].isupper() for w in words)):
        return False
    if any(w.lower() in closed_words() for w in words):
        return False
    if roster is None:
        return True
    if text in roster.known:
        return True
    endings = tuple(roster.profile.verbs.get("noun_endings", ()))
    for w in words:
        low = w.lower()
        if len(w) >= 3 and w.isupper() or low in roster.lower_words or low.endswith(endings) and len(low) > 5:
            return False
        if len(low) >= 7 and low[:6] in roster.lower_stems:
            return False  # "Virtuaalituotannot" where the text says "virtuaalituotantoja"
    return True


@lru_cache(maxsize=None)
def closed_words() -> frozenset[str]:
    """Words that are never a name at a sentence's start, in any language: the profiles'
    common words, pronouns, verbs of instruction."""
    from ..lang import LANGUAGES, profile

    words: set[str] = set()
    for code in LANGUAGES:
        p = profile(code)
        words |= p.common_words
        for key, values in p.verbs.items():
            for value in values:
                words.update(value.split())
        for key in ("agreed", "tentative", "not_tasks", "notices", "marker", "first_person"):
            for value in p.actions.get(key, ()):
                words.update(value.split())
    return frozenset(words)


def _phrases(profile: Profile, form: str) -> tuple[tuple[str, ...], ...]:
    return _phrases_of(profile.code, form)


def _words(profile: Profile, key: str) -> frozenset[str]:
    return _words_of(profile.code, key)


@lru_cache(maxsize=None)
def _phrases_of(code: str, form: str) -> tuple[tuple[str, ...], ...]:
    from ..lang import profile

    return tuple(sorted((tuple(p.split()) for p in profile(code).verbs.get(form, ())), key=len, reverse=True))


@lru_cache(maxsize=None)
def _forms_from(code: str) -> dict[str, tuple[tuple[int, str], ...]]:
    """The verb forms whose phrases may start with a word, in the order of ``_FORMS``."""
    found: dict[str, list[tuple[int, str]]] = {}
    for n, form in enumerate(_FORMS):
        for first in _phrases_from(code, form):
            found.setdefault(first, []).append((n, form))
    return {first: tuple(forms) for first, forms in found.items()}


@lru_cache(maxsize=None)
def _phrases_from(code: str, form: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of ``form`` by their first word."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in _phrases_of(code, form):
        by_first.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(phrases) for first, phrases in by_first.items()}


@lru_cache(maxsize=None)
def _words_of(code: str, key: str) -> frozenset[str]:
    from ..lang import profile

    return frozenset(profile(code).verbs.get(key, ()))
