"""The schema as a list of forward-only migrations.

Never edit a migration that has shipped: add a new one. Each step runs inside the exclusive transaction
opened by `db.migrate`, so it must not use `executescript` (which commits).

Every table whose rows travel between devices carries the same sync columns (see SYNC_COLUMNS):
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

import sqlite3

from fieldapp.models.db import Migration

SYNC_COLUMNS = """
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'"""

# Tables whose rows are records that sync (in dependency order: parents first).
SYNCED_TABLES: tuple[str, ...] = (
    "townships",
    "grids",
    "inspectors",
    "enterprises",
    "inspections",
    "findings",
    "finding_events",
    "reinspections",
    "reinspection_items",
    "number_blocks",
    "documents",
    "checklist_templates",
    "inspection_checklists",
    "checklist_answers",
    "evidence",
    "device_keys",
    "assignments",
)


def run_script(conn: sqlite3.Connection, script: str) -> None:
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            if statement.strip():
                conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement[:80]!r}")


def _sync_indexes(table: str) -> str:
    return f"CREATE INDEX ix_{table}_seq ON {table}(seq);\n"


def m001_registry(conn: sqlite3.Connection) -> None:
    run_script(conn, f"""
        CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        CREATE TABLE settings (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE tombstones (
            id TEXT PRIMARY KEY NOT NULL,
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            deleted_at TEXT NOT NULL,
            device_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            hlc TEXT NOT NULL,
            reason TEXT,
            UNIQUE (table_name, row_id)
        );
        CREATE INDEX ix_tombstones_seq ON tombstones(seq);
        CREATE TABLE townships ({SYNC_COLUMNS},
            code TEXT,
            name TEXT NOT NULL UNIQUE
        );
        {_sync_indexes("townships")}
        CREATE TABLE grids ({SYNC_COLUMNS},
            township_id TEXT NOT NULL REFERENCES townships(id),
            name TEXT NOT NULL,
            UNIQUE (township_id, name)
        );
        {_sync_indexes("grids")}
        CREATE TABLE inspectors ({SYNC_COLUMNS},
            name TEXT NOT NULL,
            certificate_no TEXT NOT NULL UNIQUE,
            township_id TEXT REFERENCES townships(id),
            unit TEXT,
            phone TEXT,
            active INTEGER NOT NULL DEFAULT 1
        );
        {_sync_indexes("inspectors")}
        CREATE TABLE enterprises ({SYNC_COLUMNS},
            search_key INTEGER NOT NULL UNIQUE,
            uscc TEXT NOT NULL UNIQUE,
            uscc_check_ok INTEGER NOT NULL,
            name TEXT NOT NULL,
            legal_representative TEXT,
            principal TEXT,
            safety_manager TEXT,
            phone TEXT,
            address TEXT,
            township_id TEXT REFERENCES townships(id),
            grid_id TEXT REFERENCES grids(id),
            industry TEXT NOT NULL DEFAULT '其他',
            sub_sector TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            scale TEXT,
            employees INTEGER,
            risk_level TEXT,
            supervising_department TEXT,
            standardisation_grade TEXT,
            status TEXT NOT NULL DEFAULT '在营',
            longitude REAL,
            latitude REAL,
            in_chemical_park INTEGER NOT NULL DEFAULT 0,
            major_hazard_installation INTEGER NOT NULL DEFAULT 0
        );
        {_sync_indexes("enterprises")}
        CREATE INDEX ix_enterprises_name ON enterprises(name);
        CREATE INDEX ix_enterprises_township ON enterprises(township_id);
        CREATE INDEX ix_enterprises_industry ON enterprises(industry);
    """)


def m002_enterprise_search(conn: sqlite3.Connection) -> None:
    # Every character is its own token (see search.py), so a phrase query matches any substring,
    # including 1- and 2-character Chinese queries that the trigram tokenizer cannot answer.
    run_script(conn, """
        CREATE VIRTUAL TABLE enterprise_search USING fts5(
            name_chars, other_chars, py_initials, py_full,
            tokenize = 'unicode61 remove_diacritics 0',
            prefix = '2'
        );
    """)
    from fieldapp.models.search import rebuild_index

    rebuild_index(conn)


