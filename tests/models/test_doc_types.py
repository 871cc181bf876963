"""The one registry of document types: what is stored, printed, numbered and signed into the QR code."""

from __future__ import annotations

import pytest

from fieldapp.errors import ValidationError
from fieldapp.models import doc_types, settings
from fieldapp.models.doc_types import DocType
from fieldapp.models.store import Store


def test_the_qr_type_byte_of_each_document_never_changes() -> None:
    # Printed in every issued notice's signed QR payload: a new number would make old notices unverifiable.
    assert {t.value: t.qr_code for t in DocType} == {
        "inspection_record": 1, "rectification_order": 2, "reinspection_opinion": 3, "onsite_measures": 4}
    assert all(doc_types.by_qr_code(t.qr_code) is t for t in DocType)
    assert doc_types.by_qr_code(5) is None and doc_types.by_qr_code(0) is None


def test_a_type_is_its_stored_code_and_knows_its_title_and_number_code() -> None:
    order = doc_types.get("rectification_order")
    assert order is DocType.RECTIFICATION_ORDER and order == "rectification_order"
    assert (order.title_zh, order.short_zh, order.number_code) == ("责令限期整改指令书", "整改指令书", "责改")
    assert [t for t in DocType if t.lists_findings] == [DocType.RECTIFICATION_ORDER, DocType.ONSITE_MEASURES]
    assert len({t.title_zh for t in DocType}) == len({t.number_code for t in DocType}) == len(DocType) == 4


def test_an_unknown_code_is_refused_for_work_and_shown_as_it_is_in_lists() -> None:
    with pytest.raises(ValidationError) as err:
        doc_types.get("order")
    assert "use one of inspection_record, rectification_order, reinspection_opinion, onsite_measures" in err.value.en
    assert err.value.zh == "未知的文书种类：order"
    assert doc_types.title("order") == "order" and doc_types.title(None) == ""
    assert doc_types.title("onsite_measures") == "现场处理措施决定书"


def test_the_number_codes_in_the_settings_default_to_the_registrys(store: Store) -> None:
    assert settings.get(store, "document_type_codes") == {t.value: t.number_code for t in DocType}
