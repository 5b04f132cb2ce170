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
from tui.cli import LANGUAGES, arg, command, fail, path

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (the hot verbs do not)
if TYPE_CHECKING:
    from pathlib import Path

    from tracker import Action, ActionStore, Meeting

STATUS_CHOICES = ("open", "done", "cancelled", "vanished", "all")
BY = arg("--as", dest="by", metavar="NAME", help="Who makes the change (default: $USER).")
JSON = arg("--json", dest="as_json", action="store_true", help="Print JSON.")


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

    return ActionStore(args.store, user=getattr(args, "by", None))


def echo_json(value) -> None:
    """Print ``value`` as JSON, every control character or bidirectional override in its
    strings as a ``\\u`` escape (orjson leaves C1 controls and U+202E as they are)."""
    import orjson

    from minutes.text import UNSAFE

    text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
    print(UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text))


def output(help_more: str = "") -> tuple:
    return arg("-o", "--output", type=path, help=f"Write to this file (default: standard output{help_more}).")


# -- importing --------------------------------------------------------------------------------


@verb("import", arg("files", nargs="+", type=path, metavar="FILE"),
      arg("--dry-run", action="store_true", help="Print what would change; change nothing."),
      arg("--lang", choices=LANGUAGES, help="The minutes' language."),
      arg("--force", action="store_true",
          help="Import a file even when it does not look like minutes."),
      arg("--strict", action="store_true",
          help="All or nothing: if any file fails, store none (the good ones in one write)."),
      JSON, updates=True, parses=True)
def import_(args: Namespace) -> None:
    """Parse FILEs and store their meetings and actions (again: no change). A file with no
    date, attendees, agenda or other mark of minutes is refused, unless --force. Every good
    file is stored (each its own change) and every bad one listed with its reason, exit
    status 2 if any failed; --strict stores nothing unless every file is good."""
    from minutes import UnreadableMinutes, looks_like_minutes, parse
    from minutes.text import visible

    parsed, failed = [], []
    for file in args.files:  # every file is read before anything is stored
        try:
            minutes = parse(file, lang=args.lang)
        except (UnreadableMinutes, OSError) as error:
            failed.append((file, getattr(error, "strerror", None) or str(error)))
            continue
        if not (args.force or looks_like_minutes(minutes)):
            failed.append((file, "does not look like minutes (no date, attendees, agenda, chair, "
                                 "decisions or next meeting found); --force imports it anyway"))
            continue
        parsed.append((file, minutes))
    parsed.sort(key=lambda pair: pair[1].date or date.max)  # a series' meetings in the order they met
    results = []
    if parsed and not (args.strict and failed):
        with open_store(args) as store:
            new_store = not store.path.exists()
            if args.strict:  # one write: every file, or (a write that fails) none
                try:
                    with store.batch():
                        results = [store.import_minutes(minutes, dry_run=args.dry_run)
                                   for _, minutes in parsed]
                except OSError as error:
                    fail(f"{error.filename or store.path}: {error.strerror or error}; none of the "
                         f"{len(parsed)} files stored (--strict)")
            else:
                for file, minutes in parsed:
                    try:
                        results.append(store.import_minutes(minutes, dry_run=args.dry_run))
                    except (StoreError, OSError) as error:
                        failed.append((file, getattr(error, "strerror", None) or str(error)))
        if new_store and store.path.exists():
            print(f"minutes: created the store {store.path}", file=sys.stderr)
    if args.as_json:
        echo_json([result.to_json() for result in results])
    elif results:
        print("\n".join(result.summary() for result in results))
    if len(args.files) == 1 and failed:  # one file: one line
        fail(f"{failed[0][0]}: {failed[0][1]}")
    if failed:
        for file, reason in failed:
            print(f"minutes: {visible(' '.join(f'{file}: {reason}'.splitlines()))}", file=sys.stderr)
        stored = "none stored (--strict)" if args.strict else (
            f"{len(results)} of {len(args.files)} {'read' if args.dry_run else 'imported'}")
        fail(f"{len(failed)} of {len(args.files)} file{'s' if len(args.files) != 1 else ''} "
             f"failed; {stored}")


# -- listing ----------------------------------------------------------------------------------


def status_option(default: str) -> tuple:
    return arg("--status", default=default, choices=STATUS_CHOICES,
               help=f"Which actions (default: {default}).")


