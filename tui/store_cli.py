"""The store's verbs of the ``minutes`` command line: import, list, show, update, undo,
the people registry, exports, the digest and the next meeting's agenda. Each is one call
into ``tracker``.

Every error ends with exit status 2 and one line on stderr, the store as it was. Nothing
here imports spaCy, dateparser or Textual; the parser is imported by ``import`` only, and
``minutes.dates`` by ``due`` only for a date that is not ISO.
"""

from __future__ import annotations

import functools
import os
import sys
from datetime import date
from pathlib import Path

import click

from tracker import Action, ActionStore, Meeting, StoreError, default_path
from tui.cli import fail, main, store_option, store_path

STATUS_CHOICES = ("open", "done", "cancelled", "all")


def verb(name: str, *, updates: bool = False):
    """Register a store verb on ``minutes``: ``--store`` (and ``--as`` when it changes the
    store), the context as first argument, store errors turned into one line."""

    def decorate(func):
        @functools.wraps(func)
        def run(ctx, *args, **kwargs):
            try:
                return func(ctx, *args, **kwargs)
            except StoreError as error:
                fail(str(error))
            except BrokenPipeError:  # the reader went away (``| head``): nothing to add
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                sys.exit(1)
            except OSError as error:
                where = error.filename or store_path(ctx) or default_path()
                fail(f"{where}: {error.strerror or error}")

        command = click.pass_context(run)
        if updates:
            command = click.option("--as", "by", metavar="NAME",
                                   help="Who makes the change (default: $USER).")(command)
        return main.command(name)(store_option(command))

    return decorate


def open_store(ctx: click.Context, by: str | None = None) -> ActionStore:
    return ActionStore(store_path(ctx), user=by)


def echo_json(value) -> None:
    import orjson

    click.echo(orjson.dumps(value, option=orjson.OPT_INDENT_2).decode())


# -- importing --------------------------------------------------------------------------------


@verb("import", updates=True)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Print what would change; change nothing.")
@click.option("--lang", type=click.Choice(["fi", "en", "sv"]), help="The minutes' language.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def import_(ctx, files: tuple[Path, ...], dry_run: bool, lang: str | None, as_json: bool,
            by: str | None) -> None:
    """Parse FILEs and store their meetings and actions (again: no change)."""
    from minutes import UnreadableMinutes, parse

    parsed = []
    for file in files:  # every file is read before anything is stored
        try:
            parsed.append(parse(file, lang=lang))
        except (UnreadableMinutes, OSError) as error:
            fail(f"{file}: {getattr(error, 'strerror', None) or error}")
    parsed.sort(key=lambda m: m.date or date.max)  # a series' meetings in the order they met
    with open_store(ctx, by) as store:
        results = [store.import_minutes(minutes, dry_run=dry_run) for minutes in parsed]
    if as_json:
        echo_json([result.to_json() for result in results])
    else:
        click.echo("\n".join(result.summary() for result in results))


# -- listing ----------------------------------------------------------------------------------


