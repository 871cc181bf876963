from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.errors import ValidationError
from fieldapp.models import uscc

VALID = "91350100M000100Y43"
PILOT = "91350100M0001TGQXM"

codes17 = st.text(alphabet=uscc.ALPHABET, min_size=17, max_size=17)


def test_domain_example_passes_the_check() -> None:
    assert uscc.parse(VALID).check_ok


def test_pilot_code_is_accepted_with_a_warning() -> None:
    parsed = uscc.parse(PILOT)
    assert parsed.code == PILOT
    assert not parsed.check_ok
    assert parsed.warning and "check character" in parsed.warning
    assert parsed.warning_zh and "校验位" in parsed.warning_zh


def test_full_width_lower_case_and_spaces_are_normalised() -> None:
    assert uscc.parse(" ９１３５０１００ｍ０００１００ｙ４３ ").code == VALID
    assert uscc.parse("91350100m000100y43").code == VALID
    assert uscc.parse("9135 0100 M000 100Y 43").code == VALID


@pytest.mark.parametrize("bad", ["91350100M000100I43", "91350100O000100Y43", "91350100S000100Y43",
                                 "91350100V000100Y43", "91350100Z000100Y43"])
def test_letters_outside_the_code_set_are_rejected(bad: str) -> None:
    with pytest.raises(ValidationError) as err:
        uscc.parse(bad)
    assert "not allowed" in err.value.en and "不允许" in err.value.zh


@pytest.mark.parametrize("bad", ["", "9135010", "91350100M000100Y431", "91350100M000100Y4"])
def test_wrong_length_is_rejected(bad: str) -> None:
    with pytest.raises(ValidationError):
        uscc.parse(bad)


@given(codes17)
def test_generated_codes_pass(body: str) -> None:
    assert uscc.parse(body + uscc.check_char(body)).check_ok


@given(codes17, st.integers(0, 17), st.sampled_from(uscc.ALPHABET))
def test_every_single_character_substitution_is_detected(body: str, position: int, replacement: str) -> None:
    code = body + uscc.check_char(body)
    if code[position] == replacement:
        return
    altered = code[:position] + replacement + code[position + 1:]
    assert not uscc.parse(altered).check_ok
