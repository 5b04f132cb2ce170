"""The README's Python snippets run as written, on a sample's Word file copied to the name
they use (``muistio.docx``), in a folder of their own."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_the_readme_has_its_library_snippets():
    assert len(SNIPPETS) >= 2
    assert any("ActionStore" in snippet for snippet in SNIPPETS)


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda s: s.splitlines()[0][:40])
def test_a_readme_snippet_runs_as_written(snippet, tmp_path, monkeypatch, capsys):
    shutil.copy(ROOT / "samples" / "fi-kehittamisryhma-2026-02-05.docx", tmp_path / "muistio.docx")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("USER", "readme")
    exec(compile(snippet, "README.md", "exec"), {"__name__": "readme"})
    printed = capsys.readouterr().out
    assert printed.strip()  # each snippet shows something of the minutes
    if "ActionStore" in snippet:
        from tracker import ActionStore

        with ActionStore(tmp_path / "actions.json") as store:
            mine = store.actions(owner="Aleksi Huttunen", status="all")
            assert mine and all(a.notes[-1].text == "on the agenda of the next meeting" for a in mine)
            assert mine[0].id in printed
            assert store.history()[-1].undoes is not None  # the snippet's undo is the last change
