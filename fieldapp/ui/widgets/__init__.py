"""Widgets the screens share: the list table (table.py), the key-figure tile (tiles.py).

Message boxes and small helpers stay in fieldapp.ui.util, where tests replace the dialogs.
"""
