"""The checklist library: stored template versions, applicability, answers and findings from items.

Templates are stored per (id, version) with their content hash and never change once stored; a new
version is a new row, so an inspection that used version 1 keeps reading version 1. Built-in templates
from resources/checklists are loaded into the library on first use; the office adds or updates
templates by importing JSON or XLSX files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from fieldapp.errors import NotFound, ValidationError
from fieldapp.models import checklist_format as fmt
from fieldapp.models import findings
from fieldapp.models.store import Row, Store
from fieldapp.resources import resource_path

ANSWERS = {"yes": "符合", "no": "不符合", "na": "不适用"}
ANSWER_ALIASES = {"符合": "yes", "不符合": "no", "不适用": "na", "1": "yes", "2": "no", "3": "na",
                  "y": "yes", "n": "no", "yes": "yes", "no": "no", "na": "na", "n/a": "na"}


@dataclass(frozen=True)
class StoreResult:
    template_id: str
    version: int
    stored: bool  # False when exactly this content was already in the library


def builtin_dir() -> Path:
    return resource_path("checklists")


def ensure_builtin(store: Store) -> int:
    """Load shipped templates not yet in the library (once per open database); returns how many were added."""
    if getattr(store, "_builtin_checklists_loaded", False):
        return 0
    known = {(r["template_id"], r["version"]): r["content_hash"] for r in store.query(
        "SELECT template_id, version, content_hash FROM checklist_templates")}
    added = 0
    pending = []
    for path in sorted(builtin_dir().glob("*.json")):
        template = fmt.parse_json(path.read_bytes())
        key = (template["id"], template["version"])
        if key in known:
            continue
        pending.append(template)
    if pending:
        with store.transaction():
            for template in pending:
                added += int(_store_template(store, template, "builtin").stored)
    store._builtin_checklists_loaded = True  # type: ignore[attr-defined]
    return added


def _store_template(store: Store, template: dict[str, Any], origin: str) -> StoreResult:
    digest = fmt.content_hash(template)
    existing = store.query("SELECT content_hash FROM checklist_templates WHERE template_id = ? AND version = ?",
                           (template["id"], template["version"]))
    if existing:
        if existing[0]["content_hash"] == digest:
            return StoreResult(template["id"], template["version"], False)
        raise ValidationError(
            f"template {template['id']} version {template['version']} already exists with different content; "
            "give the changed template a higher version",
            f"模板 {template['id']} 第 {template['version']} 版已存在且内容不同；修改后的模板请提高版本号")
    store.insert("checklist_templates", {
        "template_id": template["id"], "version": template["version"], "title": template["title"],
        "status": template["status"], "origin": origin, "content": fmt.canonical(template),
        "content_hash": digest, "items": fmt.item_count(template),
    }, audit=None)
    return StoreResult(template["id"], template["version"], True)


def import_template(store: Store, path: Path) -> StoreResult:
    template = fmt.read_file(path)
    ensure_builtin(store)
    with store.transaction():
        return _store_template(store, template, "office")


def library(store: Store, *, include_retired: bool = False) -> list[Row]:
    """The latest version of every template (what `checklists list` shows)."""
    ensure_builtin(store)
    rows = store.query(
        "SELECT t.template_id AS id, t.version, t.title, t.status, t.items, t.origin, t.content_hash"
        " FROM checklist_templates t WHERE t.version = (SELECT max(version) FROM checklist_templates"
        " WHERE template_id = t.template_id) ORDER BY t.template_id")
    return [r for r in rows if include_retired or r["status"] == "active"]


def get(store: Store, template_id: str, version: int | None = None) -> dict[str, Any]:
    ensure_builtin(store)
    if version is None:
        row = store.query("SELECT content FROM checklist_templates WHERE template_id = ?"
                          " ORDER BY version DESC LIMIT 1", (template_id,))
    else:
        row = store.query("SELECT content FROM checklist_templates WHERE template_id = ? AND version = ?",
                          (template_id, version))
    if not row:
        which = f" version {version}" if version is not None else ""
        raise NotFound(f"checklist template {template_id}{which} not found", f"未找到检查表模板 {template_id}")
    return dict(json.loads(row[0]["content"]))


def item(template: dict[str, Any], code: str) -> dict[str, Any]:
    for it in fmt.items(template):
        if it["code"] == code:
            return it
    raise NotFound(f"item {code} is not in template {template['id']}", f"模板 {template['id']} 中没有检查项 {code}")


def applies(template: dict[str, Any], enterprise: Row) -> str | None:
    """Why a template applies to an enterprise ("industry", "tag", "general"), or None."""
    tags = set(json.loads(enterprise.get("tags") or "[]"))
    industry = enterprise.get("industry")
    sub = enterprise.get("sub_sector")
    # An enterprise without a sub-sector gets every sub-sector template of its industry.
    if template["industries"] and industry in template["industries"] and (
            not template["sub_sectors"] or not sub or sub in template["sub_sectors"]):
        return "industry"
    if template["tags"] and tags & set(template["tags"]):
        return "tag"
    if not template["industries"] and not template["tags"]:
        return "general"
    return None


def suggest(store: Store, enterprise: Row) -> list[Row]:
    """Active templates that apply to the enterprise, industry matches first."""
    order = {"industry": 0, "tag": 1, "general": 2}
    out = []
    for row in library(store):
        reason = applies(get(store, row["id"], row["version"]), enterprise)
        if reason:
            out.append(dict(row, reason=reason))
    return sorted(out, key=lambda r: (order[r["reason"]], r["id"]))


# -- use in an inspection --------------------------------------------------------------------

def add_to_inspection(store: Store, inspection_id: str, template_id: str, version: int | None = None) -> Row:
    template = get(store, template_id, version)
    with store.transaction():
        store.require("inspections", inspection_id, "inspection", "检查记录")
        existing = store.query("SELECT * FROM inspection_checklists WHERE inspection_id = ? AND template_id = ?",
                               (inspection_id, template_id))
        if existing:
            return existing[0]
        if template["status"] != "active" and version is None:
            raise ValidationError(f"template {template_id} is retired", f"检查表模板 {template_id} 已停用")
        return store.insert("inspection_checklists", {
            "inspection_id": inspection_id, "template_id": template_id, "template_version": template["version"],
            "content_hash": fmt.content_hash(template),
        })


def inspection_templates(store: Store, inspection_id: str) -> list[dict[str, Any]]:
    """The exact template versions an inspection used, with their content."""
    rows = store.query("SELECT template_id, template_version FROM inspection_checklists WHERE inspection_id = ?"
                       " ORDER BY created_at", (inspection_id,))
    return [get(store, r["template_id"], r["template_version"]) for r in rows]


def normalise_answer(value: str) -> str:
    answer = ANSWER_ALIASES.get(value.strip().lower())
    if answer is None:
        raise ValidationError(f"answer must be 符合/不符合/不适用 (yes/no/na), not {value!r}",
                              f"检查结论应为“符合/不符合/不适用”，而不是“{value}”")
    return answer


def answer(store: Store, inspection_id: str, template_id: str, item_code: str, value: str,
           note: str | None = None, *, today: date | None = None) -> tuple[Row, Row | None]:
    """Record an answer; 不符合 creates a finding pre-filled from the item (重大 for a major criterion).

    Changing a 不符合 answer back voids the finding it created, if nothing has happened to it yet.
    """
    code = normalise_answer(value)
    with store.transaction():
        used = store.query("SELECT template_version FROM inspection_checklists"
                           " WHERE inspection_id = ? AND template_id = ?", (inspection_id, template_id))
        if not used:
            add_to_inspection(store, inspection_id, template_id)
            used = store.query("SELECT template_version FROM inspection_checklists"
                               " WHERE inspection_id = ? AND template_id = ?", (inspection_id, template_id))
        version = int(used[0]["template_version"])
        template = get(store, template_id, version)
        it = item(template, item_code)
        inspection = store.require("inspections", inspection_id, "inspection", "检查记录")
        if inspection["status"] != "in_progress":
            raise ValidationError("the inspection is completed; answers can no longer change",
                                  "检查已结束，检查结论不能再修改")
        current = store.query("SELECT * FROM checklist_answers WHERE inspection_id = ? AND template_id = ?"
                              " AND item_code = ?", (inspection_id, template_id, item_code))
        finding: Row | None = None
        finding_id = current[0]["finding_id"] if current else None
        if code == "no" and not finding_id:
            deadline = ((today or date.today()) + timedelta(days=int(it["deadline_days"]))).isoformat()
            finding = findings.create(
                store, enterprise_id=inspection["enterprise_id"], inspection_id=inspection_id,
                description=it["finding"] + (f"（{note.strip()}）" if note and note.strip() else ""),
                grade="major" if it["major"] else "general", legal_basis=fmt.basis_text(it),
                requirement=it["requirement"], deadline=deadline, item_code=item_code, template_id=template_id,
                template_version=version, campaign=inspection.get("campaign"))
            finding_id = finding["id"]
        elif code != "no" and finding_id:
            existing = findings.get(store, finding_id)
            if existing["status"] == "open":
                findings.transition(store, finding_id, "voided",
                                    void_reason=f"检查结论改为“{ANSWERS[code]}”")
                finding_id = None
        values = {"inspection_id": inspection_id, "template_id": template_id, "template_version": version,
                  "item_code": item_code, "answer": code, "note": note, "finding_id": finding_id}
        if current:
            row = store.update("checklist_answers", current[0]["id"], values)
        else:
            row = store.insert("checklist_answers", values)
        return row, finding


def answers(store: Store, inspection_id: str) -> list[Row]:
    return store.query("SELECT * FROM checklist_answers WHERE inspection_id = ? ORDER BY template_id, item_code",
                       (inspection_id,))
