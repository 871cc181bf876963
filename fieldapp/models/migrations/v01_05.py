"""Migrations 1–5: the registry, its search index, inspections and findings, documents and numbering, the audit log."""

from __future__ import annotations

import sqlite3

from fieldapp.models.migrations.common import SYNC_COLUMNS, run_script, seq_index


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
        {seq_index("townships")}
        CREATE TABLE grids ({SYNC_COLUMNS},
            township_id TEXT NOT NULL REFERENCES townships(id),
            name TEXT NOT NULL,
            UNIQUE (township_id, name)
        );
        {seq_index("grids")}
        CREATE TABLE inspectors ({SYNC_COLUMNS},
            name TEXT NOT NULL,
            certificate_no TEXT NOT NULL UNIQUE,
            township_id TEXT REFERENCES townships(id),
            unit TEXT,
            phone TEXT,
            active INTEGER NOT NULL DEFAULT 1
        );
        {seq_index("inspectors")}
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
        {seq_index("enterprises")}
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
    # The one step that calls today's code: the index is derived data, filled the way search reads it now.
    # It may only read m001's columns (an upgrade from version 1 runs it before any later step);
    # tests/models/test_db.py upgrades a filled database from every version and would catch it.
    from fieldapp.models.search_index import rebuild_index

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
        {seq_index("inspections")}
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
        {seq_index("findings")}
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
        {seq_index("finding_events")}
        CREATE INDEX ix_finding_events_finding ON finding_events(finding_id, at);
        CREATE TABLE reinspections ({SYNC_COLUMNS},
            enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
            inspection_id TEXT REFERENCES inspections(id),
            original_document_id TEXT,
            reinspected_at TEXT NOT NULL,
            officer_ids TEXT NOT NULL DEFAULT '[]',
            note TEXT
        );
        {seq_index("reinspections")}
        CREATE TABLE reinspection_items ({SYNC_COLUMNS},
            reinspection_id TEXT NOT NULL REFERENCES reinspections(id),
            finding_id TEXT NOT NULL REFERENCES findings(id),
            rectified INTEGER NOT NULL,
            note TEXT,
            new_deadline TEXT,
            UNIQUE (reinspection_id, finding_id)
        );
        {seq_index("reinspection_items")}
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
        {seq_index("number_blocks")}
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
        {seq_index("documents")}
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
