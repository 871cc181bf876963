"""Made-up documents for previews, tests and the benchmark (no real enterprise or person)."""

from __future__ import annotations

import hashlib
import io
from datetime import date, datetime, timedelta

from PIL import Image, ImageDraw

from fieldapp.documents.content import (
    Authority,
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
    SignatureImage,
)

AUTHORITY = Authority(name="梁山县应急管理局", seal_text="（印章）")
ENTERPRISE = Enterprise(
    name="梁山县喆堃机械配件有限公司",
    uscc="91350100M000100Y43",
    address="山东省济宁市梁山县拳铺镇工业园区昇平路18号",
    responsible_person="吉珺",
    position="总经理",
    phone="0537-7321234",
)
RIGHTS = RightsNotice(review_government="梁山县人民政府", court="梁山县人民法院")
ISSUED = date(2026, 3, 5)

FINDING_TEXTS = [
    ("粉尘涉爆作业场所除尘系统未按规定采用负压除尘，且未设置锁气卸灰装置。",
     "《工贸企业重大事故隐患判定标准》第十二条", "立即停止相关区域作业，改造除尘系统并经验收合格。"),
    ("有限空间作业未执行“先通风、再检测、后作业”的要求，现场未配备气体检测报警仪。",
     "《工贸企业有限空间作业安全规定》第十四条", "配备气体检测报警仪，完善作业审批制度并对作业人员进行培训。"),
    ("车间配电箱未设置漏电保护装置，部分电线私拉乱接。",
     "《用电安全导则》GB/T 13869", "由持证电工整改线路，加装漏电保护装置。"),
    ("安全出口被成品堆放占用，疏散通道宽度不足。",
     "《中华人民共和国消防法》第二十八条", "清理疏散通道，确保安全出口畅通。"),
]


def sample_jpeg(width: int = 1600, height: int = 1200, label: str = "photo") -> bytes:
    """A synthetic photo: a gradient with a few shapes, JPEG quality 85."""
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for i in range(8):
        x = (i * 197) % max(width - 200, 1)
        y = (i * 131) % max(height - 200, 1)
        draw.rectangle((x, y, x + 180, y + 120), fill=(40 * i % 255, 90, 160), outline=(0, 0, 0), width=4)
    draw.text((20, 20), label, fill=(255, 255, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def sample_signature(name: str = "sig") -> bytes:
    """A scribble on a transparent background, as the on-screen signature pad produces."""
    image = Image.new("RGBA", (600, 200), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    seed = sum(map(ord, name))
    points = [(40 + i * 50, 100 + ((seed * (i + 3)) % 90) - 45) for i in range(11)]
    draw.line(points, fill=(0, 0, 0, 255), width=7, joint="curve")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def sample_photo(index: int, when: datetime | None = None) -> EvidencePhoto:
    data = sample_jpeg(label=f"photo {index}")
    return EvidencePhoto(
        jpeg=data,
        caption=f"第{index}处隐患现场",
        captured_at=when or datetime(2026, 3, 5, 9, 40) + timedelta(minutes=index),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def sample_officers(signed: bool = True) -> tuple[Officer, ...]:
    return (
        Officer("张建国", "37080021001", SignatureImage(sample_signature("张")) if signed else None),
        Officer("李昇", "37080021002", SignatureImage(sample_signature("李")) if signed else None),
    )


def sample_findings(count: int, long_text: str | None = None) -> tuple[Finding, ...]:
    findings = []
    for i in range(count):
        desc, basis, req = FINDING_TEXTS[i % len(FINDING_TEXTS)]
        if long_text is not None and i == 0:
            desc = long_text
        findings.append(Finding(number=i + 1, description=desc, legal_basis=basis, requirement=req))
    return tuple(findings)


def sample_order(findings: int = 3, photos: int = 0, qr: str | None = "FA1|梁应急责改〔2026〕15号",
                 **overrides: object) -> RectificationOrder:
    values: dict[str, object] = {
        "authority": AUTHORITY,
        "number": "梁应急责改〔2026〕15号",
        "enterprise": ENTERPRISE,
        "officers": sample_officers(),
        "signatory": Signatory("吉珺", SignatureImage(sample_signature("吉")), ISSUED),
        "issued_on": ISSUED,
        "photos": tuple(sample_photo(i + 1) for i in range(photos)),
        "qr_payload": qr,
        "findings": sample_findings(findings),
        "deadline": date(2026, 3, 20),
        "interim_measures": "设置警戒区域，安排专人值守，停止粉尘涉爆区域作业。",
        "rights": RIGHTS,
    }
    values.update(overrides)
    return RectificationOrder(**values)  # type: ignore[arg-type]


def sample_record(**overrides: object) -> InspectionRecord:
    values: dict[str, object] = {
        "authority": AUTHORITY,
        "number": "梁应急检记〔2026〕31号",
        "enterprise": ENTERPRISE,
        "officers": sample_officers(),
        "signatory": Signatory("吉珺", Refusal(reason="认为检查结论有误", witness="王红梅",
                                                   recorded_at=datetime(2026, 3, 5, 11, 10))),
        "issued_on": ISSUED,
        "qr_payload": "FA1|梁应急检记〔2026〕31号",
        "place": "生产车间、抛光打磨区、成品仓库",
        "start": datetime(2026, 3, 5, 9, 30),
        "end": datetime(2026, 3, 5, 11, 5),
        "situation": "对该单位安全生产责任制落实、粉尘防爆、有限空间作业、用电安全及消防通道情况进行了检查。",
        "findings": sample_findings(3),
    }
    values.update(overrides)
    return InspectionRecord(**values)  # type: ignore[arg-type]


def sample_reinspection(**overrides: object) -> ReinspectionOpinion:
    values: dict[str, object] = {
        "authority": AUTHORITY,
        "number": "梁应急复查〔2026〕9号",
        "enterprise": ENTERPRISE,
        "officers": sample_officers(),
        "signatory": Signatory("吉珺", None),
        "issued_on": date(2026, 3, 21),
        "qr_payload": "FA1|梁应急复查〔2026〕9号",
        "original_number": "梁应急责改〔2026〕15号",
        "original_date": ISSUED,
        "reinspected_on": date(2026, 3, 21),
        "items": (
            ReinspectionItem("第1项：粉尘涉爆作业场所除尘系统未按规定采用负压除尘", True, "予以销号"),
            ReinspectionItem("第2项：有限空间作业未配备气体检测报警仪", False,
                             "责令于2026年4月5日前整改完毕，逾期未整改的依法立案查处"),
        ),
    }
    values.update(overrides)
    return ReinspectionOpinion(**values)  # type: ignore[arg-type]


def sample_measures(**overrides: object) -> OnSiteMeasuresDecision:
    values: dict[str, object] = {
        "authority": AUTHORITY,
        "number": "梁应急现决〔2026〕3号",
        "enterprise": ENTERPRISE,
        "officers": sample_officers(),
        "signatory": Signatory("吉珺", SignatureImage(sample_signature("吉")), ISSUED),
        "issued_on": ISSUED,
        "qr_payload": "FA1|梁应急现决〔2026〕3号",
        "findings": sample_findings(1),
        "measures": OnSiteMeasures(
            withdraw_workers=True,
            danger_zone="抛光打磨车间",
            suspend_production=False,
            suspended_facilities=("1号除尘器", "2号抛光生产线"),
        ),
        "rights": RightsNotice(review_government="梁山县人民政府", court="梁山县人民法院",
                               review_department="济宁市应急管理局"),
    }
    values.update(overrides)
    return OnSiteMeasuresDecision(**values)  # type: ignore[arg-type]
