"""Fit the scorer's weights on a development set of real minutes, and say how well they
carry over to minutes from a source they were not fitted on.

    python -m minutes.actions.fit DIR [--write] [--by-rule]

DIR holds ``gold/NAME.json`` with ``docx/NAME.docx`` or ``raw/NAME.txt`` (a Word file is
read where there is one), and each gold file's ``source`` names where the document came
from (a repository, a web site). Each candidate of each document is labelled a task when
it matches a gold action; a logistic regression (scikit-learn, a development dependency:
``pip install -e ".[fit]"``) is fitted over the rule hits; the threshold is the one that
gives the best F1 over the whole set. It prints:

- the figures with the weights fitted on every document (they overstate: the documents
  were seen), and
- the figures with **leave-one-source-out** cross-validation: for each source, weights
  fitted on the other sources score its documents. That is the honest figure.

``--write`` saves the weights fitted on every document to ``weights.json``; ``--by-rule``
counts the hits of each rule per source.

Matching follows the project's scorer: an action matches a gold one when their words are
alike (the ratio of their word sequences, or 0.9 × the share of the shorter one's words
the other holds), one to one, the best pairs first; owners match name by name.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from ..evaluate import documents, source_of
from ..lang import detect
from ..readers import read
from ..structure import ParseState
from ..structure import run as structure
from . import scorer
from .finder import Finder
from .rules import KEPT, REFUSED, RULES, hits

__all__ = ["Document", "load", "main"]

_MATCH = 0.5
_FORCED_WEIGHT = 10.0  # the pattern finder's tasks are kept (KEPT), REFUSED ones never


@dataclass
class Document:
    name: str
    source: str
    gold: dict
    finder: Finder
    rules: list[list[str]]  # per candidate
    labels: list[int]
    weight: float = 1.0  # how much its candidates count in the fit
    held_out: bool = True  # a document of the development set, held out by source


def load(directory: Path, weight: float = 1.0, held_out: bool = True) -> list[Document]:
    """Every document of a directory, read into candidates and labelled."""
    docs = []
    for path, gold_path in documents(directory):
        stem = path.stem
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        document = read(path)
        text = "\n".join(b.text for b in document.blocks)
        state = ParseState.start(document, detect(text))
        structure(state)
        finder = Finder(state)
        rules = [c.rules if c.rules is not None else hits(c) for c in finder.candidates]
        for candidate, hit in zip(finder.candidates, rules):
            candidate.rules = hit
        texts = [c.text if r else "" for c, r in zip(finder.candidates, rules)]
        matched = _greedy([a["text"] for a in gold.get("actions", [])], [t or "" for t in texts], _text_sim)
        labels = [0] * len(texts)
        for _, j in matched:
            labels[j] = 1
        source = source_of(gold.get("source") or stem) if held_out else f"{directory.name}/{stem}"
        docs.append(Document(stem, source, gold, finder, rules, labels, weight, held_out))
    return docs


def fit(docs: list[Document], c: float = 1.0) -> scorer.Weights:
    """Weights fitted on ``docs``, with the threshold that gives them the best F1."""
    from sklearn.linear_model import LogisticRegression

    ids = [rule.id for rule in RULES]
    index = {rule: i for i, rule in enumerate(ids)}
    rows, labels, sample_weights = [], [], []
    for doc in docs:
        for rules, label in zip(doc.rules, doc.labels):
            if not rules:
                continue  # no rule proposed it: never a task
            if KEPT.intersection(rules) or REFUSED.intersection(rules):
                continue  # decided whatever the other rules say
            row = [0.0] * len(ids)
            for rule in rules:
                row[index[rule]] = 1.0
            rows.append(row)
            labels.append(label)
            sample_weights.append(doc.weight)
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(rows, labels, sample_weight=sample_weights)
    weights = {rule: round(float(w), 4) for rule, w in zip(ids, model.coef_[0]) if abs(w) > 1e-4}
    weights.update(dict.fromkeys(KEPT, _FORCED_WEIGHT))
    weights.update(dict.fromkeys(REFUSED, -3 * _FORCED_WEIGHT))
    fitted = scorer.Weights(round(float(model.intercept_[0]), 4), weights, 0.5)
    dev = [d for d in docs if d.held_out] or docs
    best = max(
        (t / 20 for t in range(4, 17)),
        key=lambda t: (_f1(evaluate(dev, scorer.Weights(fitted.bias, fitted.weights, t)))[0], -abs(t - 0.5)),
    )
    return scorer.Weights(fitted.bias, fitted.weights, best)


@dataclass
class Tally:
    tp: int = 0
    found: int = 0
    gold: int = 0
    owners_right: int = 0
    owners_total: int = 0
    due_right: int = 0
    due_total: int = 0

    def add(self, other: Tally) -> None:
        for key in self.__dataclass_fields__:
            setattr(self, key, getattr(self, key) + getattr(other, key))


def evaluate(docs: list[Document], weights: scorer.Weights) -> Tally:
    """The actions each document's finder keeps with ``weights``, scored against gold."""
    total = Tally()
    for doc in docs:
        total.add(score_document(doc, weights))
    return total


