"""A figure's place in a list of its text (kb.list_members)."""

from __future__ import annotations

import pytest

from kb.list_members import left_member, list_lead, listed
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
