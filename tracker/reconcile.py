"""Reconciling new minutes with the open actions of the earlier meetings of their series.

The minutes of meeting N+1 talk about the actions of meeting N: ``Lämpöpumpun
huoltosopimus (Ville): tehty.``, ``Plot waiting list (Lena): ongoing``. The importer calls
``follow_up`` with the new minutes and the store's data; it answers with what those minutes
say of each open action of the same series (``FollowUp``) and which of the new minutes' own
actions only repeat an open one::

    found = follow_up(data, minutes, meeting_id="7be01d", series="hallituksen kokous",
                      incoming=[...])          # the new actions, as the importer shapes them
    for f in found.follow_ups:
        print(f.action, f.status, f.word, f.outcome, f.doubt, f.sentence)
    found.repeats                              # {index of a new action: the open action it repeats}

It goes in four steps, each a function of this module:

1. **find the status lines** (``sentences``, ``status_lines``): the new minutes' text is read
   again from ``minutes.source.path`` when the file is unchanged (same sha256), else the
   sentences the parser kept stand in. A sentence (or table row) is a status line when it
   has a status word (the profile's ``follow_up`` words: ``tehty``/``done``/``klart``,
   ``kesken``/``ongoing``/``pågår``, ``ei tarpeen``/``dropped``/``struken``; a past
   participle after ``on``/``has been``/``är``: ``on viety``, ``has been sent``, ``är
   skickat``; after a negation, ``ei vielä tehty``, a done word means open; a word followed
   by a date or ``mennessä``/``by`` is a due date), or stands in a matters-arising section
   (``Edellisen kokouksen muistio``, ``Matters arising``), where a mention without a status
   word is a carry-over.
2. **match** (``match``): every status line against every open action of the series' latest
   ``WINDOW`` (24) earlier meetings that shares a word with it. Words are compared by lemma
   and by the parts of compounds (``Rahoitushakemus`` ~ ``hakemuksen``, ``tracker.likeness``)
   and weighed by how rare they are in the series. The *words* score (0-100) gives 40 for
   each rare word in common and 60 for how much of the line, or of the action, the other
   covers. The *owner* counts heavily: an owner named in the line (in any form the people
   index resolves: ``Pekan``, ``Villelle``, ``Tommi`` for Tomi) adds 30, a line that names
   nobody takes 10 off (and one word in common is then a coincidence unless it is all the
   line says), and a line that names only other people is not about the action at all. A
   line in a matters-arising section adds 10.
3. **decide** (``decide``): a line settles the one action it fits best. When another action
   fits as well (within ``TIE`` points), neither is settled: both are proposed, with the
   doubt. Otherwise the best is applied when the line names its owner and the score is
   ``APPLY`` (85) or more (for an action without owners, when the words alone are), and
   proposed from ``PROPOSE`` (60) with the doubt (``the owner is not named``, ``few words in
   common``); every other action of the line is left alone. An action takes the best line
   about it: an applied one first, then one with a status word.
4. **report** (``report``): the ``FollowUp``s, and the new actions that repeat an open one
   (``repeats``: an owner in common, the same numbers if both have any, and mostly the same
   words both ways), which are not added again but count as its carry-over; a due date a
   repeat gives becomes the open action's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from tracker.likeness import Likeness, Term
from tracker.people import People

if TYPE_CHECKING:
    from minutes.lang import Profile
    from minutes.model import Document, Minutes
    from minutes.people import PeopleIndex

__all__ = ["APPLY", "PROPOSE", "REPEAT", "TIE", "WINDOW", "Candidate", "FollowUp", "Found",
           "Pair", "Sentence", "StatusLine", "Vocabulary", "decide", "follow_up", "match",
           "matcher_for", "repeats", "report", "sentences", "status_lines"]

APPLY = 85
PROPOSE = 60
TIE = 10  # a line fits two actions "as well" when their scores are this close
WINDOW = 24  # the open actions of this many earlier meetings of the series are looked for
REPEAT = 0.75  # a repeat and the open action cover this much of each other's words
OWNER_NAMED, NOBODY_NAMED, PLACE = 30, -10, 10

_NAME = re.compile(r"[A-ZÅÄÖÜÉÈÁÀÓÍÚÆØ][\w'’-]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“”(]?[A-ZÅÄÖÜÉ])")
_NUMBERING = re.compile(r"^\s*(?:§\s*)?\d+(?:\.\d+)*[.)]?\s+")
_NUMBERS = re.compile(r"\d+")
_NOT_DATE_WORDS = ("reference", "units")  # words the date reader knows that may name a task


@dataclass(frozen=True)
class Sentence:
    """A sentence (or table row) of the new minutes and where it stands."""

    text: str
    line: int | None = None
    paragraph: int | None = None
    arising: bool = False  # in a matters-arising section


@dataclass
class FollowUp:
    """What the new minutes say of one open action of an earlier meeting.

    ``status`` is what they mean (``done``, ``open``, ``cancelled``), ``current`` the
    action's status before the import, ``outcome`` ``applied`` or ``proposed``; ``doubt``
    says why a proposal was not applied (``the owner is not named``, ``fits 2 actions as
    well``, ``few words in common``); ``due`` and ``due_text`` are set when a repeat of the
    action gives it a new due date, and ``due_source`` is that repeat's sentence and place.
    """

    action: str
    text: str
    owners: list[str]
    meeting: dict[str, Any]  # the earlier meeting: id, title, date
    status: str
    current: str
    word: str | None
    sentence: str
    line: int | None
    paragraph: int | None
    score: int
    reason: str
    outcome: str
    doubt: str | None = None
    due: str | None = None
    due_text: str | None = None
    due_source: dict | None = None

    def mention(self, meeting_id: str, meeting_date: str | None) -> dict:
        """The mention as stored on the action."""
        stored = {"meeting": meeting_id, "date": meeting_date, "status": self.status,
                  "word": self.word, "sentence": self.sentence, "line": self.line,
                  "paragraph": self.paragraph, "score": self.score, "outcome": self.outcome,
                  "reason": self.reason}
        if self.doubt:
            stored["doubt"] = self.doubt
        return stored

    def evidence(self, meeting_id: str, meeting_date: str | None, *, due: bool = False) -> dict:
        """What the history keeps beside a change this mention made (``due``: the new due
        date, whose evidence is the repeat's own sentence)."""
        source = self.due_source if due and self.due_source else {
            "line": self.line, "paragraph": self.paragraph, "snippet": self.sentence}
        where = {"line": source["line"]} if source.get("line") is not None else {"paragraph": source.get("paragraph")}
        return {"meeting": meeting_id, "date": meeting_date, "word": None if due else self.word,
                "sentence": source.get("snippet"), **where}

    def to_json(self) -> dict:
        return {"id": self.action, "text": self.text, "owners": self.owners,
                "meeting": self.meeting, "status": self.status, "was": self.current,
                "word": self.word, "sentence": self.sentence, "line": self.line,
                "paragraph": self.paragraph, "score": self.score, "reason": self.reason,
                "outcome": self.outcome, "doubt": self.doubt, "due": self.due}


@dataclass
class Found:
    """``follow_up``'s answer: the mentions, and the new actions that are repeats."""

    follow_ups: list[FollowUp] = field(default_factory=list)
    repeats: dict[int, str] = field(default_factory=dict)


# -- the vocabulary -----------------------------------------------------------------------------


class Vocabulary:
    """The status words, negations, past forms, matters-arising labels and stop words of a
    language (and of English, which minutes in other languages borrow)."""

    def __init__(self, language: str | None) -> None:
        from minutes.lang import LANGUAGES, profile

        self.language = language if language in LANGUAGES else "fi"
        codes = [self.language] if self.language == "en" else [self.language, "en"]
        profiles: list[Profile] = [profile(c) for c in codes]
        self.status: dict[str, str] = {}
        self.negations: set[str] = set()
        self.sections: list[str] = []
        self.stop: set[str] = set()
        calendar: list[str] = []  # month and weekday words and stems: no content
        self.postpositions: set[str] = set()
        auxiliaries: set[str] = set()
        past, listed, endings = [], [], set()
        for p in profiles:
            groups = p.follow_up
            for status in ("done", "open", "cancelled"):
                for phrase in groups.get(status, ()):
                    self.status.setdefault(phrase.casefold(), status)
            self.negations.update(w.casefold() for w in groups.get("not", ()))
            self.sections += [s.casefold() for s in groups.get("sections", ())]
            self.stop.update(p.common_words)
            calendar += [*p.months, *p.weekdays]
            self.stop.update(w for key, words in p.date_words.items() if key not in _NOT_DATE_WORDS
                             for w in words)
            past.append(_past_form(groups, groups.get("done_after", ()), participles=False))
            listed.append(_past_form(groups, groups.get("done_after_listed", ()), participles=True))
            endings.update(groups.get("past_endings", ()))
            self.postpositions.update(groups.get("postpositions", ()))
            auxiliaries.update(groups.get("done_after", ()))
        self.stop.update(w.casefold() for phrase in (*self.status, *self.negations) for w in phrase.split())
        self.stop.update(calendar)
        stems = sorted((c for c in calendar if len(c) >= 5), key=len, reverse=True)
        self._calendar = re.compile("|".join(re.escape(c) for c in stems) or r"(?!)")
        phrases = sorted(self.status, key=len, reverse=True)
        self._status = re.compile(r"(?<!\w)(" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)",
                                  re.IGNORECASE)
        self._past = [pattern for pattern in (*past, *listed) if pattern is not None]
        self.past_endings = tuple(sorted(endings, key=len, reverse=True))
        self._genitive = re.compile(  # a word in the genitive just before: "jäsenten kesken"
            r"(?<!\w)(?!(?:" + "|".join(re.escape(a) for a in auxiliaries) + r")\s)\w+n\s+$",
            re.IGNORECASE)
        self.sections.sort(key=len, reverse=True)
        by = sorted({w for p in profiles for w in p.date_words.get("by", ())}, key=len, reverse=True)
        self._due_after = re.compile(  # "valmis 15.3.", "done by Friday": a due date
            r"^\s*[:,–-]?\s*(?:\d|(?:" + "|".join(re.escape(w) for w in by) + r")(?!\w))", re.IGNORECASE)

    def statuses(self, text: str) -> list[tuple[int, str, str, bool]]:
        """``(position, status, words as written, listed)`` of each status word (``listed``)
        or past form (``on viety``, ``has been sent``: done) in ``text``, in order."""
        found: dict[int, tuple[int, str, str, bool]] = {}
        for match in self._status.finditer(text):
            word = match.group(1).casefold()
            if self._due_after.match(text[match.end():]) and not word.endswith(self.past_endings):
                continue  # "valmis 15.3.", "done by Friday": a due date, not a status
            if word in self.postpositions and self._genitive.search(text[:match.start()]):
                continue
            found[match.start()] = (*self._negated(text, match.start(), match.end(), self.status[word]), True)
        for pattern in self._past:
            for match in pattern.finditer(text):
                if not any(match.start() <= start < match.end() for start in found):
                    found[match.start()] = (*self._negated(text, match.start(), match.end(), "done"), False)
        return [found[k] for k in sorted(found)]

    def _negated(self, text: str, start: int, end: int, status: str) -> tuple[int, str, str]:
        """A done word after a negation (within three words) means still open."""
        before = text[:start].split()[-3:]
        negated = [w for w in before if w.casefold().strip(",;:") in self.negations]
        if negated and status == "done":
            status = "open"
            start = text.rfind(negated[0], 0, start)
        return start, status, text[start:end]

    def stop_word(self, word: str) -> bool:
        """A word that says nothing of what a task is: a common word, a status word, a
        date word, a month or weekday (``helmikuun``, ``Friday``)."""
        low = word.casefold()
        return low in self.stop or self._calendar.match(low) is not None

    def arising(self, title: str) -> bool:
        """A heading or label that opens a matters-arising section."""
        low = " ".join(title.casefold().split())
        return any(section in low for section in self.sections)

    def label(self, text: str) -> str | None:
        """The text after a leading ``Matters arising:`` label, if it has one."""
        low = text.casefold()
        for section in self.sections:
            if low.startswith(section) and low[len(section):].lstrip()[:1] == ":":
                return text[len(section):].lstrip()[1:].strip()
        return None


