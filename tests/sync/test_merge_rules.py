"""The merge of two replicas' rows (sync/merge.py), checked as algebra and against each promise it keeps.

Rows are built as replicas build them: every value carries the clock of the edit that wrote it, and no two
edits share a clock (a clock names its device). Conflict reports are not compared here; their rules are
tested through whole exchanges in test_exchange.py.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from fieldapp.models import lifecycle
from fieldapp.models.tables import POLICY
from fieldapp.sync.merge import merge

DEVICES = ["dev-a", "dev-b", "dev-c"]


def clock(ms: int, device: str) -> str:
    return f"{1_760_000_000_000 + ms:013d}.00000.{device}"


def build(columns: dict[str, tuple[Any, str]], device: str) -> dict[str, Any]:
    """A row whose columns hold (value, clock) pairs."""
    row: dict[str, Any] = {"id": "row-1", "device_id": device}
    row.update({c: v for c, (v, _) in columns.items()})
    stamps = {c: k for c, (_, k) in columns.items()}
    row["field_hlc"] = json.dumps(stamps, sort_keys=True)
    row["hlc"] = max(stamps.values())
    row["updated_at"] = row["hlc"]
    return row


def merged(table: str, local: dict[str, Any], remote: dict[str, Any]) -> dict[str, Any]:
    out, _ = merge(table, local, remote)
    return out if out is not None else local


def data(row: dict[str, Any]) -> dict[str, Any]:
    """The values and the per-field clocks replicas must agree on.

    The row-level hlc, updated_at and device_id say when and where this replica last wrote the row; a
    merge that adds nothing writes nothing, so they may differ between replicas holding the same values.
    """
    return {k: v for k, v in row.items() if k not in ("device_id", "id", "hlc", "updated_at")}


def edits(column: str, values: st.SearchStrategy[Any]) -> st.SearchStrategy[tuple[Any, int]]:
    return st.tuples(values, st.integers(0, 50))


@st.composite
def finding_replicas(draw: st.DrawFn, n: int = 3) -> list[dict[str, Any]]:
    used: set[tuple[str, int]] = set()
    rows = []
    for i in range(n):
        device = DEVICES[i]
        cols: dict[str, tuple[Any, str]] = {}
        for column, values in (("status", st.sampled_from(sorted(lifecycle.RANK))),
                               ("description", st.sampled_from(["配电箱未接地", "灭火器过期", "通道堵塞"])),
                               ("deadline", st.sampled_from([None, "2026-12-20", "2026-12-30"]))):
            value, ms = draw(edits(column, values))
            # One edit, one clock: the same stamp never carries two different values.
            while (column, ms) in used:
                ms += 1
            used.add((column, ms))
            cols[column] = (value, clock(ms, device))
        rows.append(build(cols, device))
    return rows


@given(finding_replicas())
def test_merging_a_row_with_itself_changes_nothing(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        assert merge("findings", row, dict(row))[0] is None


@given(finding_replicas())
def test_the_order_of_two_replicas_does_not_matter(rows: list[dict[str, Any]]) -> None:
    a, b, _ = rows
    assert data(merged("findings", a, b)) == data(merged("findings", b, a))


@given(finding_replicas())
def test_the_grouping_of_three_replicas_does_not_matter(rows: list[dict[str, Any]]) -> None:
    a, b, c = rows
    left = merged("findings", merged("findings", a, b), c)
    right = merged("findings", a, merged("findings", b, c))
    assert data(left) == data(right)


@given(finding_replicas())
def test_merging_again_after_merging_changes_nothing(rows: list[dict[str, Any]]) -> None:
    a, b, _ = rows
    once = merged("findings", a, b)
    assert merge("findings", once, b)[0] is None
    assert merge("findings", once, a)[0] is None


@given(finding_replicas())
def test_a_hazard_never_moves_back_to_an_earlier_stage(rows: list[dict[str, Any]]) -> None:
    a, b, _ = rows
    out = merged("findings", a, b)
    rank = lifecycle.RANK
    assert rank[out["status"]] == max(rank[a["status"]], rank[b["status"]])
    if rank[a["status"]] == rank[b["status"]]:
        newer = max((a, b), key=lambda r: json.loads(r["field_hlc"])["status"])
        assert out["status"] == newer["status"]


@given(finding_replicas())
def test_other_fields_are_last_writer_wins_field_by_field(rows: list[dict[str, Any]]) -> None:
    a, b, _ = rows
    out = merged("findings", a, b)
    for column in ("description", "deadline"):
        newer = max((a, b), key=lambda r, c=column: json.loads(r["field_hlc"])[c])
        assert out[column] == newer[column]
        assert json.loads(out["field_hlc"])[column] == json.loads(newer["field_hlc"])[column]


@given(st.lists(st.tuples(st.integers(1, 200), st.integers(0, 50)), min_size=2, max_size=4))
def test_a_number_block_only_moves_forward(states: list[tuple[int, int]]) -> None:
    # next_serial may carry an older clock than a lower value: the clock must not decide.
    rows = [build({"next_serial": (serial, clock(ms, DEVICES[i % 3]))}, DEVICES[i % 3])
            for i, (serial, ms) in enumerate(states)]
    out = rows[0]
    for row in rows[1:]:
        out = merged("number_blocks", out, row)
    assert out["next_serial"] == max(s for s, _ in states)


@given(st.lists(st.tuples(st.integers(0, 1), st.integers(0, 50)), min_size=2, max_size=4))
def test_a_revoked_key_is_never_trusted_again(states: list[tuple[int, int]]) -> None:
    rows = [build({"revoked": (revoked, clock(ms, DEVICES[i % 3]))}, DEVICES[i % 3])
            for i, (revoked, ms) in enumerate(states)]
    out = rows[0]
    for row in rows[1:]:
        out = merged("device_keys", out, row)
        if row["revoked"]:
            assert out["revoked"] == 1
    assert out["revoked"] == max(r for r, _ in states)


def document(status: str, content: str, number: str | None, ms: int, device: str,
             note: tuple[str, int] = ("", 0)) -> dict[str, Any]:
    return build({"status": (status, clock(ms, device)), "content": (content, clock(ms, device)),
                  "content_sha256": (f"sha-{content}", clock(ms, device)), "number": (number, clock(ms, device)),
                  "void_reason": (note[0], clock(note[1], device))}, device)


@given(draft_ms=st.integers(0, 100), issued_ms=st.integers(0, 100), status=st.sampled_from(["issued", "voided"]))
def test_an_issued_documents_signed_fields_never_change(draft_ms: int, issued_ms: int, status: str) -> None:
    # A draft edited later by the clock (a laptop restored from an old backup, a skewed clock) must never
    # replace what was signed, whichever side the signed copy is on.
    signed = document(status, "签发内容", "示应急责改〔2026〕7号", issued_ms, "dev-a")
    draft = document("draft", "草稿内容", None, draft_ms, "dev-b")
    for out in (merged("documents", signed, draft), merged("documents", draft, signed)):
        assert out["status"] == status
        for column in POLICY["documents"].frozen_once_issued & set(signed):
            assert out[column] == signed[column], column


def test_a_voiding_reaches_an_issued_document_but_its_content_stays() -> None:
    issued = document("issued", "签发内容", "示应急责改〔2026〕7号", 10, "dev-a")
    voided = document("voided", "篡改内容", "示应急责改〔2026〕9号", 20, "dev-b", note=("录入错误", 20))
    out = merged("documents", issued, voided)
    assert out["status"] == "voided" and out["void_reason"] == "录入错误"
    assert (out["content"], out["number"]) == ("签发内容", "示应急责改〔2026〕7号")
