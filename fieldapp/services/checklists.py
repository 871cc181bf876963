"""The checklist library (检查表): templates with their legal basis — listed, shown, checked, imported, exported.

A template file is JSON (the file format) or XLSX (one row per item, for office editing); a changed
template needs a higher version. The built-in templates are added the first time the library is read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fieldapp.fileio import atomic_write
from fieldapp.models import checklist_format as fmt
from fieldapp.models import checklists
from fieldapp.models.checklist_format import TemplateInvalid
from fieldapp.models.store import Row
from fieldapp.services.changes import NOTHING, Done, Entity, changed
from fieldapp.workspace import Workspace

# Raised with every problem of a template file (row-level reasons).
__all__ = ["TemplateInvalid", "basis_text", "check_template_file", "export_template", "import_template",
           "item_count", "library", "template"]

item_count = fmt.item_count  # the number of items of a template
basis_text = fmt.basis_text  # an item's legal basis as one line of text


def ensure_builtin(ws: Workspace) -> None:
    """Write the checklists shipped with this version (once; a new version adds its new templates)."""
    checklists.ensure_builtin(ws.store)


def library(ws: Workspace, *, include_retired: bool = False) -> list[Row]:
    """The latest version of every template with its number of items."""
    return checklists.library(ws.store, include_retired=include_retired)


def template(ws: Workspace, template_id: str, version: int | None = None) -> dict[str, Any]:
    """A template with its sections and items (the latest version unless `version`)."""
    return checklists.get(ws.store, template_id, version)


def check_template_file(path: Path) -> dict[str, Any]:
    """Check a template file without importing it: its id, version, items and content hash; raises
    TemplateInvalid with every problem."""
    data = fmt.read_file(Path(path))
    return {"valid": True, "id": data["id"], "version": data["version"], "items": fmt.item_count(data),
            "content_hash": fmt.content_hash(data)}


def import_template(ws: Workspace, path: Path) -> Done[dict[str, Any]]:
    """Add a template version to the library; the same version again is left as it is (`stored` False)."""
    result = checklists.import_template(ws.store, Path(path))
    return Done(dict(result.__dict__), changed(Entity.CHECKLISTS) if result.stored else NOTHING)


def export_template(ws: Workspace, template_id: str, out: Path, *, version: int | None = None) -> dict[str, Any]:
    """Write a template to `out`: .json for the file format, anything else as XLSX; returns the template."""
    data = checklists.get(ws.store, template_id, version)
    out = Path(out)
    if out.suffix.lower() == ".json":
        content = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        content = fmt.to_xlsx(data)
    atomic_write(out, content)
    return data
