"""A description read as text: sentences, company names, the business words it says."""

from __future__ import annotations

import pytest

from kb.description import (
    COMPANY,
    capitalised,
    find,
    identity,
    labels_aside,
    parts,
    places_aside,
    project_words,
    said,
    sentences,
    side_lines,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我公司成立于2010年。计划建设膜电极生产线；年产10万片", 3),
        ("Shuncheng Co., Ltd. was founded in 2016. We make plasterboard.", 2),
        ("We make board from FGD gypsum.\nIt sells in Guizhou", 2),
        ("   ", 0),
    ],
)
def test_sentences_end_at_chinese_stops_and_english_full_stops_before_a_capital(
    text: str, expected: int
) -> None:
    assert len(sentences(text)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("we run two stores and sell tools", {"store", "sell"}),
        ("our sales team", {"sale"}),  # sale and sales: one word said once
        ("we test workshop machines and restore current transformers", set()),
    ],
)
def test_said_finds_english_business_words_whole_or_plural_only(
    sentence: str, expected: set[str]
) -> None:
    found = said(project_words()["commerce"], sentence, english=True)
    assert set(found) == expected and len(found) == len(set(found))


def test_said_finds_chinese_business_words_inside_the_sentence() -> None:
    assert "批发" in said(project_words()["commerce"], "从事农资批发和零售", english=False)


@pytest.mark.parametrize(
    "name", ["六盘水市旅游开发有限公司", "贵州顺成建材股份有限公司", "Shuncheng Building Co., Ltd."]
)
def test_company_names_are_found_so_their_words_are_not_read_as_acts(name: str) -> None:
    assert COMPANY.search(f"我们是{name}，做石膏板")


def test_project_words_has_every_kind_the_key_terms_read() -> None:
    words = project_words()
    assert {"about", "generic", "commerce", "make"} <= set(words)
    assert all(words[kind] for kind in ("about", "generic", "commerce", "make"))


@pytest.mark.parametrize(
    ("text", "about"),
    [
        (  # the clause that says what the company makes is about the project
            "Founded in 2018, Summit Gear (260 staff) makes climbing harnesses, carabiners "
            "and trekking poles. We plan a new line.",
            [True, False, False, False],
        ),
        (  # a sentence that only introduces the company stays whole
            "Founded in 2018, Summit Gear has 260 staff. We make carabiners.",
            [True, False],
        ),
        (  # Chinese sentences stay whole: their clauses run on from the company's record
            "公司成立于2015年，曾获煤层气开发奖项。我们计划研发膜电极。",
            [True, False],
        ),
        ("Founded in 2018, with 260 staff.", [False]),  # all about the company: read it all
    ],
)
def test_parts_set_apart_what_is_said_about_the_company(text: str, about: list[bool]) -> None:
    assert [flag for _, flag in parts(text, project_words())] == about


def test_parts_read_english_ing_forms_as_making() -> None:
    text = "Founded in 2016, it is building a plant. We plan a second line."
    assert [flag for _, flag in parts(text, project_words())] == [True, False, False]


@pytest.mark.parametrize(
    ("word", "text", "found"),
    [
        ("university", "we work with two universities", True),  # -y: -ies
        ("supply", "the parts are supplied by others", True),
        ("day", "open seven days a week", True),  # a vowel before y: -s
        ("university", "a universal joint", False),
    ],
)
def test_an_english_word_is_found_in_its_plural_and_past_forms(
    word: str, text: str, found: bool
) -> None:
    assert (find(word, text) is not None) is found


@pytest.mark.parametrize(
    "aside",
    [
        "另外公司在一楼开了一家打印店，这一块和本次项目无关。",
        "公司还经营一家茶馆，不属于本次申报。",
        "We also run a café in the lobby, which has nothing to do with this application.",
        "A small repair shop we own is not part of this project.",
        "Outside the scope: our group also owns two petrol stations.",
    ],
)
def test_a_side_business_is_told_by_many_wordings(aside: str) -> None:
    assert [side for _, side in side_lines(f"本项目研发传感器。\n{aside}")][-1] is True


def test_a_side_business_is_marked_to_the_end_of_its_paragraph() -> None:
    text = (
        "本项目建设聚酯生产线。\n"
        "此外公司还有两块与本项目无关的副业：一是卖废丝；二是开便利店。\n"
        "项目总投资9亿元。"
    )
    assert [side for _, side in side_lines(text)] == [False, True, True, False]
    # and it is read as about the company, not the project
    assert [about for _, about in parts(text, project_words())] == [False, True, True, False]


@pytest.mark.parametrize(
    "text",
    [
        "We press oil. Besides, we run a noodle bar by the gate; it is a separate business.",
        "本项目建设烘干线。公司在镇上开了一家饭馆。这部分与本次申报无关。",
        "We make gas. Our group also owns a coal-trading company. They are separate businesses.",
    ],
)
def test_a_side_business_marker_that_refers_back_marks_the_sentence_before(text: str) -> None:
    assert [side for _, side in side_lines(text)] == [False, True, True]


