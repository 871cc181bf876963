"""fieldapp command line, the shared part: a thin layer over the same service functions the desktop UI calls.

Every listing takes --json. Exit 0 on success; on failure one line "Error: …" and a non-zero exit,
never a traceback (unexpected errors are logged with their traceback in the data directory).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from fieldapp import paths
from fieldapp.errors import FieldappError
from fieldapp.workspace import Workspace, setup_logging

log = logging.getLogger("fieldapp.cli")


class Context:
    def __init__(self, data_dir: Path, *, explicit: bool = False) -> None:
        self.data_dir = data_dir
        self.explicit = explicit  # given with --data-dir (not from the environment or the default)
        self._ws: Workspace | None = None

    @property
    def ws(self) -> Workspace:
        if self._ws is None:
            self._ws = Workspace.open(self.data_dir)
        return self._ws

    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()


class SafeGroup(click.Group):
    """Turns every failure into one line on stderr and a non-zero exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FieldappError as exc:
            click.echo(f"Error: {exc.en}", err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:
            # The reader went away (e.g. `| head`): nothing left to tell anyone.
            sys.stderr.close()
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo("Error: interrupted; nothing was changed by the unfinished step", err=True)
            ctx.exit(130)
        except Exception as exc:
            log.exception("internal error")
            where = paths.log_path(ctx.obj.data_dir) if isinstance(ctx.obj, Context) else "the log"
            click.echo(f"Error: internal error ({type(exc).__name__}: {exc}); details in {where}", err=True)
            ctx.exit(2)
        finally:
            if isinstance(ctx.obj, Context):
                ctx.obj.close()


def emit(data: Any, as_json: bool, human: Callable[[Any], None]) -> None:
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        human(data)


def table(rows: Iterable[dict[str, Any]], columns: list[tuple[str, str]]) -> None:
    rows = list(rows)
    if not rows:
        click.echo("(none)")
        return
    text = [[("" if r.get(k) is None else str(r.get(k))) for k, _ in columns] for r in rows]

    def width(s: str) -> int:
        import unicodedata

        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    widths = [max(width(h), *(width(t[i]) for t in text)) for i, (_, h) in enumerate(columns)]
    click.echo("  ".join(h + " " * (w - width(h)) for (_, h), w in zip(columns, widths, strict=True)))
    for t in text:
        click.echo("  ".join(c + " " * (w - width(c)) for c, w in zip(t, widths, strict=True)).rstrip())


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


@click.group(cls=SafeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Data directory (default: $FIELDAPP_DATA_DIR, else the per-user data directory).")
@click.version_option(package_name="fieldapp")
@click.pass_context
def main(ctx: click.Context, data_dir: Path | None) -> None:
    """fieldapp — offline field inspection for township work-safety inspectors.

    Example: fieldapp --data-dir ./data demo --enterprises 600
    """
    resolved = paths.resolve_data_dir(data_dir)
    setup_logging(resolved)
    ctx.obj = Context(resolved, explicit=data_dir is not None)


def progress(as_json: bool) -> Any:
    if as_json or not sys.stderr.isatty():
        return None

    def show(stage: str, done: int, total: int) -> None:
        click.echo(f"\r{stage}: {done}/{total}", nl=False, err=True)
        if done >= total:
            click.echo("", err=True)

    return show