_vocabulary = lru_cache(maxsize=4)(Vocabulary)  # the profiles' words do not change


def _past_form(groups: dict, auxiliaries: Iterable[str], *, participles: bool) -> re.Pattern | None:
    """A pattern for an auxiliary, a filler or none, and a past participle: one ending as the
    language's do (``participles``: one of the listed ones only)."""
    auxiliaries = sorted(auxiliaries, key=len, reverse=True)
    if not auxiliaries:
        return None
    fillers = "|".join(re.escape(f) for f in groups.get("done_fillers", ()))
    listed = sorted(groups.get("participles", ()), key=len, reverse=True)
    endings = "|".join(re.escape(e) for e in groups.get("past_endings", ()))
    kinds = ["|".join(re.escape(p) for p in listed)] if listed else []
    if endings and not participles:
        kinds.append(rf"\w{{2,}}(?:{endings})")
    if not kinds:
        return None
    return re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(a) for a in auxiliaries) + r")\s+"
        + (rf"(?:(?:{fillers})\s+)?" if fillers else "")
        + r"(?:" + "|".join(kinds) + r")(?!\w)", re.IGNORECASE)


# -- 1. the status lines of the new minutes -----------------------------------------------------


class StatusLine(NamedTuple):
    """A sentence that may say how an earlier action stands: its status words and past
    forms (``Vocabulary.statuses``), none for a mention in a matters-arising section."""

    number: int
    sentence: Sentence
    statuses: list[tuple[int, str, str, bool]]

    def status_words(self) -> set[int]:
        """Where the words of the line's status words and past forms start."""
        return {start + m.start() for start, _, written, _ in self.statuses
                for m in re.finditer(r"\S+", written)}

    def status_near(self, positions: tuple[int, ...]) -> tuple[str, str | None]:
        """What the line says of the words at ``positions``: the status word nearest them
        (a past form only when it has none), else a carry-over."""
        if not self.statuses:
            return "open", None
        listed = [s for s in self.statuses if s[3]] or self.statuses
        centre = sum(positions) / len(positions) if positions else 0
        _, status, word, _ = min(listed, key=lambda s: abs(s[0] - centre))
        return status, word


