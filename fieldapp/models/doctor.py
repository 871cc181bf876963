"""Health checks: SQLite integrity and foreign keys, the synced tables against their rules, the audit chains."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fieldapp.models import audit
from fieldapp.models.store import Store
from fieldapp.models.tables import POLICIES, POLICY, SYNC_FIELDS


@dataclass
class Report:
    checks: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c["ok"] for c in self.checks)

    def add(self, name: str, ok: bool, detail: str, detail_zh: str) -> None:
        self.checks.append({"check": name, "ok": ok, "detail": detail, "detail_zh": detail_zh})


def run(store: Store) -> Report:
    report = Report()
    integrity = [r[0] for r in store.conn.execute("PRAGMA integrity_check")]
    report.add("integrity", integrity == ["ok"], "; ".join(integrity),
               "数据库完整性正常" if integrity == ["ok"] else "数据库完整性检查失败：" + "；".join(integrity))
    fk = store.conn.execute("PRAGMA foreign_key_check").fetchall()
    fk_text = "; ".join(f"{r[0]} rowid {r[1]} -> {r[2]}" for r in fk[:10])
    report.add("foreign_keys", not fk, fk_text or "ok", "外键关系正常" if not fk else f"外键关系错误：{fk_text}")
    problems_en = sync_table_problems(store)
    report.add("sync_tables", not problems_en,
               "; ".join(problems_en) or f"{len(POLICIES)} synced tables carry their sync columns",
               "同步数据表结构异常：" + "；".join(problems_en) if problems_en
               else f"{len(POLICIES)} 个同步数据表结构正常")
    checked, problems = audit.verify_chains(store)
    if problems:
        first = problems[0]
        detail = (f"audit chain of device {first.device_id} is broken at entry {first.chain_index} "
                  f"(id {first.entry_id}): {first.reason}")
        detail_zh = f"执法全过程记录在终端 {first.device_id} 的第 {first.chain_index} 条处断裂（{first.entry_id}）"
    else:
        detail = f"{checked} audit entries verified"
        detail_zh = f"已校验 {checked} 条执法全过程记录"
    report.add("audit_chain", not problems, detail, detail_zh)
    return report


def sync_table_problems(store: Store) -> list[str]:
    """Where the database and the sync rules (models/tables.py) disagree: a synced table without its sync
    columns (the store could not stamp it, an export could not select it), or a table that has them but no
    rules (its rows would never travel)."""
    found = []
    columns = {name: {r[1] for r in store.conn.execute(f"PRAGMA table_info({name})")} for (name,) in
               store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for policy in POLICIES:
        have = columns.get(policy.name)
        if have is None:
            found.append(f"synced table {policy.name} is missing")
            continue
        wanted = SYNC_FIELDS if policy.owned else SYNC_FIELDS - {"owner_device"}
        if missing := sorted(wanted - have):
            found.append(f"{policy.name} lacks {', '.join(missing)}")
    found += [f"{name} has sync columns but no sync rules" for name, have in sorted(columns.items())
              if "field_hlc" in have and name not in POLICY]
    return found
