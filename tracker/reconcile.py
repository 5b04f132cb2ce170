"""Reconciling new minutes with the open actions of the earlier meetings of their series.

The minutes of meeting N+1 talk about the actions of meeting N: ``Lämpöpumpun
huoltosopimus (Ville): tehty.``, ``Plot waiting list (Lena): ongoing``. The importer calls
``follow_up`` with the new minutes and the store's data; it answers with what those minutes
say of each open action of the same series (``FollowUp``) and which of the new minutes' own
actions only repeat an open one::

    found = follow_up(data, minutes, meeting_id="7be01d", series="hallituksen kokous",
                      incoming=[...])          # the new actions, as the importer shapes them
    for f in found.follow_ups:
        print(f.action, f.status, f.word, f.outcome, f.sentence)
    found.repeats                              # {index of a new action: the open action it repeats}

How a mention is found. The minutes' text is read again from ``minutes.source.path`` with
``minutes.readers.read`` (only when the file is unchanged: same sha256); its blocks are cut
into sentences (a table row is one), each knowing whether it stands in a matters-arising
section (an agenda item or a ``Matters arising:`` label named by the language profile's
``follow_up.sections``). When the file cannot be read again (minutes parsed from text in
memory), the sentences the parser kept (actions, decisions, speaker turns) stand in. The
parser itself is not asked for anything more.

For every open action of the series' earlier meetings (the latest ``WINDOW``, 24, of them;
an action older than that is stale, see ``tracker.series``) and every sentence that has at
least one of its words:

- *words*: the action's and the sentence's words of three letters or more, stop words and
  people's names left out, are cut to stems of five letters (``vuokrahinnaston`` ->
  ``vuokr``); two stems match when equal, when one begins with the other, or when rapidfuzz
  rates them 80 or more (``hinta``/``hinnan``). The words score is 100 when the matched stems
  are at least as many as the fewer of the two sides' stems (at most three are needed), in
  proportion below that, and 50 when a single stem of an action of three or more matches;
- *owner*: an owner named in the sentence, in any form the people index resolves
  (``Pekan``, ``Villelle``, ``Tommi`` for Tomi), adds 15 (5 with a single matched stem);
  another person named instead takes 30 off, nobody named 10;
- *place*: a sentence in a matters-arising section adds 10;
- *status*: the status word nearest the matched words says what happened (profile
  ``follow_up.done``/``open``/``cancelled``; after a negation, ``ei vielä tehty``/``not yet
  done``, a done word means open; a word followed by a date or ``mennessä``/``by`` is a due
  date, not a status). Outside matters arising a sentence without one is no mention; inside,
  it is a carry-over (still open).

A score of ``APPLY`` (85) or more is applied on import: the status changes and the mention is
recorded; from ``PROPOSE`` (60) up to it the mention is only recorded as proposed and shown,
never applied. Each sentence goes to the action(s) it fits best (within 15 points of its
best), each action takes its best sentence, one with a status word first.

A new action of these minutes that repeats an open one (an owner in common and a words
score, owner included, of ``APPLY`` or more) is not added again: it is a
carry-over of the open one, and a due date it gives becomes the open one's due date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from tracker.people import People

if TYPE_CHECKING:
    from minutes.lang import Profile
    from minutes.model import Document, Minutes
    from minutes.people import PeopleIndex

__all__ = ["APPLY", "PROPOSE", "FollowUp", "Found", "Sentence", "follow_up", "sentences"]

APPLY = 85
PROPOSE = 60
NEAR_BEST = 15  # a sentence also goes to actions this close to its best match
WINDOW = 24  # the open actions of this many earlier meetings of the series are looked for

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_NAME = re.compile(r"[A-ZÅÄÖÜÉÈÁÀÓÍÚÆØ][\w'’-]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“”(]?[A-ZÅÄÖÜÉ])")
_NUMBERING = re.compile(r"^\s*(?:§\s*)?\d+(?:\.\d+)*[.)]?\s+")


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
    action's status before the import, ``outcome`` ``applied`` or ``proposed``; ``due`` and
    ``due_text`` are set when a repeat of the action gives it a new due date, and
    ``due_source`` is that repeat's sentence and place.
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
    due: str | None = None
    due_text: str | None = None
    due_source: dict | None = None

    def mention(self, meeting_id: str, meeting_date: str | None) -> dict:
        """The mention as stored on the action."""
        return {"meeting": meeting_id, "date": meeting_date, "status": self.status,
                "word": self.word, "sentence": self.sentence, "line": self.line,
                "paragraph": self.paragraph, "score": self.score, "outcome": self.outcome,
                "reason": self.reason}

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
                "outcome": self.outcome, "due": self.due}


@dataclass
class Found:
    """``follow_up``'s answer: the mentions, and the new actions that are repeats."""

    follow_ups: list[FollowUp] = field(default_factory=list)
    repeats: dict[int, str] = field(default_factory=dict)