def sentences(minutes: Minutes, words: Vocabulary, document: Document | None = None) -> list[Sentence]:
    """The sentences of ``minutes``, read again from their file when it is unchanged, else
    the ones the parser kept."""
    document = document or _reread(minutes)
    if document is None:
        return _kept_sentences(minutes, words)
    titles = {_norm(item.title) for item in minutes.agenda}
    found: list[Sentence] = []
    arising = False
    for block in document.blocks:
        where = {"line": block.origin.line, "paragraph": block.origin.paragraph}
        if block.kind == "table":
            for row in block.rows:
                cells = [c.strip() for c in row if c.strip()]
                if cells:
                    found.append(Sentence(" | ".join(cells), **where, arising=arising))
            continue
        text = " ".join(block.text.split())
        bare = _NUMBERING.sub("", text)
        if block.kind == "heading" or (bare and _norm(bare) in titles):
            arising = words.arising(bare)
            continue
        rest = words.label(text)
        if rest is not None:
            arising, text = True, rest
        found += [Sentence(s, **where, arising=arising) for s in _split(text)]
    return found


def status_lines(found: list[Sentence], words: Vocabulary) -> list[StatusLine]:
    """The sentences that have a status word, or stand in a matters-arising section."""
    lines = []
    for number, sentence in enumerate(found):
        statuses = words.statuses(sentence.text)
        if statuses or sentence.arising:
            lines.append(StatusLine(number, sentence, statuses))
    return lines


