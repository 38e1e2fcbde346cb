"""How a description says it earns: business forms, fees, making, means only used."""

from __future__ import annotations

import pytest

from kb.business import business_forms, making, only_used
from kb.description import project_words


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("we are a steel finishing shop", []),  # a workshop, not a store
        ("our machine shop turns shafts", []),
        ("we run a tyre shop", ["shop"]),
        ("按公里数和头数收运费", ["按公里数和头数收运费"]),
        ("每年按面积收养护费", ["按面积收养护费"]),
        ("we work to drawings, charging per piece", ["charging per piece"]),
        # running its own line or plant is making, not operating for others
        ("it already operates one kiwifruit juice line", []),
        ("we operate the sightseeing buggies", ["operate"]),
        # goods sourced from their makers: a reseller
        ("货都是从广东几家厂家拿的", ["从广东几家厂家拿"]),
        ("we buy extruded profiles from the mills", ["buy extruded profiles from the mills"]),
        ("we make profiles from the billets we cast", []),
        # a crew of its own is hired out; the crews of those it serves are not its trade
        ("our crew of 22 grades and repairs the access roads", ["crew-for-hire"]),
        ("we are a 30-worker rural building crew", ["crew-for-hire"]),
        ("they feed a city dashboard, so utility crews dig once", []),
        ("we adapt it to local fittings and train site crews", []),
        # work taken on for others by the job: a contractor's
        ("常年接煤田勘查和矿井补充勘探的活", ["接煤田勘查和矿井补充勘探的活"]),
        ("接装修活儿", ["接装修活儿"]),
        ("接活动策划", []),  # 活动 is an event, not a job
    ],
)
def test_business_forms_tell_a_store_and_a_fee_from_a_workshop(
    sentence: str, expected: list[str]
) -> None:
    words = {**project_words(), "commerce": frozenset({"shop", "operate", "crew-for-hire"})}
    english = sentence.isascii()
    assert business_forms(sentence, words, english) == expected


@pytest.mark.parametrize(
    ("sentence", "english", "expected"),
    [
        ("我们研发芯片，设计和施工仍由矿方负责，生产电池", False, {"研发", "生产"}),
        ("公司不做软件开发。we develop sensors", True, {"develop"}),
        ("we do not manufacture pumps", True, set()),
        ("我们研发传感器，但不开发整机，也不生产外壳", False, {"研发"}),  # 不开发, 不生产 too
        ("研发" + "氢能" * 10000, False, {"研发"}),  # long unpunctuated text: one clause
    ],
)
def test_making_skips_clauses_that_disclaim_the_work(
    sentence: str, english: bool, expected: set[str]
) -> None:
    assert set(making(sentence, project_words(), english)) == expected


@pytest.mark.parametrize(
    ("word", "sentence", "used"),
    [
        ("大数据", "足疗门店接入大数据平台", True),  # a means it uses
        ("大数据", "研发大数据分析平台", False),  # what it makes
        ("机器人", "经销工业机器人", False),  # what it deals in
    ],
)
def test_a_means_is_only_used_unless_the_project_makes_or_sells_it(
    word: str, sentence: str, used: bool
) -> None:
    assert only_used(word, sentence, project_words(), english=False) is used
