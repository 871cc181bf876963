"""Photos of a finding: file picker, camera, drag and drop, thumbnail strip, annotation.

Built against fieldapp.services.evidence (attach / list_for / set_overlay), imported lazily: the photo
libraries it needs load when photos are first handled, not at start-up, and should it fail to load the panel
says so in Chinese instead of failing. Thumbnails carry the photo's annotations (photo_annotator: an overlay, never burned into the
file). Whether a camera exists is asked once the panel is on screen (camera_dialog.has_camera, cached):
QtMultimedia is not loaded at start-up.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap, QShowEvent
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
from fieldapp.services.changes import Entity
from fieldapp.ui import util
from fieldapp.ui.photo_annotator import PhotoAnnotator, with_overlay
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
    dialog_opened = Signal(object)  # the PhotoAnnotator / CameraDialog, for tests and screenshots

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
        self.camera_button = util.button(self.tr("Take photo"))
        self.camera_button.setObjectName("cameraButton")
        self.camera_button.setEnabled(False)  # until has_camera() has answered
        self.annotate_button = util.button(self.tr("Annotate photo"))
        self.annotate_button.setObjectName("annotateButton")
        self.annotate_button.setEnabled(False)
        head.addWidget(self.caption, 1)
        head.addWidget(self.add_button)
        head.addWidget(self.camera_button)
        head.addWidget(self.annotate_button)
        layout.addLayout(head)
        self.camera_checked = False
        self.camera_available = False
        self.dialog: Any = None
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
        # Said in words, not in a tooltip: a finger cannot hover.
        self.no_camera = QLabel(self.tr("No camera was found on this device: take the photos with a camera or "
                                        "phone and add them with “Add photos…”."))
        self.no_camera.setObjectName("hint")
        self.no_camera.setWordWrap(True)
        self.no_camera.hide()
        layout.addWidget(self.no_camera)
        self.add_button.clicked.connect(self.pick_files)
        self.camera_button.clicked.connect(self.open_camera)
        self.annotate_button.clicked.connect(self.annotate_selected)
        self.strip.currentRowChanged.connect(lambda _row: self.update_buttons())
        self.strip.itemActivated.connect(lambda item: self.annotate(self.strip.row(item)))
        ctx.bus.data_changed.connect(self.on_changed)

    # -- camera (asked once the panel is on screen, so opening the editor is not slowed down) ----------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.camera_checked:
            QTimer.singleShot(0, self.check_camera)

    def check_camera(self) -> None:
        from fieldapp.ui.camera_dialog import has_camera

        self.camera_checked = True
        self.camera_available = has_camera()
        self.no_camera.setVisible(not self.camera_available)
        self.update_buttons()

    def open_camera(self) -> None:
        if self.finding_id is None or not self.camera_available:
            return
        from fieldapp.ui.camera_dialog import CameraDialog

        dialog = CameraDialog(self.ctx.workspace.data_dir, self)
        dialog.captured.connect(lambda path: self.attach([path], temporary=True))
        self.dialog = dialog
        self.dialog_opened.emit(dialog)
        dialog.open()

    # -- annotation -----------------------------------------------------------------------------------

    def selected_item(self) -> dict[str, Any] | None:
        row = self.strip.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def update_buttons(self) -> None:
        has_finding = self.finding_id is not None
        self.add_button.setEnabled(has_finding)
        self.camera_button.setEnabled(has_finding and self.camera_available)
        item = self.selected_item()
        self.annotate_button.setEnabled(item is not None and item.get("kind") == "photo")

    def annotate_selected(self) -> None:
        self.annotate(self.strip.currentRow())

    def annotate(self, row: int) -> PhotoAnnotator | None:
        if not 0 <= row < len(self.items) or self.items[row].get("kind") != "photo":
            return None
        dialog = PhotoAnnotator(self.ctx, self.items[row], self)
        self.dialog = dialog
        self.dialog_opened.emit(dialog)
        dialog.open()
        return dialog

    def on_changed(self, changes: frozenset[Entity]) -> None:
        # Hidden editors (kept by their pages) do not reload: the next set_finding does.
        if Entity.EVIDENCE in changes and self.finding_id is not None and self.isVisible():
            self.reload()

    def set_finding(self, finding_id: str | None) -> None:
        self.finding_id = finding_id
        self.update_buttons()
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
        selected = self.selected_item()
        self.items = list(items)
        self.strip.clear()
        for item in self.items:
            thumb = item.get("thumb_path") or item.get("path")
            pixmap = with_overlay(QPixmap(str(thumb)) if thumb else QPixmap(), item.get("overlay"))
            # The caption, or when the photo was taken: shown, not left to a tooltip a finger cannot reach.
            label = item.get("caption") or util.short_time(item.get("captured_at"))[5:]
            entry = QListWidgetItem(QIcon(pixmap) if not pixmap.isNull() else QIcon(), label)
            entry.setData(Qt.ItemDataRole.UserRole, item.get("id"))
            entry.setToolTip(str(item.get("captured_at") or ""))
            self.strip.addItem(entry)
        ids = [i.get("id") for i in self.items]
        if selected is not None and selected.get("id") in ids:
            self.strip.setCurrentRow(ids.index(selected.get("id")))
        elif self.items:
            self.strip.setCurrentRow(len(self.items) - 1)  # the photo just added is the one to mark up
        self.update_buttons()
        self.hint.setText(self.tr("%n file(s) attached. Drop more files here to add them.", "", len(self.items))
                          if self.items else self.tr("Drop photo files here, or press “Add photos…”."))

    def pick_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), "",
                                                self.tr("Photos and recordings") + f" ({PHOTO_PATTERNS})")
        if files:
            self.attach([Path(f) for f in files])

    def attach(self, paths: list[Path], *, temporary: bool = False) -> None:
        """Attach through the worker; `temporary` files (camera shots) are removed once stored."""
        if self.finding_id is None or not paths:
            return
        try:
            service = evidence_service()
        except FieldappError as exc:
            util.show_error(self, exc.zh)
            return
        finding_id = self.finding_id

        def op(c: Any) -> Any:
            result = service.attach(c.workspace, finding_id=finding_id, paths=paths)
            if temporary:
                for path in paths:
                    Path(path).unlink(missing_ok=True)
            return result

        self.ctx.op(self, op).with_progress(self.tr("Importing photos…")).success(lambda _r: self.reload()).run()

    # -- drag and drop ------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.finding_id and event.mimeData().hasUrls() and any(
                u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.attach(paths)
