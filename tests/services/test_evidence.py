from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from fieldapp.errors import FieldappError
from fieldapp.services import evidence
from fieldapp.workspace import Workspace
from tests.conftest import run_cli


def phone_photo(path: Path) -> Path:
    """A 4000×3000 landscape sensor image with orientation 6, capture time, GPS and model."""
    im = Image.new("RGB", (4000, 3000), (128, 128, 128))
    im.paste((220, 20, 20), (0, 0, 400, 400))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x0110] = "Mate 60"
    exif.get_ifd(0x8769)[0x9003] = "2026:11:20 09:30:15"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (35.0, 48.0, 0.0), "E", (116.0, 5.0, 0.0)
    im.save(path, "JPEG", quality=90, exif=exif)
    return path


def count(ws: Workspace) -> int:
    return int(ws.store.scalar("SELECT count(*) FROM evidence"))


def test_photo_is_stored_upright_small_and_with_metadata(ws: Workspace, visit: dict[str, str], tmp_path: Path) -> None:
    rows = evidence.attach(ws, finding_id=visit["finding_id"], paths=[phone_photo(tmp_path / "配电箱 照片.jpg")],
                           caption="配电箱无漏电保护").value
    row = rows[0]
    assert row["kind"] == "photo" and row["inspection_id"] == visit["inspection_id"]
    assert (row["width"], row["height"]) == (1920, 2560)
    with Image.open(row["path"]) as stored:
        assert stored.size == (1920, 2560)
        assert stored.getpixel((stored.width - 50, 50))[0] > 180  # the marker moved to the top-right
    with Image.open(row["thumb_path"]) as thumb:
        assert max(thumb.size) <= 320
    assert row["captured_at"].startswith("2026-11-20T09:30:15") and row["captured_at_source"] == "exif"
    assert row["latitude"] == pytest.approx(35.8) and row["longitude"] == pytest.approx(116.0833, abs=1e-3)
    assert row["camera_model"] == "Mate 60" and row["original_name"] == "配电箱 照片.jpg"
    assert ws.store.query("SELECT action FROM audit_log WHERE entity = 'evidence'")[0]["action"] == "create"


def test_each_change_to_evidence_reports_the_rows_it_touched(ws: Workspace, visit: dict[str, str],
                                                             tmp_path: Path) -> None:
    from fieldapp.services.changes import Entity

    done = evidence.attach(ws, finding_id=visit["finding_id"], paths=[phone_photo(tmp_path / "a.jpg")])
    row_id = done.value[0]["id"]
    assert done.changes.entities == {Entity.EVIDENCE} and done.changes.ids == {row_id}
    marked = evidence.set_overlay(ws, row_id, [{"type": "text", "x": 0.1, "y": 0.1, "text": "无漏保"}])
    assert "无漏保" in marked.value["overlay"] and marked.changes.ids == {row_id}
    assert evidence.unlink(ws, row_id).changes.entities == {Entity.EVIDENCE} and count(ws) == 0


def test_same_photo_twice_is_stored_once(ws: Workspace, visit: dict[str, str], tmp_path: Path) -> None:
    photo = phone_photo(tmp_path / "a.jpg")
    first = evidence.attach(ws, finding_id=visit["finding_id"], paths=[photo]).value[0]
    second = evidence.attach(ws, inspection_id=visit["inspection_id"], paths=[photo]).value[0]
    assert first["sha256"] == second["sha256"] and count(ws) == 2
    assert sorted(evidence.blobs(ws).iter_hashes()) == sorted({first["sha256"], first["thumb_sha256"]})
    shard_files = [p for p in (ws.data_dir / "evidence").glob("??/*") if p.is_file()]
    assert len(shard_files) == 1  # the photo is a file; its small thumbnail lives in the pack


