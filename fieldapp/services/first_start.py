"""A data directory's first start: the demo county in its own directory, or a real directory set up empty.

A real data directory never receives demo data: the demo county is written only into an empty
directory, which is then marked (models.demo.mark) and opened as the demo from then on; `fieldapp gui
--demo` opens the per-user demo directory (paths.demo_data_dir). A real directory starts empty and offers
enrolment, a registry import (services.enterprises.import_registry), or the demo in its own directory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldapp.errors import FieldappError
from fieldapp.models import demo
from fieldapp.services.changes import EVERYTHING, NOTHING, Done
from fieldapp.workspace import Workspace


def needs_first_start(ws: Workspace) -> bool:
    """A real installation with nothing in it yet: no registry, not enrolled, not the office, not the demo."""
    store = ws.store
    if store.scalar("SELECT 1 FROM enterprises LIMIT 1"):
        return False
    return store.scalar("SELECT value FROM meta WHERE key = 'role'") is None and not demo.is_demo(store)


def is_demo(ws: Workspace) -> bool:
    """The demo county (marked for good): its window, PDFs and QR payloads say 演示."""
    return demo.is_demo(ws.store)


def check_demo_dir(ws: Workspace) -> None:
    """Refuse to treat a directory holding real data as the demo directory."""
    if ws.is_empty() or demo.is_demo(ws.store):
        return
    raise FieldappError(
        f"{ws.data_dir} holds real data, not the demo: the demo opens in its own directory "
        "(leave out --data-dir)",
        f"{ws.data_dir} 中是正式数据，不是演示数据；演示数据只在单独的演示目录中打开（不要指定 --data-dir）")


def open_demo(ws: Workspace, *, visits: int = 6, progress: Callable[[str], None] | None = None) -> Done[bool]:
    """Fill an empty directory with the demo county (with issued demo notices); True when it was filled.

    A directory that already holds the demo is left as it is; one holding real data is refused.
    """
    from fieldapp.services import demo_visits

    check_demo_dir(ws)
    if not ws.is_empty():
        return Done(False, NOTHING)
    say = progress or (lambda _stage: None)
    demo.fill(ws.store, progress=say)
    say("notices")
    demo_visits.add_visits(ws, count=visits)
    return Done(True, EVERYTHING)


def fill_demo(ws: Workspace, *, enterprises: int = 600, seed: int = 20261123, visits: int = 6
              ) -> Done[dict[str, Any]]:
    """Demo data in this database (`fieldapp demo`): the demo county, or on an enrolled device demo field work
    over the registry it received; then `visits` visits with photos, signatures and issued demo notices.

    The county only goes into an empty database. Returns the counts (townships, enterprises, inspectors,
    inspections, findings, seed, visits, notices).
    """
    from fieldapp.services import demo_visits
    from fieldapp.sync.roles import Role, role

    if role(ws.store) is Role.DEVICE:
        # An enrolled device already has the office's registry: demo field work goes on top of it.
        result = demo.fill_field_work(ws.store, seed=seed)
    else:
        result = demo.fill(ws.store, enterprises_count=enterprises, seed=seed)
    recorded = demo_visits.add_visits(ws, count=visits, seed=seed).value
    data = dict(result.__dict__, visits=len(recorded), notices=sum(len(v["documents"]) for v in recorded))
    return Done(data, EVERYTHING)

