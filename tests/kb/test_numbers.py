"""Figures in text, what a number question asks, and which indicator it names."""

from __future__ import annotations

import pytest

from kb.numbers import NumberQuestion, figures


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "“十三五”时期向上争取资金1.44亿元，较“十二五”时期增加1.07亿元，增幅达286%。",
            ["1.44亿元", "1.07亿元", "286%"],
        ),
        ("从2015年的0.54%增加至0.89%", ["0.54%", "0.89%"]),
        ("高新技术企业（家）\n54\n180", ["54", "180"]),
        ("1．R&D经费投入强度：指R&D经费支出与GDP之比", []),  # a list label
        ("（2）现代煤化工", []),  # a sub-item label
        ("专栏1 能源产业，第5章，5G通信，2019年9月", []),  # box, ordinal, code, date
        ("每年不少于2000万元", ["2000万元"]),
        ("（含省级企业技术创新平台9个）", ["9个"]),
        ("研发人员占就业人员的比重达45人/万人", ["45人/万人"]),
        ("新能源电池产能达38GWh，装机1200MW", ["38GWh", "1200MW"]),  # Latin units, not 5G
        ("示范区完成600平方公里，备案上线大模型105款", ["600平方公里", "105款"]),
        ("农产品出口连续26年全国第一，承包期再延长30年", ["26年", "30年"]),  # spans of years
        ("到2025年，2024年度考核，（2016—2020年），2024年底", []),  # years, not spans
        ("实际使用外资152.7亿美元，友好城市达110对", ["152.7亿美元", "110对"]),
        ("2023年对接企业300家，30对接会", ["300家", "30"]),  # 对接: no pair
        # hours, hectares, sheets, sessions, units of lifts: their units, not bare numbers
        ("免签停留延长至240小时，造林3.2万公顷", ["240小时", "3.2万公顷"]),
        ("发放消费券9829张，举办活动1.2万场次，加装电梯6748部", ["9829张", "1.2万场次", "6748部"]),
        ("3部门联合印发，张家界", ["3"]),  # 部门, 张家: no unit
        ("人均预期寿命达到78.5岁", ["78.5岁"]),
        # trees, ships and head of livestock are counted in their own words
        (
            "抢救古树名木60万株、复壮300万株，新增渔船12艘，出栏生猪50万头",
            ["60万株", "300万株", "12艘", "50万头"],
        ),
        ("3头部企业，种下100棵", ["3", "100棵"]),  # 头部: no head of livestock
    ],
)
def test_figures_are_quantities_never_labels_years_or_codes(text: str, found: list[str]) -> None:
    assert [f.text for f in figures(text)] == found


