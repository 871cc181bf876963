from __future__ import annotations

import json
import uuid

import pytest

from fieldapp.models.ids import Hlc
from fieldapp.models.store import Store


def test_insert_stamps_every_sync_column(store: Store) -> None:
    with store.transaction():
        row = store.insert("townships", {"name": "韩岗镇"}, audit=None)
    saved = store.get("townships", row["id"])
    assert saved is not None
    assert uuid.UUID(saved["id"]).version == 7
    assert saved["device_id"] == store.device_id
    assert saved["created_at"].endswith("Z") and saved["updated_at"].endswith("Z")
    assert saved["seq"] == store.current_seq() and saved["seq"] >= 1
    assert Hlc.decode(saved["hlc"]).device == store.device_id


def test_one_sequence_number_per_transaction_and_increasing(store: Store) -> None:
    with store.transaction():
        a = store.insert("townships", {"name": "甲"}, audit=None)
        b = store.insert("townships", {"name": "乙"}, audit=None)
    with store.transaction():
        c = store.insert("townships", {"name": "丙"}, audit=None)
    assert a["seq"] == b["seq"] < c["seq"]
    assert a["hlc"] < b["hlc"] < c["hlc"]
    changed = store.query("SELECT name FROM townships WHERE seq > ?", (a["seq"],))
    assert [r["name"] for r in changed] == ["丙"]


def test_update_writes_only_changed_fields_with_their_clock(store: Store) -> None:
    with store.transaction():
        row = store.insert("inspectors", {"name": "王伟", "certificate_no": "A1", "phone": "1"}, audit=None)
    with store.transaction():
        same = store.update("inspectors", row["id"], {"name": "王伟"})
    assert same["seq"] == row["seq"]
    with store.transaction():
        new = store.update("inspectors", row["id"], {"phone": "2", "name": "王伟"})
    clocks = json.loads(new["field_hlc"])
    assert set(clocks) == {"*", "phone"} and clocks["*"] == row["hlc"]
    assert clocks["phone"] == f"{new['hlc']}|{row['hlc']}"  # the new clock and the one it replaced
    assert new["seq"] > row["seq"]


def test_delete_leaves_a_tombstone(store: Store) -> None:
    with store.transaction():
        row = store.insert("townships", {"name": "临时"}, audit=None)
    with store.transaction():
        store.delete("townships", row["id"], reason="录入错误")
    assert store.get("townships", row["id"]) is None
    tomb = store.query("SELECT * FROM tombstones WHERE row_id = ?", (row["id"],))[0]
    assert tomb["table_name"] == "townships" and tomb["reason"] == "录入错误"
    assert tomb["seq"] > row["seq"]


def test_a_failed_transaction_leaves_nothing(store: Store) -> None:
    seq = store.current_seq()
    with pytest.raises(RuntimeError), store.transaction():
        store.insert("townships", {"name": "半途"}, audit=None)
        raise RuntimeError("crash")
    assert store.query("SELECT * FROM townships") == []
    assert store.current_seq() == seq


def test_writes_outside_a_transaction_are_refused(store: Store) -> None:
    with pytest.raises(RuntimeError):
        store.insert("townships", {"name": "x"})
