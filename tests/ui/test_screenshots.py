"""`make screenshots` drives every main view through its widgets; it must keep working as they change."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

VIEWS = ("first-start", "home", "enterprises", "enterprise-detail", "enterprise-not-found", "enterprise-new",
         "inspection", "finding", "photo-annotation", "hazards", "document-preview", "document-signatures",
         "signature-pad", "document-issued", "documents", "statistics", "sync", "sync-central", "settings",
         "reinspection", "hazard-reinspected")


def test_every_main_view_is_written_and_not_blank(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-m", "fieldapp.ui.screenshots", str(tmp_path / "shots")], env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr, run.stderr[-3000:]  # e.g. the preview closing after the app
    for view in VIEWS:
        with Image.open(tmp_path / "shots" / f"{view}.png") as image:
            assert image.size == (1366, 768), view
            colours = image.convert("RGB").resize((136, 76)).getcolors(maxcolors=100_000) or []
            assert len(colours) > 20, f"{view} is (nearly) blank"
    # README shows the signature block: the preview scrolled to the end of the notice, not its first page again.
    with Image.open(tmp_path / "shots" / "document-preview.png") as top, \
            Image.open(tmp_path / "shots" / "document-signatures.png") as end:
        assert top.convert("RGB").tobytes() != end.convert("RGB").tobytes()
