"""Plain text and Markdown minutes -> ``Block``s, one block per non-empty line.

::

    text = decode(raw_bytes)          # BOM, UTF-16, UTF-8, cp1252, latin-1; refuses binary
    blocks = text_blocks(text)        # tuple of Block, origin = 1-based line number

What a line becomes:

- ``# Title`` .. ``###### Title`` -> ``heading`` with level = number of ``#``; a line
  underlined with ``===`` (``---``) is a level 1 (2) heading.
- ``- x``, ``* x``, ``+ x``, ``• x``, ``– x``, ``◦ x``, ``▪ x`` (and a few more bullet
  glyphs) -> ``list_item`` without the bullet, ``number=None``; ``level`` is the nesting
  depth read from the indentation in steps of two columns (a tab is four), relative to
  the bullets above, so 2- and 4-space Markdown nesting both give 0, 1, 2; headings and
  tables start afresh. A task box stays: ``- [ ] send it`` -> ``"[ ] send it"``.
- ``1. x``, ``1) x``, ``a) x`` -> ``paragraph`` as written: typed numbers are read by the
  structure stage, in one place.
- ``| a | b |`` lines with a ``|---|---|`` separator -> one ``table`` block (origin = its
  first row's line), the separator left out.
- YAML front matter (``---`` .. ``---`` at the very top) -> its lines as ``paragraph``
  blocks with ``style="front matter"`` (``title: …``, ``date: …`` read like ``Aika: …``).
- Code fences: the fence lines are dropped, the lines between kept as written with
  ``style="code"``; thematic breaks (``---``, ``***``) and blank lines give no block.

Every line is cleaned as all text coming in is (``minutes.text.clean``): NFC, no control
characters, no bidirectional overrides.

Inline markup is unwrapped (``unwrap_markup``): ``**b**``, ``__b__``, ``*e*``, ``_e_``
(only where clearly markup: ``snake_case`` and ``5 * 3`` stay), ``[text](link)``,
``<https://…>``, code spans, backslash escapes, HTML tags (``<br>`` becomes a line
break), ``&nbsp;``/``&amp;`` entities. Non-breaking spaces become spaces and zero-width
characters go, everywhere; tabs stay (they separate columns).
"""

from __future__ import annotations

import html
import re

from minutes.model import Block, Origin, UnreadableMinutes
from minutes.text import clean

__all__ = [
    "BINARY_DATA",
    "check_not_binary",
    "clean_text",
    "decode",
    "normalise_characters",
    "text_blocks",
    "unwrap_markup",
]

BINARY_DATA = "not a text or DOCX file: binary data"

# --- characters -------------------------------------------------------------------

