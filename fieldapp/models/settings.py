"""Settings of this installation (issuing unit, numbering, authorities named in the rights notice…)."""

from __future__ import annotations

import json
from typing import Any

from fieldapp.errors import ValidationError
from fieldapp.models.doc_types import DocType
from fieldapp.models.ids import utc_now
from fieldapp.models.store import Store

DEFAULTS: dict[str, Any] = {
    "issuing_unit": "示范县应急管理局",
    # Printed under the issuing unit where the ink seal goes; the national forms print （印章）.
    "seal_text": "（印章）",
    # Issuer abbreviation at the head of a document number (梁应急责改〔2026〕15号 → 梁应急).
    "document_prefix": "示应急",
    "document_number_format": "{prefix}{type}〔{year}〕{serial}号",
    "document_type_codes": {t.value: t.number_code for t in DocType},
    "review_government": "示范县人民政府",
    "review_department": "示范市应急管理局",
    "court": "示范县人民法院",
    "default_deadline_days": 15,
    "reinspection_days": 10,
    "due_soon_days": 3,
    "backup_keep": 10,
    "photo_long_edge": 2560,
    "photo_quality": 85,
    "keep_photo_originals": False,
    "media_max_mb": 2048,
    "language": "zh_CN",
    # Printed before the QR payload when set, so a phone camera opens the office's verification page.
    "verify_url": "",
}

LABELS_ZH = {
    "issuing_unit": "执法机关名称",
    "seal_text": "文书落款印章处文字",
    "document_prefix": "文书编号机关代字",
    "document_number_format": "文书编号格式",
    "document_type_codes": "文书种类代字",
    "review_government": "行政复议机关（人民政府）",
    "review_department": "行政复议机关（上级部门）",
    "court": "行政诉讼法院",
    "default_deadline_days": "默认整改期限（天）",
    "reinspection_days": "复查期限（天）",
    "due_soon_days": "即将到期提醒（天）",
    "backup_keep": "自动备份保留份数",
    "photo_long_edge": "照片长边（像素）",
    "photo_quality": "照片质量",
    "keep_photo_originals": "保留照片原图",
    "media_max_mb": "音视频文件大小上限（MB）",
    "language": "界面语言",
    "verify_url": "二维码核验网址（可选）",
}


def get(store: Store, key: str) -> Any:
    if key not in DEFAULTS:
        raise ValidationError(f"unknown setting {key}", f"未知设置项：{key}")
    row = store.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else DEFAULTS[key]


def all_settings(store: Store) -> dict[str, Any]:
    values = dict(DEFAULTS)
    for key, value in store.conn.execute("SELECT key, value FROM settings"):
        if key in values:
            values[key] = json.loads(value)
    return values


def set_value(store: Store, key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise ValidationError(f"unknown setting {key}", f"未知设置项：{key}")
    default = DEFAULTS[key]
    if isinstance(default, bool):
        if isinstance(value, str):
            value = value.strip().lower() in ("1", "true", "yes", "是", "on")
        value = bool(value)
    elif isinstance(default, int):
        try:
            value = int(value)
        except (TypeError, ValueError):
            raise ValidationError(f"{key} must be a whole number", f"{LABELS_ZH[key]}必须为整数") from None
        if value < 0:
            raise ValidationError(f"{key} cannot be negative", f"{LABELS_ZH[key]}不能为负数")
    elif isinstance(default, dict):
        if isinstance(value, str):
            value = json.loads(value)
        if not isinstance(value, dict):
            raise ValidationError(f"{key} must be a mapping", f"{LABELS_ZH[key]}格式错误")
    else:
        value = str(value).strip()
        if key == "document_number_format":
            for part in ("{serial}", "{year}"):
                if part not in value:
                    raise ValidationError(f"the number format must contain {part}", f"文书编号格式必须包含 {part}")
    with store.transaction():
        store.conn.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            (key, json.dumps(value, ensure_ascii=False), utc_now()),
        )
