from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from pytestqt.qtbot import QtBot

from fieldapp.models.store import Store
from fieldapp.ui import util
from fieldapp.ui.tasks import AppContext
from fieldapp.workspace import Workspace


@pytest.fixture
def workspace(demo_store: Store) -> Workspace:
    return Workspace(demo_store.path.parent, demo_store)


@pytest.fixture
def ctx(workspace: Workspace, qtbot: QtBot) -> Iterator[AppContext]:
    c = AppContext(workspace)
    yield c
    c.close()


@dataclass
class Dialogs:
    """Stands in for the modal message boxes so a test can see what the user would have been told."""

    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    answer: bool = True
    save_answer: str = "save"  # ask_save: "save" | "discard" | "cancel"
    save_questions: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    d = Dialogs()
    monkeypatch.setattr(util, "show_error", lambda parent, text: d.errors.append(text))
    monkeypatch.setattr(util, "show_info", lambda parent, text: d.infos.append(text))

    def ask(parent: object, text: str) -> bool:
        d.questions.append(text)
        return d.answer

    monkeypatch.setattr(util, "ask", ask)

    def ask_save(parent: object, text: str) -> str:
        d.save_questions.append(text)
        return d.save_answer

    monkeypatch.setattr(util, "ask_save", ask_save)
    monkeypatch.setattr(util, "ask_text", lambda parent, title, label: d.texts.pop(0) if d.texts else None)
    monkeypatch.setattr(util, "ask_date", lambda parent, title, label, default: d.dates.pop(0) if d.dates
                        else default)
    return d
