"""统一社会信用代码 (GB 32100-2015): normalisation, format validation and the check character.

A format error (length, a character outside the 31-symbol set) rejects the code. A wrong check
character is only a warning: early pilot codes are legal yet fail it (domain.md §4).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from fieldapp.errors import ValidationError

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
VALUES = {c: i for i, c in enumerate(ALPHABET)}
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
LENGTH = 18


@dataclass(frozen=True)
class Uscc:
    code: str
    check_ok: bool

    @property
    def warning(self) -> str | None:
        if self.check_ok:
            return None
        return f"check character of {self.code} is wrong (expected {check_char(self.code[:17])})"

    @property
    def warning_zh(self) -> str | None:
        if self.check_ok:
            return None
        return f"代码 {self.code} 校验位不符（应为 {check_char(self.code[:17])}），请核对后确认"


def normalise(raw: str) -> str:
    # NFKC turns full-width digits and letters (Excel and IME input) into ASCII.
    text = unicodedata.normalize("NFKC", raw)
    return "".join(text.split()).replace("-", "").upper()


def check_char(first17: str) -> str:
    total = sum(VALUES[c] * w for c, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def parse(raw: str) -> Uscc:
    """Normalise and validate; raises ValidationError on a format error."""
    code = normalise(raw)
    if not code:
        raise ValidationError("the USCC is empty", "统一社会信用代码为空")
    if len(code) != LENGTH:
        raise ValidationError(
            f"the USCC must have 18 characters, {code!r} has {len(code)}",
            f"统一社会信用代码应为 18 位，{code} 为 {len(code)} 位",
        )
    bad = sorted({c for c in code if c not in VALUES})
    if bad:
        shown = " ".join(bad)
        raise ValidationError(
            f"the USCC {code!r} contains characters not allowed in a credit code: {shown} "
            "(I, O, S, V, Z and punctuation are never used)",
            f"统一社会信用代码 {code} 含有不允许的字符：{shown}（代码中不使用 I、O、S、V、Z 及标点）",
        )
    return Uscc(code, check_char(code[:17]) == code[17])


def is_valid(raw: str) -> bool:
    try:
        return parse(raw).check_ok
    except ValidationError:
        return False


def looks_like_prefix(text: str) -> bool:
    """True when a search query could be the start of a credit code."""
    code = normalise(text)
    return 2 <= len(code) <= LENGTH and all(c in VALUES for c in code) and any(c.isdigit() for c in code)