def score_document(doc: Document, weights: scorer.Weights, misses: list[str] | None = None) -> Tally:
    doc.finder.weights = weights
    actions = [a.to_json() for a in doc.finder.actions()]
    gold = doc.gold.get("actions", [])
    pairs = _greedy([g["text"] for g in gold], [a["text"] for a in actions], _text_sim)
    tally = Tally(tp=len(pairs), found=len(actions), gold=len(gold))
    if misses is not None:
        matched_gold, matched_found = {i for i, _ in pairs}, {j for _, j in pairs}
        misses += [f"{doc.name[:24]}: missed {g['text'][:90]!r}" for i, g in enumerate(gold) if i not in matched_gold]
        misses += [f"{doc.name[:24]}: extra  {a['text'][:90]!r} [{a['rule']}]" for j, a in enumerate(actions) if j not in matched_found]
        misses += [f"{doc.name[:24]}: owners {actions[j]['owners']} for {gold[i]['text'][:60]!r}, gold {gold[i]['owners']}"
                   for i, j in pairs if gold[i].get("owners") and not _same_owners(gold[i]["owners"], actions[j]["owners"])]
    for i, j in pairs:
        g, a = gold[i], actions[j]
        if g.get("owners"):
            tally.owners_total += 1
            tally.owners_right += _same_owners(g["owners"], a["owners"])
        if g.get("due"):
            tally.due_total += 1
            tally.due_right += (a.get("due") or "")[:10] == g["due"][:10]
    return tally


def _same_owners(gold: list[str], found: list[str]) -> bool:
    return len(gold) == len(found) and len(
        _greedy(gold, found, lambda x, y: 1.0 if _names_match(x, y) else 0.0, 1.0)
    ) == len(gold)


def _f1(t: Tally) -> tuple[float, float, float]:
    p = t.tp / t.found if t.found else 0.0
    r = t.tp / t.gold if t.gold else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def _line(label: str, t: Tally) -> str:
    f1, p, r = _f1(t)
    owners = t.owners_right / t.owners_total if t.owners_total else 0.0
    due = t.due_right / t.due_total if t.due_total else 0.0
    return f"{label:34} actions P {p:.2f} R {r:.2f} F1 {f1:.2f}   owners {owners:.2f}   due {due:.2f}"


