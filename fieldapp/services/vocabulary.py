"""The words the front ends show and filter by: controlled vocabularies and state names of the domain.

Front ends take them from here, never from the models, so a screen, the CLI and the web console spell a
state or an industry the same way. Values only: nothing here reads or writes data.
"""

from __future__ import annotations

from fieldapp.models.doc_types import DocType
from fieldapp.models.doc_types import title as doc_type_title
from fieldapp.models.documents import STATUS_ZH as DOC_STATUS_ZH
from fieldapp.models.enterprises import FIELDS as ENTERPRISE_FIELDS
from fieldapp.models.lifecycle import (
    DEADLINE_STATES,
    OPEN_STATES,
    STATUS_ZH,
    TERMINAL,
    TRANSITIONS,
    is_overdue,
)
from fieldapp.models.tables import POLICIES
from fieldapp.models.taxonomy import (
    FINDING_GRADES,
    INDUSTRIES,
    INSPECTION_TYPES,
    RISK_COLOURS,
    RISK_LEVELS,
    SPECIAL_HAZARD_TAGS,
)
from fieldapp.sync.roles import Role

__all__ = [
    "DEADLINE_STATES", "DOC_STATUS_ZH", "FINDING_GRADES", "INDUSTRIES", "INSPECTION_TYPES", "OPEN_STATES",
    "RISK_COLOURS", "RISK_LEVELS", "SPECIAL_HAZARD_TAGS", "STATUS_ZH", "TERMINAL", "TRANSITIONS", "DocType",
    "doc_type_title", "is_overdue",
]

# Field work: a checklist answer's words (符合/不符合/不适用) by code; the five parts of a 五到位 plan, in order;
# the photo-mark format (标注: the colours the editor offers, default sizes, reading an evidence row's marks).
from fieldapp.models.checklists import ANSWERS as CHECKLIST_ANSWERS
from fieldapp.models.findings import PLAN_ZH
from fieldapp.models.photo_marks import RED, STROKE, TEXT_SIZE, WHITE, YELLOW, colour, number, parse_overlay

__all__ += ["CHECKLIST_ANSWERS", "PLAN_ZH", "RED", "STROKE", "TEXT_SIZE", "WHITE", "YELLOW", "colour", "number",
            "parse_overlay"]

# -- sync ---------------------------------------------------------------------------------------------

ROLE_ZH: dict[Role, str] = {Role.DEVICE: "执法终端", Role.CENTRAL: "中心端", Role.STANDALONE: "单机（未注册）"}
PEER_STATUS_ZH = {"active": "正常", "enrolled": "已注册，待首次同步", "revoked": "已注销"}
# What the records of each synced table are called (an import's summary, a conflict to review).
RECORD_KINDS_ZH: dict[str, str] = {**{p.name: p.zh for p in POLICIES},
                                   "tombstones": "删除记录", "audit_log": "执法全过程记录"}
ENTERPRISE_FIELDS_ZH: dict[str, str] = {f.column: str(f.zh) for f in ENTERPRISE_FIELDS}
__all__ += ["ENTERPRISE_FIELDS_ZH", "PEER_STATUS_ZH", "RECORD_KINDS_ZH", "ROLE_ZH", "Role"]
