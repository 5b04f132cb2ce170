"""Build the DOCX series from the Finnish text series of this folder with python-docx.

    python samples/series/make_docx.py

``fi-kylatalo-N.txt`` becomes ``fi-kylatalo-N.docx``: the title as a Title paragraph, the
header lines and attendee lists as plain paragraphs (list labels in bold), the agenda
items as a Word automatic numbered list (style "List Number": the numbers are not in the
text), the ``- `` lines as "List Bullet" paragraphs and everything else as it is. The
output is deterministic (``samples/make_docx.py``'s fixed properties and zip times).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from make_docx import bold, new_document, save  # samples/make_docx.py, after the path is set

ITEM = re.compile(r"^\d+\.\s+(.+)$")
LIST_LABEL = re.compile(r"^(Läsnä|Poissa|Paikalla):$")


def convert(source: Path) -> Path:
    lines = [line.rstrip() for line in source.read_text(encoding="utf-8").splitlines()]
    title = lines[0]
    doc = new_document("Sirpa Peltokangas", title)
    doc.add_heading(title, level=0)
    for line in lines[1:]:
        if not line.strip():
            continue
        if item := ITEM.match(line):
            doc.add_paragraph(item.group(1), style="List Number")
        elif line.startswith("- "):
            doc.add_paragraph(line[2:], style="List Bullet")
        elif LIST_LABEL.match(line):
            bold(doc, line)
        else:
            doc.add_paragraph(line)
    return save(doc, f"series/{source.stem}.docx")


def main() -> None:
    for source in sorted(HERE.glob("fi-kylatalo-*.txt")):
        print(convert(source).relative_to(HERE.parent.parent))


if __name__ == "__main__":
    main()
