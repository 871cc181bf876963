"""Health checks: SQLite integrity and foreign keys, the audit chains, stray sync state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fieldapp.models import audit
from fieldapp.models.store import Store


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
