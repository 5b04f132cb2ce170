"""The ``minutes`` command line: thin verbs over ``minutes`` (the parser) and ``tracker``
(the store).

The command line is argparse's, and only the verb being run has its arguments built, so
``minutes done ID`` starts in the time it takes to read the store. Slow imports (spaCy,
dateparser, Textual, python-docx) happen inside the verbs that need them, never at module
level.

A verb is a function of the parsed arguments, registered with ``command``::

    @command("parse", arg("file", type=path), arg("--json", dest="as_json", action="store_true"))
    def parse(args): ...

Every error ends the same way: exit status 2 and one line on stderr (``fail``).

What every command imports is kept to what ``minutes done ID`` needs: argparse and the
store's own modules, no pathlib (a file argument becomes a ``Path`` through ``path`` only
when given) and no typing.

The command line speaks Finnish, Swedish or English (``tracker.i18n``): ``minutes --lang
fi VERB``, else ``lang`` in the config file, else the locale. Help texts are marked with
``N_`` where they are written and translated when the parser is built; a verb's docstring
is its help, in the catalogs too.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

__all__ = ["arg", "command", "fail", "main", "path"]

PROG = "minutes"
LANGUAGES = ("fi", "en", "sv")


def N_(message: str) -> str:
    """Mark a help text for the catalogs (``tracker.i18n.N_``); translated when shown."""
    return message


def _(message: str) -> str:
    """``message`` in the language spoken (``tracker.i18n._``, imported when first used)."""
    from tracker.i18n import _ as translated

    return translated(message)


STORE_HELP = N_("The action store file (default: $MINUTES_STORE, else the user data directory).")
LANG_HELP = N_("The language minutes speaks: fi, sv or en (default: lang in config.toml, else the locale).")

# name -> (the function, its arguments as add_argument takes them)
COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], None], tuple]] = {}


def arg(*flags: str, **options) -> tuple[tuple[str, ...], dict]:
    """One argument of a verb, as ``argparse.ArgumentParser.add_argument`` takes it."""
    return flags, options


def command(name: str, *arguments: tuple[tuple[str, ...], dict]):
    """Register the decorated function as the verb ``name``; its docstring is its help."""

    def register(func: Callable[[argparse.Namespace], None]):
        COMMANDS[name] = (func, arguments)
        return func

    return register


def path(value: str):
    """A file argument as a ``pathlib.Path`` (imported here, not on every command)."""
    from pathlib import Path

    return Path(value)


def fail(message: str) -> None:
    """End the command with exit status 2 and one line on stderr (what it quotes shown,
    never obeyed: ``minutes.text.visible``)."""
    from minutes.text import visible

    print(f"{PROG}: {visible(' '.join(message.splitlines()))}", file=sys.stderr)
    sys.exit(2)


def speak(argv: list[str]) -> str:
    """Choose the language of this run (``--lang``, else the config file, else the
    locale) and speak it; return it."""
    from tracker.i18n import choose, use

    asked = None
    for n, word in enumerate(argv):
        if word.startswith("--lang="):
            asked = word.partition("=")[2]
        elif word == "--lang" and n + 1 < len(argv):
            asked = argv[n + 1]
        elif not word.startswith("-") and (n == 0 or argv[n - 1] not in ("--store", "--lang")):
            if word not in ("tui", "demo"):  # after parse or import, --lang is the minutes' language
                break
    configured = None
    if asked is None:
        from tui.config import configured as setting

        configured = setting("lang")
    return use(choose(asked, configured))


class _Shown:
    """Standard output through ``minutes.text.visible``: what a verb prints of a document
    or a store (a text, a name, a note) reaches the terminal as signs, never as control
    sequences."""

    def __init__(self, stream) -> None:
        from minutes.text import visible

        self.stream = stream
        self._visible = visible

    def write(self, text: str) -> int:
        return self.stream.write(self._visible(text))

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def _help_formatter(prog: str) -> argparse.HelpFormatter:
    """argparse's help layout, told the terminal's width: left to itself it imports shutil
    to ask, on every ``add_argument``, which would cost more than the rest of the parsing."""
    try:
        width = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        try:
            width = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            width = 80
    return argparse.HelpFormatter(prog, width=max(width, 40) - 2)


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for."""

    def __init__(self, option_strings, dest, **options) -> None:
        super().__init__(option_strings, dest, nargs=0, help="Print the version and exit.")

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            print(f"{PROG} {version(PROG)}")
        except PackageNotFoundError:
            print(_("{prog} (not installed: run from a source folder)").format(prog=PROG))
        parser.exit()


