"""Demo data: a realistic county with townships, grids, enterprises, inspectors and inspections.

Reproducible from the seed. Enterprises go through the same bulk path as a registry import, and
inspections and findings through the same service functions as real work, so demo records sync and
audit like real ones.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from fieldapp.errors import FieldappError
from fieldapp.models import enterprises, findings, inspections, inspectors, numbering, reinspections, taxonomy
from fieldapp.models import uscc as uscc_mod
from fieldapp.models.reinspections import ItemResult
from fieldapp.models.store import Store

COUNTY = "示范县"
DIVISION = "370832"
TOWNSHIPS = ["城关街道", "拳铺镇", "韩岗镇", "小安山镇", "寿张集镇", "馆驿镇", "杨营镇", "赵堌堆乡", "黑虎庙镇",
             "大路口乡"]
GRID_WORDS = ["东村", "西村", "南村", "北村", "前街社区", "后街社区", "工业园网格", "李庄", "王楼", "张庄", "陈集",
              "刘堂"]
BRANDS = ["宏达", "鑫源", "华泰", "永兴", "金鼎", "恒丰", "瑞丰", "隆昌", "盛达", "天成", "顺发", "万通", "福瑞",
          "兴旺", "东方", "正大", "中信", "鲁源", "泰和", "博远", "嘉禾", "润通", "汇丰", "聚鑫", "明珠", "远航",
          "锦程", "德润", "长青", "梁宇", "水浒", "宋江", "聚义", "凯旋", "众诚", "华鲁", "齐鲁", "银河", "新时代",
          "双喜", "喆达", "堃泰", "昇辉", "珺瑶", "𠮷祥", "䶮丰"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "建国",
         "志强", "海燕", "红梅", "喆", "堃", "昇", "珺", "𠮷", "䶮", "桂兰", "德华", "立新", "文博"]

# (industry, sub-sector, name suffixes, typical tags, weight)
PROFILES: list[tuple[str, str, list[str], list[str], int]] = [
    ("机械", "", ["机械制造有限公司", "机械配件厂", "铸造有限公司", "农机有限公司"], ["粉尘涉爆", "有限空间作业"], 14),
    ("轻工", "", ["食品有限公司", "木业有限公司", "家具厂", "包装制品有限公司", "纸业有限公司"],
     ["粉尘涉爆", "涉氨制冷", "有限空间作业"], 12),
    ("建材", "", ["建材有限公司", "水泥制品厂", "新型墙材有限公司", "石材加工厂"], ["粉尘涉爆"], 8),
    ("纺织", "", ["纺织有限公司", "棉业有限公司", "服饰有限公司"], ["粉尘涉爆"], 5),
    ("冶金", "", ["钢铁有限公司", "金属制品有限公司", "铸钢厂"], ["高温熔融金属", "煤气", "有限空间作业"], 2),
    ("有色", "", ["铝业有限公司", "铜材有限公司"], ["高温熔融金属", "粉尘涉爆"], 2),
    ("商贸", "", ["商贸有限公司", "物流有限公司", "冷链仓储有限公司", "超市"], ["涉氨制冷", "电动车充电"], 8),
    ("危险化学品", "生产", ["化工有限公司", "化学品有限公司"], ["重大危险源", "重点监管危险化工工艺"], 3),
    ("危险化学品", "带储存经营", ["化工贸易有限公司", "危险化学品储运有限公司"], ["重大危险源"], 2),
    ("危险化学品", "无储存经营", ["化工产品经营部", "化学试剂经营部"], [], 2),
    ("危险化学品", "加油站", ["加油站"], ["动火作业"], 4),
    ("烟花爆竹", "批发", ["烟花爆竹批发有限公司"], [], 1),
    ("烟花爆竹", "零售", ["烟花爆竹零售点"], [], 3),
    ("非煤矿山", "露天矿山", ["石料厂", "采石有限公司"], [], 2),
    ("建筑施工", "", ["建筑工程有限公司", "建设集团有限公司", "路桥工程有限公司"], ["动火作业", "外包作业"], 6),
    ("城镇燃气", "经营", ["燃气有限公司", "液化气站"], [], 2),
    ("城镇燃气", "餐饮用户", ["饭店", "酒楼", "餐饮店"], [], 6),
    ("人员密集场所", "", ["商场", "宾馆", "KTV", "学校", "医院"], ["电动车充电"], 5),
    ("九小场所", "小商店", ["便利店", "五金店", "小卖部"], ["电动车充电"], 8),
    ("九小场所", "小作坊", ["加工坊", "木器加工坊"], ["电动车充电", "锂电池"], 4),
    ("特种设备使用单位", "", ["热力有限公司", "锅炉房", "电梯维保有限公司"], [], 1),
]

FINDING_TEXTS = [
    ("未建立全员安全生产责任制", "中华人民共和国安全生产法（2021修正）第二十二条", "建立健全全员安全生产责任制并落实考核"),
    ("安全出口被货物堵塞", "中华人民共和国消防法 第二十八条", "立即清理安全出口，保持疏散通道畅通"),
    ("灭火器压力不足，未定期检查", "中华人民共和国消防法 第十六条", "更换或充装灭火器，建立月度检查记录"),
    ("特种作业人员（电工）无证上岗", "中华人民共和国安全生产法（2021修正）第三十条", "安排持证人员作业，组织培训取证"),
    ("除尘系统未按规定设置锁气卸灰装置", "粉尘防爆安全规程 GB 15577-2018", "按规范设置锁气卸灰装置"),
    ("有限空间作业未执行“先通风、再检测、后作业”", "工贸企业有限空间作业安全规定 待核实", "严格执行作业审批和检测"),
    ("配电箱未设置漏电保护装置", "待核实", "按一机一闸一漏要求整改"),
    ("未制定生产安全事故应急救援预案", "中华人民共和国安全生产法（2021修正）第八十一条", "制定应急预案并组织演练"),
    ("液化石油气钢瓶与灶具之间连接软管老化", "城镇燃气管理条例 待核实", "更换为金属波纹管并安装可燃气体报警器"),
    ("电动自行车在楼道内停放充电", "待核实", "立即清理，设置集中充电场所"),
    ("未如实记录隐患排查治理情况", "中华人民共和国安全生产法（2021修正）第四十一条", "建立隐患排查治理台账并如实记录"),
    ("从业人员未经安全生产教育和培训上岗", "中华人民共和国安全生产法（2021修正）第二十八条", "组织全员培训并建立培训档案"),
]
MAJOR_TEXTS = [
    ("粉尘爆炸危险场所设置在非框架结构的多层建筑物内", "工贸企业重大事故隐患判定标准（应急管理部令第10号） 待核实",
     "停止相关作业，按标准整改建筑结构或迁移作业场所"),
    ("涉氨制冷企业快速冻结装置未设置在单独的作业间内", "工贸企业重大事故隐患判定标准（应急管理部令第10号） 待核实",
     "停止使用相关装置，按标准设置单独作业间"),
    ("可燃气体泄漏检测报警装置未与紧急切断装置联锁", "城镇燃气经营安全重大隐患判定标准 待核实",
     "立即停用，完成联锁改造并经检测合格后方可使用"),
]

# The lifecycle outcomes the demo spreads over its findings (every state appears).
OUTCOMES = ["open", "ordered", "ordered_overdue", "reported", "verified", "closed", "failed_reinspection",
            "failed_then_ordered", "referred", "voided"]
MAJOR_OUTCOMES = ["escalated", "closed_major", "ordered"]


@dataclass
class DemoResult:
    townships: int
    enterprises: int
    inspectors: int
    inspections: int
    findings: int
    seed: int


def make_uscc(rng: random.Random, division: str) -> str:
    body = "91" + division + "".join(rng.choice(uscc_mod.ALPHABET) for _ in range(9))
    return body + uscc_mod.check_char(body)


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3578") + "".join(rng.choice("0123456789") for _ in range(9))


def generate_enterprises(rng: random.Random, n: int, grids: dict[str, list[str]]) -> list[dict[str, Any]]:
    weights = [p[4] for p in PROFILES]
    records: list[dict[str, Any]] = []
    seen_codes: set[str] = set()
    seen_names: set[str] = set()
    township_names = list(grids)
    for i in range(n):
        industry, sub, suffixes, tag_pool, _ = rng.choices(PROFILES, weights)[0]
        township = township_names[i % len(township_names)] if i < len(township_names) else rng.choice(township_names)
        short = township.removesuffix("街道").removesuffix("镇").removesuffix("乡")
        name = ""
        for attempt in range(40):
            prefix = rng.choice([COUNTY.removesuffix("县"), short, "", rng.choice(GRID_WORDS)])
            brand = rng.choice(BRANDS) + (rng.choice(BRANDS) if attempt >= 5 else "")
            name = prefix + brand + rng.choice(suffixes)
            if name not in seen_names:
                break
        if name in seen_names:
            name = f"{name}第{i}分厂"
        seen_names.add(name)
        code = make_uscc(rng, DIVISION)
        while code in seen_codes:
            code = make_uscc(rng, DIVISION)
        seen_codes.add(code)
        tags = [t for t in tag_pool if rng.random() < 0.35]
        high = industry in taxonomy.HIGH_RISK_INDUSTRIES
        risk = rng.choices(taxonomy.RISK_LEVELS, [2, 8, 30, 60] if not high else [10, 30, 40, 20])[0]
        employees = rng.choice([3, 5, 8, 12, 20, 35, 60, 120, 300, 800])
        records.append({
            "name": name, "uscc": code, "uscc_check_ok": 1,
            "legal_representative": _person(rng), "principal": _person(rng), "safety_manager": _person(rng),
            "phone": _phone(rng), "address": f"{COUNTY}{township}{rng.choice(grids[township])}{rng.randint(1, 199)}号",
            "township": township, "grid": rng.choice(grids[township]),
            "industry": industry, "sub_sector": sub or None,
            "tags": json.dumps(tags, ensure_ascii=False),
            "scale": "规上" if employees >= 120 else rng.choice(["规下", "小微"]),
            "employees": employees, "risk_level": risk,
            "supervising_department": {"危险化学品": "县应急管理局", "建筑施工": "县住房和城乡建设局",
                                       "城镇燃气": "县住房和城乡建设局", "特种设备使用单位": "县市场监督管理局",
                                       "人员密集场所": "县消防救援大队"}.get(industry, "县应急管理局"),
            "standardisation_grade": rng.choice(["三级", "未达标", "二级"]) if employees >= 20 else None,
            "status": rng.choices(["在营", "停产", "关闭"], [92, 6, 2])[0],
            "longitude": round(116.0 + rng.random() * 0.4, 6), "latitude": round(35.7 + rng.random() * 0.3, 6),
            "in_chemical_park": int(industry == "危险化学品" and rng.random() < 0.5),
            "major_hazard_installation": int("重大危险源" in tags),
        })
    return records


def mark(store: Store) -> None:
    """Mark this database as demo data, for good: titles, PDFs and QR payloads issued from it say 演示.

    Kept in the local `meta` table, so the mark never travels in a bundle and never leaves the file.
    """
    with store.transaction():
        store.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('demo', '1')")


def is_demo(store: Store) -> bool:
    return store.scalar("SELECT value FROM meta WHERE key = 'demo'") == "1"


def fill(store: Store, *, enterprises_count: int = 600, seed: int = 20261123,
         today: date | None = None, progress: Callable[[str], None] | None = None) -> DemoResult:
    if store.scalar("SELECT 1 FROM enterprises LIMIT 1"):
        raise FieldappError("the database is not empty; demo data only goes into an empty database",
                            "数据库中已有数据；演示数据只能写入空数据库")
    if enterprises_count < 1:
        raise FieldappError("the number of enterprises must be at least 1", "单位数量至少为 1")
    rng = random.Random(seed)
    today = today or date.today()
    say = progress or (lambda _msg: None)
    grids = {t: rng.sample(GRID_WORDS, 4) for t in TOWNSHIPS}
    say("enterprises")
    records = generate_enterprises(rng, enterprises_count, grids)
    with store.transaction():
        mark(store)
        enterprises.bulk_upsert(store, records)
        officer_ids = _inspectors(store, rng)
        numbering.assign_block(store, doc_type="rectification_order", year=today.year, first=1, last=200)
        numbering.assign_block(store, doc_type="inspection_record", year=today.year, first=1, last=200)
        numbering.assign_block(store, doc_type="reinspection_opinion", year=today.year, first=1, last=200)
        numbering.assign_block(store, doc_type="onsite_measures", year=today.year, first=1, last=50)
    say("inspections")
    counts = _inspections(store, rng, officer_ids, today, max(40, min(1500, enterprises_count // 10)))
    return DemoResult(len(TOWNSHIPS), enterprises_count, len(officer_ids), counts[0], counts[1], seed)


def fill_field_work(store: Store, *, seed: int = 20261123, today: date | None = None,
                    inspections_count: int = 40) -> DemoResult:
    """Demo inspections and findings on an enrolled device, over the registry and officers it received."""
    officer_ids = [r["id"] for r in store.query("SELECT id FROM inspectors WHERE active = 1 ORDER BY name")]
    if len(officer_ids) < 2:
        raise FieldappError("the device has fewer than two officers; sync with the office first",
                            "本终端的执法人员少于两名，请先与中心端同步")
    rng = random.Random(seed)
    mark(store)
    counts = _inspections(store, rng, officer_ids, today or date.today(), inspections_count)
    n_enterprises = int(store.scalar("SELECT count(*) FROM enterprises"))
    n_townships = int(store.scalar("SELECT count(*) FROM townships"))
    return DemoResult(n_townships, n_enterprises, len(officer_ids), counts[0], counts[1], seed)


def _inspectors(store: Store, rng: random.Random) -> list[str]:
    ids = []
    township_ids = {r["name"]: r["id"] for r in store.query("SELECT id, name FROM townships")}
    used: set[str] = set()
    for n, township in enumerate(TOWNSHIPS):
        for k in range(3):
            cert = f"37083{n:02d}{k:02d}{rng.randint(100, 999)}"
            while cert in used:
                cert = f"37083{n:02d}{k:02d}{rng.randint(100, 999)}"
            used.add(cert)
            row = inspectors.create(store, _person(rng), cert, township_id=township_ids.get(township),
                                    unit=f"{COUNTY}{township}安全生产监督管理所")
            ids.append(row["id"])
    return ids


def _at(day: date, hour: int, minute: int = 0) -> str:
    return datetime(day.year, day.month, day.day, hour, minute).isoformat(timespec="seconds")


def _inspections(store: Store, rng: random.Random, officer_ids: list[str], today: date, n: int) -> tuple[int, int]:
    candidates = [r["id"] for r in store.query(
        "SELECT id FROM enterprises WHERE status = '在营' ORDER BY search_key LIMIT ?", (n * 3,))]
    chosen = rng.sample(candidates, min(n, len(candidates)))
    n_findings = 0
    outcome_cycle = 0
    for k, enterprise_id in enumerate(chosen):
        day = today - timedelta(days=rng.randint(0, 120))
        officers = rng.sample(officer_ids, 2)
        with store.transaction():
            ins, _ = inspections.create(
                store, enterprise_id=enterprise_id, officer_ids=officers,
                type=rng.choice(["日常检查", "日常检查", "专项检查", "双随机抽查", "举报核查"]),
                started_at=_at(day, rng.randint(8, 15), rng.choice([0, 15, 30, 45])),
                representative=_person(rng), representative_title=rng.choice(["总经理", "安全负责人", "厂长"]),
                campaign=rng.choice([None, None, "有限空间作业专项整治", "燃气安全专项整治"]))
            for _ in range(rng.choice([0, 1, 2, 2, 3, 4])):
                major = rng.random() < 0.08
                text, basis, requirement = rng.choice(MAJOR_TEXTS if major else FINDING_TEXTS)
                found = findings.create(store, enterprise_id=enterprise_id, inspection_id=ins["id"], description=text,
                                        grade="major" if major else "general", legal_basis=basis,
                                        requirement=requirement, found_at=ins["started_at"])
                outcomes = MAJOR_OUTCOMES if major else OUTCOMES
                outcome = outcomes[outcome_cycle % len(outcomes)]
                outcome_cycle += 1
                _drive(store, found["id"], outcome, day, today, officers, enterprise_id)
                n_findings += 1
            if k % 5 != 0 or day < today:
                inspections.complete(store, ins["id"], ended_at=_at(day, 17), summary="现场检查已完成，隐患已告知企业。")
    return len(chosen), n_findings


def _drive(store: Store, finding_id: str, outcome: str, day: date, today: date, officers: list[str],
           enterprise_id: str) -> None:
    """Walk one finding to the demo outcome through the real lifecycle functions."""
    deadline = (day + timedelta(days=15)).isoformat()
    if outcome == "open":
        return
    if outcome == "voided":
        findings.transition(store, finding_id, "voided", void_reason="录入错误，重复登记")
        return
    if outcome == "referred":
        findings.transition(store, finding_id, "referred", referred_to="县住房和城乡建设局")
        return
    if outcome == "ordered_overdue":
        deadline = (today - timedelta(days=3)).isoformat()
    elif outcome in ("ordered", "reported"):
        deadline = max(deadline, (today + timedelta(days=7)).isoformat())
    findings.order(store, finding_id, deadline)
    if outcome in ("ordered", "ordered_overdue"):
        return
    if outcome == "escalated":
        findings.transition(store, finding_id, "escalated", note="报县安委会挂牌督办")
        return
    if outcome == "reported":
        findings.transition(store, finding_id, "reported", note="企业提交整改报告及照片")
        return
    at = _at(min(today, day + timedelta(days=16)), 10)
    if outcome in ("failed_reinspection", "failed_then_ordered"):
        new_deadline = (today + timedelta(days=10)).isoformat() if outcome == "failed_then_ordered" else None
        reinspections.record(store, enterprise_id=enterprise_id, officer_ids=officers, reinspected_at=at,
                             results=[ItemResult(finding_id, False, "整改不到位", new_deadline)])
        return
    if outcome == "closed_major":
        findings.set_plan(store, finding_id, {"measures": "停产整改，拆除违规设施", "responsibility": "总经理负责",
                                              "funding": "落实整改资金20万元", "time_limit": deadline,
                                              "contingency": "制定整改期间应急处置方案"})
    reinspections.record(store, enterprise_id=enterprise_id, officer_ids=officers, reinspected_at=at,
                         results=[ItemResult(finding_id, True, "已按要求整改完毕")])
    if outcome in ("closed", "closed_major"):
        if outcome == "closed_major":
            findings.set_evaluation(store, finding_id, "经专家评估，整改措施有效，隐患已消除")
        findings.transition(store, finding_id, "closed", note="复查合格，予以销号")