# -- the vocabulary -----------------------------------------------------------------------------


class Words:
    """The status words, negations, matters-arising labels and stop words of a language
    (and of English, which minutes in other languages borrow)."""

    def __init__(self, language: str | None) -> None:
        from minutes.lang import LANGUAGES, profile

        codes = [language] if language in LANGUAGES else ["fi"]
        if "en" not in codes:
            codes.append("en")
        profiles: list[Profile] = [profile(c) for c in codes]
        self.status: dict[str, str] = {}
        self.negations: set[str] = set()
        self.sections: list[str] = []
        self.stop: set[str] = set()
        for p in profiles:
            groups = p.follow_up
            for status in ("done", "open", "cancelled"):
                for phrase in groups.get(status, ()):
                    self.status.setdefault(phrase.casefold(), status)
            self.negations.update(w.casefold() for w in groups.get("not", ()))
            self.sections += [s.casefold() for s in groups.get("sections", ())]
            self.stop.update(p.common_words)
        for phrase in (*self.status, *self.negations):
            self.stop.update(phrase.split())
        phrases = sorted(self.status, key=len, reverse=True)
        self._status = re.compile(r"(?<!\w)(" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)",
                                  re.IGNORECASE)
        self.sections.sort(key=len, reverse=True)
        by = sorted({w for p in profiles for w in p.date_words.get("by", ())}, key=len, reverse=True)
        self._due_after = re.compile(  # "valmis 15.3.", "done by Friday": a due date
            r"^\s*[:,–-]?\s*(?:\d|(?:" + "|".join(re.escape(w) for w in by) + r")(?!\w))", re.IGNORECASE)

    def statuses(self, text: str) -> list[tuple[int, str, str]]:
        """``(position, status, word as written)`` of each status word in ``text``."""
        found = []
        for match in self._status.finditer(text):
            if self._due_after.match(text[match.end():]):
                continue  # a due date, not a status
            status, start = self.status[match.group(1).casefold()], match.start()
            before = text[:start].split()[-3:]
            negated = [w for w in before if w.casefold().strip(",;:") in self.negations]
            if negated and status == "done":
                status = "open"
                start = text.rfind(negated[0], 0, match.start())
            found.append((match.start(), status, text[start:match.end()]))
        return found

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


# -- the new minutes' sentences -----------------------------------------------------------------


def sentences(minutes: Minutes, words: Words, document: Document | None = None) -> list[Sentence]:
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


def _kept_sentences(minutes: Minutes, words: Words) -> list[Sentence]:
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


# -- matching -----------------------------------------------------------------------------------


class Matcher:
    """Stems, people and scores for one import."""

    def __init__(self, words: Words, index: PeopleIndex, people: People) -> None:
        self.words = words
        self.index = index
        self.people = people
        self._same: dict[tuple[str, str], bool] = {}
        self._names: dict[str, str | None] = {}

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

    def stems(self, text: str, skip: set[int] | None = None) -> dict[str, int]:
        """The content stems of ``text`` with the position of each one's first word; the
        words at ``skip`` (else every word naming a person) left out."""
        found: dict[str, int] = {}
        stop = self.words.stop
        for word, position, written in _tokens(text):
            if len(word) < 3 or word in stop:
                continue
            if (position in skip) if skip is not None else (written and self.person(written)):
                continue
            found.setdefault(word[:5], position)
        return found

    def same(self, a: str, b: str) -> bool:
        if a == b:
            return True
        key = (a, b) if a < b else (b, a)
        if key not in self._same:
            short, long = sorted((a, b), key=len)
            if len(short) >= 4 and long.startswith(short):
                self._same[key] = True
            elif len(a) == len(b) == 5:
                from rapidfuzz import fuzz

                self._same[key] = fuzz.ratio(a, b) >= 80
            else:
                self._same[key] = False
        return self._same[key]

    def matched(self, action_stems: dict[str, int], other: dict[str, int]) -> list[int]:
        """The positions in ``other`` of the stems that match one of the action's."""
        positions = []
        for stem in action_stems:
            at = other.get(stem)
            if at is None:
                at = next((pos for s, pos in other.items() if self.same(stem, s)), None)
            if at is not None:
                positions.append(at)
        return positions


