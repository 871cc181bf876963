"""Saving settings: every value validated, all of them in one transaction."""

from __future__ import annotations

import pytest

from fieldapp.errors import ValidationError
from fieldapp.services import settings
from fieldapp.services.changes import Entity
from fieldapp.workspace import Workspace


def test_a_refused_value_leaves_every_setting_as_it_was(ws: Workspace) -> None:
    before = settings.current_settings(ws)
    with pytest.raises(ValidationError) as refused:
        settings.save_settings(ws, {"due_soon_days": 5, "issuing_unit": "梁山县应急管理局",
                                    "document_number_format": "{prefix}{type}"})
    assert "{serial}" in refused.value.zh
    assert settings.current_settings(ws) == before  # not the two valid values before the bad one either


def test_saved_settings_come_back_as_stored_and_say_what_changed(ws: Workspace) -> None:
    done = settings.save_settings(ws, {"due_soon_days": "7", "keep_photo_originals": "是", "seal_text": " （公章） "})
    assert done.value == {"due_soon_days": 7, "keep_photo_originals": True, "seal_text": "（公章）"}
    assert Entity.SETTINGS in done.changes
    assert settings.setting(ws, "due_soon_days") == 7
    with pytest.raises(ValidationError):
        settings.setting(ws, "no_such_setting")