_SPACE_LIKE = (
    "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"
    "\u3000\v\f"
)
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"
_CHARACTERS = {
    **{ord(c): " " for c in _SPACE_LIKE},
    **{ord(c): None for c in _INVISIBLE},
}
_ODD_CHARACTERS = re.compile("[" + re.escape("".join(map(chr, _CHARACTERS))) + "]")
_UTF8_CHARACTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BINARY_SHARE = 0.03  # of all characters, plus a few strays, may be control characters
_STRAY_CONTROLS = 2

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode(data: bytes, doubts: list[str] | None = None) -> str:
    """The text of a file's bytes: a BOM decides (UTF-8, UTF-16, UTF-32); else
    BOM-less UTF-16 when its NULs say so, UTF-8, cp1252 and, last, latin-1. Binary
    data (NUL bytes, many control characters) raises ``UnreadableMinutes``.

    A file that is UTF-8 but for a few bad bytes is read as UTF-8, each bad byte a
    ``\ufffd``, and a doubt saying so goes to ``doubts``; only a file without one UTF-8
    character in it is read as cp1252 (``Mäkinen`` stays ``Mäkinen``, not ``MÃ¤kinen``).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return check_not_binary(data[len(bom):].decode(encoding, errors="replace"))
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise UnreadableMinutes(BINARY_DATA)
        return check_not_binary(data.decode(encoding, errors="replace"))
    try:
        return check_not_binary(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if _UTF8_CHARACTER.search(data):
        text = data.decode("utf-8", errors="replace")
        if doubts is not None:
            bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
            doubts.append(f"not valid UTF-8: {bad} byte{'s' if bad != 1 else ''} could not be "
                          "read and show as \ufffd")
        return check_not_binary(text)
    try:
        return check_not_binary(data.decode("cp1252"))
    except UnicodeDecodeError:
        return check_not_binary(data.decode("latin-1"))


def check_not_binary(text: str) -> str:
    """``text`` itself, unless NULs or a high share of control characters show it is
    binary data decoded by force."""
    if "\x00" in text:
        raise UnreadableMinutes(BINARY_DATA)
    controls = len(_BINARY_CONTROL.findall(text.rstrip("\x1a")))
    if controls > _BINARY_SHARE * len(text) + _STRAY_CONTROLS:
        raise UnreadableMinutes(BINARY_DATA)
    return text


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    sample = sample[: len(sample) - len(sample) % 2]
    half = len(sample) // 2
    if half == 0:
        return None
    even_zeros, odd_zeros = sample[0::2].count(0), sample[1::2].count(0)
    if odd_zeros > 0.4 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_zeros > 0.4 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    return None


def normalise_characters(text: str) -> str:
    """Spaces for non-breaking and other odd spaces; no zero-width characters; and
    ``minutes.text.clean``: NFC, no control characters (tabs and line breaks stay), no
    bidirectional overrides."""
    return clean(text.translate(_CHARACTERS) if _ODD_CHARACTERS.search(text) else text)


def clean_text(text: str) -> str:
    """``normalise_characters``, then no trailing whitespace on any line and no
    leading or trailing blank space at all."""
    text = normalise_characters(text).strip()
    if "\n" not in text:
        return text
    return "\n".join(line.rstrip() for line in text.split("\n"))


# --- inline markup ----------------------------------------------------------------

_MARKUP_HINT = re.compile(r"[\\`*_\[<&]")
_PROTECT_OFFSET = 0xF0000
_PROTECTED = re.compile("[\U000f0000-\U000ffffd]")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CODE_SPAN = re.compile(r"(`+)(?=\S)(.+?)(?<=\S)\1")
_AUTOLINK = re.compile(
    r"<((?:https?|ftp|mailto):[^<>\s]+|www\.[^<>\s]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>", re.I
)
_LINK = re.compile(  # [text](url "title"), ![alt](src); one level of () inside the url
    r"!?\[([^\[\]]*)\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?"
    r"(?:\s+[\"'][^\"']*[\"'])?\s*\)"
)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
_HTML_TAG = re.compile(
    r"</?(?:a|abbr|b|big|blockquote|center|cite|code|dd|del|details|div|dl|dt|em|font|h[1-6]"
    r"|hr|i|img|ins|kbd|li|mark|ol|p|pre|q|s|small|span|strike|strong|sub|summary|sup"
    r"|table|tbody|td|th|thead|tr|tt|u|ul)\b(?:\s[^<>]*)?/?>",
    re.I,
)
_BARE_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>]+", re.I)
_STRONG_STARS = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_STRONG_UNDERSCORES = re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)")
_EMPHASIS_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unwrap_markup(text: str) -> str:
    """``text`` without its Markdown and HTML markup, keeping what a reader would see:
    ``"**Minna:** see [the plan](#)"`` -> ``"Minna: see the plan"``."""
    if not _MARKUP_HINT.search(text):
        return normalise_characters(text)
    text = _ESCAPE.sub(lambda m: _protect(m.group(1)), text)
    text = _CODE_SPAN.sub(lambda m: _protect(m.group(2)), text)
    text = _AUTOLINK.sub(lambda m: _protect(m.group(1)), text)
    text = _HTML_COMMENT.sub("", text)
    text = _LINK.sub(_link_text, text)
    text = _BREAK_TAG.sub("\n", text)
    text = _HTML_TAG.sub("", text)
    text = _BARE_URL.sub(lambda m: _protect(m.group(0)), text)
    for pattern in (_STRONG_STARS, _STRONG_UNDERSCORES, _EMPHASIS_STAR, _EMPHASIS_UNDERSCORE):
        text = pattern.sub(r"\1", text)
    text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    text = _PROTECTED.sub(lambda m: chr(ord(m.group(0)) - _PROTECT_OFFSET), text)
    return normalise_characters(text)


def _link_text(link: re.Match[str]) -> str:
    """A link's text (its URL when it has none); an image's alt text."""
    if link.group(0).startswith("!"):
        return link.group(1)
    return link.group(1) or _protect(link.group(2))


def _protect(text: str) -> str:
    """Hide characters from the markup patterns until ``unwrap_markup`` ends."""
    return "".join(chr(ord(c) + _PROTECT_OFFSET) if ord(c) < 0xFFFE else c for c in text)


# --- lines -> blocks --------------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_HEADING = re.compile(r"^\s*(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_UNDERLINE = re.compile(r"^\s*(={3,}|-{3,})\s*$")
_BREAK = re.compile(r"^\s*([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_BULLET = re.compile(
    "^(?P<indent>[ \t]*)[-*+\u2022\u25e6\u25aa\u2023\u25cf\u25cb\u25a0\u25a1\u2013\u2014"
    "\u27a2\u25ba\uf0b7\uf0a7\uf0d8][ \t]+(?P<text>.*)$"
)
_SEPARATOR_CELL = re.compile(r"^\s*:?-+:?\s*$")
_CELL_BORDER = re.compile(r"(?<!\\)\|")
_FRONT_MATTER_END = ("---", "...")
_FRONT_MATTER_MAX_LINES = 200


class _Nesting:
    """Bullet nesting read from indentation, counted in steps of two columns (a tab
    is four): a bullet a step deeper than the one above nests under it, a bullet
    back at an earlier step returns to that level. One stray space changes nothing."""

    def __init__(self) -> None:
        self._steps: list[int] = []

    def level(self, indent: str) -> int:
        step = len(indent.expandtabs(4)) // 2
        while self._steps and step < self._steps[-1]:
            self._steps.pop()
        if not self._steps or step > self._steps[-1]:
            self._steps.append(step)
        return len(self._steps) - 1

    def reset(self) -> None:
        self._steps.clear()


def text_blocks(text: str) -> tuple[Block, ...]:
    """The blocks of a text or Markdown document, one per non-empty line (a pipe
    table is one block), each with its 1-based line number."""
    lines = [normalise_characters(line) for line in _LINE_BREAK.split(text)]
    blocks: list[Block] = []
    start = _front_matter(lines, blocks)
    _body_blocks(lines, start, blocks)
    return tuple(blocks)


def _front_matter(lines: list[str], blocks: list[Block]) -> int:
    """Add front matter lines to ``blocks``; return the index the body starts at."""
    if not lines or lines[0].strip() != "---":
        return 0
    for end in range(1, min(len(lines), _FRONT_MATTER_MAX_LINES)):
        if lines[end].strip() in _FRONT_MATTER_END:
            for index in range(1, end):
                text = clean_text(lines[index])
                if text:
                    origin = Origin(line=index + 1)
                    blocks.append(Block("paragraph", text, origin, style="front matter"))
            return end + 1
    return 0


def _body_blocks(lines: list[str], index: int, blocks: list[Block]) -> None:
    """Add a block to ``blocks`` for each line from ``lines[index]`` on."""
    nesting = _Nesting()
    in_code = False
    while index < len(lines):
        line, number = lines[index], index + 1
        index += 1
        if _FENCE.match(line):
            in_code = not in_code
        elif not line.strip():
            continue
        elif in_code:
            blocks.append(Block("paragraph", clean_text(line), Origin(line=number), style="code"))
        elif table := _pipe_table(lines, number - 1):
            rows, index = table
            nesting.reset()
            blocks.append(Block("table", _table_text(rows), Origin(line=number), rows=rows))
        elif underline := _UNDERLINE.match(line):
            _underline(blocks, underline.group(1), number)
            nesting.reset()
        elif not _BREAK.match(line):
            block = _line_block(_QUOTE.sub("", line), number, nesting)
            if block is not None:
                blocks.append(block)


def _underline(blocks: list[Block], underline: str, number: int) -> None:
    """A setext heading: the paragraph on the line just above, underlined with ``===``
    (level 1) or ``---`` (level 2). Without one, ``---`` is a thematic break and
    ``===`` decoration: no block either way."""
    previous = blocks[-1] if blocks else None
    if previous is None or previous.kind != "paragraph" or previous.style is not None:
        return
    if previous.origin.line != number - 1:
        return
    level = 1 if underline.startswith("=") else 2
    blocks[-1] = Block("heading", previous.text, previous.origin, level=level)


def _line_block(line: str, number: int, nesting: _Nesting) -> Block | None:
    origin = Origin(line=number)
    if heading := _HEADING.match(line):
        text = clean_text(unwrap_markup(heading.group(2) or ""))
        nesting.reset()
        return Block("heading", text, origin, level=len(heading.group(1))) if text else None
    if bullet := _BULLET.match(line):
        text = clean_text(unwrap_markup(bullet.group("text")))
        level = nesting.level(bullet.group("indent"))
        return Block("list_item", text, origin, level=level) if text else None
    text = clean_text(unwrap_markup(line))
    return Block("paragraph", text, origin) if text else None


def _pipe_table(lines: list[str], index: int) -> tuple[tuple[tuple[str, ...], ...], int] | None:
    """A pipe table starting at ``lines[index]``: its rows and the index after it."""
    if "|" not in lines[index] or index + 1 >= len(lines):
        return None
    header, separator = _cells(lines[index]), _cells(lines[index + 1])
    if "|" not in lines[index + 1] or not all(_SEPARATOR_CELL.match(c) for c in separator):
        return None
    if len(header) != len(separator):
        return None
    rows = [header]
    end = index + 2
    while end < len(lines) and lines[end].strip() and _CELL_BORDER.search(lines[end]):
        rows.append(_cells(lines[end]))
        end += 1
    width = max(len(row) for row in rows)
    cleaned = tuple(
        tuple(clean_text(unwrap_markup(cell)) for cell in row) + ("",) * (width - len(row))
        for row in rows
    )
    return cleaned, end


def _cells(line: str) -> list[str]:
    row = line.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return _CELL_BORDER.split(row)


def _table_text(rows: tuple[tuple[str, ...], ...]) -> str:
    return "\n".join("\t".join(row) for row in rows)
