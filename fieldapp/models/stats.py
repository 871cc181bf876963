"""Figures the office reports (domain.md §9): counts, 整改率 by township and industry."""

from __future__ import annotations

from datetime import date
from typing import Any

from fieldapp.models import lifecycle
from fieldapp.models.store import Store

_RESOLVED = ", ".join(f"'{s}'" for s in sorted(lifecycle.RESOLVED))

# How a 整改率 is coloured wherever it is shown (the plans target 100 %): below 60 % red, below 90 % orange.
RATE_RED_BELOW = 0.60
RATE_GREEN_FROM = 0.90


def rate_tone(rate: float | None) -> str:
    """"red", "orange" or "green" for a 整改率 (a fraction); "" when there is nothing to rate."""
    if rate is None:
        return ""
    if rate < RATE_RED_BELOW:
        return "red"
    return "orange" if rate < RATE_GREEN_FROM else "green"


def _rate(resolved: int, found: int) -> float | None:
    return round(resolved / found, 4) if found else None


def _table_count(store: Store, table: str) -> int:
    exists = store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
    return int(store.scalar(f"SELECT count(*) FROM {table}")) if exists else 0


def summary(store: Store, today: date | None = None) -> dict[str, Any]:
    overdue_sql, overdue_params = lifecycle.overdue_sql(today)
    # Voided findings were recorded in error: they count neither as found nor as rectified.
    totals = store.query(
        f"SELECT count(*) AS found, coalesce(sum(f.status IN ({_RESOLVED})), 0) AS resolved,"
        f" coalesce(sum({overdue_sql}), 0) AS overdue,"
        " coalesce(sum(f.grade = 'major'), 0) AS major,"
        " coalesce(sum(f.status = 'escalated'), 0) AS escalated"
        " FROM findings f WHERE f.status != 'voided'", overdue_params)[0]

    def grouped(key_sql: str, join: str) -> list[dict[str, Any]]:
        rows = store.query(
            f"SELECT {key_sql} AS name, count(*) AS findings,"
            f" coalesce(sum(f.status IN ({_RESOLVED})), 0) AS resolved,"
            f" coalesce(sum({overdue_sql}), 0) AS overdue"
            f" FROM findings f JOIN enterprises e ON e.id = f.enterprise_id {join}"
            " WHERE f.status != 'voided' GROUP BY 1 ORDER BY 1", overdue_params)
        for r in rows:
            r["整改率"] = _rate(r["resolved"], r["findings"])
        return rows

    def enterprises_by(key_sql: str, join: str) -> dict[str, int]:
        return {r["name"]: r["n"] for r in store.query(
            f"SELECT {key_sql} AS name, count(*) AS n FROM enterprises e {join} GROUP BY 1 ORDER BY 1")}

    by_status = {r["status"]: r["n"] for r in store.query(
        "SELECT status, count(*) AS n FROM findings GROUP BY status ORDER BY status")}
    tjoin = "LEFT JOIN townships t ON t.id = e.township_id"
    return {
        "enterprises": _table_count(store, "enterprises"),
        "inspections": _table_count(store, "inspections"),
        "findings": int(totals["found"]),
        "documents": int(store.scalar("SELECT count(*) FROM documents WHERE status != 'draft'")),
        "evidence": _table_count(store, "evidence"),
        "整改率": _rate(int(totals["resolved"]), int(totals["found"])),
        "rectification_rate": _rate(int(totals["resolved"]), int(totals["found"])),
        "findings_resolved": int(totals["resolved"]),
        "findings_overdue": int(totals["overdue"]),
        "findings_major": int(totals["major"]),
        "findings_escalated": int(totals["escalated"]),
        "findings_by_status": by_status,
        "enterprises_by_township": enterprises_by("coalesce(t.name, '（未分配）')", tjoin),
        "enterprises_by_industry": enterprises_by("e.industry", ""),
        "by_township": grouped("coalesce(t.name, '（未分配）')", tjoin),
        "by_industry": grouped("e.industry", ""),
    }
