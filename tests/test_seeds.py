"""The user's real minutes in ../shared/seeds, checked against their gold files.

The seeds are not part of the project: these tests run where ../shared/seeds stands beside
the clone (as in CI) and are skipped elsewhere. The DOCX version of the cluster meeting is
built here from the text, with the agenda as a Word-numbered list and the attendees as a
table, as a secretary's Word file would have them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from minutes import parse

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
CLUSTER = SEEDS / "cluster-meeting-2025-11-14.txt"
PREP = SEEDS / "prep-info-2025-02-18.txt"

pytestmark = pytest.mark.skipif(not CLUSTER.exists(), reason="../shared/seeds is not beside the clone")


def gold(path: Path) -> dict:
    return json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))


def as_docx(text_path: Path, out: Path) -> Path:
    """Write a memo-style text file as a DOCX: numbered items as a Word list, tab rows as a table."""
    import docx

    document = docx.Document()
    lines = text_path.read_text(encoding="utf-8").splitlines()
    rows: list[list[str]] = []

    def flush_rows() -> None:
        if not rows:
            return
        table = document.add_table(rows=1, cols=3)
        for cell, title in zip(table.rows[0].cells, ("Etunimi", "Sukunimi", "Organisaatio")):
            cell.text = title
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row + [""] * (3 - len(row))):
                cell.text = value
        rows.clear()

    for line in lines:
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        flush_rows()
        if not line.strip():
            continue
        numbered = re.match(r"^(\d+)\.\s+(\S.*)$", line)
        if numbered:
            document.add_paragraph(numbered[2], style="List Number")
        else:
            document.add_paragraph(line)
    flush_rows()
    document.save(out)
    return out


def check_cluster(found: dict, expected: dict) -> None:
    for key in ("title", "date", "start", "end", "location", "chair"):
        assert found[key] == expected[key], key
    assert [(a["name"], a["organisation"], a["role"]) for a in found["attendees"]] == [
        (a["name"], a["organisation"], a.get("role")) for a in expected["attendees"]
    ]
    assert [(i["number"], i["title"]) for i in found["agenda"]] == [
        (i["number"], i["title"]) for i in expected["agenda"]
    ]
    assert found["next_meeting"] == expected["next_meeting"]


def test_cluster_meeting_text_matches_gold():
    check_cluster(parse(CLUSTER).to_json(), gold(CLUSTER))


def test_cluster_meeting_docx_matches_gold(tmp_path):
    path = as_docx(CLUSTER, tmp_path / "cluster.docx")
    found = parse(path).to_json()
    assert found["source"]["format"] == "docx"
    check_cluster(found, gold(CLUSTER))


def test_cluster_meeting_word_file_as_found_matches_gold():
    """The user's own Word file: its attendee table has no header row."""
    from minutes.evaluate import evaluate_file

    found = parse(CLUSTER.with_suffix(".docx"))
    check_cluster(found.to_json(), gold(CLUSTER))
    score = evaluate_file(found, gold(CLUSTER))
    assert score.actions.tp == 3 and score.actions.fn == 0, score.misses


def test_prep_info_has_date_title_and_no_invented_attendees():
    found = parse(PREP).to_json()
    expected = gold(PREP)
    assert found["date"] == expected["date"] == "2025-02-18"
    assert found["title"] == expected["title"]
    assert found["attendees"] == []
    assert found["language"] == "fi"


def test_cluster_meeting_actions_match_gold():
    from minutes.evaluate import evaluate_file

    found = parse(CLUSTER)
    score = evaluate_file(found, gold(CLUSTER))
    assert score.actions.tp == 3 and score.actions.fn == 0, score.misses
    assert score.owners.accuracy == 1.0, score.misses
    # news of an outside programme is not a task of this meeting
    assert not [a for a in found.actions if a.due and a.due.isoformat() == "2025-12-31"]


def test_prep_info_has_at_least_four_gold_actions_with_their_due_dates():
    from minutes.evaluate import evaluate_file

    score = evaluate_file(parse(PREP), gold(PREP))
    assert score.actions.tp >= 4, score.misses
    assert score.due.tp >= 4 and score.due.fn == 0, score.misses


@pytest.mark.parametrize("seed", [CLUSTER, PREP], ids=lambda p: p.stem)
def test_the_word_files_as_found_give_every_gold_action_and_nothing_else(seed):
    """The seeds' Word files parse like their text forms: every action a careful secretary
    takes from them, its owners, and no report or description taken for a task."""
    from minutes.evaluate import evaluate_file

    score = evaluate_file(parse(seed.with_suffix(".docx")), gold(seed))
    assert (score.actions.tp, score.actions.fp, score.actions.fn) == (len(gold(seed)["actions"]), 0, 0), score.misses
    assert score.due.fn == 0, score.misses
