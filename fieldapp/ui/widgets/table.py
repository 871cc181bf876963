"""The table view every list screen uses: whole rows selected, no editing, rows tall enough for a finger."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHeaderView, QTableView


def make_table(model: Any, stretch: int = 0) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(40)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    return table