@pytest.mark.parametrize(
    ("question", "wants", "years", "unit", "growth"),
    [
        ("研发经费投入强度2025年要达到多少？", "target", ("2025",), "%", False),
        ("2020年技术合同成交额占GDP比重是多少", "base", ("2020",), "%", False),
        ("R&D经费投入强度“十三五”末是多少？", "base", (), "%", False),
        ("What is the 2025 target for high-tech enterprises?", "target", ("2025",), None, False),
        ("高新技术企业数量较2015年的增速是多少？", None, ("2015",), "%", True),
        ("十三五时期向上争取资金多少亿元", "base", (), "亿元", False),
        ("高新技术企业数量的基期值是多少？", "base", (), "家", False),
        ("省级及以上创新创业平台起点是几个", "base", (), "个", False),
        ("青海2024年生产总值增长了多少？", "base", ("2024",), None, True),  # 了: done
        ("What is the baseline for high-tech enterprises?", "base", (), None, False),
        (
            "By how many did high-tech enterprises grow from 2015 to 2020?",
            "base",
            ("2015", "2020"),
            "家",
            True,
        ),
        # the words naming the document (its year, "plan") ask for no figure of their own
        (
            "What was Hebei's grain output last year, according to its 2025 government work "
            "report?",
            "base",
            (),
            None,
            False,
        ),
        (
            "How fast did Yunnan's exports grow in 2024, as reported in its 2025 report?",
            "base",
            ("2024",),
            None,
            True,
        ),
        ("What GDP growth is Sichuan aiming for this year?", "target", (), None, True),
        ("How many 5G base stations have been built so far?", "base", (), "个", False),
        ("承包到期后再延长多少年？", None, (), "年", False),
        # measured in English: the Chinese unit the figure is written in
        ("How many kilometres of expressway were opened?", "base", (), "公里", False),
        ("How many tonnes of grain does it aim for?", "target", (), "吨", False),
        ("How many new schools were built?", "base", (), "所", False),
        (
            "What proportion of firms use industrial internet platforms, under Anhui's 2021 plan?",
            None,
            (),
            "%",
            False,
        ),
        ("去年天津港集装箱吞吐量是多少（《2025年天津市政府工作报告》）", "base", (), None, False),
        # the targets table (目标表) is named, not a target asked
        ("规划的发展目标表里研发人员2020年完成值是多少人", "base", ("2020",), "人", False),
        ("What was high-tech output in 2020, in the target table?", "base", ("2020",), None, False),
        # a difference asked: 比…多…多少, how much more
        ("科技资金“十三五”比“十二五”多拿了多少钱？", "base", (), None, True),
        ("How much more funding did it invest than in the 12th period?", "base", (), None, True),
        ("全市有多少家高新技术企业？", None, (), "家", False),  # 多少 alone: a level
        # a rise asked as its 幅度 is a change, in percent; 多长 asks a length
        ("科技投入的增长幅度是多少？", None, (), "%", True),
        ("去年改造了多长的供水管道？", "base", (), "公里", False),
        ("By how many hours was the stay extended?", "base", (), "小时", True),
        # growth ladder, growth enterprises: a name, not a change asked
        ("How many firms are in the growth ladder of tech enterprises?", None, (), "家", False),
        # people counted only when they head the phrase: talent teams are teams
        ("How many high-level talents did the city train?", "base", (), "人", False),
        ("How many talent teams did the city build?", "base", (), None, False),
        # so are firms and centres: enterprise technology centres are centres
        ("How many enterprise technology centres were set up?", "base", (), "个", False),
        ("How many high-tech enterprises did the city have?", "base", (), "家", False),
        # an amount that begins like a year (2000万元, 2000 million) is no year asked
        ("年收入2000万元以上的企业里有研发活动的占多大比例", None, (), "%", False),
        (
            "In 2020, how many firms had revenue above 2000 million yuan?",
            "base",
            ("2020",),
            "家",
            False,
        ),
        # the year of a report it names is no year asked
        (
            "How many parks had Tianjin built by the time of the 2025 report?",
            "base",
            (),
            "个",
            False,
        ),
    ],
)
def test_number_question_says_target_or_base_years_unit_and_change(
    question: str, wants: str | None, years: tuple, unit: str | None, growth: bool
) -> None:
    asked = NumberQuestion.parse(question)
    assert (asked.wants, asked.years, asked.unit, asked.growth) == (wants, years, unit, growth)


@pytest.mark.parametrize(
    ("question", "end"),
    [
        ("职务科技成果转化奖励比例提高到了多少", "to"),
        ("奖励比例原来是多少", "from"),
        ("What level did technology contract turnover reach in 2020?", "to"),
        ("To what percentage was the reward share raised?", "to"),
        ("奖励比例调整后是多少？", "to"),  # after the change: its end
        ("To how many hours was the stay extended?", "to"),
        ("What was the patent count in 2019, the start of its climb to 900?", "from"),
    ],
)
def test_number_question_about_a_change_asks_for_its_end_or_start(question: str, end: str) -> None:
    assert NumberQuestion.parse(question).end == end


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("To what level did R&D intensity climb in 2024?", True),
        ("What was the total grain output?", True),
        ("How fast did exports grow?", True),
        ("What is the average PM2.5 concentration?", True),
        ("全市高标准农田现在有多大面积？", True),
        ("每年举办几期培训班？", True),
        ("How long is the metro network now?", True),
        ("几乎所有企业都上云了吗", False),
        ("How high-tech firms are supported", False),
        ("Which industries does Gansu prioritise?", False),
        ("哪些氢能技术被列为重点？", False),
        ("What is the average life expectancy in Sichuan?", True),  # a measure named
        ("What was Hebei's planted area of vegetables last year?", True),
        ("What was the highway mileage at the end of 2024?", True),
        ("浙江去年的粮食播种面积", True),
        ("Which area does the plan prioritise?", False),  # an area, no measure
        ("Past what number did its science talent pass last year?", True),
        ("Which number was the target raised to?", True),
    ],
)
def test_number_question_is_told_from_other_questions(question: str, asks: bool) -> None:
    assert NumberQuestion.asks_number(question) is asks


@pytest.mark.parametrize(
    ("question", "count", "share"),
    [
        ("How many large AI models were registered in Beijing?", True, False),
        ("How many yuan did Beijing invest?", False, False),  # money asked in so many words
        ("What proportion of spending went to livelihoods?", False, True),
        ("民生支出占一般公共预算支出的比重是多少", False, True),
    ],
)
def test_a_question_says_whether_it_counts_things_or_asks_a_share(
    question: str, count: bool, share: bool
) -> None:
    asked = NumberQuestion.parse(question)
    assert (asked.asks_count, asked.asks_share) == (count, share)


