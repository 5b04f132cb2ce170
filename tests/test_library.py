"""The library as other tools use it (issue 12, items 11 and 12): what ``parse`` says of a
path it cannot find, ``looks_like_minutes``, ``status="all"``. (The README's snippets run
in ``test_readme.py``; ``minutes.dates.read`` is in ``tests/minutes/test_dates.py``; the
layering in ``test_layers.py``.)"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from minutes import UnreadableMinutes, looks_like_minutes, parse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "tracker"))

from store_helpers import board  # noqa: E402
from tracker import ActionStore  # noqa: E402


def test_one_line_that_is_no_file_names_the_path_it_tried():
    with pytest.raises(UnreadableMinutes) as refused:
        parse("Hallituksen kokous 3.2.2026 klo 18")
    assert str(refused.value).startswith("no such file: 'Hallituksen kokous 3.2.2026 klo 18' (a str "
                                         "without a line break is taken as a path")
    assert parse("Hallituksen kokous\nAika: 3.2.2026 klo 18\n").title == "Hallituksen kokous"


@pytest.mark.parametrize("text", [
    "import sys\n\n\ndef main():\n    # read the lines\n    print(sys.argv)\n",
    "milk\neggs\nbread\n2 apples\n",
    "# A tool\n\nWhat it does.\n\n## Install\n\nRun it.\n\n## Use\n\nType a command.\n",
])
def test_what_is_no_minutes_does_not_look_like_minutes(text):
    assert not looks_like_minutes(parse(text))


@pytest.mark.parametrize("text", [
    "Hallituksen kokous\nAika: 3.2.2026\n",
    "Board meeting\nPresent: Ann Lee, Bo Ek\n",
    "Agenda\n1. Opening\n2. Budget\n3. Closing\n",
    "Styrelsemöte\nOrdförande: Anna Berg\n",
])
def test_minutes_with_any_one_mark_of_minutes_look_like_minutes(text):
    assert looks_like_minutes(parse(text))


def test_every_bundled_sample_looks_like_minutes():
    files = [p for folder in ("samples", "samples/series", "corpus", "holdout")
             for p in sorted((ROOT / folder).glob("*")) if p.suffix in (".txt", ".docx")
             or p.suffix == ".md" and p.name != "README.md"]
    assert len(files) > 30
    assert [p.name for p in files if not looks_like_minutes(parse(p))] == []


def test_status_all_is_every_action(tmp_path):
    with ActionStore(tmp_path / "actions.json") as store:
        store.import_minutes(board())
        store.complete(store.actions()[0].id)
        assert len(store.actions(status="all")) == 4 == len(store.actions())
        assert len(store.actions(status="open")) == 3


REALWORLD = ROOT.parent / "shared" / "realworld"


@pytest.mark.skipif(not REALWORLD.is_dir(), reason="../shared/realworld is not beside the clone")
def test_every_real_document_looks_like_minutes():
    files = sorted((REALWORLD / "raw").glob("*.txt")) + sorted((REALWORLD / "docx").glob("*.docx"))
    assert [p.name for p in files if not looks_like_minutes(parse(p))] == []
