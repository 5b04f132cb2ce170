"""What can go wrong with the store, each a ``ValueError`` with a one-line message that a
command line can print as it is."""

from __future__ import annotations

__all__ = ["AmbiguousId", "Changed", "CorruptStore", "NothingToUndo", "StoreError", "StoreLocked",
           "UnknownId", "UnknownPerson"]


class StoreError(ValueError):
    """Bad input for the store or a store that cannot be used; the message is one line."""


class CorruptStore(StoreError):
    """The store file is not valid JSON, not a minutes store, or from a newer version.
    The file is left exactly as it is; the message names it (and its ``.bak``)."""


class StoreLocked(StoreError):
    """Another process has held the store's lock for too long."""


class UnknownId(StoreError):
    """No action or meeting has this id or id prefix."""


class AmbiguousId(StoreError):
    """An id prefix that more than one action or meeting starts with."""


class Changed(StoreError):
    """A change made against what a person saw, when someone else has changed it since:
    ``now`` is what the store holds, ``shown`` what the person saw (``field`` of action
    ``subject``)."""

    def __init__(self, subject: str, field: str, now, shown) -> None:
        from tracker.i18n import _

        super().__init__(_("action {id}: its {field} changed meanwhile: now {now}, not {shown} as shown").format(
            id=subject, field=field, now=_said(now), shown=_said(shown)))
        self.subject, self.field, self.now, self.shown = subject, field, now, shown


def _said(value) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "nobody"
    return "none" if value is None else str(value)


class NothingToUndo(StoreError):
    """Every change in the store has already been undone (or there is none)."""


class UnknownPerson(StoreError):
    """A name that means nobody in the people registry; ``closest`` are the registered
    names nearest to it (the message says them)."""

    def __init__(self, name: str, closest: list[str]) -> None:
        from tracker.i18n import _

        near = _(" (closest: {names})").format(names=", ".join(closest)) if closest else ""
        super().__init__(_("nobody called {name} in the people registry{hint}").format(name=repr(name), hint=near))
        self.name = name
        self.closest = closest
