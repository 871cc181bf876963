"""Inspections (现场检查): one visit to an enterprise by two or more officers."""

from __future__ import annotations

import json
from typing import Any

from fieldapp.errors import ValidationError
from fieldapp.models import inspectors, taxonomy
from fieldapp.models.ids import utc_now
from fieldapp.models.store import Row, Store

MIN_OFFICERS = 2


def officer_warning(count: int) -> tuple[str, str] | None:
    if count >= MIN_OFFICERS:
        return None
    return ("fewer than two officers: the notice will not be legally sound (two are required)",
            "执法人员少于两名：根据规定现场执法应由两名以上执法人员进行，文书的合法性将受影响")


def create(store: Store, *, enterprise_id: str, officer_ids: list[str], type: str = "日常检查",
           started_at: str | None = None, place: str | None = None, representative: str | None = None,
           representative_title: str | None = None, campaign: str | None = None, unannounced: bool = False,
           cross_area: bool = False, latitude: float | None = None, longitude: float | None = None
           ) -> tuple[Row, list[tuple[str, str]]]:
    """Start an inspection; returns the row and warnings (en, zh) the user must see."""
    if type not in taxonomy.INSPECTION_TYPES:
        raise ValidationError(f"unknown inspection type {type!r}", f"未知的检查类型：{type}")
    if len(set(officer_ids)) != len(officer_ids):
        raise ValidationError("the same officer is listed twice", "同一执法人员重复选择")
    warnings = []
    with store.transaction():
        enterprise = store.require("enterprises", enterprise_id, "enterprise", "单位")
        inspectors.get_many(store, officer_ids)
        warning = officer_warning(len(officer_ids))
        if warning:
            warnings.append(warning)
        row = store.insert("inspections", {
            "enterprise_id": enterprise_id, "type": type, "officer_ids": json.dumps(officer_ids),
            "started_at": started_at or utc_now(), "place": place or enterprise.get("address"),
            "representative": representative, "representative_title": representative_title,
            "campaign": campaign, "unannounced": int(unannounced), "cross_area": int(cross_area),
            "latitude": latitude, "longitude": longitude, "status": "in_progress",
        })
    return row, warnings


def update(store: Store, inspection_id: str, changes: dict[str, Any]) -> Row:
    allowed = {"place", "representative", "representative_title", "summary", "campaign", "ended_at",
               "latitude", "longitude", "unannounced", "cross_area"}
    bad = set(changes) - allowed
    if bad:
        raise ValidationError(f"cannot change {', '.join(sorted(bad))} of an inspection",
                              f"不能修改检查记录的字段：{'、'.join(sorted(bad))}")
    with store.transaction():
        current = get(store, inspection_id)
        if current["status"] != "in_progress":
            raise ValidationError("a completed inspection cannot be edited", "已完成的检查记录不能修改")
        return store.update("inspections", inspection_id, changes)


def complete(store: Store, inspection_id: str, *, ended_at: str | None = None, summary: str | None = None) -> Row:
    with store.transaction():
        current = get(store, inspection_id)
        if current["status"] != "in_progress":
            raise ValidationError("the inspection is already completed", "该检查已经结束")
        return store.update("inspections", inspection_id, {"status": "completed", "ended_at": ended_at or utc_now(),
                                                           "summary": summary or current.get("summary")},
                            audit="complete")


def get(store: Store, inspection_id: str) -> Row:
    return store.require("inspections", inspection_id, "inspection", "检查记录")


def officers(store: Store, inspection: Row) -> list[Row]:
    return inspectors.get_many(store, json.loads(inspection["officer_ids"]))


def list_inspections(store: Store, *, enterprise_id: str | None = None, status: str | None = None,
                     limit: int | None = None) -> list[Row]:
    sql = ("SELECT i.id, i.enterprise_id, e.name AS enterprise_name, e.uscc AS enterprise_uscc, i.type,"
           " i.started_at, i.ended_at, i.status, i.campaign, i.officer_ids,"
           " (SELECT count(*) FROM findings f WHERE f.inspection_id = i.id) AS findings"
           " FROM inspections i JOIN enterprises e ON e.id = i.enterprise_id")
    clauses, params = [], []
    if enterprise_id:
        clauses.append("i.enterprise_id = ?")
        params.append(enterprise_id)
    if status:
        clauses.append("i.status = ?")
        params.append(status)
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY i.started_at DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.query(sql, tuple(params))
