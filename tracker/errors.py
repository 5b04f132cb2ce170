"""What can go wrong with the store, each a ``ValueError`` with a one-line message that a
command line can print as it is."""

from __future__ import annotations

__all__ = ["AmbiguousId", "CorruptStore", "NothingToUndo", "StoreError", "StoreLocked", "UnknownId"]


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


class NothingToUndo(StoreError):
    """Every change in the store has already been undone (or there is none)."""
