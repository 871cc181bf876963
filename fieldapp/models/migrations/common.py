"""What every migration step shares: the sync columns' declaration and running a script in the step's transaction.

Frozen like the migrations themselves: a shipped migration must build the same tables whenever it runs,
so nothing here may change meaning; a new column or rule goes into a new migration.
"""

from __future__ import annotations

import sqlite3

SYNC_COLUMNS = """
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'"""


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


def seq_index(table: str) -> str:
    """The index an export's range scan over `seq` uses."""
    return f"CREATE INDEX ix_{table}_seq ON {table}(seq);\n"
