"""The main window (first version): the enterprise registry with search-as-you-type and a detail pane."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.models import areas, enterprises, findings, inspections, lifecycle
from fieldapp.models import uscc as uscc_mod
from fieldapp.ui.enterprise_model import EnterpriseTableModel
from fieldapp.workspace import Workspace

SEARCH_DEBOUNCE_MS = 120


class EnterpriseDetail(QWidget):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.form = QFormLayout(self)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.form.addRow(self.title)
        self.labels: dict[str, QLabel] = {}
        names = {
            "uscc": self.tr("USCC"), "legal_representative": self.tr("Legal representative"),
            "principal": self.tr("Principal"), "phone": self.tr("Phone"), "address": self.tr("Address"),
            "township": self.tr("Township"), "industry": self.tr("Industry"), "tags": self.tr("Special hazards"),
            "risk_level": self.tr("Risk level"), "employees": self.tr("Employees"), "status": self.tr("Status"),
            "history": self.tr("Inspections"), "open": self.tr("Open hazards"),
        }
        for key, label in names.items():
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key] = value
            self.form.addRow(label + "：", value)
        self.warning = QLabel()
        self.warning.setObjectName("usccWarning")
        self.warning.setWordWrap(True)
        self.form.addRow(self.warning)
        self.show_enterprise(None)

    def show_enterprise(self, enterprise_id: str | None) -> None:
        if enterprise_id is None:
            self.title.setText(self.tr("Select an enterprise"))
            for label in self.labels.values():
                label.clear()
            self.warning.clear()
            return
        store = self.workspace.store
        row = enterprises.display(enterprises.get(store, enterprise_id), areas.township_names(store))
        self.title.setText(row["name"])
        for key in ("uscc", "legal_representative", "principal", "phone", "address", "township", "industry",
                    "risk_level", "employees", "status"):
            value = row.get(key)
            if key == "industry" and row.get("sub_sector"):
                value = f"{value}（{row['sub_sector']}）"
            self.labels[key].setText("" if value is None else str(value))
        self.labels["tags"].setText("、".join(row["tags"]))
        history = inspections.list_inspections(store, enterprise_id=enterprise_id)
        self.labels["history"].setText(
            self.tr("%n inspection(s)", "", len(history))
            + (self.tr(", last on %1").replace("%1", history[0]["started_at"][:10]) if history else ""))
        open_findings = [f for f in findings.list_findings(store, enterprise_id=enterprise_id)
                         if f["status"] in lifecycle.OPEN_STATES]
        overdue = sum(1 for f in open_findings if f["overdue"])
        text = self.tr("%n open", "", len(open_findings))
        if overdue:
            text += self.tr(", %n overdue", "", overdue)
        self.labels["open"].setText(text)
        parsed = uscc_mod.parse(row["uscc"])
        self.warning.setText("⚠ " + (parsed.warning_zh or "") if not parsed.check_ok else "")


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.setWindowTitle(self.tr("fieldapp — Work-safety field inspection"))
        self.resize(1366, 768)

        self.search = QLineEdit()
        self.search.setObjectName("enterpriseSearch")
        self.search.setPlaceholderText(self.tr("Search name, address, person, USCC or pinyin (e.g. hdhg)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(40)
        self.count_label = QLabel()

        self.model = EnterpriseTableModel(workspace.store, self)
        self.table = QTableView()
        self.table.setObjectName("enterpriseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(36)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 190), (2, 100), (3, 110), (4, 80), (5, 110)):
            self.table.setColumnWidth(col, width)

        self.detail = EnterpriseDetail(workspace)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count_label)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([860, 480])
        self.setCentralWidget(splitter)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self.debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self.debounce.start())
        self.search.returnPressed.connect(self.run_search)
        self.table.selectionModel().currentRowChanged.connect(self.on_row)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)
        self.update_count()
        self.statusBar().showMessage(self.tr("Data directory: %1").replace("%1", str(workspace.data_dir)))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def run_search(self) -> None:
        self.debounce.stop()
        self.model.set_query(self.search.text())
        self.update_count()
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.detail.show_enterprise(None)

    def update_count(self) -> None:
        if self.model.query:
            shown = self.model.rowCount()
            self.count_label.setText(self.tr("%n match(es)", "", shown))
        else:
            self.count_label.setText(self.tr("%n enterprise(s)", "", self.model.total))

    def on_row(self, current: object, _previous: object) -> None:
        row = current.row() if hasattr(current, "row") else -1
        self.detail.show_enterprise(self.model.enterprise_id(row) if row >= 0 else None)