def test_a_side_business_marker_marks_nothing_before_a_sentence_that_does_not_refer_back() -> None:
    text = "本项目建设烘干线。公司另有一项副业：卖茶叶。"
    assert [side for _, side in side_lines(text)] == [False, True]


@pytest.mark.parametrize(
    ("sentence", "about"),
    [
        ("Prison staff still practise on paper cases.", False),  # whom it serves
        ("The hospital employees log faults by phone.", False),
        ("We have 37 employees.", True),  # the company's record
        ("The company has 300 technical staff.", True),
        ("Our staff hold 12 patents.", True),
    ],
)
def test_staff_are_the_companys_only_after_a_number_or_possessive(
    sentence: str, about: bool
) -> None:
    text = f"We write training software for the city's justice bureau. {sentence}"
    assert [a for _, a in parts(text, project_words())] == [False, about]


def test_an_english_side_business_stays_about_the_company_though_it_makes_things() -> None:
    text = (
        "We build an extrusion line.\n"
        "Our side businesses, unrelated to this project: we also make pallets."
    )
    assert [about for _, about in parts(text, project_words())] == [False, True]


@pytest.mark.parametrize(
    ("sentence", "said_is"),
    [
        ("我们是个仪表维修站，给化工厂修压力表", "我们是个仪表维修站"),
        ("we are a recruitment agency, and we run tours", "we are a recruitment agency"),
        ("公司计划新建一条生产线", ""),  # says what it plans, not what it is
    ],
)
def test_identity_is_the_clause_that_says_what_the_business_is(sentence: str, said_is: str) -> None:
    assert identity(sentence) == said_is


def test_capitalised_words_inside_sentences_are_names() -> None:
    found = capitalised("We are Summit Siting. Our crews work for Westgate.")
    assert found == {"summit", "siting", "westgate"}  # not We, Our: a sentence's first word


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        ("我们打“智慧医疗”“5G+医疗”招牌，小程序下单", "小程序下单", "智慧医疗"),
        ("开一家主打“低碳”理念的素食餐厅", "素食餐厅", "低碳"),
        ("风筝店打的是“航天级新材料”招牌", "风筝店", "新材料"),
        ("集中资源打造“凉都小黄姜”区域公用品牌", "凉都小黄姜", "-"),  # a brand it builds
        # a slogan, however long
        (
            "宣传口号是“新材料纳米清洗剂、人工智能识别污渍、物联网洗涤设备”。店里有烘干机",
            "店里有烘干机",
            "物联网",
        ),
    ],
)
def test_labels_aside_blanks_the_words_on_a_sign_only(text: str, kept: str, gone: str) -> None:
    out = labels_aside(text)
    assert kept in out and gone not in out


def test_an_english_about_word_counts_only_as_a_whole_word() -> None:
    text = (
        "We are a small advisory firm that arranges loans for tech start-ups. "
        "Founded in 2019, we have 5 employees. Our loans help young firms grow."
    )
    first, *_ = parts(text, project_words())
    assert first == ("We are a small advisory firm that arranges loans for tech start-ups", False)


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        ("在小区门口开了一家母婴用品店，主要卖奶粉", "母婴用品店", "小区"),
        ("在体育场旁边开了个奖杯奖牌店", "奖杯奖牌店", "体育"),
        ("We opened a trophy shop next to the sports stadium, selling cups.", "trophy", "stadium"),
        ("我们在电厂旁边建了一条粉煤灰加气砖生产线", "电厂", "-"),  # builds: no shop's address
        ("煤矿旁边的矸石山治理", "矸石山", "-"),  # no 在: what the project is about
        # the premises it rents
        ("A table-tennis club in a rented warehouse: eight tables", "table-tennis", "warehouse"),
        ("A laser-tag arena in an old warehouse.", "laser-tag", "warehouse"),
        # the market or mall it trades in
        ("在建材市场开了个灯饰店，卖吊灯", "灯饰店", "建材"),
        ("在古玩城里有个门面，卖根雕", "根雕", "古玩城"),
        ("我们为建材市场研发智能仓储系统", "建材市场", "-"),  # its customers' market
    ],
)
def test_places_aside_blanks_the_landmark_a_shop_stands_by(text: str, kept: str, gone: str) -> None:
    out = places_aside(text)
    assert kept in out and gone not in out


def test_the_paragraph_under_a_profile_heading_is_about_the_company() -> None:
    text = (
        "About us\nToday we run a coal-to-methanol plant. Our honours include a green title.\n"
        "The project\nWe will build a gasification line."
    )
    about = [a for _, a in parts(text, project_words())]
    assert about == [True, True, True, False, False]
