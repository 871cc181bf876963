"""The shell: a left navigation with large touch targets and one page per screen in a stack.

Pages are built the first time they are shown (or reached through an attribute such as `window.hazards`):
start-up builds only the page on screen, so the window is interactive in well under a second even over
100 000 enterprises, and modules that pull in heavy libraries (PDF, crypto) load only when needed.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from fieldapp.resources import resource_path
from fieldapp.services import first_start
from fieldapp.ui import util
from fieldapp.ui.tasks import AppContext
from fieldapp.workspace import Workspace

NAV_ITEM_HEIGHT = 56

# key -> (module, class): imported on first use.
PAGES: dict[str, tuple[str, str]] = {
    "home": ("fieldapp.ui.home_page", "HomePage"),
    "enterprises": ("fieldapp.ui.enterprise_page", "EnterprisePage"),
    "inspection": ("fieldapp.ui.inspection_page", "InspectionPage"),
    "hazards": ("fieldapp.ui.hazards_page", "HazardsPage"),
    "documents": ("fieldapp.ui.documents_page", "DocumentsPage"),
    "sync": ("fieldapp.ui.sync_page", "SyncPage"),
    "statistics": ("fieldapp.ui.statistics_page", "StatisticsPage"),
    "settings": ("fieldapp.ui.settings_page", "SettingsPage"),
}


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext | Workspace, *, start_page: str = "home") -> None:
        super().__init__()
        # A bare Workspace (selftest, older callers) gets a context owned and closed by this window.
        self._owns_ctx = isinstance(ctx, Workspace)
        ctx = AppContext(ctx) if isinstance(ctx, Workspace) else ctx
        self.ctx = ctx
        self.is_demo = first_start.is_demo(ctx.read)
        title = self.tr("fieldapp — Work-safety field inspection")
        # The demo county is never mistaken for real records: its window says so in the title bar.
        self.setWindowTitle(title + (" — " + self.tr("DEMO DATA") if self.is_demo else ""))
        self.resize(1366, 768)
        self._built: dict[str, QWidget] = {}
        self._slots: dict[str, QWidget] = {}
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
        for key in PAGES:
            item = QListWidgetItem(QIcon(str(resource_path("icons", f"{key}.svg"))), labels[key])
            item.setSizeHint(QSize(0, NAV_ITEM_HEIGHT))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            # An empty slot per page keeps the stack indices equal to the navigation rows.
            slot = QWidget()
            slot_layout = QHBoxLayout(slot)
            slot_layout.setContentsMargins(0, 0, 0, 0)
            self._slots[key] = slot
            self.stack.addWidget(slot)
        # Wide enough for the longest label at 150 % scaling, narrow enough to leave the page its room.
        self.nav.setMinimumWidth(120)
        self.nav.setMaximumWidth(150)
        self.screens = QWidget()
        layout = QHBoxLayout(self.screens)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        # A real data directory that is still empty starts on the first-start screen instead.
        self.outer = QStackedWidget()
        self.outer.addWidget(self.screens)
        self.first_start: Any = None
        if first_start.needs_first_start(ctx.read):
            from fieldapp.ui.first_start import FirstStartPage

            self.first_start = FirstStartPage(ctx)
            self.first_start.done.connect(self.leave_first_start)
            self.outer.addWidget(self.first_start)
            self.outer.setCurrentWidget(self.first_start)
        self.setCentralWidget(self.outer)
        self.nav.currentRowChanged.connect(self._on_row)
        self.show_page(start_page)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            util.follow_keyboard(app)  # text fields stay above the on-screen keyboard of a tablet
        ctx.bus.navigate.connect(self.navigate)
        ctx.bus.data_changed.connect(self._leave_first_start_once_filled)
        ctx.bus.status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.statusBar().showMessage(self.tr("Data directory: %1").replace("%1", str(ctx.workspace.data_dir)))
        if self.is_demo:
            mark = QLabel(self.tr("Demo data — not official records"))
            mark.setObjectName("demoMark")
            self.statusBar().addPermanentWidget(mark)

    def _leave_first_start_once_filled(self, _changes: object) -> None:
        # Data that arrived another way (an enrolment through the sync page, a sync) ends the first start too.
        if self.outer.currentWidget() is self.first_start and not first_start.needs_first_start(self.ctx.read):
            self.outer.setCurrentWidget(self.screens)

    def leave_first_start(self) -> None:
        """The directory holds data now (or the user starts empty): the normal screens, from home."""
        self.outer.setCurrentWidget(self.screens)
        self.show_page("home")

    # -- pages, built on demand ----------------------------------------------------------------------

    def page(self, key: str) -> Any:
        page = self._built.get(key)
        if page is None:
            module, name = PAGES[key]
            page = getattr(importlib.import_module(module), name)(self.ctx)
            self._built[key] = page
            slot_layout = self._slots[key].layout()
            assert slot_layout is not None
            slot_layout.addWidget(page)
        return page

    @property
    def pages(self) -> dict[str, QWidget]:
        return {key: self.page(key) for key in PAGES}

    @property
    def home(self) -> Any:
        return self.page("home")

    @property
    def enterprises(self) -> Any:
        return self.page("enterprises")

    @property
    def inspection(self) -> Any:
        return self.page("inspection")

    @property
    def hazards(self) -> Any:
        return self.page("hazards")

    @property
    def documents(self) -> Any:
        return self.page("documents")

    @property
    def sync(self) -> Any:
        return self.page("sync")

    @property
    def statistics(self) -> Any:
        return self.page("statistics")

    @property
    def settings(self) -> Any:
        return self.page("settings")

    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        self.page(list(PAGES)[row])
        self.stack.setCurrentIndex(row)

    # The registry list under the names the first window had (fieldapp.selftest drives it).
    @property
    def model(self) -> Any:
        return self.enterprises.list.model

    @property
    def search(self) -> QLineEdit:
        return self.enterprises.list.search

    def run_search(self) -> None:
        self.enterprises.list.run_search()

    def confirm_close(self) -> bool:
        """Pages and open dialogs holding unsaved edits ask 保存/放弃/取消 first; 取消 keeps the window open."""
        asked = [*self._built.values(), *(d for d in self.findChildren(QDialog) if d.isVisible())]
        checks = [getattr(w, "confirm_close", None) for w in asked]
        return all(check() for check in checks if callable(check))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_close():
            event.ignore()
            return
        if self._owns_ctx:
            self.ctx.close()
        super().closeEvent(event)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(list(PAGES).index(key))

    def current_page(self) -> str:
        return list(PAGES)[self.nav.currentRow()]

    def navigate(self, kind: str, target: Any) -> None:
        if kind == "enterprise":
            self.enterprises.show_enterprise(str(target))
            self.show_page("enterprises")
        elif kind == "start_inspection":
            self.inspection.start_for(str(target))
            self.show_page("inspection")
        elif kind == "start_assignment":
            self.inspection.start_for(str(target["enterprise_id"]), assignment=target)
            self.show_page("inspection")
        elif kind == "inspection":
            self.inspection.show_inspection(str(target))
            self.show_page("inspection")
        elif kind == "finding":
            self.show_page("hazards")
            self.hazards.select_finding(str(target))
        elif kind == "document":
            self.show_page("documents")
            self.documents.open_document(str(target))
