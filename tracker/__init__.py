"""The action store: who does what by when, from the minutes of every meeting.

    from minutes import parse
    from tracker import ActionStore

    with ActionStore("actions.json") as store:       # None: $MINUTES_STORE or the user data dir
        result = store.import_minutes(parse("muistio.docx"))   # one write; again: no change
        for a in store.actions(owner="Ingela Kaarto", status="open", overdue=True):
            print(a.id, a.due, a.owners, a.text)
        store.complete(a.id)                          # any unique prefix of the id will do
        store.note(a.id, "sent on Monday")
        store.undo()                                  # the note goes again

The store is a TinyDB database kept in a snapshot written atomically under a lock and a
journal of the changes made since, one synced line each, so a TUI, an import and a
command line can share it and a listing reads only what it shows (``tracker.storage``);
its shape is in ``tracker.codec``.
Queries compose (``tracker.queries``), updates are operations (``tracker.operations``),
and exports are in ``tracker.export``. Meetings of one body form a series
(``tracker.series``); importing the next meeting's minutes settles what they say of the
earlier actions (``tracker.reconcile``), and ``store.agenda`` drafts the next agenda
(``tracker.agenda``). Every error is a ``StoreError`` (a ``ValueError``)
with a one-line message.
"""

__all__ = [
    "Action",
    "ActionStore",
    "AmbiguousId",
    "Change",
    "Changed",
    "CorruptStore",
    "Meeting",
    "Mention",
    "Note",
    "NothingToUndo",
    "Person",
    "Stale",
    "StoreError",
    "StoreLocked",
    "UnknownId",
    "UnknownPerson",
    "default_path",
    "read_due",
]

# where each name lives: a name is imported when first asked for, so that ``import
# tracker.errors`` (the command line's error handling) costs nothing of the rest
_HOMES = {
    **dict.fromkeys(("Action", "Change", "Meeting", "Mention", "Note", "Person"), "tracker.codec"),
    **dict.fromkeys(("AmbiguousId", "Changed", "CorruptStore", "NothingToUndo", "StoreError",
                     "StoreLocked", "UnknownId", "UnknownPerson"), "tracker.errors"),
    **dict.fromkeys(("ActionStore", "Stale", "default_path", "read_due"), "tracker.store"),
}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'tracker' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
