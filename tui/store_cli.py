"""The store's verbs of the ``minutes`` command line: import, list, show, update, undo,
the people registry, exports, the digest and the next meeting's agenda. Each is one call
into ``tracker``.

Every error ends with exit status 2 and one line on stderr, the store as it was. Nothing
here imports spaCy, dateparser or Textual; the parser is imported by ``import`` only, and
``minutes.dates`` by ``due`` only for a date that is not ISO.
"""

from __future__ import annotations

import functools
import gc
import os
import sys
from argparse import SUPPRESS, Namespace
from datetime import date

from tracker.errors import StoreError, UnknownPerson
from tracker.i18n import N_, _, ngettext, shown_date
from tui.cli import LANGUAGES, arg, command, fail, path

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (the hot verbs do not)
if TYPE_CHECKING:
    from pathlib import Path

    from tracker import Action, ActionStore, Meeting

STATUS_CHOICES = ("open", "done", "cancelled", "vanished", "all")
BY = arg("--as", dest="by", metavar="NAME", help=N_("Who makes the change (default: $USER)."))
JSON = arg("--json", dest="as_json", action="store_true", help=N_("Print JSON."))


def verb(name: str, *arguments, updates: bool = False, parses: bool = False):
    """Register a store verb on ``minutes`` (with ``--as`` when it changes the store), its
    store errors turned into one line.

    A verb that does not parse minutes runs without the cyclic garbage collector: the store
    it reads is a tree of plain objects with no cycles, which the collector would only walk
    (50 ms at 50,000 actions) to find nothing."""

    def decorate(func):
        @functools.wraps(func)
        def run(args: Namespace) -> None:
            collecting = gc.isenabled() and not parses
            if collecting:
                gc.disable()
            try:
                func(args)
            except StoreError as error:
                fail(str(error))
            except BrokenPipeError:  # the reader went away (``| head``): nothing to add
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                sys.exit(1)
            except OSError as error:
                from tracker import default_path

                where = error.filename or args.store or default_path()
                fail(f"{where}: {error.strerror or error}")
            finally:
                if collecting:
                    gc.enable()

        return command(name, *arguments, *([BY] if updates else []))(run)

    return decorate


def open_store(args: Namespace) -> ActionStore:
    from tracker import ActionStore

    return ActionStore(args.store, user=getattr(args, "by", None), report=notice)


def notice(message: str) -> None:
    """What the store mended as it read (a change cut off by a crash): one line on stderr."""
    from minutes.text import visible

    print(f"minutes: {visible(message)}", file=sys.stderr)


def echo_json(value) -> None:
    """Print ``value`` as JSON, every control character or bidirectional override in its
    strings as a ``\\u`` escape (orjson leaves C1 controls and U+202E as they are)."""
    import orjson

    from minutes.text import UNSAFE

    text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
    print(UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text))


def output(help: str = N_("Write to this file (default: standard output).")) -> tuple:
    return arg("-o", "--output", type=path, help=help)


# -- importing --------------------------------------------------------------------------------


@verb("import", arg("files", nargs="+", type=path, metavar="FILE"),
      arg("--dry-run", action="store_true", help=N_("Print what would change; change nothing.")),
      arg("--lang", choices=LANGUAGES, help=N_("The minutes' language.")),
      arg("--force", action="store_true",
          help=N_("Import a file even when it does not look like minutes.")),
      arg("--strict", action="store_true",
          help=N_("All or nothing: if any file fails, store none (the good ones in one write).")),
      JSON, updates=True, parses=True)
