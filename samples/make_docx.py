"""Build the DOCX samples of ``samples/`` with python-docx.

Run from anywhere::

    python samples/make_docx.py

It writes, next to this script:

- ``fi-kehittamisryhma-2026-02-05.docx``: a Finnish memo; attendees in a table
  (``Nimi | Organisaatio | Rooli``) with a merged ``Poissa`` row, the agenda as a Word
  automatic numbered list (style "List Number": the numbers are not in the text), an
  action table with merged section rows.
- ``en-board-minutes-2026-03-26.docx``: English board minutes; Heading 1/2 styles, the
  agenda as a "List Number" list, a decisions list whose numbering restarts at 1 (its own
  ``w:num`` with a ``startOverride``), an ``Action | Owner | Due date`` table with mixed
  date formats and a merged note row.

The output is deterministic: fixed document properties and fixed timestamps inside the
zip, so running the script twice gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HERE = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2026, 1, 1, 12, 0, 0)
ZIP_TIME = (2026, 1, 1, 12, 0, 0)


# --------------------------------------------------------------------------- helpers


def new_document(author: str, title: str):
    doc = Document()
    props = doc.core_properties
    props.author = author
    props.last_modified_by = author
    props.title = title
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1
    return doc


def list_number_num_id(doc) -> int:
    """The numId that the template's "List Number" style points to."""
    num_pr = doc.styles["List Number"].element.pPr.numPr
    return int(num_pr.numId.val)


def restarted_num_id(doc, base_num_id: int) -> int:
    """A new ``w:num`` on the same abstract numbering as *base_num_id*, restarting at 1."""
    numbering = doc.part.numbering_part.element
    abstract_id = None
    for num in numbering.findall(qn("w:num")):
        if int(num.get(qn("w:numId"))) == base_num_id:
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    if abstract_id is None:
        raise LookupError(f"numId {base_num_id} not in numbering part")
    new_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(new_id))
    abstract = OxmlElement("w:abstractNumId")
    abstract.set(qn("w:val"), abstract_id)
    num.append(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    return new_id


def numbered(doc, text: str, num_id: int | None = None):
    """A "List Number" paragraph; with *num_id*, numbered by that list instead."""
    para = doc.add_paragraph(text, style="List Number")
    if num_id is not None:
        p_pr = para._p.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        ilvl = OxmlElement("w:ilvl")
        ilvl.set(qn("w:val"), "0")
        num = OxmlElement("w:numId")
        num.set(qn("w:val"), str(num_id))
        num_pr.append(ilvl)
        num_pr.append(num)
        p_pr.append(num_pr)
    return para


def label(doc, name: str, value: str):
    """``Name: value`` with the label in bold."""
    para = doc.add_paragraph()
    para.add_run(f"{name}:").bold = True
    para.add_run(f" {value}")
    return para


def bold(doc, text: str):
    """A paragraph whose only run is bold: how many secretaries make a sub-heading."""
    para = doc.add_paragraph()
    para.add_run(text).bold = True
    return para


def table(doc, header: list[str], rows: list[list[str] | str]):
    """A grid table; a row given as a plain string becomes one merged cell over all
    columns (a section row)."""
    tbl = doc.add_table(rows=1, cols=len(header))
    tbl.style = "Table Grid"
    for cell, text in zip(tbl.rows[0].cells, header):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        cells = tbl.add_row().cells
        if isinstance(row, str):
            merged = cells[0].merge(cells[-1])
            merged.text = ""
            merged.paragraphs[0].add_run(row).italic = True
        else:
            for cell, text in zip(cells, row):
                cell.text = text
    return tbl


def write_docx(doc, path: Path, zip_time: tuple[int, ...] = ZIP_TIME) -> Path:
    """Write ``doc`` to ``path`` with fixed zip timestamps, so the bytes do not depend on
    the clock (the corpus and holdout generators use it too)."""
    buffer = io.BytesIO()
    doc.save(buffer)
    buffer.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=zip_time)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info.filename))
    path.write_bytes(out.getvalue())
    return path


def save(doc, name: str) -> Path:
    """Write ``doc`` as ``name`` in this folder, deterministically."""
    return write_docx(doc, HERE / name)


# --------------------------------------------------------------- Finnish memo (DOCX)


