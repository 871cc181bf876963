"""Number blocks: the rules that keep two devices from ever issuing the same 文书编号."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.errors import ValidationError
from fieldapp.models import numbering
from fieldapp.models.doc_types import DocType
from fieldapp.models.store import Store


def brute_overlaps(blocks: list[tuple[int, int]], first: int, last: int) -> bool:
    taken = {n for a, b in blocks for n in range(a, b + 1)}
    return any(n in taken for n in range(first, last + 1))


def brute_lowest_free(blocks: list[tuple[int, int]], size: int) -> tuple[int, int]:
    start = 1
    while brute_overlaps(blocks, start, start + size - 1):
        start += 1
    return start, start + size - 1


ranges = st.tuples(st.integers(1, 120), st.integers(0, 25)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(ranges, max_size=8), ranges)
def test_overlap_is_any_shared_serial(blocks: list[tuple[int, int]], candidate: tuple[int, int]) -> None:
    assert numbering.overlaps(blocks, *candidate) == brute_overlaps(blocks, *candidate)


@pytest.mark.parametrize(("first", "last", "clash"), [
    (10, 20, True), (20, 30, True), (1, 10, True), (15, 15, True), (5, 25, True),
    (21, 30, False), (1, 9, False),
])
def test_touching_blocks_share_a_serial_only_when_an_end_meets_an_end(first: int, last: int, clash: bool) -> None:
    assert numbering.overlaps([(10, 20)], first, last) is clash


@given(st.lists(ranges, max_size=8), st.integers(1, 30))
def test_the_allocator_returns_the_lowest_free_range(blocks: list[tuple[int, int]], size: int) -> None:
    assert numbering.next_free_range(blocks, size) == brute_lowest_free(blocks, size)


def test_the_allocator_fills_a_gap_that_is_just_big_enough() -> None:
    assert numbering.next_free_range([(1, 10), (16, 30)], 5) == (11, 15)
    assert numbering.next_free_range([(1, 10), (16, 30)], 6) == (31, 36)
    assert numbering.next_free_range([(5, 10)], 4) == (1, 4)
    assert numbering.next_free_range([(5, 10)], 5) == (11, 15)


def test_a_block_needs_at_least_one_serial() -> None:
    with pytest.raises(ValidationError, match="at least one serial"):
        numbering.next_free_range([], 0)
    assert numbering.next_free_range([], 1) == (1, 1)


@pytest.mark.parametrize(("first", "last"), [(0, 5), (10, 5), (-3, 2), (0, 0)])
def test_invalid_ranges_are_refused(store: Store, first: int, last: int) -> None:
    with pytest.raises(ValidationError) as err:
        numbering.assign_block(store, doc_type="rectification_order", year=2026, first=first, last=last)
    assert err.value.en == f"invalid serial range {first}-{last}"
    assert store.scalar("SELECT count(*) FROM number_blocks") == 0


def test_a_one_serial_block_is_valid(store: Store) -> None:
    numbering.assign_block(store, doc_type="rectification_order", year=2026, first=7, last=7)
    assert numbering.allocate(store, "rectification_order", 2026).serial == 7


def test_a_block_ending_on_another_blocks_first_serial_is_refused(store: Store) -> None:
    numbering.assign_block(store, doc_type="rectification_order", year=2026, first=10, last=20)
    with pytest.raises(ValidationError, match="overlap"):
        numbering.assign_block(store, doc_type="rectification_order", year=2026, first=1, last=10)
    numbering.assign_block(store, doc_type="rectification_order", year=2026, first=1, last=9)
    numbering.assign_block(store, doc_type="rectification_order", year=2026, first=21, last=21)
    # Another type or another issuer has its own serials.
    numbering.assign_block(store, doc_type="inspection_record", year=2026, first=10, last=20)
    numbering.assign_block(store, doc_type="rectification_order", year=2026, first=10, last=20, issuer="梁应急")


def test_an_unknown_document_type_is_refused(store: Store) -> None:
    with pytest.raises(ValidationError, match="unknown document type 'order'"):
        numbering.assign_block(store, doc_type="order", year=2026, first=1, last=5)


def test_serials_are_taken_in_order_across_blocks_and_counted(store: Store) -> None:
    numbering.assign_block(store, doc_type="rectification_order", year=2026, first=30, last=31)
    numbering.assign_block(store, doc_type="rectification_order", year=2026, first=5, last=6)
    taken = [numbering.allocate(store, "rectification_order", 2026) for _ in range(4)]
    assert [a.serial for a in taken] == [5, 6, 30, 31]
    assert [a.remaining for a in taken] == [3, 2, 1, 0]
    assert numbering.remaining(store, "rectification_order", 2026) == 0
    assert numbering.remaining(store, "rectification_order", 2027) == 0


def test_blocks_of_another_device_are_never_used(store: Store) -> None:
    numbering.assign_block(store, doc_type="rectification_order", year=2026, first=1, last=5, device_id="other")
    assert numbering.remaining(store, "rectification_order", 2026) == 0
    with pytest.raises(Exception, match="no document numbers left"):
        numbering.allocate(store, "rectification_order", 2026)


def test_document_types_and_their_titles() -> None:
    assert {t.value: t.title_zh for t in DocType} == {
        "inspection_record": "现场检查记录", "rectification_order": "责令限期整改指令书",
        "reinspection_opinion": "整改复查意见书", "onsite_measures": "现场处理措施决定书",
    }


@pytest.mark.parametrize(("call", "en", "zh"), [
    (lambda s: numbering.assign_block(s, doc_type="order", year=2026, first=1, last=5),
     "unknown document type 'order'; use one of inspection_record, rectification_order, reinspection_opinion, "
     "onsite_measures", "未知的文书种类：order"),
    (lambda s: numbering.next_free_range([], 0), "a block needs at least one serial", "号段至少包含一个编号"),
    (lambda s: numbering.assign_block(s, doc_type="rectification_order", year=2026, first=9, last=3),
     "invalid serial range 9-3", "号段范围无效：9-3"),
    (lambda s: numbering.allocate(s, "rectification_order", 2026),
     "no document numbers left for 责令限期整改指令书 2026 on this device: request a new number block from the "
     "office (it arrives with the next sync)",
     "本终端2026年“责令限期整改指令书”的文书编号已用完：请向单位申请新的编号段（同步后即可使用）"),
])
def test_each_refusal_says_why(store: Store, call: object, en: str, zh: str) -> None:
    from fieldapp.errors import FieldappError

    with pytest.raises(FieldappError) as err:
        call(store)  # type: ignore[operator]
    assert (err.value.en, err.value.zh) == (en, zh)


def test_an_overlap_names_the_range(store: Store) -> None:
    numbering.assign_block(store, doc_type="rectification_order", year=2026, first=1, last=50)
    with pytest.raises(ValidationError) as err:
        numbering.assign_block(store, doc_type="rectification_order", year=2026, first=40, last=60)
    assert (err.value.en, err.value.zh) == ("serials 40-60 overlap a block already assigned", "号段 40-60 与已分配的号段重叠")


def test_the_block_list_shows_what_is_left_newest_year_first(store: Store) -> None:
    numbering.assign_block(store, doc_type="rectification_order", year=2026, first=11, last=20)
    numbering.assign_block(store, doc_type="rectification_order", year=2026, first=1, last=10)
    numbering.assign_block(store, doc_type="inspection_record", year=2027, first=1, last=5)
    numbering.allocate(store, "rectification_order", 2026)
    listed = numbering.list_blocks(store)
    assert [(b["year"], b["doc_type"], b["first_serial"], b["last_serial"], b["next_serial"], b["remaining"])
            for b in listed] == [(2027, "inspection_record", 1, 5, 1, 5), (2026, "rectification_order", 1, 10, 2, 9),
                                 (2026, "rectification_order", 11, 20, 11, 10)]
    assert all(b["assigned_device"] == store.device_id and b["issuer"] == "示应急" for b in listed)


def test_an_allocation_cannot_be_altered(store: Store) -> None:
    import dataclasses

    numbering.assign_block(store, doc_type="rectification_order", year=2026, first=1, last=5)
    taken = numbering.allocate(store, "rectification_order", 2026)
    with pytest.raises(dataclasses.FrozenInstanceError):
        taken.serial = 2  # type: ignore[misc]
