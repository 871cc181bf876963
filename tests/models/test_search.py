from __future__ import annotations

import pytest

from fieldapp.models import enterprises, search, uscc
from fieldapp.models.store import Store


def code(n: int) -> str:
    body = f"9137083200000{n:04d}"
    return body + uscc.check_char(body)


@pytest.fixture
def county(store: Store) -> Store:
    names = [("宏达化工有限公司", "示范县拳铺镇李庄", "王伟"), ("梁山宏达机械厂", "城关街道前街", "李娜"),
             ("永兴化学品经营部", "韩岗镇王楼", "张宏达"), ("𠮷祥五金店", "馆驿镇", "刘䶮"),
             ("华泰纺织有限公司", "杨营镇", "陈强"), ("重庆路餐饮店", "城关街道重庆路8号", "赵敏"),
             ("ABC 科技 \"有限\" 公司", "寿张集镇", "周杰")]
    for n, (name, address, person) in enumerate(names, 1):
        enterprises.create(store, {"name": name, "uscc": code(n), "address": address, "legal_representative": person})
    return store


def names(store: Store, q: str) -> list[str]:
    return [r["name"] for r in search.search(store.conn, q)]


def test_one_and_two_character_chinese_queries(county: Store) -> None:
    assert set(names(county, "化")) == {"宏达化工有限公司", "永兴化学品经营部"}
    assert names(county, "宏达")[:2] == ["宏达化工有限公司", "梁山宏达机械厂"]
    assert "永兴化学品经营部" in names(county, "宏达")  # legal representative 张宏达, ranked after names


def test_ranking_exact_uscc_then_name_prefix_then_substring_then_other_fields(county: Store) -> None:
    hits = search.search(county.conn, "宏达")
    assert [h["match"] for h in hits] == ["name_prefix", "name", "other"]
    exact = search.search(county.conn, code(2).lower())
    assert exact[0]["name"] == "梁山宏达机械厂" and exact[0]["match"] == "uscc"


def test_uscc_prefix(county: Store) -> None:
    hits = search.search(county.conn, "9137083200000")
    assert len(hits) == 7 and all(h["match"] == "uscc_prefix" for h in hits)


def test_pinyin_initials_and_full_pinyin(county: Store) -> None:
    assert names(county, "hdhg")[0] == "宏达化工有限公司"
    assert names(county, "HDHG")[0] == "宏达化工有限公司"
    assert names(county, "hongda")[0] == "宏达化工有限公司"
    assert "梁山宏达机械厂" in names(county, "hongda")  # the brand after a place name
    assert names(county, "cql")[0] == "重庆路餐饮店"  # 重 read as chong in 重庆


def test_characters_outside_the_bmp(county: Store) -> None:
    assert names(county, "𠮷") == ["𠮷祥五金店"]
    assert names(county, "䶮") == ["𠮷祥五金店"]


@pytest.mark.parametrize(("q", "found"), [
    ('"', set()), ("*", set()), ("(", set()), ("^", set()), ("宏* OR 1", set()), ("NEAR(a b)", set()),
    ("'; DROP TABLE enterprises; --", set()),
    ('宏达"', {"宏达化工有限公司", "梁山宏达机械厂", "永兴化学品经营部"}),
    ("ABC*", {'ABC 科技 "有限" 公司'}),
])
def test_fts_syntax_in_user_input_is_just_text(county: Store, q: str, found: set[str]) -> None:
    # Operators and quotes are not FTS syntax here: what is left of the query is searched as text.
    assert set(names(county, q)) == found
    assert county.scalar("SELECT count(*) FROM enterprises") == 7


def test_quotes_inside_names_are_searchable(county: Store) -> None:
    assert names(county, '"有限"')[0].startswith("ABC")


def test_index_follows_edits_and_deletes(county: Store) -> None:
    row = enterprises.find(county, code(1))
    enterprises.update(county, row["id"], {"name": "鑫源化工有限公司"})
    assert "鑫源化工有限公司" in names(county, "鑫源")
    assert "宏达化工有限公司" not in names(county, "宏达")
    with county.transaction():
        county.delete("enterprises", row["id"], reason="注销")
    assert names(county, "鑫源") == []


def test_filters_apply_to_search(county: Store) -> None:
    row = enterprises.find(county, code(1))
    enterprises.update(county, row["id"], {"industry": "危险化学品"})
    hits = search.search(county.conn, "宏达", filters=search.Filters(industry="危险化学品"))
    assert [h["name"] for h in hits] == ["宏达化工有限公司"]


@pytest.mark.parametrize("query", ["县", "公司", "宏达", "h", "z", "hd", "91", "91370832", "12", "镇", "9135",
                                   "1", "化工有限公司", "不存在的单位", "\"*", "ABC"])
def test_count_is_the_number_of_matches_search_finds_without_a_limit(demo_store: Store, query: str) -> None:
    everything = search.search(demo_store.conn, query, limit=100_000)
    assert search.count(demo_store.conn, query) == len(everything)
    only = search.Filters(industry="危险化学品")
    assert search.count(demo_store.conn, query, filters=only) == len(
        search.search(demo_store.conn, query, limit=100_000, filters=only))


def test_count_of_a_full_code_and_of_sites_without_one(county: Store) -> None:
    enterprises.create(county, {"name": "宏达小卖部", "address": "拳铺镇", "legal_representative": "王五"},
                       allow_no_uscc=True)
    assert search.count(county.conn, code(2)) == 1
    assert search.count(county.conn, "宏达") == len(search.search(county.conn, "宏达", limit=1000)) == 4