def finnish_memo() -> Path:
    doc = new_document("Aleksi Huttunen", "Kehittämisryhmän muistio 5.2.2026")
    doc.add_heading("Kaarnamaan luovien alojen kehittämisryhmä", level=0)
    doc.add_paragraph("MUISTIO")
    doc.add_paragraph("Aika: torstai 5.2.2026 klo 10.00–12.00")
    doc.add_paragraph("Paikka: Kaarnajärven ammattikorkeakoulu, Innotila B210 ja Teams")
    bold(doc, "Osallistujat:")
    table(
        doc,
        ["Nimi", "Organisaatio", "Rooli"],
        [
            ["Kaisa Harju-Lehtonen", "Kaarnamaan liitto", "puheenjohtaja"],
            ["Teemu Rautio", "Kaarnajärven ammattikorkeakoulu", ""],
            ["Johanna Backman", "Routasalmen kunta, elinkeinopalvelut", ""],
            ["Mikko-Pekka Saari", "Äänitysstudio Kaiku Oy", ""],
            ["Sirpa Lundqvist", "Vesikkalan kunta", ""],
            ["Aleksi Huttunen", "Kaarnamaan liitto", "sihteeri"],
            "Poissa",
            ["Noora Kallio", "Kaarnajärven kaupunki", ""],
        ],
    )
    bold(doc, "Asialista ja keskustelu")

    numbered(doc, "Kokouksen avaus")
    doc.add_paragraph(
        "Kaisa avasi kokouksen klo 10.05. Noora Kallio oli ilmoittanut esteestä etukäteen."
    )

    numbered(doc, "Luovien alojen yrityskysely – tulokset")
    doc.add_paragraph(
        "Teemu esitteli joulukuussa tehdyn yrityskyselyn tulokset. Vastaajia oli 87, "
        "joista kaksi kolmasosaa yksinyrittäjiä. Suurimmat haasteet ovat myynti ja "
        "hinnoittelu sekä se, että kuntien yrityspalvelut eivät tunne alaa. Tiivistelmä "
        "julkaistaan liiton sivuilla, ja tulokset esitellään myös kuntien "
        "elinkeinojohtajille."
    )
    doc.add_paragraph(
        "Johanna: Routasalmella yritysneuvojat ovat kysyneet juuri tällaista tietoa. "
        "Voisiko kyselyn toistaa joka toinen vuosi? Asiaan palataan syksyllä."
    )

    numbered(doc, "Kevään työpajasarja")
    doc.add_paragraph(
        "Työpajojen aiheiksi valittiin kyselyn perusteella hinnoittelu, digimyynti ja "
        "tekijänoikeudet. Päätettiin, että kevään työpajasarja toteutetaan kolmena "
        "etätyöpajana ja yhtenä lähityöpajana Routasalmella. Ensimmäinen työpaja on "
        "16.3. Johanna kilpailuttaa kouluttajat, ja kaikki markkinoivat työpajoja omissa "
        "kanavissaan."
    )

    numbered(doc, "Kansainvälistyminen: messumatka")
    doc.add_paragraph(
        "Mikko-Pekka kertoi syksyn musiikkialan messuista Sundborgissa. Yhteisosasto "
        "maksaisi arviolta 5 000–7 000 €. Ryhmä päätti osallistua messuille "
        "yhteisosastolla, jos hinta jää alle 6 000 euron. Mikko-Pekka selvittää osaston "
        "hinnan ja ehdot."
    )
    doc.add_paragraph(
        "Sirpa selvittää, voiko Vesikkalan kunta osallistua yritysten matkakuluihin. "
        "Teemu mainitsi, että Kaarnamaan yrityspalvelujen messutuen haku päättyy 28.2., mutta tuki "
        "on tarkoitettu vain pk-yrityksille eikä sovi ryhmän omaan osuuteen."
    )
    doc.add_paragraph(
        "Ehkä matkaa voisi laajentaa myös Tallinnaan ensi vuonna, jos kokemukset ovat "
        "hyviä."
    )

    numbered(doc, "Muut asiat")
    doc.add_paragraph(
        "Aleksi kertoi, että ryhmän jaettu kansio on siirretty liiton uuteen "
        "Teams-ympäristöön. Käyttöoikeudet on jo lähetetty kaikille."
    )

    numbered(doc, "Seuraava kokous")
    doc.add_paragraph("Seuraava kokous torstaina 19.3.2026 klo 10.00–12.00 Teamsissa.")

    bold(doc, "Sovitut tehtävät")
    table(
        doc,
        ["Tehtävä", "Vastuuhenkilö", "Aikataulu"],
        [
            "Yrityskysely",
            ["Kyselyn tulosten tiivistelmä liiton verkkosivuille", "Aleksi", "27.2."],
            [
                "Tulosten esittely kuntien elinkeinojohtajille",
                "Kaisa ja Teemu",
                "maaliskuun loppuun",
            ],
            "Kevään työpajasarja",
            ["Työpajojen kouluttajien kilpailutus", "Johanna", "vko 10"],
            ["Työpajojen markkinointi omissa kanavissa", "kaikki", "13.3."],
            "Messumatka",
            ["Messuosaston hinnan ja ehtojen selvitys", "Mikko-Pekka", "20.2."],
        ],
    )
    return save(doc, "fi-kehittamisryhma-2026-02-05.docx")


# ------------------------------------------------------- English board minutes (DOCX)


