"""Three devices and the office edit at random and exchange bundles that are duplicated, reordered and
lost (then produced again): every replica converges and nothing is lost."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.models import enterprises, findings
from fieldapp.models.lifecycle import IllegalTransition
from fieldapp.models.store import SYNC_FIELDS
from fieldapp.services import files
from fieldapp.sync import conflicts, exchange
from fieldapp.workspace import Workspace
from tests.sync.conftest import Network, record_visit, uscc_for

NODES = ["central", "d0", "d1", "d2"]
FIELDS = ["phone", "address", "legal_representative"]
VALUES = ["甲", "乙", "丙", "13800000001", "𠮷祥路1号"]

op = st.one_of(
    st.tuples(st.just("edit"), st.sampled_from(NODES), st.integers(1, 3), st.sampled_from(FIELDS),
              st.sampled_from(VALUES)),
    st.tuples(st.just("visit"), st.sampled_from(NODES[1:]), st.integers(1, 5), st.booleans()),
    st.tuples(st.just("advance"), st.sampled_from(NODES[1:]), st.integers(0, 20),
              st.sampled_from(["ordered", "reported", "verified"])),
    st.tuples(st.just("escalate"), st.integers(0, 20)),
    st.tuples(st.just("export"), st.sampled_from(NODES[1:]), st.booleans()),
    st.tuples(st.just("deliver"), st.sampled_from(NODES), st.integers(0, 10), st.booleans()),
)


def data(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in SYNC_FIELDS and k not in ("seq", "search_key")}


def by_id(ws: Workspace, table: str, where: str = "1", params: tuple[Any, ...] = ()) -> dict[str, dict[str, Any]]:
    return {r["id"]: data(r) for r in ws.store.query(f"SELECT * FROM {table} WHERE {where}", params)}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(ops=st.lists(op, min_size=5, max_size=30))
def test_replicas_converge_and_nothing_is_lost(tmp_path_factory: Any, ops: list[tuple[Any, ...]]) -> None:
    root: Path = tmp_path_factory.mktemp("net")
    net = Network(root)
    try:
        nodes = {"central": net.central, **{n: net.enrol(n) for n in NODES[1:]}}
        for name in NODES[1:]:
            net.sync(nodes[name])
        mail: dict[str, list[Path]] = {n: [] for n in NODES}
        created: dict[str, list[str]] = {n: [] for n in NODES[1:]}
        photos: list[str] = []
        for step in ops:
            kind = step[0]
            if kind == "edit":
                _, node, n, field, value = step
                ws = nodes[node]
                enterprises.update(ws.store, enterprises.find(ws.store, uscc_for(n))["id"], {field: value})
            elif kind == "visit":
                _, node, n, photo = step
                made = record_visit(nodes[node], root, enterprise_n=n, photo=photo)
                created[node].append(made["finding"]["id"])
                photos += [e["sha256"] for e in made["evidence"]]
            elif kind == "advance":
                _, node, k, target = step
                if created[node]:
                    fid = created[node][k % len(created[node])]
                    deadline = (date.today() + timedelta(days=9)).isoformat()
                    with contextlib.suppress(IllegalTransition):
                        findings.transition(nodes[node].store, fid, target, deadline=deadline)
            elif kind == "escalate":
                known = [r["id"] for r in net.central.store.query("SELECT id FROM findings ORDER BY id")]
                if known:
                    with contextlib.suppress(IllegalTransition):
                        findings.transition(net.central.store, known[step[1] % len(known)], "escalated")
            elif kind == "export":
                _, device, from_central = step
                if from_central:
                    mail[device].append(net.send(net.central, nodes[device]))
                else:
                    mail["central"].append(net.send(nodes[device], net.central))
            elif kind == "deliver":
                _, node, k, keep = step
                if mail[node]:
                    bundle = mail[node][k % len(mail[node])]
                    exchange.import_bundle(nodes[node], bundle)  # reordering: any pending bundle, any time
                    if not keep:  # keep = delivered again later (duplicate); the rest may simply be lost
                        mail[node].remove(bundle)
        # Lost bundles are produced again: a few full rounds deliver everything that is still missing.
        for _ in range(2):
            for name in NODES[1:]:
                net.sync(nodes[name])
        registry = by_id(net.central, "enterprises")
        for name in NODES[1:]:
            ws = nodes[name]
            assert by_id(ws, "enterprises") == registry, f"{name} registry differs"
            for table in ("inspections", "findings", "finding_events", "evidence"):
                mine = by_id(ws, table, "owner_device = ?", (ws.store.device_id,))
                office = by_id(net.central, table, "owner_device = ?", (ws.store.device_id,))
                assert mine == office, f"{table} of {name} differ"
            for fid in created[name]:
                assert net.central.store.get("findings", fid) is not None
        _checked, problems = files.verify(net.central)
        assert problems == [] and all(net.central.store.scalar("SELECT 1 FROM evidence WHERE sha256 = ?", (s,))
                                      for s in photos)
        for c in conflicts.list_conflicts(net.central):
            assert c["kept_value"] != c["lost_value"]
            assert c["table_name"] == "enterprises" and c["field"] in FIELDS
    finally:
        net.close()
