"""A draft notice's spec: written once by the draft service, read back typed wherever a draft is opened."""

from __future__ import annotations

import json

from fieldapp.models import documents, enterprises
from fieldapp.models.audit import canonical_json
from fieldapp.models.documents import DraftSpec, Measures
from fieldapp.models.store import Store


def test_a_spec_reads_back_as_it_was_saved(store: Store) -> None:
    enterprise = enterprises.create(store, {"name": "宏达化工有限公司", "uscc": "91350100M000100Y43"})
    spec = DraftSpec(finding_ids=("f1", "f2"), deadline=None, fallback_deadline="2026-03-20",
                     interim_measures="停用配电箱",
                     measures=Measures(withdraw_workers=True, danger_zone="罐区", suspended_facilities=("1号罐",)),
                     reinspection_id=None)
    row = documents.create_draft(store, doc_type="onsite_measures", enterprise_id=enterprise["id"],
                                 content=spec.content())
    assert DraftSpec.of(documents.get(store, row["id"])) == spec
    saved = json.loads(documents.get(store, row["id"])["content"])["spec"]
    assert saved["finding_ids"] == ["f1", "f2"] and saved["measures"]["suspended_facilities"] == ["1号罐"]


def test_a_draft_saved_with_a_partial_spec_still_opens() -> None:
    old = {"content": canonical_json({"spec": {"finding_ids": ["f1"], "measures": {"suspend_production": True},
                                               "deadline": "2026-04-01"}})}
    spec = DraftSpec.of(old)
    assert spec.finding_ids == ("f1",) and spec.deadline == "2026-04-01" and spec.interim_measures == ""
    assert spec.measures == Measures(suspend_production=True) and spec.reinspection_id is None
    assert DraftSpec.of({"content": canonical_json({"spec": {"measures": {}}})}).measures is None


def test_an_issued_notice_or_damaged_content_has_an_empty_spec() -> None:
    issued = {"content": canonical_json({"kind": "责令限期整改指令书", "number": "示应急责改〔2026〕1号"})}
    assert DraftSpec.of(issued) == DraftSpec()
    assert DraftSpec.of({"content": "{not json"}) == DraftSpec() == DraftSpec.of({"content": None})
    assert DraftSpec.of({"content": "[1, 2]"}) == DraftSpec()
