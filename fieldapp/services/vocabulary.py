"""The words the front ends show and filter by: controlled vocabularies and state names of the domain.

Front ends take them from here, never from the models, so a screen, the CLI and the web console spell a
state or an industry the same way. Values only: nothing here reads or writes data.
"""

from __future__ import annotations

# Field work: a checklist answer's words (符合/不符合/不适用) by code; the five parts of a 五到位 plan, in order.
from fieldapp.models.checklists import ANSWERS as CHECKLIST_ANSWERS

# Documents: the types (registry), their titles and the states of a document.
from fieldapp.models.doc_types import DocType
from fieldapp.models.doc_types import title as doc_type_title
from fieldapp.models.documents import STATUS_ZH as DOC_STATUS_ZH

# The registry: its fields with their 中文 names, and what a site without a code shows.
from fieldapp.models.enterprises import FIELDS as ENTERPRISE_FIELDS
from fieldapp.models.enterprises import NO_USCC_ZH
from fieldapp.models.findings import PLAN_ZH

# The hazard lifecycle.
from fieldapp.models.lifecycle import (
    DEADLINE_STATES,
    OPEN_STATES,
    STATUS_ZH,
    TERMINAL,
    TRANSITIONS,
    is_overdue,
)

# The photo-mark format (标注: the colours the editor offers, default sizes, reading an evidence row's marks).
from fieldapp.models.photo_marks import RED, STROKE, TEXT_SIZE, WHITE, YELLOW, colour, number, parse_overlay
from fieldapp.models.tables import POLICIES

# Controlled vocabularies (domain.md §3, §5, §6).
from fieldapp.models.taxonomy import (
    FINDING_GRADES,
    INDUSTRIES,
    INSPECTION_TYPES,
    RISK_COLOURS,
    RISK_LEVELS,
    SPECIAL_HAZARD_TAGS,
)
from fieldapp.sync.roles import Role

# Sync: what this installation is, a peer's state, what the records of each synced table are called (an
# import's summary, a conflict to review), the registry fields' names in a conflict.
ROLE_ZH: dict[Role, str] = {Role.DEVICE: "执法终端", Role.CENTRAL: "中心端", Role.STANDALONE: "单机（未注册）"}
PEER_STATUS_ZH = {"active": "正常", "enrolled": "已注册，待首次同步", "revoked": "已注销"}
RECORD_KINDS_ZH: dict[str, str] = {**{p.name: p.zh for p in POLICIES},
                                   "tombstones": "删除记录", "audit_log": "执法全过程记录"}
ENTERPRISE_FIELDS_ZH: dict[str, str] = {f.column: str(f.zh) for f in ENTERPRISE_FIELDS}

__all__ = [
    "CHECKLIST_ANSWERS", "DEADLINE_STATES", "DOC_STATUS_ZH", "ENTERPRISE_FIELDS", "ENTERPRISE_FIELDS_ZH",
    "FINDING_GRADES", "INDUSTRIES", "INSPECTION_TYPES", "NO_USCC_ZH", "OPEN_STATES", "PEER_STATUS_ZH", "PLAN_ZH",
    "RECORD_KINDS_ZH", "RED", "RISK_COLOURS", "RISK_LEVELS", "ROLE_ZH", "SPECIAL_HAZARD_TAGS", "STATUS_ZH", "STROKE",
    "TERMINAL", "TEXT_SIZE", "TRANSITIONS", "WHITE", "YELLOW", "DocType", "Role", "colour", "doc_type_title",
    "is_overdue", "number", "parse_overlay",
]
