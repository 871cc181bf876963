"""Data-directory commands: init, demo, settings, stats, doctor, backup, restore, gui."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from fieldapp import paths
from fieldapp.cli.base import Context, emit, json_option, main, table
from fieldapp.errors import FieldappError
from fieldapp.workspace import Workspace


@main.command()
@json_option
@click.pass_obj
def init(obj: Context, as_json: bool) -> None:
    """Create (or upgrade) the database in the data directory.

    Example: fieldapp --data-dir ./data init
    """
    from fieldapp.services import maintenance

    data = maintenance.database_info(obj.ws)
    emit(data, as_json, lambda d: click.echo(f"Database ready: {d['database']} (schema {d['schema_version']})"))


@main.command()
@click.option("--enterprises", "count", type=click.IntRange(1, 1_000_000), default=600, show_default=True,
              help="How many enterprises to generate.")
@click.option("--seed", type=int, default=20261123, show_default=True, help="Random seed (same seed, same county).")
@click.option("--visits", type=click.IntRange(0, 200), default=6, show_default=True,
              help="Visits with photos, signatures and issued notices.")
@json_option
@click.pass_obj
def demo(obj: Context, count: int, seed: int, visits: int, as_json: bool) -> None:
    """Fill an empty database with a realistic demo county, including issued notices.

    Example: fieldapp demo --enterprises 100000 --seed 7
    """
    from fieldapp.services import first_start

    data = first_start.fill_demo(obj.ws, enterprises=count, seed=seed, visits=visits).value
    emit(data, as_json, lambda r: click.echo(
        f"Demo county created: {r['townships']} townships, {r['enterprises']} enterprises, "
        f"{r['inspectors']} inspectors, {r['inspections']} inspections, {r['findings']} findings, "
        f"{r['notices']} notices issued (seed {r['seed']})"))


@main.group("settings")
def settings_group() -> None:
    """Settings (issuing unit, numbering, authorities in the rights notice…)."""


@settings_group.command("show")
@json_option
@click.pass_obj
def settings_show(obj: Context, as_json: bool) -> None:
    """Show all settings.

    Example: fieldapp settings show --json
    """
    from fieldapp.services import settings

    values = settings.current_settings(obj.ws)

    def human(v: dict[str, Any]) -> None:
        for k, x in v.items():
            click.echo(f"{k} = {json.dumps(x, ensure_ascii=False)}")

    emit(values, as_json, human)


@settings_group.command("set")
@click.argument("key")
@click.argument("value")
@click.pass_obj
def settings_set(obj: Context, key: str, value: str) -> None:
    """Change one setting.

    Example: fieldapp settings set issuing_unit 梁山县应急管理局
    """
    from fieldapp.services import settings

    saved = settings.save_settings(obj.ws, {key: value}).value
    click.echo(f"{key} = {json.dumps(saved[key], ensure_ascii=False)}")


# -- maintenance -------------------------------------------------------------------------------

@main.command()
@click.option("--xlsx", "workbook", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the township and industry tables to this Excel workbook.")
@json_option
@click.pass_obj
def stats(obj: Context, workbook: Path | None, as_json: bool) -> None:
    """Counts, 整改率 (rectification rate) and figures by township and industry; --xlsx also writes the
    township and industry tables to a workbook, as the statistics screen exports them.

    Example: fieldapp stats --json
    """
    from fieldapp.services import statistics

    data = statistics.statistics(obj.ws)

    def human(d: dict[str, Any]) -> None:
        for key in ("enterprises", "inspections", "findings", "documents", "evidence"):
            click.echo(f"{key}: {d[key]}")
        rate = d["整改率"]
        click.echo(f"整改率 (rectification rate): {'-' if rate is None else f'{rate:.1%}'}")
        click.echo(f"overdue findings: {d['findings_overdue']}")
        table(d["by_township"], [("name", "Township"), ("findings", "Findings"), ("resolved", "Resolved"),
                                 ("overdue", "Overdue"), ("整改率", "Rate")])

    emit(data, as_json, human)
    if workbook is not None:
        written = statistics.export_xlsx(obj.ws, workbook, summary=data)
        click.echo(f"Tables written to {written}", err=as_json)  # --json keeps stdout for the JSON


@main.command()
@click.option("--gc", "collect", is_flag=True, help="Also remove stored files that no record uses any more.")
@json_option
@click.pass_obj
def doctor(obj: Context, collect: bool, as_json: bool) -> None:
    """Check database integrity, foreign keys and the audit chain; exit 1 on any problem.

    Example: fieldapp doctor --gc
    """
    from fieldapp.services import maintenance

    report = maintenance.check_health(obj.ws, collect_garbage=collect)

    def human(d: dict[str, Any]) -> None:
        for c in d["checks"]:
            click.echo(f"{'ok  ' if c['ok'] else 'FAIL'} {c['check']}: {c['detail']}")

    emit({"ok": report.ok, "checks": report.checks}, as_json, human)
    if not report.ok:
        failed = next(c for c in report.checks if not c["ok"])
        raise FieldappError(f"{failed['check']}: {failed['detail']}", failed["detail_zh"])


@main.command()
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Backup file (default: a new file in the data directory's backups folder).")
@json_option
@click.pass_obj
def backup(obj: Context, out: Path | None, as_json: bool) -> None:
    """Write a consistent copy of the database (safe while the app is running).

    Example: fieldapp backup --out E:/fieldapp-2026-11-23.sqlite3
    """
    from fieldapp.services import backups

    path = backups.back_up(obj.ws, out).value
    emit({"backup": str(path)}, as_json, lambda d: click.echo(f"Backup written: {d['backup']}"))


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
@click.pass_obj
def restore(obj: Context, file: Path, as_json: bool) -> None:
    """Replace the database with a backup (the current one is kept as a safety backup first).

    Example: fieldapp restore backups/fieldapp-20261123-080000-auto.sqlite3
    """
    from fieldapp.services import backups

    safety = backups.restore(obj.ws, file).value
    emit({"restored": str(file), "safety_backup": str(safety)}, as_json,
         lambda d: click.echo(f"Restored from {d['restored']}; the previous database was saved as {d['safety_backup']}"))


@main.command()
@click.option("--demo", "demo_county", is_flag=True,
              help="Open the demo county in its own demo directory (created on first use), marked 演示数据; "
                   "with --data-dir, in that directory.")
@click.option("--quit-when-ready", is_flag=True,
              help="Print 'ready' and quit once the window is up (a start-up check).")
@click.pass_obj
def gui(obj: Context, demo_county: bool, quit_when_ready: bool) -> None:
    """Start the desktop application (an empty data directory opens on the first-start screen).

    Example: fieldapp gui --demo
    """
    from fieldapp import qtlibs

    data_dir = obj.data_dir
    if demo_county:
        from fieldapp.services import first_start

        # $FIELDAPP_DATA_DIR names the real data: only an explicit --data-dir moves the demo.
        data_dir = obj.data_dir if obj.explicit else paths.demo_data_dir()
        with Workspace.open(data_dir) as ws:
            first_start.check_demo_dir(ws)
    if qtlibs.will_use_xcb():
        absent = qtlibs.missing()
        if absent:
            # Qt would abort with "no Qt platform plugin could be initialized" and no hint why.
            raise FieldappError(
                "Qt's X11 platform plugin cannot load: missing " + ", ".join(absent) + "; install them with: "
                "sudo apt-get install " + " ".join(qtlibs.packages_for(absent)),
                "缺少 Qt 图形界面所需的系统库：" + "、".join(absent))
    from fieldapp.ui.app import run

    sys.exit(run(data_dir, demo=demo_county, quit_when_ready=quit_when_ready))


if __name__ == "__main__":  # pragma: no cover
    main()