def loso(docs: list[Document], c: float = 1.0, misses: list[str] | None = None) -> tuple[Tally, dict[str, Tally]]:
    """Leave one source out: each source scored with weights fitted on the others."""
    total, per_source = Tally(), {}
    for source in sorted({d.source for d in docs if d.held_out}):
        held = [d for d in docs if d.source == source]
        rest = [d for d in docs if d.source != source]
        weights = fit(rest, c)
        tally = Tally()
        for doc in held:
            tally.add(score_document(doc, weights, misses))
        per_source[source] = tally
        total.add(tally)
    return total, per_source


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m minutes.actions.fit", description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--write", action="store_true", help="save the weights fitted on every document")
    parser.add_argument("--by-rule", action="store_true", help="count each rule's hits per source")
    parser.add_argument("--also", type=Path, action="append", default=[],
                        help="another directory of minutes with gold files, fitted on but never held out")
    parser.add_argument("--also-weight", type=float, default=0.5, help="how much those documents count")
    parser.add_argument("--misses", action="store_true", help="list what leave-one-source-out missed")
    parser.add_argument("-C", type=float, default=1.0, help="inverse regularisation strength")
    args = parser.parse_args(argv)
    docs = load(args.directory)
    if not docs:
        print(f"{args.directory}: no gold/NAME.json with docx/ or raw/ beside it", file=sys.stderr)
        return 2
    extra = [d for directory in args.also for d in load(directory, args.also_weight, held_out=False)]
    dev = docs
    docs = dev + extra
    weights = fit(docs, args.C)
    print(_line(f"fitted on all: the {len(dev)} documents", evaluate(dev, weights)))
    for directory in args.also:
        print(_line(f"  {directory}", evaluate([d for d in extra if d.source.startswith(f"{directory.name}/")], weights)))
    misses: list[str] | None = [] if args.misses else None
    total, per_source = loso(docs, args.C, misses)
    for source, tally in per_source.items():
        print("  " + _line(source[:32], tally))
    print(_line("leave-one-source-out", total))
    for miss in misses or ():
        print("  " + miss)
    if args.by_rule:
        _by_rule(docs)
    if args.write:
        about = {"fitted_on": f"{len(dev)} documents from {len({d.source for d in dev})} sources"
                 + (f", and {len(extra)} more from {', '.join(str(a) for a in args.also)}"
                    f" counted {args.also_weight}" if extra else ""),
                 "C": args.C, "loso_f1": round(_f1(total)[0], 3)}
        out = scorer.Weights(weights.bias, weights.weights, weights.threshold, about)
        path = Path(scorer.__file__).with_name("weights.json")
        path.write_text(json.dumps(out.to_json(), indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        print(f"weights written to {path}")
    return 0


def _by_rule(docs: list[Document]) -> None:
    counts: dict[str, Counter] = defaultdict(Counter)
    positive: Counter = Counter()
    for doc in docs:
        for rules, label in zip(doc.rules, doc.labels):
            for rule in rules:
                counts[rule][doc.source] += 1
                positive[rule] += label
    print(f"\n{'rule':18} {'hits':>5} {'tasks':>5} {'sources':>7}")
    for rule in RULES:
        c = counts.get(rule.id, Counter())
        print(f"{rule.id:18} {sum(c.values()):5} {positive[rule.id]:5} {len(c):7}")


# --- the project's matching -------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s or "").casefold()
    s = re.sub(r"[*_`\[\]()#>]", " ", s)
    return " ".join(s.split())


def _words(s: str) -> list[str]:
    return _WORD.findall(_norm(s))


@lru_cache(maxsize=None)
def _text_sim(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    ratio = SequenceMatcher(None, " ".join(wa), " ".join(wb)).ratio()
    overlap = len(set(wa) & set(wb)) / max(1, min(len(set(wa)), len(set(wb))))
    return max(ratio, 0.9 * overlap if min(len(wa), len(wb)) >= 3 else ratio)


def _names_match(a: str, b: str) -> bool:
    ta, tb = set(_words(a)), set(_words(b))
    if not ta or not tb:
        return False
    if ta <= tb or tb <= ta:
        return True
    return any(len(x) >= 4 and len(y) >= 4 and (x.startswith(y[:-1]) or y.startswith(x[:-1])) for x in ta for y in tb)


def _greedy(gold: list, found: list, similarity, threshold: float = _MATCH) -> list[tuple[int, int]]:
    pairs = sorted(((similarity(g, f), i, j) for i, g in enumerate(gold) for j, f in enumerate(found)), reverse=True)
    used_g, used_f, out = set(), set(), []
    for s, i, j in pairs:
        if s < threshold:
            break
        if i in used_g or j in used_f:
            continue
        used_g.add(i)
        used_f.add(j)
        out.append((i, j))
    return out


if __name__ == "__main__":
    sys.exit(main())