def m003_inspections(conn: sqlite3.Connection) -> None:
    run_script(conn, f"""
        CREATE TABLE inspections ({SYNC_COLUMNS},
            enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
            type TEXT NOT NULL,
            officer_ids TEXT NOT NULL DEFAULT '[]',
            started_at TEXT NOT NULL,
            ended_at TEXT,
            place TEXT,
            latitude REAL,
            longitude REAL,
            representative TEXT,
            representative_title TEXT,
            summary TEXT,
            campaign TEXT,
            unannounced INTEGER NOT NULL DEFAULT 0,
            cross_area INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'in_progress'
                CHECK (status IN ('in_progress', 'completed', 'voided')),
            void_reason TEXT
        );
        {_sync_indexes("inspections")}
        CREATE INDEX ix_inspections_enterprise ON inspections(enterprise_id, started_at);
        CREATE TABLE findings ({SYNC_COLUMNS},
            enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
            inspection_id TEXT REFERENCES inspections(id),
            item_code TEXT,
            template_id TEXT,
            template_version INTEGER,
            description TEXT NOT NULL,
            legal_basis TEXT,
            requirement TEXT,
            grade TEXT NOT NULL CHECK (grade IN ('general', 'major')),
            source TEXT NOT NULL DEFAULT '执法检查',
            status TEXT NOT NULL CHECK (status IN ('open', 'ordered', 'reported', 'verified', 'closed',
                'failed_reinspection', 'escalated', 'referred', 'voided')),
            found_at TEXT NOT NULL,
            deadline TEXT,
            location TEXT,
            campaign TEXT,
            rectification_plan TEXT,
            effect_evaluation TEXT,
            referred_to TEXT,
            void_reason TEXT,
            closed_at TEXT
        );
        {_sync_indexes("findings")}
        CREATE INDEX ix_findings_enterprise ON findings(enterprise_id);
        CREATE INDEX ix_findings_inspection ON findings(inspection_id);
        CREATE INDEX ix_findings_status ON findings(status, deadline);
        CREATE TABLE finding_events ({SYNC_COLUMNS},
            finding_id TEXT NOT NULL REFERENCES findings(id),
            from_status TEXT,
            to_status TEXT NOT NULL,
            at TEXT NOT NULL,
            actor TEXT,
            note TEXT,
            deadline TEXT
        );
        {_sync_indexes("finding_events")}
        CREATE INDEX ix_finding_events_finding ON finding_events(finding_id, at);
        CREATE TABLE reinspections ({SYNC_COLUMNS},
            enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
            inspection_id TEXT REFERENCES inspections(id),
            original_document_id TEXT,
            reinspected_at TEXT NOT NULL,
            officer_ids TEXT NOT NULL DEFAULT '[]',
            note TEXT
        );
        {_sync_indexes("reinspections")}
        CREATE TABLE reinspection_items ({SYNC_COLUMNS},
            reinspection_id TEXT NOT NULL REFERENCES reinspections(id),
            finding_id TEXT NOT NULL REFERENCES findings(id),
            rectified INTEGER NOT NULL,
            note TEXT,
            new_deadline TEXT,
            UNIQUE (reinspection_id, finding_id)
        );
        {_sync_indexes("reinspection_items")}
    """)


def m004_documents(conn: sqlite3.Connection) -> None:
    run_script(conn, f"""
        CREATE TABLE number_blocks ({SYNC_COLUMNS},
            issuer TEXT NOT NULL,
            doc_type TEXT NOT NULL,
            year INTEGER NOT NULL,
            first_serial INTEGER NOT NULL CHECK (first_serial >= 1),
            last_serial INTEGER NOT NULL,
            next_serial INTEGER NOT NULL,
            assigned_device TEXT NOT NULL,
            CHECK (first_serial <= last_serial),
            CHECK (next_serial BETWEEN first_serial AND last_serial + 1)
        );
        {_sync_indexes("number_blocks")}
        CREATE INDEX ix_number_blocks_key ON number_blocks(issuer, doc_type, year, first_serial);
        CREATE TABLE documents ({SYNC_COLUMNS},
            doc_type TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'voided')),
            enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
            inspection_id TEXT REFERENCES inspections(id),
            issuer TEXT,
            year INTEGER,
            serial INTEGER,
            number TEXT,
            block_id TEXT REFERENCES number_blocks(id),
            issued_at TEXT,
            deadline TEXT,
            content TEXT NOT NULL DEFAULT '{{}}',
            content_sha256 TEXT,
            pdf_sha256 TEXT,
            replaces_id TEXT REFERENCES documents(id),
            void_reason TEXT,
            voided_at TEXT,
            UNIQUE (issuer, doc_type, year, serial)
        );
        {_sync_indexes("documents")}
        CREATE INDEX ix_documents_enterprise ON documents(enterprise_id);
    """)


def m005_audit_log(conn: sqlite3.Connection) -> None:
    # One hash chain per device: entries arriving from other devices keep their own chain intact.
    run_script(conn, """
        CREATE TABLE audit_log (
            id TEXT PRIMARY KEY NOT NULL,
            device_id TEXT NOT NULL,
            chain_index INTEGER NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            data TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            seq INTEGER NOT NULL,
            UNIQUE (device_id, chain_index)
        );
        CREATE INDEX ix_audit_log_entity ON audit_log(entity, entity_id);
        CREATE INDEX ix_audit_log_seq ON audit_log(seq);
    """)


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
        {_sync_indexes("checklist_templates")}
        CREATE TABLE inspection_checklists ({SYNC_COLUMNS},
            inspection_id TEXT NOT NULL REFERENCES inspections(id),
            template_id TEXT NOT NULL,
            template_version INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            UNIQUE (inspection_id, template_id)
        );
        {_sync_indexes("inspection_checklists")}
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
        {_sync_indexes("checklist_answers")}
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
        {_sync_indexes("evidence")}
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
        {_sync_indexes("device_keys")}
        CREATE INDEX ix_documents_number ON documents(number);
    """)


# Records created on a device are owned by it (sync-notes: ownership decides who may change what and
# which device a central-side change is sent back to).
OWNED_TABLES: tuple[str, ...] = ("inspections", "inspection_checklists", "checklist_answers", "findings",
                                 "finding_events", "reinspections", "reinspection_items", "documents", "evidence")


def m009_sync(conn: sqlite3.Connection) -> None:
    for table in OWNED_TABLES:
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
        {_sync_indexes("assignments")}
        CREATE INDEX ix_assignments_device ON assignments(assigned_device, status, planned_date);
    """)
    for table in OWNED_TABLES:
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
