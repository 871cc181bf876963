"""Number blocks: the rules that keep two devices from ever issuing the same 文书编号."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.errors import ValidationError
from fieldapp.models import numbering
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