class _Parser(argparse.ArgumentParser):
    help_of = ""  # whose --help an error points to, when not this parser's

    def error(self, message: str) -> None:  # argparse's usage block would be several lines
        fail(_("{message} (see `{command} --help`)").format(message=message,
                                                            command=self.help_of or self.prog))


def main(argv: list[str] | None = None) -> int:
    """Run ``minutes`` with these arguments (default: the process's); the exit status.

    Run as the process's own command (no ``argv``), it ends the process when the verb is
    done, without the interpreter's teardown: freeing every object of a parse or a store
    one by one costs more than some verbs' work (each verb has closed its files, pools and
    screens by then)."""
    if argv is not None:
        return _run(list(argv))
    try:
        status = _run(sys.argv[1:])
    except SystemExit as end:
        status = end.code
    if isinstance(status, str):  # what sys.exit("…") would print
        print(status, file=sys.stderr)
        status = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader went away (``| head``)
        status = status or 1
    os._exit(status or 0)


def _run(argv: list[str]) -> int:
    speak(argv)
    args = _parser(_verb_named(argv)).parse_args(argv)
    try:
        if args.verb is None:
            if sys.stdin.isatty() and sys.stdout.isatty():
                run_app(args.store)
            else:
                _parser(None).print_help()
        elif args.verb in ("tui", "demo"):  # the app draws its own screen
            COMMANDS[args.verb][0](args)
        else:
            stdout, sys.stdout = sys.stdout, _Shown(sys.stdout)
            try:
                COMMANDS[args.verb][0](args)
            finally:
                sys.stdout = stdout
    except KeyboardInterrupt:
        return 130
    return 0