@dataclass
class _Candidate:
    """An open action of an earlier meeting, prepared for matching."""

    id: str
    doc: dict
    meeting: dict
    stems: dict[str, int]
    owners: set[str]  # canonical
    people: set[str]  # owners who are people
    groups: list[str]  # owners who are not, as stems ("kunna", "rahas")
    numbers: set[str]


class _Pool:
    """The candidates, found quickly by the words they share with a sentence: each stem is
    looked up by its first four letters, and a stem most candidates have says nothing."""

    def __init__(self, candidates: list[_Candidate]) -> None:
        self.candidates = candidates
        index: dict[str, list[_Candidate]] = {}
        for c in candidates:
            for key in {stem[:4] for stem in c.stems}:
                index.setdefault(key, []).append(c)
        if len(candidates) >= 20:
            common = len(candidates) / 2
            index = {k: v for k, v in index.items() if len(v) <= common}
        self._index = index
        self._owned: dict[tuple[str, str], list[_Candidate]] = {}  # (owner, key) -> candidates
        for key, listed in index.items():
            for c in listed:
                for owner in c.owners:
                    self._owned.setdefault((owner, key), []).append(c)

    def near(self, stems: dict[str, int], least: int = 1,
             owners: set[str] | None = None) -> list[_Candidate]:
        """The candidates with at least ``least`` telling stems in common (fewer when the
        sentence has fewer); with ``owners``, only those with one of these owners."""
        hits: dict[str, list] = {}
        for key in {stem[:4] for stem in stems}:
            if owners is None:
                listed = self._index.get(key, ())
            else:
                listed = [c for owner in owners for c in self._owned.get((owner, key), ())]
            for c in listed:
                hits.setdefault(c.id, [c, 0])[1] += 1
        wanted = min(least, len(stems))
        return [c for c, count in hits.values() if count >= wanted]


def _words_score(matches: int, action_stems: int, other_stems: int) -> float:
    if matches == 0:
        return 0
    if matches == 1 and action_stems >= 3:
        return 50
    return 100 * min(1, matches / min(action_stems, other_stems, 3))


def _owner_score(c: _Candidate, named: set[str], stems: dict[str, int], matches: int) -> int:
    if not c.people and not c.groups:
        return 0
    if c.people & named or any(g in stems for g in c.groups):
        return 15 if matches >= 2 else 5
    return -30 if named else -10


_NUMBERS = re.compile(r"\d+")


@lru_cache(maxsize=1 << 16)
def _tokens(text: str) -> tuple[tuple[str, int, str | None], ...]:
    """The words of ``text``: lower case, where, and as written when capitalised (the
    same action texts are read at every import of their series)."""
    return tuple((m.group().casefold(), m.start(), m.group() if m.group()[:1].isupper() else None)
                 for m in _WORD.finditer(text))


# -- the whole -----------------------------------------------------------------------------------


