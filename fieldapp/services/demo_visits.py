"""Demo visits with photos, on-screen signatures and issued notices, recorded through the real services."""

from __future__ import annotations

import json
import random
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter

from fieldapp.models import checklist_format, checklists, demo, numbering
from fieldapp.models.doc_types import DocType
from fieldapp.services import visits
from fieldapp.services.changes import NOTHING, Changes, Done
from fieldapp.workspace import Workspace


def _photo(path: Path, rng: random.Random, taken: datetime) -> None:
    """A plausible site photo: a wall, a grey cabinet with a red warning patch, some noise."""
    w, h = 2400, 1800
    image = Image.new("RGB", (w, h), (rng.randint(150, 190), rng.randint(150, 180), rng.randint(140, 170)))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, int(h * 0.75), w, h), fill=(90, 90, 95))
    x, y = rng.randint(300, 900), rng.randint(200, 500)
    draw.rectangle((x, y, x + 700, y + 900), fill=(120, 125, 130), outline=(40, 40, 40), width=12)
    draw.rectangle((x + 80, y + 120, x + 300, y + 260), fill=(200, 30, 30))
    for _ in range(40):
        cx, cy = rng.randint(0, w), rng.randint(0, h)
        draw.line((cx, cy, cx + rng.randint(-200, 200), cy + rng.randint(-40, 40)), fill=(60, 60, 60), width=3)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
    exif[0x0110] = "执法记录仪 DSJ-A8"
    image.save(path, "JPEG", quality=85, exif=exif)


def _signature(path: Path, rng: random.Random) -> None:
    image = Image.new("RGBA", (480, 180), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    x, y = 30, 110
    points = [(x, y)]
    for _ in range(9):
        x += rng.randint(30, 55)
        y = max(25, min(160, y + rng.randint(-60, 60)))
        points.append((x, y))
    draw.line(points, fill=(10, 10, 40, 255), width=7, joint="curve")
    image.save(path, "PNG")


def add_visits(ws: Workspace, *, count: int = 6, seed: int = 20261123, today: date | None = None
               ) -> Done[list[dict[str, Any]]]:
    """Record `count` visits with findings, photos, signatures (one refusal) and issued notices."""
    store = ws.store
    rng = random.Random(seed)
    today = today or date.today()
    officers = store.query("SELECT name, certificate_no FROM inspectors ORDER BY certificate_no LIMIT 6")
    candidates = store.query("SELECT uscc, industry, sub_sector, tags FROM enterprises WHERE status = '在营'"
                             " ORDER BY search_key LIMIT 200")
    if len(officers) < 2 or not candidates:
        return Done([], NOTHING)
    from fieldapp.sync.roles import Role, role

    enrolled = role(store) is Role.DEVICE
    if enrolled:
        # Numbers of an enrolled device come only from the office's blocks.
        count = min(count, *(numbering.remaining(store, t, today.year) for t in
                             (DocType.INSPECTION_RECORD, DocType.RECTIFICATION_ORDER)))
    for doc_type in DocType:
        if not enrolled and numbering.remaining(store, doc_type, today.year) < count * 2:
            first, last = numbering.next_free_range(
                [(r["first_serial"], r["last_serial"]) for r in numbering.list_blocks(store)
                 if r["doc_type"] == doc_type and r["year"] == today.year], 100)
            numbering.assign_block(store, doc_type=doc_type, year=today.year, first=first, last=last)
    results = []
    changes: Changes = NOTHING
    with tempfile.TemporaryDirectory(prefix="fieldapp-demo-") as tmp:
        base = Path(tmp)
        for n in range(count):
            enterprise = rng.choice(candidates)
            pair = rng.sample(officers, 2)
            day = today - timedelta(days=rng.randint(0, 20))
            start = datetime(day.year, day.month, day.day, rng.randint(8, 14), rng.choice([0, 30]))
            suggested = checklists.suggest(store, enterprise)
            answers: dict[str, Any] = {}
            template_id = suggested[0]["id"] if suggested else "nine-small-places"
            items = checklist_format.items(checklists.get(store, template_id))
            for k, item in enumerate(items[:8]):
                answers[item["code"]] = "不符合" if k in (1, 4) else ("不适用" if k == 6 else "符合")
            photos = []
            for k in range(2):
                name = f"visit{n}-photo{k}.jpg"
                _photo(base / name, rng, start + timedelta(minutes=10 + k * 7))
                photos.append({"path": name, "caption": rng.choice(["配电箱现场照片", "安全出口堵塞情况", "灭火器检查情况",
                                                                    "作业现场全景", "隐患部位近景"])})
            signatures = []
            for k in range(2):
                name = f"visit{n}-officer{k}.png"
                _signature(base / name, rng)
                signatures.append(name)
            rep_name = demo.SURNAMES[rng.randrange(len(demo.SURNAMES))] + rng.choice(demo.GIVEN)
            representative: dict[str, Any] = {"name": rep_name, "title": rng.choice(["总经理", "厂长", "安全负责人"])}
            if n == count - 1:
                representative["refusal"] = {"reason": "认为隐患已当场整改，拒绝签字", "witness": "村网格员 王立新"}
            else:
                _signature(base / f"visit{n}-rep.png", rng)
                representative["signature"] = f"visit{n}-rep.png"
            spec = {
                "format": 1,
                "enterprise": {"uscc": enterprise["uscc"]},
                "officers": [{"certificate_no": o["certificate_no"], "signature": s} for o, s in zip(pair, signatures,
                                                                                                 strict=True)],
                "type": rng.choice(["日常检查", "专项检查", "双随机抽查"]),
                "started_at": start.isoformat(timespec="seconds"),
                "ended_at": (start + timedelta(hours=1, minutes=20)).isoformat(timespec="seconds"),
                "representative": representative,
                "templates": [{"id": template_id, "answers": answers}],
                "findings": [{"description": rng.choice(demo.FINDING_TEXTS)[0], "grade": "general",
                              "legal_basis": "《中华人民共和国安全生产法（2021修正）》第四十一条",
                              "requirement": "立即组织整改，整改完成后书面报告",
                              "deadline": (day + timedelta(days=15)).isoformat(), "photos": photos}],
                "summary": "检查了生产现场、配电设施、消防器材和安全管理台账。",
                "notices": {"inspection_record": True,
                            "rectification_order": {"deadline": (day + timedelta(days=15)).isoformat(),
                                                    "interim_measures": "整改期间落实专人看护，停止使用存在隐患的设施"}},
            }
            path = base / f"visit{n}.json"
            path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
            done = visits.record(ws, path, today=day)
            results.append(done.value.as_dict())
            changes |= done.changes
    return Done(results, changes)
