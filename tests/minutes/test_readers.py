"""The readers: DOCX and text files -> Documents of Blocks (kinds, levels, numbers,
table cells, origins, encodings, Markdown)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from minutes.model import Origin
from minutes.readers import read, read_text
from minutes.readers.numbering import format_counter

ROOT = Path(__file__).resolve().parents[2]

# --- building DOCX files ----------------------------------------------------------


def add_list_definition(document, num_id: int, levels, start_overrides=None) -> None:
    """A custom abstract numbering definition and one ``w:num`` pointing at it.

    ``levels`` is a list of (start, numFmt, lvlText), one per ilvl from 0."""
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for ilvl, (start, fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">{lvls}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    add_list_instance(document, num_id, num_id, start_overrides)


def add_list_instance(document, num_id: int, abstract_id: int, start_overrides=None) -> None:
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (start_overrides or {}).items()
    )
    document.part.numbering_part.element.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
        )
    )


def add_numbered(document, text: str, num_id: int, ilvl: int = 0):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


def save(document, path: Path) -> Path:
    document.save(str(path))
    return path


def texts(blocks, kind: str | None = None) -> list[str]:
    return [b.text for b in blocks if kind is None or b.kind == kind]


# --- DOCX: headings ---------------------------------------------------------------


def test_docx_title_and_headings(tmp_path):
    document = docx.Document()
    document.add_heading("Verkoston kokous", 0)
    document.add_heading("Osallistujat", 1)
    document.add_heading("Talous", 2)
    document.add_paragraph("Budjetti hyväksyttiin.")
    blocks = read(save(document, tmp_path / "m.docx")).blocks

    assert [(b.kind, b.level, b.text) for b in blocks] == [
        ("heading", 0, "Verkoston kokous"),
        ("heading", 1, "Osallistujat"),
        ("heading", 2, "Talous"),
        ("paragraph", 0, "Budjetti hyväksyttiin."),
    ]
    assert blocks[0].style == "Title"
    assert blocks[1].style == "Heading 1"


def test_docx_heading_from_localised_name_based_on_chain_and_outline_level(tmp_path):
    document = docx.Document()
    finnish = document.styles.add_style("Otsikko 2", WD_STYLE_TYPE.PARAGRAPH)
    item = document.styles.add_style("Agenda Item", WD_STYLE_TYPE.PARAGRAPH)
    item.base_style = document.styles["Heading 3"]
    outlined = document.styles.add_style("Section Line", WD_STYLE_TYPE.PARAGRAPH)
    outlined.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="3"/>'))
    document.add_paragraph("Talous", style=finnish)
    document.add_paragraph("Seuraava kokous", style=item)
    document.add_paragraph("Liitteet", style=outlined)
    direct = document.add_paragraph("Muut asiat")
    direct._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="0"/>'))
    result = read(save(document, tmp_path / "m.docx"))

    assert [(b.kind, b.level) for b in result.blocks] == [
        ("heading", 2),
        ("heading", 3),
        ("heading", 4),
        ("heading", 1),
    ]


# --- DOCX: Word list numbering ----------------------------------------------------


def test_docx_list_number_style_is_numbered_by_word(tmp_path):
    document = docx.Document()
    document.add_paragraph("Esityslista")
    for text in ("Kokouksen avaus", "Talous", "Muut asiat"):
        document.add_paragraph(text, style="List Number")
    blocks = read(save(document, tmp_path / "m.docx")).blocks

    items = [b for b in blocks if b.kind == "list_item"]
    assert [(b.text, b.number, b.level) for b in items] == [
        ("Kokouksen avaus", "1", 0),
        ("Talous", "2", 0),
        ("Muut asiat", "3", 0),
    ]
    assert blocks[0].kind == "paragraph" and blocks[0].number is None


def test_docx_explicit_numbering_with_start_value_and_nested_levels(tmp_path):
    document = docx.Document()
    add_list_definition(document, 70, [(3, "decimal", "%1."), (1, "decimal", "%1.%2.")])
    add_list_definition(document, 71, [(1, "upperRoman", "%1."), (1, "lowerLetter", "%2)")])
    add_numbered(document, "Talous", 70, 0)
    add_numbered(document, "Tilinpäätös", 70, 1)
    add_numbered(document, "Budjetti", 70, 1)
    add_numbered(document, "Hankkeet", 70, 0)
    add_numbered(document, "Uusi haku", 70, 1)
    add_numbered(document, "Yleistä", 71, 0)
    add_numbered(document, "ensin", 71, 1)
    add_numbered(document, "sitten", 71, 1)
    add_numbered(document, "Lopuksi", 71, 0)
    blocks = read(save(document, tmp_path / "m.docx")).blocks

    assert [(b.number, b.level) for b in blocks] == [
        ("3", 0), ("3.1", 1), ("3.2", 1), ("4", 0), ("4.1", 1),
        ("I", 0), ("a", 1), ("b", 1), ("II", 0),
    ]
    assert all(b.kind == "list_item" for b in blocks)
    assert blocks[1].text == "Tilinpäätös"


def test_docx_start_override_restarts_a_shared_definition(tmp_path):
    document = docx.Document()
    add_list_definition(document, 80, [(1, "decimal", "%1.")])
    add_list_instance(document, 81, 80, start_overrides={0: 1})
    add_numbered(document, "a", 80)
    add_numbered(document, "b", 80)
    add_numbered(document, "c", 81)
    add_numbered(document, "d", 81)
    add_numbered(document, "e", 80)
    blocks = read(save(document, tmp_path / "m.docx")).blocks

    assert [b.number for b in blocks] == ["1", "2", "1", "2", "3"]


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (3, "decimal", "3"),
        (3, "decimalZero", "03"),
        (2, "lowerLetter", "b"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (4, "lowerRoman", "iv"),
        (1994, "upperRoman", "MCMXCIV"),
        (5, "chineseCounting", "5"),
    ],
)
def test_word_number_formats(value, number_format, expected):
    assert format_counter(value, number_format) == expected


def test_docx_bullets_are_list_items_without_number(tmp_path):
    document = docx.Document()
    document.add_paragraph("Kahvi", style="List Bullet")
    document.add_paragraph("Pulla", style="List Bullet")
    blocks = read(save(document, tmp_path / "m.docx")).blocks

    assert [(b.kind, b.number, b.text) for b in blocks] == [
        ("list_item", None, "Kahvi"),
        ("list_item", None, "Pulla"),
    ]


def test_docx_typed_number_stays_a_paragraph_with_its_text(tmp_path):
    document = docx.Document()
    document.add_paragraph("3. Talous")
    (block,) = read(save(document, tmp_path / "m.docx")).blocks

    assert (block.kind, block.text, block.number) == ("paragraph", "3. Talous", None)


def test_docx_numbered_heading_keeps_its_number(tmp_path):
    document = docx.Document()
    add_list_definition(document, 90, [(1, "decimal", "%1.")])
    heading = document.add_heading("Kokouksen avaus", 1)
    heading._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
    )
    (block,) = read(save(document, tmp_path / "m.docx")).blocks

    assert (block.kind, block.level, block.number) == ("heading", 1, "1")


# --- DOCX: tables and order -------------------------------------------------------


def test_docx_table_with_merged_cells(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(("abc", "def", "ghi")):
        for c, letter in enumerate(row):
            table.cell(r, c).text = letter
    merged_across = table.cell(0, 0).merge(table.cell(0, 1))
    merged_down = table.cell(1, 2).merge(table.cell(2, 2))
    merged_across.text = "Tehtävä"
    merged_down.text = "Vastuu"
    (block,) = read(save(document, tmp_path / "m.docx")).blocks

    assert block.kind == "table"
    assert block.rows == (
        ("Tehtävä", "", "c"),
        ("d", "e", "Vastuu"),
        ("g", "h", ""),
    )
    assert block.text == "Tehtävä\t\tc\nd\te\tVastuu\ng\th\t"


def test_docx_cell_paragraphs_joined(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    cell = table.cell(0, 0)
    cell.text = "Osallistujat"
    cell.add_paragraph("")
    cell.add_paragraph("Inga")
    table.cell(0, 1).text = "x"
    (block,) = read(save(document, tmp_path / "m.docx")).blocks

    assert block.rows == (("Osallistujat\nInga", "x"),)


def test_docx_layout_table_is_read_as_the_blocks_it_holds(tmp_path):
    """A template's frame: a table whose cells hold a heading, a form table, a list and
    another frame with the action table; what it holds reads as if it stood in the body."""
    document = docx.Document()
    document.add_paragraph("Ennen")
    frame = document.add_table(rows=2, cols=1)
    top = frame.cell(0, 0)
    top.paragraphs[0].style = document.styles["Heading 1"]
    top.paragraphs[0].add_run("Kerhon kokous")
    form = top.add_table(rows=2, cols=2)
    for r, (label, value) in enumerate((("Aika", "3.2.2026"), ("Läsnä", "Anna Virtanen"))):
        form.cell(r, 0).text, form.cell(r, 1).text = label, value
    bottom = frame.cell(1, 0)
    bottom.paragraphs[0].style = document.styles["List Number"]
    bottom.paragraphs[0].add_run("Avaus")
    inner_frame = bottom.add_table(rows=1, cols=1)
    actions = inner_frame.cell(0, 0).add_table(rows=2, cols=2)
    for r, (task, owner) in enumerate((("Tehtävä", "Vastuu"), ("Tilaa kahvit", "Anna"))):
        actions.cell(r, 0).text, actions.cell(r, 1).text = task, owner
    document.add_paragraph("Jälkeen")
    blocks = read(save(document, tmp_path / "m.docx")).blocks

    assert [(b.kind, b.text) for b in blocks if b.kind != "table"] == [
        ("paragraph", "Ennen"), ("heading", "Kerhon kokous"), ("list_item", "Avaus"),
        ("paragraph", "Jälkeen"),
    ]
    tables = [b.rows for b in blocks if b.kind == "table"]
    assert tables == [(("Aika", "3.2.2026"), ("Läsnä", "Anna Virtanen")),
                      (("Tehtävä", "Vastuu"), ("Tilaa kahvit", "Anna"))]
    assert blocks[2].origin == blocks[3].origin == Origin(paragraph=1)
    assert blocks[3].number == "1"


def test_docx_a_single_cell_is_a_box_around_its_text(tmp_path):
    document = docx.Document()
    box = document.add_table(rows=1, cols=1).cell(0, 0)
    box.text = "Läsnä: Anna Virtanen"
    box.add_paragraph("Paikka: Kerhohuone")
    blocks = read(save(document, tmp_path / "m.docx")).blocks

    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Läsnä: Anna Virtanen"), ("paragraph", "Paikka: Kerhohuone")]


def test_docx_body_order_and_origins(tmp_path):
    document = docx.Document()
    document.add_paragraph("Ennen taulukkoa")
    document.add_paragraph("")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Anna"
    table.cell(0, 1).text = "21.2"
    document.add_paragraph("Taulukon jälkeen")
    blocks = read(save(document, tmp_path / "m.docx")).blocks

    assert [b.kind for b in blocks] == ["paragraph", "table", "paragraph"]
    assert [b.origin.paragraph for b in blocks] == [0, 2, 3]
    assert all(b.origin == Origin(paragraph=b.origin.paragraph) for b in blocks)


def test_docx_list_inside_a_table_cell_shows_its_label(tmp_path):
    document = docx.Document()
    document.add_paragraph("Avaus", style="List Number")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).paragraphs[0].style = document.styles["List Number"]
    table.cell(0, 0).paragraphs[0].add_run("Talous")
    table.cell(0, 1).text = "Liisa"
    document.add_paragraph("Muut", style="List Number")
    blocks = read(save(document, tmp_path / "m.docx")).blocks

    assert blocks[1].rows == (("2. Talous", "Liisa"),)
    assert blocks[2].number == "3"


# --- DOCX: text inside a paragraph ------------------------------------------------


def test_docx_tabs_line_breaks_and_spaces(tmp_path):
    document = docx.Document()
    document.add_paragraph("Joonas\tBerglund\tNorthwind Studio")
    paragraph = document.add_paragraph("Aika:\u00a012.11.2025   ")
    paragraph.add_run().add_break()
    paragraph.add_run("Paikka: Kajaani\u200b")
    blocks = read(save(document, tmp_path / "m.docx")).blocks

    assert texts(blocks) == [
        "Joonas\tBerglund\tNorthwind Studio",
        "Aika: 12.11.2025\nPaikka: Kajaani",
    ]


def test_docx_tracked_changes_and_hidden_text(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("Hyväksyttiin ")
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t>muutoksitta</w:t></w:r></w:ins>'
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r>'
            "<w:delText> ja poistettu</w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vanish/></w:rPr><w:t> piilossa</w:t></w:r>')
    )
    paragraph._p.append(
        parse_xml(f'<w:hyperlink {nsdecls("w")}><w:r><w:t>.</w:t></w:r></w:hyperlink>')
    )
    (block,) = read(save(document, tmp_path / "m.docx")).blocks

    assert block.text == "Hyväksyttiin muutoksitta."


def test_docx_content_controls_are_read_unless_showing_a_placeholder(tmp_path):
    document = docx.Document()
    body = document.element.body
    sdt = (
        '<w:sdt {ns}><w:sdtPr>{extra}</w:sdtPr><w:sdtContent><w:p><w:r><w:t>{text}</w:t>'
        "</w:r></w:p></w:sdtContent></w:sdt>"
    )
    body.insert(0, parse_xml(sdt.format(ns=nsdecls("w"), extra="", text="Aika: 12.11.2025")))
    placeholder = sdt.format(ns=nsdecls("w"), extra="<w:showingPlcHdr/>", text="Kirjoita paikka")
    body.insert(1, parse_xml(placeholder))
    paragraph = document.add_paragraph("Paikka: ")
    paragraph._p.append(
        parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtContent><w:r><w:t>Kajaani</w:t></w:r>'
            "</w:sdtContent></w:sdt>"
        )
    )
    blocks = read(save(document, tmp_path / "m.docx")).blocks

    assert texts(blocks) == ["Aika: 12.11.2025", "Paikka: Kajaani"]


# --- DOCX: which file is a DOCX ---------------------------------------------------


@pytest.mark.parametrize("name", ["MUISTIO.DOCX", "muistio.txt", "muistio"])
def test_docx_is_sniffed_not_named(tmp_path, name):
    document = docx.Document()
    document.add_paragraph("Muistio")
    path = save(document, tmp_path / name)
    result = read(path)

    assert result.source.format == "docx"
    assert result.source.path == str(path)
    assert result.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert texts(result.blocks) == ["Muistio"]


# --- text: encodings and lines ----------------------------------------------------

FINNISH = "Päätös: budjetti 5 € hyväksyttiin\nTyö jatkuu – Ölli vastaa"


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda s: s.encode("utf-8"), id="utf-8"),
        pytest.param(lambda s: s.encode("utf-8-sig"), id="utf-8-bom"),
        pytest.param(lambda s: b"\xff\xfe" + s.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(lambda s: b"\xfe\xff" + s.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(lambda s: s.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(lambda s: s.encode("cp1252"), id="cp1252"),
        pytest.param(lambda s: s.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(lambda s: s.replace("\n", "\r").encode("cp1252"), id="cr-cp1252"),
    ],
)
def test_text_encodings(tmp_path, encode):
    path = tmp_path / "muistio.txt"
    path.write_bytes(encode(FINNISH))
    result = read(path)

    assert texts(result.blocks) == FINNISH.split("\n")
    assert [b.origin.line for b in result.blocks] == [1, 2]
    assert result.source.format == "text"


def test_latin1_when_cp1252_cannot_decode(tmp_path):
    path = tmp_path / "muistio.txt"
    path.write_bytes("Läsnä: Åsa Öberg, puheenjohtaja".encode("latin-1") + b"\x81")
    (block,) = read(path).blocks

    assert block.text == "Läsnä: Åsa Öberg, puheenjohtaja"


def test_text_lines_keep_their_line_numbers_and_skip_blanks():
    document = read_text("\nMUISTIO\n\n   \nAika: 12.11.2025\n\n\nPaikka: Kajaani\n")

    assert [(b.origin.line, b.text) for b in document.blocks] == [
        (2, "MUISTIO"),
        (5, "Aika: 12.11.2025"),
        (8, "Paikka: Kajaani"),
    ]
    assert {b.kind for b in document.blocks} == {"paragraph"}


def test_read_text_records_path_and_sha256():
    text = "Muistio\nAika: 1.2.2025"
    document = read_text(text, path="muistio.md")

    assert document.source.path == "muistio.md"
    assert document.source.format == "text"
    assert document.source.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_tab_separated_columns_stay():
    (block,) = read_text("Oona\tKettunen\tPohjois-Savon kehittämisyhtiö  ").blocks

    assert block.text == "Oona\tKettunen\tPohjois-Savon kehittämisyhtiö"


# --- text: Markdown ---------------------------------------------------------------


def test_markdown_headings():
    document = read_text(
        "# Muistio\n## Osallistujat ##\n### 3. Talous\n#action Anna\n####### seven"
    )

    assert [(b.kind, b.level, b.text) for b in document.blocks] == [
        ("heading", 1, "Muistio"),
        ("heading", 2, "Osallistujat"),
        ("heading", 3, "3. Talous"),
        ("paragraph", 0, "#action Anna"),
        ("paragraph", 0, "####### seven"),
    ]


def test_underlined_headings():
    document = read_text("MUISTIO\n=======\n\nKokous\n------\ntext\n\n---\n")

    assert [(b.kind, b.level, b.text) for b in document.blocks] == [
        ("heading", 1, "MUISTIO"),
        ("heading", 2, "Kokous"),
        ("paragraph", 0, "text"),
    ]


def test_bullets_with_nesting():
    document = read_text(
        "- Talous\n  - budjetti\n    * tilinpäätös\n  + haku\n• Muut\n\t– alakohta\n ▪ kolmas"
    )

    assert [(b.kind, b.level, b.number, b.text) for b in document.blocks] == [
        ("list_item", 0, None, "Talous"),
        ("list_item", 1, None, "budjetti"),
        ("list_item", 2, None, "tilinpäätös"),
        ("list_item", 1, None, "haku"),
        ("list_item", 0, None, "Muut"),
        ("list_item", 1, None, "alakohta"),
        ("list_item", 0, None, "kolmas"),
    ]


def test_four_space_markdown_nesting_counts_levels_not_spaces():
    document = read_text("- a\n    - b\n        - c\n    - d\n- e")

    assert [b.level for b in document.blocks] == [0, 1, 2, 1, 0]


def test_task_box_stays_and_typed_numbers_stay_paragraphs():
    document = read_text("- [ ] @sam do X\n* [x] done\n1. Avaus\n2) Talous\na) kohta\n3 * 4 = 12")

    assert [(b.kind, b.text) for b in document.blocks] == [
        ("list_item", "[ ] @sam do X"),
        ("list_item", "[x] done"),
        ("paragraph", "1. Avaus"),
        ("paragraph", "2) Talous"),
        ("paragraph", "a) kohta"),
        ("paragraph", "3 * 4 = 12"),
    ]


def test_pipe_table_is_one_block():
    text = (
        "Toimenpiteet\n\n"
        "| Tehtävä | Vastuu | Aikataulu |\n"
        "|---|:---:|--:|\n"
        "| Lähetä **kutsu** | Anna | 21.2 |\n"
        "| Varaa tila | Ben |\n"
        "Loppu"
    )
    blocks = read_text(text).blocks

    assert [b.kind for b in blocks] == ["paragraph", "table", "paragraph"]
    table = blocks[1]
    assert table.origin == Origin(line=3)
    assert table.rows == (
        ("Tehtävä", "Vastuu", "Aikataulu"),
        ("Lähetä kutsu", "Anna", "21.2"),
        ("Varaa tila", "Ben", ""),
    )
    assert table.text.split("\n")[1] == "Lähetä kutsu\tAnna\t21.2"
    assert blocks[2].origin == Origin(line=7)


def test_pipes_without_separator_are_paragraphs():
    blocks = read_text("| a | b |\n| c | d |").blocks

    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "| a | b |"),
        ("paragraph", "| c | d |"),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("**Minna:** Mitään ei luvattu", "Minna: Mitään ei luvattu"),
        ("__Päätös__: hyväksyttiin", "Päätös: hyväksyttiin"),
        ("Lapin [yritysstrategian](#) esittely", "Lapin yritysstrategian esittely"),
        ("katso [sivu](https://example.fi/a_b_c) nyt", "katso sivu nyt"),
        ("[](https://example.fi/a_b) ja ![kaavio](kuva_1.png)", "https://example.fi/a_b ja kaavio"),
        ("linkki <https://example.fi/x_y_z> tässä", "linkki https://example.fi/x_y_z tässä"),
        ("osoite https://example.fi/_a_/b*c* jää", "osoite https://example.fi/_a_/b*c* jää"),
        ("Tämä on *tärkeää* ja _kiireellistä_", "Tämä on tärkeää ja kiireellistä"),
        ("snake_case_name ja 5 * 3 * 2", "snake_case_name ja 5 * 3 * 2"),
        ("<b>Vastuu</b>: Anna<br>DL 21.2", "Vastuu: Anna\nDL 21.2"),
        ("Tom&nbsp;&amp;&nbsp;Jerry", "Tom & Jerry"),
        ("R&D ja 5 < 6 > 4", "R&D ja 5 < 6 > 4"),
        ("Aika:\u00a09.00\u202f–\u00a011.30", "Aika: 9.00 – 11.30"),
        ("Nol\u200bla\u00adleveys\ufeff", "Nollaleveys"),
        (r"\*ei korostusta\*", "*ei korostusta*"),
        ("`koodi_*tässä*`", "koodi_*tässä*"),
        ("<!-- kommentti -->Näkyvä", "Näkyvä"),
    ],
)
def test_inline_markup_is_unwrapped(line, expected):
    (block,) = read_text(line).blocks

    assert block.text == expected


def test_front_matter_kept_as_marked_paragraphs():
    document = read_text("---\ntitle: Weekly sync\ndate: 2025-03-01\n---\n# Notes\n")

    assert [(b.kind, b.style, b.text, b.origin.line) for b in document.blocks] == [
        ("paragraph", "front matter", "title: Weekly sync", 2),
        ("paragraph", "front matter", "date: 2025-03-01", 3),
        ("heading", None, "Notes", 5),
    ]


def test_code_fence_lines_kept_as_written():
    document = read_text("Ennen\n```\n**ei** [muutu](x)\n```\nJälkeen")

    assert [(b.text, b.style) for b in document.blocks] == [
        ("Ennen", None),
        ("**ei** [muutu](x)", "code"),
        ("Jälkeen", None),
    ]


def test_quote_markers_are_removed():
    (block,) = read_text("> Anna: lähetän kutsun").blocks

    assert block.text == "Anna: lähetän kutsun"


# --- speed and imports ------------------------------------------------------------


def test_importing_the_readers_does_not_import_python_docx():
    probe = "import sys, minutes.readers; print('docx' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )

    assert result.stdout.strip() == "False"


_BOX = (
    '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:v="urn:schemas-microsoft-com:vml">'
    "<w:r><w:t>Hallituksen kokous</w:t></w:r><w:r><mc:AlternateContent>"
    '<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>{inner}</w:txbxContent>'
    "</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox>"
    "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
)


def test_docx_text_boxes_are_read_once_after_the_paragraph_they_stand_in(tmp_path):
    document = docx.Document()
    inner = "<w:p><w:r><w:t>Aika: 12.11.2025</w:t></w:r></w:p><w:p><w:r><w:t>Paikka: Kajaani</w:t></w:r></w:p>"
    document.element.body.insert(0, parse_xml(_BOX.format(inner=inner)))
    document.add_paragraph("1. Avaus")

    blocks = read(save(document, tmp_path / "m.docx")).blocks

    assert texts(blocks) == ["Hallituksen kokous", "Aika: 12.11.2025", "Paikka: Kajaani", "1. Avaus"]


def test_docx_whose_document_part_has_another_name_is_read(tmp_path):
    """Word on the web saves the body as word/document2.xml; the package's relationships
    say so, as they do for python-docx."""
    document = docx.Document()
    document.add_paragraph("Aika: 12.11.2025")
    plain = save(document, tmp_path / "plain.docx")
    renamed = tmp_path / "web.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(renamed, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename in ("_rels/.rels", "[Content_Types].xml"):
                data = data.replace(b"word/document.xml", b"word/document2.xml")
            name = info.filename.replace("document.xml", "document2.xml")  # and its .rels
            target.writestr(name, data)
    with zipfile.ZipFile(renamed) as archive:
        assert "word/document.xml" not in archive.namelist()

    assert texts(read(renamed).blocks) == ["Aika: 12.11.2025"]