@verb("actions")
@click.option("--owner", metavar="NAME", help="Owned by NAME (or one of their aliases).")
@click.option("--status", default="open", show_default=True, metavar="|".join(STATUS_CHOICES))
@click.option("--overdue", is_flag=True, help="Open and past their due date.")
@click.option("--due-within", type=int, metavar="DAYS", help="Due in the next DAYS days.")
@click.option("--meeting", metavar="ID", help="From this meeting.")
@click.option("--text", metavar="WORDS", help="With these words.")
@click.option("--stale", is_flag=True,
              help="Open and carried over 3+ meetings or overdue by 30+ days.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), hidden=True)
def actions(ctx, owner, status, overdue, due_within, meeting, text, stale, as_json, today) -> None:
    """List actions, by due date (--stale: the longest waiting first)."""
    today = today.date() if today else date.today()
    with open_store(ctx) as store:
        found = store.actions(owner=owner, status=_status(status), overdue=overdue,
                              due_within=due_within, meeting=meeting, text=text, today=today)
        waiting = store.stale(today=today) if stale else None
    if waiting is not None:
        wanted = {a.id for a in found}
        waiting = [s for s in waiting if s.action.id in wanted]
        if as_json:
            echo_json([s.to_json() for s in waiting])
        elif waiting:
            click.echo(action_table([s.action for s in waiting], today,
                                    {s.action.id: s.carried_over for s in waiting}))
    elif as_json:
        echo_json([a.to_json() for a in found])
    elif found:
        click.echo(action_table(found, today))


def _status(status: str) -> str | None:
    if status not in STATUS_CHOICES:
        raise StoreError(f"unknown status {status!r}: use {', '.join(STATUS_CHOICES)}")
    return None if status == "all" else status


def action_table(found: list[Action], today: date, carried: dict[str, int] | None = None) -> str:
    """One line an action: id, due date, status, owners, text and where it came from (and
    with ``carried``, how many meetings it has been carried over)."""
    owners = [", ".join(a.owners) or "-" for a in found]
    width = min(max(len(o) for o in owners), 32)
    extra = f"{'CARRIED':<8}" if carried is not None else ""
    lines = [f"{'ID':<7} {'DUE':<10} {'STATUS':<9} {extra}{'OWNERS':<{width}}  ACTION"]
    for a, who in zip(found, owners):
        state = "overdue" if a.is_overdue(today) else a.status
        where = f"{a.meeting.date or 'undated'}" + (item_ref(a.agenda_item) if a.agenda_item else "")
        gone = " (no longer in the minutes)" if a.vanished else ""
        times = f"{carried.get(a.id, 0):<8}" if carried is not None else ""
        lines.append(f"{a.id:<7} {str(a.due or '-'):<10} {state:<9} {times}{who:<{width}}  "
                     f"{a.text}{gone}  [{where}]")
    return "\n".join(lines)


def item_ref(item: str) -> str:
    """`` §3`` for a numbered agenda item, ``, Budget`` for one known by its title."""
    return f" §{item}" if item[:1].isdigit() else f", {item}"


@verb("meetings")
@click.option("--series", "by_series", is_flag=True,
              help="Group the meetings by body (the same title), each series oldest first.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def meetings(ctx, by_series: bool, as_json: bool) -> None:
    """List the imported meetings, latest first."""
    with open_store(ctx) as store:
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
            click.echo(f"{s.name or '(untitled)'}  [{len(s.meetings)} meeting(s); {s.language or '?'}]")
            for m, info in zip(s.meetings, listed[s.name]):
                click.echo(f"  {m.id:<7} {str(m.date or 'undated'):<10} {m.title or '(untitled)'}  "
                           f"[{info['actions']} actions, {info['open']} open]")
        return
    if as_json:
        echo_json([m.to_json() for m in found])
        return
    for m in found:
        total = sum(n for (mid, _), n in counts.items() if mid == m.id)
        click.echo(f"{m.id:<7} {str(m.date or 'undated'):<10} {m.title or '(untitled)'}  "
                   f"[{total} actions, {counts.get((m.id, 'open'), 0)} open]")


@verb("show")
@click.argument("some_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def show(ctx, some_id: str, as_json: bool) -> None:
    """Show one action (with its history) or one meeting (with its actions)."""
    with open_store(ctx) as store:
        found = store.find(some_id)
        history = store.history(found.id)
        listed = store.actions(meeting=found.id) if isinstance(found, Meeting) else []
    if as_json:
        value = found.to_json()
        if isinstance(found, Meeting):
            value["actions"] = [a.to_json() for a in listed]
        value["history"] = [c.to_json() for c in history]
        echo_json(value)
    elif isinstance(found, Meeting):
        click.echo(meeting_text(found, listed))
    else:
        click.echo(action_text(found, history))


def action_text(a: Action, history) -> str:
    due = f"due {a.due}" + (f" ({a.due_text})" if a.due_text else "") if a.due else "no due date"
    meeting = f"{a.meeting.id}  {a.meeting.title or '(untitled)'}, {a.meeting.date or 'undated'}"
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
            how = "" if m.applied else f", proposed, score {m.score}"
            lines.append(f"  {m.date or 'undated'} {m.meeting}: {said}{how}: {m.sentence}")
    lines.append("history:")
    lines += [f"  {change_text(c)}" for c in history]
    return "\n".join(lines)


def change_text(c) -> str:
    """One history entry as a line."""
    if c.field in ("created", "deleted"):
        what = c.field
    elif c.field == "notes":
        before = len(c.old or ())
        added = (c.new or [])[before:]
        what = "note: " + "; ".join(n["text"] for n in added) if added else "notes: one removed"
    elif c.field == "mentions":
        added = [m for m in c.new or () if m not in (c.old or ())]
        what = ("mentioned: " + "; ".join(
            f"{m.get('date') or m['meeting']} {m['status']} ({m.get('word') or m.get('reason')}, "
            f"{m.get('outcome')}): {m.get('sentence')!r}" for m in added)
            if added else "mentions: one removed")
    else:
        what = f"{c.field}: {_value(c.old)} -> {_value(c.new)}"
    undo = f" (undoing change {c.undoes})" if c.undoes else ""
    because = f"  <- {c.evidence['sentence']!r} ({c.evidence.get('date') or c.evidence['meeting']})" \
        if c.evidence else ""
    return f"{c.at}  {c.by} ({c.via}{undo})  {c.kind} {c.subject}  {what}{because}"


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
    when = f"{m.date or 'undated'}" + (f" {m.start}" if m.start else "") + (f"-{m.end}" if m.end else "")
    lines = [f"{m.id}  {m.title or '(untitled)'}", f"when:      {when}"]
    if m.location:
        lines.append(f"where:     {m.location}")
    lines.append(f"source:    {m.source.get('path')} ({m.source.get('format')})")
    if m.attendees:
        lines.append(f"attendees: {', '.join(a['name'] for a in m.attendees)}")
    if m.agenda:
        lines.append("agenda:")
        lines += [f"  {item.get('number') or '-'}. {item.get('title')}" for item in m.agenda]
    if listed:
        lines += ["actions:", action_table(listed, date.today())]
    return "\n".join(lines)


# -- updating ---------------------------------------------------------------------------------


def report(store: ActionStore, ids, changes, nothing: str) -> None:
    """Say what happened to each action named on the command line."""
    changed = {c.subject for c in changes}
    for some_id in ids:
        a = store.action(some_id)
        if a.id in changed:
            click.echo(f"{a.id}  {a.status}  {', '.join(a.owners) or '-'}  due {a.due or '-'}  {a.text}")
        else:
            click.echo(f"{a.id}  {nothing}  {a.text}")


def _status_verb(name: str, method: str, nothing: str, doc: str):
    @verb(name, updates=True)
    @click.argument("ids", nargs=-1, required=True, metavar="ID...")
    def command(ctx, ids: tuple[str, ...], by: str | None) -> None:
        with open_store(ctx, by) as store:
            changes = getattr(store, method)(*ids)
            report(store, ids, changes, nothing)

    command.help = doc
    return command


done = _status_verb("done", "complete", "was done already", "Mark actions done.")
reopen = _status_verb("reopen", "reopen", "was open already", "Open actions again.")
cancel = _status_verb("cancel", "cancel", "was cancelled already", "Cancel actions.")


@verb("assign", updates=True)
@click.argument("action_id", metavar="ID")
@click.argument("names", nargs=-1, required=True, metavar="NAME...")
def assign(ctx, action_id: str, names: tuple[str, ...], by: str | None) -> None:
    """Make NAMEs the owners of an action."""
    with open_store(ctx, by) as store:
        changes = store.assign(action_id, *names)
        report(store, [action_id], changes, "had these owners already")


@verb("due", updates=True)
@click.argument("action_id", metavar="ID")
@click.argument("when", nargs=-1, required=True, metavar="DATE")
def due(ctx, action_id: str, when: tuple[str, ...], by: str | None) -> None:
    """Set an action's due date: 2026-03-25, 25.3., next friday, ensi perjantaina, none."""
    with open_store(ctx, by) as store:
        action = store.action(action_id)
        changes = store.set_due(action.id, due_date(" ".join(when), action.meeting.language))
        report(store, [action.id], changes, "had this due date already")


def due_date(phrase: str, language: str | None, today: date | None = None) -> date | None:
    """A date from what a person typed; None for ``none``. ISO dates need no parser."""
    phrase = phrase.strip()
    if phrase.casefold() in ("none", "-"):
        return None
    try:
        return date.fromisoformat(phrase)
    except ValueError:
        pass
    try:
        from minutes.dates import parse_date
    except ImportError:
        raise StoreError(f"cannot read the date {phrase!r}: write it as YYYY-MM-DD") from None
    for lang in dict.fromkeys([language, "fi", "en", "sv"]):
        if lang:
            found = parse_date(phrase, base=today or date.today(), lang=lang)
            if found:
                return found
    raise StoreError(f"cannot read the date {phrase!r}: try YYYY-MM-DD, 25.3. or next friday")


@verb("note", updates=True)
@click.argument("action_id", metavar="ID")
@click.argument("words", nargs=-1, required=True, metavar="TEXT")
def note(ctx, action_id: str, words: tuple[str, ...], by: str | None) -> None:
    """Add a note to an action."""
    with open_store(ctx, by) as store:
        changes = store.note(action_id, " ".join(words))
        report(store, [action_id], changes, "unchanged")


@verb("undo", updates=True)
def undo(ctx, by: str | None) -> None:
    """Revert the latest change (whoever made it)."""
    with open_store(ctx, by) as store:
        reverted = store.undo()
    change = reverted[0]
    click.echo(f"undid change {change.change} ({change.via} by {change.by} at {change.at}):")
    for c in reversed(reverted):
        click.echo(f"  {c.kind} {c.subject}  {c.field}: {_value(c.old)} -> {_value(c.new)}"
                   if c.field not in ("created", "deleted") else f"  {c.kind} {c.subject}  {c.field}")


@verb("accept", updates=True)
@click.argument("action_id", metavar="ID")
@click.argument("meeting_id", metavar="MEETING", required=False)
def accept(ctx, action_id: str, meeting_id: str | None, by: str | None) -> None:
    """Follow what later minutes were only proposed to say of an action (the latest such
    mention, or MEETING's)."""
    with open_store(ctx, by) as store:
        changes = store.accept(action_id, meeting_id)
        report(store, [action_id], [c for c in changes if c.field == "status"], "keeps its status")


# -- people -----------------------------------------------------------------------------------


@verb("people")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def people(ctx, as_json: bool) -> None:
    """List the people registry: names, aliases, open actions."""
    with open_store(ctx) as store:
        found = store.people()
    if as_json:
        echo_json([p.to_json() for p in found])
        return
    for p in found:
        aliases = f"  (also {', '.join(p.aliases)})" if p.aliases else ""
        click.echo(f"{p.name}{aliases}  [{p.open_actions} open]")


@verb("alias", updates=True)
@click.argument("other", metavar="ALIAS")
@click.argument("name", metavar="NAME")
def alias(ctx, other: str, name: str, by: str | None) -> None:
    """Make ALIAS another name of the person NAME (merging a person called ALIAS)."""
    with open_store(ctx, by) as store:
        canonical = store.alias(other, name)
    click.echo(f"{other} is {canonical}")


# -- exports ----------------------------------------------------------------------------------


@verb("export")
@click.option("--format", "format_", type=click.Choice(["csv", "json", "md", "ics"]),
              default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output).")
@click.option("--owner", metavar="NAME", help="Only NAME's actions.")
@click.option("--status", default="all", show_default=True, metavar="|".join(STATUS_CHOICES))
@click.option("--meeting", metavar="ID", help="Only this meeting's actions.")
def export(ctx, format_: str, output: Path | None, owner, status, meeting) -> None:
    """Export actions as CSV, JSON, Markdown or iCalendar (open actions with a due date)."""
    from tracker.export import export as render

    with open_store(ctx) as store:
        text = render(store.actions(owner=owner, status=_status(status), meeting=meeting), format_)
    write(text, output)


@verb("digest")
@click.option("--owner", required=True, metavar="NAME", help="Whose open actions.")
@click.option("--format", "format_", type=click.Choice(["md", "text"]), default="md",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output).")
def digest(ctx, owner: str, format_: str, output: Path | None) -> None:
    """One person's open actions, overdue first, ready for an email."""
    with open_store(ctx) as store:
        text = store.digest(owner, format=format_)
    write(text, output)


def write(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8", newline="")


# -- the next meeting -------------------------------------------------------------------------


@verb("agenda")
@click.option("--next", "series", required=True, metavar="SERIES",
              help="The series: the start of its name (see meetings --series) or a meeting id.")
@click.option("--format", "format_", type=click.Choice(["md", "docx"]), default="md",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output; a DOCX needs a file).")
def agenda(ctx, series: str, format_: str, output: Path | None) -> None:
    """Draft the agenda of a series' next meeting: its standing items and open actions."""
    from tracker import agenda as render

    if format_ == "docx" and output is None:
        raise StoreError("a DOCX agenda needs a file: add -o FILE")
    with open_store(ctx) as store:
        draft = store.agenda(series)
    if format_ == "docx":
        output.write_bytes(render.docx(draft))
    else:
        write(render.markdown(draft), output)
