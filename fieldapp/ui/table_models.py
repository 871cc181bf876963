"""Qt table models over core query results (napari's adapters): tested without any widget."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from fieldapp.services import findings
from fieldapp.services.findings import FindingFilters
from fieldapp.services.inspections import ChecklistItem
from fieldapp.services.vocabulary import CHECKLIST_ANSWERS, FINDING_GRADES, OPEN_STATES, STATUS_ZH
from fieldapp.workspace import Workspace

ModelIndex = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]
RED = QColor("#b91c1c")
ORANGE = QColor("#b45309")
GREEN = QColor("#15803d")
GREY = QColor("#6b7280")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    fmt: Callable[[Row], Any] | None = None


class FlatTableModel(QAbstractTableModel):
    """A flat table (no tree): its rows and horizontal headers; subclasses give both and `data`."""

    def row_total(self) -> int:
        raise NotImplementedError

    def header_labels(self) -> Sequence[str]:
        raise NotImplementedError

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.header_labels())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.header_labels()[section]
        return None


class RowsModel(FlatTableModel):
    """Rows (dicts) from a core query shown through a list of columns."""

    def __init__(self, columns: Sequence[Column], parent: Any = None,
                 tone: Callable[[Row], QColor | None] | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Row] = []
        self.tone = tone

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Row:
        return self.rows[index]

    def row_total(self) -> int:
        return len(self.rows)

    def header_labels(self) -> Sequence[str]:
        return [c.header for c in self.columns]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = column.fmt(row) if column.fmt else row.get(column.key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and self.tone is not None:
            colour = self.tone(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.UserRole:
            return row.get("id")
        return None


# -- findings ------------------------------------------------------------------------------------

def finding_status_text(row: Row) -> str:
    text = str(STATUS_ZH.get(row["status"], row["status"]))
    return text + QCoreApplication.translate("FindingTableModel", " (overdue)") if row.get("overdue") else text


def finding_tone(row: Row) -> QColor | None:
    if row.get("overdue"):
        return RED
    if row["status"] not in OPEN_STATES:  # resolved, referred or voided
        return GREY
    if row["grade"] == "major":
        return ORANGE
    return None


class FindingTableModel(RowsModel):
    """Hazards across enterprises; overdue rows in red. The query is indexed and runs on the main thread."""

    def __init__(self, ws: Workspace, headers: Sequence[str], parent: Any = None) -> None:
        keys = ("enterprise_name", "description", "grade", "status", "deadline", "campaign")
        fmts: dict[str, Callable[[Row], Any]] = {
            "grade": lambda r: FINDING_GRADES.get(r["grade"], r["grade"]),
            "status": finding_status_text,
            "deadline": lambda r: (r.get("deadline") or "")[:10],
        }
        super().__init__([Column(k, h, fmts.get(k)) for k, h in zip(keys, headers, strict=True)], parent,
                         tone=finding_tone)
        self.ws = ws
        self.filters = FindingFilters()
        self.campaigns: list[str] = []

    def reload(self, filters: FindingFilters | None = None, today: date | None = None, *,
               keep: str | None = None) -> None:
        """Query with the filters (the last ones if none given); `keep`: see services.findings.list_findings."""
        if filters is not None:
            self.filters = filters
        found = findings.list_findings(self.ws, self.filters, keep=keep, today=today)
        self.campaigns = found.campaigns
        self.set_rows(found.rows)

    def index_of(self, finding_id: str) -> int:
        for i, r in enumerate(self.rows):
            if r["id"] == finding_id:
                return i
        return -1


# -- checklist items of an inspection -----------------------------------------------------------

ANSWER_TONE = {"yes": GREEN, "no": RED, "na": GREY}


@dataclass
class ItemRow:
    """An item on screen: its answer changes as the officer works, before the database has it."""

    template_id: str
    template_title: str
    section: str
    item: dict[str, Any]
    basis: str
    answer: str | None = None
    note: str | None = None
    finding_id: str | None = None
    saving: bool = False

    @property
    def code(self) -> str:
        return str(self.item["code"])


class ChecklistItemsModel(FlatTableModel):
    """Every item of the templates an inspection uses, with its answer (updated as the officer works)."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.items: list[ItemRow] = []

    def load(self, items: Sequence[ChecklistItem]) -> None:
        """The items of services.inspections.walk."""
        self.beginResetModel()
        self.items = [ItemRow(i.template_id, i.template_title, i.section, i.item, i.basis, i.answer, i.note,
                              i.finding_id) for i in items]
        self.endResetModel()

    def set_answer(self, row: int, answer: str | None, *, note: str | None = None,
                   finding_id: str | None = None, saving: bool = False) -> None:
        item = self.items[row]
        item.answer, item.saving = answer, saving
        if note is not None:
            item.note = note
        item.finding_id = finding_id
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def counts(self) -> tuple[int, int, int]:
        """(answered, total, 不符合)."""
        answered = sum(1 for i in self.items if i.answer)
        return answered, len(self.items), sum(1 for i in self.items if i.answer == "no")

    def first_unanswered(self, start: int = 0) -> int:
        for i in range(start, len(self.items)):
            if not self.items[i].answer:
                return i
        return -1

    def row_total(self) -> int:
        return len(self.items)

    def header_labels(self) -> Sequence[str]:
        return self.headers  # code, check, result

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return item.code
            if col == 1:
                return (QCoreApplication.translate("ChecklistItemsModel", "[major] ") if item.item.get("major") else ""
                        ) + item.item["check"]
            text = CHECKLIST_ANSWERS.get(item.answer or "", "")
            return text + ("…" if item.saving else "")
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            return item.item["check"]
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and item.answer:
            return QBrush(ANSWER_TONE[item.answer])
        if role == Qt.ItemDataRole.FontRole and col == 2 and item.answer:
            font = QFont()
            font.setBold(True)
            return font
        return None