MINE = arg("--mine", action="store_true",
           help="Mine: $MINUTES_ME's, else those of `me` in config.toml in the user config directory.")


@verb("actions", arg("--owner", metavar="NAME", help="Owned by NAME (or one of their aliases)."),
      MINE, status_option("open"),
      arg("--overdue", action="store_true", help="Open and past their due date."),
      arg("--due-within", type=int, metavar="DAYS", help="Due in the next DAYS days."),
      arg("--meeting", metavar="ID", help="From this meeting."),
      arg("--text", metavar="WORDS", help="With these words."),
      arg("--stale", action="store_true",
          help="Open and carried over 3+ meetings or overdue by 30+ days."),
      JSON, arg("--today", type=date.fromisoformat, help=SUPPRESS))
def actions(args: Namespace) -> None:
    """List actions, by due date (--stale: the longest waiting first)."""
    today = args.today or date.today()
    if args.mine and args.owner:
        fail("--owner and --mine: give one of them")
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
    with ``carried``, how many meetings it has been carried over)."""
    owners = [", ".join(a.owners) or "-" for a in found]
    width = min(max(len(o) for o in owners), 32)
    extra = f"{'CARRIED':<8}" if carried is not None else ""
    lines = [f"{'ID':<7} {'DUE':<10} {'STATUS':<9} {extra}{'OWNERS':<{width}}  ACTION"]
    for a, who in zip(found, owners):
        state = "overdue" if a.is_overdue(today) else a.status
        where = (f"{a.meeting.date or 'undated'}" if a.meeting.id else "no meeting") \
            + (item_ref(a.agenda_item) if a.agenda_item else "")
        gone = " (no longer in the minutes)" if a.vanished else ""
        times = f"{carried.get(a.id, 0):<8}" if carried is not None else ""
        lines.append(f"{a.id:<7} {str(a.due or '-'):<10} {state:<9} {times}{who:<{width}}  "
                     f"{a.text}{gone}  [{where}]")
    return "\n".join(lines)


def item_ref(item: str) -> str:
    """`` §3`` for a numbered agenda item, ``, Budget`` for one known by its title."""
    return f" §{item}" if item[:1].isdigit() else f", {item}"


@verb("meetings", arg("--series", dest="by_series", action="store_true",
                      help="Group the meetings by body (the same title), each series oldest first."),
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
            listed[s.name] = [{**m.ref(), "actions": sum(n for (mid, _), n in counts.items() if mid == m.id),
                               "open": counts.get((m.id, "open"), 0)} for m in s.meetings]
        if as_json:
            echo_json([{**s.to_json(), "meetings": listed[s.name]} for s in series])
            return
        for s in series:
            print(f"{s.name or '(untitled)'}  [{len(s.meetings)} meeting(s); {s.language or '?'}]")
            for m, info in zip(s.meetings, listed[s.name]):
                print(f"  {m.id:<7} {str(m.date or 'undated'):<10} {m.title or '(untitled)'}  "
                      f"[{info['actions']} actions, {info['open']} open]")
        return
    if as_json:
        echo_json([m.to_json() for m in found])
        return
    for m in found:
        total = sum(n for (mid, _), n in counts.items() if mid == m.id)
        print(f"{m.id:<7} {str(m.date or 'undated'):<10} {m.title or '(untitled)'}  "
              f"[{total} actions, {counts.get((m.id, 'open'), 0)} open]")


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
    due = f"due {a.due}" + (f" ({a.due_text})" if a.due_text else "") if a.due else "no due date"
    meeting = (f"{a.meeting.id}  {a.meeting.title or '(untitled)'}, {a.meeting.date or 'undated'}"
               if a.meeting.id else "none (added by a member)")
    if a.agenda_item:
        title = a.meeting.agenda_title(a.agenda_item)
        meeting += f", item {a.agenda_item}" + (f" {title}" if title else "")
    lines = [f"{a.id}  {a.status}  {due}" + ("  (no longer in the minutes)" if a.vanished else ""),
             a.text,
             f"owners:  {', '.join(a.owners) or 'nobody yet'}",
             f"meeting: {meeting}"]
    if a.source.get("snippet"):
        place = (f"line {a.source['line']}" if a.source.get("line") is not None
                 else f"paragraph {a.source.get('paragraph')}")
        lines.append(f"source:  {place}: {a.source['snippet']}")
    if a.notes:
        lines.append("notes:")
        lines += [f"  {n.at[:10]} {n.by}: {n.text}" for n in a.notes]
    if a.mentions:
        lines.append("later meetings:")
        for m in a.mentions:
            said = f"{m.status} ({m.word})" if m.word else f"{m.status} ({m.reason})"
            how = "" if m.applied else f", proposed, score {m.score}" + (f", {m.doubt}" if m.doubt else "")
            lines.append(f"  {m.date or 'undated'} {m.meeting}: {said}{how}: {m.sentence}")
    lines.append("history:")
    lines += [f"  {change_text(c)}" for c in history]
    return "\n".join(lines)


def change_text(c) -> str:
    """One history entry as a line."""
    undo = f" (undoing change {c.undoes})" if c.undoes else ""
    because = f"  <- {c.evidence['sentence']!r} ({c.evidence.get('date') or c.evidence['meeting']})" \
        if c.evidence else ""
    return f"{c.at}  {c.by} ({c.via}{undo})  {c.kind} {c.subject}  {what_changed(c)}{because}"


def what_changed(c) -> str:
    """What one history entry did to its field, in words."""
    if c.field in ("created", "deleted"):
        return c.field
    if c.field == "notes":
        added = (c.new or [])[len(c.old or ()):]
        return "note: " + "; ".join(n["text"] for n in added) if added else "notes: one removed"
    if c.field == "mentions":
        added = [m for m in c.new or () if m not in (c.old or ())]
        return ("mentioned: " + "; ".join(
            f"{m.get('date') or m['meeting']} {m['status']} ({m.get('word') or m.get('reason')}, "
            f"{m.get('outcome')}): {m.get('sentence')!r}" for m in added)
            if added else "mentions: one removed")
    return f"{c.field}: {_value(c.old)} -> {_value(c.new)}"


def _value(value) -> str:
    if value is None:
        return "none"
    if isinstance(value, list) and value and isinstance(value[0], dict) and "sentence" in value[0]:
        return f"{len(value)} mention(s)"  # an action's mentions by later minutes
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "none"
    if isinstance(value, dict) and "snippet" in value:  # an action's source
        return repr(value["snippet"])
    return str(value)


def meeting_text(m: Meeting, listed: list[Action]) -> str:
    """A meeting as ``minutes parse`` shows minutes (``minutes.summary``: its facts,
    attendees with organisations and roles, chair, secretary, agenda, decisions, next
    meeting), then where it came from and its actions as the store has them."""
    from minutes.summary import summary

    lines = [f"{m.id}  {summary(m.to_json())}", "",
             f"Source: {m.source.get('path')} ({m.source.get('format')})", "",
             f"Actions ({len(listed)}):"]
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
    return f"{a.id}  {a.status}  {', '.join(a.owners) or '-'}  due {a.due or '-'}  {a.text}"


def _status_verb(name: str, method: str, nothing: str, doc: str):
    def change(args: Namespace) -> None:
        with open_store(args) as store:
            changes = getattr(store, method)(*args.ids)
            report(store, args.ids, changes, nothing)

    change.__doc__ = doc
    return verb(name, arg("ids", nargs="+", metavar="ID"), updates=True)(change)


done = _status_verb("done", "complete", "was done already", "Mark actions done.")
reopen = _status_verb("reopen", "reopen", "was open already", "Open actions again.")
cancel = _status_verb("cancel", "cancel", "was cancelled already", "Cancel actions.")


ACTION_ID = arg("action_id", metavar="ID")


NEW = arg("--new", action="store_true",
          help="A name that is nobody's in the people registry is a new person.")


@verb("assign", ACTION_ID, arg("names", nargs="+", metavar="NAME"), NEW, updates=True)
def assign(args: Namespace) -> None:
    """Make NAMEs the owners of an action. Names are read as in minutes (Julius Oförsagd,
    julius, Juliukselle, Tommi for Tomi); one that is nobody's is refused, unless --new."""
    with open_store(args) as store:
        try:
            changes = store.assign(args.action_id, *args.names, new=args.new)
        except UnknownPerson as error:
            fail(f"{error}; --new adds {error.name!r} as a new person")
        report(store, [args.action_id], changes, "had these owners already")


