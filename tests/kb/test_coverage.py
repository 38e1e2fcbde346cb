"""Coverage: which words of a question a clause must say to answer it."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "framing"),
    [
        ("全市高新技术企业要达到多少家？", "达到"),  # how a figure is asked, not what of
        ("哪些氢能技术被列为重点？", "哪些"),
    ],
)
def test_words_that_frame_a_question_are_not_its_focus(
    plan_kb: KnowledgeBase, question: str, framing: str
) -> None:
    words = [f.word for f in plan_kb.answerer().coverage.focus(question)]
    assert words and framing not in words


def test_a_question_of_only_generic_words_is_about_the_name_they_make(
    all_kb: KnowledgeBase,
) -> None:
    focus = all_kb.answerer().coverage.focus("持续实施的省重点研发项目有多少项？")
    assert [f.word for f in focus] == ["重点研发项目"]


def test_the_name_generic_words_make_finds_its_figure(all_kb: KnowledgeBase) -> None:
    # 持续实施省科技重大专项8个、重点研发项目260项
    answer = all_kb.ask("辽宁持续实施的省重点研发项目有多少项？", generative=False)
    assert answer.value == "260项"


@pytest.mark.parametrize(
    ("text", "with_partial", "without"),
    [
        ("开展低成本可再生能源制氢技术研究", True, True),  # 制氢 stands in for 氢能
        ("电池级碳酸锂（或氢氧化锂）除杂提纯", True, False),  # only the character 氢
    ],
)
def test_without_partial_credit_only_words_and_stand_ins_cover(
    plan_kb: KnowledgeBase, text: str, with_partial: bool, without: bool
) -> None:
    coverage = plan_kb.answerer().coverage
    focus = coverage.focus("哪些氢能技术被列为重点？")
    assert (coverage.score(focus, text) > 0) is with_partial
    assert (coverage.score(focus, text, partial=False) > 0) is without


def test_the_chinese_an_english_question_quotes_is_its_rarest_focus(
    all_kb: KnowledgeBase,
) -> None:
    coverage = all_kb.answerer().coverage
    question = "How many pilot sites of the community scheme (城管进社区) did Chongqing complete?"
    focus = {f.word: f.weight for f in coverage.focus(question)}
    assert "城管进社区" in focus and focus["城管进社区"] == max(focus.values())


@pytest.mark.parametrize(
    "question",
    ["By how much did R&D spending rise?", "How much will R&D spending increase by 2025?"],
)
def test_an_english_verb_of_change_frames_a_question(plan_kb: KnowledgeBase, question: str) -> None:
    words = {
        w for f in plan_kb.answerer().coverage.focus(question) for w in (f.word, *f.alternatives)
    }
    assert words and not words & {"增长", "增加", "提高", "上涨", "提升"}


def test_a_dictionary_sense_stands_in_for_a_word_the_glossary_lacks(
    all_kb: KnowledgeBase,
) -> None:
    coverage, senses = all_kb.answerer().coverage, all_kb.searcher().senses
    question = "How many public cultural spaces were opened?"
    plain = {f.word for f in coverage.focus(question)}
    guessed = {f.word: f.weight for f in coverage.focus(question, senses)}
    assert "文化" not in plain and "文化" in guessed  # cultural: a sense, as a guess
    assert guessed["文化"] < coverage.focus("文化")[0].weight


def test_a_focus_word_in_capitals_covers_the_text_that_says_it(all_kb: KnowledgeBase) -> None:
    """5G基站 is said in 新建5G基站8000个: matched whole, not by its characters."""
    coverage = all_kb.answerer().coverage
    focus = coverage.focus("How many 5G base stations will be built?")
    assert any(t.word == "5G基站" for t in focus)
    assert coverage.score(focus, "新建5G基站8000个。") == pytest.approx(1.0)
