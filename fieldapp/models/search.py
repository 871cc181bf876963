"""Enterprise search: name, address, people, USCC prefix and pinyin, ranked (the index: search_index).

Queries are reduced to letters and digits before they reach FTS, so `"`, `*` or FTS keywords in user input
are plain text. Ranking is by tiers, each answered by an index and stopped at the limit, so a one-character
query that matches half the county costs no more than a rare one: exact USCC, USCC prefix, name prefix
(including pinyin of the name's start), name substring (including pinyin), then other fields.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.models import uscc as uscc_mod
from fieldapp.models.search_index import PY_TOKEN_MAX, letters_and_digits


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
    chars = letters_and_digits(text)
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
    chars = letters_and_digits(text)
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


