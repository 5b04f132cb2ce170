"""Files that are not readable minutes: each is refused with ``UnreadableMinutes`` and
a one-line message that names the cause, quickly and without unpacking bombs."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from minutes.model import UnreadableMinutes
from minutes.readers import read, read_text

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MB = 1024 * 1024


def refusal(path) -> str:
    """The message ``read`` refuses ``path`` with (one line, as the CLI prints it)."""
    with pytest.raises(UnreadableMinutes) as caught:
        read(path)
    message = str(caught.value)
    assert message and "\n" not in message
    assert isinstance(caught.value, ValueError)
    return message


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs or ("Muistio", "Aika: 14.11.2025", "Anna lähettää kutsun."):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    """A copy of the zip ``data`` with some parts' contents replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                content = replace.get(info.filename) or source.read(info.filename)
                target.writestr(info.filename, content)
    return out.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- nothing there ----------------------------------------------------------------


def test_empty_file(tmp_path):
    assert refusal(write(tmp_path, "m.txt", b"")) == "empty file"


def test_whitespace_only_file(tmp_path):
    message = refusal(write(tmp_path, "m.txt", b" \r\n\t\n   \n\xc2\xa0\n"))

    assert "empty file" in message and "whitespace" in message


def test_empty_text_in_memory():
    with pytest.raises(UnreadableMinutes, match="empty"):
        read_text("")


def test_docx_without_text(tmp_path):
    assert "no text" in refusal(write(tmp_path, "m.docx", docx_bytes("", "   ")))


def test_directory(tmp_path):
    assert refusal(tmp_path) == "is a directory"


def test_missing_path(tmp_path):
    assert refusal(tmp_path / "ei-ole.docx") == "no such file"


# --- binary and foreign formats ---------------------------------------------------


def test_random_bytes(tmp_path):
    noise = random.Random(20251114).randbytes(4096)

    assert "binary data" in refusal(write(tmp_path, "m.txt", noise))


def test_random_bytes_without_nul(tmp_path):
    noise = bytes(b or 1 for b in random.Random(7).randbytes(4096))

    assert "binary data" in refusal(write(tmp_path, "m.md", noise))


def test_old_word_doc(tmp_path):
    data = OLE_MAGIC + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(4096)

    assert ".doc" in refusal(write(tmp_path, "m.doc", data))


def test_ole_container_without_known_streams(tmp_path):
    message = refusal(write(tmp_path, "m.docx", OLE_MAGIC + bytes(8192)))

    assert ".doc" in message and "encrypted" in message


def test_encrypted_office_file(tmp_path):
    directory = b"".join(
        name.encode("utf-16-le").ljust(64, b"\x00") + bytes(64)
        for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage")
    )
    data = OLE_MAGIC + bytes(504) + directory + random.Random(3).randbytes(2048)

    message = refusal(write(tmp_path, "m.docx", data))
    assert "encrypted" in message and "password" in message


def test_pdf_named_docx(tmp_path):
    data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"

    assert "PDF" in refusal(write(tmp_path, "m.docx", data))


def test_rtf_file(tmp_path):
    assert "RTF" in refusal(write(tmp_path, "m.txt", rb"{\rtf1\ansi Muistio\par}"))


def test_plain_text_named_docx(tmp_path):
    assert "plain text" in refusal(write(tmp_path, "m.docx", "Muistio\nAika: 1.2.".encode()))


