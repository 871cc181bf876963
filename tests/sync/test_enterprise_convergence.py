"""Enterprises registered on site (with or without a USCC) on two devices, registry imports of the same codes
and hand links at the office, and visits with hazards and issued notices on every record, while bundles are
duplicated, reordered and lost: all replicas end with the same enterprises, every record of one thing
resolves to the same survivor everywhere, and every inspection, hazard and notice is attached to it."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.errors import ValidationError
from fieldapp.models import documents, enterprises, findings, inspections, registry
from fieldapp.services import enterprises as service
from fieldapp.sync import exchange
from fieldapp.workspace import Workspace
from tests.sync.conftest import Network, uscc_for
from tests.sync.test_convergence import by_id

DEVICES = ["d0", "d1"]
NODES = ["central", *DEVICES]
SITES = 3


def site_code(k: int) -> str:
    return uscc_for(500 + k)


register = st.tuples(st.just("register"), st.sampled_from(DEVICES), st.integers(0, SITES - 1), st.booleans())
visit = st.tuples(st.just("visit"), st.sampled_from(DEVICES), st.integers(0, 20), st.booleans())
link = st.tuples(st.just("link"), st.integers(0, 20), st.integers(0, SITES - 1))
full_sync = st.tuples(st.just("sync"), st.sampled_from(DEVICES))  # a whole round, in order
deliver = st.tuples(st.just("deliver"), st.sampled_from(NODES), st.integers(0, 10), st.booleans())
edit = st.tuples(st.just("edit"), st.sampled_from(NODES), st.integers(0, 20), st.sampled_from(["phone", "principal"]),
                 st.sampled_from(["甲", "乙", "13800000001"]))
# Repeated branches weigh the draw towards what makes merges happen (registrations, links, rounds).
op = st.one_of(
    register, register, visit, visit, link, link, full_sync, full_sync, deliver, deliver, edit,
    st.tuples(st.just("import"), st.integers(0, SITES - 1)),
    st.tuples(st.just("export"), st.sampled_from(DEVICES), st.booleans()),
)


def import_site(ws: Workspace, tmp: Path, k: int) -> None:
    path = tmp / f"名录-{k}.csv"
    path.write_text("单位名称,统一社会信用代码,地址,法定代表人,乡镇街道,行业类别\n"
                    f"示范县现场{k}号厂,{site_code(k)},拳铺镇{k}号,,拳铺镇,轻工\n", encoding="utf-8")
    registry.import_file(ws.store, path)


def record_visit(ws: Workspace, enterprise_id: str, issue: bool) -> dict[str, Any]:
    store = ws.store
    officers = [r["id"] for r in store.query("SELECT id FROM inspectors ORDER BY certificate_no LIMIT 2")]
    ins, _ = inspections.create(store, enterprise_id=enterprise_id, officer_ids=officers)
    f = findings.create(store, enterprise_id=enterprise_id, inspection_id=ins["id"], description="电线私拉乱接",
                        deadline=(date.today() + timedelta(days=10)).isoformat())
    made = {"enterprise": enterprise_id, "inspection": ins["id"], "finding": f["id"], "document": None,
            "content_sha256": None}
    if issue:
        doc = documents.create_draft(store, doc_type="rectification_order", enterprise_id=enterprise_id,
                                     inspection_id=ins["id"], content={"enterprise": {"name": "签发时的名称"}})
        issued = documents.issue(store, doc["id"])
        made.update(document=issued["id"], content_sha256=issued["content_sha256"])
    return made


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(ops=st.lists(op, min_size=10, max_size=40))
def test_on_site_enterprises_merge_with_the_registry_and_converge(tmp_path_factory: Any,
                                                                  ops: list[tuple[Any, ...]]) -> None:
    root: Path = tmp_path_factory.mktemp("net")
    net = Network(root)
    try:
        nodes = {"central": net.central, **{n: net.enrol(n) for n in DEVICES}}
        for name in DEVICES:
            net.sync(nodes[name])
        mail: dict[str, list[Path]] = {n: [] for n in NODES}
        registered: list[tuple[str, str]] = []  # (device, enterprise id)
        with_code: dict[str, int] = {}  # enterprise id -> site
        visits: dict[str, list[dict[str, Any]]] = {n: [] for n in DEVICES}
        links: list[tuple[str, str]] = []
        for step in ops:
            kind = step[0]
            if kind == "register":
                _, device, k, coded = step
                values = {"name": f"现场{k}号作坊", "address": f"拳铺镇后营村{k}号", "legal_representative": "王立新"}
                if coded:
                    values["uscc"] = site_code(k)
                with contextlib.suppress(enterprises.DuplicateUscc):  # the device already knows that code
                    row = service.add_enterprise(nodes[device], values).value
                    registered.append((device, row["id"]))
                    if coded:
                        with_code[row["id"]] = k
            elif kind == "visit":
                _, device, j, issue = step
                mine = [eid for d, eid in registered if d == device]
                if mine:
                    target = enterprises.find(nodes[device].store, mine[j % len(mine)])["id"]
                    visits[device].append(record_visit(nodes[device], target, issue))
            elif kind == "edit":  # concurrent edits of records that may be united meanwhile
                _, node, j, column, value = step
                known = [eid for _, eid in registered if nodes[node].store.get("enterprises", eid)]
                if known:
                    service.update_enterprise(nodes[node], known[j % len(known)], {column: value})
            elif kind == "import":
                import_site(net.central, root, step[1])
            elif kind == "link":
                _, j, k = step
                store = net.central.store
                on_site = [eid for _, eid in registered if store.get("enterprises", eid)
                           and store.get("enterprises", eid)["uscc"] is None]
                if on_site and not store.query("SELECT id FROM enterprises WHERE uscc = ?", (site_code(k),)):
                    import_site(net.central, root, k)  # the registry record the office links it to
                office = store.query("SELECT id FROM enterprises WHERE uscc = ?", (site_code(k),))
                if on_site and office:
                    a = on_site[j % len(on_site)]
                    with contextlib.suppress(ValidationError):
                        service.link_enterprises(net.central, a, office[0]["id"])
                        links.append((a, office[0]["id"]))
            elif kind == "sync":
                net.sync(nodes[step[1]])
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
                    exchange.import_bundle(nodes[node], bundle)
                    if not keep:
                        mail[node].remove(bundle)
        for _ in range(3):
            for name in DEVICES:
                net.sync(nodes[name])

        office = by_id(net.central, "enterprises")
        for name in DEVICES:
            assert by_id(nodes[name], "enterprises") == office, f"{name}: enterprises differ from the office"

        def survivor(ws: Workspace, enterprise_id: str) -> str:
            return str(enterprises.find(ws.store, enterprise_id)["id"])

        for ws in nodes.values():
            for k in range(SITES):
                holders = ws.store.query("SELECT id FROM enterprises WHERE uscc = ?", (site_code(k),))
                coded = [eid for eid, site in with_code.items() if site == k]
                if coded:
                    assert len(holders) == 1
                    assert {survivor(ws, eid) for eid in coded} == {holders[0]["id"]}
            for a, b in links:
                assert survivor(ws, a) == survivor(ws, b)
            for _, eid in registered:  # same survivor on every replica
                assert survivor(ws, eid) == survivor(net.central, eid)
        for device in DEVICES:
            for made in visits[device]:
                for ws in (net.central, nodes[device]):
                    expected = survivor(ws, made["enterprise"])
                    for table in ("inspections", "findings", "documents"):
                        row_id = made[table[:-1]]
                        if row_id is None:
                            continue
                        row = ws.store.get(table, row_id)
                        assert row is not None, f"{table} {row_id} lost on {ws.data_dir.name}"
                        assert row["enterprise_id"] == expected
                    if made["document"]:
                        assert ws.store.get("documents", made["document"])["content_sha256"] == made["content_sha256"]
            for table in ("inspections", "findings", "documents"):
                mine = by_id(nodes[device], table, "owner_device = ?", (nodes[device].store.device_id,))
                assert mine == by_id(net.central, table, "owner_device = ?", (nodes[device].store.device_id,))
    finally:
        net.close()
