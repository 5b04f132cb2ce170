"""The draft agenda of a series' next meeting, in the series' language.

    with ActionStore() as store:
        agenda = store.agenda("haapaniemen")        # a series name prefix or a meeting id
        print(markdown(agenda))
        Path("asialista.docx").write_bytes(docx(agenda))

The draft is titled by the series and the next meeting's date and place, when the last
minutes gave them. Its items are the standing items of the last meeting's agenda (the
language profile's ``follow_up.standing_items``: opening, previous minutes, any other
business, next meeting…; an earlier meeting's when the last one has none), as written
there and in their order, with the review of open actions after the previous minutes'
item (else as item 2). Then the open actions of the whole series, grouped by owner, each
with its due date and how many meetings it has been carried over.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date

from tracker.codec import Action
from tracker.series import Series

__all__ = ["Agenda", "docx", "draft", "markdown"]


@dataclass
class Agenda:
    """A draft agenda: ``items`` in order (``actions_item`` is the open actions' index among
    them) and ``owners``, the open actions grouped by owner (None for nobody yet), each with
    the number of times it has been carried over. ``words`` is the language's
    ``follow_up`` vocabulary."""

    series: Series
    language: str
    title: str
    date: date | None
    start: str | None
    location: str | None
    items: list[str]
    actions_item: int
    owners: list[tuple[str | None, list[tuple[Action, int]]]] = field(default_factory=list)
    words: dict = field(default_factory=dict)

    @property
    def actions(self) -> list[Action]:
        return [a for _, listed in self.owners for a, _ in listed]

    def heading(self) -> str:
        when = f" {self.day(self.date)}" if self.date else ""
        return f"{self.words['agenda']}: {self.title}{when}"

    def day(self, value: date) -> str:
        return self.words["date"].format(day=value.day, month=value.month, year=value.year)

    def due(self, action: Action) -> str:
        return self.words["due"].format(date=self.day(action.due)) if action.due else ""

    def owner(self, name: str | None) -> str:
        return name or self.words["no_owner"]

    def line(self, action: Action, carried: int) -> str:
        """An open action as the agenda lists it: text, due date, times carried over."""
        notes = [n for n in (self.due(action), self.words["carried"].format(n=carried) if carried else "") if n]
        return action.text + (f" ({', '.join(notes)})" if notes else "")


def draft(series: Series, open_actions: list[Action], carried: dict[str, int]) -> Agenda:
    """The draft agenda of the meeting after the latest of ``series``."""
    from minutes.lang import LANGUAGES, profile

    language = series.language if series.language in LANGUAGES else "en"
    words = profile(language).follow_up
    standing = [_norm(s) for s in words["standing_items"]]
    arising = [_norm(s) for s in words["sections"]]
    items: list[str] = []
    for meeting in reversed(series.meetings):  # the latest meeting with standing items
        items = [item["title"] for item in meeting.agenda
                 if any(_norm(item["title"]).startswith(s) for s in standing)]
        if items:
            break
    after = next((i + 1 for i, title in enumerate(items)
                  if any(s in _norm(title) for s in arising)), min(1, len(items)))
    items.insert(after, words["open_actions"])
    latest = series.latest
    upcoming = latest.next_meeting or {}
    groups: dict[str | None, list[tuple[Action, int]]] = {}
    for a in open_actions:
        groups.setdefault(", ".join(a.owners) or None, []).append((a, carried.get(a.id, 0)))
    owners = sorted(groups.items(), key=lambda g: (g[0] is None, (g[0] or "").casefold()))
    for _, listed in owners:
        listed.sort(key=lambda pair: (pair[0].due or date.max, pair[0].id))
    return Agenda(
        series=series, language=language, title=series.title or series.name,
        date=date.fromisoformat(upcoming["date"]) if upcoming.get("date") else None,
        start=upcoming.get("start"), location=upcoming.get("location") or latest.location,
        items=items, actions_item=after, owners=owners, words=words,
    )


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w']+", " ", text.casefold()).split())


def _when(agenda: Agenda) -> list[tuple[str, str]]:
    fields = []
    if agenda.date:
        fields.append((agenda.words["when"], " ".join(filter(None, [agenda.day(agenda.date), agenda.start]))))
    if agenda.location:
        fields.append((agenda.words["where"], agenda.location))
    return fields


def markdown(agenda: Agenda) -> str:
    """The draft as Markdown: a heading, the numbered items, the open actions by owner."""
    from tracker.export import markdown_text as md  # what the minutes wrote is no markup

    lines = [f"# {md(agenda.heading())}", ""]
    if _when(agenda):
        lines += [f"{name}: {md(value)}  " for name, value in _when(agenda)] + [""]
    lines += [f"{n}. {md(item)}" for n, item in enumerate(agenda.items, 1)]
    lines += ["", f"## {agenda.actions_item + 1}. {agenda.words['open_actions']}", ""]
    for owner, listed in agenda.owners:
        lines += [f"### {md(agenda.owner(owner))}", ""]
        lines += [f"- {md(agenda.line(a, carried))}" for a, carried in listed] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def docx(agenda: Agenda) -> bytes:
    """The draft as a Word document: a heading, the items as a numbered list and a table of
    the open actions (owner, action, due date)."""
    from docx import Document

    document = Document()
    document.core_properties.title = agenda.heading()
    document.add_heading(agenda.heading(), level=1)
    for name, value in _when(agenda):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{name}: ").bold = True
        paragraph.add_run(value)
    for item in agenda.items:
        document.add_paragraph(item, style="List Number")
    document.add_heading(f"{agenda.actions_item + 1}. {agenda.words['open_actions']}", level=2)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, agenda.words["columns"]):
        cell.text = name
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for owner, listed in agenda.owners:
        for a, carried in listed:
            row = table.add_row().cells
            row[0].text = agenda.owner(owner)
            text = a.text + (f" ({agenda.words['carried'].format(n=carried)})" if carried else "")
            row[1].text = text
            row[2].text = agenda.day(a.due) if a.due else ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
