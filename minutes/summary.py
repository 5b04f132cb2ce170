"""A readable plain-text summary of parsed ``Minutes``, for ``minutes parse`` without
``--json`` and for a secretary checking what was found.

    >>> from minutes import parse
    >>> print(summary(parse("Board meeting\\nDate: 3 March 2026\\n")))  # doctest: +ELLIPSIS
    Board meeting
    ...
"""

from __future__ import annotations

from .model import Minutes

__all__ = ["summary"]


def summary(minutes: Minutes | dict) -> str:
    """The minutes as lines a person reads. ``minutes`` may also be their JSON
    (``Minutes.to_json()``, which is how the store keeps a meeting): its actions and doubts
    are shown when it has them."""
    m = minutes if isinstance(minutes, dict) else minutes.to_json()
    out = [m["title"] or "(no title)", ""]
    when = " ".join(x for x in (m["date"], _span(m["start"], m["end"])) if x)
    out.append(f"When:      {when or '-'}")
    out.append(f"Where:     {m['location'] or '-'}")
    out.append(f"Language:  {m['language']}")
    if m["chair"]:
        out.append(f"Chair:     {m['chair']}")
    if m["secretary"]:
        out.append(f"Secretary: {m['secretary']}")
    out.append("")
    out.append(f"Attendees ({len(m['attendees'])}):")
    for a in m["attendees"]:
        extra = ", ".join(x for x in (a["organisation"], a["role"]) if x)
        out.append(f"  {a['name']}" + (f" ({extra})" if extra else ""))
    if m["absent"]:
        out.append("Absent: " + ", ".join(a["name"] for a in m["absent"]))
    out.append("")
    out.append(f"Agenda ({len(m['agenda'])}):")
    for item in m["agenda"]:
        out.append(f"  {item['number'] + '.' if item['number'] else '-':>4} {item['title']}")
    if m["decisions"]:
        out.append("")
        out.append(f"Decisions ({len(m['decisions'])}):")
        out += [f"  [{d['agenda_item'] or '-'}] {d['text']}" for d in m["decisions"]]
    if "actions" in m:
        out.append("")
        out.append(f"Actions ({len(m['actions'])}):")
    for a in m.get("actions", ()):
        owners = ", ".join(a["owners"]) or "(no owner)"
        due = f" by {a['due']}" if a["due"] else ""
        where = a["source"].get("line") or a["source"].get("paragraph")
        kind = "line" if "line" in a["source"] else "paragraph"
        out.append(f"  [{a['agenda_item'] or '-'}] {owners}{due}: {a['text']}")
        out.append(f"        {kind} {where}, {a['rule']}" + (f"; {', '.join(a['doubts'])}" if a["doubts"] else ""))
    nm = m["next_meeting"]
    if nm:
        out.append("")
        parts = [nm["date"], _span(nm["start"], nm["end"]), nm["location"]]
        out.append("Next meeting: " + ", ".join(p for p in parts if p))
    if m.get("doubts"):
        out.append("")
        out.append("Doubts:")
        out += [f"  {d}" for d in m["doubts"]]
    return "\n".join(out)


def _span(start: str | None, end: str | None) -> str | None:
    if not start:
        return None
    return f"{start}–{end}" if end else start
