"""Document numbers (文书编号) from blocks of serials assigned per device (domain.md §7).

Offline devices cannot share a counter, so the office hands each device a block of serials for an
issuer, document type and year. Blocks never overlap, so two devices can never issue the same number;
the UNIQUE constraint on documents (issuer, doc_type, year, serial) is the last line of defence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fieldapp.errors import FieldappError, ValidationError
from fieldapp.models import doc_types, settings
from fieldapp.models.store import Row, Store

LOW_WATER = 10


def format_number(store: Store, doc_type: str, year: int, serial: int) -> str:
    codes = settings.get(store, "document_type_codes")
    fmt = settings.get(store, "document_number_format")
    return str(fmt.format(prefix=settings.get(store, "document_prefix"), type=codes.get(doc_type, doc_type),
                          year=year, serial=serial))


def overlaps(blocks: Iterable[tuple[int, int]], first: int, last: int) -> bool:
    return any(not (last < a or first > b) for a, b in blocks)


def next_free_range(blocks: Iterable[tuple[int, int]], size: int) -> tuple[int, int]:
    """The central allocator: the lowest range of `size` serials not used by any block."""
    if size < 1:
        raise ValidationError("a block needs at least one serial", "号段至少包含一个编号")
    start = 1
    for a, b in sorted(blocks):
        if start + size - 1 < a:
            break
        start = max(start, b + 1)
    return start, start + size - 1


def assign_block(store: Store, *, doc_type: str, year: int, first: int, last: int,
                 device_id: str | None = None, issuer: str | None = None) -> Row:
    doc_types.get(doc_type)
    if first < 1 or last < first:
        raise ValidationError(f"invalid serial range {first}-{last}", f"号段范围无效：{first}-{last}")
    issuer = issuer or settings.get(store, "document_prefix")
    with store.transaction():
        existing = [(r["first_serial"], r["last_serial"]) for r in store.query(
            "SELECT first_serial, last_serial FROM number_blocks WHERE issuer = ? AND doc_type = ? AND year = ?",
            (issuer, doc_type, year))]
        if overlaps(existing, first, last):
            raise ValidationError(f"serials {first}-{last} overlap a block already assigned",
                                  f"号段 {first}-{last} 与已分配的号段重叠")
        return store.insert("number_blocks", {
            "issuer": issuer, "doc_type": doc_type, "year": year, "first_serial": first, "last_serial": last,
            "next_serial": first, "assigned_device": device_id or store.device_id,
        }, audit=None)


@dataclass(frozen=True)
class Allocation:
    block_id: str
    issuer: str
    year: int
    serial: int
    number: str
    remaining: int  # serials left for this type and year on this device after this one

    @property
    def low(self) -> bool:
        return self.remaining < LOW_WATER


def remaining(store: Store, doc_type: str, year: int) -> int:
    value = store.scalar(
        "SELECT coalesce(sum(last_serial - next_serial + 1), 0) FROM number_blocks"
        " WHERE doc_type = ? AND year = ? AND assigned_device = ? AND issuer = ?",
        (doc_type, year, store.device_id, settings.get(store, "document_prefix")))
    return int(value)


def allocate(store: Store, doc_type: str, year: int) -> Allocation:
    """Take the next serial of this device's blocks; must run inside the issuing transaction."""
    title = doc_types.get(doc_type).title_zh
    issuer = settings.get(store, "document_prefix")
    with store.transaction():
        block = store.query(
            "SELECT * FROM number_blocks WHERE issuer = ? AND doc_type = ? AND year = ? AND assigned_device = ?"
            " AND next_serial <= last_serial ORDER BY first_serial LIMIT 1",
            (issuer, doc_type, year, store.device_id))
        if not block:
            raise FieldappError(
                f"no document numbers left for {title} {year} on this device: request a new "
                "number block from the office (it arrives with the next sync)",
                f"本终端{year}年“{title}”的文书编号已用完：请向单位申请新的编号段（同步后即可使用）",
            )
        b = block[0]
        serial = int(b["next_serial"])
        store.update("number_blocks", b["id"], {"next_serial": serial + 1}, audit=None)
        return Allocation(b["id"], issuer, year, serial, format_number(store, doc_type, year, serial),
                          remaining(store, doc_type, year))


def list_blocks(store: Store) -> list[Row]:
    return store.query("SELECT id, issuer, doc_type, year, first_serial, last_serial, next_serial,"
                       " assigned_device, last_serial - next_serial + 1 AS remaining FROM number_blocks"
                       " ORDER BY year DESC, doc_type, first_serial")
