"""An action's evidence: the lines around its sentence, read again from the minutes only
when the file is still there and unchanged (no Textual here)."""

from __future__ import annotations

import hashlib
import shutil

from tui.evidence import evidence
from tui_helpers import SAMPLE_DIR


def source_of(path, data: bytes | None = None) -> dict:
    data = data if data is not None else path.read_bytes()
    return {"path": str(path), "format": "text", "sha256": hashlib.sha256(data).hexdigest()}


def test_a_text_file_gives_the_line_and_two_on_each_side():
    path = SAMPLE_DIR / "fi-kulttuuriverkosto-2026-01-20.txt"
    found = evidence(source_of(path), {"line": 43, "snippet": "Liisa selvittää…"})
    assert [p.number for p in found.lines] == [41, 42, 43, 44, 45]
    (origin,) = [p for p in found.lines if p.is_origin]
    assert origin.text.startswith("Liisa selvittää kuntien kanssa") and found.note is None
    assert found.where == "line 43"


def test_the_first_line_has_neighbours_below_only(tmp_path):
    path = tmp_path / "m.txt"
    path.write_bytes("Eka\r\nToka\r\nKolmas\r\n".encode("cp1252"))
    found = evidence(source_of(path), {"line": 1, "snippet": "Eka"})
    assert [(p.number, p.text) for p in found.lines] == [(1, "Eka"), (2, "Toka"), (3, "Kolmas")]


def test_a_docx_gives_paragraphs():
    path = SAMPLE_DIR / "en-board-minutes-2026-03-26.docx"
    found = evidence(source_of(path), {"paragraph": 24, "snippet": "x"})
    assert [p.number for p in found.lines] == [22, 23, 24, 25, 26]
    assert "approved as a true record" in next(p.text for p in found.lines if p.is_origin)


def test_a_relative_path_is_found_beside_the_store(tmp_path):
    shutil.copy(SAMPLE_DIR / "fi-kulttuuriverkosto-2026-01-20.txt", tmp_path / "muistio.txt")
    source = source_of(tmp_path / "muistio.txt")
    source["path"] = "muistio.txt"
    found = evidence(source, {"line": 43, "snippet": "x"}, store_folder=tmp_path)
    assert len(found.lines) == 5


def test_without_the_file_only_the_stored_sentence_and_why(tmp_path):
    path = tmp_path / "m.txt"
    path.write_text("Eka\nToka\n")
    action = {"line": 2, "snippet": "Toka."}
    cases = {
        "no path": ({"path": None, "sha256": "x"}, "keeps no path"),
        "gone": ({"path": str(tmp_path / "gone.txt"), "sha256": "x"}, "is no longer there"),
        "changed": (source_of(path, b"something else"), "has changed since it was imported"),
    }
    for source, why in cases.values():
        found = evidence(source, action)
        assert found.lines == () and found.snippet == "Toka." and why in found.note
    assert "has no line 9" in evidence(source_of(path), {"line": 9, "snippet": "x"}).note
    assert "do not say where" in evidence(source_of(path), {"snippet": "x"}).note
