"""Enterprise search: name, address, people, phone, USCC prefix and pinyin, ranked.

The FTS5 index stores every character as its own token ("宏 达 化 工"), so any substring — one
Chinese character included, and characters outside the BMP such as 𠮷 — is a phrase query. Queries are
reduced to letters and digits before they reach FTS, so `"`, `*` or FTS keywords in user input are
plain text. Pinyin is computed per distinct character (cached), with word context only for the
polyphonic characters, which keeps a 100 000-row import to seconds instead of the ~15 s a per-name
`pypinyin` call costs.

Ranking is by tiers, each answered by an index and stopped at the limit, so a one-character query
that matches half the county costs no more than a rare one: exact USCC, USCC prefix, name prefix
(including pinyin of the name's start), name substring (including pinyin), then other fields.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from fieldapp.models import uscc as uscc_mod

log = logging.getLogger(__name__)

PY_TOKEN_MAX = 24
PY_SUFFIXES = 8
OTHER_FIELDS = ("address", "legal_representative", "principal")


def _chars(text: str | None) -> list[str]:
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
    chars = _chars(name) if chars is None else chars
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
    chars = _chars(row.get("name"))
    name_chars = " ".join(chars)
    other = " ".join(c for f in OTHER_FIELDS for c in _chars(row.get(f)))
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

@dataclass
class Filters:
    township_id: str | None = None
    industry: str | None = None
    risk_level: str | None = None
    tag: str | None = None
    status: str | None = None
    has_open_findings: bool = False

    def sql(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for col in ("township_id", "industry", "risk_level", "status"):
            value = getattr(self, col)
            if value:
                clauses.append(f"e.{col} = ?")
                params.append(value)
        if self.tag:
            clauses.append("EXISTS (SELECT 1 FROM json_each(e.tags) WHERE value = ?)")
            params.append(self.tag)
        if self.has_open_findings:
            clauses.append(
                "EXISTS (SELECT 1 FROM findings f WHERE f.enterprise_id = e.id"
                " AND f.status NOT IN ('verified', 'closed', 'voided', 'referred'))"
            )
        return (" AND ".join(clauses) or "1"), params


def _phrase(chars: Sequence[str]) -> str:
    # Only letters and digits reach here, so the quotes cannot be unbalanced by user input.
    return '"' + " ".join(chars) + '"'


def search(conn: sqlite3.Connection, query: str, *, limit: int = 50,
           filters: Filters | None = None) -> list[dict[str, Any]]:
    """Ranked search; returns enterprise rows (id, uscc, name, …) with a `match` key saying why."""
    filters = filters or Filters()
    where, fparams = filters.sql()
    text = unicodedata.normalize("NFKC", query).strip()
    chars = _chars(text)
    if not chars:
        return []
    found: dict[str, dict[str, Any]] = {}

    def take(sql: str, params: Sequence[Any], match: str, order: Any = None) -> None:
        if len(found) >= limit:
            return
        rows = [dict(r) for r in conn.execute(sql, (*params, *fparams, limit * 4))]
        if order is not None:
            rows.sort(key=order)
        for r in rows:
            if r["id"] not in found:
                r["match"] = match
                found[r["id"]] = r
                if len(found) >= limit:
                    return

    cols = "e.id, e.uscc, e.name, e.address, e.legal_representative, e.township_id, e.industry, " \
           "e.risk_level, e.uscc_check_ok, e.status"
    code = uscc_mod.normalise(text)
    if len(code) == uscc_mod.LENGTH:
        take(f"SELECT {cols} FROM enterprises e WHERE e.uscc = ? AND {where} LIMIT ?", (code,), "uscc")
    if uscc_mod.looks_like_prefix(text):
        take(f"SELECT {cols} FROM enterprises e WHERE e.uscc >= ? AND e.uscc < ? AND {where}"
             " ORDER BY e.uscc LIMIT ?", (code, code + "~"), "uscc_prefix")
    take(f"SELECT {cols} FROM enterprises e WHERE e.name >= ? AND e.name < ? AND {where}"
         " ORDER BY e.name LIMIT ?", (text, text + "\U0010ffff"), "name_prefix")

    fts = (f"SELECT {cols} FROM enterprise_search s JOIN enterprises e ON e.search_key = s.rowid"
           f" WHERE enterprise_search MATCH ? AND {where} LIMIT ?")
    ascii_letters = text.isascii() and text.isalpha()
    if ascii_letters:
        letters = [c for c in chars if c.isascii()]
        prefix = "".join(letters)[:PY_TOKEN_MAX]
        take(fts, (f"py_initials : ^ \"{prefix}\" *",), "pinyin_prefix", lambda r: len(r["name"]))
        take(fts, (f"py_full : ^ \"{prefix}\" *",), "pinyin_prefix", lambda r: len(r["name"]))
    take(fts, (f"name_chars : {_phrase(chars)}",), "name",
         lambda r: (r["name"].find(text) if text in r["name"] else 99, len(r["name"])))
    if ascii_letters:
        take(fts, (f"py_initials : \"{prefix}\" *",), "pinyin", lambda r: len(r["name"]))
        take(fts, (f"py_full : \"{prefix}\" *",), "pinyin", lambda r: len(r["name"]))
    take(fts, (f"other_chars : {_phrase(chars)}",), "other", lambda r: len(r["name"]))
    return list(found.values())


def count(conn: sqlite3.Connection, query: str, *, filters: Filters | None = None) -> int:
    """How many enterprises `search` finds with no limit (the UI's 找到 N 家), counted by index.

    The text tiers are one FTS query with OR (the name-prefix and "^" pinyin tiers are subsets of it), so
    they count without a union; USCC-prefix matches are added by inclusion–exclusion, the overlap counted
    from the smaller side, so a query such as "91" that matches every code of 100 000 stays fast.
    """
    filters = filters or Filters()
    where, fparams = filters.sql()
    text = unicodedata.normalize("NFKC", query).strip()
    chars = _chars(text)
    if not chars:
        return 0
    terms = [f"name_chars : {_phrase(chars)}", f"other_chars : {_phrase(chars)}"]
    if text.isascii() and text.isalpha():
        prefix = "".join(c for c in chars if c.isascii())[:PY_TOKEN_MAX]
        terms += [f"py_initials : \"{prefix}\" *", f"py_full : \"{prefix}\" *"]
    match = " OR ".join(f"({t})" for t in terms)
    fts = "enterprise_search s JOIN enterprises e ON e.search_key = s.rowid WHERE enterprise_search MATCH ?"

    def scalar(sql: str, params: Sequence[Any]) -> int:
        return int(conn.execute(sql, tuple(params)).fetchone()[0])

    if where == "1":
        total = scalar("SELECT count(*) FROM enterprise_search WHERE enterprise_search MATCH ?", (match,))
    else:
        total = scalar(f"SELECT count(*) FROM {fts} AND {where}", (match, *fparams))
    code = uscc_mod.normalise(text)
    if uscc_mod.looks_like_prefix(text):
        codes = f"e.uscc >= ? AND e.uscc < ? AND {where}"
        by_code = scalar(f"SELECT count(*) FROM enterprises e WHERE {codes}", (code, code + "~", *fparams))
        if by_code and total:
            if by_code <= total:
                both = scalar(f"SELECT count(*) FROM enterprises e WHERE {codes} AND e.search_key IN"
                              " (SELECT rowid FROM enterprise_search WHERE enterprise_search MATCH ?)",
                              (code, code + "~", *fparams, match))
            else:
                both = scalar(f"SELECT count(*) FROM {fts} AND {codes}", (match, code, code + "~", *fparams))
            total -= both
        total += by_code
    elif len(code) == uscc_mod.LENGTH:
        total += scalar(f"SELECT count(*) FROM enterprises e WHERE e.uscc = ? AND {where} AND e.search_key NOT IN"
                        " (SELECT rowid FROM enterprise_search WHERE enterprise_search MATCH ?)",
                        (code, *fparams, match))
    return total


def like_scan(conn: sqlite3.Connection, query: str) -> list[str]:
    """The naive baseline the benchmark compares against: every match, to be ranked afterwards."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM enterprises WHERE name LIKE ? OR address LIKE ? OR legal_representative LIKE ?",
        (f"%{query}%", f"%{query}%", f"%{query}%"))]


def tags_of(row: Mapping[str, Any]) -> list[str]:
    value = row.get("tags") or "[]"
    return list(json.loads(value)) if isinstance(value, str) else list(value)
