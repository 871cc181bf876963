"""The hazard (finding) lifecycle of domain.md §6 as an explicit state machine.

Only the transitions listed in TRANSITIONS exist; guards add the rules that depend on the finding
(escalation is for major hazards only, a major hazard needs its 五到位 plan and an effect evaluation
before closure, an order needs a deadline). `overdue` is not a state: it is derived from the deadline
and today's date every time it is asked for, so it is never stale.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fieldapp.errors import FieldappError

STATUS_ZH: dict[str, str] = {
    "open": "已登记",
    "ordered": "责令整改",
    "reported": "企业报告已整改",
    "verified": "复查合格",
    "closed": "已销号",
    "failed_reinspection": "复查不合格",
    "escalated": "挂牌督办",
    "referred": "已移送",
    "voided": "已作废",
}

TRANSITIONS: dict[str, frozenset[str]] = {
    # 当场整改 (fixed while the officers are there) goes straight from open to verified.
    "open": frozenset({"ordered", "verified", "escalated", "referred", "voided"}),
    "ordered": frozenset({"reported", "verified", "failed_reinspection", "escalated", "referred", "voided"}),
    "reported": frozenset({"verified", "failed_reinspection", "escalated", "referred"}),
    "failed_reinspection": frozenset({"ordered", "reported", "verified", "escalated", "referred"}),
    "escalated": frozenset({"reported", "verified", "failed_reinspection", "referred"}),
    "verified": frozenset({"closed"}),
    "closed": frozenset(),
    "referred": frozenset(),
    "voided": frozenset(),
}

TERMINAL = frozenset(s for s, targets in TRANSITIONS.items() if not targets)
RESOLVED = frozenset({"verified", "closed"})  # count towards 整改率
OPEN_STATES = frozenset({"open", "ordered", "reported", "failed_reinspection", "escalated"})
# States whose deadline is running: past it without verification the finding is overdue.
DEADLINE_STATES = frozenset({"ordered", "reported", "failed_reinspection", "escalated"})

# Merge order for sync: a replica never moves a finding back to an earlier stage of the loop.
RANK: dict[str, int] = {
    "open": 0, "ordered": 1, "failed_reinspection": 2, "reported": 2, "escalated": 3,
    "verified": 4, "closed": 5, "referred": 5, "voided": 6,
}


class IllegalTransition(FieldappError):
    pass


def check(finding: dict[str, Any], target: str, *, deadline: str | None = None) -> None:
    """Raise IllegalTransition unless `finding` may move to `target`."""
    current = finding["status"]
    if target not in TRANSITIONS:
        raise IllegalTransition(f"unknown finding status {target!r}", f"未知的隐患状态：{target}")
    if target not in TRANSITIONS[current]:
        allowed = ", ".join(sorted(TRANSITIONS[current])) or "none (final state)"
        allowed_zh = "、".join(STATUS_ZH[s] for s in sorted(TRANSITIONS[current])) or "无（已是终止状态）"
        raise IllegalTransition(
            f"a finding in state '{current}' cannot become '{target}' (allowed: {allowed})",
            f"隐患当前为“{STATUS_ZH[current]}”，不能变更为“{STATUS_ZH[target]}”（可变更为：{allowed_zh}）",
        )
    if target == "escalated" and finding["grade"] != "major":
        raise IllegalTransition("only a major hazard can be escalated (挂牌督办)", "只有重大隐患才能挂牌督办")
    if target == "ordered" and not (deadline or finding.get("deadline")):
        raise IllegalTransition("an order to rectify needs a deadline", "责令整改必须设定整改期限")
    if target == "ordered" and current == "failed_reinspection" and not deadline:
        raise IllegalTransition("a new order after a failed re-inspection needs a new deadline",
                                "复查不合格后重新责令整改，必须设定新的整改期限")
    if target == "closed" and finding["grade"] == "major":
        if not finding.get("rectification_plan"):
            raise IllegalTransition("a major hazard cannot be closed without its rectification plan (五到位)",
                                    "重大隐患销号前必须录入整改方案（措施、责任、资金、时限、预案五到位）")
        if not finding.get("effect_evaluation"):
            raise IllegalTransition("a major hazard cannot be closed without an effect evaluation",
                                    "重大隐患销号前必须录入整改效果评价")


def is_overdue(finding: dict[str, Any], today: date | None = None) -> bool:
    deadline = finding.get("deadline")
    if finding["status"] not in DEADLINE_STATES or not deadline:
        return False
    return date.fromisoformat(deadline[:10]) < (today or date.today())


def overdue_sql(today: date | None = None) -> tuple[str, tuple[str, ...]]:
    """The same rule as is_overdue, as a WHERE clause over `findings f`."""
    states = ", ".join(f"'{s}'" for s in sorted(DEADLINE_STATES))
    return (f"(f.status IN ({states}) AND f.deadline IS NOT NULL AND substr(f.deadline, 1, 10) < ?)",
            ((today or date.today()).isoformat(),))
