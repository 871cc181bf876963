"""拍照: a live viewfinder from the device's camera; every shot is handed over to be attached at once.

QtMultimedia starts its media backend when it is imported, so it is imported only inside functions:
start-up and screens without photos never pay for it. `has_camera()` asks once, caches the answer and
forgets it when a camera is plugged in or out.

Shots are written by QImageCapture.captureToFile into `<data dir>/camera/`; the evidence panel attaches
each one through the database worker (evidence.attach copies it into the evidence store) and then removes
the temporary file. A shot whose attachment failed stays there, so nothing taken is lost.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.ui import util

_known: list[bool] = []  # the cached answer of has_camera()
_devices: list[Any] = []  # the QMediaDevices that clears the cache when cameras change


def has_camera() -> bool:
    """Whether the device has a camera (asked once; QtMultimedia is imported here, not at start-up)."""
    if _known:
        return _known[0]
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        _known.append(False)
        return False
    if not _devices:
        watcher = QMediaDevices()
        watcher.videoInputsChanged.connect(_known.clear)
        _devices.append(watcher)
    _known.append(bool(QMediaDevices.videoInputs()))
    return _known[0]


def capture_dir(data_dir: Path) -> Path:
    path = Path(data_dir) / "camera"
    path.mkdir(parents=True, exist_ok=True)
    return path


class CameraDialog(QDialog):
    """Viewfinder, camera choice (front/back on a tablet), 拍照, 完成."""

    captured = Signal(object)  # Path of a photo written to the capture directory

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession, QMediaDevices
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.setWindowTitle(self.tr("Take photos"))
        self.setObjectName("cameraDialog")
        self.folder = capture_dir(data_dir)
        self.count = 0
        self.cameras = list(QMediaDevices.videoInputs())
        layout = QVBoxLayout(self)
        self.choice = QComboBox()
        self.choice.setMinimumHeight(util.TOUCH)
        for device in self.cameras:
            self.choice.addItem(device.description())
        default = QMediaDevices.defaultVideoInput()
        for i, device in enumerate(self.cameras):
            if device.id() == default.id():
                self.choice.setCurrentIndex(i)
        self.choice.setVisible(len(self.cameras) > 1)
        layout.addWidget(self.choice)
        self.viewfinder = QVideoWidget()
        self.viewfinder.setMinimumSize(480, 320)
        layout.addWidget(self.viewfinder, 1)
        self.state = QLabel(self.tr("Starting the camera…"))
        self.state.setObjectName("hint")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        buttons = QHBoxLayout()
        self.done_button = util.button(self.tr("Done"))
        self.shoot_button = util.button(self.tr("Take photo"), primary=True)
        self.shoot_button.setMinimumHeight(util.TOUCH + 16)
        self.shoot_button.setEnabled(False)
        buttons.addStretch(1)
        buttons.addWidget(self.shoot_button, 2)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)

        self.session = QMediaCaptureSession(self)
        self.capture = QImageCapture(self)
        self.capture.setFileFormat(QImageCapture.FileFormat.JPEG)
        self.capture.setQuality(QImageCapture.Quality.HighQuality)
        self.session.setImageCapture(self.capture)
        self.session.setVideoOutput(self.viewfinder)
        self.camera: Any = None
        self._camera_class = QCamera
        self.capture.readyForCaptureChanged.connect(self.shoot_button.setEnabled)
        self.capture.imageSaved.connect(self._saved)
        self.capture.errorOccurred.connect(lambda _id, _error, text: self.state.setText(
            self.tr("The photo could not be taken: %1").replace("%1", text)))
        self.shoot_button.clicked.connect(self.shoot)
        self.done_button.clicked.connect(self.accept)
        self.choice.currentIndexChanged.connect(self.start_camera)
        self.finished.connect(lambda _r: self.stop_camera())
        self.resize(900, 680)
        self.start_camera()

    def start_camera(self, *_args: Any) -> None:
        self.stop_camera()
        if not self.cameras:
            self.state.setText(self.tr("No camera found on this device."))
            return
        device = self.cameras[max(0, self.choice.currentIndex())]
        self.camera = self._camera_class(device, self)
        self.camera.errorOccurred.connect(lambda _error, text: self.state.setText(
            self.tr("The camera reports a problem: %1").replace("%1", text)))
        self.session.setCamera(self.camera)
        self.camera.start()
        self.state.setText(self.tr("Aim at the hazard and press “Take photo”. Each photo is added to the hazard."))

    def stop_camera(self) -> None:
        if self.camera is not None:
            self.camera.stop()
            self.camera.deleteLater()
            self.camera = None

    def shoot(self) -> None:
        if not self.capture.isReadyForCapture():
            return
        name = datetime.now().strftime("camera-%Y%m%d-%H%M%S-%f.jpg")
        self.capture.captureToFile(str(self.folder / name))

    def _saved(self, _id: int, file_name: str) -> None:
        self.count += 1
        self.state.setText(self.tr("%n photo(s) taken and added to the hazard.", "", self.count))
        self.captured.emit(Path(file_name))
