"""企业: the registry with search-as-you-type and filters, a summary pane, and the editable detail page.

新增单位 registers an enterprise met on site that the registry lacks (the button beside the search box, and
the offer shown when a search finds nothing, with the searched text as its name). A search shows its true
number of matches and loads the next page when the list is scrolled to its end.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services import areas
from fieldapp.services import enterprises as service
from fieldapp.services.changes import Entity
from fieldapp.services.vocabulary import (
    INDUSTRIES,
    NO_USCC_ZH,
    RISK_COLOURS,
    RISK_LEVELS,
    SPECIAL_HAZARD_TAGS,
)
from fieldapp.ui import util
from fieldapp.ui.enterprise_detail import EnterpriseDetailView
from fieldapp.ui.enterprise_model import EnterpriseTableModel
from fieldapp.ui.enterprise_new import NewEnterpriseDialog
from fieldapp.ui.tasks import AppContext
from fieldapp.ui.widgets import make_table

SEARCH_DEBOUNCE_MS = 120


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
            "uscc": self.tr("USCC"), "legal_representative": self.tr("Legal representative / operator"),
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
        summary = service.enterprise_summary(self.ctx.read, enterprise_id)
        row = summary.enterprise
        self.title.setText(row["name"])
        for key in ("uscc", "legal_representative", "principal", "phone", "address", "township", "industry",
                    "risk_level", "employees", "status"):
            value = row.get(key)
            if key == "industry" and row.get("sub_sector"):
                value = f"{value}（{row['sub_sector']}）"
            if key == "uscc" and not value:
                value = NO_USCC_ZH
            self.labels[key].setText("" if value is None else str(value))
        self.labels["tags"].setText("、".join(row["tags"]))
        history = summary.inspections
        self.labels["history"].setText(
            self.tr("%n inspection(s)", "", len(history))
            + (self.tr(", last on %1").replace("%1", history[0]["started_at"][:10]) if history else ""))
        text = self.tr("%n open", "", len(summary.open_findings))
        if summary.overdue:
            text += self.tr(", %n overdue", "", summary.overdue)
        self.labels["open"].setText(text)
        self.warning.setText("⚠ " + summary.uscc_warning_zh if summary.uscc_warning_zh else "")


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
        self.count_label.setObjectName("searchCount")
        self.new_button = util.button(self.tr("New enterprise"))
        self.new_button.setObjectName("newEnterprise")
        self.new_button.setToolTip(self.tr("Register an enterprise met on site that is not in the registry"))

        self.township = QComboBox()
        self.industry = QComboBox()
        self.risk = QComboBox()
        self.tag = QComboBox()
        self.township.addItem(self.tr("All townships"), None)
        for t in areas.list_townships(ctx.read):
            self.township.addItem(t["name"], t["id"])
        self.industry.addItem(self.tr("All industries"), None)
        for name in INDUSTRIES:
            self.industry.addItem(name, name)
        self.risk.addItem(self.tr("All risk levels"), None)
        for level in RISK_LEVELS:
            self.risk.addItem(f"{level}（{RISK_COLOURS[level]}）", level)
        self.tag.addItem(self.tr("All special hazards"), None)
        for tag in SPECIAL_HAZARD_TAGS:
            self.tag.addItem(tag, tag)
        self.open_only = QCheckBox(self.tr("With open hazards"))
        for combo in (self.township, self.industry, self.risk, self.tag):
            combo.setMinimumHeight(util.TOUCH - 4)
            # Narrow enough for a 1366×768 screen at 150 %: the list that opens shows the whole names.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(5)
            combo.currentIndexChanged.connect(self.apply_filters)
        self.open_only.toggled.connect(self.apply_filters)

        self.model = EnterpriseTableModel(ctx.read, self)
        self.table = make_table(self.model)
        self.table.setObjectName("enterpriseTable")
        for col, width in ((1, 190), (2, 90), (3, 100), (4, 70), (5, 100)):
            self.table.setColumnWidth(col, width)

        # A search that finds nothing offers to register the searched name (a workshop met on site).
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        self.empty_label = util.empty_state("")
        self.register_button = util.button("", primary=True)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.results = QStackedWidget()
        self.results.addWidget(self.table)
        self.results.addWidget(self.empty)

        self.summary = EnterpriseSummary(ctx)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.new_button)
        left_layout.addLayout(bar)
        filters = QHBoxLayout()
        for w in (self.township, self.industry, self.risk, self.tag):
            filters.addWidget(w, 1)
        filters.addWidget(self.open_only)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.results)
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

    def current_filters(self) -> service.Filters:
        return service.Filters(township_id=self.township.currentData(), industry=self.industry.currentData(),
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
            # The true number of matches, not the rows loaded so far (more load as the list scrolls).
            self.count_label.setText(self.tr("%n match(es)", "", self.model.total))
        else:
            self.count_label.setText(self.tr("%n enterprise(s)", "", self.model.total))
        nothing = bool(self.model.query) and self.model.rowCount() == 0
        if nothing:
            self.empty_label.setText(self.tr("No enterprise matches “%1”.").replace("%1", self.model.query))
            self.register_button.setText(self.tr("Register “%1” as a new enterprise").replace(
                "%1", self.model.query))
            self.register_button.setMinimumWidth(self.register_button.sizeHint().width())
        self.results.setCurrentWidget(self.empty if nothing else self.table)

    def on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row()
        self.summary.show_enterprise(self.model.enterprise_id(row) if row >= 0 else None)

    def on_double_click(self, index: QModelIndex) -> None:
        self.ctx.bus.navigate.emit("enterprise", self.model.enterprise_id(index.row()))


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
        self.new_dialog: NewEnterpriseDialog | None = None
        self.detail.back_requested.connect(lambda: self.stack.setCurrentWidget(self.list))
        self.detail.open_requested.connect(self.show_enterprise)
        self.list.new_button.clicked.connect(lambda: self.register_new(""))
        self.list.register_button.clicked.connect(lambda: self.register_new(self.list.model.query))
        ctx.bus.data_changed.connect(self.on_changed)
        if self.list.model.rowCount():
            self.list.table.selectRow(0)

    def show_enterprise(self, enterprise_id: str) -> None:
        def show() -> None:
            self.detail.show_enterprise(enterprise_id)
            self.stack.setCurrentWidget(self.detail)

        if self.detail.enterprise_id == enterprise_id:
            self.stack.setCurrentWidget(self.detail)
        else:
            self.detail.leave(show)  # unsaved edits of the one shown are saved or discarded first

    def register_new(self, name: str) -> NewEnterpriseDialog:
        """新增单位: the form, with `name` filled in (the text of a search that found nothing)."""
        dialog = NewEnterpriseDialog(self.ctx, name=name, parent=self)
        dialog.created.connect(self.show_enterprise)
        dialog.open_existing.connect(self.show_enterprise)
        self.new_dialog = dialog
        dialog.open()
        return dialog

    def confirm_close(self) -> bool:
        """Asked by the main window before it closes: unsaved edits of the enterprise form."""
        return self.detail.confirm_close()

    def on_changed(self, changes: frozenset[Entity]) -> None:
        if changes & {Entity.ENTERPRISES, Entity.FINDINGS}:
            current = self.list.summary.enterprise_id
            self.list.model.reload()
            self.list.update_count()
            if current and service.current_id(self.ctx.read, current) != current:
                current = None  # merged into another record by a sync
            self.list.summary.show_enterprise(current)
        shown = {Entity.ENTERPRISES, Entity.INSPECTIONS, Entity.FINDINGS, Entity.DOCUMENTS, Entity.SYNC}
        if changes & shown and self.detail.enterprise_id:
            self.detail.refresh()
