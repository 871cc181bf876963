"""Names vulture cannot see used: called by a framework, by name, or declared for a library (make lint).

Only what the code cannot avoid belongs here; dead code is deleted, not listed.
"""
# ruff: noqa
# mypy: ignore-errors
from types import SimpleNamespace

_ = SimpleNamespace()

# Qt calls these overrides.
_.paintEvent
_.dragEnterEvent
_.dropEvent
_.mousePressEvent
_.mouseMoveEvent
_.mouseReleaseEvent
_.tabletEvent
InspectionPage  # main_window loads pages by module and class name, on first use

# Libraries read these attributes or call these methods.
__getattr__  # fieldapp.documents: lazy module attributes (PEP 562)
_.makeToUnicodeCMap  # reportlab: our ToUnicode map for characters outside the BMP
_._fieldapp_copy  # reportlab flowables: which copy (联) a page belongs to
_.jpeg_fh  # reportlab's ImageReader protocol
_.alignment  # openpyxl cell style
_.row_factory  # sqlite3 connections

# Dataclass fields read through __dict__ / getattr.
risk_level  # search.Filters, read with getattr in Filters.sql
node_id  # sync.identity.Public, serialised with as_dict
ed25519
x25519

# pytest: module markers and fixtures requested only for their effect.
pytestmark
styled
prog_name  # the signature of click's Group.main, which the test's stand-in replaces
