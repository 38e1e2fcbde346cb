"""English phrases of a query: inflections, "A of B" either way round, renderings."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.english import EnglishGlossary, singular, spellings


@pytest.fixture(scope="module")
def glossary() -> EnglishGlossary:
    return EnglishGlossary.load()


def _tiny(**entries: str) -> EnglishGlossary:
    """A glossary of a few entries (keys written with spaces as underscores)."""
    table = {tuple(k.split("_")): v.split() for k, v in entries.items()}
    return EnglishGlossary(table, {"grew": "grow"})


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("enterprises", "enterprise"),
        ("industries", "industry"),
        ("this", "this"),
        ("gas", "gas"),
        ("syngas", "syngas"),  # not synga
        ("areas", "area"),
    ],
)
def test_singular_strips_plurals_but_not_words_ending_in_s(word: str, base: str) -> None:
    assert singular(word) == base


def test_regular_and_listed_verb_forms_find_the_glossary_word() -> None:
    tiny = _tiny(grow="增长", develop="发展", produce="产量")
    assert tiny.words("grew developing produced") == ["grow", "develop", "produce"]


@pytest.mark.parametrize(
    ("written", "glossary_word"),
    [
        ("utilisation", "utilization"),  # British asked, American written
        ("utilization", "utilisation"),  # ... and the other way round
        ("organised", "organize"),  # a verb form of the other spelling
        ("centres", "center"),
        ("labour", "labor"),
        ("modelling", "modeling"),
        ("sulphur", "sulfur"),
    ],
)
def test_a_word_in_the_other_spelling_finds_the_glossary_word(
    written: str, glossary_word: str
) -> None:
    tiny = _tiny(**{glossary_word: "词"})
    assert tiny.words(written) == [glossary_word]


def test_a_glossary_phrase_is_found_in_the_other_spelling_too() -> None:
    """en_reports writes psychological counseling room; a user writes counselling."""
    glossary = EnglishGlossary.load()
    found = dict(glossary.phrases("How many psychological counselling rooms?")[0])
    assert found["psychological counselling room"] == ["心理辅导室"]
    assert ("psychological", "counselling", "room") in glossary.respelled


@pytest.mark.parametrize("word", ["enterprise", "rise", "hour", "four", "pollution", "filled"])
def test_a_word_the_glossary_knows_or_no_rule_fits_keeps_its_spelling(word: str) -> None:
    tiny = _tiny(enterprise="企业", enterprize="x", fill="填", hour="小时")
    assert tiny.words(word) == [singular(word) if word != "filled" else "fill"]


def test_spellings_give_the_other_spelling_only_where_a_rule_fits() -> None:
    assert spellings("organisation") == ["organization"]
    assert spellings("pollution") == []


def test_unknown_stems_are_left_alone() -> None:
    assert _tiny(ski="滑雪").words("skids") == ["skid"]


def test_of_phrase_is_read_the_other_way_round() -> None:
    tiny = _tiny(good_air_quality_day="优良天数", how_many="多少")
    phrases, unknown = tiny.phrases("How many days of good air quality did Beijing have")
    assert phrases == [("how many", ["多少"]), ("good air quality day", ["优良天数"])]
    assert "of" not in unknown and "beijing" in unknown


def test_contiguous_phrase_wins_over_a_shorter_reordered_one() -> None:
    tiny = _tiny(share_of_gdp="比重", gdp_share="占比")
    assert tiny.phrases("share of gdp")[0] == [("share of gdp", ["比重"])]


def test_renderings_include_reordered_phrases() -> None:
    tiny = _tiny(technology_contract_value="技术合同成交额", value="产值")
    assert tiny.renderings("value of technology contracts") == ["技术合同成交额", "产值"]


@pytest.mark.parametrize(
    ("question", "rendering"),
    [
        ("How fast did the economy grow in 2024?", "生产总值增长"),
        ("How many days of good air quality did Beijing have?", "优良天数"),
        ("value of technology contracts", "技术合同成交额"),
        ("How many new high-tech companies were added?", "高新技术企业"),
        ("What R&D spending intensity did it reach?", "研发投入强度"),
        ("tourism spending", "旅游总花费"),
        ("new energy vehicle production", "新能源汽车产量"),
    ],
)
def test_an_analysts_wording_finds_the_reports_terms(
    glossary: EnglishGlossary, question: str, rendering: str
) -> None:
    assert rendering in glossary.renderings(question)


def test_ordinary_business_english_finds_the_plans_terms(glossary: EnglishGlossary) -> None:
    phrases = dict(glossary.phrases("We make spray drones and gas diffusion layers")[0])
    assert "植保无人机" in phrases["spray drone"]
    assert "膜电极" in phrases["gas diffusion layer"]


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Hunan hybrid rice", "杂交水稻"),
        ("Beijing Central Axis world heritage bid", "中轴线"),
        ("Qinghai potash fertilizer", "钾"),
        ("Liaoning fledgling eagle and gazelle companies", "“雏鹰”“瞪羚”企业"),
        ("Hunan rural workers moved into off-farm jobs", "农村劳动力转移就业"),
        ("new market players registered in Gansu", "经营主体"),
    ],
)
def test_english_words_of_another_document_find_its_clause(
    all_kb: KnowledgeBase, question: str, words: str
) -> None:
    scope = all_kb.scope(question)
    hits = all_kb.search(scope.query(question), k=3, doc=scope.docs)
    assert any(words in h.text for h in hits)


@pytest.mark.parametrize("text", ["the city's estates", "the city’s estates"])
def test_a_possessive_leaves_no_word_s(text: str) -> None:
    assert "s" not in EnglishGlossary.load().words(text)


@pytest.mark.parametrize(
    ("text", "phrase", "chinese"),
    [
        ("How many key task plans does chapter 6 set out?", "key task plan", "重点任务计划"),
        ("Which ministries approved the zone?", "ministry", "部委"),
        ("holding the two bottom lines", "bottom line", "底线"),
        ("How many first-class awards did it win?", "first-class award", "一等奖"),
        ("How much foreign capital was actually used?", "foreign capital", "外资"),
        ("How much road mileage was newly opened?", "road mileage", "通车里程"),
        ("new degree programmes in emerging fields", "degree programme", "专业点"),
        (
            "Sino-foreign cooperative education programmes",
            "sino-foreign cooperative education",
            "中外合作办学",
        ),
        ("How many large AI models were released?", "large ai model", "大模型"),
        ("How many new highly skilled workers?", "highly skilled worker", "高技能人才"),
        ("medical institutions in the county", "medical institution", "医疗机构"),
        ("coal mining was fully mechanised", "mechanised", "机械化"),
        ("training candidates for the talent programme", "training candidate", "培养对象"),
        ("How many highly cited scientists?", "highly cited scientist", "高被引科学家"),
        ("units of affordable housing", "affordable housing unit", "保障性住房"),
    ],
)
def test_general_words_of_plans_and_reports_have_their_chinese(
    text: str, phrase: str, chinese: str
) -> None:
    found = dict(EnglishGlossary.load().phrases(text)[0])
    assert chinese in found[phrase]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("building an ecosystem for mass entrepreneurship and innovation", "生态圈"),
        ("why does society need technological solutions", "解决方案"),
    ],
)
def test_glossary_words_of_the_preface_and_aims_find_their_passage(
    plan_kb: KnowledgeBase, query: str, words: str
) -> None:
    hits = plan_kb.search(query, k=3)
    assert any(words in h.text for h in hits)


@pytest.mark.parametrize(
    ("word", "not_rendered"),
    [
        ("material", "新材料"),  # any material is not the new-materials industry
        ("equipment", "装备制造"),
        ("manufacturing", "装备制造"),
        ("data", "大数据"),
        ("building", "建材"),
    ],
)
def test_a_general_word_is_not_rendered_as_an_industrys_name(
    glossary: EnglishGlossary, word: str, not_rendered: str
) -> None:
    phrases, _ = glossary.phrases(f"we use {word}")
    rendered = {t for _, terms in phrases for t in terms}
    assert rendered and not_rendered not in rendered


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("How much in government bonds did Liaoning issue last year?", "government bond issued"),
        ("funds freed by cutting the reserve requirement ratio", "reserve requirement ratio cut"),
    ],
)
def test_a_long_phrase_is_found_with_its_words_reordered_and_apart(
    glossary: EnglishGlossary, question: str, phrase: str
) -> None:
    assert phrase in [p for p, _ in glossary.phrases(question)[0]]


def test_a_long_phrase_spread_too_far_is_not_found(glossary: EnglishGlossary) -> None:
    question = "government officials in the city said new bonds would later be issued"
    assert "government bond issued" not in [p for p, _ in glossary.phrases(question)[0]]


def test_a_glossary_built_from_entries_finds_long_phrases_reordered() -> None:
    tiny = _tiny(soil_erosion_control="水土流失防治", erosion="侵蚀")
    assert tiny.longest == 3
    assert tiny.phrases("we control soil erosion on hills")[0][0] == (
        "soil erosion control",
        ["水土流失防治"],
    )


@pytest.mark.parametrize(
    ("text", "heading"), [("Chapter 5 of the plan", "第五章"), ("in chapter 10", "第十章")]
)
def test_a_chapter_named_by_its_number_is_rendered_as_the_plan_writes_it(
    glossary: EnglishGlossary, text: str, heading: str
) -> None:
    phrases, _ = glossary.phrases(text)
    assert any(heading in terms for _, terms in phrases)
