"""The lifecycle rules checked in both directions: what is legal is accepted, what is not is refused.

The expected answers come from domain.md §6, written out here independently of fieldapp.models.lifecycle.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.models import lifecycle
from fieldapp.models.lifecycle import IllegalTransition
from tests.models.test_lifecycle import DIAGRAM, STATES


def expected_legal(current: str, target: str, *, grade: str, new_deadline: bool, old_deadline: bool,
                   plan: bool, evaluation: bool) -> bool:
    if (current, target) not in DIAGRAM:
        return False
    if target == "escalated" and grade != "major":
        return False
    if target == "ordered":
        if current == "failed_reinspection" and not new_deadline:
            return False
        if not (new_deadline or old_deadline):
            return False
    return not (target == "closed" and grade == "major" and not (plan and evaluation))


@given(current=st.sampled_from(STATES), target=st.sampled_from(STATES), grade=st.sampled_from(["general", "major"]),
       new_deadline=st.booleans(), old_deadline=st.booleans(), plan=st.booleans(), evaluation=st.booleans())
def test_a_move_is_accepted_exactly_when_the_diagram_and_its_guards_allow_it(
        current: str, target: str, grade: str, new_deadline: bool, old_deadline: bool, plan: bool,
        evaluation: bool) -> None:
    finding = {"status": current, "grade": grade, "deadline": "2026-12-30" if old_deadline else None,
               "rectification_plan": '{"措施": "已落实"}' if plan else None,
               "effect_evaluation": "整改有效" if evaluation else None}
    legal = expected_legal(current, target, grade=grade, new_deadline=new_deadline, old_deadline=old_deadline,
                           plan=plan, evaluation=evaluation)
    deadline = "2027-01-15" if new_deadline else None
    if legal:
        lifecycle.check(finding, target, deadline=deadline)
    else:
        with pytest.raises(IllegalTransition):
            lifecycle.check(finding, target, deadline=deadline)


def test_every_legal_move_of_the_diagram_is_accepted_with_its_guards_met() -> None:
    for current, target in sorted(DIAGRAM):
        finding = {"status": current, "grade": "major", "deadline": None,
                   "rectification_plan": "{}", "effect_evaluation": "有效"}
        lifecycle.check(finding, target, deadline="2027-01-15")


def test_the_old_deadline_is_read_from_the_finding_itself() -> None:
    # An order from open may reuse the deadline already on the hazard; a new order after a failed
    # re-inspection may not.
    lifecycle.check({"status": "open", "grade": "general", "deadline": "2026-12-30"}, "ordered")
    with pytest.raises(IllegalTransition, match="new deadline"):
        lifecycle.check({"status": "failed_reinspection", "grade": "general", "deadline": "2026-12-30"}, "ordered")
    with pytest.raises(IllegalTransition, match="needs a deadline"):
        lifecycle.check({"status": "open", "grade": "general", "deadline": None}, "ordered")


def test_an_unknown_target_is_refused_in_both_languages() -> None:
    with pytest.raises(IllegalTransition) as err:
        lifecycle.check({"status": "open", "grade": "general"}, "fixed")
    assert err.value.en == "unknown finding status 'fixed'"
    assert err.value.zh == "未知的隐患状态：fixed"


def test_a_final_state_says_nothing_is_allowed() -> None:
    with pytest.raises(IllegalTransition) as err:
        lifecycle.check({"status": "closed", "grade": "general"}, "ordered")
    assert "allowed: none (final state)" in err.value.en
    assert "无（已是终止状态）" in err.value.zh


def test_the_final_states_are_closed_referred_and_voided() -> None:
    assert {"closed", "referred", "voided"} == lifecycle.TERMINAL
    assert {"open", "ordered", "reported", "failed_reinspection", "escalated"} == lifecycle.OPEN_STATES
    assert lifecycle.OPEN_STATES | lifecycle.TERMINAL | {"verified"} == set(STATES)


def test_rectified_means_verified_or_closed() -> None:
    # 整改率 = hazards verified or closed ÷ hazards found (domain.md §6).
    assert {"verified", "closed"} == lifecycle.RESOLVED


# The merge order of hazard states, from domain.md §6: later stages of the closed loop outrank earlier
# ones, the two outcomes of a re-inspection request are peers, a closure or referral ends the loop, and
# a voiding (recorded in error) outranks everything.
MERGE_ORDER = [{"open"}, {"ordered"}, {"failed_reinspection", "reported"}, {"escalated"}, {"verified"},
               {"closed", "referred"}, {"voided"}]


def test_the_merge_order_of_states_follows_the_closed_loop() -> None:
    for i, group in enumerate(MERGE_ORDER):
        for state in group:
            for j, other_group in enumerate(MERGE_ORDER):
                for other in other_group:
                    if i < j:
                        assert lifecycle.RANK[state] < lifecycle.RANK[other], (state, other)
                    elif i == j:
                        assert lifecycle.RANK[state] == lifecycle.RANK[other], (state, other)
    assert set(lifecycle.RANK) == set(STATES)


@pytest.mark.parametrize("status", STATES)
def test_overdue_only_while_a_deadline_runs_and_only_after_its_day(status: str) -> None:
    deadline = date(2026, 3, 10)
    finding = {"status": status, "deadline": deadline.isoformat()}
    runs = status in {"ordered", "reported", "failed_reinspection", "escalated"}
    assert not lifecycle.is_overdue(finding, today=deadline - timedelta(days=1))
    assert not lifecycle.is_overdue(finding, today=deadline)  # the deadline day itself is still in time
    assert lifecycle.is_overdue(finding, today=deadline + timedelta(days=1)) is runs
    assert not lifecycle.is_overdue({"status": status, "deadline": None}, today=deadline + timedelta(days=400))


def test_overdue_reads_only_the_date_part_of_a_deadline() -> None:
    finding = {"status": "ordered", "deadline": "2026-03-10T23:59:00+08:00"}
    assert not lifecycle.is_overdue(finding, today=date(2026, 3, 10))
    assert lifecycle.is_overdue(finding, today=date(2026, 3, 11))


@given(status=st.sampled_from(STATES), deadline=st.one_of(st.none(), st.dates(date(2025, 1, 1), date(2027, 12, 31))),
       today=st.dates(date(2025, 1, 1), date(2027, 12, 31)))
def test_the_sql_rule_for_overdue_agrees_with_the_python_rule(status: str, deadline: date | None,
                                                              today: date) -> None:
    import sqlite3

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE findings (status TEXT, deadline TEXT)")
    conn.execute("INSERT INTO findings VALUES (?, ?)", (status, deadline.isoformat() if deadline else None))
    where, params = lifecycle.overdue_sql(today)
    in_sql = bool(conn.execute(f"SELECT count(*) FROM findings f WHERE {where}", params).fetchone()[0])
    finding = {"status": status, "deadline": deadline.isoformat() if deadline else None}
    assert in_sql == lifecycle.is_overdue(finding, today)


# What an inspector reads when the app refuses a move: each guard's message, in both languages.
REFUSALS = [
    ({"status": "closed", "grade": "general"}, "ordered", None,
     "a finding in state 'closed' cannot become 'ordered' (allowed: none (final state))",
     "隐患当前为“已销号”，不能变更为“责令整改”（可变更为：无（已是终止状态））"),
    ({"status": "verified", "grade": "general"}, "ordered", None,
     "a finding in state 'verified' cannot become 'ordered' (allowed: closed)",
     "隐患当前为“复查合格”，不能变更为“责令整改”（可变更为：已销号）"),
    ({"status": "reported", "grade": "general"}, "open", None,
     "a finding in state 'reported' cannot become 'open' "
     "(allowed: escalated, failed_reinspection, referred, verified)",
     "隐患当前为“企业报告已整改”，不能变更为“已登记”（可变更为：挂牌督办、复查不合格、已移送、复查合格）"),
    ({"status": "ordered", "grade": "general"}, "escalated", None,
     "only a major hazard can be escalated (挂牌督办)", "只有重大隐患才能挂牌督办"),
    ({"status": "open", "grade": "general", "deadline": None}, "ordered", None,
     "an order to rectify needs a deadline", "责令整改必须设定整改期限"),
    ({"status": "failed_reinspection", "grade": "general", "deadline": "2026-12-01"}, "ordered", None,
     "a new order after a failed re-inspection needs a new deadline", "复查不合格后重新责令整改，必须设定新的整改期限"),
    ({"status": "verified", "grade": "major"}, "closed", None,
     "a major hazard cannot be closed without its rectification plan (五到位)",
     "重大隐患销号前必须录入整改方案（措施、责任、资金、时限、预案五到位）"),
    ({"status": "verified", "grade": "major", "rectification_plan": "{}"}, "closed", None,
     "a major hazard cannot be closed without an effect evaluation", "重大隐患销号前必须录入整改效果评价"),
]


@pytest.mark.parametrize(("finding", "target", "deadline", "en", "zh"), REFUSALS)
def test_each_refusal_says_why(finding: dict[str, str], target: str, deadline: str | None, en: str,
                               zh: str) -> None:
    with pytest.raises(IllegalTransition) as err:
        lifecycle.check(finding, target, deadline=deadline)
    assert (err.value.en, err.value.zh) == (en, zh)


def test_every_state_has_its_chinese_name() -> None:
    assert lifecycle.STATUS_ZH == {
        "open": "已登记", "ordered": "责令整改", "reported": "企业报告已整改", "verified": "复查合格",
        "closed": "已销号", "failed_reinspection": "复查不合格", "escalated": "挂牌督办", "referred": "已移送",
        "voided": "已作废",
    }
