from __future__ import annotations

import itertools
import json

from fieldapp.models import audit, doctor, enterprises, findings, inspections, inspectors
from fieldapp.models.store import Store


def visit(store: Store) -> str:
    e = enterprises.create(store, {"name": "宏达化工", "uscc": "91350100M000100Y43"})
    a = inspectors.create(store, "王伟", "C-001")
    b = inspectors.create(store, "李娜", "C-002")
    ins, warnings = inspections.create(store, enterprise_id=e["id"], officer_ids=[a["id"], b["id"]])
    assert warnings == []
    f = findings.create(store, enterprise_id=e["id"], inspection_id=ins["id"], description="灭火器失效")
    findings.order(store, f["id"], "2099-01-01")
    return str(ins["id"])


def test_changes_to_enforcement_records_are_chained(store: Store) -> None:
    inspection_id = visit(store)
    entries = store.query("SELECT * FROM audit_log ORDER BY chain_index")
    assert {e["entity"] for e in entries} >= {"inspections", "findings"}
    for prev, nxt in itertools.pairwise(entries):
        assert nxt["prev_hash"] == prev["hash"]
    assert audit.history(store, "inspections", inspection_id)[0]["action"] == "create"
    assert doctor.run(store).ok


def test_doctor_names_the_first_broken_link(store: Store) -> None:
    visit(store)
    target = store.query("SELECT * FROM audit_log ORDER BY chain_index LIMIT 1 OFFSET 2")[0]
    data = json.loads(target["data"])
    data["description"] = "改过的记录"
    store.conn.execute("UPDATE audit_log SET data = ? WHERE id = ?", (json.dumps(data, ensure_ascii=False),
                                                                     target["id"]))
    report = doctor.run(store)
    assert not report.ok
    chain = next(c for c in report.checks if c["check"] == "audit_chain")
    assert f"entry {target['chain_index']}" in chain["detail"] and "altered" in chain["detail"]


def test_deleted_entry_is_detected(store: Store) -> None:
    visit(store)
    store.conn.execute("DELETE FROM audit_log WHERE chain_index = 2")
    _, problems = audit.verify_chains(store)
    assert problems and problems[0].chain_index == 3 and "missing" in problems[0].reason


def test_fewer_than_two_officers_warns(store: Store) -> None:
    e = enterprises.create(store, {"name": "单人检查", "uscc": "91350100M000100Y43"})
    a = inspectors.create(store, "王伟", "C-009")
    _, warnings = inspections.create(store, enterprise_id=e["id"], officer_ids=[a["id"]])
    assert warnings and "two" in warnings[0][0] and "两名" in warnings[0][1]
