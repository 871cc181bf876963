from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.errors import FieldappError, ValidationError
from fieldapp.models import numbering
from fieldapp.models.store import Store


def test_number_follows_the_configured_format(store: Store) -> None:
    from fieldapp.models import settings as settings_mod

    settings_mod.set_value(store, "document_prefix", "梁应急")
    numbering.assign_block(store, doc_type="rectification_order", year=2026, first=15, last=16)
    first = numbering.allocate(store, "rectification_order", 2026)
    assert first.number == "梁应急责改〔2026〕15号"
    assert numbering.allocate(store, "rectification_order", 2026).serial == 16


def test_exhausted_block_says_how_to_get_more(store: Store) -> None:
    numbering.assign_block(store, doc_type="rectification_order", year=2026, first=1, last=1)
    numbering.allocate(store, "rectification_order", 2026)
    with pytest.raises(FieldappError) as err:
        numbering.allocate(store, "rectification_order", 2026)
    assert "request a new number block" in err.value.en and "申请新的编号段" in err.value.zh


def test_low_water_warning_below_ten(store: Store) -> None:
    numbering.assign_block(store, doc_type="inspection_record", year=2026, first=1, last=12)
    assert not numbering.allocate(store, "inspection_record", 2026).low  # 11 left
    assert not numbering.allocate(store, "inspection_record", 2026).low  # 10 left
    assert numbering.allocate(store, "inspection_record", 2026).low  # 9 left


def test_overlapping_block_is_refused(store: Store) -> None:
    numbering.assign_block(store, doc_type="rectification_order", year=2026, first=1, last=50)
    with pytest.raises(ValidationError):
        numbering.assign_block(store, doc_type="rectification_order", year=2026, first=50, last=60)
    numbering.assign_block(store, doc_type="rectification_order", year=2027, first=1, last=50)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sizes=st.lists(st.integers(1, 8), min_size=1, max_size=6),
       uses=st.lists(st.tuples(st.integers(0, 5), st.integers(1, 10)), max_size=20))
def test_no_duplicate_numbers_across_devices_with_blocks(tmp_path_factory: pytest.TempPathFactory,
                                                         sizes: list[int], uses: list[tuple[int, int]]) -> None:
    """The office hands out blocks with next_free_range; each device issues offline from its own."""
    root: Path = tmp_path_factory.mktemp("devices")
    devices = [Store.open(root / f"d{i}.sqlite3") for i in range(3)]
    try:
        handed: list[tuple[int, int]] = []
        for i, size in enumerate(sizes):
            first, last = numbering.next_free_range(handed, size)
            handed.append((first, last))
            numbering.assign_block(devices[i % 3], doc_type="rectification_order", year=2026, first=first, last=last)
        issued: list[str] = []
        for device_index, count in uses:
            dev = devices[device_index % 3]
            for _ in range(count):
                try:
                    issued.append(numbering.allocate(dev, "rectification_order", 2026).number)
                except FieldappError:
                    break
        assert len(issued) == len(set(issued))
        assert len(issued) <= sum(sizes)
    finally:
        for d in devices:
            d.close()


@given(st.lists(st.tuples(st.integers(1, 500), st.integers(0, 30)), max_size=10), st.integers(1, 40))
def test_next_free_range_never_overlaps(blocks: list[tuple[int, int]], size: int) -> None:
    existing = [(a, a + n) for a, n in blocks]
    first, last = numbering.next_free_range(existing, size)
    assert last - first + 1 == size and first >= 1
    assert not numbering.overlaps(existing, first, last)
