"""Extractive answers on the real plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb import BadQuery, KnowledgeBase
from kb.citation import Answer
from kb.evaluate import lead_number

NEGATIVES = [
    "住房限购政策有哪些",
    "离婚财产怎么分割",
    "明天天气怎么样",
    "How do I apply for a passport?",
]


def _number(kb: KnowledgeBase, question: str) -> Answer:
    """The extractive answer to a number question, asserted to be a number answer."""
    answer = kb.ask(question, generative=False)
    assert answer.kind == "number", answer.answer
    return answer


def _all_text(answer: Answer) -> str:
    return "\n".join(c.text for g in answer.groups for c in g.clauses)


def _assert_exact(kb: KnowledgeBase, answer: Answer) -> None:
    for g in answer.groups:
        for c in g.clauses:
            assert kb.sources[g.doc][c.start : c.end] == c.text
    for c in answer.citations:
        assert kb.sources[c.doc][c.start : c.end] == c.text
        assert kb.chunk(c.id).content == c.text


def test_hydrogen_question_gathers_all_four_boxes_once(plan_kb: KnowledgeBase) -> None:
    answer = plan_kb.ask("哪些氢能技术被列为重点？")
    assert answer.found and answer.kind == "list"
    boxes = {s for g in answer.groups for s in g.section if s.startswith("专栏")}
    assert {
        "专栏1 能源产业技术攻关",
        "专栏2 煤炭产业技术攻关",
        "专栏3 钢铁产业技术攻关",
        "专栏6 先进装备制造业技术攻关",
    } <= boxes
    sections = [tuple(g.section) for g in answer.groups]
    assert len(sections) == len(set(sections))
    text = _all_text(answer)
    for phrase in (
        "可再生能源制氢",
        "质子交换膜",
        "膜电极",
        "共气化制氢",
        "氢冶金",
        "氢燃料电池汽车",
    ):
        assert phrase in text
    assert "纺织" not in text  # clauses that do not relate are dropped
    assert "氢氧化锂" not in text  # lithium hydroxide is not hydrogen energy


def test_answer_groups_follow_document_order_with_full_addresses(plan_kb: KnowledgeBase) -> None:
    answer = plan_kb.ask("哪些氢能技术被列为重点？")
    energy = next(g for g in answer.groups if g.section[-1] == "2．氢能源")
    assert energy.section[:3] == [
        "第四章 加快推进重点产业关键技术攻关",
        "一、构建支撑新型工业化的技术体系",
        "（一）能源产业",
    ]
    orders = [
        plan_kb.chunk(answer.citations[g.clauses[0].citation - 1].id).meta["order"]
        for g in answer.groups
    ]
    assert orders == sorted(orders)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("2025年高新技术企业目标是多少家", "**180家**"),
        ("2020年全社会研发经费支出占地区生产总值的比重是多少", "**0.89%**"),
        ("2025年高新技术产业产值目标", "**400亿元**"),
        ("全市有多少创新创业载体", "**96个**"),
        ("十三五时期培养了多少高层次科技人才", "**169人次**"),
    ],
)
def test_numbers_questions_answer_with_the_number_first(
    plan_kb: KnowledgeBase, question: str, lead: str
) -> None:
    answer = plan_kb.ask(question)
    assert answer.kind == "number"
    assert answer.answer.startswith(lead)
    _assert_exact(plan_kb, answer)


def test_target_answer_cites_the_table_row_and_the_prose(plan_kb: KnowledgeBase) -> None:
    answer = plan_kb.ask("2025年高新技术产业产值目标")
    kinds = [plan_kb.chunk(c.id).meta["kind"] for c in answer.citations]
    assert kinds[0] == "table_row"
    assert "高新技术产业产值达400亿元" in _all_text(answer)


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("什么是R&D经费投入强度", "R&D经费投入强度"),
        ("万人发明专利拥有量的含义", "万人发明专利拥有量"),
    ],
)
def test_definitions_come_from_the_glossary(
    plan_kb: KnowledgeBase, question: str, term: str
) -> None:
    answer = plan_kb.ask(question)
    assert answer.kind == "definition"
    assert answer.groups[0].section[-2:] == ["名词解释", answer.groups[0].section[-1]]
    assert term in answer.groups[0].clauses[0].text


@pytest.mark.parametrize("question", NEGATIVES)
def test_question_the_plan_does_not_answer_says_so(plan_kb: KnowledgeBase, question: str) -> None:
    answer = plan_kb.ask(question)
    assert not answer.found
    assert answer.groups == [] and answer.citations == []
    assert answer.related and len(answer.related) <= 3
    assert answer.to_dict()["found"] is False


def test_english_question_gets_chinese_clauses_with_english_framing(plan_kb: KnowledgeBase) -> None:
    answer = plan_kb.ask("What are the priorities for coal chemical industry?")
    assert answer.found
    assert answer.answer.startswith("The plan's own words")
    assert "煤制烯烃" in _all_text(answer)


def test_every_citation_slices_its_document_exactly(
    plan_kb: KnowledgeBase, shared_dir: Path
) -> None:
    lines = (shared_dir / "eval" / "dev_queries.jsonl").read_text("utf-8").splitlines()
    questions = [json.loads(line)["q"] for line in lines if line.strip()]
    assert len(questions) >= 30
    for question in questions:
        _assert_exact(plan_kb, plan_kb.ask(question))


def test_answer_json_has_the_documented_shape(plan_kb: KnowledgeBase) -> None:
    out = plan_kb.ask("科技特派员").to_dict()
    assert {"question", "found", "answer", "groups", "citations"} <= set(out)
    assert set(out["groups"][0]) == {"section", "doc", "clauses"}
    assert set(out["groups"][0]["clauses"][0]) == {"text", "citation"}
    assert set(out["citations"][0]) == {
        "n",
        "id",
        "doc",
        "doc_title",
        "section",
        "text",
        "start",
        "end",
    }
    cited = {c["citation"] for g in out["groups"] for c in g["clauses"]}
    assert cited == {c["n"] for c in out["citations"]}


@pytest.mark.parametrize(
    ("question", "match"), [("", "empty"), (" \n\t", "empty"), ("氢" * 10_000, "10,000")]
)
def test_empty_or_huge_question_raises(plan_kb: KnowledgeBase, question: str, match: str) -> None:
    with pytest.raises(BadQuery, match=match):
        plan_kb.ask(question)


def test_a_huge_question_is_refused_before_the_documents_it_names_are_read(
    all_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(all_kb, "scope", lambda question: pytest.fail("scoped"))
    with pytest.raises(BadQuery, match="12,000"):
        all_kb.ask("北京上海" * 3000)


def test_answer_from_several_documents_groups_them_and_names_each(two_doc_kb) -> None:
    answer = two_doc_kb.ask("农村人居环境整治有哪些技术")
    assert answer.found and answer.several_documents
    docs = [g.doc for g in answer.groups]
    assert docs == sorted(docs, key=docs.index)  # each document's groups together
    for g in answer.groups:
        title = two_doc_kb.document(g.doc).title
        assert answer.heading(g)[0] == f"《{title}》"
        assert f"**《{title}》 › " in answer.answer


def test_answer_from_one_document_has_no_title_in_headings(plan_kb) -> None:
    answer = plan_kb.ask("哪些氢能技术被列为优先发展？")
    assert not answer.several_documents
    assert all(answer.heading(g) == g.section for g in answer.groups)


@pytest.mark.parametrize(
    ("question", "value", "lead"),
    [
        ("研发经费投入强度2025年要达到多少？", "1.8%", "**1.8%**"),  # its glossary name
        ("What is the 2025 target for high-tech enterprises?", "180家", "**180家**"),
        ("R&D经费投入强度“十三五”末是多少？", "0.89%", "**0.89%**"),  # the base value
        ("十三五时期向上争取资金多少", "1.44亿元", "**1.44亿元**"),  # a prose fact
        ("职务科技成果转化奖励比例提高到了多少", "70%", "**70%**"),  # the end of 从60%至70%
        ("全市技术合同成交额2020年达到多少？", "18.69亿元", "**18.69亿元**"),  # not its share row
        (  # spend → spending, across society → 全社会: 全社会R&D经费投入为11.98亿元
            "How much did Liupanshui spend on R&D across society in 2020?",
            "11.98亿元",
            "**11.98亿元**",
        ),
        ("研发经费投入占GDP比重的增幅是多少", "64.8%", "**64.8%**"),  # the change, not 增加至0.89%
        (  # talent teams → 人才团队: 培育科技创新人才团队16个, not the 169人次 of talents before it
            "How many science and technology innovation talent teams were built in the 13th FYP?",
            "16个",
            "**16个**",
        ),
        (
            "What share of GDP should technology contract turnover reach by 2025?",
            "1.5%",
            "**1.5%**",
        ),
        (
            "How many R&D personnel per 10,000 employed people by 2025?",
            "45人/万人",
            "**45人/万人**",
        ),
        ("除了高新技术企业，科技型种子企业有几家？", "10家", "**10家**"),  # set aside: not the row
        # a change asked as an amount is the amount added, as a rate the rate
        ("2020年全市R&D经费投入比2015年多了多少？", "5.53亿元", "**5.53亿元**"),
        ("2020年全市R&D经费投入比2015年的增幅是多少？", "85.74%", "**85.74%**"),
        (  # the firms its glossary entry defines (收入在2000万元以上的工业企业): that row
            "年主营业务收入2000万元以上的工业企业里，有研发活动的要占多大比例？",
            "25%",
            "**25%**",
        ),
    ],
)
def test_number_answer_leads_with_the_figure_asked_for(
    plan_kb: KnowledgeBase, question: str, value: str, lead: str
) -> None:
    answer = plan_kb.ask(question)
    assert answer.kind == "number" and answer.value == value
    assert answer.answer.startswith(lead)  # first, before an English question's framing
    _assert_exact(plan_kb, answer)


def test_number_answer_is_never_a_list_label_or_year(plan_kb: KnowledgeBase) -> None:
    answer = plan_kb.ask("研发经费投入强度2025年要达到多少？")
    assert not answer.answer.startswith(("**1**", "**2025"))


def test_dev_number_questions_lead_with_their_value(
    plan_kb: KnowledgeBase, shared_dir: Path
) -> None:
    from kb.evaluate import evaluate_numbers, load_set

    kind, rows = load_set(shared_dir / "eval" / "dev_numbers.jsonl")
    report = evaluate_numbers(rows, plan_kb.ask)
    assert kind == "numbers" and report["overall"]["n"] >= 10
    assert report["overall"]["right"] == 1.0, [r for r in report["queries"] if not r["right"]]


def test_number_in_an_added_document_is_its_clause_not_its_title_year(
    tmp_path: Path, plan_path: Path
) -> None:
    from kb import Settings, build_index

    doc = tmp_path / "panzhou.txt"
    doc.write_text(
        "2024年盘州市数字经济发展实施方案\n"
        "一、总体要求\n"
        "加快数字产业化和产业数字化，培育数据要素市场。\n"
        "二、保障措施\n"
        "设立盘州数字经济专项资金，每年不少于2000万元，用于支持数字经济重点项目建设。\n",
        encoding="utf-8",
    )
    index = tmp_path / "index"
    build_index(Settings.load(env={}, index_dir=index), [plan_path, doc])
    answer = KnowledgeBase.open(index).ask("盘州数字经济专项资金每年多少？")
    assert answer.kind == "number" and answer.value == "2000万元"
    assert answer.answer.startswith("**不少于2000万元**")


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("研发经费投入强度的基数是多少", "0.89"),  # 基数: the base value, not the 1.8 target
        ("Invention patents per 10,000 people: current level?", "0.9"),
        ("What is the starting value of provincial innovation platforms?", "8"),
    ],
)
def test_a_base_value_asked_in_other_words_leads_with_the_2020_figure(
    plan_kb: KnowledgeBase, question: str, value: str
) -> None:
    assert lead_number(plan_kb.ask(question)) == value


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("By how much did Qinghai's GDP grow in 2024?", "Qinghai"),
        ("青海2024年生产总值增长多少", "青海"),
    ],
)
def test_a_question_about_a_place_no_document_covers_says_so(
    plan_kb: KnowledgeBase, question: str, place: str
) -> None:
    answer = plan_kb.ask(question, generative=False)  # not 64.8% of Liupanshui's R&D
    assert answer.kind == "none" and not answer.found and answer.value is None
    assert place in answer.answer and "六盘水" in answer.answer  # names what is indexed


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("青海的生产总值", "5.2%"),  # 生产总值增长2.7%，城镇调查失业率5.2%: the jobless rate
        ("西藏2025年生产总值增长目标是多少？", "10%"),  # …分别增长8%和10%: incomes
        ("青海2024年生产总值增长了多少？", "4.5%"),  # 2025's 4.5%左右, not 2024's 2.7%
    ],
)
def test_a_figure_of_another_indicator_in_the_same_list_never_leads(
    all_kb: KnowledgeBase, question: str, wrong: str
) -> None:
    answer = all_kb.ask(question, generative=False)  # both from a browser walkthrough
    assert answer.kind == "number" and answer.value not in (None, wrong)


@pytest.mark.parametrize(
    ("question", "lead"),
    [  # from a browser walkthrough
        ("四川2025年GDP增长目标是多少", "**5.5%以上**"),  # GDP is 地区生产总值
        # 左右 strives for its own figure only: the review's 60万人以上, not the aim's 左右
        ("贵州去年城镇新增就业多少", "**60万人以上**"),
        # …and in a review 左右 estimates (预计…增长5.2%左右): last year's, not an aim
        ("北京2024年地区生产总值增长多少", "**5.2%左右**"),
    ],
)
def test_a_report_figure_is_read_in_the_questions_words_and_tense(
    all_kb: KnowledgeBase, question: str, lead: str
) -> None:
    assert all_kb.ask(question, generative=False).answer.startswith(lead)


@pytest.mark.parametrize(
    ("question", "value"),
    [
        # a bracketed gloss of the thing asked is not what is asked: last year's 914个,
        # not this year's 684个 beside 水库 and 淤地坝
        (
            "甘肃去年在农村建成的“水盆子”（就是小水库、小塘坝、水窖一类的蓄水工程）有多少个？",
            "914个",
        ),
        # the lead of a list of 一是…三是… is said of each item (今年再办好15件民生实事)
        ("山西今年的民生实事里，公共场所要配多少台除颤仪？", "1000台"),
        ("山东今年计划建设多少张老年痴呆床位", "3000张"),  # 认知障碍床位
        # N处 + what is counted: the figure the counted thing follows (信号灯), not 200处
        ("北京今年要实现多少处信号灯联网？", "7000处"),
        ("Beijing: how many traffic lights will be networked this year?", "7000处"),
        # British spelling of a glossary phrase written in American (counseling room)
        (
            "How many psychological counselling rooms did Chongqing's primary and secondary "
            "schools have in 2024?",
            "4030个",
        ),
        ("How many ice rinks for the public will Jilin build in 2025?", "24个"),
        ("How many old residential lifts will Zhejiang replace or renovate in 2025?", "1.5万台"),
        # higher levels of government: 向上争取; how fast: 增幅 as well as 增速
        (
            "In percentage terms, how fast did the money Liupanshui secured from higher "
            "levels of government grow in the 13th Five-Year period?",
            "286%",
        ),
    ],
)
def test_a_report_figure_is_found_under_everyday_and_british_words(
    all_kb: KnowledgeBase, question: str, value: str
) -> None:
    answer = all_kb.ask(question, generative=False)
    assert answer.answer.startswith(f"**{value}")


@pytest.mark.parametrize(
    "question",
    [
        "四川的国家高新技术企业现在一共有多少家？",
        "Altogether, how many national high-tech enterprises does Sichuan count?",
    ],
)
def test_a_whole_asked_is_the_total_not_what_was_added(
    all_kb: KnowledgeBase, question: str
) -> None:
    """新增国家高新技术企业1200家，总量达到1.8万家: the question asks the total."""
    assert all_kb.ask(question, generative=False).value == "1.8万家"


def test_the_member_left_of_a_list_is_the_one_the_question_does_not_set_aside(
    all_kb: KnowledgeBase,
) -> None:
    """Not the whole (24家，包括…) nor a member it names: 小巨人企业8家 is what is left."""
    question = (
        "六盘水“十三五”末的科技型企业成长梯队中，除了大学生创业企业、科技型种子企业和"
        "小巨人成长企业，剩下那一类有多少家？"
    )
    assert all_kb.ask(question, generative=False).answer.startswith("**8家**")


@pytest.mark.parametrize(
    ("question", "value"),
    [
        # a rate of change asked (涨了百分之几): the 增幅, not the level it rose to
        ("“十三五”期间全社会R&D经费投入占GDP的比重涨了百分之几？", "64.8%"),
        # a change given, what it was measured against asked: the base the clause compares
        (
            "市级财政科技专项资金，“十三五”比“十二五”增加了41%，“十二五”时期一共投入了多少？",
            "5500万元",
        ),
        # a rate given, the amount asked: the clause stating 41% names the 2281万元 added
        (
            "Liupanshui's municipal science funding in the 13th Five-Year period was 41% above "
            "the 12th. How much was that increase in yuan?",
            "2281万元",
        ),
    ],
)
def test_a_change_is_answered_as_asked_rate_or_amount(
    all_kb: KnowledgeBase, question: str, value: str
) -> None:
    assert all_kb.ask(question, generative=False).answer.startswith(f"**{value}**")


def test_a_name_question_no_clause_covers_gets_no_quoted_term(all_kb: KnowledgeBase) -> None:
    answer = all_kb.ask("市长叫什么名字", generative=False)  # not the “名品出晋” of brands
    assert answer.value is None and not answer.answer.startswith("**")


def test_a_bound_after_the_figure_stays_in_the_lead(all_kb) -> None:
    answer = all_kb.ask("What is Sichuan's GDP growth target for 2025?", generative=False)
    assert answer.answer.startswith("**5.5%以上**")  # a floor, not a point, and first
    assert "\n\nThe document's own words" in answer.answer  # a work report is no plan


def test_a_number_question_no_passage_answers_with_a_figure_says_so(plan_kb: KnowledgeBase) -> None:
    answer = plan_kb.ask("规划期内要新建多少个国家级重点实验室？", generative=False)
    assert answer.found and answer.value is None
    assert answer.notice == "文件没有直接给出这个数字；以下是相关的原文。"


@pytest.mark.parametrize(
    "question",
    [
        "今年全市GDP是多少？",  # 占GDP比重0.54% is a share of GDP, not GDP
        "六盘水地区生产总值是多少？",  # nor is the targets row 技术合同成交额占地区生产总值比重
        "全市人口有多少？",  # 全市…共有96个 says where, not 人口
    ],
)
def test_a_figure_the_plan_does_not_state_gets_no_unrelated_headline(
    plan_kb: KnowledgeBase, question: str
) -> None:
    answer = plan_kb.ask(question, generative=False)
    assert answer.kind != "number" and answer.value is None


def test_a_list_question_has_no_such_notice(plan_kb: KnowledgeBase) -> None:
    assert plan_kb.ask("哪些氢能技术被列为重点？", generative=False).notice is None


def test_an_aside_ruling_this_years_target_out_leaves_last_years_figure(
    all_kb: KnowledgeBase,
) -> None:
    # 实施保障性安居工程3.95万套 (2024), not 新建续建保障性安居工程1.79万套 (2025)
    question = (
        "How many units of subsidised housing did Tibet build in 2024 (not this year's target)?"
    )
    assert all_kb.ask(question, generative=False).value == "3.95万套"


def test_a_number_question_put_to_a_document_by_its_title_needs_no_clause_to_repeat_it(
    all_kb: KnowledgeBase,
) -> None:
    question = "国务院“十三五”生态环境保护规划说，截至2015年全国建成的自然保护区有多少个？"
    answer = all_kb.ask(question, generative=False)
    assert answer.value == "2740个" and "建成自然保护区2740个" in answer.answer


@pytest.mark.parametrize(
    ("question", "value"),
    [
        (
            "青海2024年蔬菜产量是多少？",
            "165万吨",
        ),  # 粮食、油料、蔬菜产量分别达118.3万吨、33万吨、165万吨
        (
            "青海2024年油料产量是多少万吨？",
            "33万吨",
        ),  # 万吨: the unit asked in, not a word to be near
        ("青海2024年锂电池出口增长了多少倍？", "77.5倍"),  # 分别增长73.7倍、77.5倍: the
        ("青海去年多晶硅出口增长多少倍", "73.7倍"),  # list's figures share its verb
        ("青海2024年原油产量是多少？", "238万吨"),  # 生产原油238万吨: its own words
        ("How many times did Qinghai's lithium battery exports grow in 2024?", "77.5倍"),
    ],
)
def test_a_figure_stated_respectively_answers_for_its_own_item(
    all_kb: KnowledgeBase, question: str, value: str
) -> None:
    assert _number(all_kb, question).value == value


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("成长梯队里小巨人成长企业有几家？", "3家"),  # not 小巨人企业8家 beside it
        ("成长梯队里的小巨人企业有几家？", "8家"),
        ("市级高层次青年科技创新人才培养了多少人次？", "125人次"),  # not 169人次 before
        ("培育科技创新人才团队一共多少个？", "16个"),  # 一共 frames the question
    ],
)
def test_a_count_follows_the_questions_own_phrase_for_what_it_counts(
    plan_kb: KnowledgeBase, question: str, value: str
) -> None:
    assert plan_kb.ask(question, generative=False).value == value


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("“十三五”末，六盘水共有多少个市级工程技术研究中心？", "31个"),  # not 共有96个
        ("“十三五”末全市共有多少个市级重点实验室？", "22个"),
        ("“十三五”末共有多少个省级工程技术研究中心？", "2个"),
        ("What share of industrial firms above designated size did R&D in 2020?", "22.2%"),
        (
            "How many municipal makerspaces did the city have when the 13th FYP period ended?",
            "6个",
        ),
        ("How many national star creation spaces are there in Liupanshui?", "5个"),
        ("How many national torch program characteristic industry bases does it have?", "1个"),
    ],
)
def test_a_count_answers_the_noun_after_how_many_not_the_verb_before(
    plan_kb: KnowledgeBase, question: str, value: str
) -> None:
    assert plan_kb.ask(question, generative=False).value == value


@pytest.mark.parametrize(
    ("question", "value"),
    [
        # a difference asked: the one the text states (较“十二五”时期增加1.07亿元), not the
        # total beside it
        ("六盘水向上争取的科技资金，“十三五”比“十二五”多拿了多少钱？", "1.07亿元"),
        # 百分之多少 frames the question; the clause need not say it (增速达575%)
        ("“十三五”末六盘水高新技术企业的数量比2015年增长了百分之多少？", "575%"),
        # 从2015年的0.54%增加至0.89%: the figure said of the year asked, not of another
        ("2015年全社会R&D经费投入总量占GDP比重是多少？", "0.54%"),
        # 从2018年的1320万元增加到2020年的18.69亿元 (只有/仅有 frame the question)
        ("2018年全市技术合同成交额仅有多少万元？", "1320万元"),
        ("2020年全市技术合同成交额是多少？", "18.69亿元"),
    ],
)
def test_a_number_answer_leads_with_the_change_or_year_asked(
    plan_kb: KnowledgeBase, question: str, value: str
) -> None:
    answer = plan_kb.ask(question, generative=False)
    assert answer.kind == "number" and answer.answer.startswith(f"**{value}**")


def test_a_clause_of_a_numbered_point_is_cited_under_its_own_points_lead(
    plan_kb: KnowledgeBase,
) -> None:
    """一是财政资金投入力度加大。…三是向上争取支持大幅提升。…: the 1.07亿元 sits under 三是."""
    answer = plan_kb.ask("“十三五”时期向上争取资金比“十二五”多了多少？", generative=False)
    assert answer.citations[0].section[-1] == "三是向上争取支持大幅提升"


def test_a_list_answer_quotes_what_says_the_questions_words_not_their_characters(
    plan_kb: KnowledgeBase, all_kb: KnowledgeBase
) -> None:
    """氢 of 氢氧化锂 (lithium hydroxide) says nothing of 氢能: with every document indexed
    the hydrogen question lists the plan's hydrogen items, as it does on the plan alone,
    the 氢气 ones (steel off-gas, emergency kits) included."""
    question = "哪些氢能技术被列为重点？"
    alone, beside = plan_kb.ask(question, generative=False), all_kb.ask(question, generative=False)
    assert [c.id for c in beside.citations] == [c.id for c in alone.citations]
    assert "氢氧化锂" not in beside.answer
    assert "尾气中的氮气、一氧化碳、二氧化碳、氢气" in beside.answer
    assert "页岩气及氢气新能源制取作业" in beside.answer


@pytest.mark.parametrize(
    ("question", "lead", "ruled_out"),
    [
        ("2020年六盘水全社会R&D经费投入有多少？不是指增加的部分", "**11.98亿元**", "0.89%"),
        ("“十三五”全市创新创业载体中省级的有多少个（不是国家级）？", "**28个**", "7个"),
        (
            "How many provincial-level innovation carriers did the city have at the end of "
            "the 13th period (not national-level)?",
            "**28个**",
            "7个",
        ),
        ("2015到2020年R&D经费投入总额增长了百分之多少？不是占GDP比重的增幅", "**85.74%**", "64.8%"),
    ],
)
def test_a_number_question_reads_past_the_figure_it_rules_out(
    plan_kb: KnowledgeBase, question: str, lead: str, ruled_out: str
) -> None:
    answer = plan_kb.ask(question)
    assert answer.kind == "number"
    leads = [line for line in answer.answer.splitlines() if line.startswith("**")]
    assert leads[0] == lead and ruled_out not in leads[0]
    assert answer.question == question  # shown as asked
    _assert_exact(plan_kb, answer)


@pytest.mark.parametrize(
    ("question", "value"),
    [
        # a figure the question gives (2831亿元) points at its clause: 734个, not 1299个
        ("完成投资2831亿元的是多少个制造业重大项目？", "734个"),
        # a year the question gives (2020年) is not the year it asks
        ("技术合同成交额从1320万元增长到2020年的18.69亿元，1320万元是哪一年的数字？", "2018年"),
        # of several 几, the last is asked (几位一体); 几个部委 is counted in 部委 (五部委)
        ("引才机制把政府、用人主体、中介机构和人才几方统起来，叫几位一体？", "四位一体"),
        ("批准六盘水建设全国产业转型升级示范区的是几个部委？", "五部委"),
    ],
)
def test_what_the_question_gives_points_at_the_answer_but_is_not_it(
    all_kb: KnowledgeBase, question: str, value: str
) -> None:
    assert _number(all_kb, question).answer.startswith(f"**{value}**")


def test_an_english_question_the_glossary_cannot_read_is_answered_from_dictionary_senses(
    all_kb: KnowledgeBase,
) -> None:
    # public, cultural, space, create: no glossary words; their senses 公共 文化 空间 find
    # 新打造新型公共文化空间350个
    answer = _number(all_kb, "Public cultural spaces created by Shandong: how many?")
    assert answer.value == "350个" and "**350个**" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "How many canteens did Gansu renovate?",  # one guessed word (renovate → 修复)
        "How many archaeological discoveries did Shandong make?",  # 营造's characters
    ],
)
def test_a_dictionary_guess_too_thin_to_trust_answers_nothing(
    all_kb: KnowledgeBase, question: str
) -> None:
    assert not all_kb.ask(question, generative=False).found


@pytest.mark.parametrize(
    ("question", "value"),
    [
        # how much is answered by an amount, not a count beside it
        ("How much did Liaoning raise by issuing government bonds last year?", "1969.9亿元"),
        (
            "How much money did Zhejiang free up by cutting the reserve requirement ratio?",
            "1021亿元",
        ),
        # a kind asked by its rank: the largest or second member of the breakdown asked
        ("“十三五”末，六盘水哪一级的创新创业载体最多？有多少个？", "61个"),
        ("十三五末市级创新创业载体中数量排第二的是哪一类？", "22个"),
        (
            "Among Liupanshui's provincial-level innovation carriers at the end of the 13th "
            "Five-Year period, which type was the most numerous?",
            "9个",
        ),
        # a whole and the members set aside in English leave the one asked
        (
            "Leaving out the 7 national-level and the 61 municipal ones, how many of "
            "Liupanshui's 96 carriers were provincial?",
            "28个",
        ),
        # last year's figure given, this year's asked: this year's aim, not last year's
        ("重庆去年新加装了7000公里农村公路安全护栏，今年计划再加装多少公里？", "4000公里"),
        # a term written in capitals (5G基站) covers the clause that says it
        ("How many 5G base stations is Gansu going to add this year?", "8000个"),
        # the words after a figure say what it counts, one after another
        ("国家“十三五”生态环境保护规划要对多少亩受污染耕地开展治理修复？", "1000万亩"),
        # trees are counted in 株
        (
            "How many ancient and famous trees does the national 13th Five-Year "
            "eco-environmental plan aim to rescue?",
            "60万株",
        ),
    ],
)
def test_a_number_answer_leads_with_the_figure_of_the_kind_tense_and_unit_asked(
    all_kb: KnowledgeBase, question: str, value: str
) -> None:
    assert _number(all_kb, question).value == value
