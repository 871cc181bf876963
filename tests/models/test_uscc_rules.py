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


def test_each_forbidden_character_is_named_once() -> None:
    with pytest.raises(ValidationError) as err:
        uscc.parse("91350100M0O01IOY43")
    assert err.value.en == ("the USCC '91350100M0O01IOY43' contains characters not allowed in a credit code: I O "
                            "(I, O, S, V, Z and punctuation are never used)")
    assert err.value.zh == "统一社会信用代码 91350100M0O01IOY43 含有不允许的字符：I O（代码中不使用 I、O、S、V、Z 及标点）"


def test_a_parsed_code_cannot_be_altered() -> None:
    import dataclasses

    parsed = uscc.parse("91350100M000100Y43")
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.code = "91350100M0001TGQXM"  # type: ignore[misc]


def test_the_check_character_needs_exactly_seventeen_characters() -> None:
    assert uscc.check_char("91350100M000100Y4") == "3"
    for wrong in ("91350100M000100Y", "91350100M000100Y43"):
        with pytest.raises(ValueError):
            uscc.check_char(wrong)


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
