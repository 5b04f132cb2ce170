"""What the structure stages share: the document as ``Line``s, the ``ParseState`` they read
and add to, labels (``Paikka: …``, ``Present<TAB>…``) and table columns read by their words.

    >>> from minutes.readers import read_text
    >>> state = ParseState.start(read_text("Paikka: Kirjasto\\n"), "fi")
    >>> state.label_of(state.lines[0].text)
    ({'place'}, 'Kirjasto')
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang import LANGUAGES, Profile, profile
from ..model import Block, Document, Minutes, Origin
from ..people import PeopleIndex

__all__ = ["HEADER_SPAN", "Line", "ParseState", "alternatives", "any_word", "cell", "columns", "every_language", "norm_label"]


@dataclass(frozen=True)
class Line:
    """One line of text in reading order (a DOCX paragraph may hold several)."""

    index: int
    text: str
    block: Block

    @property
    def origin(self) -> Origin:
        return self.block.origin

    @property
    def is_table(self) -> bool:
        return self.block.kind == "table"


@dataclass
class ParseState:
    """What the stages share: the document as lines, the language, what is found so far."""

    document: Document
    profile: Profile
    lines: list[Line]
    minutes: Minutes
    labels: dict[str, set[str]]
    people: PeopleIndex = field(default_factory=lambda: PeopleIndex([]))
    used: set[int] = field(default_factory=set)  # lines that are header or attendee list
    item_starts: list[tuple[int, str | None]] = field(default_factory=list)
    handles: dict[str, str] = field(default_factory=dict)  # "@sam" -> "Sam Okafor"

    @classmethod
    def start(cls, document: Document, lang: str) -> ParseState:
        labels = _label_index(lang)
        lines: list[Line] = []
        for block in _form_rows(document.blocks, labels):
            parts = [block.text] if block.kind == "table" else block.text.split("\n")
            for part in parts:
                # "09:15–09:32, room 4 · facilitator: Jo · notes: Sam"; "… Paikka: X Aika: Y"
                pieces = _header_pieces(part, labels) if len(lines) < HEADER_SPAN else [part]
                for piece in pieces:
                    if piece.strip():
                        lines.append(Line(len(lines), piece.strip(), block))
        minutes = Minutes(source=document.source, language=lang)
        return cls(document, profile(lang), lines, minutes, labels)

    def agenda_item_at(self, index: int) -> str | None:
        """The agenda item a line belongs to: its number, or its title where it has none."""
        number = None
        for start, item in self.item_starts:
            if start > index:
                break
            number = item
        return number

    def label_of(self, text: str) -> tuple[set[str], str] | None:
        """``(fields, value)`` when ``text`` is ``Label: value``, ``Label<TAB>value``,
        ``Notes by value`` or a bare label line."""
        return _label_of(self.labels, text)


def _label_of(labels: dict[str, set[str]], text: str) -> tuple[set[str], str] | None:
    for pattern in (_LABEL, _TAB_LABEL, _by_label()):
        match = pattern.match(text)
        if match:
            fields = labels.get(norm_label(match["label"]))
            if fields:
                return fields, match["value"].strip()
    fields = labels.get(norm_label(text))
    if fields and len(text) <= 60:
        return fields, ""
    return None


_INLINE_LABEL = re.compile(r"(?:^|(?<=\s))((?:[^\W\d_][\w-]*\s){0,2}[^\W\d_][\w-]*):(?=\s|$)")


def _header_pieces(text: str, labels: dict[str, set[str]]) -> list[str]:
    """A header line cut into its fields: at ``·`` and ``|`` between them, and before each
    label when several run together on one line (a web page's header flattened into one
    paragraph: ``Kerhon kokous Paikka: Seurantalo Aika: 3.3.2026 Läsnä: …``)."""
    starts = []
    for match in _INLINE_LABEL.finditer(text):
        words = match[1].split()
        for n in range(len(words), 0, -1):  # the longest label that ends at the colon
            if norm_label(" ".join(words[-n:])) in labels:
                starts.append(match.end(1) - len(" ".join(words[-n:])))
                break
    if len(starts) < 2:
        return _HEADER_SEPARATOR.split(text)
    cuts = [0, *(start for start in starts if start > 0), len(text)]
    return [piece for a, b in zip(cuts, cuts[1:]) for piece in _HEADER_SEPARATOR.split(text[a:b])]


_FORM_NAME_WORDS = 4  # the most words of the cell that names a row of a form


def _form_rows(blocks: tuple[Block, ...], labels: dict[str, set[str]]) -> list[Block]:
    """The blocks with each form table turned into its rows, one ``Label<TAB>value``
    paragraph a row, as the same form typed with tabs reads: a table whose rows open with
    a short cell that names the row, two or more of them labels the profiles know (``Aika |
    3.2.2026``, ``Läsnä | Anna Virtanen``, ``Type of meeting | Board``)."""
    out: list[Block] = []
    for block in blocks:
        rows = [[c.strip() for c in row if c.strip()] for row in block.rows]
        rows = [cells for cells in rows if cells]
        labelled = [cells for cells in rows if len(cells) >= 2 and _label_of(labels, cells[0])]
        named = all(len(cells[0].split()) <= _FORM_NAME_WORDS for cells in rows)
        if block.kind != "table" or len(labelled) < 2 or not named:
            out.append(block)
            continue
        for cells in rows:
            text = "\t".join(cells)
            out.append(Block("paragraph", text, block.origin, style=block.style))
    return out


HEADER_SPAN = 40  # lines from the top where the header fields may stand
_HEADER_SEPARATOR = re.compile(r"\s+[·|]\s+")
_LABEL = re.compile(r"^\s*(?P<label>[^\W\d_][^:\t]{0,45}?)\s*:\s*(?P<value>.*)$", re.S)
_TAB_LABEL = re.compile(r"^\s*(?P<label>[^\W\d_][^:\t]{0,45}?)\t+(?P<value>\S.*)$", re.S)


@lru_cache(maxsize=None)
def _by_label() -> re.Pattern[str]:
    """``Notes by Sam``: a label that ends in its own preposition (``by_label`` words)."""
    by = any_word("structure", "by_label").pattern
    return re.compile(rf"^\s*(?P<label>(?:[\w-]+\s){{0,2}}{by})\s+(?P<value>\S.*)$", re.I | re.S)


@lru_cache(maxsize=8192)
def norm_label(text: str) -> str:
    """``**People Present (lines said):**`` -> ``people present``."""
    text = re.sub(r"\s*\([^)]*\)", "", text)
    return re.sub(r"\s+", " ", text.strip().strip("*#:").strip()).lower()


def _label_index(lang: str) -> dict[str, set[str]]:
    """Label word -> the fields it may introduce; the document's language first."""
    index: dict[str, set[str]] = {}
    for code in (lang, *[c for c in LANGUAGES if c != lang]):
        for name, words in profile(code).labels.items():
            if name.startswith("column_") or name in ("decision_verbs", "meeting"):
                continue
            for word in words:
                index.setdefault(word.lower(), set()).add(name)
    return index


