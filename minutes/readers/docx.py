"""DOCX minutes -> ``Block``s in body order, paragraphs and tables alike.

::

    check_package(data)                     # zip sanity before any XML is parsed
    document = read_docx(data, source)      # Document of Blocks; origin = body index

The package is checked from its zip directory first (a real zip, ``word/document.xml``
present, not too large unpacked, no absurd compression ratio: decided from
``ZipInfo`` before anything is inflated), then every XML part is scanned for
``<!DOCTYPE``/``<!ENTITY`` (entities are never expanded), and only then does
python-docx (imported here, lazily) open it.

What the blocks say:

- Body elements are numbered from 0 in order, tables counting as one; content
  controls (``w:sdt``) are looked into. ``Origin(paragraph=i)``.
- ``heading`` from the paragraph's outline level or its style chain: "Heading N" and
  its localised names (Otsikko N, Rubrik N, Überschrift N, …), styles based on them and
  styles with ``w:outlineLvl``. A **Title** style ("Title", "Otsikko", "Rubrik") is a
  heading of level 0: the document's title, above the level 1 headings.
- ``list_item`` for Word's automatic numbering (``w:numPr`` on the paragraph or its
  style): ``level`` = ``w:ilvl``, ``number`` rebuilt from the numbering part ("3",
  "2.1", "b"; ``None`` for bullets). A numbered heading stays a heading and gets the
  number too. Numbers typed into the text stay in the text of a ``paragraph``.
- ``table``: ``rows`` by grid column; a horizontally merged cell's text stands in its
  first column and ``""`` in the columns it spans; a vertically merged continuation is
  ``""``. A cell's paragraphs are joined with ``"\\n"`` (a numbered one keeps its
  label, as Word shows it).
- A **layout table** (one that holds tables in its cells, as templates frame their
  header and action tables, or a single cell boxing some text) is no table: what its
  cells hold is read as if it stood in the body, row by row, nested tables as tables,
  headings and lists as themselves, all with the layout table's origin.
- Text is read from the runs themselves: tracked insertions count, deletions and
  hidden text and content controls still showing their placeholder do not; ``w:br``
  -> ``"\\n"``, ``w:tab`` -> ``"\\t"``. Headers, footers, footnotes and comments are not
  read (a stale date in a page header loses to the body's).
- A **text box** (a title, a date or a field drawn in a box) is read after the paragraph
  it is anchored in, its paragraphs and tables as blocks of their own.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from minutes.model import Block, Document, Origin, SourceFile, UnreadableMinutes
from minutes.readers.numbering import ListCounters, ListDefinitions, ListLabel
from minutes.readers.text import clean_text

__all__ = ["MAX_PART_RATIO", "MAX_UNPACKED_BYTES", "check_package", "read_docx"]

MB = 1024 * 1024
MAX_UNPACKED_BYTES = 200 * MB
MAX_PART_RATIO = 200  # uncompressed : compressed, for parts above RATIO_FLOOR_BYTES
RATIO_FLOOR_BYTES = 1 * MB
MAX_PARTS = 5000
MAIN_PART = "word/document.xml"
MAX_COLUMNS = 63  # Word's own limit; a larger gridSpan in a file is damage or malice

_SCAN_CHUNK = 64 * 1024
_FORBIDDEN_MARKUP = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(map(len, _FORBIDDEN_MARKUP)) - 1
_ZIP_ERRORS = (
    zlib.error, EOFError, OSError, struct.error, NotImplementedError, RuntimeError, ValueError,
    OverflowError,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
W_P, W_TBL, W_TR, W_TC, W_T, W_R = W + "p", W + "tbl", W + "tr", W + "tc", W + "t", W + "r"
W_PPR, W_PSTYLE, W_NUMPR = W + "pPr", W + "pStyle", W + "numPr"
_WRAPPERS = frozenset({W + "sdtContent", W + "customXml"})
_TABS = frozenset({W + "tab", W + "ptab"})
_BREAKS = frozenset({W + "br", W + "cr"})
_NOT_TEXT = frozenset(
    W + name
    for name in (
        "pPr", "rPr", "del", "moveFrom", "delText", "instrText", "drawing", "pict",
        "object", "sdtPr", "sdtEndPr", "fldData", "txbxContent",
    )
) | {MC + "Fallback"}
W_SDT, W_SDT_PR = W + "sdt", W + "sdtPr"
_FALSE = frozenset({"0", "false", "off"})
_HEADING_NAME = re.compile(
    r"(?:heading|otsikko|rubrik|overskrift|[üu]berschrift|titre|titolo|t[íi]tulo|kop"
    r"|nag[łl][óo]wek)\s*([1-9])",
    re.I,
)
_TITLE_NAME = re.compile(r"title|otsikko|rubrik|tittel|titel|titre|titolo|t[íi]tulo", re.I)
_UI_NAME = re.compile(r"heading [1-9]|caption|header|footer")


# --- the package ------------------------------------------------------------------


def check_package(data: bytes) -> None:
    """Refuse a DOCX that is not a sound, safe zip of WordprocessingML parts; decide
    sizes from the zip directory and never inflate more than the XML parts it
    allows (each scanned, in chunks, for entity declarations)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_directory(infos)
            for info in infos:
                if info.filename.lower().endswith((".xml", ".rels")):
                    _check_xml_part(archive, info)
            if _main_part(archive) is None:
                raise UnreadableMinutes(_other_zip({info.filename for info in infos}))
    except UnreadableMinutes:
        raise
    except zipfile.BadZipFile as error:
        raise UnreadableMinutes(f"truncated or damaged DOCX: {_zip_reason(error)}") from error
    except _ZIP_ERRORS as error:
        raise UnreadableMinutes(f"truncated or damaged DOCX: {error}") from error