def _verb_named(argv: list[str]) -> str | None:
    """The verb on the command line, if it is one (``--store PATH`` may come before it)."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in ("--store", "--lang"):
            skip = True
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def _cleandoc(doc: str) -> str:
    """A docstring as ``inspect.cleandoc`` gives it (without importing inspect: 8 ms of every
    command): the first line stripped, the others dedented by their common indent."""
    lines = doc.expandtabs().splitlines()
    indents = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
    margin = min(indents, default=0)
    lines = [lines[0].strip(), *(line[margin:].rstrip() for line in lines[1:])] if lines else []
    return "\n".join(lines).strip("\n")


def _parser(verb: str | None) -> _Parser:
    """The parser of ``minutes`` with the subparser of ``verb`` only, or of every verb."""
    _speak_argparse()
    parser = _Parser(prog=PROG, allow_abbrev=False, formatter_class=_help_formatter,
                     description=_("Turn written meeting minutes into tracked actions. Without a "
                                   "verb: the terminal UI (in a terminal; elsewhere this help)."))
    parser.add_argument("--store", metavar="PATH", help=_(STORE_HELP))
    parser.add_argument("--lang", dest="ui_lang", choices=LANGUAGES, help=_(LANG_HELP))
    parser.add_argument("--version", action=_Version)
    if verb:
        parser.help_of = f"{PROG} {verb}"  # an unknown option after the verb ends up here
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)
    for name in [verb] if verb else COMMANDS:
        func, arguments = COMMANDS[name]
        doc = _(_cleandoc(func.__doc__ or ""))
        sub = verbs.add_parser(name, help=doc.split("\n\n")[0].replace("\n", " "),
                               description=doc, allow_abbrev=False,
                               formatter_class=_help_formatter)
        for flags, options in arguments:
            if options.get("help") not in (None, argparse.SUPPRESS):
                options = {**options, "help": _(options["help"])}
            sub.add_argument(*flags, **options)
        sub.add_argument("--store", metavar="PATH", default=argparse.SUPPRESS,
                         help=_(STORE_HELP))
    return parser


# argparse's own words (its gettext domain is not ours): the ones a person meets
ARGPARSE = {
    "usage: ": N_("usage: "),
    "positional arguments": N_("positional arguments"),
    "options": N_("options"),
    "show this help message and exit": N_("show this help message and exit"),
    "the following arguments are required: %s": N_("the following arguments are required: %s"),
    "unrecognized arguments: %s": N_("unrecognized arguments: %s"),
    "expected one argument": N_("expected one argument"),
    "expected at least one argument": N_("expected at least one argument"),
    "argument %(argument_name)s: %(message)s": N_("argument %(argument_name)s: %(message)s"),
    "invalid choice: %(value)r (choose from %(choices)s)": N_("invalid choice: %(value)r (choose from "
                                                              "%(choices)s)"),
    "invalid %(type)s value: %(value)r": N_("invalid %(type)s value: %(value)r"),
    "not allowed with argument %s": N_("not allowed with argument %s"),
}


def _speak_argparse() -> None:
    """argparse's words in the language spoken: its module-level ``_`` looked up in our
    catalogs for the messages of ``ARGPARSE`` (others as argparse has them)."""
    from tracker.i18n import current

    if current() != "en":
        argparse._ = lambda message: _(ARGPARSE[message]) if message in ARGPARSE else message


@command("parse", arg("file", type=path),
         arg("--json", dest="as_json", action="store_true", help=N_("Print the JSON of the parse.")),
         arg("--lang", choices=LANGUAGES, help=N_("The minutes' language.")))
def parse(args: argparse.Namespace) -> None:
    """Parse FILE and print what was found; stores nothing."""
    from minutes import UnreadableMinutes, parse as parse_minutes
    from minutes.summary import summary

    try:
        result = parse_minutes(args.file, lang=args.lang)
    except UnreadableMinutes as error:
        fail(f"{args.file}: {error}")
    if args.as_json:
        import json  # orjson costs more to import than it saves on one document

        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        print(summary(result))


@command("eval", arg("directory", type=path),
         arg("--json", dest="as_json", action="store_true", help=N_("Print the scores as JSON.")),
         arg("--misses", action="store_true",
             help=N_("Also list what was missed or extra, file by file.")),
         arg("--by-rule", action="store_true",
             help=N_("Count the hits of each rule of the action finder, per document and source.")))
def eval_(args: argparse.Namespace) -> None:
    """Score the parser against the gold JSON files in DIRECTORY (NAME.gold.json beside
    each file, or a development set's gold/ with docx/ or raw/)."""
    from minutes.evaluate import evaluate_dir, report, rule_hits, rule_report

    if not args.directory.is_dir():
        fail(_("{path}: not a directory").format(path=args.directory))
    if args.by_rule:
        rows = rule_hits(args.directory)
        if not rows:
            fail(_("{path}: no minutes with gold files").format(path=args.directory))
        if args.as_json:
            import orjson

            print(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode())
        else:
            print(rule_report(rows))
        return
    scores = evaluate_dir(args.directory)
    if not scores.files:
        fail(_("{path}: no minutes with gold files (NAME.gold.json, or gold/ with docx/ or raw/)").format(
            path=args.directory))
    if args.as_json:
        import orjson

        print(orjson.dumps(scores.to_json(), option=orjson.OPT_INDENT_2).decode())
    else:
        print(report(scores, misses=args.misses))


# -- the terminal UI ------------------------------------------------------------------------


def run_app(store: str | None, me: str | None = None) -> None:
    """Open the Textual app on the store (Textual is imported here, not before)."""
    from tracker import ActionStore

    with ActionStore(store) as opened:
        run_until_closed(make_app(opened, me))


def make_app(store, me: str | None = None, **options):
    """The app on ``store``, with "me" and the theme of the config file (a theme chosen
    in the palette is saved there)."""
    from functools import partial

    from tui.app import MinutesApp
    from tui.config import configured, configured_me, save

    return MinutesApp(store=store, me=me or configured_me(), theme=configured("theme"),
                      save_theme=partial(save, "theme"), **options)


def run_until_closed(app) -> None:
    """Run the app; a crash (Textual has shown its traceback) ends ``minutes`` with the
    app's non-zero status, never 0."""
    app.run()
    if app.return_code:
        sys.exit(app.return_code)


ME = arg("--me", metavar="NAME", help=N_("Whose actions come first (default: $MINUTES_ME, else "
                                         "`me` in config.toml in the user config directory)."))
LANG = arg("--lang", dest="ui_lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=LANG_HELP)


@command("tui", ME, LANG)
def tui(args: argparse.Namespace) -> None:
    """Open the terminal UI on the store."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail(_("the terminal UI needs a terminal; `minutes actions` lists the actions"))
    run_app(args.store, args.me)


def sample_files() -> list:
    """The bundled samples (``Path``s): minutes files with a ``.gold.json`` beside them."""
    folder = path(__file__).resolve().parents[1] / "samples"
    return [p for p in sorted(folder.glob("*"))
            if p.suffix.lower() in (".txt", ".md", ".docx")
            and p.with_name(p.name[: -len(p.suffix)] + ".gold.json").exists()]


def as_of(today, found: list) -> list:
    """The samples' minutes as if their meetings met in the weeks before ``today``: the
    latest three days ago, each earlier one a week before the next; every date of a set of
    minutes (the meeting, its due dates, the next meeting) moves with it. So the demo shows
    actions overdue, due this week and due later, whatever day it runs."""
    from dataclasses import replace
    from datetime import timedelta

    dated = sorted((m for m in found if m.date), key=lambda m: m.date)
    moved = []
    for n, minutes in enumerate(dated):
        shift = today - timedelta(days=3 + 7 * (len(dated) - 1 - n)) - minutes.date

        def move(day):
            return day + shift if day else day

        nxt = minutes.next_meeting
        moved.append(replace(minutes, date=move(minutes.date),
                             actions=[replace(a, due=move(a.due)) for a in minutes.actions],
                             next_meeting=replace(nxt, date=move(nxt.date)) if nxt else nxt))
    return moved + [m for m in found if not m.date]


@command("demo", ME, LANG)
def demo(args: argparse.Namespace) -> None:
    """Import the bundled samples into a fresh store in a temporary folder and open the
    terminal UI on it (without a terminal: print the actions table)."""
    import tempfile
    from datetime import date

    from minutes import parse
    from tracker import ActionStore

    files = sample_files()
    if not files:
        fail(_("no bundled samples found next to the package"))
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    with tempfile.TemporaryDirectory(prefix="minutes-demo-") as folder:
        store_path = os.path.join(folder, "actions.json")
        if interactive:
            print(_("minutes demo: importing {n} sample minutes into {path}…").format(
                n=len(files), path=store_path), file=sys.stderr)
        with ActionStore(store_path, user="demo") as store:
            for minutes in as_of(date.today(), [parse(file) for file in files]):
                store.import_minutes(minutes)
            if interactive:
                run_until_closed(make_app(store, args.me, import_folder=files[0].parent))
            else:
                from tui.store_cli import action_table

                print(action_table(store.actions(), date.today()))


from tui import store_cli  # noqa: E402,F401  (the store verbs)

if __name__ == "__main__":
    # run as ``python -m tui.cli``: the verbs registered themselves on the imported module
    from tui.cli import main as imported_main

    sys.exit(imported_main())
