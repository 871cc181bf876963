"""The tile with one key figure (home and statistics screens, sync state)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout


class BigNumber(QFrame):
    """A tile with one key figure, readable from a step away."""

    def __init__(self, caption: str, tone: str = "") -> None:
        super().__init__()
        self.setObjectName("tile")
        self.setProperty("tone", tone)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        self.value = QLabel("–")
        self.value.setObjectName("bigNumber")
        self.caption = QLabel(caption)
        self.caption.setObjectName("tileCaption")
        self.caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set(self, value: object, caption: str | None = None) -> None:
        self.value.setText(str(value))
        if caption is not None:
            self.caption.setText(caption)
        # The tone is a property of the tile: the figure re-reads its colour when it changes.
        self.value.style().unpolish(self.value)
        self.value.style().polish(self.value)