def _reread(minutes: Minutes) -> Document | None:
    path = minutes.source.path
    if not path:
        return None
    from minutes.readers import read

    try:
        document = read(path)
    except (ValueError, OSError):
        return None
    return document if document.source.sha256 == minutes.source.sha256 else None


def _kept_sentences(minutes: Minutes, words: Vocabulary) -> list[Sentence]:
    arising_items = {item.number or item.title for item in minutes.agenda if words.arising(item.title)}
    kept = [(a.snippet or a.text, a.origin, a.agenda_item) for a in minutes.actions]
    kept += [(d.text, d.origin, d.agenda_item) for d in minutes.decisions]
    kept += [(f"{t.speaker}: {t.text}", t.origin, t.agenda_item) for t in minutes.speakers]
    found = []
    for text, origin, item in kept:
        where = {"line": origin.line, "paragraph": origin.paragraph} if origin else {}
        for sentence in _split(" ".join(text.split())):
            found.append(Sentence(sentence, **where, arising=item in arising_items))
    return found


def _split(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


# -- 2. matching ---------------------------------------------------------------------------------


@dataclass
class Candidate:
    """An open action of an earlier meeting, prepared for matching."""

    id: str
    doc: dict
    meeting: dict
    terms: tuple[Term, ...]
    owners: set[str]  # canonical
    people: set[str]  # owners who are people
    groups: list[tuple[Term, ...]]  # owners who are not ("kunnat", "hallitus"), as words
    numbers: set[str]

    @classmethod
    def of(cls, aid: str, doc: dict, meeting: dict, matcher: Matcher) -> Candidate:
        """The stored action ``doc`` (of ``meeting``) as ``matcher`` sees it."""
        from minutes.people import looks_like_name

        owners = {matcher.people.canonical(o) or o for o in doc["owners"]}
        persons = {o for o in owners if looks_like_name(o)}
        return cls(aid, doc, meeting, matcher.text_terms(doc["text"])[1], owners, persons,
                   [matcher.terms(o) for o in owners - persons], set(_NUMBERS.findall(doc["text"])))


class Pair(NamedTuple):
    """A status line and an action it may be about: the words score (0-100), whether the
    line names the action's owner (``named``, ``nobody`` when it names no one,
    ``ownerless`` for an action without owners), the score (the words, the owner and the
    place; may pass 100) and what the line says of it."""

    line: StatusLine
    candidate: Candidate
    words: int
    owner: str
    score: int
    status: str
    word: str | None


class Matcher:
    """The people, words and candidates of one import."""

    def __init__(self, words: Vocabulary, index: PeopleIndex, people: People) -> None:
        self.words = words
        self.index = index
        self.people = people
        self.like = Likeness(words.language, ())
        self._names: dict[str, str | None] = {}
        self._lookup: dict[str, list[Candidate]] = {}
        self.candidates: list[Candidate] = []

    def person(self, written: str) -> str | None:
        """The canonical person a capitalised word (or two) means, if any."""
        if written not in self._names:
            name = self.index.resolve(re.sub(r"['’]s$", "", written))
            self._names[written] = (self.people.canonical(name) or name) if name else None
        return self._names[written]

    def names_in(self, text: str) -> tuple[set[str], set[int]]:
        """The people named in ``text`` and the positions of the words that name them."""
        tokens = list(_NAME.finditer(text))
        found: set[str] = set()
        spans: set[int] = set()
        i = 0
        while i < len(tokens):
            pair = tokens[i:i + 2]
            if len(pair) == 2 and text[pair[0].end():pair[1].start()] == " ":
                name = self.person(f"{pair[0].group()} {pair[1].group()}")
                if name:
                    found.add(name)
                    spans.update(t.start() for t in pair)
                    i += 2
                    continue
            name = self.person(tokens[i].group())
            if name:
                found.add(name)
                spans.add(tokens[i].start())
            i += 1
        return found, spans

    def terms(self, text: str, skip: Iterable[int] = ()) -> tuple[Term, ...]:
        """The content words of ``text`` (no stop word, date word or status word), the words
        at ``skip`` (names) left out."""
        return tuple(t for t in self.like.terms(text, skip) if not self.words.stop_word(t.word))

    def text_terms(self, text: str, skip: Iterable[int] = ()) -> tuple[set[str], tuple[Term, ...]]:
        """The people ``text`` names and its other content words (but those at ``skip``)."""
        named, spans = self.names_in(text)
        return named, self.terms(text, spans | set(skip))

    def add(self, candidates: list[Candidate]) -> None:
        """The open actions to match, indexed by their words."""
        self.candidates = [c for c in candidates if c.terms]
        for c in self.candidates:
            for key in self.like.lookups(c.terms):
                self._lookup.setdefault(key, []).append(c)

    def near(self, terms: tuple[Term, ...], owners: set[str] | None = None) -> list[Candidate]:
        """The candidates with a word alike one of ``terms`` (and, given ``owners``, an
        owner among them)."""
        found: dict[str, Candidate] = {}
        for key in self.like.lookups(terms):
            for c in self._lookup.get(key, ()):
                if owners is None or c.owners & owners:
                    found[c.id] = c
        return list(found.values())

    def owner(self, c: Candidate, named: set[str], terms: tuple[Term, ...]) -> str | None:
        """``named``, ``nobody``, ``ownerless``, or None when the line names only people
        who are not the action's owners."""
        if not c.people and not c.groups:
            return "ownerless"
        if c.people & named or any(self.like.fit(group, terms).first >= 1 for group in c.groups):
            return "named"
        return None if named else "nobody"


def match(lines: list[StatusLine], matcher: Matcher) -> list[Pair]:
    """Every status line against every open action it shares a word with: the pairs that
    score ``PROPOSE`` or more."""
    pairs = []
    for line in lines:
        named, terms = matcher.text_terms(line.sentence.text, line.status_words())
        for c in matcher.near(terms):
            owner = matcher.owner(c, named, terms)
            if owner is None:
                continue  # about somebody else's action
            fit = matcher.like.fit(c.terms, terms)
            if owner != "named" and len(fit.positions) < min(2, len(terms)):
                continue  # one word in common, and more in the line: a coincidence
            words = words_score(fit.matched, max(fit.first, fit.second))
            score = words + {"named": OWNER_NAMED, "nobody": NOBODY_NAMED}.get(owner, 0)
            score += PLACE if line.sentence.arising else 0
            if words and score >= PROPOSE:
                status, word = line.status_near(fit.positions)
                pairs.append(Pair(line, c, words, owner, score, status, word))
    return pairs


def words_score(matched: float, covered: float) -> int:
    """0-100: the rare words in common (``Fit.matched``: each worth 40) and how much of the
    line or of the action the other covers (the better of the two, worth 60)."""
    return round(100 * min(1.0, 0.4 * matched + 0.6 * covered))


# -- 3. deciding ---------------------------------------------------------------------------------


class Decision(NamedTuple):
    """What a status line does to one action: ``applied`` or ``proposed``, and why not
    applied (``doubt``)."""

    pair: Pair
    outcome: str
    doubt: str | None


def decide(pairs: list[Pair]) -> dict[str, Decision]:
    """By action id: the line that settles it. A line settles the action it fits best; when
    another fits as well (within ``TIE``), both are only proposed, with the doubt; an action
    about which several lines speak takes the best of them: an applied one first, then one
    with a status word."""
    by_line: dict[int, list[Pair]] = {}
    for pair in pairs:
        by_line.setdefault(pair.line.number, []).append(pair)
    chosen: dict[str, Decision] = {}
    for line_pairs in by_line.values():
        line_pairs.sort(key=lambda p: (-p.score, p.candidate.id))
        best = line_pairs[0]
        rivals = [p for p in line_pairs[1:] if p.score >= best.score - TIE]
        if rivals:
            doubt = f"fits {len(rivals) + 1} actions as well"
            decisions = [Decision(p, "proposed", doubt) for p in (best, *rivals)]
        elif best.owner == "nobody":
            decisions = [Decision(best, "proposed", "the owner is not named")]
        elif (best.words if best.owner == "ownerless" else best.score) >= APPLY:
            decisions = [Decision(best, "applied", None)]
        else:
            decisions = [Decision(best, "proposed", "few words in common")]
        for decision in decisions:
            aid = decision.pair.candidate.id
            if aid not in chosen or _rank(decision) > _rank(chosen[aid]):
                chosen[aid] = decision
    return chosen


def _rank(decision: Decision) -> tuple:
    pair = decision.pair
    return (decision.outcome == "applied", pair.word is not None, pair.score, -pair.line.number)


# -- 4. repeats and the report -------------------------------------------------------------------


def repeats(incoming: list[dict], matcher: Matcher) -> dict[str, tuple[int, int]]:
    """By open action id: ``(score, index)`` of the new action that repeats it: an owner in
    common, the same numbers (when both have any) and mostly the same words both ways."""
    found: dict[str, tuple[int, int]] = {}
    for index, new in enumerate(incoming):
        owners = {matcher.people.canonical(o) or o for o in new["owners"]}
        if not owners:
            continue
        _, terms = matcher.text_terms(new["text"])
        numbers = set(_NUMBERS.findall(new["text"]))
        best = None
        for c in matcher.near(terms, owners):
            if numbers and c.numbers and numbers != c.numbers:
                continue
            fit = matcher.like.fit(c.terms, terms)
            if fit.mostly(REPEAT):
                score = round(100 * fit.mean)
                if best is None or (score, c.id) > best:
                    best = (score, c.id)
        if best is not None:
            score, aid = best
            if aid not in found or score > found[aid][0]:
                found[aid] = (score, index)
    return found


def report(decisions: dict[str, Decision], repeated: dict[str, tuple[int, int]],
           candidates: list[Candidate], incoming: list[dict]) -> Found:
    """The ``FollowUp`` of every action a line or a repeat speaks of, in the order of the
    minutes, and the repeats by the new action's index."""
    found = Found()
    for c in candidates:
        decision, repeat = decisions.get(c.id), repeated.get(c.id)
        if decision is None and repeat is None:
            continue
        doc = c.doc
        meeting = {"id": doc["meeting"], "title": c.meeting.get("title"), "date": c.meeting.get("date")}
        if decision is not None and (repeat is None or (decision.pair.word is not None
                                                        and decision.outcome == "applied")):
            pair = decision.pair
            sentence = pair.line.sentence
            f = FollowUp(c.id, doc["text"], list(doc["owners"]), meeting, pair.status, doc["status"],
                         pair.word, sentence.text, sentence.line, sentence.paragraph,
                         min(100, pair.score), "status word" if pair.word else "matters arising",
                         decision.outcome, decision.doubt)
        else:
            score, index = repeat
            source = incoming[index]["source"]
            f = FollowUp(c.id, doc["text"], list(doc["owners"]), meeting, "open", doc["status"], None,
                         source.get("snippet") or incoming[index]["text"], source.get("line"),
                         source.get("paragraph"), score, "repeated", "applied")
        if repeat is not None and f.status == "open":
            new = incoming[repeat[1]]
            if new["due"] and new["due"] != doc.get("due"):
                f.due, f.due_text = new["due"], new["due_text"]
                f.due_source = {"snippet": new["source"].get("snippet") or new["text"],
                                "line": new["source"].get("line"),
                                "paragraph": new["source"].get("paragraph")}
        found.follow_ups.append(f)
    found.follow_ups.sort(key=lambda f: (f.line if f.line is not None else f.paragraph or 0, f.action))
    found.repeats = {index: aid for aid, (_, index) in repeated.items()}
    return found


# -- the whole -----------------------------------------------------------------------------------


def follow_up(data: dict, minutes: Minutes, *, meeting_id: str, series: str,
              incoming: list[dict], document: Document | None = None, index=None) -> Found:
    """What ``minutes`` (to be stored as meeting ``meeting_id`` of ``series``) say of the
    open actions of the series' earlier meetings in ``data``; ``incoming`` are the new
    minutes' actions as the importer shapes them (``text``, ``owners``, ``due``, ``source``).
    ``index`` (``importer.Index``) finds each meeting's actions without going through all."""
    own_date = minutes.date.isoformat() if minutes.date else None
    if index is None:
        from tracker.importer import Index

        index = Index(data)
    earlier, chosen = _open_actions(data, meeting_id, series, own_date, index)
    if not chosen:
        return Found()
    matcher = matcher_for(data, minutes, chosen.values())
    words = matcher.words
    candidates = [Candidate.of(aid, doc, data["meetings"][doc["meeting"]], matcher)
                  for aid, doc in chosen.items()]
    said = sentences(minutes, words, document)
    lines = status_lines(said, words)
    # how rare a word is: among the series' actions and the new minutes' sentences
    actions = data["actions"]
    matcher.like.count(*(c.terms for c in candidates),
                       *(matcher.text_terms(actions[aid]["text"])[1]
                         for aid in _in_order(index, earlier) if aid not in chosen),
                       *(matcher.text_terms(sentence.text)[1] for sentence in said))
    matcher.add(candidates)
    return report(decide(match(lines, matcher)), repeats(incoming, matcher), matcher.candidates,
                  incoming)


def _open_actions(data: dict, meeting_id: str, series: str, own_date: str | None,
                  index) -> tuple[set[str], dict[str, dict]]:
    """The series' latest ``WINDOW`` earlier meetings, and their open actions (and those
    this very meeting has spoken of before: an edited version of its minutes speaks again)."""
    from tracker.series import keys, order

    meetings, actions = data["meetings"], data["actions"]
    series_of = keys(meetings)
    earlier = sorted((mid for mid, doc in meetings.items()
                      if mid != meeting_id and series_of[mid] == series
                      and (own_date is None or not doc.get("date") or doc["date"] < own_date)),
                     key=lambda mid: order(meetings[mid]))
    window = set(earlier[-WINDOW:])
    chosen = {}
    for aid in _in_order(index, window):
        doc = actions[aid]
        if doc["status"] == "open" or any(m.get("meeting") == meeting_id for m in doc.get("mentions") or ()):
            chosen[aid] = doc
    return window, chosen


def _in_order(index, meetings: set[str]) -> list[str]:
    """The actions of these meetings, in the order they came into the store."""
    found = [aid for mid in meetings for aid in index.actions_of.get(mid, ())]
    return sorted(found, key=index.order.__getitem__)


def matcher_for(data: dict, minutes: Minutes, actions: Iterable[dict]) -> Matcher:
    """A matcher in the language of ``minutes`` that knows their people and the owners of
    ``actions`` (stored ones or new ones, as the importer shapes them)."""
    from minutes.people import PeopleIndex, looks_like_name

    people = People(data["people"])
    words = _vocabulary(minutes.language)
    names = [a.name for a in (*minutes.attendees, *minutes.absent)]
    for doc in actions:
        names += [name for name in (people.canonical(o) or o for o in doc["owners"]) if looks_like_name(name)]
    aliases = {alias: name for name, doc in data["people"].items() for alias in doc.get("aliases", ())}
    index = PeopleIndex(dict.fromkeys(names), aliases={k: v for k, v in aliases.items() if looks_like_name(k)})
    return Matcher(words, index, people)

