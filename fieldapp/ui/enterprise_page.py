"""企业: the registry with search-as-you-type and filters, a summary pane, and the editable detail page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.models import (
    areas,
    documents,
    enterprises,
    findings,
    inspections,
    lifecycle,
    numbering,
    search,
    taxonomy,
)
from fieldapp.models import uscc as uscc_mod
from fieldapp.ui import util
from fieldapp.ui.enterprise_model import EnterpriseTableModel
from fieldapp.ui.table_models import Column, RowsModel, finding_status_text, finding_tone
from fieldapp.ui.tasks import AppContext

SEARCH_DEBOUNCE_MS = 120


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


class EnterpriseSummary(QWidget):
    """Key facts of the selected enterprise, with the two actions an inspector wants next."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.enterprise_id: str | None = None
        outer = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        outer.addWidget(self.title)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(self.form)
        self.labels: dict[str, QLabel] = {}
        names = {
            "uscc": self.tr("USCC"), "legal_representative": self.tr("Legal representative"),
            "principal": self.tr("Principal"), "phone": self.tr("Phone"), "address": self.tr("Address"),
            "township": self.tr("Township"), "industry": self.tr("Industry"), "tags": self.tr("Special hazards"),
            "risk_level": self.tr("Risk level"), "employees": self.tr("Employees"), "status": self.tr("Business status"),
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
        outer.addWidget(self.warning)
        outer.addStretch(1)
        buttons = QHBoxLayout()
        self.open_button = util.button(self.tr("Details / edit"))
        self.start_button = util.button(self.tr("Start inspection"), primary=True)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.start_button)
        outer.addLayout(buttons)
        self.open_button.clicked.connect(lambda: self.enterprise_id and self.ctx.bus.navigate.emit(
            "enterprise", self.enterprise_id))
        self.start_button.clicked.connect(lambda: self.enterprise_id and self.ctx.bus.navigate.emit(
            "start_inspection", self.enterprise_id))
        self.show_enterprise(None)

    def show_enterprise(self, enterprise_id: str | None) -> None:
        self.enterprise_id = enterprise_id
        self.open_button.setEnabled(enterprise_id is not None)
        self.start_button.setEnabled(enterprise_id is not None)
        if enterprise_id is None:
            self.title.setText(self.tr("Select an enterprise"))
            for label in self.labels.values():
                label.clear()
            self.warning.clear()
            return
        store = self.ctx.reader
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