def follow_up(data: dict, minutes: Minutes, *, meeting_id: str, series: str,
              incoming: list[dict], document: Document | None = None) -> Found:
    """What ``minutes`` (to be stored as meeting ``meeting_id`` of ``series``) say of the
    open actions of the series' earlier meetings in ``data``; ``incoming`` are the new
    minutes' actions as the importer shapes them (``text``, ``owners``, ``due``, ``source``)."""
    from tracker.series import keys, order

    meetings, actions = data["meetings"], data["actions"]
    own_date = minutes.date.isoformat() if minutes.date else None
    series_of = keys(meetings)
    earlier = sorted((mid for mid, doc in meetings.items()
                      if mid != meeting_id and series_of[mid] == series
                      and (own_date is None or not doc.get("date") or doc["date"] < own_date)),
                     key=lambda mid: order(meetings[mid]))
    earlier = set(earlier[-WINDOW:])
    chosen = {aid: doc for aid, doc in actions.items()
              if doc["meeting"] in earlier and not doc.get("vanished")
              and (doc["status"] == "open"
                   or any(m.get("meeting") == meeting_id for m in doc.get("mentions") or ()))}
    found = Found()
    if not chosen:
        return found

    from minutes.people import PeopleIndex, looks_like_name

    people = People(data["people"])
    words = Words(minutes.language)
    canonical: dict[str, tuple[str, bool]] = {}  # owner as stored -> (canonical, a person?)
    for doc in chosen.values():
        for o in doc["owners"]:
            if o not in canonical:
                name = people.canonical(o) or o
                canonical[o] = (name, looks_like_name(name))
    names = [a.name for a in (*minutes.attendees, *minutes.absent)]
    names += [name for name, person in canonical.values() if person]
    aliases = {alias: name for name, doc in data["people"].items() for alias in doc.get("aliases", ())}
    index = PeopleIndex(dict.fromkeys(names), aliases={k: v for k, v in aliases.items() if looks_like_name(k)})
    matcher = Matcher(words, index, people)

    candidates = []
    for aid, doc in chosen.items():
        owners = {canonical[o][0] for o in doc["owners"]}
        persons = {canonical[o][0] for o in doc["owners"] if canonical[o][1]}
        candidates.append(_Candidate(aid, doc, meetings[doc["meeting"]], matcher.stems(doc["text"]),
                                     owners, persons, [o.casefold()[:5] for o in owners - persons],
                                     set(_NUMBERS.findall(doc["text"]))))
    pool = _Pool([c for c in candidates if c.stems])

    # the sentences of the new minutes
    pairs: list[tuple[float, int, _Candidate, Sentence, str | None, str | None]] = []
    for number, sentence in enumerate(sentences(minutes, words, document)):
        statuses = words.statuses(sentence.text)
        if not statuses and not sentence.arising:
            continue
        named, spans = matcher.names_in(sentence.text)
        stems = matcher.stems(sentence.text, spans)
        for c in pool.near(stems):
            positions = matcher.matched(c.stems, stems)
            score = _words_score(len(positions), len(c.stems), len(stems))
            if not score:
                continue
            score += _owner_score(c, named, stems, len(positions))
            score += 10 if sentence.arising else 0
            score = min(100, score)
            if score < PROPOSE:
                continue
            status, word = "open", None
            if statuses:
                centre = sum(positions) / len(positions)
                _, status, word = min(statuses, key=lambda s: abs(s[0] - centre))
            pairs.append((score, number, c, sentence, status, word))
    best_of_sentence: dict[int, float] = {}
    for score, number, *_ in pairs:
        best_of_sentence[number] = max(score, best_of_sentence.get(number, 0))
    best: dict[str, tuple] = {}
    for pair in pairs:
        score, number, c, sentence, status, word = pair
        if score < best_of_sentence[number] - NEAR_BEST:
            continue
        rank = (word is not None, score, -number)
        if c.id not in best or rank > best[c.id][0]:
            best[c.id] = (rank, pair)

    # the new minutes' own actions that repeat an open one: an owner in common, the same
    # numbers (if both have any) and the words
    repeats: dict[str, tuple[float, int]] = {}
    for index_, new in enumerate(incoming):
        owners = set(new["owners"])
        if not owners:
            continue
        named, spans = matcher.names_in(new["text"])
        stems = matcher.stems(new["text"], spans)
        numbers = set(_NUMBERS.findall(new["text"]))
        scored = []
        for c in pool.near(stems, least=2, owners={people.canonical(o) or o for o in owners}):
            if numbers and c.numbers and numbers != c.numbers:
                continue
            positions = matcher.matched(c.stems, stems)
            score = _words_score(len(positions), len(c.stems), len(stems))
            score = min(100, score + (15 if len(positions) >= 2 else 0))
            if score >= APPLY:
                scored.append((score, c.id))
        if scored:
            score, aid = max(scored)
            if aid not in repeats or score > repeats[aid][0]:
                repeats[aid] = (score, index_)
    for aid, (_score, index_) in repeats.items():
        found.repeats[index_] = aid

    for c in pool.candidates:
        pair = best.get(c.id, (None, None))[1]
        repeat = repeats.get(c.id)
        if pair is None and repeat is None:
            continue
        doc = c.doc
        if pair is not None and (repeat is None or (pair[5] is not None and pair[0] >= APPLY)):
            score, _, _, sentence, status, word = pair
            line, paragraph, text = sentence.line, sentence.paragraph, sentence.text
            reason = "status word" if word else "matters arising"
        else:
            score, index_ = repeat
            new = incoming[index_]
            status, word, reason = "open", None, "repeated"
            text = new["source"].get("snippet") or new["text"]
            line, paragraph = new["source"].get("line"), new["source"].get("paragraph")
        score = round(score)
        f = FollowUp(c.id, doc["text"], list(doc["owners"]),
                     {"id": doc["meeting"], "title": c.meeting.get("title"), "date": c.meeting.get("date")},
                     status, doc["status"], word, text, line, paragraph, score, reason,
                     "applied" if score >= APPLY else "proposed")
        if repeat is not None and status == "open":
            new = incoming[repeat[1]]
            if new["due"] and new["due"] != doc.get("due"):
                f.due, f.due_text = new["due"], new["due_text"]
                f.due_source = {"snippet": new["source"].get("snippet") or new["text"],
                                "line": new["source"].get("line"),
                                "paragraph": new["source"].get("paragraph")}
        found.follow_ups.append(f)
    found.follow_ups.sort(key=lambda f: (f.line if f.line is not None else f.paragraph or 0, f.action))
    return found
