"""The language minutes speaks (issue 13, item 11): every message of the command line, the
terminal UI and the store in Finnish, Swedish and English; the language from ``--lang``,
else the config file, else the locale; dates as ``4.12.2026`` in fi and sv, ISO in JSON."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tracker import ActionStore, i18n

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "tracker"))
from store_helpers import board, by_text  # noqa: E402
from store_helpers import run_cli as run  # noqa: E402

spec = importlib.util.spec_from_file_location("catalogs", ROOT / "tools" / "catalogs.py")
catalogs = sys.modules["catalogs"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(catalogs)

DUE = date.today() + timedelta(days=3)


@pytest.fixture(autouse=True)
def english_again():
    """A run in another language leaves this process speaking English again."""
    yield
    i18n.use("en")


@pytest.fixture
def path(tmp_path):
    store_file = tmp_path / "actions.json"
    with ActionStore(store_file, user="anna") as store:
        store.import_minutes(board())
        store.set_due(by_text(store, "Lähettää kutsun jäsenille").id, DUE)
    return store_file


def test_every_message_has_its_finnish_swedish_and_english_words_and_the_mo_files_are_compiled():
    assert catalogs.problems() == []
    said = catalogs.extract()
    assert len(said) > 300  # the extraction finds the code's messages (not an empty catalog)
    for language in ("fi", "sv"):
        po = catalogs.read_po(catalogs.po_path(language))
        same = [m for m in said if m.strip() and po[m].msgstr[0] == m]
        assert len(same) < len(said) / 20, same  # written in the language, not the English copied


def test_the_catalogs_are_read_at_run_time():
    assert i18n.use("fi") == "fi"
    assert i18n._("Quit") == "Lopeta"
    assert i18n.ngettext("{n} action", "{n} actions", 3).format(n=3) == "3 toimenpidettä"
    assert i18n.shown_date(date(2026, 12, 4)) == "4.12.2026"
    assert i18n.use("sv") == "sv"
    assert i18n._("Quit") == "Avsluta"
    assert i18n.shown_date(date(2026, 12, 4)) == "4.12.2026"
    assert i18n.use("en") == "en"
    assert i18n._("Quit") == "Quit"
    assert i18n.shown_date(date(2026, 12, 4)) == "2026-12-04"


@pytest.mark.parametrize(("asked", "configured", "environ", "spoken"), [
    ("sv", "fi", {"LANG": "en_GB.UTF-8"}, "sv"),     # --lang first
    (None, "fi", {"LANG": "sv_FI.UTF-8"}, "fi"),     # then the config file
    (None, None, {"LANG": "sv_FI.UTF-8"}, "sv"),     # then the locale
    (None, None, {"LC_ALL": "fi_FI.UTF-8", "LANG": "sv_SE.UTF-8"}, "fi"),
    (None, None, {"LC_MESSAGES": "de_DE.UTF-8"}, "en"),  # none of ours: English
])
def test_the_language_is_asked_then_configured_then_the_locales(asked, configured, environ, spoken):
    assert i18n.choose(asked, configured, environ) == spoken


def test_the_command_line_speaks_the_language_asked_with_dates_in_its_form(path):
    finnish = run("--lang", "fi", "actions", "--store", str(path))
    assert finnish.exit_code == 0, finnish.stderr
    assert finnish.stdout.splitlines()[0].split()[:3] == ["TUNNISTE", "MÄÄRÄAIKA", "TILA"]
    assert f"{DUE.day}.{DUE.month}.{DUE.year}" in finnish.stdout
    swedish = run("actions", "--store", str(path), env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "sv_FI.UTF-8"})
    assert swedish.stdout.splitlines()[0].split()[:3] == ["ID", "FÖRFALLER", "STATUS"]
    listed = json.loads(run("--lang", "fi", "actions", "--json", "--store", str(path)).stdout)
    assert DUE.isoformat() in {a["due"] for a in listed}  # JSON keeps ISO dates


def test_the_config_files_language_and_a_clear_error_in_it(path, tmp_path):
    (tmp_path / "minutes").mkdir()
    (tmp_path / "minutes" / "config.toml").write_text('lang = "sv"\n', encoding="utf-8")
    env = {"XDG_CONFIG_HOME": str(tmp_path), "LC_ALL": "", "LC_MESSAGES": "", "LANG": "fi_FI.UTF-8"}
    ran = run("show", "nosuch", "--store", str(path), env=env)
    assert ran.exit_code == 2
    assert ran.stderr.count("\n") == 1 and "inget (åtgärd eller möte) har id:t 'nosuch'" in ran.stderr


OLD_STORE = b'{"meta": {"store": {"format": "minutes-store", "schema": %d}}, "actions": %s}'
LEFT = {"fi": "; tiedosto jätetään ennalleen", "sv": "; filen lämnas som den är",
        "en": "; the file is left as it is"}


@pytest.mark.parametrize(("content", "said"), [
    (b"", {"fi": "tiedosto on tyhjä (0 tavua), ei tallenne", "sv": "filen är tom (0 byte), inte ett lager",
           "en": "the file is empty (0 bytes), not a store"}),
    (b'{"meta": ', {"fi": "ei kelvollista JSONia (", "sv": "inte giltig JSON (", "en": "not valid JSON ("}),
    (OLD_STORE % (99, b"{}"), {
        "fi": "kirjoitettu minutesin uudemmalla versiolla (skeema 99; tämä lukee skeemaan 3 asti)",
        "sv": "skrivet av en nyare version av minutes (schema 99; den här läser upp till 3)",
        "en": "written by a newer version of minutes (schema 99; this one reads up to 3)"}),
    (OLD_STORE % (2, b'{"a3f9c1": {"text": "Varaa sali", "owners": [], "status": "open", "notes": 3}}'), {
        "fi": "toimenpide a3f9c1: notes on 3, pitäisi olla muistiinpanojen lista (at, by, text) tai null",
        "sv": "åtgärd a3f9c1: notes är 3, inte en lista med anteckningar (at, by, text) eller null",
        "en": "action a3f9c1: notes is 3, not a list of notes (at, by, text) or null"}),
], ids=["empty", "not-json", "newer", "bad-record"])
def test_a_damaged_store_is_refused_in_one_line_in_the_language_spoken(tmp_path, content, said):
    path = tmp_path / "actions.json"
    path.write_bytes(content)
    for language in ("fi", "sv", "en"):
        ran = run("--lang", language, "actions", "--store", str(path))
        assert ran.exit_code == 2 and ran.stdout == "", (language, ran)
        assert ran.stderr.count("\n") == 1 and "Traceback" not in ran.stderr, ran.stderr
        assert ran.stderr.startswith(f"minutes: {path}: {said[language]}"), ran.stderr
        assert ran.stderr.rstrip("\n").endswith(LEFT[language]), ran.stderr
    assert path.read_bytes() == content


def test_a_damaged_line_of_the_journal_is_refused_in_the_language_spoken(path):
    journal = path.with_name(path.name + ".journal")
    journal.write_bytes(journal.read_bytes() + b'["not", "changes"]\n')
    number = journal.read_bytes().count(b"\n")
    before, snapshot = journal.read_bytes(), path.read_bytes()
    for language, said in (
            ("fi", f"rivi {number}: ei historiamerkintöjen objekti; tallenteen muutosloki jätetään ennalleen"),
            ("sv", f"rad {number}: inte ett objekt med historikposter; lagrets ändringslogg lämnas som den är")):
        ran = run("--lang", language, "actions", "--store", str(path))
        assert ran.exit_code == 2 and ran.stderr.count("\n") == 1 and "Traceback" not in ran.stderr
        assert ran.stderr.startswith(f"minutes: {journal}: {said} ("), ran.stderr
    assert journal.read_bytes() == before and path.read_bytes() == snapshot


def test_every_refusal_of_a_damaged_store_goes_through_the_catalogs():
    """No message of the store's files is written as a bare string: each is ``_("…")`` (so
    the catalogs hold it and the test above holds them to all three languages)."""
    import ast

    made = {"ValueError", "CorruptStore", "StoreError", "_corrupt", "_corrupt_journal", "corrupt"}
    bare = []
    for module in ("storage", "codec"):
        source = ROOT / "tracker" / f"{module}.py"
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            name = getattr(node, "func", None)
            name = getattr(name, "id", None) or getattr(name, "attr", None)
            if isinstance(node, ast.Call) and name in made and any(
                    isinstance(a, ast.JoinedStr) or isinstance(a, ast.Constant) and isinstance(a.value, str)
                    for a in node.args):
                bare.append(f"{module}.py:{node.lineno}: {ast.unparse(node)}")
    assert len(bare) == 1 and "has no field" in bare[0], bare  # _Record._replace's: a programmer's error


def test_the_terminal_ui_speaks_finnish(tmp_path):
    sys.path.insert(0, str(ROOT / "tests" / "tui"))
    from tui_helpers import make_app, run as run_app
    from tui.widgets.key_bar import KeyBar

    i18n.use("fi")
    with ActionStore(tmp_path / "actions.json", user="tester") as store:
        store.import_minutes(board())
        app = make_app(store)

        async def scenario(pilot):
            await pilot.pause()
            return {key.key: key.description for key in app.screen.query_one(KeyBar).query("FooterKey")}

        footer = run_app(app, scenario, size=(120, 35))
    assert footer["question_mark"] == "Ohje" and footer["q"] == "Lopeta"
    assert footer["x"] == "Tehty"
