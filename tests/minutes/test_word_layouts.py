"""Minutes in the shapes Word files take: people in a table with no header row, header
fields in a two-column form, a template's layout tables around its header and action
table. Each is read as the same minutes typed as text would be."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from minutes import parse

PEOPLE = [("Aino", "Rautio", "Tunturikylän kyläyhdistys, puheenjohtaja"),
          ("Eero Juhani", "Kallio", "Pohjoisen kehitys oy"),
          ("Maija", "Lehto", "Kemijoen kunta")]


def save(document, path: Path) -> Path:
    document.save(path)
    return path


BULLETS = 90  # the numId of a bullet list with three levels


def bullet(document, text: str, level: int) -> None:
    """A bullet of a three-level Word list at ``level`` (0 = top)."""
    numbering = document.part.numbering_part.element
    if not any(n.get(qn("w:numId")) == str(BULLETS) for n in numbering.findall(qn("w:num"))):
        levels = "".join(f'<w:lvl w:ilvl="{i}"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>'
                         for i in range(3))
        numbering.find(qn("w:num")).addprevious(parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{BULLETS}">{levels}</w:abstractNum>'))
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{BULLETS}"><w:abstractNumId w:val="{BULLETS}"/></w:num>'))
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{BULLETS}"/></w:numPr>'))


def fill(table, rows) -> None:
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def test_people_in_a_table_without_a_header_row_read_like_their_tab_rows(tmp_path):
    document = docx.Document()
    for text in ("Kyläverkoston kokous", "Aika: 12.3.2026 klo 10–12", "Läsnä:"):
        document.add_paragraph(text)
    fill(document.add_table(rows=3, cols=3), PEOPLE)
    document.add_paragraph("Avaus", style="List Number")
    document.add_paragraph("Muut asiat", style="List Number")
    from_word = parse(save(document, tmp_path / "m.docx"))
    typed = parse("Kyläverkoston kokous\nAika: 12.3.2026 klo 10–12\nLäsnä:\n"
                  + "".join("\t".join(row) + "\n" for row in PEOPLE) + "1. Avaus\n2. Muut asiat\n")

    expected = [("Aino Rautio", "Tunturikylän kyläyhdistys", "puheenjohtaja"),
                ("Eero Juhani Kallio", "Pohjoisen kehitys oy", None),
                ("Maija Lehto", "Kemijoen kunta", None)]
    for m in (from_word, typed):
        assert [(a.name, a.organisation, a.role) for a in m.attendees] == expected
        assert m.chair == "Aino Rautio"
        assert [i.title for i in m.agenda] == ["Avaus", "Muut asiat"]


def test_a_table_of_full_names_at_the_top_is_the_attendees_without_a_label(tmp_path):
    document = docx.Document()
    document.add_paragraph("Garden club committee")
    document.add_paragraph("Date: 4 March 2026")
    fill(document.add_table(rows=3, cols=2),
         [("Ann Lee", "Chair"), ("Bob Hart", "Treasurer"), ("Cara Fox", "Hill Allotments")])
    document.add_paragraph("Welcome", style="List Number")
    document.add_paragraph("Plot fees", style="List Number")
    m = parse(save(document, tmp_path / "m.docx"))

    assert [(a.name, a.organisation, a.role) for a in m.attendees] == [
        ("Ann Lee", None, "Chair"), ("Bob Hart", None, "Treasurer"), ("Cara Fox", "Hill Allotments", None)]
    assert m.chair == "Ann Lee"


def test_a_table_of_first_names_and_tasks_is_no_attendee_list(tmp_path):
    document = docx.Document()
    document.add_paragraph("Garden club committee")
    document.add_paragraph("Present: Ann Lee, Bob Hart")
    fill(document.add_table(rows=2, cols=2), [("Ann", "Book the hall"), ("Bob", "Order the seeds")])
    m = parse(save(document, tmp_path / "m.docx"))

    assert [a.name for a in m.attendees] == ["Ann Lee", "Bob Hart"]


def test_header_fields_in_a_two_column_form(tmp_path):
    document = docx.Document()
    document.add_paragraph("Projektiryhmän palaveri")
    fill(document.add_table(rows=3, cols=2), [
        ("Aika", "18.2.2026 klo 14.00"), ("Paikka", "Luokka A210"),
        ("Läsnä", "Ville Aaltonen\nSara Niemelä\nKirsi Väre (opettaja)")])
    document.add_paragraph("Projektin tilanne", style="List Number")
    document.add_paragraph("Seuraavat askeleet", style="List Number")
    m = parse(save(document, tmp_path / "m.docx"))

    assert (m.date, m.location) == (date(2026, 2, 18), "Luokka A210")
    assert [a.name for a in m.attendees] == ["Ville Aaltonen", "Sara Niemelä", "Kirsi Väre"]
    assert [i.title for i in m.agenda] == ["Projektin tilanne", "Seuraavat askeleet"]


def test_a_template_with_its_header_and_action_table_inside_layout_tables(tmp_path):
    """Word's own minutes template: a frame table whose cells hold the header form, the
    agenda topics and, in a frame of its own, the action items table."""
    document = docx.Document()
    document.add_paragraph("Meeting minutes", style="Title")
    frame = document.add_table(rows=3, cols=1)
    header = frame.cell(0, 0)
    header.text = "Riverside tenants' association"
    fill(header.add_table(rows=7, cols=2), [
        ("Date", "14 April 2026"), ("Meeting called by", "Nadia Brooks"), ("Type of meeting", "Committee"),
        ("Facilitator", "Nadia Brooks"), ("Note taker", "Owen Price"), ("Timekeeper", "Lena Marsh"),
        ("Attendees", "Nadia Brooks, Owen Price, Lena Marsh")])
    topics = frame.cell(1, 0)
    topics.paragraphs[0].style = document.styles["Heading 2"]
    topics.paragraphs[0].add_run("Agenda topics")
    for topic in ("Repairs backlog", "Summer fair"):
        topics.add_paragraph(topic, style="List Number")
    inner = frame.cell(2, 0).add_table(rows=1, cols=1)
    fill(inner.cell(0, 0).add_table(rows=2, cols=3), [
        ("Action items", "Person responsible", "Deadline"),
        ("Send the repairs list to the landlord", "Owen Price", "30 April 2026")])
    m = parse(save(document, tmp_path / "m.docx"))

    assert m.date == date(2026, 4, 14)
    assert (m.chair, m.secretary) == ("Nadia Brooks", "Owen Price")
    assert [a.name for a in m.attendees] == ["Nadia Brooks", "Owen Price", "Lena Marsh"]
    assert [i.title for i in m.agenda] == ["Repairs backlog", "Summer fair"]
    assert [(a.text, a.owners, a.due) for a in m.actions] == [
        ("Send the repairs list to the landlord", ["Owen Price"], date(2026, 4, 30))]


def test_a_word_list_of_one_item_is_the_agenda(tmp_path):
    document = docx.Document()
    for text in ("Projektin palaveri", "Aika\t\t3.2.2026", "Läsnä\t\tVille Aaltonen, Sara Niemelä"):
        document.add_paragraph(text)
    document.add_paragraph("Projektin tilanne", style="List Number")
    document.add_paragraph("Suunnitelma on valmis.")
    m = parse(save(document, tmp_path / "m.docx"))

    assert [(i.number, i.title) for i in m.agenda] == [("1", "Projektin tilanne")]


def test_the_topics_a_label_lists_in_a_word_list_three_levels_deep(tmp_path):
    document = docx.Document()
    document.add_paragraph("Meeting minutes 4: installer")
    document.add_paragraph("Attendees: Ann Lee, Bob Hart")
    document.add_paragraph("Topics:")
    for level, text in ((0, "Release review:"), (1, "Each member reported:"), (2, "Ann: the installer works."),
                        (0, "Test plan:"), (1, "Bob will write the load tests.")):
        bullet(document, text, level)
    document.add_paragraph("Outcomes:")
    bullet(document, "Installer merged", 0)
    m = parse(save(document, tmp_path / "m.docx"))

    assert [i.title for i in m.agenda] == ["Release review", "Test plan"]
