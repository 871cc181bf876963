"""How the command line shows codes: the Chinese title an inspector knows, with the code where it is typed.

`numbers assign --type`, `findings list --status`, `findings transition` and `notices list --status` take
the codes, so those columns show both (责令整改 (ordered)); elsewhere the title alone. --json output keeps
the bare codes for scripts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from fieldapp.services.vocabulary import DOC_STATUS_ZH, FINDING_GRADES, STATUS_ZH, DocType


def _with_code(titles: dict[str, str]) -> Callable[[Any], str]:
    def label(code: Any) -> str:
        title = titles.get(str(code))
        return f"{title} ({code})" if title else ("" if code is None else str(code))

    return label


def _title(titles: dict[str, str]) -> Callable[[Any], str]:
    return lambda code: titles.get(str(code), "" if code is None else str(code))


DOC_TITLES = {t.value: t.title_zh for t in DocType}
doc_type = _with_code(DOC_TITLES)  # 责令限期整改指令书 (rectification_order)
doc_type_title = _title(DOC_TITLES)  # 责令限期整改指令书
doc_status = _with_code(DOC_STATUS_ZH)  # 已签发 (issued)
finding_status = _with_code(STATUS_ZH)  # 责令整改 (ordered)
grade = _title(FINDING_GRADES)  # 一般隐患


def labelled(rows: Iterable[dict[str, Any]], **columns: Callable[[Any], str]) -> list[dict[str, Any]]:
    """Copies of `rows` with the named columns shown through their label functions."""
    return [{**row, **{c: f(row.get(c)) for c, f in columns.items() if c in row}} for row in rows]
