"""Where an action came from: the sentence in its minutes, with its neighbours.

    from tui.evidence import evidence

    found = evidence(action.meeting.source, action.source, store_folder=store.path.parent)
    for place in found.lines:
        print(place.number, ">" if place.is_origin else " ", place.text)
    print(found.note)        # why only the stored sentence is shown, when it is

The store keeps each meeting's source path, format and sha256 and each action's line (text
files, 1-based) or body paragraph (DOCX, 0-based; a table counts as one), with its sentence
(``snippet``). The file is read again only when it is still where it was imported from
(a relative path is tried from the working directory, then beside the store) and its
sha256 is unchanged; otherwise the stored sentence is all there is, and ``note`` says why.
Reading a DOCX takes python-docx: call this from a worker.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from tracker.i18n import _

__all__ = ["Evidence", "Place", "evidence"]

NEIGHBOURS = 2
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Place:
    """One line (or paragraph) of the minutes; ``is_origin`` for the action's own."""

    number: int
    text: str
    is_origin: bool = False


@dataclass(frozen=True)
class Evidence:
    """The action's sentence and, where the file could be read, the lines around it.

    ``where`` names the place (``line 71`` or ``paragraph 24``) and ``path`` the file;
    ``note`` is set when the neighbours could not be shown.
    """

    snippet: str
    where: str | None
    path: str | None
    lines: tuple[Place, ...] = ()
    note: str | None = None


def evidence(meeting_source: dict, action_source: dict, *, store_folder: Path | None = None,
             neighbours: int = NEIGHBOURS) -> Evidence:
    """The evidence of one action (see the module docstring)."""
    snippet = action_source.get("snippet") or ""
    line, paragraph = action_source.get("line"), action_source.get("paragraph")
    where = f"line {line}" if line is not None else (
        f"paragraph {paragraph}" if paragraph is not None else None)
    path = meeting_source.get("path")
    found = Evidence(snippet, where, path)
    if where is None:
        return _with(found, _("the minutes do not say where in the file this came from"))
    if not path:
        return _with(found, _("the store keeps no path for these minutes"))
    file = _locate(Path(path), store_folder)
    if file is None:
        return _with(found, _("{path} is no longer there").format(path=path))
    try:
        data = file.read_bytes()
    except OSError as error:
        return _with(found, f"{path}: {error.strerror or error}")
    if meeting_source.get("sha256") and hashlib.sha256(data).hexdigest() != meeting_source["sha256"]:
        return _with(found, _("{path} has changed since it was imported").format(path=path))
    try:
        if line is not None:
            places = _text_lines(data, line, neighbours)
        else:
            places = _paragraphs(file, paragraph, neighbours)
    except ValueError as error:  # UnreadableMinutes and decoding errors
        return _with(found, f"{path}: {error}")
    if not any(p.is_origin for p in places):
        return _with(found, _("{path} has no {where}").format(path=path, where=where))
    return Evidence(snippet, where, str(file), tuple(places))


def _with(found: Evidence, note: str) -> Evidence:
    return Evidence(found.snippet, found.where, found.path, (), note)


def _locate(path: Path, store_folder: Path | None) -> Path | None:
    candidates = [path]
    if not path.is_absolute() and store_folder is not None:
        candidates.append(store_folder / path)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None


def _text_lines(data: bytes, line: int, neighbours: int) -> list[Place]:
    from minutes.readers import decode  # the parser's own encoding detection

    lines = _LINE_BREAK.split(decode(data))  # numbered as the text reader numbers them
    first, last = max(1, line - neighbours), min(len(lines), line + neighbours)
    return [Place(n, lines[n - 1], n == line) for n in range(first, last + 1)]


def _paragraphs(file: Path, paragraph: int, neighbours: int) -> list[Place]:
    from minutes.readers import read

    places: dict[int, list[str]] = {}
    for block in read(file).blocks:
        number = block.origin.paragraph
        if number is None or abs(number - paragraph) > neighbours:
            continue
        text = block.text or " | ".join(" · ".join(c for c in row if c) for row in block.rows)
        places.setdefault(number, []).append(text)
    return [Place(n, " ".join(texts), n == paragraph) for n, texts in sorted(places.items())]
