"""Migrations 6–10: checklists, evidence, device keys, sync (peers, conflicts, aliases, assignments), on-site enterprises."""

from __future__ import annotations

import sqlite3

from fieldapp.models.migrations.common import SYNC_COLUMNS, run_script, seq_index


def m006_checklists(conn: sqlite3.Connection) -> None:
    # A template version is immutable: (template_id, version) names exactly one content hash forever.
    run_script(conn, f"""
        CREATE TABLE checklist_templates ({SYNC_COLUMNS},
            template_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            title TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('active', 'retired')),
            origin TEXT NOT NULL CHECK (origin IN ('builtin', 'office')),
            content TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            items INTEGER NOT NULL,
            UNIQUE (template_id, version)
        );
        {seq_index("checklist_templates")}
        CREATE TABLE inspection_checklists ({SYNC_COLUMNS},
            inspection_id TEXT NOT NULL REFERENCES inspections(id),
            template_id TEXT NOT NULL,
            template_version INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            UNIQUE (inspection_id, template_id)
        );
        {seq_index("inspection_checklists")}
        CREATE TABLE checklist_answers ({SYNC_COLUMNS},
            inspection_id TEXT NOT NULL REFERENCES inspections(id),
            template_id TEXT NOT NULL,
            template_version INTEGER NOT NULL,
            item_code TEXT NOT NULL,
            answer TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'na')),
            note TEXT,
            finding_id TEXT REFERENCES findings(id),
            UNIQUE (inspection_id, template_id, item_code)
        );
        {seq_index("checklist_answers")}
    """)


def m007_evidence(conn: sqlite3.Connection) -> None:
    # Files live content-addressed under <data>/evidence; a row only points at them by hash. Files are
    # written (atomically) before the row, so a crash leaves at worst an unreferenced file for `doctor --gc`.
    run_script(conn, f"""
        CREATE TABLE evidence ({SYNC_COLUMNS},
            kind TEXT NOT NULL CHECK (kind IN ('photo', 'video', 'audio')),
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            mime TEXT,
            thumb_sha256 TEXT,
            width INTEGER,
            height INTEGER,
            original_name TEXT NOT NULL,
            original_sha256 TEXT NOT NULL,
            original_size INTEGER NOT NULL,
            original_kept INTEGER NOT NULL DEFAULT 0,
            captured_at TEXT,
            captured_at_source TEXT CHECK (captured_at_source IN ('exif', 'file')),
            latitude REAL,
            longitude REAL,
            camera_model TEXT,
            finding_id TEXT REFERENCES findings(id),
            inspection_id TEXT REFERENCES inspections(id),
            caption TEXT,
            position INTEGER NOT NULL DEFAULT 0,
            overlay TEXT,
            CHECK (finding_id IS NOT NULL OR inspection_id IS NOT NULL)
        );
        {seq_index("evidence")}
        CREATE INDEX ix_evidence_finding ON evidence(finding_id, position);
        CREATE INDEX ix_evidence_inspection ON evidence(inspection_id, position);
        CREATE INDEX ix_evidence_sha ON evidence(sha256);
    """)


def m008_device_keys(conn: sqlite3.Connection) -> None:
    # Public keys only: the private keys never enter the database (they live in <data>/keys).
    run_script(conn, f"""
        CREATE TABLE device_keys ({SYNC_COLUMNS},
            key_id TEXT NOT NULL UNIQUE,
            key_device_id TEXT NOT NULL,
            device_name TEXT,
            ed25519_public TEXT NOT NULL,
            certificate_pem TEXT,
            revoked INTEGER NOT NULL DEFAULT 0
        );
        {seq_index("device_keys")}
        CREATE INDEX ix_documents_number ON documents(number);
    """)


# The tables whose records a device owned when this step shipped (today's rules are models/tables.py): a
# frozen copy, so the step adds owner_device to exactly these tables whatever the rules become.
M009_OWNED_TABLES: tuple[str, ...] = ("inspections", "inspection_checklists", "checklist_answers", "findings",
                                      "finding_events", "reinspections", "reinspection_items", "documents",
                                      "evidence")


