"""Questions that name their document are kept to it, and say why."""

from __future__ import annotations

import dataclasses

import pytest

from kb.documents import DocumentInfo
from kb.scope import Scoper


def _doc(doc: str, region: str, code: str, level: str, kind: str, year: int, home=False):
    return DocumentInfo(
        doc,
        f"《{doc}》",
        f"{doc}.txt",
        "utf-8",
        "txt",
        "",
        {},
        "",
        region,
        code,
        "",
        level,
        kind,
        year,
        "",
        home,
    )


DOCS = [
    _doc("plan", "六盘水市", "520200000000", "市", "规划", 2021, home=True),
    _doc("shandong", "山东省", "370000000000", "省", "政府工作报告", 2025),
    _doc("gansu", "甘肃省", "620000000000", "省", "政府工作报告", 2025),
    _doc("guizhou", "贵州省", "520000000000", "省", "政府工作报告", 2025),
    _doc("hebei", "河北省", "130000000000", "省", "政府工作报告", 2025),
    _doc("rural", "全国", "000000000000", "国家", "意见", 2018),
    _doc("eco", "全国", "000000000000", "国家", "规划", 2016),
    _doc("anhui", "安徽省", "340000000000", "省", "计划", 2021),
]


@pytest.fixture(scope="module")
def scoper() -> Scoper:
    return Scoper(DOCS)


@pytest.mark.parametrize(
    ("question", "docs", "because"),
    [
        ("山东高新技术企业数量", ["shandong"], "山东"),
        ("Shandong high-tech enterprises", ["shandong"], "Shandong"),
        ("冀 2024年粮食总产量", ["hebei"], "冀"),
        ("兰州中川机场旅客吞吐量", ["gansu"], "兰州"),  # a city of Gansu: Gansu's report
        ("凉都的猕猴桃产业", ["plan"], "凉都"),  # Liupanshui's nickname: its plan
        ("贵州电力装机容量", ["guizhou"], "贵州"),  # the province's own report, not the city's
        ("国务院的生态环境规划", ["eco"], "国务院、规划"),
        ("中央一号文件对农村厕所的要求", ["rural"], "中央一号文件"),  # one word, once
        ("各省政府工作报告里的氢能", ["shandong", "gansu", "guizhou", "hebei"], "政府工作报告"),
        ("the action plan on industrial internet platforms", ["anhui"], "action plan"),
        ("What do the 2021 plans say about industrial internet?", ["plan", "anhui"], "plans、2021"),
    ],
)
def test_question_naming_a_document_is_kept_to_it(
    scoper: Scoper, question: str, docs: list[str], because: str
) -> None:
    scope = scoper.detect(question)
    assert scope is not None and scope.docs == docs and scope.because == because


@pytest.mark.parametrize(
    "question", ["京津冀协同发展", "长江经济带生态保护", "国家级星创天地有几个", "科技特派员"]
)
def test_a_place_inside_a_topic_or_nothing_named_keeps_every_document(
    scoper: Scoper, question: str
) -> None:
    assert scoper.detect(question) is None


def test_the_words_that_named_the_document_are_not_searched_for(scoper: Scoper) -> None:
    scope = scoper.detect("山东高新技术企业数量")
    assert scope is not None and scope.query("山东高新技术企业数量").strip() == "高新技术企业数量"


def test_a_year_picks_the_report_that_reviews_it() -> None:
    docs = [*DOCS, _doc("shandong24", "山东省", "370000000000", "省", "政府工作报告", 2024)]
    scope = Scoper(docs).detect("山东2024年粮食产量")
    assert scope is not None and scope.docs == ["shandong"]  # the 2025 report reviews 2024


@pytest.mark.parametrize(
    ("question", "named", "doc"),
    [
        ("乡村振兴意见 宅基地三权分置", False, "liaoning"),  # 振兴 (振兴区): an everyday word
        ("丹东振兴区的营商环境", True, "liaoning"),  # with its suffix it names the district
        ("盘州数字经济专项资金", True, "plan"),  # a rare county name names its county alone
    ],
)
def test_a_county_name_that_is_an_everyday_word_needs_its_suffix(
    question: str, named: bool, doc: str
) -> None:
    frequency = {"振兴": 659, "盘州": 0}.get
    documents = [*DOCS, _doc("liaoning", "辽宁省", "210000000000", "省", "政府工作报告", 2025)]
    scope = Scoper(documents, frequency=lambda w: frequency(w, 0)).detect(question)
    assert (doc in (scope.docs if scope else [])) is named


@pytest.mark.parametrize(
    ("question", "docs"),
    [
        ("冀研发投入强度是多少", ["hebei"]),  # 冀研 is no word: the abbreviation stands apart
        ("请问陇2024年粮食产量", ["gansu"]),
        ("鲁菜馆的发展", None),  # 鲁菜 is a word
        ("鲁冀两省的粮食", None),  # two abbreviations side by side: a topic, not a document
    ],
)
def test_an_abbreviation_beside_other_characters_names_its_region_unless_a_word(
    question: str, docs: list[str] | None
) -> None:
    words = {"鲁菜", "鲁菜馆", "两省", "粮食"}
    scope = Scoper(DOCS, frequency=lambda w: 100 if w in words else 0).detect(question)
    assert (scope.docs if scope else None) == docs


