"""Settings of this installation (issuing unit, document numbers, authorities, defaults): read and save.

Saving is one transaction however many settings change: a value the core refuses leaves every setting as
it was, so the screen never shows half a save.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldapp.models import settings
from fieldapp.models.settings import DEFAULTS, LABELS_ZH
from fieldapp.services.changes import Done, Entity, changed
from fieldapp.workspace import Workspace

# Every setting with its default, and its name as the settings screen shows it.
__all__ = ["DEFAULTS", "LABELS_ZH", "current_settings", "save_settings", "setting"]


def current_settings(ws: Workspace) -> dict[str, Any]:
    """Every setting: the saved value, else its default."""
    return settings.all_settings(ws.store)


def setting(ws: Workspace, key: str) -> Any:
    return settings.get(ws.store, key)


def save_settings(ws: Workspace, values: Mapping[str, Any]) -> Done[dict[str, Any]]:
    """Save the given settings, each validated; returns them as stored (a number typed as text is a number)."""
    store = ws.store
    with store.transaction():
        for key, value in values.items():
            settings.set_value(store, key, value)
        saved = {key: settings.get(store, key) for key in values}
    return Done(saved, changed(Entity.SETTINGS))
