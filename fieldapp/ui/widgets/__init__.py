"""Widgets the screens share: the list table (table.py), the key-figure tile (tiles.py).

Message boxes and small helpers stay in fieldapp.ui.util, where tests replace the dialogs.
"""

from fieldapp.ui.widgets.table import make_table
from fieldapp.ui.widgets.tiles import BigNumber

__all__ = ["BigNumber", "make_table"]
