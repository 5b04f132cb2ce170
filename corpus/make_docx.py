"""Build the DOCX document of ``corpus/`` with python-docx.

Run from anywhere::

    python corpus/make_docx.py

It writes ``fi-ohjausryhma-2026-03-12.docx`` next to this script: a Finnish project
steering group memo with the attendees as plain paragraphs (``Nimi, organisaatio``), the
agenda as a Word automatic numbered list (style "List Number", so the numbers are not in
the text), item headings with typed numbers, prose tasks and an action table
``Toimenpide | Vastuu | Aikataulu``.

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

STAMP = dt.datetime(2026, 3, 12, 16, 0, 0)
ZIP_STAMP = (2026, 3, 12, 16, 0, 0)
NAME = "fi-ohjausryhma-2026-03-12.docx"

ATTENDEES = [
    "Kirsi Aaltonen, Kaarnamaan liitto, puheenjohtaja",
    "Jukka Manninen, Kaarnajärven Yrittäjät ry",
    "Tiina Vesterinen, Kaarnajärven ammattikorkeakoulu",
    "Olli Räsänen, Kaarnamaan ELY-keskus (rahoittajan edustaja)",
    "Hanna Pesonen, Routasalmen kunta (etänä)",
    "Riikka Halme, Kaarnajärven ammattikorkeakoulu, hankepäällikkö, sihteeri",
]

AGENDA = [
    "Kokouksen avaus ja läsnäolijat",
    "Edellisen kokouksen muistio",
    "Hankkeen tilannekatsaus",
    "Talous ja budjettimuutos",
    "Viestintä ja kevätseminaari",
    "Muut asiat",
    "Seuraava kokous",
]

# (heading, paragraphs)
ITEMS = [
    (
        "1. Kokouksen avaus ja läsnäolijat",
        [
            "Puheenjohtaja Kirsi Aaltonen avasi kokouksen klo 13.05 ja totesi läsnäolijat. "
            "Markus Ylinen oli ilmoittanut esteestä.",
        ],
    ),
    (
        "2. Edellisen kokouksen muistio",
        [
            "Edellisen kokouksen (27.11.2025) muistio hyväksyttiin ilman muutoksia.",
            "Muistion tehtävät: maksatushakemus 1 lähetettiin 27.2.2026 ja yrityskyselyn "
            "kysymykset kommentoitiin joulukuussa. Molemmat tehty.",
        ],
    ),
    (
        "3. Hankkeen tilannekatsaus",
        [
            "Hankepäällikkö Riikka Halme esitteli tilannekatsauksen. Kiihdyttämöön on valittu "
            "14 yritystä (tavoite 12). Ensimmäinen sparrausjakso päättyy 30.4. Yrityskyselyyn "
            "vastasi 61 yritystä, vastausprosentti 38 %.",
            "Hankepäällikkö Riikka valmistelee väliraportin luonnoksen ohjausryhmälle "
            "kommentoitavaksi. Jukan tehtäväksi jäi koota Yrittäjien jäsenkyselyn avoimet "
            "vastaukset yhteenvedoksi.",
            "Tiina kertoi, että AMK:n opiskelijaprojekti voisi ehkä tuottaa yrityksille "
            "esittelyvideoita syksyllä, jos opettajat ehtivät mukaan.",
        ],
    ),
    (
        "4. Talous ja budjettimuutos",
        [
            "Kustannuksia on toteutunut 31.12.2025 mennessä 118 400 euroa eli 32 % "
            "kokonaisbudjetista (370 000 €). Henkilöstökuluissa on säästöä, ostopalveluissa "
            "ylitystä.",
            "Päätettiin esittää rahoittajalle budjettimuutosta, jossa 15 000 euroa siirretään "
            "henkilöstökuluista ostopalveluihin. Riikka ja Tiina laativat hakemuksen.",
            "Olli Räsänen kertoi, että ELY-keskuksen yritysten kehittämisavustusten uusi "
            "hakukierros päättyy 30.4.2026.",
        ],
    ),
    (
        "5. Viestintä ja kevätseminaari",
        [
            "Viestintäsuunnitelman luonnos lähetettiin kokouskutsun liitteenä. Sovittiin, että "
            "ohjausryhmän jäsenet lähettävät kommenttinsa Riikalle 20.3. mennessä.",
            "Päätettiin, että hankkeen kevätseminaari pidetään torstaina 21.5.2026 "
            "Routasalmella. Hanna selvittää kunnantalon juhlasalin saatavuuden ja varaa sen. "
            "Kirsi lupasi kysyä maakuntajohtajaa avaamaan seminaarin.",
        ],
    ),
    (
        "6. Muut asiat",
        [
            "Jukka kertoi, että Kaarnajärven Yrittäjien kevätkokous on 16.4. ja hanke voi "
            "esitellä siellä kiihdyttämön tuloksia.",
        ],
    ),
    (
        "7. Seuraava kokous",
        [
            "Seuraava kokous pidetään torstaina 7.5.2026 klo 13.00–15.00, Teams.",
        ],
    ),
]

ACTIONS = [
    ("Maksatushakemus 1 (7–12/2025)", "Riikka Halme", "tehty 27.2."),
    ("Väliraportin luonnos ohjausryhmälle kommentoitavaksi", "Riikka Halme", "vko 12"),
    ("Jäsenkyselyn avointen vastausten yhteenveto", "Jukka Manninen", "huhtikuun loppuun"),
    ("Budjettimuutoshakemus rahoittajalle", "Riikka Halme, Tiina Vesterinen", "15.4."),
    ("Kevätseminaarin tilan varaus (Routasalmen kunnantalo)", "Hanna Pesonen", "vko 13"),
]


def build() -> Document:
    doc = Document()
    props = doc.core_properties
    props.author = "Riikka Halme"
    props.last_modified_by = "Riikka Halme"
    props.title = "Ohjausryhmän kokous 2/2026"
    props.created = STAMP
    props.modified = STAMP
    props.revision = 3

    doc.add_paragraph("Luova Kaarnamaa -hanke", style="Title")
    head = doc.add_paragraph()
    head.add_run("Ohjausryhmän kokous 2/2026 – MUISTIO").bold = True

    doc.add_paragraph("Aika: torstai 12.3.2026 klo 13.00–15.10")
    doc.add_paragraph("Paikka: Kaarnajärven ammattikorkeakoulu, kokoushuone Kuusi / Teams")

    doc.add_paragraph().add_run("Läsnä:").bold = True
    for line in ATTENDEES:
        doc.add_paragraph(line)
    doc.add_paragraph().add_run("Poissa:").bold = True
    doc.add_paragraph("Markus Ylinen, Vesikkalan kunta")

    doc.add_paragraph().add_run("Asialista").bold = True
    for title in AGENDA:
        doc.add_paragraph(title, style="List Number")

    doc.add_heading("Käsitellyt asiat", level=1)
    for heading, paragraphs in ITEMS:
        doc.add_heading(heading, level=2)
        for text in paragraphs:
            doc.add_paragraph(text)

    doc.add_heading("Sovitut toimenpiteet", level=1)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Toimenpide", "Vastuu", "Aikataulu")):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in ACTIONS:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text

    foot = doc.add_paragraph()
    foot.add_run("Muistion kirjasi Riikka Halme 12.3.2026").font.size = Pt(9)
    return doc


def main() -> None:
    out = HERE / NAME
    write_docx(build(), out, ZIP_STAMP)
    print(out)


if __name__ == "__main__":
    main()
