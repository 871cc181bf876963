"""Annotations over an evidence photo (标注): the overlay format, shared by the screen and the printed notice.

The stored photo is evidence and is never changed: the shapes live beside it, in the `overlay` column of
its evidence row (JSON text, or NULL when there is none), and are drawn over the photo wherever it is
shown — the app's thumbnails and editor (fieldapp.ui.photo_annotator) and the photo appendix of a notice
(fieldapp.documents.renderer), where the caption says that the marks were added by the inspector.

A JSON list of shapes, drawn in order (later shapes on top). Positions are fractions of the image,
0..1, with (0, 0) the top-left corner: x of the width, y of the height. Sizes ("width" of a stroke,
"size" of a text) are fractions of the image's longer edge. So the overlay fits the thumbnail exactly as
it fits the full photo, whatever their resolutions.

    {"type": "arrow", "x1": 0.20, "y1": 0.70, "x2": 0.45, "y2": 0.40, "color": "#e11d48", "width": 0.006}
        from the tail (x1, y1) to the tip (x2, y2), which carries the arrowhead;
    {"type": "ellipse", "x": 0.40, "y": 0.25, "w": 0.20, "h": 0.15, "color": "#e11d48", "width": 0.006}
        the ellipse (a circle when w and h are equal in pixels) inside that box, (x, y) its top-left;
    {"type": "text", "x": 0.50, "y": 0.18, "text": "无漏电保护", "color": "#e11d48", "size": 0.04}
        one line of text whose top-left is (x, y) and whose height is `size`.

"color" is "#rrggbb" (the editor offers red #e11d48, yellow #facc15 and white #ffffff). Every shape is
drawn with a thin dark halo so it reads on any background. A shape this version does not know, or one
with missing values, is skipped when drawing and kept unchanged when the overlay is edited and saved.
"""

from __future__ import annotations

import json
import re
from typing import Any

RED, YELLOW, WHITE = "#e11d48", "#facc15", "#ffffff"
STROKE = 0.006  # default stroke width, fraction of the longer edge
TEXT_SIZE = 0.04  # default text height, fraction of the longer edge
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def parse_overlay(value: Any) -> list[dict[str, Any]]:
    """The shapes of an evidence row's overlay (JSON text, a list, or None); bad data gives no shapes."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
            return []
    if not isinstance(value, list):
        return []
    return [dict(s) for s in value if isinstance(s, dict)]


def number(shape: dict[str, Any], key: str, default: float | None = None) -> float:
    """A numeric value of a shape; KeyError/TypeError/ValueError when missing, not a number or absurd.

    Positions are fractions of the image and sizes fractions of its longer edge: anything beyond ±10 is
    bad data (and would overflow once scaled to points or pixels).
    """
    value = shape.get(key, default)
    if value is None or isinstance(value, bool):
        raise KeyError(key)
    try:
        result = float(value)
    except OverflowError as exc:  # a 400-digit integer
        raise ValueError(key) from exc
    if not -10 <= result <= 10:  # also NaN
        raise ValueError(key)
    return result


_NEEDS = {"arrow": ("x1", "y1", "x2", "y2"), "ellipse": ("x", "y", "w", "h"), "text": ("x", "y")}


def valid_shapes(shapes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The shapes that can be drawn: a known type with all its numbers (and a text for a text)."""
    out = []
    for shape in shapes:
        kind = shape.get("type")
        if kind not in _NEEDS or (kind == "text" and not str(shape.get("text") or "").strip()):
            continue
        try:
            for key in _NEEDS[str(kind)]:
                number(shape, key)
            number(shape, "size" if kind == "text" else "width", TEXT_SIZE if kind == "text" else STROKE)
        except (KeyError, TypeError, ValueError):
            continue
        out.append(shape)
    return out


def colour(shape: dict[str, Any]) -> str:
    """The shape's "#rrggbb", red when missing or malformed."""
    value = str(shape.get("color") or RED)
    return value if _COLOUR.fullmatch(value) else RED
