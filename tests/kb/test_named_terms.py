"""Questions that ask what a document calls something (kb.named_terms)."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.named_terms import asks_name, given_quotes, quoted_terms


@pytest.mark.parametrize(
    "question",
    [
        "规划要求财政资金发挥什么样的撬动作用？用的是哪个说法？",
        "这9个省级企业技术创新平台统称为什么？",
        "这种机制叫什么？",
        "What four-character idiom does the plan use for leverage?",
        "What name does the plan give to this call?",
        "Which slogan sums up the aim?",
        "What are these platforms called?",
        "Which 'four orientations' must the city adhere to?",
    ],
)
def test_a_question_asking_what_something_is_called_asks_a_name(question: str) -> None:
    assert asks_name(question)


@pytest.mark.parametrize(
    "question",
    [
        "研发经费投入强度2025年要达到多少？",
        "哪些氢能技术被列为重点？",
        "这个示范工程用的是哪种技术？",  # which technique: passages, not a name
        "What is the 2025 target for high-tech enterprises?",
        "Which company developed the technology?",  # a company named, not a term
        "How are the platforms named in chapter 5 supported?",
        "Which 'smart city' projects does the plan list?",  # a quoted kind, no count
    ],
)
def test_other_questions_ask_no_name(question: str) -> None:
    assert not asks_name(question)


def test_quoted_terms_give_each_term_with_its_span() -> None:
    text = "发挥财政资金“四两拨千斤”作用，含〈“三中心·三示范”〉9个"
    assert [(t, text[s:e]) for t, s, e in quoted_terms(text)] == [
        ("四两拨千斤", "四两拨千斤"),
        ("三中心·三示范", "三中心·三示范"),
    ]


def test_a_quote_right_after_which_is_asked_the_others_are_given() -> None:
    question = "When the 'two overall situations' intertwine, which 'two' converge?"
    assert given_quotes(question) == ["two overall situations"]


def test_a_quoted_clause_is_no_term() -> None:
    assert quoted_terms("他说“科技是第一生产力，创新是第一动力。”") == []


@pytest.mark.parametrize(
    ("question", "term", "value"),
    [
        ("规划要求财政资金发挥什么样的撬动作用？用的是哪个说法？", "四两拨千斤", "4"),
        # leverage → 撬动: the clause that says it, not another that quotes “科技银行”
        (
            "Which phrase does the plan use for the leverage role of fiscal funds?",
            "四两拨千斤",
            "4",
        ),
        # the term beside the question's words, not the “十三五” that opens the clause
        (
            "What label groups the nine provincial enterprise technology innovation platforms"
            " counted among Liupanshui's 96 carriers?",
            "三中心·三示范",
            "3",
        ),
    ],
)
def test_a_name_asked_leads_the_answer_as_the_plan_quotes_it(
    plan_kb: KnowledgeBase, question: str, term: str, value: str
) -> None:
    answer = plan_kb.ask(question, generative=False)
    assert f"**{term}**" in answer.answer and answer.value == value
    assert term in answer.citations[0].text


def test_a_term_the_question_gives_in_english_is_not_the_answer(plan_kb: KnowledgeBase) -> None:
    # “两个大局”交织、“两个百年”交汇: the given 'two overall situations' is 两个大局
    question = (
        "The 14th FYP is when the 'two overall situations' intertwine and which 'two' converge?"
    )
    assert "**两个百年**" in plan_kb.ask(question, generative=False).answer


def test_a_term_the_question_writes_itself_is_not_the_answer(plan_kb: KnowledgeBase) -> None:
    # 围绕“四新”主攻“四化”: asked of 四新, the name is 四化
    answer = plan_kb.ask("规划指导思想里，围绕“四新”要主攻的是哪个提法？", generative=False)
    assert "**四化**" in answer.answer