@pytest.mark.parametrize(
    ("question", "docs"),
    [("陇东能源基地", ["gansu"]), ("皖南的工业互联网", ["anhui"]), ("晋升机制", None)],
)
def test_an_abbreviation_that_starts_a_place_word_names_its_province(
    question: str, docs: list[str] | None
) -> None:
    tags = {"陇东": "ns", "皖南": "ns", "晋升": "nr"}
    scope = Scoper(DOCS, frequency=lambda w: 50 if tags.get(w) else 0, tag=tags.get).detect(
        question
    )
    assert (scope.docs if scope else None) == docs


@pytest.mark.parametrize(
    ("question", "docs"),
    [
        ("中共中央关于乡村振兴的意见要求编制什么规划？", ["rural"]),
        (
            "The CPC opinion on rural revitalization: which strategic plan is to be drawn up?",
            ["rural"],
        ),
        ("国务院生态环境保护规划对意见征集有什么要求", ["eco"]),
        ("Anhui's action plan for industrial internet", ["anhui"]),
    ],
)
def test_of_several_kind_words_the_one_named_first_is_the_documents(
    scoper: Scoper, question: str, docs: list[str]
) -> None:
    """The document is named before what is asked of it (…的意见要求编制什么规划)."""
    scope = scoper.detect(question)
    assert scope is not None and scope.docs == docs


@pytest.mark.parametrize(
    ("question", "docs"),
    [
        ("the 2018 central document on rural revitalization", ["rural"]),
        ("What does the CPC Central Committee's opinion say about rural talent?", ["rural"]),
        ("No. 1 central document on homestead reform", ["rural"]),
        ("national eco-environment plan PM2.5 target", ["eco"]),
    ],
)
def test_an_english_question_names_the_national_issuer_and_kind(
    scoper: Scoper, question: str, docs: list[str]
) -> None:
    scope = scoper.detect(question)
    assert scope is not None and scope.docs == docs


@pytest.mark.parametrize(
    "question",
    [
        "十三五时期获得贵州省科学技术奖多少项",
        "How many Guizhou Provincial Science and Technology Awards did the city win?",
        "How many yuan did the ministry give the robot project?",  # yuan: money, not 裕安
    ],
)
def test_a_place_in_an_award_name_or_a_currency_names_no_document(
    scoper: Scoper, question: str
) -> None:
    scope = scoper.detect(question)
    assert scope is None or scope.docs != ["guizhou"]
    assert scope is None or not scope.regions


@pytest.mark.parametrize(
    ("question", "searched", "dropped"),
    [
        ("Which campus opened in Lanzhou's Chengguan district?", "城关", "Chengguan"),
        ("兰州中川机场旅客吞吐量", "中川机场旅客吞吐量", "兰州"),  # Chinese: searched as written
        ("How many jobs were created in Lanzhou's province?", "jobs", "兰州"),  # a pointer
        ("What did Gansu report on grain?", "grain", "Gansu"),  # the document's own region
    ],
)
def test_a_place_inside_the_document_stays_in_the_query_in_chinese(
    scoper: Scoper, question: str, searched: str, dropped: str
) -> None:
    scope = scoper.detect(question)
    assert scope is not None and scope.docs == ["gansu"]
    query = scope.query(question)
    assert searched in query and dropped not in query


@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("青海2024年生产总值增长多少", ["青海"]),  # no document is about Qinghai
        ("By how much did Qinghai's GDP grow in 2024?", ["Qinghai"]),
        ("兰州的高新技术企业", []),  # inside Gansu, whose report is indexed
        ("山东高新技术企业数量", []),  # Shandong's report
        ("长江经济带生态保护", []),  # a topic
        ("与中山大学合作", []),  # a university named after a place
        ("贵州省科学技术奖", []),  # an award
    ],
)
def test_places_no_document_is_about_are_found(
    scoper: Scoper, question: str, places: list[str]
) -> None:
    assert [m.text for m in scoper.elsewhere(question)] == places


@pytest.mark.parametrize(
    ("question", "docs"),
    [
        ("“十三五”生态环境保护规划的细颗粒物目标", ["eco"]),
        ("the 13th Five-Year Plan for eco-environmental protection on PM2.5", ["eco"]),
        ("规划中“十三五”时期的科技投入", ["plan", "eco"]),  # a period asked about, not a name
        ("the plan's figures at the end of the 13th Five-Year Plan", ["plan", "eco", "anhui"]),
    ],
)
def test_a_plan_named_by_its_period_and_subject_picks_that_periods_plan(
    question: str, docs: list[str]
) -> None:
    periods = {"plan": "十四五", "eco": "十三五"}
    scoper = Scoper([dataclasses.replace(d, period=periods.get(d.doc, "")) for d in DOCS])
    scope = scoper.detect(question)
    assert scope is not None and scope.docs == docs
