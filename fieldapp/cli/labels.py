"""How the command line shows codes: the Chinese title an inspector knows, with the code where it is typed.

`numbers assign --type`, `findings list --status`, `findings transition` and `notices list --status` take
the codes, so those columns show both (责令整改 (ordered)); elsewhere the title alone. --json output keeps
the bare codes for scripts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from fieldapp.models import documents, lifecycle, numbering, taxonomy


def _with_code(titles: dict[str, str]) -> Callable[[Any], str]:
    def label(code: Any) -> str:
        title = titles.get(str(code))
        return f"{title} ({code})" if title else ("" if code is None else str(code))

    return label


def _title(titles: dict[str, str]) -> Callable[[Any], str]:
    return lambda code: titles.get(str(code), "" if code is None else str(code))


doc_type = _with_code(numbering.DOC_TYPES)  # 责令限期整改指令书 (rectification_order)
doc_type_title = _title(numbering.DOC_TYPES)  # 责令限期整改指令书
doc_status = _with_code(documents.STATUS_ZH)  # 已签发 (issued)
finding_status = _with_code(lifecycle.STATUS_ZH)  # 责令整改 (ordered)
grade = _title(taxonomy.FINDING_GRADES)  # 一般隐患


def labelled(rows: Iterable[dict[str, Any]], **columns: Callable[[Any], str]) -> list[dict[str, Any]]:
    """Copies of `rows` with the named columns shown through their label functions."""
    return [{**row, **{c: f(row.get(c)) for c, f in columns.items() if c in row}} for row in rows]
