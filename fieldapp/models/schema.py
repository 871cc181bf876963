"""The schema as a list of forward-only migrations.

Never edit a migration that has shipped: add a new one. Each step runs inside the exclusive transaction
opened by `db.migrate`, so it must not use `executescript` (which commits). The steps live in
fieldapp/models/migrations/, by version range; a step never reads today's rules (models/tables.py) but
carries a frozen copy of what it needs, so it builds the same database whenever it runs.

Every table whose rows travel between devices carries the same sync columns (migrations/common.py):
- `id`: UUIDv7, created where the record is born, never reused;
- `created_at` / `updated_at`: UTC wall clock, for people;
- `device_id`: the device that made the last change;
- `seq`: this database's change sequence at the last change (one value per transaction), so an export
  finds everything changed since a point with an index range scan;
- `hlc`: hybrid logical clock of the last change, the order used when merging edits;
- `field_hlc`: JSON {column: hlc} for field-level last-writer-wins on records edited on both sides.
Deleted rows leave a row in `tombstones` with its own seq and hlc.
"""

from __future__ import annotations

from fieldapp.models.db import Migration
from fieldapp.models.migrations.v01_05 import (
    m001_registry,
    m002_enterprise_search,
    m003_inspections,
    m004_documents,
    m005_audit_log,
)
from fieldapp.models.migrations.v06_10 import (
    m006_checklists,
    m007_evidence,
    m008_device_keys,
    m009_sync,
    m010_on_site_enterprises,
)

MIGRATIONS: list[tuple[str, Migration]] = [
    ("registry", m001_registry),
    ("enterprise_search", m002_enterprise_search),
    ("inspections_findings", m003_inspections),
    ("documents_numbering", m004_documents),
    ("audit_log", m005_audit_log),
    ("checklists", m006_checklists),
    ("evidence", m007_evidence),
    ("device_keys", m008_device_keys),
    ("sync", m009_sync),
    ("on_site_enterprises", m010_on_site_enterprises),
]
