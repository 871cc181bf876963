"""Qt table model over the enterprise registry: pages from SQLite, never loads 100 000 rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from fieldapp.services import areas
from fieldapp.services import enterprises as service
from fieldapp.services.vocabulary import NO_USCC_ZH
from fieldapp.ui.table_models import FlatTableModel, ModelIndex
from fieldapp.workspace import Workspace

PAGE = 200


class EnterpriseTableModel(FlatTableModel):
    COLUMNS = ("name", "uscc", "township", "industry", "risk_level", "legal_representative")

    def __init__(self, ws: Workspace, parent: Any = None) -> None:
        super().__init__(parent)
        self.ws = ws  # the read-only connection (AppContext.read): committed data only
        self.rows: list[dict[str, Any]] = []
        self.query = ""
        self.filters = service.Filters()
        self.total = 0
        self._townships: dict[str, str] = {}
        self.headers = [self.tr("Name"), self.tr("USCC"), self.tr("Township"), self.tr("Industry"),
                        self.tr("Risk level"), self.tr("Legal representative")]
        self.reload()

    # -- loading -----------------------------------------------------------------------------

    def set_query(self, query: str) -> None:
        self.query = query.strip()
        self.reload()

    def set_filters(self, filters: service.Filters) -> None:
        self.filters = filters
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._townships = areas.township_names(self.ws)
        if self.query:
            self.rows = service.search_enterprises(self.ws, self.query, limit=PAGE, filters=self.filters)
            # Counted only when the first page is full: a rarer query is its own count.
            full = len(self.rows) >= PAGE
            self.total = service.count_matches(self.ws, self.query, filters=self.filters) if full else len(self.rows)
        else:
            self.rows = service.list_enterprises(self.ws, limit=PAGE, filters=self.filters)
            self.total = service.count_enterprises(self.ws, filters=self.filters)
        self.endResetModel()

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        """The next page when the list is scrolled to its end (QAbstractItemView asks by itself)."""
        if self.query:
            # Ranked search has no offset: ask for one page more and append what is not shown yet.
            shown = {r["id"] for r in self.rows}
            found = service.search_enterprises(self.ws, self.query, limit=len(self.rows) + PAGE, filters=self.filters)
            more = [r for r in found if r["id"] not in shown]
        else:
            more = service.list_enterprises(self.ws, offset=len(self.rows), limit=PAGE, filters=self.filters)
        if not more:
            self.total = len(self.rows)  # the registry changed meanwhile: stop asking
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    # -- Qt interface ------------------------------------------------------------------------

    def row_total(self) -> int:
        return len(self.rows)

    def header_labels(self) -> Sequence[str]:
        return self.headers  # one per COLUMNS entry

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "township":
                return self._townships.get(row.get("township_id") or "", "")
            if column == "uscc" and row.get("uscc") and not row.get("uscc_check_ok", 1):
                return f"{row['uscc']} ⚠"  # seen without hovering (the summary below the list says why)
            if column == "uscc" and not row.get("uscc"):
                return NO_USCC_ZH
            return row.get(column) or ""
        if role == Qt.ItemDataRole.ForegroundRole and column == "uscc" and not row.get("uscc_check_ok", 1):
            return QBrush(QColor("#b45309"))
        if role == Qt.ItemDataRole.ForegroundRole and column == "uscc" and not row.get("uscc"):
            return QBrush(QColor("#6b7280"))
        if role == Qt.ItemDataRole.ToolTipRole and column == "uscc" and not row.get("uscc_check_ok", 1):
            return self.tr("The check character of this code is wrong; please verify it")
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    def enterprise_id(self, row: int) -> str:
        return str(self.rows[row]["id"])