@verb("due", ACTION_ID, arg("when", nargs="+", metavar="DATE"),
      arg("--today", type=date.fromisoformat, help=SUPPRESS), updates=True)
def due(args: Namespace) -> None:
    """Set an action's due date: 2026-03-25, 25.3., next friday, ensi perjantaina,
    joulukuun alussa, none. A phrase is read as the parser reads due dates, from today."""
    with open_store(args) as store:
        action = store.action(args.action_id)
        changes = store.set_due(action.id, " ".join(args.when), today=args.today)
        report(store, [action.id], changes, "had this due date already")


@verb("note", ACTION_ID, arg("words", nargs="+", metavar="TEXT"), updates=True)
def note(args: Namespace) -> None:
    """Add a note to an action."""
    with open_store(args) as store:
        store.note(args.action_id, " ".join(args.words))
        a = store.action(args.action_id)
    added = a.notes[-1]
    print(f"{a.id}  note {len(a.notes)} by {added.by}: {added.text}")
    print(f"        on: {a.text}")


@verb("add", arg("words", nargs="+", metavar="TEXT"),
      arg("--owner", dest="owners", nargs="+", default=[], metavar="NAME",
          help="Who owns it (names read as assign reads them)."),
      arg("--due", nargs="+", metavar="DATE", help="When it is due (as `minutes due` reads it)."),
      arg("--meeting", metavar="ID", help="The meeting it belongs to (default: none)."),
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
            fail(f"{error}; --new adds {error.name!r} as a new person")
    where = (f"{added.meeting.id} {added.meeting.title or '(untitled)'} "
             f"{added.meeting.date or 'undated'}") if added.meeting.id else "no meeting"
    print(f"{action_line(added)}  (added to {where})")


@verb("edit", ACTION_ID, arg("--text", required=True, nargs="+", metavar="TEXT",
                             help="The corrected text."), updates=True)
def edit(args: Namespace) -> None:
    """Correct an action the parser misread: its text (owners: assign; due date: due).
    A re-import of its minutes keeps the correction; undo takes it back."""
    with open_store(args) as store:
        changes = store.edit(args.action_id, text=" ".join(args.text))
        report(store, [args.action_id], changes, "had this text already")


@verb("undo", arg("--any", dest="anyone", action="store_true",
                  help="The latest change whoever made it: shown, then asked about."),
      arg("--yes", action="store_true", help="With --any: do not ask."), updates=True)
def undo(args: Namespace) -> None:
    """Take back your latest change (yours: --as, else $USER); --any: the latest change,
    whoever made it, after showing it."""
    with open_store(args) as store:
        change = None
        if args.anyone and not args.yes:
            shown = store.last_change(anyone=True)
            print(undone_lines(shown, "the latest change is"))
            if not _agreed("undo it? [y/N] "):
                print("nothing undone")
                sys.exit(1)
            change = shown[0].change
        reverted = store.undo(anyone=args.anyone, change=change)
    print(undone_lines(reverted, "undid"))


def undone_lines(changes, said: str) -> str:
    """A change (its history entries, newest first) as ``undo`` shows it."""
    first = changes[0]
    lines = [f"{said} change {first.change} ({first.via} by {first.by} at {first.at}):"]
    lines += [f"  {c.kind} {c.subject}  {what_changed(c)}" for c in reversed(changes)]
    return "\n".join(lines)


def _agreed(question: str) -> bool:
    """A yes typed on standard input (nothing there, or anything else: no)."""
    try:
        answer = input(question)
    except (EOFError, OSError):
        print()
        return False
    return answer.strip().casefold() in ("y", "yes", "k", "kyllä", "j", "ja")


@verb("accept", ACTION_ID, arg("meeting_id", metavar="MEETING", nargs="?"), updates=True)
def accept(args: Namespace) -> None:
    """Follow what later minutes were only proposed to say of an action (the latest such
    mention, or MEETING's)."""
    with open_store(args) as store:
        changes = store.accept(args.action_id, args.meeting_id)
        report(store, [args.action_id], [c for c in changes if c.field == "status"], "keeps its status")


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
        aliases = f"  (also {', '.join(p.aliases)})" if p.aliases else ""
        print(f"{p.name}{aliases}  [{p.open_actions} open]")


@verb("alias", arg("other", metavar="ALIAS"), arg("name", metavar="NAME"), updates=True)
def alias(args: Namespace) -> None:
    """Make ALIAS another name of the person NAME (merging a person called ALIAS)."""
    with open_store(args) as store:
        canonical = store.alias(args.other, args.name)
    print(f"{args.other} is {canonical}")


# -- exports ----------------------------------------------------------------------------------


def format_option(*formats: str) -> tuple:
    return arg("--format", dest="format_", choices=formats, default=formats[0],
               help=f"The format (default: {formats[0]}).")


@verb("export", format_option("json", "csv", "md", "ics"), output(),
      arg("--owner", metavar="NAME", help="Only NAME's actions."), status_option("all"),
      arg("--meeting", metavar="ID", help="Only this meeting's actions."),
      arg("--excel", action="store_true",
          help="CSV as Excel opens it where a comma is the decimal sign: UTF-8 with a BOM, semicolons."),
      arg("--open-only", action="store_true",
          help="iCalendar with the open actions only (else done and cancelled ones too)."))
def export(args: Namespace) -> None:
    """Export actions as CSV, JSON, Markdown or iCalendar (the actions with a due date:
    open ones to do, done ones completed, cancelled ones cancelled)."""
    from tracker.export import export as render

    if args.excel and args.format_ != "csv":
        fail("--excel is for --format csv")
    if args.open_only and args.format_ != "ics":
        fail("--open-only is for --format ics")
    with open_store(args) as store:
        found = store.actions(owner=args.owner, status=args.status, meeting=args.meeting)
    write(render(found, args.format_, excel=args.excel, open_only=args.open_only), args.output)


@verb("digest", arg("--owner", metavar="NAME", help="Whose open actions."), MINE,
      arg("--meeting", metavar="ID", help="A meeting's open actions, by person."),
      arg("--all", dest="every", action="store_true", help="Every meeting's open actions, by person."),
      format_option("md", "text", "eml"),
      arg("--to", nargs="+", default=[], metavar="ADDRESS", help="With --format eml: the recipients."),
      output())
def digest(args: Namespace) -> None:
    """Open actions ready for an email: one person's (--owner, --mine, or with none of
    these options $MINUTES_ME's), overdue first; or a meeting's (--meeting) or every
    meeting's (--all) by person, then the unassigned ones, as MeetBot lists them. --format
    eml writes a message a mail client opens ready to send."""
    chosen = [option for option, given in (("--owner", args.owner), ("--mine", args.mine),
                                           ("--meeting", args.meeting), ("--all", args.every)) if given]
    if len(chosen) > 1:
        fail(f"{' and '.join(chosen)}: give one of them")
    if args.to and args.format_ != "eml":
        fail("--to is for --format eml")
    owner = args.owner
    if not chosen or args.mine:
        owner = me(args.mine, "whose actions? --owner NAME, --meeting ID or --all (or set $MINUTES_ME)")
    with open_store(args) as store:
        text = store.digest(owner, meeting=args.meeting, format=args.format_, to=args.to)
    write(text, args.output)


def me(asked: bool, otherwise: str) -> str:
    """Who "me" is ($MINUTES_ME, else ``me`` in the config file), or the end of the verb."""
    from tui.config import config_path, configured_me

    found = configured_me()
    if found is None:
        fail(f"--mine: who is me? set $MINUTES_ME or me = \"Your Name\" in {config_path()}"
             if asked else otherwise)
    return found


def write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8", newline="")


# -- the next meeting -------------------------------------------------------------------------


@verb("agenda", arg("--next", dest="series", required=True, metavar="SERIES",
                    help="The series: the start of its name (see meetings --series) or a meeting id."),
      format_option("md", "docx"), output("; a DOCX needs a file"))
def agenda(args: Namespace) -> None:
    """Draft the agenda of a series' next meeting: its standing items and open actions."""
    from tracker import agenda as render

    if args.format_ == "docx" and args.output is None:
        raise StoreError("a DOCX agenda needs a file: add -o FILE")
    with open_store(args) as store:
        draft = store.agenda(args.series)
    if args.format_ == "docx":
        args.output.write_bytes(render.docx(draft))
    else:
        write(render.markdown(draft), args.output)
