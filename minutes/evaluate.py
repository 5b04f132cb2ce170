"""Score the parser against gold JSON: precision, recall and F1 of attendees, agenda items
and actions, owner and due accuracy over the matched actions, and the meeting facts.

    >>> scores = evaluate_dir("samples")                 # doctest: +SKIP
    >>> print(report(scores))                            # doctest: +SKIP

A gold file ``NAME.gold.json`` sits beside the minutes ``NAME.txt`` / ``NAME.docx`` / ``NAME.md``
(the shape of ``../shared/seeds/*.gold.json``), or a development set keeps them apart
(``gold/NAME.json`` with ``docx/NAME.docx`` or ``raw/NAME.txt``). Keys a gold file leaves
out are not scored. ``rule_hits`` counts how often each rule of the action finder holds, per
document and source.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .model import Minutes

__all__ = ["Count", "FileScore", "Scores", "documents", "evaluate_dir", "evaluate_file", "report",
           "rule_hits", "rule_report", "source_of"]

FACTS = ("title", "date", "start", "end", "location", "chair", "next_meeting")
ACTION_MATCH = 60  # the least similarity (0-100) for a found action to count as a gold one
_MINUTES_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".text")


@dataclass
class Count:
    """True positives, false positives, false negatives; or right/total for accuracies."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Count) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        """For accuracies ``tp`` counts right answers and ``fn`` wrong ones."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def to_json(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class FileScore:
    name: str
    attendees: Count = field(default_factory=Count)
    agenda: Count = field(default_factory=Count)
    actions: Count = field(default_factory=Count)
    owners: Count = field(default_factory=Count)
    due: Count = field(default_factory=Count)
    facts: Count = field(default_factory=Count)
    misses: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "file": self.name,
            **{k: getattr(self, k).to_json() for k in ("attendees", "agenda", "actions")},
            "owner_accuracy": round(self.owners.accuracy, 3),
            "due_accuracy": round(self.due.accuracy, 3),
            "facts_accuracy": round(self.facts.accuracy, 3),
            "misses": self.misses,
        }


@dataclass
class Scores:
    files: list[FileScore] = field(default_factory=list)

    @property
    def total(self) -> FileScore:
        total = FileScore("TOTAL")
        for score in self.files:
            for key in ("attendees", "agenda", "actions", "owners", "due", "facts"):
                getattr(total, key).add(getattr(score, key))
        return total

    def to_json(self) -> dict:
        total = self.total.to_json()
        del total["misses"]
        return {"files": [f.to_json() for f in self.files], "total": total}


def documents(directory: str | Path) -> list[tuple[Path, Path]]:
    """``(minutes, gold)`` pairs in ``directory``: ``NAME.gold.json`` beside ``NAME.txt``,
    ``.md`` or ``.docx``; or a development set's layout, ``gold/NAME.json`` with
    ``docx/NAME.docx`` (read where there is one) or ``raw/NAME.txt``."""
    directory = Path(directory)
    pairs = []
    for gold_path in sorted((directory / "gold").glob("*.json")):
        stem = gold_path.stem
        path = directory / "docx" / f"{stem}.docx"
        if not path.exists():
            path = directory / "raw" / f"{stem}.txt"
        if path.exists():
            pairs.append((path, gold_path))
    for gold_path in sorted(directory.glob("*.gold.json")):
        stem = gold_path.name[: -len(".gold.json")]
        found = sorted(p for p in directory.glob(f"{stem}.*") if p.suffix.lower() in _MINUTES_SUFFIXES)
        if found:
            pairs.append((found[0], gold_path))
    return pairs


def source_of(source: str) -> str:
    """Where a document came from, as its gold file's ``source`` says: ``owner/repo path
    (commit)`` -> ``owner/repo``; a web address -> its host. Documents of one source are
    held out together."""
    from urllib.parse import urlparse

    first = source.split()[0] if source.split() else source
    return urlparse(first).netloc or first


def evaluate_dir(directory: str | Path) -> Scores:
    """Parse every minutes file in ``directory`` that has a gold file and score it."""
    from . import parse

    scores = Scores()
    for path, gold_path in documents(directory):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        scores.files.append(evaluate_file(parse(path), gold, path.name))
    return scores


def rule_hits(directory: str | Path) -> list[dict]:
    """For each document with a gold file: its source and how often each rule of the
    action finder held there (``hits``) and on the tasks it kept (``kept``)."""
    from .actions.finder import Finder
    from .lang import detect
    from .readers import read
    from .structure import ParseState
    from .structure import run as structure

    rows = []
    for path, gold_path in documents(directory):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        document = read(path)
        state = structure(ParseState.start(document, detect("\n".join(b.text for b in document.blocks))))
        finder = Finder(state)
        kept = {id(f.candidate) for f in finder.found()}
        hits: dict[str, int] = {}
        tasks: dict[str, int] = {}
        for candidate in finder.candidates:
            for rule in candidate.rules or ():
                hits[rule] = hits.get(rule, 0) + 1
                if id(candidate) in kept:
                    tasks[rule] = tasks.get(rule, 0) + 1
        rows.append({"file": path.name, "source": source_of(gold.get("source") or path.stem),
                     "hits": hits, "kept": tasks})
    return rows