def english_board() -> Path:
    doc = new_document("Rupert Lowe", "Board minutes 26 March 2026")
    doc.add_heading("Kaarnajärvi Creative Hub Oy: Board meeting 2/2026", level=0)
    doc.add_paragraph("Minutes of the meeting of the Board of Directors")
    doc.add_paragraph("Date: Thursday, 26 March 2026")
    doc.add_paragraph("Time: 14:00–16:00")
    doc.add_paragraph("Place: Boardroom, Kaarnajärvi Creative Hub, Valimotie 5, Kaarnajärvi")

    doc.add_paragraph("Attendees:")
    for line in [
        "Helen Carter-Price, Chair",
        "Matti Virolainen, Chief Executive Officer",
        "Pirita Huovinen, Finance Director",
        "Sofia Berg, Non-executive Director",
        "James O'Neill, Non-executive Director",
    ]:
        doc.add_paragraph(line, style="List Bullet")
    doc.add_paragraph("In attendance: Rupert Lowe, Company Secretary (minutes)")
    doc.add_paragraph("Apologies: Daniel Okoro, Non-executive Director")

    list_id = list_number_num_id(doc)
    doc.add_heading("Agenda", level=1)
    for item in [
        "Opening and quorum",
        "Minutes of the previous meeting",
        "CEO's report",
        "Financial statements 2025",
        "Studio expansion project",
        "Any other business",
    ]:
        numbered(doc, item)

    doc.add_heading("Minutes", level=1)

    doc.add_heading("1. Opening and quorum", level=2)
    doc.add_paragraph(
        "The Chair opened the meeting at 14:03 and noted that a quorum was present."
    )

    doc.add_heading("2. Minutes of the previous meeting", level=2)
    doc.add_paragraph(
        "The minutes of the meeting held on 26 February 2026 were approved as a true "
        "record. All actions from that meeting had been completed; the company secretary "
        "circulated the updated articles to the shareholders on 4 March."
    )

    doc.add_heading("3. CEO's report", level=2)
    doc.add_paragraph(
        "Matti Virolainen reported that occupancy stands at 91 % with 34 tenant "
        "companies. Two game studios will leave in June when their leases end. The "
        "city's business services are planning a tenant survey in May; the Chair agreed "
        "to write to them to ask that the Hub's tenants are included."
    )
    doc.add_paragraph(
        "James O'Neill asked whether the Hub should raise rents in 2027. The board felt "
        "it might be worth modelling, but no decision was needed now."
    )

    doc.add_heading("4. Financial statements 2025", level=2)
    doc.add_paragraph(
        "Pirita Huovinen presented the financial statements for 2025. Turnover was "
        "€1.42 million and the result a profit of €38,600. The auditor's report was "
        "received on 20 March without remarks. The signed statements will be sent to "
        "the shareholders ahead of the annual general meeting on 23 April 2026."
    )

    doc.add_heading("5. Studio expansion project", level=2)
    doc.add_paragraph(
        "The board discussed the plan to convert the old warehouse into two sound "
        "studios. Only one quote for the acoustic works has been received so far "
        "(€212,000). The regional council's investment grant closes on 30 April 2026; "
        "the Hub is not eligible as a company but a tenant cooperative could apply."
    )
    doc.add_paragraph(
        "Sofia Berg and James O'Neill will prepare a risk register for the project. The "
        "board will take the final investment decision in May."
    )

    doc.add_heading("6. Any other business", level=2)
    doc.add_paragraph(
        "The insurance cover for tenant-owned equipment was raised; the CEO will "
        "review it with the insurer. Rupert Lowe will update the board calendar for the "
        "second half of the year."
    )
    doc.add_paragraph(
        "The next board meeting will be held on Thursday 21 May 2026 at 14:00 in the "
        "Boardroom."
    )

    doc.add_heading("Decisions", level=1)
    decisions_id = restarted_num_id(doc, list_id)
    for text in [
        "The minutes of 26 February 2026 were approved.",
        "The financial statements for 2025 were approved and signed, and the board "
        "proposes to the AGM that no dividend be paid.",
        "The studio expansion project continues to the planning phase; the final "
        "investment decision will be taken in May.",
    ]:
        numbered(doc, text, num_id=decisions_id)

    doc.add_heading("Action items", level=1)
    table(
        doc,
        ["Action", "Owner", "Due date"],
        [
            [
                "Circulate the signed 2025 financial statements to the shareholders",
                "Pirita Huovinen",
                "2026-04-10",
            ],
            [
                "Obtain two further quotes for the studio acoustic works",
                "Matti Virolainen",
                "10/04/2026",
            ],
            [
                "Prepare a risk register for the studio expansion project",
                "Sofia Berg, James O'Neill",
                "30/04/2026",
            ],
            [
                "Review the insurance cover for tenant-owned equipment",
                "Matti Virolainen",
                "TBC",
            ],
            ["Update the board calendar for H2 2026", "Rupert Lowe", "17 April 2026"],
            "Carried forward from 26 February 2026: none",
        ],
    )
    return save(doc, "en-board-minutes-2026-03-26.docx")


def main() -> None:
    for path in (finnish_memo(), english_board()):
        print(path.relative_to(HERE.parent))


if __name__ == "__main__":
    main()
