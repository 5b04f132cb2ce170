"""Readers: a minutes file (DOCX, text or Markdown) -> a ``Document`` of ``Block``s.

::

    from minutes.readers import read, read_text, UnreadableMinutes

    document = read("muistio.docx")          # the format is sniffed from the bytes
    for block in document.blocks:
        print(block.origin, block.kind, block.level, block.number, block.text)

    document = read_text("# Muistio\\n\\nAika: 14.11.2025")   # text already in memory
    text = decode(data)                      # a text file's bytes, as the text reader reads them

What a file is comes from its first bytes, not its name: a zip holding
``word/document.xml`` is a DOCX whatever it is called (``.DOCX``, ``.txt``); an OLE
file (old ``.doc``, encrypted Office), a PDF or an RTF is refused; anything else is
read as text, unless it is binary. A file called ``.docx``/``.doc`` that holds plain
text is refused too: its name promises Word, and what it holds is likely a mistake.

Every refusal is an ``UnreadableMinutes`` (a ``ValueError``) whose message is one short
line naming the cause (``"empty file"``, ``"a PDF file, not a DOCX or text file"``…);
the caller adds the file name.
"""

from __future__ import annotations

import hashlib
import os

from minutes.model import Document, SourceFile, UnreadableMinutes
from minutes.readers.sniff import kind_of, ole_refusal
from minutes.readers.text import check_not_binary, decode, text_blocks

__all__ = ["MAX_FILE_BYTES", "MAX_TEXT_BYTES", "UnreadableMinutes", "decode", "read", "read_text"]

MB = 1024 * 1024
MAX_FILE_BYTES = 100 * MB
MAX_TEXT_BYTES = 20 * MB
_WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".doc")
_REFUSALS = {
    "pdf": "a PDF file, not a DOCX or text file",
    "rtf": "an RTF file: save it as .docx or plain text",
}


def read(path: str | os.PathLike) -> Document:
    """Read the minutes file at ``path``; ``UnreadableMinutes`` says why not."""
    name = os.fspath(path)
    data = _load(name)
    kind = kind_of(data[:1024])
    source = SourceFile(name, "docx" if kind == "zip" else "text", hashlib.sha256(data).hexdigest())
    if kind == "zip":
        from minutes.readers.docx import read_docx

        return read_docx(data, source)
    if kind == "ole":
        raise UnreadableMinutes(ole_refusal(data))
    if kind in _REFUSALS:
        raise UnreadableMinutes(_REFUSALS[kind])
    if len(data) > MAX_TEXT_BYTES:
        raise UnreadableMinutes(_too_large("text file", len(data), MAX_TEXT_BYTES))
    doubts: list[str] = []
    text = decode(data, doubts)
    if name.lower().endswith(_WORD_SUFFIXES):
        raise UnreadableMinutes("not a DOCX: the file holds plain text (name it .txt)")
    return _text_document(text, source, tuple(doubts))


def read_text(text: str, path: str | None = None) -> Document:
    """Read minutes already in memory as text (``format="text"``, sha256 of the
    UTF-8 bytes); ``path`` is only recorded."""
    if not text:
        raise UnreadableMinutes("empty text")
    digest = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
    return _text_document(check_not_binary(text), SourceFile(path, "text", digest))


def _text_document(text: str, source: SourceFile, doubts: tuple[str, ...] = ()) -> Document:
    blocks = text_blocks(text)
    if not blocks:
        what = "only whitespace" if not text.strip() else "no text"
        raise UnreadableMinutes(f"empty file ({what})")
    return Document(blocks, source, doubts)


def _load(name: str) -> bytes:
    """The bytes of a regular file, refused when missing, a directory, empty or huge."""
    try:
        status = os.stat(name)
        if os.path.isdir(name):
            raise UnreadableMinutes("is a directory")
        if not os.path.isfile(name):
            raise UnreadableMinutes("not a regular file")
        if status.st_size > MAX_FILE_BYTES:
            raise UnreadableMinutes(_too_large("file", status.st_size, MAX_FILE_BYTES))
        with open(name, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as error:
        raise UnreadableMinutes("no such file") from error
    except PermissionError as error:
        raise UnreadableMinutes("permission denied") from error
    except OSError as error:
        raise UnreadableMinutes(f"cannot read the file: {error.strerror or error}") from error
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableMinutes(_too_large("file", len(data), MAX_FILE_BYTES))
    if not data:
        raise UnreadableMinutes("empty file")
    return data


def _too_large(what: str, size: int, limit: int) -> str:
    return f"{what} too large ({size / MB:.0f} MB > {limit // MB} MB)"