class EnterpriseListView(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setObjectName("enterpriseSearch")
        self.search.setPlaceholderText(self.tr("Search name, address, person, USCC or pinyin (e.g. hdhg)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(util.TOUCH)
        self.count_label = QLabel()

        self.township = QComboBox()
        self.industry = QComboBox()
        self.risk = QComboBox()
        self.tag = QComboBox()
        self.township.addItem(self.tr("All townships"), None)
        for t in areas.list_townships(ctx.reader):
            self.township.addItem(t["name"], t["id"])
        self.industry.addItem(self.tr("All industries"), None)
        for name in taxonomy.INDUSTRIES:
            self.industry.addItem(name, name)
        self.risk.addItem(self.tr("All risk levels"), None)
        for level in taxonomy.RISK_LEVELS:
            self.risk.addItem(f"{level}（{taxonomy.RISK_COLOURS[level]}）", level)
        self.tag.addItem(self.tr("All special hazards"), None)
        for tag in taxonomy.SPECIAL_HAZARD_TAGS:
            self.tag.addItem(tag, tag)
        self.open_only = QCheckBox(self.tr("With open hazards"))
        for combo in (self.township, self.industry, self.risk, self.tag):
            combo.setMinimumHeight(util.TOUCH - 4)
            # Narrow enough for a 1366×768 screen at 150 %: the list that opens shows the whole names.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(5)
            combo.currentIndexChanged.connect(self.apply_filters)
        self.open_only.toggled.connect(self.apply_filters)

        self.model = EnterpriseTableModel(ctx.reader, self)
        self.table = make_table(self.model)
        self.table.setObjectName("enterpriseTable")
        for col, width in ((1, 190), (2, 90), (3, 100), (4, 70), (5, 100)):
            self.table.setColumnWidth(col, width)

        self.summary = EnterpriseSummary(ctx)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count_label)
        left_layout.addLayout(bar)
        filters = QHBoxLayout()
        for w in (self.township, self.industry, self.risk, self.tag):
            filters.addWidget(w, 1)
        filters.addWidget(self.open_only)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table)
        splitter = util.side_by_side(left, self.summary, (3, 2), (760, 420))
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self.debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self.debounce.start())
        self.search.returnPressed.connect(self.run_search)
        self.table.selectionModel().currentRowChanged.connect(self.on_row)
        self.table.doubleClicked.connect(self.on_double_click)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)
        # From the search box or the list: Ctrl+Enter starts an inspection of the selected enterprise.
        QShortcut(QKeySequence("Ctrl+Return"), self, self.summary.start_button.click)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.summary.start_button.click)
        self.summary.start_button.setToolTip(self.tr("Ctrl+Enter"))
        self.update_count()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def current_filters(self) -> search.Filters:
        return search.Filters(township_id=self.township.currentData(), industry=self.industry.currentData(),
                              risk_level=self.risk.currentData(), tag=self.tag.currentData(),
                              has_open_findings=self.open_only.isChecked())

    def apply_filters(self) -> None:
        self.model.set_filters(self.current_filters())
        self.after_reload()

    def run_search(self) -> None:
        self.debounce.stop()
        self.model.set_query(self.search.text())
        self.after_reload()

    def reload(self) -> None:
        self.model.reload()
        self.after_reload()

    def after_reload(self) -> None:
        self.update_count()
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.summary.show_enterprise(None)

    def update_count(self) -> None:
        if self.model.query:
            self.count_label.setText(self.tr("%n match(es)", "", self.model.rowCount()))
        else:
            self.count_label.setText(self.tr("%n enterprise(s)", "", self.model.total))

    def on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row()
        self.summary.show_enterprise(self.model.enterprise_id(row) if row >= 0 else None)

    def on_double_click(self, index: QModelIndex) -> None:
        self.ctx.bus.navigate.emit("enterprise", self.model.enterprise_id(index.row()))


