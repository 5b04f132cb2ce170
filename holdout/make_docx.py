"""Build the DOCX document of ``holdout/`` with python-docx.

Run from anywhere::

    python holdout/make_docx.py

It writes ``fi-taloyhtio-hallitus-2026-04-15.docx`` next to this script: the board memo of
an invented housing company. The time and place are a two-column table (no "Aika:" lines
in running text), the attendees are "List Bullet" paragraphs with initials in parentheses,
there is no separate agenda: the items are Heading 2 paragraphs whose numbers are typed
without a dot ("3 Isännöitsijän katsaus"), and the closing action table
``Tehtävä | Vastuu | Aikataulu`` names owners by their initials and has merged section
rows ("Edellisestä kokouksesta", "Tästä kokouksesta") and a done row.

The output is deterministic (fixed core properties and fixed zip timestamps), so running
the script twice gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from docx import Document
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "samples"))

from make_docx import write_docx  # samples/make_docx.py, after the path is set

NAME = "fi-taloyhtio-hallitus-2026-04-15.docx"
STAMP = dt.datetime(2026, 4, 15, 21, 0, 0)
ZIP_STAMP = (2026, 4, 15, 21, 0, 0)

HEADER = [
    ("Aika", "keskiviikko 15.4.2026 klo 18.00–19.50"),
    ("Paikka", "Taloyhtiön kerhohuone, Tervaskatu 9 B, Lumikorpi"),
]

PRESENT = [
    "Marketta Soravuo (MS), puheenjohtaja",
    "Kauko Tiihonen (KT)",
    "Arvo Pelkola (AP)",
    "Sointu Haverinen (SH), sihteeri",
    "Hannele Kauranen (HK), isännöitsijä, Isännöinti Kaurasto Oy",
]
ABSENT = ["Lauri Rytkönen, varajäsen"]

ITEMS = [
    ("1 Kokouksen avaus", [
        "Puheenjohtaja avasi kokouksen klo 18.02. Kokous todettiin päätösvaltaiseksi.",
    ]),
    ("2 Edellisen kokouksen pöytäkirja", [
        "Edellisen kokouksen (18.3.2026) pöytäkirja hyväksyttiin ja allekirjoitettiin.",
    ]),
    ("3 Isännöitsijän katsaus", [
        "Isännöitsijä Hannele Kauranen kertoi, että B-rapun vesivahinko (asunto B 12) on "
        "korjattu ja vakuutusyhtiö korvaa kulut omavastuuta (500 €) lukuun ottamatta. "
        "Lämmitysenergian kulutus laski 11 % edellisvuodesta.",
        "Kattoremontti on kunnossapitotarveselvityksessä vuodelle 2027. Hannele pyytää "
        "kattoremontista tarjoukset kolmelta urakoitsijalta toukokuun loppuun mennessä.",
    ]),
    ("4 Kevättalkoot", [
        "Päätös: Kevättalkoot pidetään lauantaina 9.5.2026 klo 10–14. Talkoiden jälkeen "
        "saunat ovat lämpimänä klo 15–18.",
        "Kauko tekee talkooilmoituksen porraskäytäviin. Arvon tehtäväksi jäi tilata "
        "lavakaukalo talkoiden ajaksi.",
        "Pihan leikkitelineen maalausta voisi harkita, jos talkooväkeä riittää.",
    ]),
    ("5 Sähköautojen latauspisteet", [
        "Osakkailta on tullut kolme kyselyä latausmahdollisuudesta. Kauko kysyi, voisiko "
        "latauksen laskuttaa käytön mukaan. Hannele vastasi, että se onnistuu useimmilla "
        "järjestelmillä.",
        "Päätös: Pyydetään tarjoukset kahdeksan latauspisteen asentamisesta pihan "
        "autopaikoille. Isännöitsijä valmistelee tarjouspyynnön.",
        "Valtion latausinfra-avustuksen haku on auki 30.9.2026 asti.",
    ]),
    ("6 Tiedotus osakkaille", [
        "Sointu kokoaa kevättiedotteen (talkoot, latauspisteet, kattoremontin aikataulu) ja "
        "Marketta tarkistaa sen ennen jakoa. Marketta on jo päivittänyt pihan ilmoitustaulun.",
        "Taloyhtiön kotisivut voisi uudistaa ensi vuonna.",
    ]),
    ("7 Muut asiat", [
        "Hallitus kiitti Arvo Pelkolaa saunavuorolistan uudistamisesta.",
        "B-rapun kellarissa on kolme polkupyörää, joissa ei ole nimilappua. Selvitetään, "
        "kenelle pyörät kuuluvat, ennen kuin ne viedään pois.",
    ]),
    ("8 Seuraava kokous", [
        "Keskiviikkona 20.5.2026 klo 18.00, kerhohuone.",
    ]),
]

# None in the owner column marks a merged section row.
ACTIONS = [
    ("Edellisestä kokouksesta", None, None),
    ("Vesivahingon korjaus, B 12", "HK", "tehty"),
    ("Tästä kokouksesta", None, None),
    ("Kattoremontin tarjoukset kolmelta urakoitsijalta", "HK", "toukokuun loppuun"),
    ("Talkooilmoitus porraskäytäviin", "KT", "30.4."),
    ("Lavakaukalon tilaus talkoisiin", "AP", "vko 18"),
    ("Latauspisteiden tarjouspyyntö", "HK", "kesäkuun aikana"),
    ("Kevättiedote osakkaille", "SH, MS", "24.4."),
]


def build() -> Document:
    doc = Document()
    props = doc.core_properties
    props.author = "Sointu Haverinen"
    props.last_modified_by = "Sointu Haverinen"
    props.title = "Hallituksen kokous 4/2026"
    props.created = STAMP
    props.modified = STAMP
    props.revision = 2

    doc.add_paragraph("Asunto Oy Kelohovi", style="Title")
    doc.add_paragraph().add_run("Hallituksen kokous 4/2026 – MUISTIO").bold = True

    head = doc.add_table(rows=0, cols=2)
    for label, value in HEADER:
        cells = head.add_row().cells
        cells[0].text = ""
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].text = value

    doc.add_paragraph().add_run("Läsnä").bold = True
    for line in PRESENT:
        doc.add_paragraph(line, style="List Bullet")
    doc.add_paragraph().add_run("Poissa").bold = True
    for line in ABSENT:
        doc.add_paragraph(line, style="List Bullet")

    doc.add_heading("Käsitellyt asiat", level=1)
    for heading, paragraphs in ITEMS:
        doc.add_heading(heading, level=2)
        for text in paragraphs:
            para = doc.add_paragraph()
            if text.startswith("Päätös: "):
                para.add_run("Päätös:").bold = True
                para.add_run(text[len("Päätös:"):])
            else:
                para.add_run(text)

    doc.add_heading("Toimenpiteet", level=1)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Tehtävä", "Vastuu", "Aikataulu")):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for task, owner, due in ACTIONS:
        cells = table.add_row().cells
        if owner is None:
            merged = cells[0].merge(cells[2])
            merged.text = ""
            merged.paragraphs[0].add_run(task).italic = True
            continue
        for cell, text in zip(cells, (task, owner, due)):
            cell.text = text

    foot = doc.add_paragraph()
    foot.add_run("Muistion kirjasi Sointu Haverinen").font.size = Pt(9)
    return doc


def main() -> None:
    out = HERE / NAME
    write_docx(build(), out, ZIP_STAMP)
    print(out)


if __name__ == "__main__":
    main()
