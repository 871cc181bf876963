from __future__ import annotations

import pytest

from fieldapp.errors import ValidationError
from fieldapp.models import uscc


def test_hyphens_and_inner_spaces_are_removed() -> None:
    assert uscc.normalise("9135-0100-M000-100Y43") == "91350100M000100Y43"
    assert uscc.normalise(" 9135 0100\tm000100y43\n") == "91350100M000100Y43"
    assert uscc.parse("9135-0100-M000100Y43").code == "91350100M000100Y43"


def test_an_empty_code_says_so() -> None:
    for raw in ("", "   ", "--"):
        with pytest.raises(ValidationError) as err:
            uscc.parse(raw)
        assert (err.value.en, err.value.zh) == ("the USCC is empty", "统一社会信用代码为空")


def test_a_code_of_the_wrong_length_names_its_length() -> None:
    with pytest.raises(ValidationError) as err:
        uscc.parse("12345abc")
    assert err.value.en == "the USCC must have 18 characters, '12345ABC' has 8"
    assert err.value.zh == "统一社会信用代码应为 18 位，12345ABC 为 8 位"


def test_a_forbidden_letter_is_named() -> None:
    with pytest.raises(ValidationError) as err:
        uscc.parse("91350100M00010OY43")
    assert "characters not allowed in a credit code: O" in err.value.en
    assert "含有不允许的字符：O" in err.value.zh


def test_the_check_warning_names_the_expected_character() -> None:
    pilot = uscc.parse("91350100M0001TGQXM")
    assert pilot.warning == "check character of 91350100M0001TGQXM is wrong (expected 1)"
    assert pilot.warning_zh == "代码 91350100M0001TGQXM 校验位不符（应为 1），请核对后确认"
    good = uscc.parse("91350100M000100Y43")
    assert good.warning is None and good.warning_zh is None


def test_is_valid_means_well_formed_with_a_correct_check() -> None:
    assert uscc.is_valid("91350100m000100y43")
    assert not uscc.is_valid("91350100M0001TGQXM")  # legal pilot code, but the check fails
    assert not uscc.is_valid("12345abc")
    assert not uscc.is_valid("")


@pytest.mark.parametrize(("text", "prefix"), [
    ("9", False), ("91", True), ("9135", True), ("91350100M000100Y43", True), ("91350100M000100Y431", False),
    ("MA", False), ("9I", False), ("宏达", False), ("９１３５", True), ("91-35", True),
])
def test_a_search_looks_like_a_code_from_two_characters_with_a_digit(text: str, prefix: bool) -> None:
    assert uscc.looks_like_prefix(text) is prefix
