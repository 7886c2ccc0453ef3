"""The ``kg`` command: a click group with one module per command family.

This package is the only place that prints, prompts or picks an exit code: 0 all good,
1 some input failed, 2 usage error. Errors are one line on stderr; ``--debug`` shows the
traceback.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
import traceback

import click

from kg import __version__
from kg.cli.errors import UserFacingError

#: Each command and the module (in this package) that defines it. A module is imported
#: only when one of its commands runs (or help lists them): `kg build` loads neither
#: networkx nor the viewers.
COMMAND_MODULES = {
    "build": "build",
    "resolve": "build",
    "remove": "build",
    "extract": "extract",
    "query": "query",
    "viz": "views",
    "export": "views",
    "stats": "info",
    "show": "info",
    "validate": "validate",
    "entities": "entities",
    "spark": "spark",
    "load": "load",
    "claims": "claims",
}


class _Group(click.Group):
    """Loads each command's module on first use, and turns known failures into one-line
    messages instead of tracebacks."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            module = importlib.import_module(f"kg.cli.{COMMAND_MODULES[cmd_name]}")
            for command in module.COMMANDS:
                self.commands.setdefault(command.name, command)
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except UserFacingError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                traceback.print_exc()
            click.echo(f"kg: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:
            # the reader went away (`kg show X | head`): stop quietly, as Unix tools do
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("kg: interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:  # noqa: BLE001 - last line of defence for users
            if ctx.obj and ctx.obj.get("debug"):
                traceback.print_exc()
            else:
                click.echo(
                    f"kg: error: {type(exc).__name__}: {exc} (run `kg --debug ...` for the "
                    "traceback)",
                    err=True,
                )
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newskg")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """newskg: turn news articles into a knowledge graph of who said, reported and
    denied what, every statement traced to its exact words.

    \b
    Quick start:
      kg build examples/articles        # build ./kg-store
      kg query --name quotes-by --param name="Rosario Almendra"
      kg viz -o graph.html
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main() -> None:
    """Console entry point."""
    try:
        cli(prog_name="kg")
    finally:
        # The process ends here: keep the collector's last full pass from walking every
        # object still alive (spaCy's are many; a fifth of a second after `kg build`).
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
