"""A data directory's first start: the demo county in its own directory, or a real directory set up empty.

A real data directory never receives demo data: the demo county is written only into an empty
directory, which is then marked (models.demo.mark) and opened as the demo from then on; `fieldapp gui
--demo` opens the per-user demo directory (paths.demo_data_dir). A real directory starts empty and offers
enrolment, a registry import, or the demo in its own directory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fieldapp.errors import FieldappError
from fieldapp.models import demo, registry
from fieldapp.models.store import Store
from fieldapp.workspace import Workspace

# Stages of the demo fill, for a progress display.
DEMO_STAGES = ("enterprises", "inspections", "notices")


def needs_first_start(store: Store) -> bool:
    """A real installation with nothing in it yet: no registry, not enrolled, not the office, not the demo."""
    if store.scalar("SELECT 1 FROM enterprises LIMIT 1"):
        return False
    return store.scalar("SELECT value FROM meta WHERE key = 'role'") is None and not demo.is_demo(store)


def check_demo_dir(ws: Workspace) -> None:
    """Refuse to treat a directory holding real data as the demo directory."""
    if ws.is_empty() or demo.is_demo(ws.store):
        return
    raise FieldappError(
        f"{ws.data_dir} holds real data, not the demo: the demo opens in its own directory "
        "(leave out --data-dir)",
        f"{ws.data_dir} 中是正式数据，不是演示数据；演示数据只在单独的演示目录中打开（不要指定 --data-dir）")


def open_demo(ws: Workspace, *, visits: int = 6, progress: Callable[[str], None] | None = None) -> bool:
    """Fill an empty directory with the demo county (with issued demo notices); True when it was filled.

    A directory that already holds the demo is left as it is; one holding real data is refused.
    """
    from fieldapp.services import demo_visits

    check_demo_dir(ws)
    if not ws.is_empty():
        return False
    say = progress or (lambda _stage: None)
    demo.fill(ws.store, progress=say)
    say("notices")
    demo_visits.add_visits(ws, count=visits)
    return True


def import_registry(ws: Workspace, path: Path, *, skip_invalid: bool = False,
                    progress: Callable[[int], None] | None = None) -> registry.ImportReport:
    """Import or update enterprises from a registry file (企业名录, CSV or XLSX), matched by USCC.

    All-or-nothing unless `skip_invalid`: the report then lists the invalid rows and nothing is written.
    """
    return registry.import_file(ws.store, Path(path), skip_invalid=skip_invalid, progress=progress)
