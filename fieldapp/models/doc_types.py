"""The enforcement documents (执法文书, domain.md §7): the one registry of their types that every layer reads.

A type's code (``rectification_order``) is what the database, bundles and the command line store and type;
``title_zh`` is the form's title, printed at its head and shown wherever the type is named; ``short_zh`` fits
a narrow list column; ``number_code`` is the default type abbreviation in its number (责改 in
梁应急责改〔2026〕15号; an office may change it in the settings); ``qr_code`` is the type byte of the signed QR
payload. The codes and the QR bytes never change: notices issued earlier must still verify.
"""

from __future__ import annotations

from enum import StrEnum

from fieldapp.errors import ValidationError


class DocType(StrEnum):
    """A document type; the member is its code (a ``str``), so it compares equal to the stored value."""

    title_zh: str
    short_zh: str
    number_code: str
    qr_code: int
    lists_findings: bool  # the notice lists the hazards the inspector ticks

    def __new__(cls, code: str, title_zh: str, short_zh: str, number_code: str, qr_code: int,
                lists_findings: bool) -> DocType:
        member = str.__new__(cls, code)
        member._value_ = code
        member.title_zh = title_zh
        member.short_zh = short_zh
        member.number_code = number_code
        member.qr_code = qr_code
        member.lists_findings = lists_findings
        return member

    INSPECTION_RECORD = ("inspection_record", "现场检查记录", "检查记录", "检记", 1, False)
    RECTIFICATION_ORDER = ("rectification_order", "责令限期整改指令书", "整改指令书", "责改", 2, True)
    # Issued with the re-inspection it reports on (整改复查意见书 follows an order).
    REINSPECTION_OPINION = ("reinspection_opinion", "整改复查意见书", "复查意见书", "复查", 3, False)
    # For a major hazard (安全生产法 第六十五条): withdraw workers, suspend production or facilities.
    ONSITE_MEASURES = ("onsite_measures", "现场处理措施决定书", "处理决定书", "现决", 4, True)


BY_CODE: dict[str, DocType] = {t.value: t for t in DocType}


def get(code: str) -> DocType:
    """The type of a code, or a ValidationError naming the known codes."""
    found = BY_CODE.get(code)
    if found is None:
        raise ValidationError(f"unknown document type {code!r}; use one of {', '.join(DocType)}",
                              f"未知的文书种类：{code}")
    return found


def title(code: str | None) -> str:
    """The form's title of a code; an unknown code (a newer device's type) is shown as it is."""
    found = BY_CODE.get(code or "")
    return found.title_zh if found else (code or "")


def by_qr_code(value: int) -> DocType | None:
    return next((t for t in DocType if t.qr_code == value), None)
