"""Actions out of the store: CSV, JSON, Markdown and iCalendar, and a person's digest.

Each exporter takes a list of ``Action``s (as ``ActionStore.actions`` returns them) and
returns text::

    from tracker.export import export, digest

    text = export(store.actions(status="open"), "ics")
    mail = digest(store.actions(owner="Ingela", status="open"), "Ingela Kaarto", today)

iCalendar has one VTODO per action with a due date (RFC 5545: CRLF lines folded at 75
octets, text escaped, the due date as a DATE), so a calendar or task app can show them: an
open action ``STATUS:NEEDS-ACTION``, a done one ``STATUS:COMPLETED``, a cancelled one
``STATUS:CANCELLED`` (``open_only`` leaves out all but the open ones). CSV is UTF-8 with
commas; ``excel`` makes it what Excel opens right where a comma is the decimal sign (in
Finland and Sweden): UTF-8 with a BOM, and semicolons.

What the minutes and the members wrote is data in every format, never an instruction to
the program that opens the file: a CSV cell that a spreadsheet would take for a formula
(beginning with ``=``, ``+``, ``-``, ``@``, a tab or a CR) starts with ``'``; iCalendar
text has every line break as ``\\n`` and no control character (RFC 5545 allows none);
Markdown escapes what it would read as markup in texts, titles, owners and note authors
(``<script>``, ``[x](javascript:…)``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import partial

from minutes.text import clean
from tracker.codec import Action, iso

__all__ = ["FORMATS", "by_person", "digest", "eml", "export", "markdown_text"]

FORMATS = ("csv", "json", "md", "ics")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ICS_BREAKS = re.compile("\r\n|[\r\n\v\f\x85\u2028\u2029]")
CSV_COLUMNS = ("id", "status", "due", "owners", "text", "meeting", "meeting_title",
               "meeting_date", "agenda_item", "notes", "due_text", "vanished")


def export(actions: list[Action], format: str, *, excel: bool = False, open_only: bool = False) -> str:
    """``actions`` as ``csv`` (for Excel with ``excel``), ``json``, ``md`` or ``ics`` (only
    the open ones with ``open_only``) text."""
    writers = {"csv": partial(to_csv, excel=excel), "json": to_json, "md": to_markdown,
               "ics": partial(to_icalendar, open_only=open_only)}
    if format not in writers:
        from tracker.errors import StoreError
        from tracker.i18n import _

        raise StoreError(_("unknown export format {format}: use {formats}").format(
            format=repr(format), formats=", ".join(FORMATS)))
    return writers[format](actions)


ICS_STATUS = {"open": "NEEDS-ACTION", "done": "COMPLETED", "cancelled": "CANCELLED"}


def to_csv(actions: list[Action], *, excel: bool = False) -> str:
    import csv
    import io

    out = io.StringIO()
    if excel:
        out.write("\ufeff")  # the BOM that tells Excel the file is UTF-8
    writer = csv.writer(out, delimiter=";" if excel else ",")
    writer.writerow(CSV_COLUMNS)
    for a in actions:
        writer.writerow([_cell(value) for value in (
            a.id, a.status, iso(a.due) or "", "; ".join(a.owners), a.text, a.meeting.id,
            a.meeting.title or "", iso(a.meeting.date) or "", a.agenda_item or "",
            " | ".join(f"{n.at} {n.by}: {n.text}" for n in a.notes), a.due_text or "",
            "yes" if a.vanished else "",
        )])
    return out.getvalue()


def _cell(value: str) -> str:
    """A CSV cell that no spreadsheet takes for a formula: ``'=SUM(A1)``."""
    return "'" + value if value[:1] in _FORMULA_STARTS else value


def to_json(actions: list[Action]) -> str:
    import orjson

    return orjson.dumps([a.to_json() for a in actions], option=orjson.OPT_INDENT_2).decode() + "\n"