def import_(args: Namespace) -> None:
    """Parse FILEs and store their meetings and actions (again: no change). A file with no
    date, attendees, agenda or other mark of minutes is refused, unless --force. Every good
    file is stored (each its own change) and every bad one listed with its reason, exit
    status 2 if any failed; --strict stores nothing unless every file is good. The store
    is written once, whatever the number of files (file by file only when that one write
    does not fit on the disk); more than a few files are parsed in parallel."""
    from minutes.text import visible

    parsed, failed = [], []
    for file, outcome in zip(args.files, parse_files(args.files, args.lang, args.force)):
        if isinstance(outcome, str):
            failed.append((file, outcome))
        else:
            parsed.append((file, outcome))
    parsed.sort(key=lambda pair: pair[1].date or date.max)  # a series' meetings in the order they met
    results = []
    if parsed and not (args.strict and failed):
        with open_store(args) as store:
            new_store = not store.path.exists()
            try:
                outcomes = store.import_all([minutes for _file, minutes in parsed], dry_run=args.dry_run,
                                            each=not args.strict)
            except OSError as error:
                if args.strict:  # one write: every file, or (a write that fails) none
                    fail(_("{path}: {error}; none of the {n} files stored (--strict)").format(
                        path=error.filename or store.path, error=error.strerror or error, n=len(parsed)))
                outcomes = [_one_by_one(store, minutes, args.dry_run) for _file, minutes in parsed]
            for (file, _minutes), outcome in zip(parsed, outcomes):
                if isinstance(outcome, (StoreError, OSError)):
                    failed.append((file, getattr(outcome, "strerror", None) or str(outcome)))
                else:
                    results.append(outcome)
        if new_store and store.path.exists():
            print(_("minutes: created the store {path}").format(path=store.path), file=sys.stderr)
    if args.as_json:
        echo_json([result.to_json() for result in results])
    elif results:
        print("\n".join(result.summary() for result in results))
    if len(args.files) == 1 and failed:  # one file: one line
        fail(f"{failed[0][0]}: {failed[0][1]}")
    if failed:
        for file, reason in failed:
            print(f"minutes: {visible(' '.join(f'{file}: {reason}'.splitlines()))}", file=sys.stderr)
        stored = _("none stored (--strict)") if args.strict else (
            _("{n} of {total} read") if args.dry_run else _("{n} of {total} imported")).format(
                n=len(results), total=len(args.files))
        fail(ngettext("{n} of {total} file failed; {stored}", "{n} of {total} files failed; {stored}",
                      len(args.files)).format(n=len(failed), total=len(args.files), stored=stored))


def _one_by_one(store: ActionStore, minutes, dry_run: bool):
    """One file's import in a write of its own (what fits on a full disk is kept)."""
    try:
        return store.import_all([minutes], dry_run=dry_run)[0]
    except (StoreError, OSError) as error:
        return error


FEW = 4  # more files than this are parsed in worker processes