@lru_cache(maxsize=None)
def any_word(field: str, *keys: str) -> re.Pattern[str]:
    """A pattern that finds any of ``every_language(field, *keys)`` as whole words, longest
    first, in any case; the words of a phrase may stand with any space between."""
    return re.compile(rf"(?<!\w)(?:{alternatives(every_language(field, *keys))})(?!\w)", re.I)


def alternatives(words) -> str:
    """``words`` as one alternation, longest first, the words of a phrase with any space
    between them; one that matches nothing when there are none."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered) or r"(?!)"


@lru_cache(maxsize=None)
def every_language(field: str, *keys: str) -> frozenset[str]:
    """The words of ``profile.<field>[key]`` for each key, in every language, lower case
    and without a final dot (``pj.`` -> ``pj``): who reads minutes meets all of them."""
    return frozenset(
        w.lower().rstrip(".") for code in LANGUAGES for key in keys
        for w in getattr(profile(code), field).get(key, ())
    )



def cell(row: tuple[str, ...], named: dict[str, int], key: str) -> str:
    """The text of the ``key`` column (as ``columns`` found it in the header) in ``row``;
    a dash that only fills the cell (``—``) is no text."""
    i = named.get(key)
    text = row[i].strip() if i is not None and i < len(row) else ""
    return "" if not text.strip("-–—") else text


def columns(header: tuple[str, ...], vocabulary: dict[str, Collection[str]]) -> dict[str, int]:
    """Which column of a table is which: ``vocabulary`` maps a key (``name``, ``owner``…) to
    the header words that name it; each column counts for the first key it names."""
    found: dict[str, int] = {}
    for i, heading in enumerate(header):
        low = heading.strip().strip("*:").lower()
        key = next((k for k, words in vocabulary.items() if k not in found and low in words), None)
        if key:
            found[key] = i
    return found

