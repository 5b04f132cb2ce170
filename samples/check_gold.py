"""Sanity checks for the hand-written gold files of ``samples/``.

Run from anywhere (python-docx needed for the DOCX samples)::

    python samples/check_gold.py

For every ``*.gold.json`` it checks that the JSON loads and has the expected keys, that
dates are ISO ``YYYY-MM-DD`` and times ``HH:MM``, that every owner is an attendee, an
absent member, a listed signatory or one of the known groups, that every ``agenda_item``
names an agenda item (its number, or its title where the agenda is unnumbered), that
the chair, secretary and speaker aliases are attendees, and that the names and agenda
titles really occur in the minutes. For the DOCX samples it also checks that the Word
numbering and the merged table cells the gold relies on are there. It prints one line a
file and exits with status 1 if anything is wrong.

This checks the gold's consistency, not its truth: whether an item is an action is the
judgement of whoever writes the gold.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

KEYS = {
    "source", "language", "title", "date", "start", "end", "location", "attendees", "absent",
    "chair", "secretary", "agenda", "decisions", "actions", "next_meeting",
    "speaker_aliases", "notes",
}
OPTIONAL = {"signatories"}
#: Owners that are groups or organisations, kept as written in the minutes.
GROUPS = {"kunnat", "kaikki", "hankkeet", "pilottivuoden hankkeet", "routasalmi", "all"}
TIME = re.compile(r"^\d{2}:\d{2}$")


def is_iso(value) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def document_text(path: Path) -> str:
    if path.suffix == ".docx":
        import docx

        doc = docx.Document(path)
        parts = [p.text for p in doc.paragraphs]
        for table in doc.tables:
            for row in table.rows:
                parts.extend(cell.text for cell in row.cells)
        return "\n".join(parts)
    return path.read_bytes().decode("utf-8-sig")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).casefold()


def check_gold(path: Path) -> list[str]:
    errors: list[str] = []
    err = errors.append
    gold = json.loads(path.read_text(encoding="utf-8"))

    missing = KEYS - gold.keys()
    extra = gold.keys() - KEYS - OPTIONAL
    if missing:
        err(f"missing keys {sorted(missing)}")
    if extra:
        err(f"unexpected keys {sorted(extra)}")
    stem = path.name[: -len(".gold.json")]
    source = HERE / gold.get("source", "")
    if not source.is_file() or source.stem != stem:
        err(f"source {gold.get('source')!r} is not {stem}.* in samples/")
    if gold.get("language") not in {"fi", "en", "sv"}:
        err(f"language {gold.get('language')!r}")
    if not is_iso(gold.get("date")):
        err(f"date {gold.get('date')!r}")
    for key in ("start", "end"):
        if gold.get(key) is not None and not TIME.match(gold[key]):
            err(f"{key} {gold[key]!r}")
    for key in ("attendees", "absent", "agenda", "decisions", "actions"):
        if not isinstance(gold.get(key), list):
            err(f"{key} is not a list")
    if errors:
        return errors

    people = [a["name"] for a in gold["attendees"]]
    absent = [a["name"] for a in gold["absent"]]
    known = set(people) | set(absent) | set(gold.get("signatories", []))
    for person in gold["attendees"] + gold["absent"]:
        if set(person) != {"name", "organisation", "role"}:
            err(f"person {person} needs exactly name, organisation, role")
    if len(set(people)) != len(people):
        err("an attendee is listed twice")
    if set(people) & set(absent):
        err(f"both present and absent: {set(people) & set(absent)}")
    for key in ("chair", "secretary"):
        if gold[key] is not None and gold[key] not in people:
            err(f"{key} {gold[key]!r} is not an attendee")
    for alias, name in gold["speaker_aliases"].items():
        if name not in people:
            err(f"speaker alias {alias!r} -> {name!r} is not an attendee")

    numbers = [i["number"] for i in gold["agenda"]]
    refs = {i["number"] if i["number"] is not None else i["title"] for i in gold["agenda"]}
    if len(set(numbers) - {None}) != len([n for n in numbers if n is not None]):
        err("duplicate agenda numbers")

    for decision in gold["decisions"]:
        if decision["agenda_item"] is not None and decision["agenda_item"] not in refs:
            err(f"decision agenda_item {decision['agenda_item']!r} not in the agenda")

    if not 3 <= len(gold["actions"]) <= 8:
        err(f"{len(gold['actions'])} actions (want 3–8)")
    meeting = dt.date.fromisoformat(gold["date"])
    for action in gold["actions"]:
        if set(action) != {"text", "owners", "due", "agenda_item"}:
            err(f"action keys {sorted(action)}")
        if not action["text"].strip():
            err("an action without text")
        for owner in action["owners"]:
            if owner not in known and owner.casefold() not in GROUPS:
                err(f"owner {owner!r} is neither a person of the meeting nor a known group")
        if action["due"] is not None:
            if not is_iso(action["due"]):
                err(f"due {action['due']!r}")
            elif dt.date.fromisoformat(action["due"]) < meeting:
                err(f"due {action['due']} is before the meeting")
        if action["agenda_item"] is not None and action["agenda_item"] not in refs:
            err(f"action agenda_item {action['agenda_item']!r} not in the agenda")

    nxt = gold["next_meeting"]
    if nxt is not None:
        if set(nxt) != {"date", "start", "end", "location"}:
            err(f"next_meeting keys {sorted(nxt)}")
        if nxt["date"] is not None and not is_iso(nxt["date"]):
            err(f"next_meeting date {nxt['date']!r}")
        for key in ("start", "end"):
            if nxt[key] is not None and not TIME.match(nxt[key]):
                err(f"next_meeting {key} {nxt[key]!r}")

    if source.is_file():
        text = normalise(document_text(source))
        for name in people + absent:
            if normalise(name) not in text:
                err(f"{name!r} does not occur in the minutes")
        for item in gold["agenda"]:
            if normalise(item["title"]) not in text:
                err(f"agenda title {item['title']!r} does not occur in the minutes")
        for key in ("title", "location"):
            if gold[key] and normalise(gold[key]) not in text:
                err(f"{key} {gold[key]!r} does not occur in the minutes")
    return errors


def check_docx(path: Path) -> list[str]:
    """The Word structure the gold of a DOCX sample relies on."""
    import docx
    from docx.oxml.ns import qn

    errors = []
    doc = docx.Document(path)
    style = doc.styles["List Number"].element
    if style.pPr is None or style.pPr.numPr is None:
        errors.append("style 'List Number' has no numPr")
    numbered = [p for p in doc.paragraphs if p.style.name == "List Number"]
    if not numbered:
        errors.append("no 'List Number' paragraph")
    if any(re.match(r"\s*\d+[.)]\s", p.text) for p in numbered):
        errors.append("a 'List Number' paragraph types its own number")
    spans = [
        int(span.get(qn("w:val")))
        for table in doc.tables
        for span in table._tbl.iter(qn("w:gridSpan"))
    ]
    if not any(s > 1 for s in spans):
        errors.append("no horizontally merged table cell")
    return errors


def main() -> int:
    golds = sorted(HERE.glob("*.gold.json"))
    failed = 0
    total = 0
    for path in golds:
        errors = check_gold(path)
        source = HERE / json.loads(path.read_text(encoding="utf-8")).get("source", "")
        if source.suffix == ".docx" and source.is_file():
            errors += check_docx(source)
        gold = json.loads(path.read_text(encoding="utf-8"))
        total += len(gold.get("actions", []))
        status = "ok " if not errors else "BAD"
        print(f"{status} {path.name}: {len(gold.get('actions', []))} actions")
        for error in errors:
            print(f"    {error}")
        failed += bool(errors)
    print(f"{len(golds)} gold files, {total} actions, {failed} with problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
