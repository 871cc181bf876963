"""Search against an oracle: what it finds, in which order, how it counts, what the filters keep.

The oracle below says in plain Python which enterprises a query matches (docs/architecture.md, "Search");
the index must agree with it for every query and filter Hypothesis tries.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.models import enterprises, search, search_index, uscc
from fieldapp.models.store import Store

TIERS = ["uscc", "uscc_prefix", "name_prefix", "pinyin_prefix", "name", "pinyin", "other"]
NAMES = ["宏达化工有限公司", "梁山宏达机械厂", "重庆路餐饮店", "银行街五金店", "长城建材厂", "𠮷祥五金店",
         "华泰纺织有限公司", "ABC科技有限公司", "永兴化学品经营部", "行知学校", "宏达宏达商贸"]
PEOPLE = ["王伟", "张宏达", "李娜", "刘䶮", "陈强"]
TOWNSHIPS = ["拳铺镇", "韩岗镇"]
INDUSTRIES = ["危险化学品", "机械", "九小场所"]
RISKS = ["重大", "一般", "低"]
TAGS = ["粉尘涉爆", "有限空间作业"]


def code(n: int, kind: str = "91") -> str:
    body = f"{kind}37083200000{n:04d}"
    return body + uscc.check_char(body)


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Store:
    from fieldapp.models import areas, findings

    store = Store.open(Path(tmp_path_factory.mktemp("search")) / "fieldapp.sqlite3")
    townships = {name: areas.ensure_township(store, name) for name in TOWNSHIPS}
    with store.transaction():
        for n, name in enumerate(NAMES * 6, 1):
            # Individual businesses (92…), and addresses with letters and with the digits of code prefixes, so
            # that a query can match a code and a text at once.
            address = f"示范县{TOWNSHIPS[n % 2]}{n}号" + ("92栋" if n % 3 == 0 else "") + ("A区" if n % 4 == 0 else "")
            row = enterprises.create(store, {
                "name": name if n <= len(NAMES) else f"{name}{n}", "uscc": code(n, "92" if n % 5 == 0 else "91"),
                "address": address, "legal_representative": PEOPLE[n % len(PEOPLE)],
                "township_id": townships[TOWNSHIPS[n % 2]], "industry": INDUSTRIES[n % 3],
                "risk_level": RISKS[n % 3], "tags": "、".join(TAGS[: n % 3]),
                "status": "在营" if n % 4 else "停产"})
            if n % 5 == 0:
                findings.create(store, enterprise_id=row["id"], description="隐患")
    return store


def chars(text: str | None) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text or "").lower() if c.isalnum())


def tier(row: dict[str, object], query: str) -> str | None:
    """The best reason `row` matches `query`, or None: the rule, written out independently."""
    text = unicodedata.normalize("NFKC", query).strip()
    q = chars(text)
    if not q:
        return None
    code_text = uscc.normalise(text)
    name = str(row["name"])
    if len(code_text) == 18 and row["uscc"] == code_text:
        return "uscc"
    if uscc.looks_like_prefix(text) and str(row["uscc"] or "").startswith(code_text):
        return "uscc_prefix"
    if name.startswith(text):
        return "name_prefix"
    letters = text.isascii() and text.isalpha()
    syl = search_index.syllables(name)
    initials, full = "".join(s[0] for s in syl if s), "".join(syl)
    prefix = q[:search_index.PY_TOKEN_MAX]
    if letters and (initials.startswith(prefix) or full.startswith(prefix)):
        return "pinyin_prefix"
    if q in chars(name):
        return "name"
    suffixes = range(min(len(syl), search_index.PY_SUFFIXES))
    if letters and (any(initials[i:].startswith(prefix) for i in range(min(len(initials), search_index.PY_SUFFIXES)))
                    or any("".join(syl[i:]).startswith(prefix) for i in suffixes)):
        return "pinyin"
    if q in "".join(chars(str(row.get(f) or "")) for f in search_index.OTHER_FIELDS):
        return "other"
    return None


def kept(store: Store, row: dict[str, object], f: search.Filters) -> bool:
    if f.township_id and row["township_id"] != f.township_id:
        return False
    if f.industry and row["industry"] != f.industry:
        return False
    if f.risk_level and row["risk_level"] != f.risk_level:
        return False
    if f.status and row["status"] != f.status:
        return False
    if f.tag and f.tag not in json.loads(str(row["tags"])):
        return False
    open_states = {"open", "ordered", "reported", "failed_reinspection", "escalated"}
    return not (f.has_open_findings and not store.scalar(
        "SELECT count(*) FROM findings WHERE enterprise_id = ? AND status IN ({})".format(
            ",".join("?" * len(open_states))), (row["id"], *sorted(open_states))))


def all_rows(store: Store) -> list[dict[str, object]]:
    return store.query("SELECT * FROM enterprises")


queries = st.one_of(
    st.sampled_from(["宏", "宏达", "五金店", "化", "hd", "hongda", "cql", "chongqing", "yh", "yinhang", "changcheng",
                     "xz", "hangzhi", "abc", "王", "宏达宏", "dhg", "91", "9137", code(3), code(3).lower(), "𠮷",
                     "拳铺", "0001", "有限公司", "zzz", "店", "gongsi", "ds", "92", "91", "a", "A区", "b", "92栋",
                     "9237", "2栋"]),
    st.text(alphabet="宏达化工五金店hdzgq9137", min_size=1, max_size=4),
)


@st.composite
def filters(draw: st.DrawFn, store: Store) -> search.Filters:
    townships = [r["id"] for r in store.query("SELECT id FROM townships")]
    return search.Filters(
        township_id=draw(st.sampled_from([None, *townships])), industry=draw(st.sampled_from([None, *INDUSTRIES])),
        risk_level=draw(st.sampled_from([None, *RISKS])), tag=draw(st.sampled_from([None, *TAGS])),
        status=draw(st.sampled_from([None, "在营", "停产"])), has_open_findings=draw(st.booleans()))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), query=queries)
def test_search_finds_exactly_what_the_rule_says_best_first(county: Store, data: st.DataObject, query: str) -> None:
    f = data.draw(filters(county)) if data.draw(st.booleans()) else search.Filters()
    expected = {str(r["id"]): t for r in all_rows(county) if kept(county, r, f) and (t := tier(r, query))}
    hits = search.search(county.conn, query, limit=1000, filters=f)
    assert {h["id"] for h in hits} == set(expected)
    ranks = [TIERS.index(h["match"]) for h in hits]
    assert ranks == sorted(ranks)
    assert all(TIERS.index(h["match"]) >= TIERS.index(expected[h["id"]]) for h in hits)
    assert search.count(county.conn, query, filters=f) == len(expected)
    # Within a tier: codes and names in order, names by where the query sits, other fields by name length.
    by_tier: dict[str, list[dict[str, object]]] = {}
    for h in hits:
        by_tier.setdefault(str(h["match"]), []).append(h)
    assert [h["uscc"] for h in by_tier.get("uscc_prefix", [])] == sorted(h["uscc"] for h in by_tier.get("uscc_prefix", []))
    assert [h["name"] for h in by_tier.get("name_prefix", [])] == sorted(h["name"] for h in by_tier.get("name_prefix", []))
    text = unicodedata.normalize("NFKC", query).strip()
    keys = [(str(h["name"]).find(text) if text in str(h["name"]) else 99, len(str(h["name"])))
            for h in by_tier.get("name", [])]
    assert keys == sorted(keys)
    lengths = [len(str(h["name"])) for h in by_tier.get("other", [])]
    assert lengths == sorted(lengths)


@pytest.mark.parametrize("limit", [1, 5, 17])
def test_the_limit_is_exact_and_keeps_the_best(county: Store, limit: int) -> None:
    everything = search.search(county.conn, "宏", limit=1000)
    assert len(everything) > 17
    hits = search.search(county.conn, "宏", limit=limit)
    assert [h["id"] for h in hits] == [h["id"] for h in everything[:limit]]


def test_the_default_limit_is_fifty(county: Store) -> None:
    assert len(search.search(county.conn, "店", limit=1000)) < 50 <= len(search.search(county.conn, "9137", limit=1000))
    assert len(search.search(county.conn, "9137")) == 50


def test_names_are_ranked_by_where_the_query_sits_then_length(county: Store) -> None:
    hits = [h["name"] for h in search.search(county.conn, "五金", limit=1000) if h["match"] == "name"]
    keys = [(name.find("五金"), len(name)) for name in hits]
    assert len(hits) > 10 and keys == sorted(keys)
    assert hits[0] == "𠮷祥五金店" and "银行街五金店" in hits


@pytest.mark.parametrize(("name", "values"), [
    ("宏达化工有限公司", ("宏 达 化 工 有 限 公 司", "hdhgyxgs dhgyxgs hgyxgs gyxgs yxgs xgs gs s",
                         "hongdahuagongyouxiangong dahuagongyouxiangongsi huagongyouxiangongsi "
                         "gongyouxiangongsi youxiangongsi xiangongsi gongsi si")),
    ("重庆路ABC店", ("重 庆 路 a b c 店", "cqlabcd qlabcd labcd abcd bcd cd d",
                    "chongqingluabcdian qingluabcdian luabcdian abcdian bcdian cdian dian")),
    ("银行街", ("银 行 街", "yhj hj j", "yinhangjie hangjie jie")),
    ("长城", ("长 城", "cc c", "changcheng cheng")),
    ("𠮷祥", ("𠮷 祥", "𠮷x x", "𠮷xiang xiang")),
])
def test_index_values_of_a_name(name: str, values: tuple[str, str, str]) -> None:
    name_chars, other, initials, full = search_index.index_values({"name": name, "address": "拳铺镇1号",
                                                              "legal_representative": "王伟"})
    assert (name_chars, initials, full) == values
    assert other == "拳 铺 镇 1 号 王 伟"


def test_pinyin_tokens_are_cut_to_24_letters_and_8_suffixes() -> None:
    name = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
    _, _, initials, full = search_index.index_values({"name": name})
    assert len(initials.split()) == 8 and len(full.split()) == 8
    assert all(len(t) <= 24 for t in (initials + " " + full).split())
    assert full.split()[:2] == ["jiayibingdingwujigengxin", "yibingdingwujigengxinren"]


def test_a_large_import_gets_the_same_index_values_from_the_worker(tmp_path: Path) -> None:
    records = [{"uscc": code(n), "name": NAMES[n % len(NAMES)], "address": f"拳铺镇{n}号",
                "legal_representative": PEOPLE[n % len(PEOPLE)], "principal": None}
               for n in range(search_index.BACKGROUND_MIN_ROWS)]
    assert search_index.BackgroundIndex.maybe(records[:-1]) is None
    background = search_index.BackgroundIndex.maybe(records)
    assert background is not None
    values = background.values()
    assert values == {r["uscc"]: search_index.index_values(r) for r in records}


def test_an_edit_and_a_deletion_reach_the_index(county: Store, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "one.sqlite3")
    row = enterprises.create(store, {"name": "鑫源化工", "uscc": code(900)})
    assert [h["id"] for h in search.search(store.conn, "xyhg")] == [row["id"]]
    enterprises.update(store, row["id"], {"name": "恒丰机械"})
    assert search.search(store.conn, "xyhg") == [] and search.count(store.conn, "hfjx") == 1
    search_index.unindex(store.conn, int(store.get("enterprises", row["id"])["search_key"]))
    assert search.count(store.conn, "hfjx") == 0
    search_index.rebuild_index(store.conn)
    assert search.count(store.conn, "hfjx") == 1
    store.close()