class TagPicker(QWidget):
    def __init__(self) -> None:
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, tag in enumerate(taxonomy.SPECIAL_HAZARD_TAGS):
            box = QCheckBox(tag)
            self.boxes[tag] = box
            grid.addWidget(box, i // 3, i % 3)

    def value(self) -> list[str]:
        return [t for t, b in self.boxes.items() if b.isChecked()]

    def set_value(self, tags: list[str]) -> None:
        for t, b in self.boxes.items():
            b.setChecked(t in tags)


class EnterpriseDetailView(QWidget):
    """Registry data (editable), inspection history, open hazards and documents of one enterprise."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.enterprise_id: str | None = None
        self.original: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.back_button = util.button(self.tr("← Back to list"))
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.save_button = util.button(self.tr("Save changes"))
        self.start_button = util.button(self.tr("Start inspection"), primary=True)
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.save_button)
        head.addWidget(self.start_button)
        layout.addLayout(head)
        self.warning = QLabel()
        self.warning.setObjectName("usccWarning")
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.editors: dict[str, Any] = {}
        self.tabs.addTab(self._build_form(), self.tr("Registry data"))
        self.history_model = RowsModel([
            Column("started_at", self.tr("Date"), lambda r: util.short_time(r["started_at"])),
            Column("type", self.tr("Type")),
            Column("status", self.tr("Status"), lambda r: self.tr("In progress") if r["status"] == "in_progress"
                   else self.tr("Completed")),
            Column("findings", self.tr("Hazards found")),
        ], self)
        self.history = make_table(self.history_model, stretch=1)
        self.findings_model = RowsModel([
            Column("description", self.tr("Hazard")),
            Column("grade", self.tr("Grade"), lambda r: taxonomy.FINDING_GRADES.get(r["grade"], r["grade"])),
            Column("status", self.tr("Status"), finding_status_text),
            Column("deadline", self.tr("Deadline"), lambda r: (r.get("deadline") or "")[:10]),
        ], self, tone=finding_tone)
        self.findings = make_table(self.findings_model)
        self.documents_model = RowsModel([
            Column("number", self.tr("Number"), lambda r: r.get("number") or self.tr("(draft)")),
            Column("type", self.tr("Document"), lambda r: numbering.DOC_TYPES.get(r["type"], r["type"])),
            Column("status", self.tr("Status"), lambda r: documents.STATUS_ZH.get(r["status"], r["status"])),
            Column("issued_at", self.tr("Issued"), lambda r: util.short_time(r.get("issued_at"))),
        ], self)
        self.documents = make_table(self.documents_model)
        self.tabs.addTab(self.history, self.tr("Inspections"))
        self.tabs.addTab(self.findings, self.tr("Open hazards"))
        self.tabs.addTab(self.documents, self.tr("Documents"))

        self.start_button.clicked.connect(lambda: self.enterprise_id and self.ctx.bus.navigate.emit(
            "start_inspection", self.enterprise_id))
        self.save_button.clicked.connect(self.save)
        self.history.doubleClicked.connect(lambda i: self.ctx.bus.navigate.emit(
            "inspection", self.history_model.row(i.row())["id"]))
        self.findings.doubleClicked.connect(lambda i: self.ctx.bus.navigate.emit(
            "finding", self.findings_model.row(i.row())["id"]))

    def _build_form(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        townships = [t["name"] for t in areas.list_townships(self.ctx.reader)]
        wide = {"name", "address", "tags"}
        row = col = 0
        for f in enterprises.FIELDS:
            editor: Any
            if f.column == "industry":
                editor = QComboBox()
                editor.addItems(list(taxonomy.INDUSTRIES))
                editor.currentTextChanged.connect(self._industry_changed)
            elif f.column == "sub_sector":
                editor = QComboBox()
                editor.setEditable(True)
            elif f.column == "township":
                editor = QComboBox()
                editor.setEditable(True)
                editor.addItems(townships)
            elif f.column == "tags":
                editor = TagPicker()
            elif f.kind in ("enum", "risk"):
                editor = QComboBox()
                editor.addItem("")
                editor.addItems(list(taxonomy.RISK_LEVELS if f.kind == "risk" else f.choices))
            elif f.kind == "bool":
                editor = QCheckBox()
            else:
                editor = QLineEdit()
            if not isinstance(editor, (TagPicker, QCheckBox)):
                editor.setMinimumHeight(util.TOUCH - 8)
            self.editors[f.column] = editor
            label = QLabel(f.zh + "：")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if f.column in wide:
                if col:
                    row, col = row + 1, 0
                grid.addWidget(label, row, 0)
                grid.addWidget(editor, row, 1, 1, 3)
                row += 1
                continue
            grid.addWidget(label, row, col * 2)
            grid.addWidget(editor, row, col * 2 + 1)
            col = 1 - col
            if col == 0:
                row += 1
        self.editors["uscc"].textChanged.connect(self._uscc_changed)
        grid.setRowStretch(row + 1, 1)
        scroll.setWidget(inner)
        return scroll

    def _industry_changed(self, industry: str) -> None:
        sub = self.editors["sub_sector"]
        current = sub.currentText()
        sub.clear()
        sub.addItem("")
        sub.addItems(list(taxonomy.INDUSTRIES.get(industry, ())))
        sub.setCurrentText(current)

    def _uscc_changed(self, text: str) -> None:
        parsed = uscc_mod.parse(text) if len(uscc_mod.normalise(text)) == uscc_mod.LENGTH else None
        self.warning.setText("⚠ " + parsed.warning_zh if parsed and parsed.warning_zh else "")

    # -- loading and saving -------------------------------------------------------------------------

    def show_enterprise(self, enterprise_id: str) -> None:
        self.enterprise_id = enterprise_id
        self.reload()

    def reload(self) -> None:
        if self.enterprise_id is None:
            return
        store = self.ctx.reader
        row = enterprises.display(enterprises.get(store, self.enterprise_id), areas.township_names(store))
        grid_names = {g["id"]: g["name"] for g in areas.list_grids(store, row.get("township_id"))}
        row["grid"] = grid_names.get(row.get("grid_id") or "", "")
        self.title.setText(row["name"])
        self.original = {}
        for f in enterprises.FIELDS:
            value = row.get(f.column)
            editor = self.editors[f.column]
            if isinstance(editor, TagPicker):
                editor.set_value(list(value or []))
                self.original[f.column] = editor.value()
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
                self.original[f.column] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                editor.setCurrentText("" if value is None else str(value))
                self.original[f.column] = editor.currentText()
            else:
                editor.setText("" if value is None else str(value))
                self.original[f.column] = editor.text()
        self._uscc_changed(self.editors["uscc"].text())
        self.history_model.set_rows(inspections.list_inspections(store, enterprise_id=self.enterprise_id))
        self.findings_model.set_rows([f for f in findings.list_findings(store, enterprise_id=self.enterprise_id)
                                      if f["status"] in lifecycle.OPEN_STATES])
        self.documents_model.set_rows(documents.list_documents(store, enterprise_id=self.enterprise_id))
        self.tabs.setTabText(1, self.tr("Inspections (%1)").replace("%1", str(self.history_model.rowCount())))
        self.tabs.setTabText(2, self.tr("Open hazards (%1)").replace("%1", str(self.findings_model.rowCount())))
        self.tabs.setTabText(3, self.tr("Documents (%1)").replace("%1", str(self.documents_model.rowCount())))

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for column, editor in self.editors.items():
            if isinstance(editor, TagPicker):
                out[column] = editor.value()
            elif isinstance(editor, QCheckBox):
                out[column] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                out[column] = editor.currentText().strip()
            else:
                out[column] = editor.text().strip()
        return out

    def changes(self) -> dict[str, Any]:
        changed = {k: v for k, v in self.values().items() if self.original.get(k) != v}
        if "grid" in changed or "township" in changed:
            # A grid belongs to a township: send both so the core resolves the pair.
            changed["township"] = self.values()["township"]
            changed["grid"] = self.values()["grid"]
        return {k: ("是" if v is True else "否" if v is False else v) for k, v in changed.items()}

    def save(self) -> None:
        if self.enterprise_id is None:
            return
        changes = self.changes()
        if not changes:
            util.show_info(self, self.tr("Nothing was changed."))
            return
        if "uscc" in changes:
            parsed = uscc_mod.parse(str(changes["uscc"]))
            if not parsed.check_ok and not util.ask(self, (parsed.warning_zh or "") + "\n" + self.tr(
                    "Save this code anyway?")):
                return
        enterprise_id = self.enterprise_id
        self.ctx.op(self, lambda c: enterprises.update(c.store, enterprise_id, changes)).changes(
            "enterprises").success(lambda _row: self.saved()).run()

    def saved(self) -> None:
        self.reload()
        self.ctx.bus.status.emit(self.tr("Saved"))


class EnterprisePage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.stack = QStackedWidget()
        self.list = EnterpriseListView(ctx)
        self.detail = EnterpriseDetailView(ctx)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.detail.back_button.clicked.connect(lambda: self.stack.setCurrentWidget(self.list))
        ctx.bus.data_changed.connect(self.on_changed)
        if self.list.model.rowCount():
            self.list.table.selectRow(0)

    def show_enterprise(self, enterprise_id: str) -> None:
        self.detail.show_enterprise(enterprise_id)
        self.stack.setCurrentWidget(self.detail)

    def on_changed(self, changes: frozenset[str]) -> None:
        if changes & {"enterprises", "findings"}:
            current = self.list.summary.enterprise_id
            self.list.model.reload()
            self.list.update_count()
            self.list.summary.show_enterprise(current if current else None)
        if changes & {"enterprises", "inspections", "findings", "documents"} and self.detail.enterprise_id:
            self.detail.reload()