def m009_sync(conn: sqlite3.Connection) -> None:
    for table in M009_OWNED_TABLES:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN owner_device TEXT")
        conn.execute(f"UPDATE {table} SET owner_device = device_id")
    conn.execute("ALTER TABLE inspections ADD COLUMN assigned_device TEXT")
    conn.execute("ALTER TABLE tombstones ADD COLUMN owner_device TEXT")
    # The office-issued certificate beside the device's own one: notices signed before certification
    # must keep verifying.
    conn.execute("ALTER TABLE device_keys ADD COLUMN issued_certificate_pem TEXT")
    run_script(conn, """
        CREATE TABLE sync_peers (
            peer_id TEXT PRIMARY KEY NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('device', 'central')),
            name TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('enrolled', 'active', 'revoked')),
            ed25519_public TEXT,
            x25519_public TEXT,
            enrol_token TEXT,
            acked_seq INTEGER NOT NULL DEFAULT 0,
            received_seq INTEGER NOT NULL DEFAULT 0,
            last_export_at TEXT,
            last_import_at TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE sync_log (
            bundle_id TEXT PRIMARY KEY NOT NULL,
            peer_id TEXT NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('export', 'import')),
            base_seq INTEGER NOT NULL,
            upto_seq INTEGER NOT NULL,
            at TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE sync_conflicts (
            id TEXT PRIMARY KEY NOT NULL,
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            field TEXT NOT NULL,
            kept_value TEXT,
            kept_hlc TEXT,
            lost_value TEXT,
            lost_hlc TEXT,
            lost_device TEXT,
            bundle_id TEXT,
            detected_at TEXT NOT NULL,
            resolved_at TEXT,
            resolution TEXT
        );
        CREATE INDEX ix_sync_conflicts_open ON sync_conflicts(resolved_at, detected_at);
        CREATE UNIQUE INDEX ux_sync_conflicts_loss ON sync_conflicts(table_name, row_id, field, lost_hlc);
        CREATE TABLE sync_aliases (
            alias_id TEXT PRIMARY KEY NOT NULL,
            table_name TEXT NOT NULL,
            target_id TEXT NOT NULL
        );
    """)
    run_script(conn, f"""
        CREATE TABLE assignments ({SYNC_COLUMNS},
            enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
            assigned_device TEXT NOT NULL,
            officer_ids TEXT NOT NULL DEFAULT '[]',
            planned_date TEXT,
            type TEXT NOT NULL DEFAULT '日常检查',
            campaign TEXT,
            note TEXT,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
            inspection_id TEXT REFERENCES inspections(id)
        );
        {seq_index("assignments")}
        CREATE INDEX ix_assignments_device ON assignments(assigned_device, status, planned_date);
    """)
    for table in M009_OWNED_TABLES:
        conn.execute(f"CREATE INDEX ix_{table}_owner ON {table}(owner_device, seq)")


def m010_on_site_enterprises(conn: sqlite3.Connection) -> None:
    """An enterprise registered on site may have no USCC (无照经营); a merge travels as a tombstone.

    SQLite cannot drop a NOT NULL with ALTER TABLE, and rebuilding `enterprises` would trip the foreign
    keys of every inspection, finding and document pointing at it. Removing a NOT NULL does not change
    how rows are stored, so the documented writable_schema procedure (sqlite.org/lang_altertable.html,
    "other kinds of table schema changes") edits the declaration in place; UNIQUE still holds, and SQLite
    lets any number of rows share a NULL.
    """
    old = "uscc TEXT NOT NULL UNIQUE"
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'enterprises'").fetchone()[0]
    if old not in sql:
        raise RuntimeError("unexpected enterprises table: cannot make the USCC optional")
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'enterprises'",
                     (sql.replace(old, "uscc TEXT UNIQUE"),))
        conn.execute(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")
    problems = conn.execute("PRAGMA integrity_check").fetchall()
    if [tuple(p) for p in problems] != [("ok",)]:
        raise RuntimeError(f"integrity check failed after making the USCC optional: {problems[:3]}")
    # "merged into": the survivor of two records of one thing (same USCC, or linked by the office).
    conn.execute("ALTER TABLE tombstones ADD COLUMN merged_into TEXT")
