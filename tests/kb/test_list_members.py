"""A figure's place in a list of its text (kb.list_members)."""

from __future__ import annotations

import pytest

from kb.list_members import (
    breakdown_lead,
    left_member,
    list_lead,
    listed,
    rank_member,
    ranked,
)
from kb.numbers import figures


def test_the_lead_of_a_list_is_the_sentence_before_its_first_item() -> None:
    text = "着眼促进人的现代化，今年再办好15件民生实事。一是新建改造50个社区养老工程。"
    assert list_lead(text) == "着眼促进人的现代化，今年再办好15件民生实事"
    assert list_lead("没有列表的一段话。") == ""


@pytest.mark.parametrize(
    ("clause", "item"),
    [("三是配置自动体外除颤器1000台", True), ("其二，加强监管", True), ("配置1000台", False)],
)
def test_an_item_of_a_numbered_list_is_listed(clause: str, item: bool) -> None:
    assert listed(clause) is item


def test_the_member_left_is_the_one_no_set_aside_label_names() -> None:
    clause = "累计培育企业24家，包括大学生创业企业3家，科技型种子企业10家，小巨人企业8家。"
    aside = ("大学生创业企业", "小巨人企业")
    scores = {f.text: left_member(clause, f, aside) for f in figures(clause)}
    assert scores == {"24家": -1.0, "3家": -1.0, "10家": 0.5, "8家": -1.0}


@pytest.mark.parametrize(
    ("question", "rank"),
    [
        ("全市的省级平台里，数量最多的一类有几个？", 0),
        ("Which kind of national carrier was the most numerous?", 0),
        ("市级平台里排第二的是哪一类，有多少个？", 1),
        ("What type came second-largest among them?", 1),
        ("哪一级的平台最多？", 0),
        ("最多能补贴多少钱？", None),  # a cap, no kind asked by rank
        ("第二批有多少家企业？", None),
    ],
)
def test_a_kind_asked_by_rank_is_read_as_its_rank(question: str, rank: int | None) -> None:
    assert ranked(question) == rank


def test_the_kind_of_the_rank_asked_gains_and_the_others_lose() -> None:
    clause = "其中：一类园区2个，二类基地7个，三类基地4个，四类中心1个；"
    scores = {f.text: rank_member(clause, f, 0, []) for f in figures(clause)}
    assert scores == {"2个": -0.3, "7个": 0.6, "4个": -0.3, "1个": -0.3}
    assert {f.text for f in figures(clause) if rank_member(clause, f, 1, []) > 0} == {"4个"}


def test_the_whole_a_breakdown_divides_is_no_kind_of_it() -> None:
    clause = "共有30个（含试点3个），甲级5个，乙级9个，丙级16个"
    best = [f.text for f in figures(clause) if rank_member(clause, f, 0, []) > 0]
    assert best == ["16个"]


def test_a_level_named_once_among_other_levels_is_no_kind_of_that_level() -> None:
    """市级 asked: 市级61个 beside 国家级7个，省级28个 is a level, not a 市级 kind."""
    clause = "国家级7个，省级28个，市级61个"
    sixty_one = figures(clause)[-1]
    assert rank_member(clause, sixty_one, 1, ["市级"]) == -0.3


def test_a_breakdown_clause_has_the_sentence_it_divides_as_lead() -> None:
    text = "全市载体共有96个，国家级7个。其中：国家级园区1个，国家级基地5个；省级园区2个。"
    at = text.index("省级园区")
    assert breakdown_lead(text, at) == "全市载体共有96个，国家级7个"
    assert breakdown_lead("没有分项的一段话。", 0) == ""


def test_a_hit_is_read_in_its_paragraph_joined_from_overlapping_chunks() -> None:
    from haystack import Document

    from kb.list_members import paragraph_of
    from kb.search import Hit

    chunks = {
        "d:ch1.p1.c1": Document(content="共有96个。其中：国家级5个；", meta={"start": 0}),
        # overlaps the first by 6 characters
        "d:ch1.p1.c2": Document(content="国家级5个；省级9个。", meta={"start": 9}),
        "d:ch1.p2.c1": Document(content="另一段。", meta={"start": 20}),
    }
    hit = Hit(1, "d:ch1.p1.c2", "d", "D", [], "paragraph", "国家级5个；省级9个。", 1.0, 9, 20)
    text, at = paragraph_of(hit, chunks.__getitem__)
    assert text == "共有96个。其中：国家级5个；省级9个。"
    assert text[at:].startswith("国家级5个；省级9个")
    table_row = Hit(1, "d:table1.row3", "d", "D", [], "table_row", "研发经费 | 1.8", 1.0, 50, 60)
    assert paragraph_of(table_row, chunks.__getitem__) == ("研发经费 | 1.8", 0)
