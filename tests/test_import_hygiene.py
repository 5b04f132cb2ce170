"""The listing and update verbs load none of the slow libraries: not spaCy, not dateparser,
not Textual (nor the parser, nor rapidfuzz): of ``minutes`` only ``minutes.text``, the
cleaning of text that the store shares with the parser. Each check runs in a fresh interpreter, as
harlequin's import-hygiene test does, and looks at ``sys.modules`` afterwards."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "tracker"))

from store_helpers import board  # noqa: E402
from tracker import ActionStore  # noqa: E402

SLOW = ("spacy", "dateparser", "textual")

RUN_VERBS = """
import json, sys
from tui.cli import main
for args in json.loads(sys.argv[1]):
    try:
        code = main(args)
    except SystemExit as end:
        code = end.code
    if code:
        raise SystemExit(f"{args} ended with {code}")
print(json.dumps(sorted(sys.modules)))
"""

PARSER_FREE = {"minutes", "minutes.text"}  # what the store may take from the parser's package


def slow_in(loaded: set[str], slow) -> set[str]:
    """The slow packages among ``loaded`` module names (any module of the parser but
    ``minutes.text`` counts as the parser)."""
    found = {name.split(".")[0] for name in loaded if name not in PARSER_FREE}
    return found & set(slow)


def loaded_after(verbs: list[list[str]], env: dict[str, str] | None = None) -> set[str]:
    done = subprocess.run([sys.executable, "-c", RUN_VERBS, json.dumps(verbs)], cwd=ROOT,
                          capture_output=True, text=True,
                          env={**os.environ, "USER": "hygiene", **(env or {})})
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


@pytest.fixture
def store_file(tmp_path):
    path = tmp_path / "actions.json"
    with ActionStore(path) as store:
        store.import_minutes(board())
        ids = [a.id for a in store.actions()]
        meeting = store.meetings()[0].id
    return str(path), ids, meeting


def test_importing_tracker_loads_nothing_slow():
    code = "import json, sys, tracker; print(json.dumps(list(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    loaded = set(json.loads(done.stdout))
    assert not slow_in(loaded, {*SLOW, "minutes", "rapidfuzz", "platformdirs", "filelock"})


def test_listing_and_update_verbs_load_nothing_slow(store_file):
    path, ids, meeting = store_file
    s = ["--store", path]
    loaded = loaded_after([
        ["actions", *s], ["actions", "--owner", "pekka", "--overdue", "--json", *s],
        ["actions", "--due-within", "7", "--meeting", meeting, "--text", "salin", *s],
        ["meetings", *s], ["show", ids[0], *s], ["show", meeting, "--json", *s],
        ["done", ids[0], *s], ["reopen", ids[0], *s], ["cancel", ids[1], *s],
        ["assign", ids[2], "Tomi Rask", *s], ["due", ids[2], "2026-03-25", *s],
        ["note", ids[2], "Sovittu", *s], ["undo", *s], ["people", *s], ["alias", "Tommi", "Tomi Rask", *s],
        ["export", "--format", "csv", *s], ["export", "--format", "ics", *s],
        ["export", "--format", "md", *s], ["digest", "--owner", "Anna Virtanen", *s],
    ])
    assert not slow_in(loaded, {*SLOW, "minutes", "rapidfuzz", "filelock"})


def test_the_everyday_verbs_load_nothing_slow(store_file, tmp_path):
    path, ids, meeting = store_file
    s = ["--store", path]
    loaded = loaded_after([
        ["add", "Tilaa kahvit", "--owner", "Tomi Rask", "--due", "2026-03-25", "--meeting", meeting, *s],
        ["edit", ids[0], "--text", "Selvittää salin ja kahvion hinnan", *s],
        ["actions", "--mine", *s], ["digest", *s], ["digest", "--meeting", meeting, *s],
        ["digest", "--all", "--format", "eml", "-o", str(tmp_path / "actions.eml"), *s],
        ["export", "--format", "csv", "--excel", *s], ["export", "--format", "ics", "--open-only", *s],
        ["show", meeting, *s],  # what parse prints of the minutes: minutes.summary, no more
    ], env={"MINUTES_ME": "Anna Virtanen"})
    assert not slow_in(loaded, {*SLOW, "rapidfuzz", "filelock"})


def test_a_due_date_in_words_loads_no_dateparser(store_file):
    pytest.importorskip("minutes.dates")
    path, ids, _ = store_file
    loaded = loaded_after([["due", ids[3], "next", "friday", "--store", path],
                           ["due", ids[3], "ensi perjantaina", "--store", path],
                           ["due", ids[3], "25.3.", "--store", path]])
    assert not slow_in(loaded, SLOW)
    with ActionStore(path) as store:
        due = store.action(ids[3]).due
    assert (due.month, due.day) == (3, 25)


def test_the_follow_up_listings_load_nothing_slow(tmp_path):
    from minutes import parse

    path = tmp_path / "actions.json"
    with ActionStore(path) as store:
        for minutes in sorted((ROOT / "samples" / "series").glob("fi-kylatalo-*.txt")):
            store.import_minutes(parse(minutes))
    s = ["--store", str(path)]
    loaded = loaded_after([
        ["meetings", "--series", *s], ["meetings", "--series", "--json", *s],
        ["actions", "--stale", *s], ["actions", "--stale", "--json", *s],
        ["agenda", "--next", "haap", *s],
    ])
    assert not slow_in(loaded, {*SLOW, "rapidfuzz", "docx"})  # the agenda reads a language profile


PARSE = """
import json, sys
from minutes import nlp
if sys.argv[2] == "no model package":  # as on a machine where none is installed
    nlp.MODELS = {code: ("no_such_model_package",) for code in nlp.MODELS}
from tui.cli import main
try:
    main(["parse", sys.argv[1], "--json"])
except SystemExit as end:
    assert not end.code, end.code
print(json.dumps(sorted(sys.modules)))
"""


@pytest.mark.parametrize("how", ["MINUTES_NO_MODEL=1", "no model package"])
def test_a_parse_without_a_model_imports_no_spacy_nor_the_store(tmp_path, how):
    minutes_file = tmp_path / "hallitus.txt"
    minutes_file.write_text("Hallituksen kokous 3.3.2026\nLäsnä: Anna Virtanen, Pekka Nieminen\n\n"
                            "1. Talous\nAnna lähettää budjetin jäsenille. Pekka varaa salin 10.3. "
                            "mennessä. Todettiin, että kokous on ensi viikolla.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "MINUTES_NO_MODEL"}
    if how.startswith("MINUTES_NO_MODEL"):
        env["MINUTES_NO_MODEL"] = "1"
    done = subprocess.run([sys.executable, "-c", PARSE, str(minutes_file), how], cwd=ROOT,
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    output, listed = done.stdout.rsplit("\n", 2)[0], done.stdout.splitlines()[-1]
    assert json.loads(output[: output.rindex("}") + 1])["actions"]  # it did parse
    # the verbs' error handling, and the words the command line speaks
    loaded = set(json.loads(listed)) - {"tracker", "tracker.errors", "tracker.i18n"}
    assert not {name.split(".")[0] for name in loaded} & {"spacy", "thinc", "tracker", "orjson",
                                                         "tinydb", "textual"}
