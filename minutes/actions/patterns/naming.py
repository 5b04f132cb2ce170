"""Who a pattern's task belongs to: the names, handles, roles and groups it is written with."""

from __future__ import annotations

import re

from ...people import looks_like_name
from .common import (
    _ARROW, _HANDLE, _LEADING_HANDLES, _NAME_SEQ, _OWNERS_SEQ, _OWNER_SPLIT,
    _TRAILING_DASH_OWNER, _TRAILING_OWNER, _stem_match, _without_quantifier,
)


class Naming:
    """Who a pattern's task belongs to."""

    def _owners_of_task(self, text: str, hint: str | None) -> tuple[list[str], str]:
        """The owners a marked task names: ``TODO(sam)``, ``@sam``, ``Sam to …``,
        ``AI: Sam – text``, ``(Sam)`` at the end, ``Vastuu: Sam``; and the task without them."""
        if hint:
            return self._resolve_all(hint, keep_unknown=True), text
        handles = _HANDLE.findall(text)
        leading = _LEADING_HANDLES.match(text)
        if leading:  # "@omarchetti ask @prudence-k …": the one asked is no owner
            handles = _HANDLE.findall(leading.group(0))
        if handles:
            owners = self._resolve_all(", ".join(f"@{h}" for h in handles), keep_unknown=True)
            rest = text[leading.end():].lstrip(" :,–-") if leading else ""
            if len(rest.split()) >= 2:
                text = rest  # "@sam write the notes": the task is "write the notes"
            return owners, _HANDLE.sub(lambda m: m[1], text)
        label = self.owner_label.search(text)
        if label:
            owners = self._resolve_all(label["who"], keep_unknown=True)
            return owners, (text[: label.start()] + " " + text[label.end():]).strip(" .,;")
        lead = re.match(rf"^(?P<who>{_OWNERS_SEQ}|[a-zåäö]+)\s*(?:[–—:]|-\s)\s*(?P<rest>.+)$", text)
        if lead:
            owners = self._resolve_all(lead["who"], keep_unknown=lead["who"][:1].isupper())
            if owners:
                return owners, lead["rest"]
        for pattern in (_ARROW, _TRAILING_OWNER, _TRAILING_DASH_OWNER):
            match = self._owner_at_end(pattern, text)
            if match and match.start() > 0:
                owners = self._resolve_every(match["who"])
                if owners:
                    return owners, text[: match.start()].strip()
        commit = self._commitment(None, text, text.lower(), None, None)
        if commit:
            return commit.owners, text
        return self._subject_owners(text), text


    def _subject_owners(self, text: str) -> list[str]:
        """People and groups at the head of a task, where its doer stands: ``Hankkeet
        täyttävät …``, ``Kaikkien kuntien vastaukset …``; a recipient (``Helenalle``) or an
        object further on is no owner."""
        owners: list[str] = []
        words = re.findall(r"[\w-]+", text)
        verbs = self.profile.verbs
        reported = len(words) > 1 and (words[1].lower().endswith(tuple(verbs.get("past_endings", ())) or ("\0",))
                                       or words[1].lower() in verbs.get("past_words", ()))
        for at, word in enumerate(words[:3]):
            low = word.lower()
            if low.endswith(tuple(self.words.get("not_subject_endings", ())) or ("\0",)):
                continue
            named = word[:1].isupper() or word in self.nicks
            found = self.groups.get(low) or (self.state.people.resolve(word) if named else None) \
                or (self._role_holder(low) if at == 0 and not reported else None)  # "Rahastonhoitaja maksaa …"
            if found and found not in owners:
                owners.append(found)
        return _without_quantifier(owners, self.words.get("quantifiers", ()))


    def _people_in(self, text: str) -> list[str]:
        owners: list[str] = []
        for match in re.finditer(_NAME_SEQ, text):
            name = self.state.people.resolve(match.group(0)) or self._role_holder(match.group(0).lower())
            if name and name not in owners:
                owners.append(name)
        return owners


    def _resolve_all(self, written: str, keep_unknown: bool = False) -> list[str]:
        """``Eeva Sofia ja Kalle`` -> both canonical names; groups as their canonical word."""
        owners: list[str] = []
        for part in _OWNER_SPLIT.split(written.strip(" .")):
            part = part.strip(" .:()")
            if not part:
                continue
            name = self._resolve(part, keep_unknown)
            if name and name not in owners:
                owners.append(name)
        return owners


    def _resolve(self, part: str, keep_unknown: bool) -> str | None:
        found = self.state.people.resolve(part)
        if not found and part.startswith("@"):
            found = self.state.people.resolve(part[1:])  # @juho: the attendee Juho
        if found:
            return found
        low = part.lower()
        if low in self.groups:
            return self.groups[low]
        role = self._role_holder(low)
        if role:
            return role
        if low in self.pronouns:  # "They will print it …": whoever they are, not a name
            return None
        if keep_unknown and (looks_like_name(part.lstrip("@"), 3) or re.fullmatch(r"@?[a-z][\w.-]{1,30}", part)):
            return part.lstrip("@") if not part.startswith("@") else part
        return None


    def _role_holder(self, low: str) -> str | None:
        """``the Chair`` -> the chair; ``rahastonhoitaja``, ``the CEO`` -> the attendee with
        that role."""
        low = self.determiner.sub("", low).rstrip(".")
        if len(low.split()) > 3:
            return None
        for role in ("chair", "secretary"):
            words = {w.lower().rstrip(".") for w in self.profile.roles.get(role, ())}
            if low in words and getattr(self.state.minutes, role):
                return getattr(self.state.minutes, role)
        holders = []
        for person in self.state.minutes.attendees:
            role = (person.role or "").lower()
            initials = "".join(w[0] for w in re.findall(r"[\w]+", role))
            if role and (low == role or low == initials or _stem_match(low, role)):
                holders.append(person.name)
        return holders[0] if len(holders) == 1 else None
