"""执法全过程记录: an append-only, hash-chained log of every change to enforcement records.

Each device keeps its own chain (entries from other devices arrive by sync with their chains intact).
An entry's hash covers its content and the previous entry's hash, so editing, deleting or reordering
any entry breaks every later link; `verify_chains` names the first broken one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fieldapp.models.ids import utc_now, uuid7

if TYPE_CHECKING:
    from fieldapp.models.store import Store

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entry_hash(entry: dict[str, Any]) -> str:
    body = {k: entry[k] for k in ("id", "device_id", "chain_index", "at", "actor", "action", "entity",
                                  "entity_id", "data", "prev_hash")}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def append(store: Store, action: str, entity: str, entity_id: str, data: dict[str, Any]) -> dict[str, Any]:
    last = store.conn.execute(
        "SELECT chain_index, hash FROM audit_log WHERE device_id = ? ORDER BY chain_index DESC LIMIT 1",
        (store.device_id,),
    ).fetchone()
    entry: dict[str, Any] = {
        "id": uuid7(),
        "device_id": store.device_id,
        "chain_index": (last[0] + 1) if last else 1,
        "at": utc_now(),
        "actor": store.actor,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "data": canonical_json(data),
        "prev_hash": last[1] if last else GENESIS,
    }
    entry["hash"] = entry_hash(entry)
    entry["seq"] = store.seq
    cols = ", ".join(entry)
    store.conn.execute(f"INSERT INTO audit_log ({cols}) VALUES ({', '.join('?' for _ in entry)})",
                       tuple(entry.values()))
    return entry


@dataclass(frozen=True)
class ChainProblem:
    device_id: str
    chain_index: int
    entry_id: str
    reason: str


def verify_chains(store: Store) -> tuple[int, list[ChainProblem]]:
    """Check every device's chain; returns (entries checked, first problem per broken chain)."""
    problems: list[ChainProblem] = []
    checked = 0
    devices = [r[0] for r in store.conn.execute("SELECT DISTINCT device_id FROM audit_log")]
    for device in devices:
        prev = GENESIS
        expected_index = 1
        for row in store.conn.execute(
            "SELECT * FROM audit_log WHERE device_id = ? ORDER BY chain_index", (device,)
        ):
            entry = dict(row)
            checked += 1
            reason = None
            if entry["chain_index"] != expected_index:
                reason = f"entry {expected_index} is missing (next present is {entry['chain_index']})"
            elif entry["prev_hash"] != prev:
                reason = "its previous-hash does not match the entry before it"
            elif entry_hash(entry) != entry["hash"]:
                reason = "its content does not match its hash (the entry was altered)"
            if reason:
                problems.append(ChainProblem(device, entry["chain_index"], entry["id"], reason))
                break
            prev = entry["hash"]
            expected_index += 1
    return checked, problems


def history(store: Store, entity: str, entity_id: str) -> list[dict[str, Any]]:
    return store.query(
        "SELECT at, actor, action, data FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY at, chain_index",
        (entity, entity_id),
    )
