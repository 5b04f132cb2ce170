"""``minutes parse`` as a person runs it: a real process, its exit status, stdout and stderr.

Every file that cannot be read ends with exit status 2 and one line on stderr that names the
file and the cause, never a traceback; odd but readable encodings and names parse.
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

ROOT = Path(__file__).resolve().parents[1]
MEMO = (
    "Hallituksen kokous\n"
    "Aika: 3.2.2026 klo 17.00–18.30\n"
    "Paikka: Kirjasto, kokoushuone\n"
    "Läsnä: Anna Virtanen (pj.), Pekka Nieminen, Liisa Laine\n"
    "1. Kokouksen avaus\n"
    "Anna avasi kokouksen.\n"
    "2. Kevään tapahtumat\n"
    "Pekka selvittää salin hinnan 20.2. mennessä.\n"
    "3. Seuraava kokous\n"
    "Seuraava kokous 3.3.2026 klo 17.00.\n"
)


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, **(env or {})},
    )


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(40):
                part.write(bytes(1024 * 1024))


ENTITY_BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>"
)


def with_part(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
    return out.getvalue()


def make_bad(kind: str, tmp: Path) -> Path:
    """One bad input of each kind the issue names."""
    good = docx_bytes("Kokous", "Aika: 3.2.2026")
    path = tmp / {"directory": "folder", "missing": "nowhere.txt"}.get(kind, f"{kind}.docx")
    if kind == "empty":
        path = tmp / "empty.txt"
        path.write_bytes(b"")
    elif kind == "random":
        path = tmp / "random.txt"
        path.write_bytes(random.Random(7).randbytes(4096))
    elif kind == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif kind in ("old-doc", "encrypted"):
        stream = "WordDocument" if kind == "old-doc" else "EncryptedPackage"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + stream.encode("utf-16-le") + bytes(2000))
    elif kind == "pdf":
        path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    elif kind == "zip-bomb":
        zip_bomb(path)
    elif kind == "entity-bomb":
        path.write_bytes(with_part(good, "word/document.xml", ENTITY_BOMB))
    elif kind == "directory":
        path.mkdir()
    return path


BAD = ["empty", "random", "truncated", "old-doc", "encrypted", "pdf", "zip-bomb", "entity-bomb",
       "directory", "missing"]


@pytest.mark.parametrize("kind", BAD)
def test_bad_input_exits_2_with_one_line_naming_the_file(kind, tmp_path):
    path = make_bad(kind, tmp_path)
    result = run("parse", str(path), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0]
    assert "Traceback" not in result.stderr


def parsed(path: Path, *args: str) -> dict:
    result = run("parse", str(path), "--json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "name, encoding, newline",
    [
        ("cp1252.txt", "cp1252", "\n"),
        ("utf16.txt", "utf-16", "\n"),  # Python writes the BOM
        ("bom-crlf.txt", "utf-8-sig", "\r\n"),
    ],
)
def test_encodings_parse(name, encoding, newline, tmp_path):
    path = tmp_path / name
    path.write_bytes(MEMO.replace("\n", newline).encode(encoding))
    found = parsed(path)
    assert found["date"] == "2026-02-03"
    assert found["start"] == "17:00" and found["end"] == "18:30"
    assert [a["name"] for a in found["attendees"]] == ["Anna Virtanen", "Pekka Nieminen", "Liisa Laine"]
    assert found["chair"] == "Anna Virtanen"
    assert [i["title"] for i in found["agenda"]][:2] == ["Kokouksen avaus", "Kevään tapahtumat"]


def test_docx_in_capitals_parses(tmp_path):
    path = tmp_path / "MUISTIO.DOCX"
    path.write_bytes(docx_bytes(*MEMO.splitlines()))
    found = parsed(path)
    assert found["source"]["format"] == "docx"
    assert found["date"] == "2026-02-03"
    assert found["next_meeting"]["date"] == "2026-03-03"


def test_lang_overrides_detection(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text(MEMO, encoding="utf-8")
    assert parsed(path)["language"] == "fi"
    assert parsed(path, "--lang", "en")["language"] == "en"


def test_summary_without_json_names_what_was_found(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text(MEMO, encoding="utf-8")
    result = run("parse", str(path))
    assert result.returncode == 0
    assert "Hallituksen kokous" in result.stdout
    assert "Anna Virtanen" in result.stdout
    assert "2026-02-03" in result.stdout


def test_bad_lang_is_a_usage_error(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text(MEMO, encoding="utf-8")
    result = run("parse", str(path), "--lang", "de")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "'de'" in result.stderr and "Traceback" not in result.stderr


def _development_set(root: Path) -> Path:
    """A development set in its own layout (gold/, raw/), written for the test."""
    for folder in ("gold", "raw"):
        (root / folder).mkdir()
    (root / "raw" / "01_board.txt").write_text(MEMO, encoding="utf-8")
    gold = {
        "source": "example.org/board 2026-02-03", "language": "fi", "date": "2026-02-03",
        "attendees": ["Anna Virtanen", "Pekka Nieminen", "Liisa Laine"],
        "agenda": ["Kokouksen avaus", "Kevään tapahtumat", "Seuraava kokous"],
        "actions": [{"text": "Pekka selvittää salin hinnan", "owners": ["Pekka Nieminen"], "due": "2026-02-20"}],
    }
    (root / "gold" / "01_board.json").write_text(json.dumps(gold), encoding="utf-8")
    return root


def test_eval_reads_a_development_sets_layout(tmp_path):
    result = run("eval", str(_development_set(tmp_path)), "--json")
    assert result.returncode == 0, result.stderr
    total = json.loads(result.stdout)["total"]
    assert total["actions"]["f1"] == 1.0 and total["attendees"]["f1"] == 1.0
    assert total["agenda"]["f1"] == 1.0


def test_eval_counts_the_hits_of_each_rule_per_document_and_source(tmp_path):
    root = _development_set(tmp_path)
    table = run("eval", str(root), "--by-rule")
    assert table.returncode == 0, table.stderr
    rows = {line.split()[0]: line.split()[1:5] for line in table.stdout.splitlines()[1:]}
    assert rows["commit"][:4] == ["1", "1", "1", "1"]  # hits, kept, documents, sources
    assert rows["report"][0] == "0"
    counts = json.loads(run("eval", str(root), "--by-rule", "--json").stdout)
    assert counts == [{"file": "01_board.txt", "source": "example.org/board", "hits": counts[0]["hits"],
                       "kept": counts[0]["kept"]}]
    assert counts[0]["kept"]["commit"] == 1


def test_eval_of_a_folder_without_gold_is_refused(tmp_path):
    result = run("eval", str(tmp_path))
    assert result.returncode == 2 and "no minutes with gold files" in result.stderr