def to_markdown(actions: list[Action]) -> str:
    """A checklist per meeting, oldest meeting first."""
    lines: list[str] = []
    for meeting, group in _by_meeting(actions):
        if lines:
            lines.append("")
        lines += [f"## {markdown_text(meeting.title or '(untitled meeting)')} ({iso(meeting.date) or 'undated'})", ""]
        for a in group:
            box = "x" if a.status == "done" else " "
            text = f"~~{markdown_text(a.text)}~~" if a.status == "cancelled" else markdown_text(a.text)
            lines.append(f"- [{box}] {text}{_details(a)} `{a.id}`")
            lines += [f"  - {markdown_text(n.text)} ({markdown_text(n.by)}, {n.at[:10]})" for n in a.notes]
    return "\n".join(lines) + "\n" if lines else ""


def to_icalendar(actions: list[Action], *, open_only: bool = False) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//minutes//action store//EN",
             "CALSCALE:GREGORIAN"]
    for a in actions:
        if a.status not in ICS_STATUS or a.due is None or open_only and a.status != "open":
            continue
        description = [f"Owners: {', '.join(a.owners) or 'nobody yet'}",
                       f"Meeting: {a.meeting.title or a.meeting.id} ({iso(a.meeting.date) or 'undated'})"]
        if a.agenda_item:
            description.append(f"Agenda item: {a.agenda_item}")
        description += [f"Note ({n.by}, {n.at[:10]}): {n.text}" for n in a.notes]
        stamp = (a.updated or a.created or "19700101T000000Z").replace("-", "").replace(":", "")
        lines += [
            "BEGIN:VTODO",
            f"UID:{a.id}-{a.meeting.id}@minutes",
            f"DTSTAMP:{stamp}",
            f"SUMMARY:{_ics_text(a.text)}",
            f"DESCRIPTION:{_ics_text(chr(10).join(description))}",
            f"DUE;VALUE=DATE:{a.due.strftime('%Y%m%d')}",
            f"STATUS:{ICS_STATUS[a.status]}",
            *([f"COMPLETED:{stamp}"] if a.status == "done" else []),
            *([f"CATEGORIES:{','.join(_ics_text(o) for o in a.owners)}"] if a.owners else []),
            "END:VTODO",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def digest(actions: Iterable[Action], person: str, today: date, format: str = "md",
           soon: int = 7) -> str:
    """One person's open actions, overdue first, ready to paste into an email."""
    groups: dict[str, list[Action]] = {"Overdue": [], f"Due in the next {soon} days": [],
                                       "Later": [], "No due date": []}
    labels = list(groups)
    horizon = today + timedelta(days=soon)
    for a in actions:
        if a.status != "open":
            continue
        if a.due is None:
            groups[labels[3]].append(a)
        elif a.due < today:
            groups[labels[0]].append(a)
        elif a.due <= horizon:
            groups[labels[1]].append(a)
        else:
            groups[labels[2]].append(a)
    count = sum(len(g) for g in groups.values())
    markdown = format == "md"
    title = f"Open actions for {markdown_text(person) if markdown else person} on {today.isoformat()}: {count}"
    lines = [f"# {title}" if markdown else title]
    if not markdown:
        lines.append("=" * len(title))
    for label, group in groups.items():
        if not group:
            continue
        lines += ["", f"## {label}" if markdown else f"{label}:"]
        for a in group:
            text = markdown_text(a.text) if markdown else a.text
            title = a.meeting.title or "meeting"
            where = f"{markdown_text(title) if markdown else title} {iso(a.meeting.date) or ''}".strip()
            if a.agenda_item:
                where += f", item {a.agenda_item}"
            due = f"due {a.due.isoformat()} · " if a.due else ""
            ident = f"`{a.id}`" if markdown else a.id
            lines.append(f"- {text} ({due}{where}) {ident}")
    if not count:
        lines += ["", "Nothing open."]
    return "\n".join(lines) + "\n"


UNASSIGNED = "UNASSIGNED"  # MeetBot's heading for the actions nobody owns


def by_person(actions: Iterable[Action], title: str, format: str = "md", *,
              meetings: bool = False) -> str:
    """The open actions in MeetBot's "Action items, by person" form: each owner (by name)
    with their actions, then those nobody owns, under ``title``; Markdown (``md``) or plain
    ``text``. An action of two people is under each. With ``meetings`` each action says
    which meeting gave it (a digest of several meetings)."""
    markdown = format == "md"
    shown = (lambda text: markdown_text(text)) if markdown else (lambda text: " ".join(text.split()))
    people: dict[str, list[Action]] = {}
    unassigned: list[Action] = []
    for a in actions:
        if a.status != "open":
            continue
        for owner in a.owners:
            people.setdefault(owner, []).append(a)
        if not a.owners:
            unassigned.append(a)
    heading = "Action items, by person"
    lines = [f"# {shown(title)}" if markdown else shown(title)]
    lines += ["=" * len(lines[0])] if not markdown else []
    lines += ["", f"## {heading}" if markdown else heading]
    lines += [] if markdown else ["-" * len(heading)]
    lines += [""] if markdown else []
    groups = [(f"**{shown(name)}**" if markdown else shown(name), people[name])
              for name in sorted(people, key=str.casefold)]
    groups.append((f"**{UNASSIGNED}**" if markdown else UNASSIGNED, unassigned))
    for name, group in groups:
        lines.append(f"* {name}")
        for a in group:
            details = [f"due {a.due.isoformat()}"] if a.due else []
            if meetings and a.meeting.id:
                details.append(f"{a.meeting.title or 'meeting'} {iso(a.meeting.date) or ''}".strip())
            if a.agenda_item:
                details.append(f"item {a.agenda_item}")
            said = f" ({shown(', '.join(details))})" if details else ""
            ident = f"`{a.id}`" if markdown else a.id
            lines.append(f"  * {shown(a.text)}{said} {ident}")
        if not group:
            lines.append("  * (none)")
    return "\n".join(lines) + "\n"


def eml(subject: str, body: str, to: Iterable[str] = ()) -> str:
    """A mail message a mail client opens as a draft ready to send (``X-Unsent: 1``):
    ``body`` as UTF-8 plain text, the subject on one line, the recipients if any (the
    client asks for them otherwise). CRLF line ends, as in a file of a mail client."""
    from email.message import EmailMessage
    from email.policy import SMTP

    message = EmailMessage(policy=SMTP)
    message["Subject"] = " ".join(clean(subject).split())
    recipients = [" ".join(clean(address).split()) for address in to if address.strip()]
    if recipients:
        message["To"] = ", ".join(recipients)
    message["X-Unsent"] = "1"
    message.set_content(body, cte="quoted-printable")
    return message.as_string()


def _by_meeting(actions: list[Action]):
    groups: dict[str, list[Action]] = {}
    meetings = {}
    for a in actions:
        groups.setdefault(a.meeting.id, []).append(a)
        meetings[a.meeting.id] = a.meeting
    order = sorted(groups, key=lambda mid: (iso(meetings[mid].date) or "", mid))
    return [(meetings[mid], groups[mid]) for mid in order]


def _details(a: Action) -> str:
    parts = []
    if a.owners:
        parts.append(markdown_text(", ".join(a.owners)))
    if a.due:
        parts.append(f"due {a.due.isoformat()}")
    if a.agenda_item:
        parts.append(f"item {markdown_text(a.agenda_item)}")
    if a.vanished:
        parts.append("no longer in the minutes")
    return f" — {'; '.join(parts)}" if parts else ""


def markdown_text(text: str) -> str:
    """Text that Markdown shows as written."""
    for char in "\\`*_[]<>|#~":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def _ics_text(text: str) -> str:
    """RFC 5545 TEXT: every line break (CR, LF, VT, FF, NEL, U+2028, U+2029) as ``\\n``,
    no control character, and ``\\ ; ,`` escaped."""
    text = clean(_ICS_BREAKS.sub("\n", text))
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    raw = line.encode()
    if len(raw) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(raw):
        end = min(start + limit, len(raw))
        while end < len(raw) and (raw[end] & 0xC0) == 0x80:  # inside a character
            end -= 1
        parts.append(raw[start:end].decode())
        start, limit = end, 74  # continuation lines begin with a space
    return "\r\n ".join(parts)
