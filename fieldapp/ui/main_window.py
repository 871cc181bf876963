"""The shell: a left navigation with large touch targets and one page per screen in a stack."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from fieldapp.resources import resource_path
from fieldapp.ui.documents_page import DocumentsPage
from fieldapp.ui.enterprise_model import EnterpriseTableModel
from fieldapp.ui.enterprise_page import EnterprisePage
from fieldapp.ui.hazards_page import HazardsPage
from fieldapp.ui.home_page import HomePage
from fieldapp.ui.inspection_page import InspectionPage
from fieldapp.ui.settings_page import SettingsPage
from fieldapp.ui.statistics_page import StatisticsPage
from fieldapp.ui.sync_page import SyncPage
from fieldapp.ui.tasks import AppContext
from fieldapp.workspace import Workspace

NAV_ITEM_HEIGHT = 56


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext | Workspace) -> None:
        super().__init__()
        # A bare Workspace (selftest, older callers) gets a context owned and closed by this window.
        self._owns_ctx = isinstance(ctx, Workspace)
        ctx = AppContext(ctx) if isinstance(ctx, Workspace) else ctx
        self.ctx = ctx
        self.setWindowTitle(self.tr("fieldapp — Work-safety field inspection"))
        self.resize(1366, 768)
        self.home = HomePage(ctx)
        self.enterprises = EnterprisePage(ctx)
        self.inspection = InspectionPage(ctx)
        self.hazards = HazardsPage(ctx)
        self.documents = DocumentsPage(ctx)
        self.sync = SyncPage(ctx)
        self.statistics = StatisticsPage(ctx)
        self.settings = SettingsPage(ctx)
        self.pages: dict[str, QWidget] = {
            "home": self.home, "enterprises": self.enterprises, "inspection": self.inspection,
            "hazards": self.hazards, "documents": self.documents, "sync": self.sync,
            "statistics": self.statistics, "settings": self.settings,
        }
        labels = {
            "home": self.tr("Home"), "enterprises": self.tr("Enterprises"), "inspection": self.tr("Inspection"),
            "hazards": self.tr("Hazards"), "documents": self.tr("Documents"), "sync": self.tr("Sync"),
            "statistics": self.tr("Statistics"), "settings": self.tr("Settings"),
        }
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(26, 26))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        for key, page in self.pages.items():
            item = QListWidgetItem(QIcon(str(resource_path("icons", f"{key}.svg"))), labels[key])
            item.setSizeHint(QSize(0, NAV_ITEM_HEIGHT))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            self.stack.addWidget(page)
        # Wide enough for the longest label at 150 % scaling, narrow enough to leave the page its room.
        self.nav.setMinimumWidth(120)
        self.nav.setMaximumWidth(150)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        ctx.bus.navigate.connect(self.navigate)
        ctx.bus.status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.statusBar().showMessage(self.tr("Data directory: %1").replace("%1", str(ctx.workspace.data_dir)))

    # The registry list under the names the first window had (fieldapp.selftest drives it).
    @property
    def model(self) -> EnterpriseTableModel:
        return self.enterprises.list.model

    @property
    def search(self) -> QLineEdit:
        return self.enterprises.list.search

    def run_search(self) -> None:
        self.enterprises.list.run_search()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._owns_ctx:
            self.ctx.close()
        super().closeEvent(event)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(list(self.pages).index(key))

    def navigate(self, kind: str, target: Any) -> None:
        if kind == "enterprise":
            self.enterprises.show_enterprise(str(target))
            self.show_page("enterprises")
        elif kind == "start_inspection":
            self.inspection.start_for(str(target))
            self.show_page("inspection")
        elif kind == "inspection":
            self.inspection.show_inspection(str(target))
            self.show_page("inspection")
        elif kind == "finding":
            self.show_page("hazards")
            self.hazards.select_finding(str(target))
