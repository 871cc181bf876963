"""Findings (隐患): recording, the lifecycle transitions, listing."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from fieldapp.errors import ValidationError
from fieldapp.models import lifecycle, taxonomy
from fieldapp.models.ids import utc_now
from fieldapp.models.store import Row, Store

PLAN_KEYS = ("measures", "responsibility", "funding", "time_limit", "contingency")  # 五到位
PLAN_ZH = {"measures": "措施", "responsibility": "责任", "funding": "资金", "time_limit": "时限",
           "contingency": "预案"}


def _check_date(value: str | None, what_en: str, what_zh: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise ValidationError(f"{what_en} '{value}' is not a date (YYYY-MM-DD)",
                              f"{what_zh}“{value}”不是有效日期（格式：年-月-日）") from None


def create(store: Store, *, enterprise_id: str, description: str, grade: str = "general",
           inspection_id: str | None = None, legal_basis: str | None = None, requirement: str | None = None,
           source: str = "执法检查", deadline: str | None = None, location: str | None = None,
           campaign: str | None = None, item_code: str | None = None, template_id: str | None = None,
           template_version: int | None = None, found_at: str | None = None) -> Row:
    description = description.strip()
    if not description:
        raise ValidationError("the finding needs a description", "隐患描述不能为空")
    if grade not in taxonomy.FINDING_GRADES:
        raise ValidationError(f"grade must be general or major, not {grade!r}", "隐患等级应为一般或重大")
    if source not in taxonomy.FINDING_SOURCES:
        raise ValidationError(f"unknown finding source {source!r}", f"未知的隐患来源：{source}")
    with store.transaction():
        store.require("enterprises", enterprise_id, "enterprise", "单位")
        if inspection_id:
            store.require("inspections", inspection_id, "inspection", "检查记录")
        row = store.insert("findings", {
            "enterprise_id": enterprise_id, "inspection_id": inspection_id, "description": description,
            "grade": grade, "legal_basis": legal_basis, "requirement": requirement, "source": source,
            "status": "open", "found_at": found_at or utc_now(),
            "deadline": _check_date(deadline, "deadline", "整改期限"), "location": location,
            "campaign": campaign, "item_code": item_code, "template_id": template_id,
            "template_version": template_version,
        })
        _event(store, row["id"], None, "open", note=None, deadline=row["deadline"])
        return row


def _event(store: Store, finding_id: str, from_status: str | None, to_status: str, *, note: str | None,
           deadline: str | None, at: str | None = None) -> None:
    # The event belongs to the finding's owner, so a change made at the office travels back with it.
    owner = store.scalar("SELECT owner_device FROM findings WHERE id = ?", (finding_id,))
    store.insert("finding_events", {"finding_id": finding_id, "from_status": from_status, "to_status": to_status,
                                    "at": at or utc_now(), "actor": store.actor, "note": note,
                                    "deadline": deadline, "owner_device": owner}, audit=None)


EDITABLE = ("description", "grade", "legal_basis", "requirement", "deadline", "location", "campaign")


def update(store: Store, finding_id: str, changes: dict[str, Any]) -> Row:
    """Correct a finding's text, grade or deadline while it is still only recorded (open).

    Once a notice has been issued for it, the printed wording is evidence: corrections go through a new
    document instead.
    """
    bad = set(changes) - set(EDITABLE)
    if bad:
        raise ValidationError(f"cannot change {', '.join(sorted(bad))} of a finding",
                              f"不能修改隐患的字段：{'、'.join(sorted(bad))}")
    values = dict(changes)
    if "description" in values:
        values["description"] = str(values["description"] or "").strip()
        if not values["description"]:
            raise ValidationError("the finding needs a description", "隐患描述不能为空")
    if "grade" in values and values["grade"] not in taxonomy.FINDING_GRADES:
        raise ValidationError("grade must be general or major", "隐患等级应为一般或重大")
    if "deadline" in values:
        values["deadline"] = _check_date(values["deadline"], "deadline", "整改期限")
    with store.transaction():
        finding = get(store, finding_id)
        if finding["status"] != "open":
            raise ValidationError("only a finding that is still open can be edited; issue a new notice instead",
                                  "只有尚未责令整改的隐患可以修改；已下达文书的请通过新文书更正")
        return store.update("findings", finding_id, values, audit="edit")


def get(store: Store, finding_id: str) -> Row:
    return store.require("findings", finding_id, "finding", "隐患")


def transition(store: Store, finding_id: str, target: str, *, note: str | None = None,
               deadline: str | None = None, referred_to: str | None = None, void_reason: str | None = None,
               at: str | None = None) -> Row:
    """Move a finding along the lifecycle; raises IllegalTransition for a move the diagram forbids."""
    deadline = _check_date(deadline, "deadline", "整改期限")
    with store.transaction():
        finding = get(store, finding_id)
        lifecycle.check(finding, target, deadline=deadline)
        if target == "voided" and not (void_reason or note):
            raise ValidationError("voiding a finding needs a reason", "作废隐患必须填写原因")
        if target == "referred" and not (referred_to or note):
            raise ValidationError("say which authority the finding is referred to", "请填写移送的机关")
        changes: dict[str, Any] = {"status": target}
        if deadline:
            changes["deadline"] = deadline
        if target == "closed":
            changes["closed_at"] = at or utc_now()
        if target == "voided":
            changes["void_reason"] = void_reason or note
        if target == "referred":
            changes["referred_to"] = referred_to or note
        row = store.update("findings", finding_id, changes, audit=f"status:{finding['status']}->{target}")
        _event(store, finding_id, finding["status"], target, note=note, deadline=deadline, at=at)
        return row


def order(store: Store, finding_id: str, deadline: str, note: str | None = None) -> Row:
    return transition(store, finding_id, "ordered", deadline=deadline, note=note)


def set_deadline(store: Store, finding_id: str, deadline: str, note: str | None = None) -> Row:
    """A new order for a hazard already under one (the old order was voided and replaced) moves its deadline."""
    deadline = _check_date(deadline, "deadline", "整改期限") or ""
    with store.transaction():
        finding = get(store, finding_id)
        if finding["status"] not in lifecycle.DEADLINE_STATES or not deadline:
            raise ValidationError("only the deadline of a hazard under an order can be moved",
                                  "只有责令整改中的隐患可以变更整改期限")
        row = store.update("findings", finding_id, {"deadline": deadline}, audit="deadline")
        _event(store, finding_id, finding["status"], finding["status"], note=note, deadline=deadline)
        return row


def default_deadline(store: Store, days: int | None = None, start: date | None = None) -> str:
    from fieldapp.models import settings

    days = settings.get(store, "default_deadline_days") if days is None else days
    return ((start or date.today()) + timedelta(days=int(days))).isoformat()


def set_plan(store: Store, finding_id: str, plan: dict[str, str]) -> Row:
    """Record the 五到位 rectification plan of a major hazard."""
    missing = [k for k in PLAN_KEYS if not str(plan.get(k, "")).strip()]
    if missing:
        raise ValidationError(f"the rectification plan lacks: {', '.join(missing)}",
                              f"整改方案缺少：{'、'.join(PLAN_ZH[k] for k in missing)}")
    with store.transaction():
        get(store, finding_id)
        value = json.dumps({k: str(plan[k]).strip() for k in PLAN_KEYS}, ensure_ascii=False, sort_keys=True)
        return store.update("findings", finding_id, {"rectification_plan": value}, audit="plan")


def set_evaluation(store: Store, finding_id: str, text: str) -> Row:
    if not text.strip():
        raise ValidationError("the effect evaluation is empty", "整改效果评价不能为空")
    with store.transaction():
        get(store, finding_id)
        return store.update("findings", finding_id, {"effect_evaluation": text.strip()}, audit="evaluation")


def list_findings(store: Store, *, status: str | None = None, overdue: bool = False,
                  enterprise_id: str | None = None, inspection_id: str | None = None, grade: str | None = None,
                  township_id: str | None = None, campaign: str | None = None, today: date | None = None,
                  limit: int | None = None, offset: int = 0) -> list[Row]:
    clauses, params = ["1"], []
    if status:
        if status not in lifecycle.TRANSITIONS:
            raise ValidationError(f"unknown status {status!r}; use one of {', '.join(lifecycle.TRANSITIONS)}",
                                  f"未知状态：{status}")
        clauses.append("f.status = ?")
        params.append(status)
    if overdue:
        sql, p = lifecycle.overdue_sql(today)
        clauses.append(sql)
        params.extend(p)
    for col, value in (("enterprise_id", enterprise_id), ("inspection_id", inspection_id), ("grade", grade),
                       ("campaign", campaign)):
        if value:
            clauses.append(f"f.{col} = ?")
            params.append(value)
    if township_id:
        clauses.append("e.township_id = ?")
        params.append(township_id)
    sql = ("SELECT f.*, e.name AS enterprise_name, e.uscc AS enterprise_uscc FROM findings f"
           " JOIN enterprises e ON e.id = f.enterprise_id WHERE " + " AND ".join(clauses) +
           " ORDER BY f.deadline IS NULL, f.deadline, f.found_at")
    if limit:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    rows = store.query(sql, tuple(params))
    for r in rows:
        r["overdue"] = lifecycle.is_overdue(r, today)
    return rows


def events(store: Store, finding_id: str) -> list[Row]:
    return store.query("SELECT from_status, to_status, at, actor, note, deadline FROM finding_events"
                       " WHERE finding_id = ? ORDER BY at, seq", (finding_id,))
