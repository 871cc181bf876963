"""What goes on an enforcement document (执法文书), independent of the database.

Each document type (``fieldapp.models.doc_types.DocType``) has a frozen dataclass here, which names its type
in ``kind``; the services layer fills them from the records and
``fieldapp.documents.renderer.render`` turns one into a PDF. Values are printed as given: dates are
``datetime.date``/``datetime.datetime``, names and numbers are plain strings (the document number is
already formatted, e.g. ``梁应急责改〔2026〕15号``).

Legal wording that comes from national rules outside the seeds (article numbers, the review bodies) is
data here, with defaults, so that an office can correct it without a code change.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import ClassVar

from fieldapp.errors import ValidationError
from fieldapp.models.doc_types import DocType

# 安全生产法 (2021) 第六十五条第一款第（三）项: withdraw workers / suspend production for a major hazard.
ART_65_MEASURES_BASIS = "《中华人民共和国安全生产法》第六十五条第一款第（三）项"


@dataclass(frozen=True)
class Authority:
    """The issuing authority; ``seal_text`` is printed, as given, under its name where the seal goes.

    The national forms mark the place with （印章）; that is printed when ``seal_text`` is empty.
    """

    name: str
    seal_text: str = ""


@dataclass(frozen=True)
class Enterprise:
    name: str
    uscc: str = ""
    address: str = ""
    responsible_person: str = ""  # 法定代表人（负责人）
    position: str = ""
    phone: str = ""


@dataclass(frozen=True)
class SignatureImage:
    """An on-screen signature: a PNG (transparent background preferred) and when it was made."""

    png: bytes
    signed_at: datetime | None = None


@dataclass(frozen=True)
class Refusal:
    """The signer refused to sign (拒绝签字): recorded with the reason and a witness."""

    reason: str
    witness: str
    recorded_at: datetime | None = None


# None: a blank line is printed for a wet-ink signature.
Signature = SignatureImage | Refusal | None


@dataclass(frozen=True)
class Officer:
    name: str
    certificate_no: str  # 执法证号
    signature: SignatureImage | None = None


@dataclass(frozen=True)
class Signatory:
    """The inspected unit's responsible person who signs (or refuses to sign) the document."""

    name: str = ""
    signature: Signature = None
    signed_on: date | None = None


@dataclass(frozen=True)
class Finding:
    number: int
    description: str
    legal_basis: str = ""
    requirement: str = ""  # 整改要求
    deadline: date | None = None  # overrides the document's overall deadline for this finding


@dataclass(frozen=True)
class RightsNotice:
    """Where the addressee can appeal (行政复议 within 60 days, 行政诉讼 within 6 months).

    Full names, e.g. ``梁山县人民政府``, ``梁山县人民法院``. ``review_department`` is optional: since the
    2023 revision of the 行政复议法 a county department's acts are reviewed by the county government only.
    """

    review_government: str
    court: str
    review_department: str | None = None


@dataclass(frozen=True)
class EvidencePhoto:
    jpeg: bytes
    caption: str
    captured_at: datetime
    sha256: str  # hex digest of ``jpeg``; checked before printing
    overlay: str = ""  # the inspector's marks (JSON, fieldapp.models.photo_marks), drawn over the printed photo

    def verify(self) -> None:
        actual = hashlib.sha256(self.jpeg).hexdigest()
        if actual != self.sha256.lower():
            raise ValidationError(
                f"Photo '{self.caption}' does not match its recorded SHA-256; the evidence may have been altered.",
                f"照片“{self.caption}”与登记的 SHA-256 不符，证据可能已被改动。",
            )


@dataclass(frozen=True)
class ReinspectionItem:
    finding_ref: str  # e.g. "第1项" or the finding's text
    rectified: bool
    follow_up: str = ""  # what follows (e.g. 予以销号 / 依法立案查处 / 新的整改期限)


@dataclass(frozen=True)
class OnSiteMeasures:
    """现场处理措施 for a major hazard (安全生产法 第六十五条)."""

    withdraw_workers: bool = False
    danger_zone: str = ""  # where workers are withdrawn from
    suspend_production: bool = False  # 暂时停产停业
    suspended_facilities: tuple[str, ...] = ()  # 停止使用的设施、设备
    other_measures: tuple[str, ...] = ()
    legal_basis: str = ART_65_MEASURES_BASIS

    def __post_init__(self) -> None:
        _tuple_fields(self, "suspended_facilities", "other_measures")


def _tuple_fields(obj: object, *names: str) -> None:
    # Callers often pass lists; frozen dataclasses should hold tuples so documents stay hashable/immutable.
    for name in names:
        value = getattr(obj, name)
        if not isinstance(value, tuple):
            object.__setattr__(obj, name, tuple(value))


@dataclass(frozen=True, kw_only=True)
class _Document:
    authority: Authority
    number: str
    enterprise: Enterprise
    officers: tuple[Officer, ...]
    signatory: Signatory = field(default_factory=Signatory)
    issued_on: date
    photos: tuple[EvidencePhoto, ...] = ()
    qr_payload: str | None = None
    # Issued from demo data (演示): every page says it has no legal effect, and so does the QR payload.
    demo: bool = False

    kind: ClassVar[DocType]

    def __post_init__(self) -> None:
        _tuple_fields(self, "officers", "photos")


@dataclass(frozen=True, kw_only=True)
class InspectionRecord(_Document):
    """现场检查记录. ``issued_on`` is the record's date; the signatory is the on-site responsible person."""

    place: str
    start: datetime
    end: datetime
    situation: str  # 检查情况: what was checked
    findings: tuple[Finding, ...] = ()

    kind = DocType.INSPECTION_RECORD

    def __post_init__(self) -> None:
        super().__post_init__()
        _tuple_fields(self, "findings")


@dataclass(frozen=True, kw_only=True)
class RectificationOrder(_Document):
    """责令限期整改指令书."""

    findings: tuple[Finding, ...]
    deadline: date | None = None
    interim_measures: str = ""
    rights: RightsNotice

    kind = DocType.RECTIFICATION_ORDER

    def __post_init__(self) -> None:
        super().__post_init__()
        _tuple_fields(self, "findings")


@dataclass(frozen=True, kw_only=True)
class ReinspectionOpinion(_Document):
    """整改复查意见书, referring to the order (or decision) it follows up."""

    original_number: str
    original_date: date
    reinspected_on: date
    items: tuple[ReinspectionItem, ...]
    original_kind: DocType = DocType.RECTIFICATION_ORDER

    kind = DocType.REINSPECTION_OPINION

    def __post_init__(self) -> None:
        super().__post_init__()
        _tuple_fields(self, "items")


@dataclass(frozen=True, kw_only=True)
class OnSiteMeasuresDecision(_Document):
    """现场处理措施决定书 (major hazard: withdraw workers, suspend production or facilities)."""

    findings: tuple[Finding, ...]
    measures: OnSiteMeasures
    rights: RightsNotice

    kind = DocType.ONSITE_MEASURES

    def __post_init__(self) -> None:
        super().__post_init__()
        _tuple_fields(self, "findings")


Document = InspectionRecord | RectificationOrder | ReinspectionOpinion | OnSiteMeasuresDecision