def parse_files(files: list[Path], lang: str | None, force: bool) -> list:
    """Each file's ``Minutes``, or why it is refused (a one-line reason), in the order
    given. More than a few files are parsed in worker processes, one a core; each worker
    loads a statistical model (where one is used) once, for all the files it parses."""
    workers = min(os.cpu_count() or 1, len(files))
    if len(files) <= FEW or workers < 2:
        return [parse_file(file, lang, force) for file in files]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(parse_file, files, [lang] * len(files), [force] * len(files),
                             chunksize=max(1, len(files) // (workers * 8))))


def parse_file(file: Path, lang: str | None, force: bool):
    """One file's ``Minutes``, or why it is refused."""
    from minutes import UnreadableMinutes, looks_like_minutes, parse

    try:
        minutes = parse(file, lang=lang)
    except (UnreadableMinutes, OSError) as error:
        return getattr(error, "strerror", None) or str(error)
    if not (force or looks_like_minutes(minutes)):
        return _("does not look like minutes (no date, attendees, agenda, chair, decisions or next "
                 "meeting found); --force imports it anyway")
    return minutes


# -- listing ----------------------------------------------------------------------------------


def status_option(default: str, help: str) -> tuple:
    return arg("--status", default=default, choices=STATUS_CHOICES, help=help)


MINE = arg("--mine", action="store_true",
           help=N_("Mine: $MINUTES_ME's, else those of `me` in config.toml in the user config directory."))


@verb("actions", arg("--owner", metavar="NAME", help=N_("Owned by NAME (or one of their aliases).")),
      MINE, status_option("open", N_("Which actions (default: open).")),
      arg("--overdue", action="store_true", help=N_("Open and past their due date.")),
      arg("--due-within", type=int, metavar="DAYS", help=N_("Due in the next DAYS days.")),
      arg("--meeting", metavar="ID", help=N_("From this meeting.")),
      arg("--text", metavar="WORDS", help=N_("With these words.")),
      arg("--stale", action="store_true",
          help=N_("Open and carried over 3+ meetings or overdue by 30+ days.")),
      JSON, arg("--today", type=date.fromisoformat, help=SUPPRESS))
def actions(args: Namespace) -> None:
    """List actions, by due date (--stale: the longest waiting first)."""
    today = args.today or date.today()
    if args.mine and args.owner:
        fail(_("--owner and --mine: give one of them"))
    owner = me(True, "") if args.mine else args.owner
    with open_store(args) as store:
        found = store.actions(owner=owner, status=args.status, overdue=args.overdue,
                              due_within=args.due_within, meeting=args.meeting, text=args.text,
                              today=today)
        waiting = store.stale(today=today) if args.stale else None
    if waiting is not None:
        wanted = {a.id for a in found}
        waiting = [s for s in waiting if s.action.id in wanted]
        if args.as_json:
            echo_json([s.to_json() for s in waiting])
        elif waiting:
            print(action_table([s.action for s in waiting], today,
                               {s.action.id: s.carried_over for s in waiting}))
    elif args.as_json:
        echo_json([a.to_json() for a in found])
    elif found:
        print(action_table(found, today))


def action_table(found: list[Action], today: date, carried: dict[str, int] | None = None) -> str:
    """One line an action: id, due date, status, owners, text and where it came from (and
    with ``carried``, how many meetings it has been carried over), in the language spoken."""
    owners = [", ".join(a.owners) or "-" for a in found]
    states = [_("overdue") if a.is_overdue(today) else _(a.status) for a in found]
    head = [_("ID"), _("DUE"), _("STATUS"), _("CARRIED"), _("OWNERS"), _("ACTION")]
    width = min(max(len(o) for o in owners + [head[4]]), 32)
    state_width = max(len(s) for s in states + [head[2]])
    due_width = max(10, len(head[1]))
    extra = f"{head[3]:<8} " if carried is not None else ""
    lines = [f"{head[0]:<7} {head[1]:<{due_width}} {head[2]:<{state_width}} {extra}{head[4]:<{width}}  {head[5]}"]
    for a, who, state in zip(found, owners, states):
        where = (shown_date(a.meeting.date, _("undated")) if a.meeting.id else _("no meeting")) \
            + (item_ref(a.agenda_item) if a.agenda_item else "")
        gone = _(" (no longer in the minutes)") if a.vanished else ""
        times = f"{carried.get(a.id, 0):<8} " if carried is not None else ""
        lines.append(f"{a.id:<7} {shown_date(a.due, '-'):<{due_width}} {state:<{state_width}} {times}"
                     f"{who:<{width}}  {a.text}{gone}  [{where}]")
    return "\n".join(lines)


def item_ref(item: str) -> str:
    """`` §3`` for a numbered agenda item, ``, Budget`` for one known by its title."""
    return f" §{item}" if item[:1].isdigit() else f", {item}"


@verb("meetings", arg("--series", dest="by_series", action="store_true",
                      help=N_("Group the meetings by body (the same title), each series oldest first.")),
      JSON)
def meetings(args: Namespace) -> None:
    """List the imported meetings, latest first."""
    by_series, as_json = args.by_series, args.as_json
    with open_store(args) as store:
        found = store.meetings()
        series = store.series() if by_series else []
        counts: dict[tuple[str, str], int] = {}
        for a in store.actions():
            counts[a.meeting.id, a.status] = counts.get((a.meeting.id, a.status), 0) + 1
    if by_series:
        listed = {}
        for s in series:
            listed[s.name] = [{**m.ref(), "actions": sum(n for (mid, _status), n in counts.items() if mid == m.id),
                               "open": counts.get((m.id, "open"), 0)} for m in s.meetings]
        if as_json:
            echo_json([{**s.to_json(), "meetings": listed[s.name]} for s in series])
            return
        for s in series:
            print(f"{s.name or _('(untitled)')}  [" + ngettext("{n} meeting", "{n} meetings", len(s.meetings)).format(
                n=len(s.meetings)) + f"; {s.language or '?'}]")
            for m, info in zip(s.meetings, listed[s.name]):
                print(f"  {m.id:<7} {shown_date(m.date, _('undated')):<10} {m.title or _('(untitled)')}  "
                      f"[{counted(info['actions'], info['open'])}]")
        return
    if as_json:
        echo_json([m.to_json() for m in found])
        return
    for m in found:
        total = sum(n for (mid, _status), n in counts.items() if mid == m.id)
        print(f"{m.id:<7} {shown_date(m.date, _('undated')):<10} {m.title or _('(untitled)')}  "
              f"[{counted(total, counts.get((m.id, 'open'), 0))}]")


def counted(total: int, open_: int) -> str:
    """``7 actions, 3 open``."""
    return ngettext("{n} action", "{n} actions", total).format(n=total) + ", " + \
        ngettext("{n} open", "{n} open", open_).format(n=open_)


@verb("show", arg("some_id", metavar="ID"), JSON)
def show(args: Namespace) -> None:
    """Show one action (with its history) or one meeting (with its actions)."""
    from tracker import Meeting

    with open_store(args) as store:
        found = store.find(args.some_id)
        history = store.history(found.id)
        listed = store.actions(meeting=found.id) if isinstance(found, Meeting) else []
    if args.as_json:
        value = found.to_json()
        if isinstance(found, Meeting):
            value["actions"] = [a.to_json() for a in listed]
        value["history"] = [c.to_json() for c in history]
        echo_json(value)
    elif isinstance(found, Meeting):
        print(meeting_text(found, listed))
    else:
        print(action_text(found, history))


def action_text(a: Action, history) -> str:
    due = (_("due {date}").format(date=shown_date(a.due)) + (f" ({a.due_text})" if a.due_text else "")
           if a.due else _("no due date"))
    meeting = (f"{a.meeting.id}  {a.meeting.title or _('(untitled)')}, {shown_date(a.meeting.date, _('undated'))}"
               if a.meeting.id else _("none (added by a member)"))
    if a.agenda_item:
        title = a.meeting.agenda_title(a.agenda_item)
        meeting += ", " + _("item {number}").format(number=a.agenda_item) + (f" {title}" if title else "")
    labels = [_("owners:"), _("meeting:"), _("source:")]
    width = max(len(label) for label in labels) + 1
    owners, at, source = (label.ljust(width) for label in labels)
    lines = [f"{a.id}  {_(a.status)}  {due}" + (_("  (no longer in the minutes)") if a.vanished else ""),
             a.text,
             f"{owners}{', '.join(a.owners) or _('nobody yet')}",
             f"{at}{meeting}"]
    if a.source.get("snippet"):
        place = (_("line {n}").format(n=a.source["line"]) if a.source.get("line") is not None
                 else _("paragraph {n}").format(n=a.source.get("paragraph")))
        lines.append(f"{source}{place}: {a.source['snippet']}")
    if a.notes:
        lines.append(_("notes:"))
        lines += [f"  {n.at[:10]} {n.by}: {n.text}" for n in a.notes]
    if a.mentions:
        lines.append(_("later meetings:"))
        for m in a.mentions:
            said = f"{_(m.status)} ({m.word or m.reason})"
            how = "" if m.applied else _(", proposed, score {score}").format(score=m.score) + (
                f", {m.doubt}" if m.doubt else "")
            lines.append(f"  {shown_date(m.date, _('undated'))} {m.meeting}: {said}{how}: {m.sentence}")
    lines.append(_("history:"))
    lines += [f"  {change_text(c)}" for c in history]
    return "\n".join(lines)


# the words of the history, in the language spoken
KINDS = {"action": N_("action"), "meeting": N_("meeting"), "person": N_("person")}
FIELDS = {"status": N_("status"), "owners": N_("owners"), "due": N_("due"), "text": N_("text"),
          "aliases": N_("aliases"), "source": N_("source"), "agenda_item": N_("agenda item"),
          "due_text": N_("due as written"), "vanished": N_("vanished")}
STATUSES = {"open": N_("open"), "done": N_("done"), "cancelled": N_("cancelled"), "vanished": N_("vanished")}


def change_text(c) -> str:
    """One history entry as a line."""
    undo = _(" (undoing change {change})").format(change=c.undoes) if c.undoes else ""
    because = f"  <- {c.evidence['sentence']!r} ({c.evidence.get('date') or c.evidence['meeting']})" \
        if c.evidence else ""
    return f"{c.at}  {c.by} ({c.via}{undo})  {_(KINDS.get(c.kind, c.kind))} {c.subject}  {what_changed(c)}{because}"


def what_changed(c) -> str:
    """What one history entry did to its field, in words."""
    if c.field in ("created", "deleted"):
        return _("created") if c.field == "created" else _("deleted")
    if c.field == "notes":
        added = (c.new or [])[len(c.old or ()):]
        return _("note: {text}").format(text="; ".join(n["text"] for n in added)) if added \
            else _("notes: one removed")
    if c.field == "mentions":
        added = [m for m in c.new or () if m not in (c.old or ())]
        return (_("mentioned: {what}").format(what="; ".join(
            f"{m.get('date') or m['meeting']} {_value(m['status'])} ({m.get('word') or m.get('reason')}, "
            f"{m.get('outcome')}): {m.get('sentence')!r}" for m in added))
            if added else _("mentions: one removed"))
    return f"{_(FIELDS.get(c.field, c.field))}: {_value(c.old)} -> {_value(c.new)}"


def _value(value) -> str:
    if value is None:
        return _("none")
    if isinstance(value, list) and value and isinstance(value[0], dict) and "sentence" in value[0]:
        return ngettext("{n} mention", "{n} mentions", len(value)).format(n=len(value))
    if isinstance(value, list):
        return ", ".join(map(str, value)) or _("none")
    if isinstance(value, dict) and "snippet" in value:  # an action's source
        return repr(value["snippet"])
    if isinstance(value, str) and value in STATUSES:
        return _(STATUSES[value])
    return str(value)


def meeting_text(m: Meeting, listed: list[Action]) -> str:
    """A meeting as ``minutes parse`` shows minutes (``minutes.summary``: its facts,
    attendees with organisations and roles, chair, secretary, agenda, decisions, next
    meeting), then where it came from and its actions as the store has them."""
    from minutes.summary import summary

    lines = [f"{m.id}  {summary(m.to_json())}", "",
             _("Source: {path} ({format})").format(path=m.source.get("path"), format=m.source.get("format")), "",
             _("Actions ({n}):").format(n=len(listed))]
    if listed:
        lines.append(action_table(listed, date.today()))
    return "\n".join(lines)


# -- updating ---------------------------------------------------------------------------------


def report(store: ActionStore, ids, changes, nothing: str) -> None:
    """Say what happened to each action named on the command line."""
    changed = {c.subject for c in changes}
    for some_id in ids:
        a = store.action(some_id)
        print(action_line(a) if a.id in changed else f"{a.id}  {nothing}  {a.text}")


def action_line(a: Action) -> str:
    """An action as the update verbs print it: id, status, owners, due date, text."""
    return (f"{a.id}  {_(STATUSES.get(a.status, a.status))}  {', '.join(a.owners) or '-'}  "
            + _("due {date}").format(date=shown_date(a.due, "-")) + f"  {a.text}")


def _status_verb(name: str, method: str, nothing: str, doc: str):
    def change(args: Namespace) -> None:
        with open_store(args) as store:
            changes = getattr(store, method)(*args.ids)
            report(store, args.ids, changes, _(nothing))

    change.__doc__ = doc
    return verb(name, arg("ids", nargs="+", metavar="ID"), updates=True)(change)


done = _status_verb("done", "complete", N_("was done already"), N_("Mark actions done."))
reopen = _status_verb("reopen", "reopen", N_("was open already"), N_("Open actions again."))
cancel = _status_verb("cancel", "cancel", N_("was cancelled already"), N_("Cancel actions."))


ACTION_ID = arg("action_id", metavar="ID")


NEW = arg("--new", action="store_true",
          help=N_("A name that is nobody's in the people registry is a new person."))


@verb("assign", ACTION_ID, arg("names", nargs="+", metavar="NAME"), NEW, updates=True)
def assign(args: Namespace) -> None:
    """Make NAMEs the owners of an action. Names are read as in minutes (Markus Fröjdman,
    markus, Markukselle, Tommi for Tomi); one that is nobody's is refused, unless --new."""
    with open_store(args) as store:
        try:
            changes = store.assign(args.action_id, *args.names, new=args.new)
        except UnknownPerson as error:
            fail(_("{error}; --new adds {name} as a new person").format(error=error, name=repr(error.name)))
        report(store, [args.action_id], changes, _("had these owners already"))


@verb("due", ACTION_ID, arg("when", nargs="+", metavar="DATE"),
      arg("--today", type=date.fromisoformat, help=SUPPRESS), updates=True)
def due(args: Namespace) -> None:
    """Set an action's due date: 2026-03-25, 25.3., next friday, ensi perjantaina,
    joulukuun alussa, none. A phrase is read as the parser reads due dates, from today."""
    with open_store(args) as store:
        action = store.action(args.action_id)
        changes = store.set_due(action.id, " ".join(args.when), today=args.today)
        report(store, [action.id], changes, _("had this due date already"))


@verb("note", ACTION_ID, arg("words", nargs="+", metavar="TEXT"), updates=True)
def note(args: Namespace) -> None:
    """Add a note to an action."""
    with open_store(args) as store:
        store.note(args.action_id, " ".join(args.words))
        a = store.action(args.action_id)
    added = a.notes[-1]
    print(f"{a.id}  " + _("note {n} by {by}: {text}").format(n=len(a.notes), by=added.by, text=added.text))
    print("        " + _("on: {text}").format(text=a.text))


@verb("add", arg("words", nargs="+", metavar="TEXT"),
      arg("--owner", dest="owners", nargs="+", default=[], metavar="NAME",
          help=N_("Who owns it (names read as assign reads them).")),
      arg("--due", nargs="+", metavar="DATE", help=N_("When it is due (as `minutes due` reads it).")),
      arg("--meeting", metavar="ID", help=N_("The meeting it belongs to (default: none).")),
      NEW, arg("--today", type=date.fromisoformat, help=SUPPRESS), updates=True)
def add(args: Namespace) -> None:
    """Add an action the parser missed: minutes add "Book the hall" --owner Pekka --due
    "next friday" --meeting 51da. In the history; undo takes it back."""
    with open_store(args) as store:
        try:
            added = store.add(" ".join(args.words), owners=args.owners, meeting=args.meeting,
                              due=" ".join(args.due) if args.due else None, new=args.new,
                              today=args.today)
        except UnknownPerson as error:
            fail(_("{error}; --new adds {name} as a new person").format(error=error, name=repr(error.name)))
    where = (f"{added.meeting.id} {added.meeting.title or _('(untitled)')} "
             f"{shown_date(added.meeting.date, _('undated'))}") if added.meeting.id else _("no meeting")
    print(f"{action_line(added)}  " + _("(added to {where})").format(where=where))


@verb("edit", ACTION_ID, arg("--text", required=True, nargs="+", metavar="TEXT",
                             help=N_("The corrected text.")), updates=True)
def edit(args: Namespace) -> None:
    """Correct an action the parser misread: its text (owners: assign; due date: due).
    A re-import of its minutes keeps the correction; undo takes it back."""
    with open_store(args) as store:
        changes = store.edit(args.action_id, text=" ".join(args.text))
        report(store, [args.action_id], changes, _("had this text already"))


@verb("undo", arg("--any", dest="anyone", action="store_true",
                  help=N_("The latest change whoever made it: shown, then asked about.")),
      arg("--yes", action="store_true", help=N_("With --any: do not ask.")), updates=True)
def undo(args: Namespace) -> None:
    """Take back your latest change (yours: --as, else $USER); --any: the latest change,
    whoever made it, after showing it."""
    with open_store(args) as store:
        change = None
        if args.anyone and not args.yes:
            shown = store.last_change(anyone=True)
            print(undone_lines(shown, N_("the latest change is change {change} ({via} by {by} at {at}):")))
            if not _agreed(_("undo it? [y/N] ")):
                print(_("nothing undone"))
                sys.exit(1)
            change = shown[0].change
        reverted = store.undo(anyone=args.anyone, change=change)
    print(undone_lines(reverted, N_("undid change {change} ({via} by {by} at {at}):")))


def undone_lines(changes, said: str) -> str:
    """A change (its history entries, newest first) as ``undo`` shows it, under ``said``
    (a message with the change's number, verb, who and when)."""
    first = changes[0]
    lines = [_(said).format(change=first.change, via=first.via, by=first.by, at=first.at)]
    lines += [f"  {_(KINDS.get(c.kind, c.kind))} {c.subject}  {what_changed(c)}" for c in reversed(changes)]
    return "\n".join(lines)


def _agreed(question: str) -> bool:
    """A yes typed on standard input (nothing there, or anything else: no)."""
    try:
        answer = input(question)
    except (EOFError, OSError):
        print()
        return False
    return answer.strip().casefold() in ("y", "yes", "k", "kyllä", "j", "ja", _("y"))


@verb("accept", ACTION_ID, arg("meeting_id", metavar="MEETING", nargs="?"), updates=True)
def accept(args: Namespace) -> None:
    """Follow what later minutes were only proposed to say of an action (the latest such
    mention, or MEETING's)."""
    with open_store(args) as store:
        changes = store.accept(args.action_id, args.meeting_id)
        report(store, [args.action_id], [c for c in changes if c.field == "status"], _("keeps its status"))


# -- people -----------------------------------------------------------------------------------


@verb("people", JSON)
def people(args: Namespace) -> None:
    """List the people registry: names, aliases, open actions."""
    with open_store(args) as store:
        found = store.people()
    if args.as_json:
        echo_json([p.to_json() for p in found])
        return
    for p in found:
        aliases = "  " + _("(also {names})").format(names=", ".join(p.aliases)) if p.aliases else ""
        print(f"{p.name}{aliases}  [" + ngettext("{n} open", "{n} open", p.open_actions).format(n=p.open_actions) + "]")


@verb("alias", arg("other", metavar="ALIAS"), arg("name", metavar="NAME"), updates=True)
def alias(args: Namespace) -> None:
    """Make ALIAS another name of the person NAME (merging a person called ALIAS)."""
    with open_store(args) as store:
        canonical = store.alias(args.other, args.name)
    print(_("{alias} is {name}").format(alias=args.other, name=canonical))


# -- exports ----------------------------------------------------------------------------------


def format_option(*formats: str, help: str) -> tuple:
    return arg("--format", dest="format_", choices=formats, default=formats[0], help=help)


@verb("export", format_option("json", "csv", "md", "ics", help=N_("The format (default: json).")), output(),
      arg("--owner", metavar="NAME", help=N_("Only NAME's actions.")),
      status_option("all", N_("Which actions (default: all).")),
      arg("--meeting", metavar="ID", help=N_("Only this meeting's actions.")),
      arg("--excel", action="store_true",
          help=N_("CSV as Excel opens it where a comma is the decimal sign: UTF-8 with a BOM, semicolons.")),
      arg("--open-only", action="store_true",
          help=N_("iCalendar with the open actions only (else done and cancelled ones too).")))
def export(args: Namespace) -> None:
    """Export actions as CSV, JSON, Markdown or iCalendar (the actions with a due date:
    open ones to do, done ones completed, cancelled ones cancelled)."""
    from tracker.export import export as render

    if args.excel and args.format_ != "csv":
        fail(_("--excel is for --format csv"))
    if args.open_only and args.format_ != "ics":
        fail(_("--open-only is for --format ics"))
    with open_store(args) as store:
        found = store.actions(owner=args.owner, status=args.status, meeting=args.meeting)
    write(render(found, args.format_, excel=args.excel, open_only=args.open_only), args.output)


@verb("digest", arg("--owner", metavar="NAME", help=N_("Whose open actions.")), MINE,
      arg("--meeting", metavar="ID", help=N_("A meeting's open actions, by person.")),
      arg("--all", dest="every", action="store_true", help=N_("Every meeting's open actions, by person.")),
      format_option("md", "text", "eml", help=N_("The format (default: md).")),
      arg("--to", nargs="+", default=[], metavar="ADDRESS", help=N_("With --format eml: the recipients.")),
      output())
def digest(args: Namespace) -> None:
    """Open actions ready for an email: one person's (--owner, --mine, or with none of
    these options $MINUTES_ME's), overdue first; or a meeting's (--meeting) or every
    meeting's (--all) by person, then the unassigned ones, as MeetBot lists them. --format
    eml writes a message a mail client opens ready to send."""
    chosen = [option for option, given in (("--owner", args.owner), ("--mine", args.mine),
                                           ("--meeting", args.meeting), ("--all", args.every)) if given]
    if len(chosen) > 1:
        fail(_("{options}: give one of them").format(options=_(" and ").join(chosen)))
    if args.to and args.format_ != "eml":
        fail(_("--to is for --format eml"))
    owner = args.owner
    if not chosen or args.mine:
        owner = me(args.mine, _("whose actions? --owner NAME, --meeting ID or --all (or set $MINUTES_ME)"))
    with open_store(args) as store:
        text = store.digest(owner, meeting=args.meeting, format=args.format_, to=args.to)
    write(text, args.output)


def me(asked: bool, otherwise: str) -> str:
    """Who "me" is ($MINUTES_ME, else ``me`` in the config file), or the end of the verb."""
    from tui.config import config_path, configured_me

    found = configured_me()
    if found is None:
        fail(_("--mine: who is me? set $MINUTES_ME or me = \"Your Name\" in {path}").format(path=config_path())
             if asked else otherwise)
    return found


def write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8", newline="")


# -- the next meeting -------------------------------------------------------------------------


@verb("agenda", arg("--next", dest="series", required=True, metavar="SERIES",
                    help=N_("The series: the start of its name (see meetings --series) or a meeting id.")),
      format_option("md", "docx", help=N_("The format (default: md).")),
      output(N_("Write to this file (default: standard output; a DOCX needs a file).")))
def agenda(args: Namespace) -> None:
    """Draft the agenda of a series' next meeting: its standing items and open actions."""
    from tracker import agenda as render

    if args.format_ == "docx" and args.output is None:
        raise StoreError(_("a DOCX agenda needs a file: add -o FILE"))
    with open_store(args) as store:
        draft = store.agenda(args.series)
    if args.format_ == "docx":
        args.output.write_bytes(render.docx(draft))
    else:
        write(render.markdown(draft), args.output)
