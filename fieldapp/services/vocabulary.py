"""The words the front ends show and filter by: controlled vocabularies and state names of the domain.

Front ends take them from here, never from the models, so a screen, the CLI and the web console spell a
state or an industry the same way. Values only: nothing here reads or writes data.
"""

from __future__ import annotations

from fieldapp.models.lifecycle import (
    DEADLINE_STATES,
    OPEN_STATES,
    STATUS_ZH,
    TERMINAL,
    TRANSITIONS,
    is_overdue,
)
from fieldapp.models.taxonomy import (
    FINDING_GRADES,
    INDUSTRIES,
    INSPECTION_TYPES,
    RISK_COLOURS,
    RISK_LEVELS,
    SPECIAL_HAZARD_TAGS,
)

__all__ = [
    "DEADLINE_STATES", "FINDING_GRADES", "INDUSTRIES", "INSPECTION_TYPES", "OPEN_STATES", "RISK_COLOURS",
    "RISK_LEVELS", "SPECIAL_HAZARD_TAGS", "STATUS_ZH", "TERMINAL", "TRANSITIONS", "is_overdue",
]

# -- the registry and the office desk (issue 13, area A) ---------------------------------------------------

from fieldapp.models.documents import STATUS_ZH as DOCUMENT_STATUS_ZH
from fieldapp.models.enterprises import FIELDS as ENTERPRISE_FIELDS  # the registry's fields, with 中文 names
from fieldapp.models.enterprises import NO_USCC_ZH  # shown for a site that has no code
from fieldapp.models.numbering import DOC_TYPES as DOCUMENT_TITLES  # document type → its title

__all__ += ["DOCUMENT_STATUS_ZH", "DOCUMENT_TITLES", "ENTERPRISE_FIELDS", "NO_USCC_ZH"]
