"""Every synced table and its rules, in one place (docs/bundle-format.md, "Merge rules").

A table listed in POLICIES is synced: its rows carry the sync columns (schema), are written only through
`Store` (ids, clocks, change sequence), travel in bundles and enrolment files, and their deletions travel
as tombstones. The list is in dependency order — parents before the records that point at them — which
is the order of export and import. The store (who owns a row, what is audited), sync (merge, the
applier, export selection, enrolment, conflict review) and doctor read these policies; no other module
declares a table's rules. Migrations never read them: a migration carries a frozen copy of what it needs.

Tables not listed stay on their own database: meta, settings, sync_peers, sync_log, sync_conflicts,
sync_aliases and the search index. Two travel by rules of their own (sync.exchange): `tombstones`, and
`audit_log`, which goes from a device to the office only and is never merged (each device's chain).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from fieldapp.models import lifecycle

# The columns `Store` stamps on every write of a synced row; no caller sets them.
SYNC_FIELDS = frozenset({"id", "created_at", "updated_at", "device_id", "seq", "hlc", "field_hlc", "owner_device"})
# Columns that never leave their database: the change sequence and the enterprises' search-index key.
LOCAL_COLUMNS = frozenset({"seq", "search_key"})


class Route(StrEnum):
    """Which rows of a table the office sends to a device (a device sends the office everything)."""

    ALL = "all"  # the registry: every device gets every row
    ASSIGNED = "assigned"  # rows assigned to the device (assigned_device)
    OWNED = "owned"  # the device's own records, with the office's changes to them (owner_device)
    OWNED_OR_ASSIGNED = "owned_or_assigned"  # inspections: its own, and those the office assigned to it


@dataclass(frozen=True)
class Reference:
    """A column of another table that holds ids of this table's records (a JSON list when `is_list`)."""

    table: str
    column: str
    is_list: bool = False


@dataclass(frozen=True)
class TablePolicy:
    name: str
    zh: str  # what its records are called, for people (an import summary, a conflict)
    route: Route
    owned: bool = False  # rows carry owner_device: the device that created them, where the office's changes go
    audited: bool = False  # every change appends to the hash-chained 执法全过程记录
    enrolment: bool = False  # carried by an enrolment file
    field_work: bool = False  # a directory holding such records cannot enrol (its numbering is not the office's)
    # Two records with the same natural key are one real-world thing (a USCC, a certificate number…):
    # replicas unite them (sync.applier).
    natural_key: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()  # where this table's ids are held, to move them off a merged record
    # Merge rules besides last-writer-wins per field (sync.merge):
    ranks: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # states merge by order, never back
    max_fields: frozenset[str] = frozenset()  # only ever move forward (counters, revocations)
    immutable: frozenset[str] = frozenset()  # never change once written
    frozen_once_issued: frozenset[str] = frozenset()  # never change once the record left 'draft' (signed)
    label: str | None = None  # the column that names a record in the conflict review

    @property
    def registry(self) -> bool:
        """Shared by every replica, not owned by one device."""
        return self.route is Route.ALL


def _ranks(**columns: dict[str, int]) -> Mapping[str, Mapping[str, int]]:
    return MappingProxyType({c: MappingProxyType(r) for c, r in columns.items()})


def _refs(*refs: tuple[str, str] | tuple[str, str, bool]) -> tuple[Reference, ...]:
    return tuple(Reference(*r) for r in refs)


def _field_record(name: str, zh: str, **rules: Any) -> TablePolicy:
    """A record of field work: created on a device, owned by it, audited."""
    return TablePolicy(name, zh, Route.OWNED, owned=True, audited=True, **rules)


POLICIES: tuple[TablePolicy, ...] = (
    TablePolicy("townships", "乡镇街道", Route.ALL, enrolment=True, natural_key=("name",), label="name",
                references=_refs(("grids", "township_id"), ("enterprises", "township_id"),
                                 ("inspectors", "township_id"))),
    TablePolicy("grids", "网格", Route.ALL, enrolment=True, natural_key=("township_id", "name"), label="name",
                references=_refs(("enterprises", "grid_id"))),
    TablePolicy("inspectors", "执法人员", Route.ALL, enrolment=True, natural_key=("certificate_no",), label="name",
                references=_refs(("inspections", "officer_ids", True), ("reinspections", "officer_ids", True),
                                 ("assignments", "officer_ids", True))),
    TablePolicy("enterprises", "单位", Route.ALL, enrolment=True, natural_key=("uscc",), label="name",
                references=_refs(("inspections", "enterprise_id"), ("findings", "enterprise_id"),
                                 ("reinspections", "enterprise_id"), ("documents", "enterprise_id"),
                                 ("assignments", "enterprise_id"))),
    TablePolicy("checklist_templates", "检查表", Route.ALL, enrolment=True, natural_key=("template_id", "version"),
                # A template version names exactly one content forever.
                immutable=frozenset({"content", "content_hash"})),
    TablePolicy("device_keys", "终端密钥", Route.ALL, enrolment=True, natural_key=("key_id",),
                max_fields=frozenset({"revoked"})),
    TablePolicy("number_blocks", "文书编号段", Route.ASSIGNED, enrolment=True, max_fields=frozenset({"next_serial"})),
    TablePolicy("inspections", "检查记录", Route.OWNED_OR_ASSIGNED, owned=True, audited=True, field_work=True,
                label="type", ranks=_ranks(status={"in_progress": 0, "completed": 1, "voided": 2})),
    TablePolicy("assignments", "检查任务", Route.ASSIGNED,
                ranks=_ranks(status={"open": 0, "done": 1, "cancelled": 1})),
    _field_record("inspection_checklists", "检查所用检查表"),
    _field_record("findings", "隐患", field_work=True, label="description",
                ranks=_ranks(status=dict(lifecycle.RANK))),
    _field_record("checklist_answers", "检查项结果"),
    _field_record("finding_events", "隐患处理记录"),
    _field_record("reinspections", "复查记录", field_work=True),
    _field_record("reinspection_items", "复查项"),
    _field_record("documents", "执法文书", field_work=True,
                ranks=_ranks(status={"draft": 0, "issued": 1, "voided": 2}),
                frozen_once_issued=frozenset({"number", "content", "content_sha256", "pdf_sha256", "issuer", "year",
                                              "serial", "block_id", "issued_at", "doc_type", "enterprise_id",
                                              "inspection_id"})),
    _field_record("evidence", "证据照片", field_work=True),
)

POLICY: Mapping[str, TablePolicy] = MappingProxyType({p.name: p for p in POLICIES})