def _check_directory(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_PARTS:
        raise UnreadableMinutes(f"DOCX has too many parts ({len(infos)} > {MAX_PARTS})")
    if any(info.flag_bits & 0x1 for info in infos):
        raise UnreadableMinutes("a password-protected zip, not a DOCX")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED_BYTES:
        raise UnreadableMinutes(
            f"DOCX too large when unpacked ({total / MB:.0f} MB > {MAX_UNPACKED_BYTES // MB} MB)"
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > MAX_PART_RATIO:
            raise UnreadableMinutes(
                f"DOCX part {info.filename} would unpack to {ratio:.0f} times its size"
                " (a zip bomb?)"
            )


_OFFICE_DOCUMENT = re.compile(
    rb'<Relationship\b[^>]*\bType="[^"]*/officeDocument"[^>]*\bTarget="/?(?P<target>[^"]+)"'
    rb'|<Relationship\b[^>]*\bTarget="/?(?P<first>[^"]+)"[^>]*\bType="[^"]*/officeDocument"'
)


def _main_part(archive: zipfile.ZipFile) -> str | None:
    """The part the package's relationships name as its document (``word/document.xml``;
    Word on the web saves ``word/document2.xml``), if the zip holds it."""
    names = set(archive.namelist())
    if "_rels/.rels" not in names:
        return MAIN_PART if MAIN_PART in names else None
    match = _OFFICE_DOCUMENT.search(archive.read("_rels/.rels"))  # small, scanned above
    target = (match["target"] or match["first"]).decode("utf-8", "replace") if match else MAIN_PART
    return target if target in names else None


def _other_zip(names: set[str]) -> str:
    if "content.xml" in names and "mimetype" in names:
        return "an OpenDocument file, not a DOCX: save it as .docx"
    if "xl/workbook.xml" in names:
        return "an Excel workbook, not a DOCX"
    if "ppt/presentation.xml" in names:
        return "a PowerPoint file, not a DOCX"
    return f"a zip file with no Word document part ({MAIN_PART}), not a DOCX"


def _check_xml_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Scan one XML part's raw bytes, chunk by chunk, for a DTD or an entity."""
    tail = b""
    try:
        with archive.open(info) as part:
            while chunk := part.read(_SCAN_CHUNK):
                window = tail + chunk
                if any(marker in window for marker in _FORBIDDEN_MARKUP):
                    raise UnreadableMinutes(
                        f"XML entity declarations are not allowed ({info.filename} has a DTD)"
                    )
                tail = window[-_OVERLAP:]
    except UnreadableMinutes:
        raise
    except (zipfile.BadZipFile, *_ZIP_ERRORS) as error:
        message = f"truncated or damaged DOCX: {info.filename} does not unpack"
        raise UnreadableMinutes(message) from error


def _zip_reason(error: zipfile.BadZipFile) -> str:
    if "not a zip file" in str(error):
        return "its zip directory is missing (cut short?)"
    return str(error)


def _open(data: bytes):
    import docx  # lazily: python-docx costs import time only when a DOCX is read

    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as error:
        if "not a Word file" in str(error):
            content_type = str(error).rpartition("content type is ")[2].strip("'")
            raise UnreadableMinutes(f"not a Word document (content type {content_type})") from error
        raise UnreadableMinutes(f"damaged DOCX: {_first_line(error)}") from error
    except Exception as error:  # python-docx and lxml have many ways to fail on damage
        raise UnreadableMinutes(f"damaged DOCX: {_first_line(error)}") from error


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def read_docx(data: bytes, source: SourceFile) -> Document:
    """The blocks of a DOCX file's bytes; ``UnreadableMinutes`` for what cannot be read."""
    check_package(data)
    document = _open(data)
    styles_element, numbering_element = _styles_and_numbering(document)
    styles = StyleSheet.from_element(styles_element)
    definitions = ListDefinitions.from_element(numbering_element, styles.numbering_styles())
    reader = BodyReader(styles, ListCounters(definitions))
    blocks = tuple(reader.blocks(document.element.body))
    if not blocks:
        raise UnreadableMinutes("no text in the DOCX")
    return Document(blocks, source)


def _styles_and_numbering(document) -> tuple:
    """The ``w:styles`` and ``w:numbering`` elements, ``None`` where a part is missing
    (looked up without python-docx's habit of adding default parts)."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    def element(relationship_type: str):
        try:
            return document.part.part_related_by(relationship_type).element
        except (KeyError, AttributeError):
            return None

    return element(RELATIONSHIP_TYPE.STYLES), element(RELATIONSHIP_TYPE.NUMBERING)


# --- styles -----------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """What the reader needs of one ``w:style``."""

    id: str
    name: str
    type: str
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline_level: int | None = None


@dataclass(frozen=True)
class StyleSheet:
    """The styles part, read once: styles by id and the default paragraph style."""

    styles: dict[str, Style]
    default_paragraph: str | None = None

    @classmethod
    def from_element(cls, element) -> StyleSheet:
        if element is None:
            return cls({})
        styles, default = {}, None
        for node in element.iterchildren(W + "style"):
            style = _style(node)
            if style is None:
                continue
            styles[style.id] = style
            if style.type == "paragraph" and node.get(W + "default") in ("1", "true", "on"):
                default = style.id
        return cls(styles, default)

    def chain(self, style_id: str | None) -> Iterator[Style]:
        """The style and those it is based on, nearest first (loops cut)."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = style.based_on

    def name(self, style_id: str | None) -> str | None:
        style = self.styles.get(style_id or "")
        return style.name if style else None

    def heading_level(self, style_id: str | None, outline_level: int | None) -> int | None:
        """0 for a title, 1.. for headings, ``None`` for body text."""
        if outline_level is not None:
            return outline_level + 1 if outline_level < 9 else None
        for style in self.chain(style_id):
            for name in (style.name, style.id):
                if _TITLE_NAME.fullmatch(name):
                    return 0
                if heading := _HEADING_NAME.fullmatch(name):
                    return int(heading.group(1))
            if style.outline_level is not None:
                return style.outline_level + 1 if style.outline_level < 9 else None
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """The list (``numId``, ``ilvl``) a paragraph style puts its paragraphs in."""
        for style in self.chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None, None

    def numbering_styles(self) -> dict[str, str]:
        """Numbering styles' ids -> their ``numId`` (for ``w:numStyleLink``)."""
        return {
            style.id: style.num_id
            for style in self.styles.values()
            if style.type == "numbering" and style.num_id is not None
        }


def _style(node) -> Style | None:
    style_id = node.get(W + "styleId")
    if not style_id:
        return None
    name = _val(node.find(W + "name")) or style_id
    properties = node.find(W_PPR)
    num_pr = properties.find(W_NUMPR) if properties is not None else None
    outline = properties.find(W + "outlineLvl") if properties is not None else None
    return Style(
        id=style_id,
        name=name[:1].upper() + name[1:] if _UI_NAME.fullmatch(name) else name,
        type=node.get(W + "type") or "paragraph",
        based_on=_val(node.find(W + "basedOn")),
        num_id=_val(num_pr.find(W + "numId")) if num_pr is not None else None,
        ilvl=_int(_val(num_pr.find(W + "ilvl"))) if num_pr is not None else None,
        outline_level=_int(_val(outline)),
    )


# --- the body ---------------------------------------------------------------------


class BodyReader:
    """Turns body elements into blocks; holds the list counters of one document."""

    def __init__(self, styles: StyleSheet, counters: ListCounters) -> None:
        self._styles = styles
        self._counters = counters
        self._definitions = counters.definitions

    def blocks(self, body) -> Iterator[Block]:
        if body is None:
            return
        for index, element in enumerate(_children(body, (W_P, W_TBL))):
            yield from self._element(element, Origin(paragraph=index))

    def _element(self, element, origin: Origin) -> Iterator[Block]:
        """The blocks of a body paragraph (then of the text boxes anchored in it) or
        table; a layout table gives the blocks of what its cells hold, row by row, as if
        they stood in the body."""
        if element.tag == W_P:
            block = self._paragraph(element, origin)
            if block is not None:
                yield block
            for box in _text_boxes(element):  # a title or a header field drawn in a box
                for inner in _children(box, (W_P, W_TBL)):
                    yield from self._element(inner, origin)
            return
        if _is_layout(element):
            for tr in _children(element, (W_TR,)):
                for tc in _children(tr, (W_TC,)):
                    for inner in _children(tc, (W_P, W_TBL)):
                        yield from self._element(inner, origin)
            return
        block = self._table(element, origin)
        if block is not None:
            yield block

    def _paragraph(self, p, origin: Origin) -> Block | None:
        properties = p.find(W_PPR)
        style_id = self._style_id(properties)
        label, ilvl = self._list_label(properties, style_id)
        text = clean_text(paragraph_text(p))
        if not text:
            return None
        style = self._styles.name(style_id)
        number = label.number if label else None
        outline = _int(_val(properties.find(W + "outlineLvl"))) if properties is not None else None
        heading = self._styles.heading_level(style_id, outline)
        if heading is not None:
            return Block("heading", text, origin, level=heading, number=number, style=style)
        if label is not None:
            return Block("list_item", text, origin, level=ilvl, number=number, style=style)
        return Block("paragraph", text, origin, style=style)

    def _list_label(self, properties, style_id: str | None) -> tuple[ListLabel | None, int]:
        """Advance the paragraph's list, if it is in one, and return its label."""
        num_pr = properties.find(W_NUMPR) if properties is not None else None
        num_id = _val(num_pr.find(W + "numId")) if num_pr is not None else None
        ilvl = _int(_val(num_pr.find(W + "ilvl"))) if num_pr is not None else None
        style_num_id, style_ilvl = self._styles.numbering(style_id)
        if num_id is None:
            num_id = style_num_id
            ilvl = style_ilvl if ilvl is None else ilvl
        if num_id is None or num_id == "0":  # numId 0: explicitly no list
            return None, 0
        if ilvl is None and style_id:
            ilvl = self._definitions.level_of_style(num_id, style_id)
        ilvl = min(max(ilvl or 0, 0), 8)
        return self._counters.advance(num_id, ilvl), ilvl

    def _style_id(self, properties) -> str | None:
        style_id = _val(properties.find(W_PSTYLE)) if properties is not None else None
        return style_id or self._styles.default_paragraph

    def _table(self, tbl, origin: Origin) -> Block | None:
        rows = self._rows(tbl)
        if not any(cell for row in rows for cell in row):
            return None
        text = "\n".join("\t".join(row) for row in rows)
        properties = tbl.find(W + "tblPr")
        style_id = _val(properties.find(W + "tblStyle")) if properties is not None else None
        return Block("table", text, origin, style=self._styles.name(style_id), rows=rows)

    def _rows(self, tbl) -> tuple[tuple[str, ...], ...]:
        rows = [self._row(tr) for tr in _children(tbl, (W_TR,))]
        width = max(map(len, rows), default=0)
        return tuple(tuple(row) + ("",) * (width - len(row)) for row in rows)

    def _row(self, tr) -> list[str]:
        properties = tr.find(W + "trPr")
        before = _int(_val(properties.find(W + "gridBefore"))) if properties is not None else None
        cells = [""] * (_columns(before) if before else 0)
        for tc in _children(tr, (W_TC,)):
            properties = tc.find(W + "tcPr")
            span = _int(_val(properties.find(W + "gridSpan"))) if properties is not None else None
            merge = properties.find(W + "vMerge") if properties is not None else None
            continued = merge is not None and _val(merge) != "restart"
            cells.append("" if continued else self._cell_text(tc))
            cells.extend([""] * (_columns(span or 1) - 1))
        return cells

    def _cell_text(self, tc) -> str:
        """A data cell's paragraphs, one a line (a table that holds tables is a layout
        table, read by ``_element``)."""
        texts = (self._cell_paragraph(p) for p in _children(tc, (W_P,)))
        return "\n".join(text for text in texts if text)

    def _cell_paragraph(self, p) -> str:
        properties = p.find(W_PPR)
        label, _ = self._list_label(properties, self._style_id(properties))
        text = clean_text(paragraph_text(p))
        if text and label is not None and not label.bullet and label.text.strip():
            return f"{clean_text(label.text)} {text}"
        return text


def _is_layout(tbl) -> bool:
    """A table that lays out the page rather than holding data: one that holds tables
    in its cells (a template's frame around its header and action tables), or a
    single cell (a box around text)."""
    rows = list(_children(tbl, (W_TR,)))
    cells = [tc for tr in rows for tc in _children(tr, (W_TC,))]
    if len(cells) == 1:
        return True
    return any(inner.tag == W_TBL for tc in cells for inner in _children(tc, (W_P, W_TBL)))


def _columns(count: int) -> int:
    """A column count from the file, kept within what Word can make (1..63)."""
    return min(max(count, 1), MAX_COLUMNS)


def _children(parent, tags: tuple[str, ...]) -> Iterator:
    """Children of ``parent`` with one of ``tags``, looking into content controls."""
    for child in parent.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS or (child.tag == W_SDT and not _placeholder(child)):
            yield from _children(child, tags)


def _text_boxes(p) -> Iterator:
    """The text boxes anchored in paragraph ``p``: a drawing's, not the copy Word keeps
    beside it for older readers (``mc:Fallback``), nor a box inside another box (read
    with the paragraphs of the box it stands in)."""
    for box in p.iter(W + "txbxContent"):
        above = []
        for ancestor in box.iterancestors():
            if ancestor is p:
                break
            above.append(ancestor.tag)
        if MC + "Fallback" not in above and W + "txbxContent" not in above:
            yield box


def paragraph_text(p) -> str:
    """A paragraph's text as Word shows it: runs, also inside hyperlinks, fields,
    content controls and tracked insertions; tabs and breaks as ``\\t`` and ``\\n``."""
    parts: list[str] = []
    _collect_text(p, parts)
    return "".join(parts)


def _collect_text(element, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _NOT_TEXT:
            continue
        if tag == W_T:
            parts.append(child.text or "")
        elif tag in _TABS:
            parts.append("\t")
        elif tag in _BREAKS:
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W_R and _hidden(child) or tag == W_SDT and _placeholder(child):
            continue
        else:
            _collect_text(child, parts)


def _hidden(run) -> bool:
    properties = run.find(W + "rPr")
    vanish = properties.find(W + "vanish") if properties is not None else None
    return vanish is not None and _val(vanish) not in _FALSE


def _placeholder(sdt) -> bool:
    """A content control still showing its placeholder ("Click to enter a date")."""
    properties = sdt.find(W_SDT_PR)
    return properties is not None and properties.find(W + "showingPlcHdr") is not None


def _val(element) -> str | None:
    return element.get(W + "val") if element is not None else None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
