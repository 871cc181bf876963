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

# Controlled vocabularies (domain.md §3, §5, §6).
from fieldapp.models.taxonomy import (
    FINDING_GRADES,
    INDUSTRIES,
    INSPECTION_TYPES,
    RISK_COLOURS,
    RISK_LEVELS,
    SPECIAL_HAZARD_TAGS,
)

__all__ = [
    "CHECKLIST_ANSWERS", "DEADLINE_STATES", "DOC_STATUS_ZH", "ENTERPRISE_FIELDS", "FINDING_GRADES", "INDUSTRIES",
    "INSPECTION_TYPES", "NO_USCC_ZH", "OPEN_STATES", "PLAN_ZH", "RED", "RISK_COLOURS", "RISK_LEVELS",
    "SPECIAL_HAZARD_TAGS", "STATUS_ZH", "STROKE", "TERMINAL", "TEXT_SIZE", "TRANSITIONS", "WHITE", "YELLOW",
    "DocType", "colour", "doc_type_title", "is_overdue", "number", "parse_overlay",
]
