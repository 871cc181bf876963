"""Bundle file names a person can tell apart on a USB stick: who sends, to whom, which day, which one.

    拳铺镇-1-到-示范县应急管理局-20261206-001.fabundle
    示范县应急管理局-到-拳铺镇-1-20261206-002.fabundle

Names are the device's and the office's names as enrolled. They are made safe for every file system
the stick may meet (FAT32, exFAT, NTFS, ext4): the characters Windows forbids, control characters and
trailing dots or spaces are replaced, the text is NFC-normalised (macOS would otherwise write another
byte sequence for the same Chinese name) and each name is cut to keep the whole well under the 255
UTF-16 units of a long file name. The sequence counts the exports to that peer on that day, and skips a
name already in the folder, so nothing on the stick is ever overwritten.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, time
from pathlib import Path

from fieldapp.models.store import Store

BUNDLE_SUFFIX = ".fabundle"
MAX_NAME = 40  # characters of each party's name
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_SPACES = re.compile(r"\s+")
_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                       *(f"LPT{i}" for i in range(1, 10))})


def safe_part(name: str | None, fallback: str) -> str:
    """`name` as one file-name component that Windows, FAT32 and Linux all accept unchanged."""
    text = unicodedata.normalize("NFC", name or "")
    text = _SPACES.sub(" ", _UNSAFE.sub("_", text)).strip().replace(" ", "_")
    text = text[:MAX_NAME].strip("._ ")
    if not text or text.upper() in _RESERVED:
        text = fallback
    return text


def _exports_today(store: Store, peer_id: str, day: date) -> int:
    # sync_log.at is UTC: count from the local midnight of `day`, as the person at the stick counts days.
    start = datetime.combine(day, time()).astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return int(store.scalar("SELECT count(*) FROM sync_log WHERE direction = 'export' AND peer_id = ? AND at >= ?",
                            (peer_id, start)) or 0)


def bundle_name(store: Store, sender: str | None, recipient: str | None, recipient_id: str, folder: Path,
                day: date | None = None) -> str:
    """The file name of the next bundle from `sender` to `recipient` written into `folder`."""
    day = day or date.today()
    stem = (f"{safe_part(sender, 'fieldapp-' + store.device_id[:8])}-到-"
            f"{safe_part(recipient, 'fieldapp-' + recipient_id[:8])}-{day:%Y%m%d}")
    sequence = _exports_today(store, recipient_id, day) + 1
    while (folder / f"{stem}-{sequence:03d}{BUNDLE_SUFFIX}").exists():
        sequence += 1
    return f"{stem}-{sequence:03d}{BUNDLE_SUFFIX}"
