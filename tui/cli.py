"""The ``minutes`` command line: thin verbs over ``minutes`` (the parser) and ``tracker``
(the store).

Slow imports (spaCy, dateparser, Textual, python-docx) happen inside the commands that need
them, never at module level, so ``minutes actions`` starts quickly.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

__all__ = ["main"]


class _OneLineErrors(click.Group):
    """Every error ends the same way: exit status 2 and one line on stderr, no traceback."""

    def main(self, *args, **kwargs):
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except click.Abort:
            click.echo("minutes: aborted", err=True)
            sys.exit(1)
        except click.ClickException as error:
            fail(error.format_message().replace("\n", " "))
        except KeyboardInterrupt:
            sys.exit(130)
        sys.exit(result if isinstance(result, int) else 0)


def fail(message: str) -> None:
    """End the command with exit status 2 and one line on stderr."""
    click.echo(f"minutes: {message}", err=True)
    sys.exit(2)


def store_option(func):
    """``--store PATH``, accepted by ``minutes`` itself and by every subcommand."""

    def remember(ctx: click.Context, _param, value):
        if value is not None:
            ctx.ensure_object(dict)["store"] = value
        return value

    return click.option(
        "--store",
        type=click.Path(dir_okay=False, path_type=Path),
        callback=remember,
        expose_value=False,
        is_eager=True,
        help="The action store file (default: $MINUTES_STORE, else the user data directory).",
    )(func)


def store_path(ctx: click.Context) -> Path | None:
    """The ``--store`` given anywhere on the command line, or None for the default."""
    while ctx is not None:
        if ctx.obj and ctx.obj.get("store"):
            return ctx.obj["store"]
        ctx = ctx.parent
    return None


@click.group(cls=_OneLineErrors, invoke_without_command=True)
@store_option
@click.pass_context
def main(ctx: click.Context) -> None:
    """Turn written meeting minutes into tracked actions. Without a command: the terminal UI
    (in a terminal; elsewhere this help)."""
    ctx.ensure_object(dict)
    if ctx.invoked_subcommand is None:
        if sys.stdin.isatty() and sys.stdout.isatty():
            run_app(store_path(ctx))
        else:
            click.echo(ctx.get_help())


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the JSON of the parse.")
@click.option("--lang", type=click.Choice(["fi", "en", "sv"]), help="The minutes' language.")
@store_option
def parse(file: Path, as_json: bool, lang: str | None) -> None:
    """Parse FILE and print what was found; stores nothing."""
    from minutes import UnreadableMinutes, parse as parse_minutes
    from minutes.summary import summary

    try:
        result = parse_minutes(file, lang=lang)
    except UnreadableMinutes as error:
        fail(f"{file}: {error}")
    if as_json:
        import orjson

        click.echo(orjson.dumps(result.to_json(), option=orjson.OPT_INDENT_2).decode())
    else:
        click.echo(summary(result))


@main.command("eval")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--misses", is_flag=True, help="Also list what was missed or extra, file by file.")
@store_option
def eval_(directory: Path, as_json: bool, misses: bool) -> None:
    """Score the parser against the gold JSON files in DIRECTORY."""
    from minutes.evaluate import evaluate_dir, report

    if not directory.is_dir():
        fail(f"{directory}: not a directory")
    scores = evaluate_dir(directory)
    if not scores.files:
        fail(f"{directory}: no minutes with a .gold.json beside them")
    if as_json:
        import orjson

        click.echo(orjson.dumps(scores.to_json(), option=orjson.OPT_INDENT_2).decode())
    else:
        click.echo(report(scores, misses=misses))


# -- the terminal UI ------------------------------------------------------------------------


def run_app(store: Path | None, me: str | None = None) -> None:
    """Open the Textual app on the store (Textual is imported here, not before)."""
    from tracker import ActionStore
    from tui.app import MinutesApp
    from tui.config import configured_me

    with ActionStore(store) as opened:
        MinutesApp(store=opened, me=me or configured_me()).run()


@main.command()
@click.option("--me", metavar="NAME", help="Whose actions come first (default: $MINUTES_ME, "
              "else `me` in config.toml in the user config directory).")
@store_option
@click.pass_context
def tui(ctx: click.Context, me: str | None) -> None:
    """Open the terminal UI on the store."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail("the terminal UI needs a terminal; `minutes actions` lists the actions")
    run_app(store_path(ctx), me)


def sample_files() -> list[Path]:
    """The bundled samples: minutes files with a ``.gold.json`` beside them."""
    folder = Path(__file__).resolve().parents[1] / "samples"
    return [p for p in sorted(folder.glob("*"))
            if p.suffix.lower() in (".txt", ".md", ".docx")
            and p.with_name(p.name[: -len(p.suffix)] + ".gold.json").exists()]


@main.command()
@click.option("--me", metavar="NAME", help="Whose actions come first.")
@store_option
def demo(me: str | None) -> None:
    """Import the bundled samples into a fresh store in a temporary folder and open the
    terminal UI on it (without a terminal: print the actions table)."""
    import tempfile
    from datetime import date

    from minutes import parse
    from tracker import ActionStore

    files = sample_files()
    if not files:
        fail("no bundled samples found next to the package")
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    with tempfile.TemporaryDirectory(prefix="minutes-demo-") as folder:
        path = Path(folder) / "actions.json"
        if interactive:
            click.echo(f"minutes demo: importing {len(files)} sample minutes into {path}…", err=True)
        with ActionStore(path, user="demo") as store:
            for file in files:
                store.import_minutes(parse(file))
            if interactive:
                from tui.app import MinutesApp
                from tui.config import configured_me

                MinutesApp(store=store, me=me or configured_me(), import_folder=files[0].parent).run()
            else:
                from tui.store_cli import action_table

                click.echo(action_table(store.actions(), date.today()))


from tui import store_cli  # noqa: E402,F401  (the store verbs)

if __name__ == "__main__":
    # run as ``python -m tui.cli``: the verbs registered themselves on the imported module
    from tui.cli import main as imported_main

    imported_main()
