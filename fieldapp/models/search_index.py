"""The enterprise search index: every character a token, pinyin initials and full pinyin as suffix tokens.

The FTS5 index stores every character as its own token ("宏 达 化 工"), so any substring — one Chinese
character included, and characters outside the BMP such as 𠮷 — is a phrase query (fieldapp.models.search).
Pinyin is computed per distinct character (cached), with word context only for the polyphonic characters,
which keeps a 100 000-row import to seconds instead of the ~15 s a per-name `pypinyin` call costs; a large
import computes it in a worker process meanwhile (BackgroundIndex).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

PY_TOKEN_MAX = 24
PY_SUFFIXES = 8
OTHER_FIELDS = ("address", "legal_representative", "principal")


def letters_and_digits(text: str | None) -> list[str]:
    if not text:
        return []
    return [c for c in unicodedata.normalize("NFKC", text).lower() if c.isalnum()]


@lru_cache(maxsize=1)
def _pinyin_tables() -> tuple[Any, Mapping[int, str], Mapping[str, Any]]:
    import pypinyin
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    return pypinyin, PINYIN_DICT, PHRASES_DICT


@lru_cache(maxsize=65536)
def _char_pinyin(ch: str) -> str:
    pypinyin, _, _ = _pinyin_tables()
    result = pypinyin.lazy_pinyin(ch, errors=lambda x: [x.lower()])
    return result[0] if result else ch


@lru_cache(maxsize=65536)
def _word_pinyin(word: str) -> tuple[str, ...]:
    pypinyin, _, _ = _pinyin_tables()
    return tuple(pypinyin.lazy_pinyin(word))


@lru_cache(maxsize=65536)
def _char_info(ch: str) -> tuple[bool, str]:
    """(is polyphonic, default reading) of one character, cached: names share few distinct characters."""
    if unicodedata.category(ch) != "Lo":
        return False, ch
    _, table, _ = _pinyin_tables()
    reading = table.get(ord(ch))
    return reading is not None and "," in reading, _char_pinyin(ch)


def syllables(name: str, chars: list[str] | None = None) -> list[str]:
    """Pinyin per character; polyphonic characters are read in the context of a known word."""
    chars = letters_and_digits(name) if chars is None else chars
    _, _, phrases = _pinyin_tables()
    out: list[str] = []
    for i, ch in enumerate(chars):
        polyphonic, reading = _char_info(ch)
        if polyphonic:
            for word, pos in (("".join(chars[i - 1:i + 1]), 1), ("".join(chars[i:i + 2]), 0)):
                if len(word) == 2 and word in phrases:
                    reading = _word_pinyin(word)[pos]
                    break
        out.append(reading)
    return out


def index_values(row: Mapping[str, Any]) -> tuple[str, str, str, str]:
    chars = letters_and_digits(row.get("name"))
    name_chars = " ".join(chars)
    other = " ".join(c for f in OTHER_FIELDS for c in letters_and_digits(row.get(f)))
    syl = syllables("", chars)
    # Suffix tokens: a prefix query on them is a substring query on the whole name's pinyin.
    letters = "".join(s[0] for s in syl if s)
    initials = " ".join(letters[i:][:PY_TOKEN_MAX] for i in range(min(len(letters), PY_SUFFIXES)))
    full = " ".join("".join(syl[i:])[:PY_TOKEN_MAX] for i in range(min(len(syl), PY_SUFFIXES)))
    return name_chars, other, initials, full


INSERT_INDEX = ("INSERT OR REPLACE INTO enterprise_search (rowid, name_chars, other_chars, py_initials, py_full)"
                " VALUES (?, ?, ?, ?, ?)")
BACKGROUND_MIN_ROWS = 5000


def index_rows(conn: sqlite3.Connection, rows: Sequence[Mapping[str, Any]],
               known: Mapping[str, tuple[str, str, str, str]] | None = None) -> None:
    """Write index entries; `known` holds values computed beforehand, by USCC."""
    known = known or {}
    conn.executemany(INSERT_INDEX, ((int(r["search_key"]), *(known.get(r.get("uscc") or "") or index_values(r)))
                                    for r in rows))


def _values_chunk(rows: list[tuple[Any, ...]]) -> list[tuple[str, str, str, str]]:
    names = ("name", *OTHER_FIELDS)
    return [index_values(dict(zip(names, r, strict=True))) for r in rows]


class BackgroundIndex:
    """Index values of a large import computed in a worker process while this one validates and writes.

    Pinyin and tokenising are pure Python, so a thread would wait on the GIL; a spawned process does
    not (a forked one would copy-on-write the importer's large heap). Only the few text fields travel.
    """

    def __init__(self, records: Sequence[Mapping[str, Any]]) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.codes = [str(r["uscc"]) for r in records]
        texts = [tuple(r.get(k) for k in ("name", *OTHER_FIELDS)) for r in records]
        self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        size = 10_000
        try:
            self.futures = [self.pool.submit(_values_chunk, texts[i:i + size]) for i in range(0, len(texts), size)]
        except Exception:
            log.warning("cannot start the background index worker", exc_info=True)
            self.futures = []

    @classmethod
    def maybe(cls, records: Sequence[Mapping[str, Any]]) -> BackgroundIndex | None:
        return cls(records) if len(records) >= BACKGROUND_MIN_ROWS else None

    def values(self) -> dict[str, tuple[str, str, str, str]]:
        """The computed values; empty when the worker could not run (then they are computed inline)."""
        if not self.futures:
            return {}
        try:
            computed = [v for f in self.futures for v in f.result()]
        except Exception:  # e.g. a host program that cannot spawn workers: correctness does not depend on it
            log.warning("background index worker failed; computing inline", exc_info=True)
            return {}
        finally:
            self.pool.shutdown(cancel_futures=True)
        return dict(zip(self.codes, computed, strict=True))

    def cancel(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def unindex(conn: sqlite3.Connection, search_key: int) -> None:
    conn.execute("DELETE FROM enterprise_search WHERE rowid = ?", (search_key,))


def rebuild_index(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM enterprise_search")
    cols = ", ".join(("search_key", "name", *OTHER_FIELDS))
    rows = conn.execute(f"SELECT {cols} FROM enterprises")
    names = ["search_key", "name", *OTHER_FIELDS]
    index_rows(conn, [dict(zip(names, r, strict=True)) for r in rows])


# -- querying --------------------------------------------------------------------------------

def tags_of(row: Mapping[str, Any]) -> list[str]:
    value = row.get("tags") or "[]"
    return list(json.loads(value)) if isinstance(value, str) else list(value)