@pytest.mark.parametrize(
    ("text", "unit"),
    [("选派552名金融特派员", "名"), ("公布首批10名单位", ""), ("入选名录3家", "家")],
)
def test_people_counted_in_ming_carry_their_unit(text: str, unit: str) -> None:
    assert figures(text)[0].unit == unit


@pytest.mark.parametrize(
    ("question", "whole"),
    [
        ("一共有多少人（含市级推荐的在内）？", True),
        ("How many awards did the city win in total?", True),
        ("包括省级平台在内共有几个？", True),
        ("市级推荐培养的有多少人？", False),
    ],
)
def test_a_question_asking_for_a_whole_with_its_parts_is_told(question: str, whole: bool) -> None:
    assert NumberQuestion.parse(question).asks_whole is whole


@pytest.mark.parametrize(
    ("question", "area"),
    [
        ("In Shanxi, how large was the area of farmland under trusteeship in 2024?", True),
        ("农业托管面积是多少？", True),
        ("农业托管面积是多少万亩？", False),  # the unit it names says it already
        ("How many farm households were served?", False),
    ],
)
def test_a_question_asking_for_an_area_is_told(question: str, area: bool) -> None:
    assert NumberQuestion.parse(question).asks_area is area


def test_a_change_named_to_ask_where_it_started_asks_the_start_not_the_change() -> None:
    asked = NumberQuestion.parse(
        "It reached 0.89% in 2020. What was it in 2015, the starting point of that rise?"
    )
    assert not asked.growth and asked.end == "from"
    assert NumberQuestion.parse("How much did the share rise?").growth


@pytest.mark.parametrize(
    "question",
    [
        "What did visitors spend in the province last year?",  # spending: a figure
        "What grain harvest does the province expect?",
        "How much faster did rural incomes grow than urban ones?",
    ],
)
def test_measure_words_and_gaps_ask_a_number(question: str) -> None:
    assert NumberQuestion.asks_number(question)


def test_percentage_points_are_a_unit_of_their_own() -> None:
    assert [f.text for f in figures("增速比城镇居民高2.4个百分点")] == ["2.4个百分点"]


@pytest.mark.parametrize(
    ("question", "more"),
    [
        ("比2015年多了多少？", True),
        ("How much more was spent than in 2015?", True),
        ("比2015年的增幅是多少？", False),
        ("增长了几倍？", False),
        ("By what percentage did it grow?", False),
        ("How much did Shandong's GDP grow last year?", False),  # a growth is a rate
        ("和上一时期相比，这一时期多投入了多少万元？", True),  # 多 + the verb it says more of
    ],
)
def test_a_change_is_asked_as_an_amount_only_when_more_is_asked(question: str, more: bool) -> None:
    assert NumberQuestion.parse(question).asks_more is more


@pytest.mark.parametrize(
    ("text", "unit"),
    [("实现7000处信号灯联网", "处"), ("新增200处重点路口智能调控", "处"), ("日均3处理", "")],
)
def test_places_counted_in_chu_carry_their_unit(text: str, unit: str) -> None:
    """7000处 is a count (its 信号灯 follows); 处理 is no unit."""
    assert figures(text)[0].unit == unit


@pytest.mark.parametrize(
    ("question", "growth", "share", "more"),
    [
        ("这个比重五年里一共涨了百分之几？", True, True, False),  # 涨了: a change, as a rate
        ("R&D spending grew by 85.74%. What was that growth in absolute terms?", True, False, True),
        ("Funding was 286% up on the 12th. How large was that rise in yuan?", True, False, True),
        ("How much did GDP grow last year?", True, False, False),  # a growth is a rate
    ],
)
def test_a_change_asked_in_absolute_terms_asks_the_amount_not_the_rate_given(
    question: str, growth: bool, share: bool, more: bool
) -> None:
    asked = NumberQuestion.parse(question)
    assert (asked.growth, asked.asks_share, asked.asks_more) == (growth, share, more)


@pytest.mark.parametrize(
    ("question", "compared"),
    [
        ("“十三五”比前一个五年多了41%，那前一个五年一共投了多少？", True),
        ("比上年增长5.5%，上年是多少？", True),
        ("比上年增长5.5%，今年是多少？", False),  # the level reached, not the base
        ("比2015年增加了多少？", False),  # no change stated
    ],
)
def test_a_question_asks_for_the_base_of_a_change_it_states(question: str, compared: bool) -> None:
    assert NumberQuestion.parse(question).asks_compared is compared
