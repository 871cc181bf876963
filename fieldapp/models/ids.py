"""Identifiers and clocks for records that sync between devices.

UUIDv7 keys sort by creation time, so indexes stay append-friendly and ids created on different
devices never collide. The hybrid logical clock (HLC) orders edits across devices whose wall clocks
disagree: it never goes backwards and always moves past any stamp it has seen.
"""

from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime


def uuid7() -> str:
    """RFC 9562 version-7 UUID as a lower-case string."""
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= ((rand >> 62) & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))


def utc_now() -> str:
    """Timestamps are stored as ISO-8601 UTC with milliseconds, which sorts as text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    device: str

    def encode(self) -> str:
        # Fixed widths make the text order equal to the logical order.
        return f"{self.wall_ms:013d}.{self.counter:05d}.{self.device}"

    @staticmethod
    def decode(text: str) -> Hlc:
        wall, counter, device = text.split(".", 2)
        return Hlc(int(wall), int(counter), device)


def hlc_next(last: Hlc | None, device: str, now_ms: int | None = None) -> Hlc:
    """The stamp for a local event after `last` (the highest stamp seen so far)."""
    wall = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    if last is None or wall > last.wall_ms:
        return Hlc(wall, 0, device)
    return Hlc(last.wall_ms, last.counter + 1, device)


def hlc_receive(last: Hlc | None, remote: Hlc, device: str, now_ms: int | None = None) -> Hlc:
    """Advance the local clock past a stamp received from another replica."""
    wall = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    candidates = [wall, remote.wall_ms] + ([last.wall_ms] if last else [])
    top = max(candidates)
    counter = -1
    if last and last.wall_ms == top:
        counter = max(counter, last.counter)
    if remote.wall_ms == top:
        counter = max(counter, remote.counter)
    return Hlc(top, counter + 1, device)