def rule_report(rows: list[dict]) -> str:
    """A table of the rules: hits, hits on kept tasks, documents and sources they held in."""
    from .actions.rules import RULES

    lines = [f"{'rule':18} {'hits':>5} {'kept':>5} {'documents':>9} {'sources':>7}  says"]
    for rule in RULES:
        hits = sum(r["hits"].get(rule.id, 0) for r in rows)
        kept = sum(r["kept"].get(rule.id, 0) for r in rows)
        docs = [r for r in rows if r["hits"].get(rule.id)]
        sources = {r["source"] for r in docs}
        lines.append(f"{rule.id:18} {hits:5} {kept:5} {len(docs):9} {len(sources):7}  {rule.says}")
    return "\n".join(lines)


def evaluate_file(minutes: Minutes, gold: dict, name: str = "") -> FileScore:
    """Score one parse against one gold dictionary."""
    found = minutes.to_json()
    score = FileScore(name)
    if "attendees" in gold:
        score.attendees = _set_count(
            {_norm(a["name"]) for a in found["attendees"]}, {_norm(_name(a)) for a in gold["attendees"]},
            score.misses, "attendee",
        )
    if "agenda" in gold:
        titles_only = any(isinstance(i, str) for i in gold["agenda"])  # a development set's plain titles
        score.agenda = _set_count(
            {_agenda_key(i, titles_only) for i in found["agenda"]},
            {_agenda_key(i, titles_only) for i in gold["agenda"]},
            score.misses, "agenda item",
        )
    if "actions" in gold:
        _score_actions(found["actions"], gold["actions"], score)
    for key in FACTS:
        if key in gold:
            right = _fact(found.get(key)) == _fact(gold[key])
            score.facts.add(Count(tp=int(right), fn=int(not right)))
            if not right:
                score.misses.append(f"{key}: found {found.get(key)!r}, gold {gold[key]!r}")
    return score


def _score_actions(found: list[dict], gold: list[dict], score: FileScore) -> None:
    from rapidfuzz import fuzz

    pairs = sorted(
        (
            (fuzz.token_set_ratio(_stems(f["text"]), _stems(g["text"]))
             + (5 if f.get("agenda_item") == g.get("agenda_item") else 0), i, j)
            for i, f in enumerate(found)
            for j, g in enumerate(gold)
        ),
        reverse=True,
    )
    used_found: set[int] = set()
    used_gold: set[int] = set()
    for similarity, i, j in pairs:
        if similarity < ACTION_MATCH or i in used_found or j in used_gold:
            continue
        used_found.add(i)
        used_gold.add(j)
        f, g = found[i], gold[j]
        owners_right = sorted(map(_norm, f["owners"])) == sorted(map(_norm, g["owners"]))
        due_right = f.get("due") == g.get("due")
        score.owners.add(Count(tp=int(owners_right), fn=int(not owners_right)))
        score.due.add(Count(tp=int(due_right), fn=int(not due_right)))
        if not owners_right:
            score.misses.append(f"owners of {g['text']!r}: found {f['owners']}, gold {g['owners']}")
        if not due_right:
            score.misses.append(f"due of {g['text']!r}: found {f.get('due')}, gold {g.get('due')}")
    score.actions = Count(tp=len(used_gold), fp=len(found) - len(used_found), fn=len(gold) - len(used_gold))
    score.misses += [f"missed action: {g['text']!r}" for j, g in enumerate(gold) if j not in used_gold]
    score.misses += [f"extra action: {f['text']!r}" for i, f in enumerate(found) if i not in used_found]


def _set_count(found: set, gold: set, misses: list[str], what: str) -> Count:
    misses += [f"missed {what}: {x}" for x in sorted(map(str, gold - found))]
    misses += [f"extra {what}: {x}" for x in sorted(map(str, found - gold))]
    return Count(tp=len(found & gold), fp=len(found - gold), fn=len(gold - found))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _name(item) -> str:
    return item["name"] if isinstance(item, dict) else str(item)


def _agenda_key(item, titles_only: bool = False) -> tuple:
    if isinstance(item, str):
        return (None, _norm(item).rstrip("."))
    return (None if titles_only else item.get("number"), _norm(item["title"]).rstrip("."))


def _stems(text: str) -> str:
    """Words cut to five letters: a crude stemmer that lets Finnish inflections meet."""
    return " ".join(w[:5] for w in re.findall(r"\w+", text.casefold()))


def _fact(value):
    if isinstance(value, dict):
        return {k: _fact(v) for k, v in value.items() if k in ("date", "start", "end", "location")}
    return _norm(value) if isinstance(value, str) else value


def report(scores: Scores, *, misses: bool = False) -> str:
    """A plain-text table of the scores, one row a file and a total."""
    header = f"{'file':40} {'attendees P/R/F1':18} {'agenda P/R/F1':18} {'actions P/R/F1':18} {'owner':>5} {'due':>5} {'facts':>5}"
    rows = [header, "-" * len(header)]
    for s in [*scores.files, scores.total]:
        rows.append(
            f"{s.name[:40]:40} {_prf(s.attendees):18} {_prf(s.agenda):18} {_prf(s.actions):18} "
            f"{s.owners.accuracy:5.2f} {s.due.accuracy:5.2f} {s.facts.accuracy:5.2f}"
        )
    if misses:
        for s in scores.files:
            rows += [f"{s.name}: {m}" for m in s.misses]
    return "\n".join(rows)


def _prf(count: Count) -> str:
    return f"{count.precision:.2f} {count.recall:.2f} {count.f1:.2f}"
