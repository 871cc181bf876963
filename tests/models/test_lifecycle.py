from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.errors import ValidationError
from fieldapp.models import enterprises, findings, lifecycle
from fieldapp.models.lifecycle import IllegalTransition
from fieldapp.models.store import Store

# The diagram of domain.md §6, written out independently of the implementation.
DIAGRAM = {
    ("open", "ordered"), ("open", "verified"), ("open", "escalated"), ("open", "referred"), ("open", "voided"),
    ("ordered", "reported"), ("ordered", "verified"), ("ordered", "failed_reinspection"), ("ordered", "escalated"),
    ("ordered", "referred"), ("ordered", "voided"),
    ("reported", "verified"), ("reported", "failed_reinspection"), ("reported", "escalated"),
    ("reported", "referred"),
    ("failed_reinspection", "ordered"), ("failed_reinspection", "reported"), ("failed_reinspection", "verified"),
    ("failed_reinspection", "escalated"), ("failed_reinspection", "referred"),
    ("escalated", "reported"), ("escalated", "verified"), ("escalated", "failed_reinspection"),
    ("escalated", "referred"),
    ("verified", "closed"),
}
STATES = sorted(lifecycle.TRANSITIONS)


def make_enterprise(store: Store) -> str:
    return enterprises.create(store, {"name": "测试单位", "uscc": "91350100M000100Y43"})["id"]


def test_the_implementation_is_the_diagram() -> None:
    implemented = {(a, b) for a, targets in lifecycle.TRANSITIONS.items() for b in targets}
    assert implemented == DIAGRAM


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(grade=st.sampled_from(["general", "major"]),
       steps=st.lists(st.tuples(st.sampled_from(STATES), st.booleans(), st.booleans()), max_size=12))
def test_no_sequence_of_calls_leaves_the_diagram(store: Store, grade: str,
                                                  steps: list[tuple[str, bool, bool]]) -> None:
    eid = store.scalar("SELECT id FROM enterprises LIMIT 1") or make_enterprise(store)
    f = findings.create(store, enterprise_id=eid, description="隐患", grade=grade)
    state = "open"
    for target, with_deadline, with_plan in steps:
        if with_plan and grade == "major":
            findings.set_plan(store, f["id"], dict.fromkeys(findings.PLAN_KEYS, "已落实"))
            findings.set_evaluation(store, f["id"], "有效")
        deadline = (date.today() + timedelta(days=5)).isoformat() if with_deadline else None
        try:
            row = findings.transition(store, f["id"], target, deadline=deadline, note="原因")
        except IllegalTransition:
            assert findings.get(store, f["id"])["status"] == state
            continue
        assert (state, target) in DIAGRAM
        if target == "escalated":
            assert grade == "major"
        if target == "closed" and grade == "major":
            assert row["rectification_plan"] and row["effect_evaluation"]
        if target == "ordered":
            assert row["deadline"]
        state = target
    history = findings.events(store, f["id"])
    assert history[0]["to_status"] == "open"
    for prev, nxt in itertools.pairwise(history):
        assert (prev["to_status"], nxt["to_status"]) in DIAGRAM


def test_illegal_transition_has_a_clear_message_in_both_languages(store: Store) -> None:
    f = findings.create(store, enterprise_id=make_enterprise(store), description="隐患")
    with pytest.raises(IllegalTransition) as err:
        findings.transition(store, f["id"], "closed")
    assert "cannot become 'closed'" in err.value.en
    assert "不能变更为“已销号”" in err.value.zh


def test_general_hazard_cannot_be_escalated(store: Store) -> None:
    f = findings.create(store, enterprise_id=make_enterprise(store), description="隐患", grade="general")
    with pytest.raises(IllegalTransition, match="major"):
        findings.transition(store, f["id"], "escalated")


def test_major_hazard_closure_needs_plan_and_evaluation(store: Store) -> None:
    f = findings.create(store, enterprise_id=make_enterprise(store), description="重大隐患", grade="major")
    findings.order(store, f["id"], (date.today() + timedelta(days=30)).isoformat())
    findings.transition(store, f["id"], "verified")
    with pytest.raises(IllegalTransition, match="plan"):
        findings.transition(store, f["id"], "closed")
    findings.set_plan(store, f["id"], dict.fromkeys(findings.PLAN_KEYS, "落实"))
    with pytest.raises(IllegalTransition, match="evaluation"):
        findings.transition(store, f["id"], "closed")
    findings.set_evaluation(store, f["id"], "整改有效")
    assert findings.transition(store, f["id"], "closed")["status"] == "closed"


def test_overdue_is_derived_from_the_date_never_stored(store: Store) -> None:
    f = findings.create(store, enterprise_id=make_enterprise(store), description="隐患")
    deadline = date(2026, 3, 10)
    findings.order(store, f["id"], deadline.isoformat())
    assert findings.list_findings(store, overdue=True, today=deadline) == []
    late = findings.list_findings(store, overdue=True, today=deadline + timedelta(days=1))
    assert [r["id"] for r in late] == [f["id"]] and late[0]["overdue"]
    findings.transition(store, f["id"], "verified")
    assert findings.list_findings(store, overdue=True, today=deadline + timedelta(days=1)) == []
    assert "overdue" not in store.get("findings", f["id"])  # type: ignore[operator]


def test_open_finding_can_be_corrected_but_not_after_the_order(store: Store) -> None:
    f = findings.create(store, enterprise_id=make_enterprise(store), description="初稿")
    fixed = findings.update(store, f["id"], {"description": "配电箱未接地", "grade": "major", "deadline": "2026-12-01"})
    assert (fixed["description"], fixed["grade"], fixed["deadline"]) == ("配电箱未接地", "major", "2026-12-01")
    findings.order(store, f["id"], "2026-12-01")
    with pytest.raises(ValidationError, match="still open"):
        findings.update(store, f["id"], {"description": "改"})
    with pytest.raises(ValidationError):
        findings.update(store, f["id"], {"status": "closed"})
