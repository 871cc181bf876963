"""What goes on a notice in the document flow: its type, the hazards it lists, the order's deadline and interim
measures, and the on-site measures of a 现场处理措施决定书.

One hazard, one deadline: unless the inspector picks a date for the whole order, each hazard keeps its own
(the draft service says which; ``fieldapp.services.drafts.order_deadlines``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services import drafts
from fieldapp.services.drafts import NoticeBasis
from fieldapp.services.vocabulary import DocType
from fieldapp.ui import util
from fieldapp.ui.tasks import AppContext

# Drafted from an inspection, in the order offered; the re-inspection opinion is issued from the
# re-inspection dialog, which knows the re-inspection.
FLOW_TYPES = (DocType.RECTIFICATION_ORDER, DocType.INSPECTION_RECORD, DocType.ONSITE_MEASURES)


def draft_params(doc_type: DocType, inspection_id: str, finding_ids: list[str] | None, deadline: str | None,
                 interim: str, measures: dict[str, Any] | None, replaces_id: str | None,
                 reinspection_id: str | None = None) -> dict[str, Any]:
    """What the draft service is called with; ``deadline`` None: each hazard keeps its own deadline."""
    order = doc_type is DocType.RECTIFICATION_ORDER
    return {"doc_type": doc_type.value, "inspection_id": inspection_id,
            "finding_ids": finding_ids if doc_type.lists_findings else None,
            "deadline": deadline if order else None, "interim_measures": interim if order else "",
            "measures": measures if doc_type is DocType.ONSITE_MEASURES else None, "replaces_id": replaces_id,
            "reinspection_id": reinspection_id if doc_type is DocType.REINSPECTION_OPINION else None}


class NoticeForm(QWidget):
    changed = Signal()  # something that goes on the notice changed
    type_changed = Signal()

    def __init__(self, ctx: AppContext, inspection_id: str, basis: NoticeBasis, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.inspection_id = inspection_id
        self.basis = basis
        # A date given by the caller (or saved in the draft) was chosen for the order; otherwise each hazard
        # keeps its own deadline until the user picks one date for all of them.
        self.deadline_chosen = basis.deadline is not None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.type = QComboBox()
        self.type.setMinimumHeight(util.TOUCH - 4)
        for kind in (DocType.REINSPECTION_OPINION,) if basis.reinspection_id else FLOW_TYPES:
            self.type.addItem(kind.title_zh, kind.value)
        self.type.setEnabled(self.type.count() > 1)
        form.addRow(self.tr("Document:"), self.type)
        layout.addLayout(form)

        self.findings_box = QGroupBox(self.tr("Hazards on the notice"))
        fl = QVBoxLayout(self.findings_box)
        self.findings = QListWidget()
        self.findings.setObjectName("documentFindings")
        self.findings.setWordWrap(True)
        self.findings.setMaximumHeight(180)
        fl.addWidget(self.findings)
        layout.addWidget(self.findings_box)

        self.order_box = QWidget()
        ol = QFormLayout(self.order_box)
        ol.setContentsMargins(0, 0, 0, 0)
        self.deadline = util.date_edit(basis.deadline or basis.default_deadline)
        self.deadline.setObjectName("orderDeadline")
        self.deadline_note = QLabel()
        self.deadline_note.setObjectName("hint")
        self.deadline_note.setWordWrap(True)
        self.own_deadlines_button = util.button(self.tr("Use each hazard's own deadline"))
        self.own_deadlines_button.clicked.connect(self.use_own_deadlines)
        note_row = QHBoxLayout()
        note_row.setContentsMargins(0, 0, 0, 0)
        note_row.addWidget(self.deadline_note, 1)
        note_row.addWidget(self.own_deadlines_button)
        self.interim = QPlainTextEdit(basis.interim_measures)
        self.interim.setObjectName("interimMeasures")
        self.interim.setPlaceholderText(self.tr("Safety measures to take until the hazards are removed (optional)"))
        self.interim.setMaximumHeight(64)
        self.interim.setTabChangesFocus(True)
        ol.addRow(self.tr("Rectify by:"), self.deadline)
        ol.addRow("", note_row)
        ol.addRow(self.tr("Interim measures:"), self.interim)
        layout.addWidget(self.order_box)

        self.measures_box = QGroupBox(self.tr("On-site measures"))
        ml = QGridLayout(self.measures_box)
        saved = basis.measures
        self.withdraw = QCheckBox(self.tr("Withdraw the workers from the danger zone"))
        self.withdraw.setChecked(bool(saved and saved.withdraw_workers))
        self.danger_zone = QLineEdit(saved.danger_zone if saved else "")
        self.danger_zone.setPlaceholderText(self.tr("Danger zone"))
        self.suspend = QCheckBox(self.tr("Suspend production or business"))
        self.suspend.setChecked(bool(saved and saved.suspend_production))
        self.facilities = QLineEdit("、".join(saved.suspended_facilities if saved else ()))
        self.facilities.setPlaceholderText(self.tr("Facilities and equipment taken out of use (、 between)"))
        self.other_measures = QLineEdit("；".join(saved.other_measures if saved else ()))
        self.other_measures.setPlaceholderText(self.tr("Other measures (； between)"))
        ml.addWidget(self.withdraw, 0, 0)
        ml.addWidget(self.danger_zone, 0, 1)
        ml.addWidget(self.suspend, 1, 0)
        ml.addWidget(self.facilities, 1, 1)
        ml.addWidget(self.other_measures, 2, 0, 1, 2)
        layout.addWidget(self.measures_box)

        self.fill_findings(basis.finding_ids)
        self.type.setCurrentIndex(max(0, self.type.findData(basis.doc_type or self.default_type())))
        self.type.currentIndexChanged.connect(self.on_type)
        self.findings.itemChanged.connect(lambda _i: self.hazards_changed())
        self.deadline.dateChanged.connect(lambda _d: self.deadline_edited())
        self.show_deadlines()
        self.interim.textChanged.connect(self.changed)
        for w in (self.withdraw, self.suspend):
            w.toggled.connect(lambda _v: self.changed.emit())
        for e in (self.danger_zone, self.facilities, self.other_measures):
            e.textChanged.connect(lambda _t: self.changed.emit())
        self.show_type()

    def default_type(self) -> DocType:
        """The order while a listed hazard is not under an order yet; otherwise the inspection record."""
        return DocType.RECTIFICATION_ORDER if self.selected_findings() else DocType.INSPECTION_RECORD

    def fill_findings(self, selected: list[str] | None) -> None:
        self.findings.clear()
        deadline_word = self.tr("deadline")
        for f in self.basis.hazards:
            grade = self.tr(" [major]") if f["grade"] == "major" else ""
            due = f"　（{deadline_word} {f['deadline'][:10]}）" if f.get("deadline") else ""
            item = QListWidgetItem(f"{f['description']}{grade}{due}")
            item.setData(Qt.ItemDataRole.UserRole, f["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = f["id"] in selected if selected is not None else f["status"] in ("open", "failed_reinspection")
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.findings.addItem(item)

    # -- one hazard, one deadline -------------------------------------------------------------------

    def hazard_deadlines(self) -> dict[str, str]:
        """What the order gives each ticked hazard without a date of its own (the draft service decides)."""
        return drafts.order_deadlines(self.ctx.read, self.selected_findings())

    def show_deadlines(self) -> None:
        """The date field and the line under it: one date chosen for the order, or the hazards' own."""
        self.own_deadlines_button.setVisible(self.deadline_chosen)
        if self.deadline_chosen:
            self.deadline_note.setText(self.tr("This date is printed for every hazard on the notice and becomes "
                                               "their deadline."))
            return
        dates = sorted(set(self.hazard_deadlines().values()))
        if dates:
            self.deadline.blockSignals(True)
            self.deadline.setDate(util.qdate(dates[-1]))
            self.deadline.blockSignals(False)
        if len(dates) > 1:
            self.deadline_note.setText(self.tr("Each hazard keeps its own deadline (%1). Change the date to give "
                                               "them all one.").replace("%1", "、".join(dates)))
        else:
            self.deadline_note.setText(self.tr("The deadline saved with the hazard."))

    def deadline_edited(self) -> None:
        self.deadline_chosen = True
        self.show_deadlines()
        self.changed.emit()

    def use_own_deadlines(self) -> None:
        self.deadline_chosen = False
        self.show_deadlines()
        self.changed.emit()

    def hazards_changed(self) -> None:
        self.show_deadlines()
        self.changed.emit()

    # -- what the draft is made of -----------------------------------------------------------------

    def doc_type(self) -> DocType:
        code = self.type.currentData()
        return next(t for t in DocType if t == code)

    def selected_findings(self) -> list[str]:
        return [str(self.findings.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.findings.count())
                if self.findings.item(i).checkState() == Qt.CheckState.Checked]

    def measures(self) -> dict[str, Any]:
        def split(text: str, seps: str) -> list[str]:
            for s in seps[1:]:
                text = text.replace(s, seps[0])
            return [p.strip() for p in text.split(seps[0]) if p.strip()]

        return {"withdraw_workers": self.withdraw.isChecked(), "danger_zone": self.danger_zone.text().strip(),
                "suspend_production": self.suspend.isChecked(),
                "suspended_facilities": split(self.facilities.text(), "、,，"),
                "other_measures": split(self.other_measures.text(), "；;")}

    def params(self) -> dict[str, Any]:
        measures = self.measures()
        meaningful = measures["withdraw_workers"] or measures["suspend_production"] or measures["other_measures"]
        deadline = self.deadline.date().toString("yyyy-MM-dd") if self.deadline_chosen else None
        return draft_params(self.doc_type(), self.inspection_id, self.selected_findings(), deadline,
                            self.interim.toPlainText().strip(), measures if meaningful else None,
                            self.basis.replaces_id, self.basis.reinspection_id)

    def show_type(self) -> None:
        kind = self.doc_type()
        self.findings_box.setVisible(kind.lists_findings)
        self.order_box.setVisible(kind is DocType.RECTIFICATION_ORDER)
        self.measures_box.setVisible(kind is DocType.ONSITE_MEASURES)

    def on_type(self) -> None:
        self.show_type()
        self.changed.emit()
        self.type_changed.emit()