def test_zip_that_is_not_a_docx(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes/readme.txt", "Muistio")

    assert "word/document.xml" in refusal(write(tmp_path, "m.txt", buffer.getvalue()))


def test_opendocument_text(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")

    assert "OpenDocument" in refusal(write(tmp_path, "m.docx", buffer.getvalue()))


# --- damaged DOCX -----------------------------------------------------------------


def test_truncated_docx(tmp_path):
    data = docx_bytes()

    assert "truncated or damaged DOCX" in refusal(write(tmp_path, "m.docx", data[: len(data) // 2]))


def test_docx_with_corrupt_part(tmp_path):
    data = bytearray(docx_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 10, start + min(info.compress_size, 200)):
        data[offset] ^= 0x5A

    assert "damaged DOCX" in refusal(write(tmp_path, "m.docx", bytes(data)))


def test_docx_with_invalid_xml(tmp_path):
    data = rezip(docx_bytes(), {"word/document.xml": b"<w:document><w:body><w:p>"})

    assert "damaged DOCX" in refusal(write(tmp_path, "m.docx", data))


def test_damaged_docx_variants_are_refused_cleanly(tmp_path):
    """Seeded damage (flipped bytes, cuts, broken XML) never escapes as another error."""
    original = docx_bytes("Muistio", "Aika: 14.11.2025", "Anna lähettää kutsun.")
    rng = random.Random(2025)
    path = tmp_path / "m.docx"
    for round_ in range(60):
        data = bytearray(original)
        if round_ % 3 == 0:
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif round_ % 3 == 1:
            data = data[: rng.randrange(len(data))]
        else:
            part = bytearray(zipfile.ZipFile(io.BytesIO(original)).read("word/document.xml"))
            for _ in range(rng.randint(1, 10)):
                part[rng.randrange(len(part))] = rng.choice(b'<>/"=w:0 a')
            data = bytearray(rezip(original, {"word/document.xml": bytes(part)}))
        path.write_bytes(bytes(data))
        try:
            read(path)
        except UnreadableMinutes as refused:
            assert str(refused) and "\n" not in str(refused)


# --- hostile DOCX -----------------------------------------------------------------


def forbid_inflating(monkeypatch) -> None:
    """From now on, fail the test if anything reads a zip member."""

    def refuse(*args, **kwargs):
        raise AssertionError("a zip member was inflated")

    monkeypatch.setattr(zipfile.ZipFile, "open", refuse)
    monkeypatch.setattr(zipfile.ZipFile, "read", refuse)


def _zip_of_zeros(path: Path, megabytes: int, level: int) -> Path:
    chunk = bytes(MB)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(megabytes):
                part.write(chunk)
    return path


def test_zip_bomb_too_large_when_unpacked(tmp_path, monkeypatch):
    path = _zip_of_zeros(tmp_path / "bomb.docx", 300, level=1)
    assert path.stat().st_size < 5 * MB
    forbid_inflating(monkeypatch)

    message = refusal(path)

    assert "too large when unpacked" in message and "300 MB" in message


def test_zip_bomb_absurd_compression_ratio(tmp_path, monkeypatch):
    path = _zip_of_zeros(tmp_path / "bomb.docx", 50, level=9)
    forbid_inflating(monkeypatch)

    assert "zip bomb" in refusal(path)


BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
"""


def test_xml_entity_bomb(tmp_path):
    data = rezip(docx_bytes(), {"word/document.xml": BILLION_LAUGHS})

    message = refusal(write(tmp_path, "m.docx", data))

    assert "entity declarations are not allowed" in message


def test_entity_declaration_in_another_part(tmp_path):
    styles = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><w:styles xmlns:w="urn:x"/>'
    data = rezip(docx_bytes(), {"word/styles.xml": styles})

    assert "word/styles.xml" in refusal(write(tmp_path, "m.docx", data))


def test_absurd_column_span_is_capped(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)  # one cell alone would be a box, not a table
    table.cell(0, 0).text = "Anna"
    properties = table.cell(0, 0)._tc.get_or_add_tcPr()
    properties.append(parse_xml(f'<w:gridSpan {nsdecls("w")} w:val="1000000000"/>'))
    buffer = io.BytesIO()
    document.save(buffer)

    (block,) = read(write(tmp_path, "m.docx", buffer.getvalue())).blocks
    assert block.rows[0][0] == "Anna"
    assert len(block.rows[0]) < 100


def test_utf16_encoded_doctype_is_found(tmp_path):
    part = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x []><x/>'.encode("utf-16-le")
    data = rezip(docx_bytes(), {"word/settings.xml": part})

    assert "entity declarations" in refusal(write(tmp_path, "m.docx", data))
