"""How a clause says a number question's own phrase around a figure (kb.figure_phrases)."""

from __future__ import annotations

import pytest

from kb.coverage import FocusTerm
from kb.figure_phrases import anchor, count_echoes, echo, echo_phrases, respectively, total_asked
from kb.numbers import figures


def test_what_a_count_counts_is_the_focus_term_nearest_the_question_word() -> None:
    focus = [FocusTerm("成长梯队", 3.0), FocusTerm("小巨人企业", 3.0)]
    found = anchor("成长梯队里的小巨人企业有几家？", focus)
    assert found is not None and found.word == "小巨人企业"


def test_a_word_for_how_much_is_not_what_a_count_counts() -> None:
    focus = [FocusTerm("经营主体", 4.0), FocusTerm("总数", 11.0)]
    found = anchor("全省经营主体总数达到多少户？", focus)
    assert found is not None and found.word == "经营主体"


@pytest.mark.parametrize(
    ("before", "credit"),
    [
        ("培育小巨人成长企业", 0.5),  # the question's whole phrase, right before the figure
        ("培育小巨人企业", 0.0),  # another thing
    ],
)
def test_a_figure_gains_where_the_clause_echoes_the_questions_phrase(
    before: str, credit: float
) -> None:
    assert echo(echo_phrases("小巨人成长企业有多少家？"), before) == credit


def test_only_a_count_asked_in_chinese_has_phrases_to_echo() -> None:
    assert count_echoes("小巨人成长企业有多少家？") == ("小巨人成长企业",)
    assert count_echoes("研发投入强度是多少？") == ()


def test_of_a_list_stated_respectively_the_named_items_figure_gains() -> None:
    clause = "粮食、油料、蔬菜产量分别达118.3万吨、33万吨、165万吨"
    credit = [respectively(clause, f, ["油料"]) for f in figures(clause)]
    assert credit == [-0.5, 0.5, -0.5]


def test_the_total_asked_is_found_where_a_clause_states_it_before_a_figure() -> None:
    said = total_asked("国际友好城市总数达到多少对？")
    assert said is not None and said.search("新结对4对、总数达") and not said.search("新结对")
    assert total_asked("国际友好城市有多少对？") is None
