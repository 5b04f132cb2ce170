"""Actions: every task the meeting gave someone, with its owners and due date, and the rule
that found it, most certain first.

    explicit  ``ACTION:``, ``TODO``, ``[ ]``, ``Toimenpide:``, ``Åtgärd:`` lines
    section   lines under an ``Action items`` / ``Toimenpiteet`` heading or label
    table     rows of an Action | Owner | Due table (Tehtävä | Vastuu | Aikataulu, …)
    owner     a sentence with ``Vastuu: X`` / ``(vastuu: X)`` / ``Ansvarig: X``
    commit    ``X will …``, ``X to …``, ``X selvittää …``, ``X ansvarar för …``, a speaker's
              ``I'll …`` or a Finnish speaker's ``Lupautuu …``; ``X:n tehtäväksi``;
              ``… tulossa X:ltä``
    agreed    ``Sovittiin, että …``, ``It was agreed that …``, a passive ``Selvitetään …``
    deadline  a line with a deadline (``dl 21.2``, ``24.3. mennessä``, ``by Friday``)

Not actions: reports of what was done, questions, wishes and maybes (``voisi``, ``ehkä``,
``could``, ``kanske``). Owners are resolved against the meeting's people; a group is kept
as its canonical word, a person outside the roster as written, and an owner the parser cannot
decide is left empty with a doubt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import dates
from .model import Action
from .people import NAME_TOKEN, looks_like_name
from .structure import Line, ParseState

__all__ = ["run"]

_BULLET = re.compile(r"^\s*(?:[-*•–◦▪]\s+)+")
_NAME_SEQ = rf"{NAME_TOKEN}(?:\s{NAME_TOKEN}){{0,2}}"
_HANDLE = re.compile(r"@([\w.-]+)")
_BOX = re.compile(r"^\s*(?:[-*•]\s*)?\[\s?\]\s*")
_DONE_BOX = re.compile(r"^\s*(?:[-*•]\s*)?\[[xX]\]\s*")


@dataclass
class _Found:
    text: str
    owners: list[str]
    line: Line
    rule: str
    snippet: str
    due_source: str
    agenda_item: str | None = None
    doubts: list[str] | None = None


def run(state: ParseState) -> None:
    """Find the actions of the minutes and add them to ``state.minutes.actions``."""
    finder = _Finder(state)
    found = finder.find()
    seen: list[str] = []
    for item in found:
        key = _key(item.text)
        if not key or any(_similar(key, k) for k in seen):
            continue
        seen.append(key)
        state.minutes.actions.append(finder.to_action(item))


def _key(text: str) -> str:
    return " ".join(w[:5] for w in re.findall(r"\w+", text.casefold()))


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) >= 0.8 and min(len(wa), len(wb)) >= 3


class _Finder:
    """One pass over the lines; the language's words come from the profile."""

    def __init__(self, state: ParseState):
        self.state = state
        self.profile = state.profile
        words = state.profile.actions
        self.words = {k: tuple(w.lower() for w in v) for k, v in words.items()}
        self.turns = {}
        for turn in state.minutes.speakers:
            self.turns.setdefault(turn.origin, []).append(turn)
        self.groups = {
            form.lower(): canonical
            for canonical, forms in state.profile.groups.items()
            for form in forms
        }
        self.base = state.minutes.date
        self.next_date = state.minutes.next_meeting.date if state.minutes.next_meeting else None
        labels = "|".join(re.escape(w) for w in sorted(self.words.get("marker", ()), key=len, reverse=True))
        self.marker = re.compile(
            rf"^\s*(?:[-*•]\s*)?(?:#(?:action|todo)\b|(?:{labels})\b(?:\s*\((?P<paren>[^)]*)\))?\s*[:\-–]|TODO\b)\s*",
            re.I,
        )
        owner_labels = "|".join(re.escape(w) for w in sorted(self.words.get("owner", ()), key=len, reverse=True))
        self.owner_label = re.compile(rf"\(?\b(?:{owner_labels})\s*:\s*(?P<who>[^)\n]+?)\s*(?:\)|$|\.\s)", re.I)
        self.sections = self._section_lines()

    # --- the pass --------------------------------------------------------------------

    def find(self) -> list[_Found]:
        found: list[_Found] = []
        lines = self.state.lines
        for line in lines:
            if line.index in self.state.used:
                continue
            if line.is_table:
                found += self._table(line)
                continue
            if self._is_heading_or_label(line):
                continue
            item = self._explicit(line) or self._in_section(line) or self._owner_line(line, found)
            if item:
                found.append(item)
                continue
            found += self._prose(line)
        return found

    def to_action(self, item: _Found) -> Action:
        agenda_item = item.agenda_item or self.state.agenda_item_at(item.line.index)
        due = dates.find_deadline(item.due_source, self.base, self.profile.code, next_meeting=self.next_date)
        text = item.text
        if due and text.endswith(due.text) and len(text) > len(due.text) + 10:
            text = text[: -len(due.text)].rstrip(" ,.;:-–(")
        doubts = list(item.doubts or [])
        if not item.owners:
            doubts.append("no owner named")
        return Action(
            text=_clean(text),
            owners=item.owners,
            due=due.date if due else None,
            due_text=due.text if due else None,
            agenda_item=agenda_item,
            origin=item.line.origin,
            snippet=item.snippet,
            rule=item.rule,
            doubts=doubts,
        )

    # --- explicit markers, sections, owner labels -------------------------------------

    def _explicit(self, line: Line) -> _Found | None:
        text = line.text
        if _DONE_BOX.match(text):
            return None
        box = _BOX.match(text)
        match = self.marker.match(text) if not box else None
        if not box and not match:
            return None
        rest = text[box.end():] if box else text[match.end():]
        if not rest.strip():
            return None
        hint = match["paren"] if match and match["paren"] else None
        owners, rest = self._owners_of_task(rest, hint)
        return _Found(rest, owners, line, "explicit", text, rest)

    def _section_lines(self) -> set[int]:
        """Lines under an action section heading or label (``Action items``, ``Toimenpiteet``)."""
        sections = set(self.words.get("section", ()))
        inside: set[int] = set()
        active = False
        for line in self.state.lines:
            bare = line.text.strip().strip("*#:").strip().lower()
            if bare in sections and (line.block.kind == "heading" or line.text.rstrip().endswith(":") or len(bare) < 40):
                active = True
                continue
            if active and (line.block.kind == "heading" or self.state.label_of(line.text)
                           and not self.marker.match(line.text)):
                active = False
            if active and not line.is_table:
                inside.add(line.index)
        return inside

    def _in_section(self, line: Line) -> _Found | None:
        if line.index not in self.sections:
            return None
        text = _BULLET.sub("", line.text)
        if looks_like_name(text.strip(" :")) and len(text.split()) <= 3:
            return None  # a "by person" sub-heading
        owners, rest = self._owners_of_task(text, None)
        return _Found(rest, owners, line, "section", line.text, rest)

    def _owner_line(self, line: Line, found: list[_Found]) -> _Found | None:
        """``Vastuu: X`` in a sentence, or alone under the task it names the owner of."""
        match = self.owner_label.search(line.text)
        if not match:
            return None
        owners = self._resolve_all(match["who"])
        before = line.text[: match.start()].strip(" .,;(")
        if not before:
            previous = self.state.lines[line.index - 1] if line.index else None
            if found and found[-1].line is previous:
                if not found[-1].owners:
                    found[-1].owners = owners
                return None
            if previous is None or previous.is_table:
                return None
            return _Found(_BULLET.sub("", previous.text), owners, previous, "owner",
                          previous.text + "\n" + line.text, previous.text + " " + line.text)
        sentence = self._sentence_around(line.text, match.start())
        task = sentence.replace(match.group(0), " ").strip(" .,;(")
        return _Found(_strip_agreed(task, self.words), owners, line, "owner", line.text, line.text)

    def _table(self, line: Line) -> list[_Found]:
        rows = line.block.rows
        if len(rows) < 2:
            return []
        columns = {}
        for i, cell in enumerate(rows[0]):
            low = cell.strip().strip("*:").lower()
            for key in ("action", "owner", "due"):
                if key not in columns and low in self.words.get(f"column_{key}", ()):
                    columns[key] = i
        if "action" not in columns or not ({"owner", "due"} & columns.keys()):
            return []
        found = []
        for row in rows[1:]:
            cell = lambda key: row[columns[key]].strip() if key in columns and columns[key] < len(row) else ""  # noqa: E731
            task = cell("action")
            if not task or sum(1 for c in row if c.strip()) == 1 and len(row) > 1:
                continue  # empty, or a section row spanning the table
            owners = self._resolve_all(cell("owner")) if cell("owner") else []
            found.append(_Found(task, owners, line, "table", " | ".join(row), cell("due") or task))
        return found

    # --- prose ----------------------------------------------------------------------

    def _prose(self, line: Line) -> list[_Found]:
        found = []
        turns = [t for t in self.turns.get(line.origin, []) if t.text and t.text in line.text]
        segments = [(t.person, t.text) for t in turns] or [(None, line.text)]
        for speaker, text in segments:
            for sentence in _sentences(text, self.profile.code):
                item = self._sentence(line, sentence, speaker)
                if item:
                    found.append(item)
        return found

    def _sentence(self, line: Line, sentence: str, speaker: str | None) -> _Found | None:
        low = sentence.lower()
        if sentence.rstrip().endswith("?") or self._tentative(low):
            return None
        for rule in (self._agreed, self._commitment, self._speaker_commitment, self._deadline):
            item = rule(line, sentence, low, speaker)
            if item:
                return item
        return None

    def _tentative(self, low: str) -> bool:
        return any(_has_word(low, w) for w in self.words.get("tentative", ()))

    def _agreed(self, line, sentence, low, speaker) -> _Found | None:
        agreed = [w for w in self.words.get("agreed", ()) if low.startswith(w)]
        passive = self.profile.code == "fi" and speaker is None and self._passive_start(sentence)
        if not agreed and not passive:
            return None
        task = sentence[len(agreed[0]):] if agreed else sentence
        task = task.strip(" ,:")
        task = re.sub(r"^(?:että|that|att)\s+", "", task, flags=re.I)
        inner = self._commitment(line, task, task.lower(), speaker)
        if inner:
            inner.rule, inner.snippet = "agreed", sentence
            return inner
        if agreed and self.profile.code == "fi" and not re.search(r"\w+(?:väksi|vaksi)\b", task) and not re.search(r"\b\w+(?:taan|tään|daan|dään)\b", task):
            return None  # a decision, not a task: "Sovittiin, että kokous on …"
        return _Found(task, self._owners_in(task), line, "agreed", sentence, sentence)

    def _passive_start(self, sentence: str) -> bool:
        first = sentence.split()[0].lower() if sentence.split() else ""
        return len(first) > 6 and first.endswith(self.words.get("passive_endings", ())) and first[0].isalpha()

    def _commitment(self, line, sentence, low, speaker) -> _Found | None:
        code = self.profile.code
        if code == "fi":
            return self._commitment_fi(line, sentence, low, speaker)
        verbs = sorted(self.words.get("commit_verbs", ()), key=len, reverse=True)
        verb_re = "|".join(re.escape(v) for v in verbs)
        match = re.match(rf"^(?P<who>{_NAME_SEQ}(?:\s*(?:,|and|och|&)\s*{_NAME_SEQ})*)\s+(?P<verb>{verb_re})\s+(?P<rest>\S.*)$", sentence)
        if not match:
            match = re.search(rf"(?:^|,\s*|\bthat\s+|\batt\s+)(?P<who>{_NAME_SEQ}(?:\s*(?:,|and|och|&)\s*{_NAME_SEQ})*)\s+(?P<verb>{verb_re})\s+(?P<rest>\S.*)$", sentence)
        if not match:
            return None
        rest_low = match["rest"].lower()
        if match["verb"].lower() in ("will", "ska", "skall", "kommer att") and rest_low.startswith(("be ", "not ", "have ", "vara ", "inte ")):
            return None
        if match["verb"].lower() == "to" and not re.match(r"^[a-z]+\b", match["rest"]) or rest_low.startswith(("the ", "a ", "an ", "be ", "all ", "our ")):
            return None
        owners = self._resolve_all(match["who"], keep_unknown=True)
        if not owners:
            return None
        return _Found(sentence, owners, line, "commit", sentence, sentence)

    def _commitment_fi(self, line, sentence, low, speaker) -> _Found | None:
        words = sentence.split()
        verbs = set(self.words.get("commit_verbs", ()))
        report = set(self.words.get("report_verbs", ()))
        # "Xn tehtäväksi …", "vastuuhenkilönä X"
        for marker in self.words.get("task_of", ()):
            m = re.search(rf"\b(?P<who>{_NAME_SEQ})\s+{marker}\b|\b{marker}\s+(?P<after>{_NAME_SEQ})", sentence)
            if m:
                owners = self._resolve_all(m["who"] or m["after"])
                if owners:
                    return _Found(sentence, owners, line, "commit", sentence, sentence)
        # "… tulossa Marjaanalta"
        for coming in self.words.get("coming", ()):
            m = re.search(rf"\b{coming}\s+(?P<who>{_NAME_SEQ})", sentence)
            if m and m["who"].split()[-1].lower().endswith(("lta", "ltä")):
                owners = self._resolve_all(m["who"])
                if owners:
                    return _Found(sentence, owners, line, "commit", sentence, sentence)
        # "Antti kokoaa …", "Eeva ja Kalle selvittävät …"
        m = re.match(rf"^(?P<who>{_NAME_SEQ}(?:\s*(?:,|ja|&)\s*{_NAME_SEQ})*)\s+(?P<verb>\S+)", sentence)
        if not m:
            return None
        verb = m["verb"].lower().strip(",.")
        if verb in report or verb.endswith("i") and verb not in verbs:
            return None
        deadline = dates.find_deadline(sentence, self.base, "fi", next_meeting=self.next_date)
        if verb not in verbs and not (deadline and _present_verb(verb)):
            return None
        owners = self._resolve_all(m["who"])
        if not owners:
            return None
        return _Found(sentence, owners, line, "commit", sentence, sentence)

    def _speaker_commitment(self, line, sentence, low, speaker) -> _Found | None:
        if not speaker:
            return None
        first = [w for w in self.words.get("first_person", ()) if low.startswith(w) or f" {w} " in f" {low}"]
        if self.profile.code == "fi":
            verb = low.split()[0].strip(",.") if low.split() else ""
            if not first and verb not in self.words.get("commit_verbs", ()):
                return None
        elif not first:
            return None
        return _Found(sentence, [speaker], line, "commit", sentence, sentence)

    def _deadline(self, line, sentence, low, speaker) -> _Found | None:
        due = dates.find_deadline(sentence, self.base, self.profile.code, next_meeting=self.next_date)
        if not due or due.kind != "deadline":
            return None
        task = sentence.replace(due.text, " ").strip(" ,.;:-–•")
        task = _BULLET.sub("", task)
        if len(task.split()) < 2:
            return None
        return _Found(task, self._owners_in(sentence), line, "deadline", sentence, sentence)

    # --- owners ---------------------------------------------------------------------

    def _owners_of_task(self, text: str, hint: str | None) -> tuple[list[str], str]:
        """The owners a marked task names: ``TODO(sam)``, ``@sam``, ``Sam to …``,
        ``AI: Sam – text``, ``(Sam)`` at the end, ``Vastuu: Sam``; and the task without them."""
        if hint:
            return self._resolve_all(hint, keep_unknown=True), text
        handles = _HANDLE.findall(text)
        if handles:
            return self._resolve_all(", ".join(handles), keep_unknown=True), _HANDLE.sub(lambda m: m[1], text)
        label = self.owner_label.search(text)
        if label:
            return self._resolve_all(label["who"], keep_unknown=True), (text[: label.start()] + text[label.end():]).strip(" .,;")
        dash = re.match(rf"^(?P<who>{_NAME_SEQ}(?:\s*(?:,|and|ja|och|&|/)\s*{_NAME_SEQ})*)\s*(?:[–—:]|-\s)\s*(?P<rest>.+)$", text)
        if dash:
            owners = self._resolve_all(dash["who"], keep_unknown=True)
            if owners:
                return owners, dash["rest"]
        paren = re.search(r"\((?P<who>[^()]{2,60})\)\s*\.?\s*$", text)
        if paren:
            owners = self._resolve_all(paren["who"])
            if owners:
                return owners, text[: paren.start()].strip()
        commit = self._commitment(None, text, text.lower(), None)
        if commit:
            return commit.owners, text
        return self._owners_in(text), text

    def _owners_in(self, text: str) -> list[str]:
        """People and groups a sentence mentions (for tasks found by other signs)."""
        owners: list[str] = []
        for m in re.finditer(_NAME_SEQ, text):
            name = self.state.people.resolve(m.group(0))
            if name and name not in owners:
                owners.append(name)
        for token in re.findall(r"\w+", text.lower()):
            group = self.groups.get(token)
            if group and group not in owners:
                owners.append(group)
        return owners

    def _resolve_all(self, written: str, keep_unknown: bool = False) -> list[str]:
        """``Eeva Sofia ja Kalle`` -> both canonical names; groups as their canonical word."""
        owners: list[str] = []
        for part in re.split(r"\s*(?:,|;|/|&|\band\b|\bja\b|\boch\b|\btai\b|\bor\b)\s*", written.strip(" .")):
            part = part.strip(" .:()@")
            if not part:
                continue
            name = self._resolve(part, keep_unknown)
            if name and name not in owners:
                owners.append(name)
        return owners

    def _resolve(self, part: str, keep_unknown: bool) -> str | None:
        people = self.state.people
        found = people.resolve(part)
        if found:
            return found
        low = part.lower()
        if low in self.groups:
            return self.groups[low]
        role = self._role_holder(low)
        if role:
            return role
        if keep_unknown and (looks_like_name(part, 3) or re.fullmatch(r"[a-z][\w.-]{1,30}", part)):
            return part
        return None

    def _role_holder(self, low: str) -> str | None:
        low = re.sub(r"^(?:the|kokouksen)\s+", "", low)
        for role in ("chair", "secretary"):
            words = {w.lower().rstrip(".") for w in self.profile.roles.get(role, ())}
            if low.rstrip(".") in words:
                return getattr(self.state.minutes, role)
        return None

    # --- helpers --------------------------------------------------------------------

    def _is_heading_or_label(self, line: Line) -> bool:
        if line.block.kind == "heading":
            return True
        label = self.state.label_of(line.text)
        return bool(label) and not label[1]

    def _sentence_around(self, text: str, position: int) -> str:
        for sentence in _sentences(text, self.profile.code):
            start = text.find(sentence)
            if start <= position < start + len(sentence) + 2:
                return sentence
        return text


def _present_verb(word: str) -> bool:
    """A Finnish 3rd person present form: a long final vowel (``kokoaa``) or ``-vat``."""
    return len(word) > 3 and (word[-1] == word[-2] and word[-1] in "aeiouyäö" or word.endswith(("vat", "vät")))


def _has_word(low: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", low) is not None


def _strip_agreed(text: str, words: dict) -> str:
    low = text.lower()
    for agreed in words.get("agreed", ()):
        if low.startswith(agreed):
            text = re.sub(r"^(?:,\s*)?(?:että|that|att)\s+", "", text[len(agreed):].strip(" ,"), flags=re.I)
            break
    return text


def _clean(text: str) -> str:
    text = _BULLET.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" .;,-–")
    return text[:1].upper() + text[1:] if text else text


def _sentences(text: str, lang: str) -> list[str]:
    from .nlp import pipeline

    if len(text) < 40 or not re.search(r"[.!?]\s", text):
        return [text.strip()]
    return [s.text.strip() for s in pipeline(lang)(text).sents if s.text.strip()]

