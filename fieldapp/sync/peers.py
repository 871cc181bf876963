"""The other side of an exchange: the peers this database knows, and which changes travel to each.

A device knows one peer, its office; the office knows every device it enrolled. What a bundle to a
peer carries is everything changed since the peer's acknowledged sequence that the peer did not write
itself, selected table by table by the table's route (models/tables.py).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator, Mapping
from typing import Any

from fieldapp.errors import FieldappError
from fieldapp.models.store import Row, Store
from fieldapp.models.tables import LOCAL_COLUMNS, POLICIES, Route
from fieldapp.sync.roles import Role

# (table, WHERE, named parameters) of one selection of changed rows.
Selection = tuple[str, str, Mapping[str, Any]]


def peer(store: Store, peer_id: str) -> Row | None:
    rows = store.query("SELECT * FROM sync_peers WHERE peer_id = ?", (peer_id,))
    return rows[0] if rows else None


def find_peer(store: Store, ref: str) -> Row:
    """A peer by id or by name."""
    rows = store.query("SELECT * FROM sync_peers WHERE peer_id = ? OR name = ?", (ref, ref))
    if not rows:
        raise FieldappError(f"unknown device {ref!r}", f"未知的终端：{ref}")
    if len(rows) > 1:
        raise FieldappError(f"several devices are called {ref!r}; use the device id", f"有多个终端名为 {ref}，请使用终端编号")
    return rows[0]


def rows(store: Store, table: str, where: str, params: tuple[Any, ...] | Mapping[str, Any] = ()) -> Iterator[Row]:
    """The selected rows as they travel: without the columns that stay on this database."""
    cur = store.conn.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY seq, id", params)
    names = [d[0] for d in cur.description]
    for values in cur:
        row = dict(zip(names, values, strict=True))
        for column in LOCAL_COLUMNS:
            row.pop(column, None)
        yield row


# What of a table the office sends a device, besides "changed since acknowledged, not written by it".
ROUTE_WHERE: dict[Route, str] = {
    Route.ALL: "1",
    Route.ASSIGNED: "assigned_device = :to",
    Route.OWNED: "owner_device = :to",
    Route.OWNED_OR_ASSIGNED: "(owner_device = :to OR assigned_device = :to)",
}


def changes(role: Role, recipient: str, base: int) -> list[Selection]:
    """Everything that travels to `recipient` since its acknowledged `base`, table by table."""
    params = {"base": base, "to": recipient}
    changed = "seq > :base AND device_id != :to"
    # A device sends the office every change; the office sends a device what concerns it.
    out: list[Selection] = [
        (p.name, f"{changed} AND {ROUTE_WHERE[p.route] if role is Role.CENTRAL else '1'}", params)
        for p in POLICIES]
    tombstones = changed
    if role is Role.CENTRAL:
        registry = ", ".join(f"'{p.name}'" for p in POLICIES if p.registry)
        tombstones += f" AND (table_name IN ({registry}) OR owner_device = :to)"
    out.append(("tombstones", tombstones, params))
    if role is Role.DEVICE:
        # The office keeps every device's 执法全过程记录; it never sends them back.
        out.append(("audit_log", changed, params))
    return out


def pending_changes(store: Store, role: Role, peer_row: Row) -> int:
    """Records the peer has not acknowledged yet (what the next bundle to it would carry)."""
    return sum(int(store.scalar(f"SELECT count(*) FROM {table} WHERE {where}", params))
               for table, where, params in changes(role, peer_row["peer_id"], int(peer_row["acked_seq"]))
               if table != "audit_log")


def enrol_mac(token: str, header: dict[str, Any]) -> str:
    """A device's first bundle proves it holds the enrolment file's one-time secret."""
    message = "|".join(str(header[k]) for k in ("bundle_id", "sender", "recipient", "sender_ed25519",
                                                 "sender_x25519"))
    return hmac.new(bytes.fromhex(token), message.encode("utf-8"), hashlib.sha256).hexdigest()
