"""Scoring the figures of a clause for one number question (kb.figure_score)."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.coverage import FocusTerm
from kb.figure_score import FigureScorer
from kb.numbers import NumberQuestion, figures


def _best(question: str, clause: str, focus: list[FocusTerm]) -> str:
    """The figure of ``clause`` the scorer ranks first, as written."""
    scorer = FigureScorer(
        NumberQuestion.parse(question), focus, [w for f in focus for w in (f.word, *f.alternatives)]
    )
    found = figures(clause)
    best = max(found, key=lambda f: scorer.score(clause, f, tense="past"))
    return clause[best.start : best.end]


@pytest.mark.parametrize(
    ("question", "clause", "focus", "figure"),
    [
        # the figure right after the question's words, not the one before them
        (
            "高新技术企业有多少家？",
            "全市科技型企业120家，高新技术企业54家",
            [FocusTerm("高新技术企业", 3.0)],
            "54家",
        ),
        # a change asked: the increase, not the level beside it
        (
            "向上争取资金比“十二五”多拿了多少？",
            "向上争取资金1.44亿元，较“十二五”时期增加1.07亿元",
            [FocusTerm("争取资金", 3.0)],
            "1.07亿元",
        ),
        # the year asked, not the figure dated another year
        (
            "2018年技术合同成交额是多少？",
            "技术合同成交额从2018年的1320万元增加到2020年的18.69亿元",
            [FocusTerm("技术合同成交额", 3.0)],
            "1320万元",
        ),
        (
            "2020年技术合同成交额是多少？",
            "技术合同成交额从2018年的1320万元增加到2020年的18.69亿元",
            [FocusTerm("技术合同成交额", 3.0)],
            "18.69亿元",
        ),
        # a part of a breakdown named by its own label, not the total it breaks down
        (
            "全市国家级孵化器有多少个？",
            "全市各类孵化器共有40个，国家级6个，省级14个，市级20个",
            [FocusTerm("孵化器", 3.0), FocusTerm("国家级", 2.0)],
            "6个",
        ),
        # the same label qualifying another thing (市级 of 市级众创空间): no part of it
        (
            "全市市级重点实验室有多少个？",
            "全市各类孵化器共有40个，市级20个；市级重点实验室12个",
            [FocusTerm("重点实验室", 3.0), FocusTerm("市级", 2.0)],
            "12个",
        ),
        # a gap asked (how much faster … than): the gap said (比…高), not the growth
        (
            "How much faster did farmers' incomes grow than townspeople's?",
            "农民收入增长7.1%，增速比城镇居民快2.6个百分点",
            [FocusTerm("农民收入", 3.0), FocusTerm("城镇居民", 2.0, ("城镇",))],
            "2.6个百分点",
        ),
        # a count before the quoted name it counts: 344项“三年全面提升”项目, not the 168项
        # of the other name before it
        (
            "灾后恢复重建中，“三年全面提升”项目开工了多少项？",
            "全面推进灾后恢复重建，168项“一年基本恢复”项目全部按期投用，344项“三年全面提升”项目开工建设",
            [FocusTerm("灾后恢复重建", 3.0), FocusTerm("三年全面提升", 4.0), FocusTerm("开工", 2)],
            "344项",
        ),
        # money asked (how much was invested): the amount, not a share beside it
        (
            "How much was invested in the wind industry?",
            "风电装机中本地消纳80%，风电产业投资突破300亿元",
            [FocusTerm("风电", 3.0)],
            "300亿元",
        ),
    ],
)
def test_the_figure_that_answers_the_question_scores_highest(
    question: str, clause: str, focus: list[FocusTerm], figure: str
) -> None:
    assert _best(question, clause, focus) == figure


def test_a_count_asked_gains_where_the_clause_echoes_the_questions_phrase() -> None:
    """小巨人成长企业有多少家 → 小巨人成长企业3家, not 小巨人企业8家 (the echo of its phrase)."""
    focus = [FocusTerm("小巨人", 3.0)]
    clause = "培育小巨人企业8家、小巨人成长企业3家"
    assert _best("小巨人成长企业有多少家？", clause, focus) == "3家"


@pytest.mark.parametrize(
    ("question", "focus", "figure"),
    [
        (
            "入选省级人才培养对象的一共有多少人（含市级推荐的在内）？",
            [FocusTerm("人才培养对象", 3.0), FocusTerm("市级推荐", 1.5)],
            "44人",
        ),
        # a part asked: the bracket answers
        ("市级推荐培养的有多少人？", [FocusTerm("市级推荐", 3.0), FocusTerm("培养", 1.0)], "37人"),
    ],
)
def test_a_whole_asked_is_not_answered_by_its_part_in_brackets(
    question: str, focus: list[FocusTerm], figure: str
) -> None:
    clause = "入选省级人才培养对象44人（市级推荐培养37人）"
    assert _best(question, clause, focus) == figure


def test_in_a_list_the_figure_whose_label_says_more_of_the_question_wins() -> None:
    """改造…供水管道 → 供水管道2698公里, not 燃气管道12609公里 (管道 ends both labels)."""
    clause = "改造燃气管道12609公里、供水管道2698公里、排水管道3300公里"
    focus = [FocusTerm("改造", 1.0), FocusTerm("供水", 2.0), FocusTerm("管道", 2.0)]
    assert _best("改造了多少公里供水管道？", clause, focus) == "2698公里"


@pytest.mark.parametrize(("when", "expected"), [("past", 1), ("ahead", -1)])
def test_the_tense_asked_of_a_report_moves_a_figure_of_its_parts(when: str, expected: int) -> None:
    """2024 asked of the 2025 report: its review (past) gains, its aims lose."""
    focus = [FocusTerm("城镇新增就业", 3.0)]
    scorer = FigureScorer(
        NumberQuestion.parse("2024年城镇新增就业多少万人？"), focus, ["城镇新增就业"]
    )
    clause = "城镇新增就业48.6万人"
    (figure,) = figures(clause)
    plain = scorer.score(clause, figure, "past")
    assert (scorer.score(clause, figure, "past", when) - plain) * expected > 0


def test_an_area_asked_is_answered_in_a_unit_of_area() -> None:
    clause = "农业托管面积3300万亩，服务310万农户"
    focus = [FocusTerm("农业托管", 3.0)]
    assert _best("How large was the area under 农业托管?", clause, focus) == "3300万亩"


def test_of_two_figures_after_the_same_word_the_one_whose_label_says_more_wins() -> None:
    """Both follow 人才; 市级青年科技创新人才 says municipal and young too."""
    clause = "累计培养高层次科技人才169人次，其中市级青年科技创新人才125人次"
    focus = [FocusTerm("人才", 2.0), FocusTerm("市级", 1.0), FocusTerm("青年", 1.0)]
    assert _best("市级青年人才有多少人次？", clause, focus) == "125人次"


def test_a_total_of_another_thing_loses_to_the_thing_asked() -> None:
    """总数 says what kind of figure is asked, not what it counts: 经营主体 is."""
    focus = [FocusTerm("全省", 2.9), FocusTerm("经营主体", 4.4), FocusTerm("总数", 11.25)]
    scorer = FigureScorer(
        NumberQuestion.parse("全省经营主体总数达到多少户？"), focus, ["全省", "经营主体", "总数"]
    )

    def score(clause: str, said: str) -> float:
        figure = next(f for f in figures(clause) if clause[f.start : f.end] == said)
        return scorer.score(clause, figure, tense="past")

    other = score("新增国家先进制造业集群4个、总数达到8个，全省规上工业增加值增长7.5%。", "8个")
    asked = score(
        "持续激发市场活力，全省经营主体达1095.2万户、增长5.9%，其中企业380.8万户；", "1095.2万户"
    )
    assert asked > other


def test_the_total_asked_of_the_thing_asked_beats_the_new_ones_before_it(
    all_kb: KnowledgeBase,
) -> None:
    # 新结对国际友好城市4对、总数达110对
    answer = all_kb.ask("湖南国际友好城市总数有多少对？", generative=False)
    assert answer.value == "110对"


def test_the_figure_whose_following_words_say_all_the_question_asks_wins() -> None:
    """治理修复 asked: 1000万亩受污染耕地治理修复, not 4000万亩受污染耕地风险管控 (both name
    受污染耕地 right after the figure; the words that follow it count one after another)."""
    clause = "开展1000万亩受污染耕地治理修复和4000万亩受污染耕地风险管控"
    focus = [FocusTerm("受污染耕地", 3.0), FocusTerm("治理修复", 3.0)]
    assert _best("受污染耕地治理修复多少亩？", clause, focus) == "1000万亩"
