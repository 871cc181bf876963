"""Enforcement documents (执法文书): content model, fonts and PDF rendering. No Qt, no database."""

from typing import TYPE_CHECKING

from fieldapp.documents.content import (
    Authority,
    Document,
    Enterprise,
    EvidencePhoto,
    Finding,
    InspectionRecord,
    Officer,
    OnSiteMeasures,
    OnSiteMeasuresDecision,
    RectificationOrder,
    Refusal,
    ReinspectionItem,
    ReinspectionOpinion,
    RightsNotice,
    Signatory,
    Signature,
    SignatureImage,
)

if TYPE_CHECKING:
    from fieldapp.documents.fonts import missing_glyphs, register_fonts, split_runs
    from fieldapp.documents.renderer import COPY_LABELS, document_warnings, render

# The renderer pulls in reportlab (and the fonts): load it on first use, not when someone only needs the
# content classes (e.g. Refusal in the UI), so start-up stays fast.
_LAZY = {
    "missing_glyphs": "fieldapp.documents.fonts", "register_fonts": "fieldapp.documents.fonts",
    "split_runs": "fieldapp.documents.fonts", "COPY_LABELS": "fieldapp.documents.renderer",
    "document_warnings": "fieldapp.documents.renderer", "render": "fieldapp.documents.renderer",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'fieldapp.documents' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)

__all__ = [
    "COPY_LABELS",
    "Authority",
    "Document",
    "Enterprise",
    "EvidencePhoto",
    "Finding",
    "InspectionRecord",
    "Officer",
    "OnSiteMeasures",
    "OnSiteMeasuresDecision",
    "RectificationOrder",
    "Refusal",
    "ReinspectionItem",
    "ReinspectionOpinion",
    "RightsNotice",
    "Signatory",
    "Signature",
    "SignatureImage",
    "document_warnings",
    "missing_glyphs",
    "register_fonts",
    "render",
    "split_runs",
]
