"""Rules that read a task off one line: explicit markers, action sections, owner and due
labels, an owner named after the task."""

from __future__ import annotations

import re

from ...people import NAME_TOKEN, looks_like_name
from ...structure import Line
from .common import (
    Found, _ARROW, _BOX, _BULLET, _OWNER_SPLIT, _TRAILING_DASH_OWNER, _TRAILING_OWNER,
    _starts_item,
)


class Lines:
    """The rules that read a task off one line."""

    def _explicit(self, line: Line, text: str) -> Found | None:
        box = _BOX.match(text)
        match = self.marker.match(text) if not box else None
        if not box and not match:
            return None
        rest = text[box.end():] if box else text[match.end():]
        if not rest.strip():
            return None
        hint = match["paren"] if match and match["paren"] else None
        tagged = self._resolve_every(rest) or self._named_outsider(rest)
        if tagged and not hint:
            return self._tag_previous(line, tagged)  # "… paragraph. ACTION: AB/KL"
        owners, rest = self._owners_of_task(rest, hint)
        return Found(rest, owners, line, "explicit", text, text)


    def _tag_previous(self, line: Line, owners: list[str]) -> Found | None:
        """An owner tag on its own line takes the last sentence above it as its task."""
        above = [(first, text) for first, text in self.units if first.index < line.index]
        if not above or above[-1][0].is_table or line.index - above[-1][0].index > 4:
            return None
        previous, text = above[-1]
        sentences = self._sentences(text)
        task = self._strip_label(sentences[-1] if sentences else text)
        return Found(task, owners, previous, "explicit", task, task)


    def _strip_label(self, text: str) -> str:
        """``Päätös: Merkittiin tiedoksi …`` -> ``Merkittiin tiedoksi …``."""
        label = self.state.label_of(text)
        return label[1] if label and label[1] else text


    def _attach(self, text: str, line: Line, found: list[Found]) -> bool:
        """``Vastuu: X`` / ``Ansvarig: X, senast 14/4`` / ``Aikataulu: 13.3.`` on the lines
        right below a task: they complete it."""
        if not found:
            return False
        last = found[-1]
        listed = last.rule in ("explicit", "section", "owner")
        if line.index - last.line.index > (3 if listed else 1) or not listed and last.owners:
            return False  # any task with no owner yet takes the line right below it
        owner = self.owner_label.match(text.strip() + "\n")
        due = self.due_label.match(text)
        if owner and owner.start() == 0:
            who = self.due_after_owner.split(owner["who"])[0]
            last.owners = self._resolve_all(who, keep_unknown=True) or last.owners
            last.due_source += " " + text
            return True
        if due:
            last.due_source = due["when"] + " " + last.due_source
            return True
        return False


    def _section_lines(self) -> set[int]:
        """Lines under an action section heading or label (``Action items``, ``Toimenpiteet``)."""
        sections = set(self.words.get("section", ()))
        inside: set[int] = set()
        active = False
        for line in self.state.lines:
            bare = line.text.strip().strip("*#:").strip().lower()
            if bare in sections:
                active = True
                continue
            if active and (line.block.kind == "heading" or _starts_item(self.state, line)
                           or self.state.label_of(line.text) and not self.marker.match(line.text)):
                active = False
            if active and not line.is_table:
                inside.add(line.index)
        return inside


    def _in_section(self, line: Line, text: str) -> Found | None:
        if line.index not in self.sections:
            return None
        text = _BULLET.sub("", text)
        if len(text.split()) <= 3 and (looks_like_name(text.strip(" :")) or text.strip(" :").islower()):
            return None  # a "by person" sub-heading
        owners, rest = self._owners_of_task(text, None)
        if not owners and line.block.kind != "list_item" and not _BULLET.match(line.text):
            return None  # "Minutes formatted by …" after the list
        return Found(rest, owners, line, "section", text, text)


    def _owner_line(self, line: Line, text: str) -> Found | None:
        """A task that names its owner at its end: ``… (vastuu: X)``, ``… -> X hoitaa``,
        ``… (X)``."""
        sentence = _BULLET.sub("", text)
        match = self.owner_label.search(sentence)
        if match and match.start() > 0:
            owners = self._resolve_all(match["who"], keep_unknown=True)
            task = (sentence[: match.start()] + " " + sentence[match.end():]).strip(" .,;(")
            task = self._strip_agreed(task)
            return Found(task, owners, line, "owner", text, text)
        for pattern in (_ARROW, _TRAILING_OWNER, _TRAILING_DASH_OWNER):
            match = self._owner_at_end(pattern, sentence)
            if match and match.start() > 0 and self._statement(sentence[: match.start()]):
                return None  # "The new site is still planned for June (Maria)": news, not a task
            if match and match.start() > 0:
                owners = self._resolve_every(match["who"], keep_unknown=pattern is _ARROW)
                if owners and len(sentence[: match.start()].split()) >= 2:
                    return Found(sentence[: match.start()], owners, line, "owner", text, text)
        return None


    def _statement(self, text: str) -> bool:
        """A line that says how things are (``Sali on varattu``, ``the launch is aimed at
        May``), not what is to be done (``Budjetti on päivitettävä``)."""
        return self._says(text.lower(), "statement_verbs") and not self._marks_task(text)


    def _owner_at_end(self, pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
        """``… → Viktor``, ``… → Viktor, senast 30/4``: what follows the owner after a comma
        must be the due date (``→ Kyllä, tilaukset kahvion kautta`` is an answer)."""
        match = pattern.search(text)
        when = match.groupdict().get("when") if match else None
        if when and not (re.search(r"\d", when) or self._says(when.lower(), "by", "due_phrases")
                         or self._deadline_in(when)):
            return None
        return match


    def _named_outsider(self, text: str) -> list[str]:
        """``kulttuurisihteeri Aino Lehtinen``: a role in lower case and a full name, the
        whole of an owner tag."""
        match = re.fullmatch(rf"(?:[a-zåäö-]+\s+){{0,2}}(?P<name>{NAME_TOKEN}\s{NAME_TOKEN}(?:\s{NAME_TOKEN})?)\.?", text.strip())
        if not match:
            return []
        return [self.state.people.resolve(match["name"]) or match["name"]]


    def _resolve_every(self, written: str, keep_unknown: bool = False) -> list[str]:
        """The owners of ``written`` when every part of it is one (``(Heidi)``, not
        ``(Kaarnamaan liitto)`` nor ``(mkoivu, 14:01)``)."""
        parts = [p for p in _OWNER_SPLIT.split(written.strip(" .")) if p.strip(" .:()")]
        owners = self._resolve_all(written, keep_unknown)
        return owners if parts and len(owners) == len(parts) else []
