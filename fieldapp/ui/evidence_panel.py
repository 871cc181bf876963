"""Photos of a finding: file picker, drag and drop, thumbnail strip.

Built against fieldapp.services.evidence (attach / list_for), imported lazily so the editor works while
that service is still being written: without it the panel says so in Chinese instead of failing.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import FieldappError
from fieldapp.ui import util
from fieldapp.ui.tasks import AppContext

PHOTO_PATTERNS = "*.jpg *.jpeg *.png *.heic *.heif *.webp *.mp4 *.mov *.m4a *.mp3 *.wav"
THUMB = 96


def evidence_service() -> ModuleType:
    try:
        from fieldapp.services import evidence
    except ImportError as exc:
        raise FieldappError("the evidence service is not available yet",
                            "照片证据功能尚未就绪（证据服务未安装），暂时无法添加或查看照片") from exc
    return evidence


class EvidencePanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidencePanel")
        self.ctx = ctx
        self.finding_id: str | None = None
        self.items: list[dict[str, Any]] = []
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        head = QHBoxLayout()
        self.caption = QLabel(self.tr("Photos and recordings"))
        self.caption.setObjectName("sectionTitle")
        self.add_button = util.button(self.tr("Add photos…"))
        head.addWidget(self.caption, 1)
        head.addWidget(self.add_button)
        layout.addLayout(head)
        self.strip = QListWidget()
        self.strip.setObjectName("evidenceStrip")
        self.strip.setViewMode(QListView.ViewMode.IconMode)
        self.strip.setFlow(QListView.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setIconSize(QSize(THUMB, THUMB))
        self.strip.setMinimumHeight(THUMB + 40)
        self.strip.setMaximumHeight(THUMB + 56)
        self.strip.setAcceptDrops(False)
        layout.addWidget(self.strip)
        self.hint = QLabel(self.tr("Drop photo files here, or press “Add photos…”."))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.add_button.clicked.connect(self.pick_files)

    def set_finding(self, finding_id: str | None) -> None:
        self.finding_id = finding_id
        self.add_button.setEnabled(finding_id is not None)
        self.reload()

    def reload(self) -> None:
        self.strip.clear()
        if self.finding_id is None:
            return
        try:
            service = evidence_service()
        except FieldappError as exc:
            self.hint.setText(exc.zh)
            return
        finding_id = self.finding_id
        self.ctx.op(self, lambda c: service.list_for(c.workspace, finding_id=finding_id)).success(
            self.show_items).failure(lambda exc: self.hint.setText(getattr(exc, "zh", str(exc)))).run()

    def show_items(self, items: list[dict[str, Any]]) -> None:
        self.items = list(items)
        self.strip.clear()
        for item in self.items:
            thumb = item.get("thumb_path") or item.get("path")
            pixmap = QPixmap(str(thumb)) if thumb else QPixmap()
            entry = QListWidgetItem(QIcon(pixmap) if not pixmap.isNull() else QIcon(), item.get("caption") or "")
            entry.setData(Qt.ItemDataRole.UserRole, item.get("id"))
            entry.setToolTip(str(item.get("captured_at") or ""))
            self.strip.addItem(entry)
        self.hint.setText(self.tr("%n file(s) attached. Drop more files here to add them.", "", len(self.items))
                          if self.items else self.tr("Drop photo files here, or press “Add photos…”."))

    def pick_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), "",
                                                self.tr("Photos and recordings") + f" ({PHOTO_PATTERNS})")
        if files:
            self.attach([Path(f) for f in files])

    def attach(self, paths: list[Path]) -> None:
        if self.finding_id is None or not paths:
            return
        try:
            service = evidence_service()
        except FieldappError as exc:
            util.show_error(self, exc.zh)
            return
        finding_id = self.finding_id
        self.ctx.op(self, lambda c: service.attach(c.workspace, finding_id=finding_id, paths=paths)).changes(
            "evidence").with_progress(self.tr("Importing photos…")).success(lambda _r: self.reload()).run()

    # -- drag and drop ------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.finding_id and event.mimeData().hasUrls() and any(
                u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.attach(paths)
