"""Exact lookup of where the documents name a term."""

from __future__ import annotations

from haystack import Document

from kb.mentions import Mentions, area_headings


def _chunk(text: str, section: list[str], kind: str = "item", title: str = "") -> Document:
    return Document(content=text, meta={"section": section, "kind": kind, "title": title})


CHUNKS = [
    _chunk(
        "开展催化剂、质子交换膜、膜电极等技术研究",
        ["（一）能源产业", "专栏1 能源产业技术攻关", "2．氢能源"],
    ),
    _chunk("加快煤炭产业技术攻关", ["第四章", "（二）煤炭产业"], kind="paragraph"),
    _chunk("支持开展ＣＩＭ平台研发", ["专栏9 城镇现代化治理技术攻关", "1．"]),
]


def test_rows_finds_a_term_inside_a_longer_word_and_ignores_case_and_width() -> None:
    mentions = Mentions(CHUNKS)
    assert mentions.rows("膜电极") == {0}
    assert mentions.rows("交换膜") == {0}
    assert mentions.rows("cim") == {2}  # full-width ＣＩＭ in the text
    assert mentions.rows("氢能源") == set()  # only in a heading


def test_heading_rows_and_area_leave_out_the_items_own_title() -> None:
    mentions = Mentions(CHUNKS)
    assert mentions.heading_rows("能源产业") == {0}
    assert mentions.heading_rows("氢能源") == set()  # the item's own title is not its area
    assert mentions.in_area(1, "煤炭") and not mentions.in_area(0, "煤炭")


def test_names_industry_knows_what_any_area_heading_names() -> None:
    mentions = Mentions(CHUNKS)
    assert mentions.names_industry("煤炭") and mentions.names_industry("能源")
    assert not mentions.names_industry("膜电极")  # written in a text, not a heading's name
    assert not mentions.names_industry("氢能源")  # an item's own title, not an area


def test_share_says_how_generic_a_term_is() -> None:
    mentions = Mentions(CHUNKS)
    assert mentions.share("技术") == 2 / 3
    assert mentions.share("膜电极") == 1 / 3


def test_area_headings_of_an_item_and_of_a_paragraph() -> None:
    assert area_headings(CHUNKS[0].meta) == ["（一）能源产业", "专栏1 能源产业技术攻关"]
    assert area_headings(CHUNKS[1].meta) == ["第四章", "（二）煤炭产业"]


def test_a_term_across_a_words_edge_is_not_named_there() -> None:
    chunks = [_chunk("创新推出特色旅游专列", ["（一）"]), _chunk("门店新推出一款产品", ["（二）"])]
    words = {"创新", "推出", "旅游", "特色"}
    mentions = Mentions(chunks, word=words.__contains__)
    assert mentions.rows("新推出") == {1}  # 创新|推出: 新推出 starts inside 创新
    assert Mentions(chunks).rows("新推出") == {0, 1}  # without a dictionary: any substring
