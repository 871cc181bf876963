"""What a user action changed, so every open screen can decide whether to redraw (Anki's OpChanges).

A service that changes data returns `Done(value, changes)`; one that only reads returns its value. The
desktop's operation runner announces `changes` on the application bus; the web console and the CLI may
ignore them. Screens test membership (`Entity.FINDINGS in changes`), never hand-typed strings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Entity(StrEnum):
    ENTERPRISES = "enterprises"
    INSPECTIONS = "inspections"
    ANSWERS = "answers"  # checklist answers of an inspection
    FINDINGS = "findings"
    REINSPECTIONS = "reinspections"
    DOCUMENTS = "documents"
    EVIDENCE = "evidence"
    INSPECTORS = "inspectors"
    CHECKLISTS = "checklists"
    NUMBERS = "numbers"  # document-number blocks
    SETTINGS = "settings"
    BACKUPS = "backups"
    SYNC = "sync"  # peers, bundles, conflicts, assignments


@dataclass(frozen=True)
class Changes:
    entities: frozenset[Entity] = frozenset()
    ids: frozenset[str] = field(default=frozenset())  # the records created or changed, when known

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.entities | other.entities, self.ids | other.ids)

    def __contains__(self, entity: object) -> bool:
        return entity in self.entities

    def __bool__(self) -> bool:
        return bool(self.entities)


def changed(*entities: Entity, ids: Iterable[str | None] = ()) -> Changes:
    return Changes(frozenset(entities), frozenset(i for i in ids if i))


NOTHING = Changes()
EVERYTHING = Changes(frozenset(Entity))  # a restore, an enrolment, a bundle import


@dataclass(frozen=True)
class Done(Generic[T]):
    """The value a changing service returns, with what it changed."""

    value: T
    changes: Changes
