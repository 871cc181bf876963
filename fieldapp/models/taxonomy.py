"""Controlled vocabularies of the domain (domain.md §3, §5, §6).

They live in one place so that the registry import, the checklists, the UI filters and the demo data
agree on spelling. Values are the Chinese terms an inspector reads; aliases map what clerks type.
"""

from __future__ import annotations

# Supervision categories and their sub-sectors. An empty tuple means no finer split is used.
INDUSTRIES: dict[str, tuple[str, ...]] = {
    "危险化学品": ("生产", "带储存经营", "无储存经营", "使用", "加油站"),
    "烟花爆竹": ("批发", "零售"),
    "非煤矿山": ("露天矿山", "地下矿山", "尾矿库"),
    "煤矿": (),
    "冶金": (),
    "有色": (),
    "建材": (),
    "机械": (),
    "轻工": (),
    "纺织": (),
    "烟草": (),
    "商贸": (),
    "建筑施工": (),
    "城镇燃气": ("经营", "餐饮用户"),
    "特种设备使用单位": (),
    "道路运输": (),
    "人员密集场所": (),
    "九小场所": ("小商店", "小作坊", "小餐饮", "小旅馆", "小网吧", "小歌舞娱乐", "小美容洗浴", "小学校幼儿园", "小医院"),
    "其他": (),
}

HIGH_RISK_INDUSTRIES: frozenset[str] = frozenset(
    {"危险化学品", "非煤矿山", "煤矿", "烟花爆竹", "冶金", "建筑施工", "城镇燃气"}
)

INDUSTRY_ALIASES: dict[str, str] = {
    "危化品": "危险化学品",
    "危险化学品企业": "危险化学品",
    "矿山": "非煤矿山",
    "金属非金属矿山": "非煤矿山",
    "尾矿库": "非煤矿山",
    "建筑": "建筑施工",
    "建筑业": "建筑施工",
    "燃气": "城镇燃气",
    "特种设备": "特种设备使用单位",
    "消防重点": "人员密集场所",
    "消防重点单位": "人员密集场所",
    "人员密集": "人员密集场所",
    "三小场所": "九小场所",
    "小场所": "九小场所",
    "钢铁": "冶金",
    "有色金属": "有色",
    "加油站": "危险化学品",
}

SPECIAL_HAZARD_TAGS: tuple[str, ...] = (
    "粉尘涉爆",
    "涉氨制冷",
    "有限空间作业",
    "动火作业",
    "高温熔融金属",
    "煤气",
    "重大危险源",
    "重点监管危险化工工艺",
    "外包作业",
    "电动车充电",
    "锂电池",
)

SCALES: tuple[str, ...] = ("规上", "规下", "小微")

# 四色: the canonical value is the first; the colour word is accepted as input.
RISK_LEVELS: tuple[str, ...] = ("重大", "较大", "一般", "低")
RISK_LEVEL_ALIASES: dict[str, str] = {
    "红": "重大", "红色": "重大", "重大风险": "重大",
    "橙": "较大", "橙色": "较大", "较大风险": "较大",
    "黄": "一般", "黄色": "一般", "一般风险": "一般",
    "蓝": "低", "蓝色": "低", "低风险": "低", "较低": "低",
}
RISK_COLOURS: dict[str, str] = {"重大": "红", "较大": "橙", "一般": "黄", "低": "蓝"}

STANDARDISATION_GRADES: tuple[str, ...] = ("一级", "二级", "三级", "未达标")
BUSINESS_STATUSES: tuple[str, ...] = ("在营", "停产", "关闭")

INSPECTION_TYPES: tuple[str, ...] = ("日常检查", "专项检查", "双随机抽查", "复查", "举报核查", "联合执法", "督导检查")

FINDING_SOURCES: tuple[str, ...] = ("执法检查", "企业自查自报", "专家检查", "举报", "远程视频检查")

# Grades are stored in English (code) and shown in Chinese.
FINDING_GRADES: dict[str, str] = {"general": "一般隐患", "major": "重大隐患"}

CHECK_METHODS: tuple[str, ...] = ("查阅资料", "现场查看", "询问", "测试")


def normalise_industry(value: str) -> tuple[str, str] | None:
    """Return (industry, sub_sector) for a clerk's spelling, or None when unknown.

    Accepts "危险化学品/加油站", "危险化学品-生产", a bare sub-sector such as "加油站", or an alias.
    """
    text = value.strip().replace("－", "-").replace("／", "/")
    if not text:
        return None
    for sep in ("/", "-", "·", "："):
        if sep in text:
            head, _, tail = text.partition(sep)
            found = normalise_industry(head)
            if found is None:
                return None
            sub = tail.strip()
            if sub and sub not in INDUSTRIES[found[0]]:
                return None
            return found[0], sub
    if text in INDUSTRIES:
        return text, ""
    if text == "加油站":
        return "危险化学品", "加油站"
    if text == "尾矿库":
        return "非煤矿山", "尾矿库"
    if text in INDUSTRY_ALIASES:
        return INDUSTRY_ALIASES[text], ""
    for industry, subs in INDUSTRIES.items():
        if text in subs and industry != "九小场所":
            return industry, text
    if text in INDUSTRIES["九小场所"]:
        return "九小场所", text
    return None


def normalise_risk_level(value: str) -> str | None:
    text = value.strip()
    if text in RISK_LEVELS:
        return text
    return RISK_LEVEL_ALIASES.get(text)