@pytest.mark.parametrize("bad", ["bomb", "truncated", "text", "empty", "missing"])
def test_bad_files_store_nothing(ws: Workspace, visit: dict[str, str], tmp_path: Path, bad: str) -> None:
    good = phone_photo(tmp_path / "good.jpg")
    path = tmp_path / "bad.jpg"
    if bad == "bomb":
        Image.new("1", (12000, 12000)).save(path.with_suffix(".png"))
        path = path.with_suffix(".png")
    elif bad == "truncated":
        path.write_bytes(good.read_bytes()[:20000])
    elif bad == "text":
        path.write_text("这不是图片", encoding="utf-8")
    elif bad == "empty":
        path.write_bytes(b"")
    with pytest.raises(FieldappError) as err:
        evidence.attach(ws, finding_id=visit["finding_id"], paths=[good, path])
    assert err.value.zh and err.value.en
    assert count(ws) == 0
    assert not (ws.data_dir / "evidence").exists() or not any((ws.data_dir / "evidence").rglob("*.*"))


def test_video_is_stored_by_streamed_hash_and_size_limit(ws: Workspace, visit: dict[str, str], tmp_path: Path) -> None:
    from fieldapp.models import settings

    video = tmp_path / "执法记录仪 0001.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * (3 * 1024 * 1024))
    row = evidence.attach(ws, finding_id=visit["finding_id"], paths=[video]).value[0]
    assert row["kind"] == "video" and row["size"] == video.stat().st_size
    assert Path(row["path"]).read_bytes() == video.read_bytes()
    settings.set_value(ws.store, "media_max_mb", 1)
    with pytest.raises(FieldappError, match="larger than"):
        evidence.attach(ws, finding_id=visit["finding_id"], paths=[video])


def test_verify_detects_a_modified_file_and_gc_keeps_used_files(ws: Workspace, visit: dict[str, str],
                                                                tmp_path: Path) -> None:
    rows = evidence.attach(ws, finding_id=visit["finding_id"], paths=[phone_photo(tmp_path / "a.jpg")]).value
    checked, problems = evidence.verify(ws)
    assert checked == 2 and problems == []
    path = Path(rows[0]["path"])
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    _, problems = evidence.verify(ws)
    assert [p.problem for p in problems] == ["modified"] and problems[0].path == str(path)
    assert evidence.gc(ws) == 0
    evidence.unlink(ws, rows[0]["id"], reason="拍错了")
    assert ws.store.query("SELECT table_name FROM tombstones")[0]["table_name"] == "evidence"
    assert evidence.gc(ws) == 2 and not path.exists()


def test_watermark_is_a_derived_copy(ws: Workspace, visit: dict[str, str], tmp_path: Path) -> None:
    row = evidence.attach(ws, finding_id=visit["finding_id"], paths=[phone_photo(tmp_path / "a.jpg")]).value[0]
    before = Path(row["path"]).read_bytes()
    marked = tmp_path / "marked.jpg"
    marked.write_bytes(evidence.watermark(ws, row["id"]))
    with Image.open(marked) as im, Image.open(row["path"]) as original:
        assert im.size == original.size
        bottom = im.crop((0, im.height - 40, 200, im.height)).convert("L")
        assert sum(bottom.tobytes()) / (200 * 40) < 110  # the dark caption band is there
    assert Path(row["path"]).read_bytes() == before


def test_cli_attach_verify_and_stats(tmp_path: Path, ws: Workspace, visit: dict[str, str]) -> None:
    photo = phone_photo(tmp_path / "现场 1.jpg")
    ws.close()
    result = run_cli(ws.data_dir, "findings", "attach", visit["finding_id"], str(photo), "--caption", "现场", "--json")
    assert result.returncode == 0, result.stderr
    import json

    assert json.loads(result.stdout)[0]["caption"] == "现场"
    assert json.loads(run_cli(ws.data_dir, "stats", "--json").stdout)["evidence"] == 1
    assert run_cli(ws.data_dir, "evidence", "verify").returncode == 0
    stored = next(p for p in (ws.data_dir / "evidence").rglob("*") if p.is_file() and p.stat().st_size > 50_000)
    stored.write_bytes(stored.read_bytes()[:-10] + b"0123456789")
    bad = run_cli(ws.data_dir, "evidence", "verify")
    assert bad.returncode == 1 and str(stored) in bad.stderr
    text = tmp_path / "fake.jpg"
    text.write_text("hello")
    refused = run_cli(ws.data_dir, "findings", "attach", visit["finding_id"], str(text))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert json.loads(run_cli(ws.data_dir, "stats", "--json").stdout)["evidence"] == 1
