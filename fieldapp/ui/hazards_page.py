"""隐患: hazards across enterprises (overdue in red), the lifecycle actions, 复查, 五到位 plan, evaluation."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services import findings
from fieldapp.services.changes import Done, Entity
from fieldapp.services.findings import FindingFilters
from fieldapp.services.vocabulary import FINDING_GRADES, PLAN_ZH, STATUS_ZH
from fieldapp.ui import util
from fieldapp.ui.finding_editor import FindingEditor
from fieldapp.ui.next_steps import NextSteps
from fieldapp.ui.reinspection_dialog import ReinspectionDialog
from fieldapp.ui.table_models import FindingTableModel, finding_status_text
from fieldapp.ui.tasks import AppContext
from fieldapp.ui.widgets import make_table


class FindingDetail(QWidget):
    """One hazard: facts, history, the moves the lifecycle allows now, and the major-hazard records."""

    flow_opened = Signal(object)  # the DocumentFlow opened by 责令整改

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.finding: dict[str, Any] | None = None
        self.reinspection: ReinspectionDialog | None = None
        self.flow: QWidget | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        inner = QWidget()
        scroll.setWidget(inner)
        layout = QVBoxLayout(inner)
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.facts)
        # Right after 保存复查结果: the 复查意见书 and 销号 for this hazard, on the spot.
        self.next_steps = NextSteps(ctx)
        self.next_steps.flow_opened.connect(self.flow_opened)
        self.next_steps.close_requested.connect(self.close_finding)
        self.next_steps.changed.connect(lambda: self.show_finding(self.finding["id"]) if self.finding else None)
        layout.addWidget(self.next_steps)

        self.actions_box = QGroupBox(self.tr("Next steps"))
        self.action_grid = QGridLayout(self.actions_box)
        layout.addWidget(self.actions_box)
        self.buttons: dict[str, QPushButton] = {}
        specs: list[tuple[str, str, Callable[[], None]]] = [
            ("edit", self.tr("Edit / photos"), self.edit),
            ("ordered", self.tr("Order rectification"), self.order),
            ("reported", self.tr("Enterprise reports rectified"), self.report_rectified),
            ("reinspect", self.tr("Re-inspect…"), self.reinspect),
            ("escalated", self.tr("Escalate (挂牌督办)"), self.escalate),
            ("closed", self.tr("Close (销号)"), self.close_finding),
            ("referred", self.tr("Refer to another authority"), self.refer),
            ("voided", self.tr("Void (recorded in error)"), self.void),
        ]
        for i, (key, text, slot) in enumerate(specs):
            b = util.button(text, primary=key in ("reinspect", "closed"), danger=key == "voided")
            b.setObjectName(f"action_{key}")
            b.clicked.connect(slot)
            self.buttons[key] = b
            self.action_grid.addWidget(b, i // 2, i % 2)

        self.plan_box = QGroupBox(self.tr("Rectification plan of a major hazard (五到位)"))
        plan_form = QFormLayout(self.plan_box)
        self.plan_edits: dict[str, QLineEdit] = {}
        for key, label in PLAN_ZH.items():
            edit = QLineEdit()
            edit.setMinimumHeight(util.TOUCH - 8)
            self.plan_edits[key] = edit
            plan_form.addRow(label + "：", edit)
        self.plan_button = util.button(self.tr("Save plan"))
        self.plan_button.clicked.connect(self.save_plan)
        plan_form.addRow(self.plan_button)
        layout.addWidget(self.plan_box)

        self.evaluation_box = QGroupBox(self.tr("Effect evaluation (整改效果评价)"))
        ev = QVBoxLayout(self.evaluation_box)
        self.evaluation = QPlainTextEdit()
        self.evaluation.setMaximumHeight(90)
        self.evaluation_button = util.button(self.tr("Save evaluation"))
        self.evaluation_button.clicked.connect(self.save_evaluation)
        ev.addWidget(self.evaluation)
        ev.addWidget(self.evaluation_button)
        layout.addWidget(self.evaluation_box)

        history_title = QLabel(self.tr("History"))
        history_title.setObjectName("sectionTitle")
        layout.addWidget(history_title)
        self.history = QLabel()
        self.history.setWordWrap(True)
        layout.addWidget(self.history)
        layout.addStretch(1)
        # Wide enough for two action buttons side by side: the splitter takes the room from the table
        # (which scrolls sideways) rather than clip the buttons at 150 % scaling.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.actions_box.minimumSizeHint().width() + 40)
        self.show_finding(None)

    def show_finding(self, finding_id: str | None) -> None:
        if finding_id is None:
            self.finding = None
            self.title.setText(self.tr("Select a hazard"))
            self.facts.clear()
            self.history.clear()
            for box in (self.actions_box, self.plan_box, self.evaluation_box, self.next_steps):
                box.setVisible(False)
            return
        view = findings.finding_view(self.ctx.read, finding_id)
        f = self.finding = view.finding
        self.title.setText(f["description"])
        facts = [
            (self.tr("Enterprise"), view.enterprise_name),
            (self.tr("Grade"), FINDING_GRADES.get(f["grade"], f["grade"])),
            (self.tr("Status"), finding_status_text(f)),
            (self.tr("Deadline"), (f.get("deadline") or "—")[:10]),
            (self.tr("Legal basis"), f.get("legal_basis") or "—"),
            (self.tr("Requirement"), f.get("requirement") or "—"),
        ]
        if f.get("campaign"):
            facts.append((self.tr("Campaign"), f["campaign"]))
        status_label = self.tr("Status")
        colour = "#b91c1c" if f["overdue"] else "inherit"
        self.facts.setText("<br>".join(
            f"<b>{html.escape(k)}：</b><span style='color:{colour if k == status_label else 'inherit'}'>"
            f"{html.escape(str(v))}</span>" for k, v in facts))
        visible = {key: key in view.actions for key in self.buttons}
        for key, b in self.buttons.items():
            b.setVisible(visible[key])
        self.next_steps.show_for(f, closable=visible["closed"])
        if self.next_steps.isVisibleTo(self):
            self.buttons["closed"].setVisible(False)  # offered in the box above, next to the 复查意见书
        self.actions_box.setVisible(any(visible.values()))
        self.plan_box.setVisible(view.needs_plan)
        self.evaluation_box.setVisible(view.needs_plan)
        for key, edit in self.plan_edits.items():
            edit.setText(view.plan.get(key, ""))
        self.evaluation.setPlainText(f.get("effect_evaluation") or "")
        lines = []
        deadline_word = self.tr("deadline")
        for e in view.events:
            status = STATUS_ZH.get(e["to_status"], e["to_status"])
            extra = "".join(x for x in (f"，{deadline_word} {e['deadline'][:10]}" if e.get("deadline") else "",
                                        f"，{e['note']}" if e.get("note") else ""))
            lines.append(f"{util.short_time(e['at'])}　{status}{extra}")
        self.history.setText("\n".join(lines))

    # -- actions ------------------------------------------------------------------------------------

    def _run(self, action: Callable[..., Done[Any]], *args: Any, **kwargs: Any) -> None:
        """Run a services.findings action on the hazard shown."""
        if self.finding is None:
            return
        fid = self.finding["id"]
        self.ctx.op(self, lambda c: action(c.workspace, fid, *args, **kwargs)).run()

    def report_rectified(self) -> None:
        self._run(findings.report_rectified)

    def edit(self) -> None:
        if self.finding is not None:
            FindingEditor(self.ctx, self.finding["id"], self).open()

    def order(self) -> None:
        """责令整改: the rectification order is drafted, signed and issued in the document flow, with this
        hazard preselected; issuing puts it under the order. A hazard recorded outside any inspection has no
        notice to go on, so it is ordered directly with a deadline."""
        if self.finding is None:
            return
        inspection_id = self.finding.get("inspection_id")
        if inspection_id:
            from fieldapp.ui.document_flow import DocumentFlow

            flow = DocumentFlow(self.ctx, str(inspection_id), self, doc_type="rectification_order",
                                finding_ids=[str(self.finding["id"])])
            self.flow = flow
            self.flow_opened.emit(flow)
            flow.open()
            return
        default = self.finding.get("deadline") or findings.default_deadline(self.ctx.read)
        deadline = util.ask_date(self, self.tr("Order rectification"), self.tr("Rectify by:"), default)
        if deadline:
            self._run(findings.order_rectification, deadline=deadline)

    def escalate(self) -> None:
        if self.finding is not None and util.ask(self, self.tr("Escalate this major hazard to listed supervision "
                                                              "(挂牌督办)?")):
            self._run(findings.escalate_finding)

    def close_finding(self) -> None:
        if self.finding is not None and util.ask(self, self.tr("Close this hazard (销号)? This is final.")):
            self._run(findings.close_finding)

    def refer(self) -> None:
        to = util.ask_text(self, self.tr("Refer"), self.tr("Authority the hazard is referred to:"))
        if to:
            self._run(findings.refer_finding, to=to)

    def void(self) -> None:
        reason = util.ask_text(self, self.tr("Void"), self.tr("Why was this hazard recorded in error?"))
        if reason:
            self._run(findings.void_finding, reason=reason)

    def reinspect(self) -> None:
        if self.finding is not None:
            self.reinspection = ReinspectionDialog(self.ctx, self.finding["enterprise_id"], self,
                                                   preselect=self.finding["id"])
            self.reinspection.recorded.connect(self.next_steps.recorded)
            self.reinspection.open()

    def save_plan(self) -> None:
        self._run(findings.save_plan, {k: e.text() for k, e in self.plan_edits.items()})

    def save_evaluation(self) -> None:
        self._run(findings.save_evaluation, self.evaluation.toPlainText())


class HazardsPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(util.page_title(self.tr("Hazards")), 1)
        self.count = QLabel()
        self.count.setObjectName("hint")
        head.addWidget(self.count)
        layout.addLayout(head)
        filters = QHBoxLayout()
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for code, text in STATUS_ZH.items():
            self.status.addItem(text, code)
        self.grade = QComboBox()
        self.grade.addItem(self.tr("All grades"), None)
        for code, text in FINDING_GRADES.items():
            self.grade.addItem(text, code)
        self.township = QComboBox()
        self.township.addItem(self.tr("All townships"), None)
        for t in findings.filter_townships(ctx.read):
            self.township.addItem(t["name"], t["id"])
        self.campaign = QComboBox()
        self.campaign.addItem(self.tr("All campaigns"), None)
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.open_only = QCheckBox(self.tr("Open only"))
        self.open_only.setChecked(True)
        for w in (self.status, self.grade, self.township, self.campaign):
            w.setMinimumHeight(util.TOUCH - 4)
            filters.addWidget(w, 1)
            w.currentIndexChanged.connect(self.reload)
        for box in (self.overdue, self.open_only):
            filters.addWidget(box)
            box.toggled.connect(self.reload)
        layout.addLayout(filters)

        self.model = FindingTableModel(ctx.read, [self.tr("Enterprise"), self.tr("Hazard"), self.tr("Grade"),
                                                    self.tr("Status"), self.tr("Deadline"), self.tr("Campaign")], self)
        self.table = make_table(self.model, stretch=1)
        self.table.setObjectName("hazardTable")
        for col, width in ((0, 170), (2, 80), (3, 160), (4, 100), (5, 90)):
            self.table.setColumnWidth(col, width)
        self.detail = FindingDetail(ctx)
        splitter = util.side_by_side(self.table, self.detail, (3, 2), (780, 420))
        layout.addWidget(splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(self.on_row)
        ctx.bus.data_changed.connect(self.on_changed)
        self.reload()

    def filters(self) -> FindingFilters:
        return FindingFilters(status=self.status.currentData(), grade=self.grade.currentData(),
                              overdue=self.overdue.isChecked(), township_id=self.township.currentData(),
                              campaign=self.campaign.currentData(), open_only=self.open_only.isChecked())

    def reload(self, *_signal_args: object, keep: bool = False) -> None:
        """Apply the filters. With ``keep`` (the data changed under the user) the selected hazard stays in the
        list even when it no longer matches them (re-inspected, closed…), until another one is chosen."""
        selected = self.detail.finding["id"] if self.detail.finding else None
        was_at = self.model.index_of(selected) if selected else -1
        was = self.model.row(was_at) if was_at >= 0 else None
        self.model.reload(self.filters(), keep=selected if keep else None)
        if keep and was is not None and self.model.index_of(was["id"]) < 0:
            fresh = findings.finding_row(self.ctx.read, was["id"])
            if fresh is not None:
                self.model.set_rows([*self.model.rows[:was_at], fresh, *self.model.rows[was_at:]])
        self._refresh_campaigns()
        # The campaign column only earns its width when some hazard carries a campaign.
        self.table.setColumnHidden(5, not any(r.get("campaign") for r in self.model.rows))
        overdue = sum(1 for r in self.model.rows if r.get("overdue"))
        self.count.setText(self.tr("%n hazard(s)", "", self.model.rowCount())
                           + (self.tr(", %n overdue", "", overdue) if overdue else ""))
        row = self.model.index_of(selected) if selected else -1
        if row >= 0:
            self.table.selectRow(row)
            self.detail.show_finding(selected)
        elif self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.detail.show_finding(None)

    def _refresh_campaigns(self) -> None:
        current = self.campaign.currentData()
        known = {self.campaign.itemData(i) for i in range(1, self.campaign.count())}
        for name in self.model.campaigns:
            if name not in known:
                self.campaign.blockSignals(True)
                self.campaign.addItem(name, name)
                self.campaign.blockSignals(False)
        if current:
            self.campaign.setCurrentIndex(max(0, self.campaign.findData(current)))

    def on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row()
        self.detail.show_finding(self.model.row(row)["id"] if 0 <= row < self.model.rowCount() else None)

    def select_finding(self, finding_id: str) -> None:
        row = self.model.index_of(finding_id)
        if row < 0:
            # Widen the filters so the finding the user asked for is visible.
            for combo in (self.status, self.grade, self.township, self.campaign):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            for box in (self.overdue, self.open_only):
                box.blockSignals(True)
                box.setChecked(False)
                box.blockSignals(False)
            self.reload()
            row = self.model.index_of(finding_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def on_changed(self, changes: frozenset[Entity]) -> None:
        if changes & {Entity.FINDINGS, Entity.REINSPECTIONS, Entity.ENTERPRISES}:
            self.reload(keep=True)

