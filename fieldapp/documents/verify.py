"""Offline verification of an exported notice (PDF) or of a scanned QR code (验真).

A PDF is valid only when all of these hold:

* every page carries the same fieldapp QR code, and its Ed25519 signature verifies with a known device key;
* what the code vouches for is what the page says: the document type, number, issue date and deadline
  appear in the PDF's text, and so does the USCC when the document prints one (the 责令限期整改指令书
  layout does not: then the USCC is only compared with the office record);
* the stored record, when a lookup is given, has the same content hash and is not voided;
* the PAdES signature is intact, covers the whole file and chains to a trusted root;
* the code does not mark a demo document (演示文书): one issued from demo data is never valid, whatever
  else checks out, and the verdict says so first.

Garbage in (random bytes, a truncated PDF, a PDF without a code) gives an invalid result with reasons,
never an exception.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import zxingcpp
from cryptography import x509

from fieldapp.documents.demo_mark import DEMO_NOTICE
from fieldapp.documents.layout import cn_date
from fieldapp.documents.pades import SignatureCheck, verify_pdf_signature
from fieldapp.documents.qr import HASH_BYTES, Payload, Reason, parse_payload, verify_payload
from fieldapp.errors import FieldappError

log = logging.getLogger(__name__)

RecordLookup = Callable[[str], Mapping[str, Any] | None]

RENDER_SCALE = 2
QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
MAX_PAGES = 200  # a notice has a handful of pages; this bounds the work a hostile file can cause
# Statuses of a stored record that make its printed copies invalid (a correction voids the old document).
VOID_STATUSES = frozenset({"voided", "void", "revoked", "superseded", "cancelled", "作废", "撤销"})
DEMO_REASON = Reason("This is a demo document (演示文书) issued from demo data: it has no legal effect.",
                     f"{DEMO_NOTICE}：本文书由演示数据生成，不是真实的执法文书。")


@dataclass(frozen=True)
class NoticeCheck:
    """``reasons`` explain an invalid result; ``notes`` are informational and never make it invalid."""

    valid: bool
    reasons: tuple[Reason, ...]
    notes: tuple[Reason, ...] = ()
    signer: str | None = None  # the PDF signer (device certificate name), when there is a PDF signature
    key_id: str | None = None  # the device key that signed the QR payload
    payload: Payload | None = None
    signature: SignatureCheck | None = None
    record_found: bool | None = None  # None: no lookup was made
    pages: int = 0

    @property
    def demo(self) -> bool:
        """The QR code marks a demo document (演示文书，无法律效力)."""
        return self.payload is not None and self.payload.demo

    def summary(self, lang: str = "en") -> str:
        if self.valid:
            return "有效" if lang.startswith("zh") else "Valid"
        if lang.startswith("zh"):
            return "无效：" + "".join(r.zh for r in self.reasons)
        return "Invalid: " + " ".join(r.en for r in self.reasons)


class _Collector:
    def __init__(self) -> None:
        self.reasons: list[Reason] = []
        self.notes: list[Reason] = []

    def fail(self, en: str, zh: str) -> None:
        self.reasons.append(Reason(en, zh))

    def note(self, en: str, zh: str) -> None:
        self.notes.append(Reason(en, zh))


def _check_payload(text: str, known_keys: Mapping[str, bytes], out: _Collector) -> Payload | None:
    try:
        payload = parse_payload(text)
    except FieldappError as exc:
        out.fail(exc.en, exc.zh)
        return None
    if payload.demo:
        out.reasons.insert(0, DEMO_REASON)
    result = verify_payload(payload, known_keys)
    if not result.valid:
        out.fail(result.reason.en, result.reason.zh)
    return payload


def _check_record(payload: Payload, lookup: RecordLookup, out: _Collector) -> bool | None:
    try:
        record = lookup(payload.number)
    except FieldappError as exc:
        out.note(f"The office record could not be checked: {exc.en}", f"无法核对局里的记录：{exc.zh}")
        return None
    if record is None:
        # Devices work offline: a notice issued today may reach the office only at the next sync.
        out.note(
            f"No record of {payload.number} yet (the issuing device may not have synchronised).",
            f"尚无 {payload.number} 的记录（签发终端可能尚未同步）。",
        )
        return False
    status = str(record.get("status") or "").strip().lower()
    if status in VOID_STATUSES:
        why = str(record.get("void_reason") or record.get("status_reason") or "").strip()
        replaced = str(record.get("replaced_by") or "").strip()
        en = f"{payload.number} has been voided"
        zh = f"{payload.number} 已作废"
        if why:
            en, zh = f"{en} ({why})", f"{zh}（{why}）"
        if replaced:
            en, zh = f"{en}; it was replaced by {replaced}", f"{zh}，已由 {replaced} 替代"
        out.fail(en + ".", zh + "。")
    stored = record.get("content_hash")
    if stored:
        try:
            digest = bytes.fromhex(stored) if isinstance(stored, str) else bytes(stored)
        except ValueError:
            digest = b""
        if digest[:HASH_BYTES] != payload.content_hash:
            out.fail(
                "The document does not match the office record (its content hash differs).",
                "文书与局里的记录不符（内容摘要不一致）。",
            )
    stored_uscc = str(record.get("uscc") or "").strip()
    if stored_uscc and stored_uscc.upper() != payload.uscc.upper():
        out.fail(
            f"The QR code names USCC {payload.uscc}, the office record {stored_uscc}.",
            f"二维码中的统一社会信用代码 {payload.uscc} 与记录中的 {stored_uscc} 不符。",
        )
    return True


def _result(out: _Collector, **kw: Any) -> NoticeCheck:
    if out.reasons == [DEMO_REASON]:
        out.note("Apart from being a demo, the code's signature and the document check out.",
                 "除演示标记外，二维码签名与文书内容核验无误。")
    return NoticeCheck(valid=not out.reasons, reasons=tuple(out.reasons), notes=tuple(out.notes), **kw)


def verify_qr_text(text: str, known_keys: Mapping[str, bytes],
                   record_lookup: RecordLookup | None = None) -> NoticeCheck:
    """Verify a scanned QR code alone (no PDF): its signature and, optionally, the office record."""
    out = _Collector()
    payload = _check_payload(text, known_keys, out)
    found = None
    if payload is not None and record_lookup is not None and not out.reasons:
        found = _check_record(payload, record_lookup, out)
    return _result(out, key_id=payload.key_id if payload else None, payload=payload, record_found=found)


# --------------------------------------------------------------------------------------------------- PDF


def _page_codes(page: pdfium.PdfPage) -> list[str]:
    """QR texts on a page. The renderer puts the code top right, so that quarter is tried first: it is
    five times faster than the full page; a code anywhere else is still found by the full-page pass."""
    width, height = page.get_size()
    for crop in ((width / 2, height * 3 / 4, 0, 0), (0, 0, 0, 0)):
        image = page.render(scale=RENDER_SCALE, grayscale=True, crop=crop).to_pil()
        texts = [r.text for r in zxingcpp.read_barcodes(image, formats=QR_ONLY)
                 if r.valid and r.text]
        if texts:
            return texts
    return []


def _ours(text: str) -> bool:
    try:
        parse_payload(text)
    except FieldappError:
        return False
    return True


def _check_text(payload: Payload, flat: str, out: _Collector) -> None:
    expected = [
        ("document type", "文书种类", payload.kind.title_zh),
        ("document number", "文号", payload.number),
        ("issue date", "签发日期", cn_date(payload.issued_on)),
    ]
    if payload.deadline is not None:
        expected.append(("deadline", "整改期限", cn_date(payload.deadline)))
    if payload.demo:
        expected.append(("demo mark", "演示标记", DEMO_NOTICE))
    if "统一社会信用代码" in flat:
        expected.append(("USCC", "统一社会信用代码", payload.uscc))
    else:
        out.note(
            "The document does not print the USCC; it is compared only with the office record.",
            "文书未印统一社会信用代码，仅与局里的记录核对。",
        )
    for en, zh, value in expected:
        if value and "".join(value.split()) not in flat:
            out.fail(
                f"The QR code says {en} {value}, which does not appear in the document's text.",
                f"二维码中的{zh}“{value}”与文书内容不符。",
            )


def verify_pdf(pdf_bytes: bytes, known_keys: Mapping[str, bytes], trust_roots: Iterable[x509.Certificate],
               record_lookup: RecordLookup | None = None) -> NoticeCheck:
    """Verify an exported notice offline. Never raises: problems come back as reasons."""
    try:
        return _verify_pdf(bytes(pdf_bytes), known_keys, list(trust_roots), record_lookup)
    except Exception:  # a verifier must answer for any file; the traceback goes to the log as a bug
        log.exception("unexpected error while verifying a PDF")
        return NoticeCheck(False, (Reason("The file could not be checked (internal error).",
                                          "文件无法验证（内部错误）。"),))


def _verify_pdf(pdf: bytes, known_keys: Mapping[str, bytes], trust_roots: list[x509.Certificate],
                record_lookup: RecordLookup | None) -> NoticeCheck:
    out = _Collector()
    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError:
        out.fail("The file is not a readable PDF.", "文件不是可读取的 PDF。")
        return _result(out)
    try:
        count = len(document)
        if count == 0 or count > MAX_PAGES:
            out.fail(f"The PDF has {count} pages; this is not a fieldapp notice.",
                     f"该 PDF 有 {count} 页，不是本系统签发的文书。")
            return _result(out, pages=count)
        codes: list[str | None] = []
        texts: list[str] = []
        for index in range(count):
            page = document[index]
            try:
                ours = [t for t in _page_codes(page) if _ours(t)]
                textpage = page.get_textpage()
                texts.append(textpage.get_text_range())
                textpage.close()
            finally:
                page.close()
            codes.append(ours[0] if ours else None)
            if len(set(ours)) > 1:
                out.fail(f"Page {index + 1} carries more than one fieldapp QR code.",
                         f"第 {index + 1} 页有多个执法文书二维码。")
    finally:
        document.close()

    missing = [str(i + 1) for i, code in enumerate(codes) if code is None]
    if missing:
        out.fail(f"No readable fieldapp QR code on page(s) {', '.join(missing)}.",
                 f"第 {'、'.join(missing)} 页没有可识别的执法文书二维码。")
    distinct = {c for c in codes if c is not None}
    # Compare decoded payloads, not texts: the same payload may be printed as bare token or as URL.
    tokens = {parse_payload(c).token for c in distinct}
    if len(tokens) > 1:
        out.fail("The pages carry different QR codes: pages from different documents were combined.",
                 "各页二维码不一致：文件混入了其他文书的页面。")
    payload = _check_payload(sorted(distinct)[0], known_keys, out) if distinct else None

    if payload is not None:
        _check_text(payload, "".join("".join(texts).split()), out)
    found = None
    if payload is not None and record_lookup is not None:
        found = _check_record(payload, record_lookup, out)

    signature = verify_pdf_signature(pdf, trust_roots)
    if not signature.valid:
        out.fail(signature.reason.en, signature.reason.zh)
    return _result(out, signer=signature.signer, key_id=payload.key_id if payload else None,
                   payload=payload, signature=signature, record_found=found, pages=count)
