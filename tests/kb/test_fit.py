"""Project fit on the real plan: verdicts from evidence, reasons that say it, whole clauses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from kb import BadQuery, KnowledgeBase
from kb.errors import InputTooLong
from kb.fit import FitChecker, FitSettings
from kb.fit_report import FitReport, Named

MEA_ZH = "我公司计划在六盘水建设一条氢燃料电池膜电极生产线，并与高校合作研发质子交换膜"
MEA_EN = (
    "Our company plans to build a production line for hydrogen fuel cell membrane electrode "
    "assemblies in Liupanshui, and to develop proton exchange membranes with universities."
)

CASES = [
    ("我们计划研发煤矿井下巡检机器人", "fit", ["智能巡检机器人"]),
    ("建设猕猴桃智慧果园物联网监测平台", "fit", ["猕猴桃智慧化种植基地物联网"]),
    ("Producing high-purity manganese sulfate from low-grade manganese ore", "fit", ["高纯硫酸锰"]),
    ("做一个区块链溯源平台服务本地农产品", "fit", ["区块链"]),  # 专栏7 names 区块链
    (MEA_ZH, "fit", ["膜电极"]),
    (MEA_EN, "fit", ["膜电极"]),
    ("在钟山区开一家茶叶专卖店，销售本地绿茶和红茶", "partial", []),  # area, and trade
    ("经营一家猕猴桃水果批发档口", "partial", []),
    ("开设一家宠物用品网店", "no_fit", []),
    ("举办明星演唱会", "no_fit", []),
    ("在本市开一家火锅店", "no_fit", []),
    ("利用电厂脱硫副产的石膏做石膏砌块", "fit", ["脱硫石膏"]),  # 脱硫 + 石膏: the plan's one word
    (
        "Founded in 2010 with 300 employees, we integrate R&D, production and sales, with a "
        "sales network across 12 provinces. We will produce plasterboard from the FGD gypsum "
        "of coal-fired power plants.",
        "fit",
        ["脱硫石膏"],
    ),  # its sales are the company's, not the project's
    # one everyday English word names no work: a salon's "smart queue" is not 智能化
    (
        "Our nail salon chain is launching a smart queueing system and a data dashboard.",
        "no_fit",
        [],
    ),
    ("We are a sales agent importing and distributing industrial robots.", "partial", []),
    # marketing words every business uses (线上线下, 融合, 个性化) name no work and no area
    ("我们是一家少儿美术培训机构，计划开发线上线下融合的个性化课程，并新开一个校区", "no_fit", []),
    # an enterprise's own words for the plan's items (kb/data/zh_everyday.tsv, en_everyday.tsv)
    ("合作社新建工厂化育苗中心，年供应辣椒、番茄商品苗", "fit", ["集约化育苗"]),
    ("Our company designs spray drones for tea gardens on steep slopes.", "fit", ["植保无人机"]),
]


@pytest.mark.parametrize(("text", "verdict", "anchors"), CASES)
def test_fit_verdicts_and_matches(
    plan_kb: KnowledgeBase, text: str, verdict: str, anchors: list
) -> None:
    report = plan_kb.fit(text)
    assert report.verdict == verdict, report.reason
    for anchor in anchors:
        assert any(anchor in m.text for m in report.matches[:5])
    if verdict == "no_fit":
        assert report.matches == [] and report.measures == []


def test_dev_fit_cases(plan_kb: KnowledgeBase, shared_dir: Path) -> None:
    """The shared development set: verdict right and every anchor in the first five
    matches, for at least 31 of 32 (the fit issue's target)."""
    lines = (shared_dir / "eval" / "dev_fit.jsonl").read_text("utf-8").splitlines()
    cases = [json.loads(line) for line in lines if line.strip()]
    wrong = []
    for case in cases:
        report = plan_kb.fit(case["text"])
        top = report.matches[:5]
        anchored = all(any(a in m.text for m in top) for a in case["anchors"])
        if report.verdict != case["expect"] or not anchored:
            wrong.append((case["id"], report.verdict, round(report.score, 2)))
    assert len(cases) >= 32
    assert len(cases) - len(wrong) >= 31, wrong


def test_membrane_electrode_project_gets_the_same_verdict_in_chinese_and_english(
    plan_kb: KnowledgeBase,
) -> None:
    zh, en = plan_kb.fit(MEA_ZH), plan_kb.fit(MEA_EN)
    assert zh.verdict == en.verdict == "fit"
    for report in (zh, en):
        assert report.matches[0].section[-1] == "2．氢能源"
        assert "膜电极" in report.matches[0].text and "质子交换膜" in report.matches[0].text
    # and the same support measures: "with universities" calls for technology transfer
    assert [m.label for m in en.measures] == [m.label for m in zh.measures]
    assert "成果转化与技术转移" in [m.label for m in en.measures]


def test_reason_names_the_terms_the_plan_names_where_and_what_it_does_not(
    plan_kb: KnowledgeBase,
) -> None:
    report = plan_kb.fit(MEA_ZH)
    assert re.search(r"规划点名了 .*膜电极", report.reason)
    assert "质子交换膜" in report.reason and "专栏1 能源产业技术攻关 › 2．氢能源" in report.reason
    assert "未提及：少水" in plan_kb.fit("开发少水无水的绿色印染新工艺").reason
    english = report.reason_in("en")
    assert english.startswith("The plan names") and "2．氢能源" in english


def test_a_few_words_naming_a_specialist_term_fit_its_item(plan_kb: KnowledgeBase) -> None:
    report = plan_kb.fit("煤泥烘干压球项目")  # 煤泥: a word general Chinese barely knows
    assert report.verdict == "fit"
    assert report.matches and "煤泥" in report.matches[0].text
    assert plan_kb.fit("社区理发店").verdict == "no_fit"  # a few common words: no lift


def test_reason_also_names_the_work_the_next_items_name(plan_kb: KnowledgeBase) -> None:
    report = plan_kb.fit("我们开发煤矿井下人员定位和瓦斯监测一体化系统，在两个矿井试点。")
    assert report.verdict == "fit"
    assert "；另见 " in report.reason and "瓦斯监测（专栏6" in report.reason
    assert "; also " in report.reason_in("en")


def test_trade_in_a_priority_industry_is_partial_and_says_why(plan_kb: KnowledgeBase) -> None:
    report = plan_kb.fit("开一家铝合金门窗销售门店")
    assert report.verdict == "partial"
    assert report.commerce and "经营活动" in report.reason
    assert plan_kb.fit("矿山设备维修店").verdict == "partial"  # 矿山设备 is 矿山机械


@pytest.mark.parametrize(
    "core",
    ["我们计划研发煤矿井下巡检机器人", "建设年产30万吨煤制烯烃项目", "开设一家宠物用品网店"],
)
def test_long_description_with_about_us_gets_the_verdict_of_its_core(
    plan_kb: KnowledgeBase, core: str
) -> None:
    about = (
        "本公司成立于2012年，注册资本5000万元，现有员工260人，其中研发人员45人，"
        "拥有发明专利12件，先后荣获省级专精特新企业、市级优秀民营企业等荣誉。"
        "公司总部位于钟山区，主要客户遍布西南五省，年销售额3.2亿元，纳税2100万元。"
    )
    market = "近年来行业竞争加剧，公司坚持质量第一、客户至上的理念，不断完善管理体系。"
    text = (about + market) * 33 + core + "。项目总投资2.6亿元，预计带动就业300人。"
    assert len(text) > 5000
    assert plan_kb.fit(text).verdict == plan_kb.fit(core).verdict


def test_matches_quote_whole_clauses_never_fragments(plan_kb: KnowledgeBase) -> None:
    for text in (MEA_ZH, "生产高强度锚杆钢和精轧螺纹钢", "开发少水无水的绿色印染新工艺"):
        for m in plan_kb.fit(text).matches:
            chunk = plan_kb.chunk(m.id).content or ""
            assert len(m.text) >= 12
            assert m.text == chunk or m.text.endswith(("。", "；", ";")) or chunk.endswith(m.text)
            assert plan_kb.sources[m.doc][m.start : m.end] == m.text


def test_fit_lists_support_measures_from_the_measures_chapters(plan_kb: KnowledgeBase) -> None:
    report = plan_kb.fit("我们计划研发煤矿井下巡检机器人")
    labels = {m.label for m in report.measures}
    assert {"研发费用加计扣除与税收优惠", "研发投入后补助", "科技银行与科技贷款"} <= labels
    assert all(m.section[0][:3] in ("第五章", "第六章", "第七章") for m in report.measures)
    assert any("加计扣除" in m.text for m in report.measures)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "A start-up of two PhDs makes membrane electrode assemblies in a university incubator.",
            {"成果转化与技术转移", "创业孵化", "人才引进与培养"},
        ),
        (
            "我公司计划建设膜电极生产线，引进博士团队，申请银行贷款",
            {"人才引进与培养", "科技银行与科技贷款"},
        ),
    ],
)
def test_support_measures_the_description_calls_for_come_first(
    plan_kb: KnowledgeBase, text: str, first: set[str]
) -> None:
    labels = [m.label for m in plan_kb.fit(text).measures]
    assert set(labels[: len(first)]) == first and len(labels) >= 4


def test_fit_quotes_exact_spans(plan_kb: KnowledgeBase) -> None:
    report = plan_kb.fit("建设猕猴桃智慧果园物联网监测平台")
    for m in [*report.matches, *report.measures]:
        assert plan_kb.sources[m.doc][m.start : m.end] == m.text


def test_long_description_is_read_to_the_end(plan_kb: KnowledgeBase) -> None:
    filler = "我们公司成立于二〇一五年，团队有五十人，主要客户在西南地区。" * 170
    text = filler + "今年计划研发煤矿井下巡检机器人。"
    assert len(text) > 5000
    report = plan_kb.fit(text)
    assert report.verdict == "fit"
    assert report.sentences >= 170
    assert report.text == text


def test_fit_json_shape(plan_kb: KnowledgeBase) -> None:
    out = plan_kb.fit("建设猕猴桃智慧果园物联网监测平台").to_dict()
    assert {"text", "verdict", "reason", "score", "matches", "measures"} <= set(out)
    assert {"named", "missing", "commerce"} <= set(out)
    assert {"id", "doc", "section", "text", "score", "terms", "kind"} <= set(out["matches"][0])
    assert {"term", "where", "id", "kind", "form"} == set(out["named"][0])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_downloads_as_markdown_in_either_language(plan_kb: KnowledgeBase, lang: str) -> None:
    markdown = plan_kb.fit("生产高强度锚杆钢和精轧螺纹钢").to_markdown(lang)
    assert ("结论: 符合" if lang == "zh" else "Verdict: fit") in markdown
    assert "高强度锚杆钢" in markdown
    assert ("Project fit" in markdown) == (lang == "en")


@pytest.mark.parametrize(
    ("text", "match"), [("", "empty"), ("？？！", "empty"), ("氢" * 30_000, "30,000")]
)
def test_bad_description_raises(plan_kb: KnowledgeBase, text: str, match: str) -> None:
    with pytest.raises(BadQuery, match=match):
        plan_kb.fit(text)


def test_an_overlong_description_says_its_length_and_the_limit(plan_kb: KnowledgeBase) -> None:
    with pytest.raises(InputTooLong) as raised:
        plan_kb.fit("氢" * 30_000)
    assert (raised.value.length, raised.value.limit) == (30_000, 20_000)
    assert raised.value.what == "description"


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Road freight company hauling coal with 45 heavy trucks", "（四）现代物流产业"),
        ("经营一家煤炭贸易公司，销售电煤和焦煤", "（二）煤炭产业"),
    ],
)
def test_an_area_match_cites_the_heading_that_names_the_area_with_its_opening(
    plan_kb: KnowledgeBase, text: str, heading: str
) -> None:
    report = plan_kb.fit(text)
    assert report.verdict == "partial"
    areas = [m for m in report.matches if m.kind == "area"]
    cited = [m for m in areas if m.text.startswith(heading)]
    assert cited and cited[0].section[-1] == heading
    assert plan_kb.sources[cited[0].doc][cited[0].start : cited[0].end] == cited[0].text
    said = cited[0].line.removeprefix(heading + " ")  # what the plan says of the area,
    lead, box = said.split(" 专栏")  # then the title of the box of its items
    assert len(lead) > 20 and "\n" not in cited[0].line
    assert lead in plan_kb.chunk(cited[0].id).content and box.endswith("技术攻关")
    assert len({(m.start, m.end) for m in report.matches}) == len(report.matches)  # no repeats


def test_an_area_heading_with_a_box_first_is_cited_alone(plan_kb: KnowledgeBase) -> None:
    checker = plan_kb.fit_checker()
    rows = [i for i, c in enumerate(plan_kb.chunks) if c.meta.get("kind") == "item"]
    heads = [m for r in rows for m in checker.quotes.areas(r)]
    alone = [m for m in heads if m.text == m.section[-1]]  # 6．生态畜禽业: an item, no opening
    opened = [m for m in heads if m.text != m.section[-1]]
    assert alone and opened
    assert all(plan_kb.sources[m.doc][m.start : m.end] == m.text for m in heads)


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("在玉舍雪山脚下开家雪具出租店，租雪板、雪服和头盔", "（一）旅游装备制造"),
        ("We run tea shops selling local spring tea; we will open 6 more stores.", "3．茶叶产业"),
        ("公司主营电煤、焦精煤贸易，从本地煤矿采购后转售给电厂和焦化厂", "（二）煤炭产业"),
    ],
)
def test_trading_in_what_the_plan_names_is_partial_and_cites_its_industry_first(
    plan_kb: KnowledgeBase, text: str, heading: str
) -> None:
    report = plan_kb.fit(text)
    assert report.verdict == "partial", report.reason
    assert report.commerce
    areas = [m.text for m in report.matches if m.kind == "area"]
    assert any(a.startswith(heading) for a in areas) and report.matches[0].kind == "area"


@pytest.mark.parametrize("text", ["开一家剧本杀+KTV复合门店，线上小程序预约", "在商场开一家美甲店"])
def test_a_store_whose_only_plan_word_is_a_manner_does_not_fit(
    plan_kb: KnowledgeBase, text: str
) -> None:
    assert plan_kb.fit(text).verdict == "no_fit"  # 线上 is how it books, not what it sells


@pytest.mark.parametrize(
    "text",
    [
        "承接煤矿井下巷道掘进、锚网支护等劳务分包工程",
        "We overhaul boilers and turbines of coal-fired power plants under yearly contracts.",
    ],
)
def test_a_service_on_what_the_plan_names_is_partial(plan_kb: KnowledgeBase, text: str) -> None:
    report = plan_kb.fit(text)  # upkeep and labour contracting are not research or making
    assert report.verdict == "partial", report.reason


def test_a_trading_project_never_cites_a_catch_all_heading_and_scores_its_evidence(
    plan_kb: KnowledgeBase,
) -> None:
    report = plan_kb.fit("在乡镇开设种子、化肥、农药零售门店，兼做农技咨询")
    assert report.verdict == "partial" and report.score > 0
    assert report.matches[0].text.startswith("（一）生态特色农业")  # not 专栏11's "8．其他"
    assert not any(m.text.endswith("其他") for m in report.matches)


def test_words_the_plan_names_in_many_sections_prove_neither_work_nor_area(
    plan_kb: KnowledgeBase,
) -> None:
    report = plan_kb.fit("开发智能化、数字化的婚庆策划系统")  # how it works, not what it is
    assert report.verdict == "no_fit", report.reason


@pytest.mark.parametrize(
    "text", ["开发智能化、数字化的婚庆策划系统", "公司利用智能化手段开展家政保洁服务"]
)
def test_words_the_plan_names_in_many_sections_never_prove_the_work(
    plan_kb: KnowledgeBase, text: str
) -> None:
    report = plan_kb.fit(text)  # 智能化 / 数字化: how a project works, not what it is
    assert report.verdict != "fit" and report.reason  # the reason still renders


def test_an_industrys_name_proves_the_area_never_the_work(plan_kb: KnowledgeBase) -> None:
    # 新材料 is written in a coal-chemistry item (煤基新材料), but it is the name of
    # （五）新材料产业: a nail salon using "new materials" is not that item's work
    report = plan_kb.fit("连锁美甲店，新推出采用进口新材料的可卸式光疗甲和穿戴甲。")
    assert report.verdict != "fit", report.reason


def test_a_thesaurus_stand_in_alone_never_makes_the_projects_area(plan_kb: KnowledgeBase) -> None:
    report = plan_kb.fit("生产电子烟雾化芯，建设自动化组装线")  # 自动化 ~ 智能化 of a heading
    assert report.verdict == "no_fit"


def test_the_term_a_description_says_most_ranks_its_item_first(plan_kb: KnowledgeBase) -> None:
    report = plan_kb.fit(
        "以香菇菇脚为原料提取香菇多糖，开发香菇多糖口服液和香菇多糖固体饮料；另建冷库保鲜鲜菇。"
    )
    assert report.verdict == "fit" and "食用菌多糖" in report.matches[0].text


@pytest.mark.parametrize("metal", ["aluminium", "aluminum"])
def test_british_and_american_spellings_get_one_verdict(plan_kb: KnowledgeBase, metal: str) -> None:
    report = plan_kb.fit(f"We recycle used {metal} window frames into secondary {metal} ingots.")
    assert report.verdict == "fit" and "废铝" in report.matches[0].text


@pytest.mark.parametrize(
    "text",
    [
        "贵州某公司成立于2018年，员工15人，是省内多家玄武岩纤维厂家的经销商，主要销售玄武岩纤维筋"
        "和短切纱。公司计划扩建仓库。",
        "Founded in 2012, we are a distributor of basalt fibre rebar. We plan a new warehouse.",
    ],
)
def test_a_trader_known_by_its_company_record_is_partial(plan_kb: KnowledgeBase, text: str) -> None:
    report = plan_kb.fit(text)  # 经销商 / distributor is said only about the company
    assert report.verdict == "partial" and report.commerce, report.reason


def test_what_a_service_firm_builds_is_not_what_it_trades_in(plan_kb: KnowledgeBase) -> None:
    report = plan_kb.fit(  # 保洁 is its trade; the 实训基地 it builds is not traded goods
        "公司成立于2015年，现有家政服务员860人，业务涵盖月嫂、日常保洁和家电清洗。"
        "项目拟建设家政服务员实训基地。"
    )
    assert report.verdict == "no_fit", report.reason


def test_a_maker_that_mentions_its_distributors_still_fits(plan_kb: KnowledgeBase) -> None:
    report = plan_kb.fit(
        "About us: founded in 2017, we sell through distributors in 18 provinces. Core project: "
        "we will survey basalt deposits and study how ore composition affects fiber drawing."
    )
    assert report.verdict == "fit", report.reason


@pytest.mark.parametrize(
    "text",
    [
        "O&M contractor for rooftop PV plants: panel washing and inverter repairs.",
        "Since 2015 we have repaired and rented out snowboards at a local ski resort.",
    ],
)
def test_english_services_in_past_forms_and_o_and_m_are_business_forms(
    plan_kb: KnowledgeBase, text: str
) -> None:
    report = plan_kb.fit(text)  # o&m, contractor, repaired, rented: upkeep and hire
    assert report.verdict == "partial" and report.commerce, report.reason


def test_operation_and_maintenance_is_a_service_as_in_english(plan_kb: KnowledgeBase) -> None:
    report = plan_kb.fit("公司承接全市智能安防系统的日常运维，提供驻场值守服务。")
    assert report.verdict == "partial" and report.commerce, report.reason  # 运维 as O&M


@pytest.mark.parametrize(
    "text",
    [
        "从外地进货猕猴桃苗木，转卖给本地种植大户。",  # buys in and resells
        "受托运营园区内的煤矸石发电厂，按发电量收取服务费。",  # runs a plant for its owner
        "承接火电厂锅炉的防腐施工和检修。",  # contracts for work on what the plan names
    ],
)
def test_reselling_contracting_and_running_for_others_are_business_forms(
    plan_kb: KnowledgeBase, text: str
) -> None:
    report = plan_kb.fit(text)
    assert report.verdict == "partial" and report.commerce, report.reason


@pytest.mark.parametrize(
    "text",
    [
        "在工业园门口开修理铺，给矿上修液压支架的千斤顶和油缸，换密封圈，按件计价。",
        "我们两台冷藏车帮合作社把鲜猕猴桃拉到贵阳和重庆的批发市场，按吨公里收运费。",
        "承包几个小区透水铺装和雨水花园的日常养护，每年按面积收养护费。",
    ],
)
def test_repairing_hauling_or_upkeep_of_what_the_plan_names_is_partial(
    plan_kb: KnowledgeBase, text: str
) -> None:
    report = plan_kb.fit(text)  # a service on the plan's things, not research or making
    assert report.verdict == "partial" and report.commerce, report.reason


def test_what_a_business_says_it_is_weighs_against_one_making_word(
    plan_kb: KnowledgeBase,
) -> None:
    # 维修站 in 我们是…: a repair station, though it also calibrates (调试, a making word)
    report = plan_kb.fit("我们是个仪表维修站，给煤矿修压力表和流量计，修好后校准、调试再送回。")
    assert report.verdict == "partial" and "维修" in report.commerce, report.reason


def test_a_maker_that_sells_its_printed_cloth_fits(plan_kb: KnowledgeBase) -> None:
    # 印花 and 后整理 are how it makes the cloth: selling it to garment makers is no trade
    text = "小厂从外面买白坯布，自己做平网印花和后整理，印好的花布卖给服装厂。"
    report = plan_kb.fit(text)
    assert report.verdict == "fit", report.reason
    assert "印花布" in report.matches[0].text


@pytest.mark.parametrize(
    "text",
    [
        "开一家主打碳中和理念的手工皂小店，每块皂标注碳足迹。",
        "A 'net-zero' flower shop that labels every bouquet with its carbon footprint.",
    ],
)
def test_carbon_neutral_said_of_a_shop_is_marketing_not_work(
    plan_kb: KnowledgeBase, text: str
) -> None:
    assert plan_kb.fit(text).verdict == "no_fit"


def test_the_businesses_of_a_clubs_members_are_not_the_projects(plan_kb: KnowledgeBase) -> None:
    text = (
        "Twelve local business owners (a hotpot restaurant, a coal trader, a cement dealer) "
        "are setting up an angel fund that invests in seed rounds of tech start-ups."
    )
    report = plan_kb.fit(text)
    assert report.venues == [] and report.commerce == [], report.reason


def test_a_quote_reaches_the_clause_that_says_the_projects_common_words(
    plan_kb: KnowledgeBase,
) -> None:
    # 粉煤灰 makes the match; 低碳混凝土, the project's product, is the item's next clause
    text = (
        "We will make lower-carbon concrete blocks, replacing up to 45% of the cement with fly ash."
    )
    quoted = plan_kb.fit(text).matches[0].text
    assert "粉煤灰" in quoted and "低碳混凝土" in quoted


def test_a_term_is_not_named_inside_another_word(all_kb: KnowledgeBase) -> None:
    # over every document, the salon's 新推出 matched Shandong's 创新推出 (a walkthrough)
    report = all_kb.fit("连锁美甲店，新推出采用进口新材料的可卸式光疗甲和穿戴甲。")
    assert report.verdict != "fit", report.reason
    assert all(d.verdict != "fit" for d in report.documents)


@pytest.mark.parametrize(
    ("title", "zh", "en"),
    [
        ("六盘水市“十四五”科技创新规划", "规划没有点名", "The plan names"),
        ("2025年山东省政府工作报告", "文件没有点名", "The document names"),
    ],
)
def test_reason_calls_a_document_a_plan_only_when_it_is_one(title: str, zh: str, en: str) -> None:
    report = FitReport(text="美甲店", verdict="no_fit", score=0.0, doc_title=title)
    assert report.reason_in("zh").startswith(zh) and report.reason_in("en").startswith(en)


def test_an_item_naming_a_sliver_of_the_project_is_no_evidence_of_its_work(
    plan_kb: KnowledgeBase,
) -> None:
    text = "我们研发区块链底层平台和智能合约，在政务数据共享和供应链金融中应用示范"
    report = FitChecker(plan_kb).check(text)
    assert report.verdict == "fit" and 0.15 < report.score < 0.9  # 区块链: one of several
    strict = FitChecker(plan_kb, FitSettings(min_work_share=0.95)).check(text)
    assert strict.verdict != "fit"


def test_a_support_measure_is_labelled_by_its_own_word_not_a_generic_one(all_kb) -> None:
    text = "我们研发新产品，申请专利"
    measures = all_kb.fit_checker().quotes.measures("gwr_shanxi_2025", text)
    # 研发投入后补助 is not "设备更新专项奖励" (奖励 alone); 高新技术企业培育 is not
    # "新认定10个省级劳务品牌" (认定 alone)
    assert not any("劳务品牌" in m.text or "设备更新专项奖励" in m.text for m in measures)


def test_a_work_reports_reason_quotes_its_own_words_unchanged() -> None:
    where = ["二、2025年工作安排", "（三）加快“十五五”规划编制"]
    named = [Named("规划编制", where, "gwr:s2.ss3.para1", "area")]
    title = "2025年山东省政府工作报告"
    report = FitReport("规划编制咨询", "partial", 0.0, named=named, doc_title=title)
    reason = report.reason_in("zh")
    assert reason.startswith("文件把 规划编制 所在的领域")  # the document is no plan …
    assert "加快“十五五”规划编制" in reason  # … but its words are quoted as written


def test_the_item_closest_to_the_description_moves_ahead_of_items_that_only_name_its_terms(
    plan_kb: KnowledgeBase,
) -> None:
    checker = plan_kb.fit_checker()
    rows = sorted(checker.priority)
    target = rows[len(rows) // 2]
    description = plan_kb.chunks[target].content or ""  # says what this item says
    close = plan_kb.dense.vectors[rows] @ plan_kb.dense.vectors[target]
    far = [rows[i] for i in np.argsort(close)[:2]]  # named by evidence, far in meaning
    order = checker.order.nearest_first(description, [*far, target], frozenset(rows))
    assert order[0] == target and order[1:] == far  # the evidence order of the rest stays


def test_an_item_a_search_finds_is_a_match_only_when_also_close_in_meaning(
    plan_kb: KnowledgeBase,
) -> None:
    checker = plan_kb.fit_checker()
    rows = sorted(checker.priority)
    target, named = rows[len(rows) // 2], rows[len(rows) // 3]
    description = plan_kb.chunks[target].content or ""
    close = plan_kb.dense.vectors[rows] @ plan_kb.dense.vectors[target]
    far = rows[int(np.argsort(close)[0])]
    order = checker.order.nearest_first(description, [named], frozenset(rows), [far, target])
    assert target in order and named in order  # the search's item, close in meaning, joins
    assert far not in order  # found by the search alone: not a match


def test_a_match_quotes_past_an_item_title_that_says_no_work(plan_kb: KnowledgeBase) -> None:
    checker = plan_kb.fit_checker()
    titled = next(
        c
        for c in plan_kb.chunks
        if (c.content or "").startswith("3．锂电池产业。") and len(c.content or "") > 40
    )
    s, e = checker.quotes.quote(titled, [])
    assert (titled.content or "")[s:e].startswith("3．锂电池产业。加强")


def test_a_quote_of_an_items_first_clause_opens_with_its_title(plan_kb: KnowledgeBase) -> None:
    checker = plan_kb.fit_checker()
    titled = next(c for c in plan_kb.chunks if (c.content or "").startswith("5．食品安全。"))
    s, e = checker.quotes.quote(titled, ["检验检测"])
    assert (titled.content or "")[s:e].startswith("5．食品安全。支持食品过程控制")


def test_a_quote_of_a_later_clause_leaves_the_title_out(plan_kb: KnowledgeBase) -> None:
    checker = plan_kb.fit_checker()
    titled = next(c for c in plan_kb.chunks if (c.content or "").startswith("1．煤炭开采及洗选。"))
    s, e = checker.quotes.quote(titled, ["透明矿山"])
    assert (titled.content or "")[s:e].startswith("加强无井式煤炭地下气化")


@pytest.mark.parametrize(
    ("form", "heading", "box"),
    [
        ("物流", "（四）现代物流产业", "专栏10 现代物流产业技术攻关"),
        ("煤炭", "（二）煤炭产业", "专栏2 煤炭产业技术攻关"),
    ],
)
def test_an_area_heading_is_quoted_with_its_lead_and_the_box_of_its_items(
    plan_kb: KnowledgeBase, form: str, heading: str, box: str
) -> None:
    """A partial project's area: the industry, what the plan says of it, and where its
    priority items are listed."""
    checker = plan_kb.fit_checker()
    row = next(r for r, c in enumerate(plan_kb.chunks) if c.meta["section"][-2:-1] == [box])
    match = checker.quotes.match(row, {form: (form, "area")}, work=0.0, area=1.0)
    source = plan_kb.sources[match.doc]
    assert match.kind == "area" and match.text.startswith(heading)
    assert match.text.rstrip().endswith(box) and source[match.start : match.end] == match.text


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("在万达广场开一家派对气球店，做生日、婚礼用的气球拱门和氢气球造型", "气球店"),
        ("A teeth-whitening studio in a mall: hydrogen-peroxide gel sessions", "teeth-whitening"),
        ("开一家机器人主题餐厅，用5G和大数据做智能点餐", "餐厅"),
    ],
)
def test_a_consumer_venue_does_not_fit_whatever_technology_it_names(
    plan_kb: KnowledgeBase, text: str, venue: str
) -> None:
    """氢, 5G, 机器人 tempt a match; the project runs a venue, which the plan does not name."""
    report = plan_kb.fit_checker().check(text)
    assert (report.verdict, report.venues, report.score, report.matches) == (
        "no_fit",
        [venue],
        0.0,
        [],
    )
    assert venue in report.reason
    assert ("门店或服务" in report.reason) == (report.lang == "zh")
    assert report.to_dict()["venues"] == [venue]


@pytest.mark.parametrize(
    "text",
    [
        "在小区门口开了一家母婴用品店，主要卖进口和国产奶粉、纸尿裤和婴儿洗护用品",
        "在体育场旁边开了个奖杯奖牌店，卖水晶奖杯、金属奖牌和锦旗",
        "在电子城开了个修手机的档口，换屏幕、换电池，也卖手机壳和充电线",
    ],
)
def test_a_shop_is_judged_on_what_it_sells_not_the_landmark_it_stands_by(
    plan_kb: KnowledgeBase, text: str
) -> None:
    """小区 and 体育 are priorities of the plan (城镇治理, 体育运动装备); a shop beside
    them sells what no item names, so it is not covered."""
    report = plan_kb.fit_checker().check(text)
    assert (report.verdict, report.matches) == ("no_fit", [])


def test_a_maker_supplying_restaurants_is_judged_on_its_work(plan_kb: KnowledgeBase) -> None:
    """Its customers' venues are not its own: the verdict rests on what it makes."""
    text = "我们研发生产食用菌精深加工产品，供应给餐厅和超市"
    report = plan_kb.fit_checker().check(text)
    assert report.venues == []
    assert report.verdict != "no_fit"


def test_a_sector_word_no_heading_uses_makes_the_area_and_is_quoted_where_named(
    plan_kb: KnowledgeBase,
) -> None:
    """服装 names the textile industry's clothing work (服装加工) though no heading says it:
    the area is a priority, quoted at the clause that names it, not at a heading."""
    report = plan_kb.fit_checker().check("我们做服装来料加工，给品牌代工T恤")
    assert report.verdict == "partial"
    assert any(n.term == "服装" and n.kind == "area" for n in report.named)
    assert any("服装" in m.text and len(m.text) > len("（四）纺织产业") for m in report.matches)
    assert "纺织产业" in report.reason


def test_a_cross_cutting_word_names_no_sector(plan_kb: KnowledgeBase) -> None:
    """农村 (villages) is said by every kind of business: it makes no area."""
    report = plan_kb.fit_checker().check("在村里开一个农村电商服务站，帮村民代收快递")
    assert report.verdict == "no_fit"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("我们小作坊做衣服，给学校做校服", "做衣服→服装"),  # a stand-in: the plan's word shown
        ("We will build a fuel cell membrane electrode line", "membrane electrode → 膜电极"),
        ("建设一条氢燃料电池膜电极生产线", "膜电极（"),  # the plan's own word: as it is
    ],
)
def test_the_reason_shows_the_plans_word_for_a_term_it_writes_otherwise(
    plan_kb: KnowledgeBase, text: str, said: str
) -> None:
    report = plan_kb.fit(text)
    assert report.verdict == "fit" and said in report.reason
    assert all(len(m.forms) == len(m.terms) for m in report.matches)


def test_a_quote_that_starts_with_its_heading_is_not_addressed_by_it_again(
    plan_kb: KnowledgeBase,
) -> None:
    report = plan_kb.fit("我们公司批发本地产的香菇和平菇，卖给超市和饭店")
    assert "香菇→食用菌" in report.reason  # the plan writes 食用菌, not 香菇
    assert "批发" in report.reason and "、卖 " not in report.reason  # a word, not a character
    opened = [m for m in report.matches if m.line.startswith(m.section[-1])]
    assert opened and all(m.address == m.section[:-1] for m in opened)
    spans = [(m.start, m.end) for m in report.matches]
    assert not any(  # no match quotes what an earlier one already quotes
        a <= c and d <= b for i, (a, b) in enumerate(spans) for c, d in spans[i + 1 :]
    )


@pytest.mark.parametrize(
    ("text", "one_term"),
    [
        ("我们做轻钢龙骨石膏板隔墙，包工包料", True),  # one stand-in, three words unnamed
        ("我们研发单轨吊车", False),  # one term, and nothing else said
        ("我公司计划建设一条氢燃料电池膜电极生产线，并研发质子交换膜", False),  # several
    ],
)
def test_a_fit_on_one_term_among_unnamed_ones_says_to_check_it(
    plan_kb: KnowledgeBase, text: str, one_term: bool
) -> None:
    report = plan_kb.fit(text)
    assert report.verdict == "fit" and report.one_term is one_term
    assert ("请对照所引条目核实" in report.reason) is one_term
    assert ("check the quoted item" in report.reason_in("en")) is one_term
    assert report.to_dict()["one_term"] is one_term


def test_the_home_document_leads_when_it_names_the_project_even_at_a_lower_share(
    all_kb: KnowledgeBase,
) -> None:
    """An enterprise asks about its plan: the plan's partial comes first, before other
    provinces' reports that name the same area with a larger share."""
    report = all_kb.fit("我们在村里建冷库，收购猕猴桃和蔬菜，做冷链配送")
    home = {d.doc for d in all_kb.documents if d.home}
    assert report.doc in home and report.verdict != "no_fit"
    assert any(r.doc not in home and r.score > report.score for r in report.documents)
    assert report.documents[0].doc == report.doc


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        (
            "我们想在市里办一家科技企业孵化器，为初创团队提供工位、创业导师辅导和天使投资对接",
            "孵化",
        ),
        (
            "We will open a technology incubator where start-up teams get desks, mentors "
            "and introductions to angel investors",
            "天使投资",
        ),
    ],
)
def test_a_project_a_numbered_measure_names_is_a_fit_cited_from_the_measure(
    plan_kb: KnowledgeBase, text: str, measure: str
) -> None:
    """Chapters 5-7 support services, finance and talent in numbered measures
    (（二）加快构建企业创新孵化平台): a project doing what one names fits."""
    report = plan_kb.fit(text)
    assert report.verdict == "fit"
    cited = [m for m in report.matches[:5] if m.section[0].startswith(("第五章", "第六章"))]
    assert cited and any(measure in m.text for m in cited)


@pytest.mark.parametrize(
    "text",
    [
        "我们在高新区开了一家少儿围棋培训学校，想再开两个教学点",  # a zone is where, not what
        "公司专注宠物用品电商，坚持客户至上的理念，不断完善管理体系",  # company boilerplate
    ],
)
def test_a_measures_places_and_management_words_make_no_fit(
    plan_kb: KnowledgeBase, text: str
) -> None:
    assert plan_kb.fit(text).verdict == "no_fit"


def test_a_service_a_measure_names_fits_though_it_serves_others(plan_kb: KnowledgeBase) -> None:
    """Renting offices to venture investors is trade, but 吸引创业投资机构入驻 is a measure."""
    text = "我们把一栋办公楼改成投资大厦，租给天使投资人和风险投资机构，并组织路演和创业团队对接"
    report = plan_kb.fit(text)
    assert report.verdict == "fit" and not report.commerce
    assert any("创业投资" in m.text for m in report.matches[:3])


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (
            "我们在老旧小区改造工地上给楼房更换生锈的雨水管和落水管，管材从批发市场买现成的。",
            "二、构建支撑新型城镇化的技术体系",
        ),
        ("经营一家煤炭贸易公司，销售电煤和焦煤", "一、构建支撑新型工业化的技术体系"),
    ],
)
def test_a_partial_cites_the_part_its_area_belongs_to_with_its_opening(
    plan_kb: KnowledgeBase, text: str, part: str
) -> None:
    report = plan_kb.fit(text)
    assert report.verdict == "partial", report.reason
    fields = [m for m in report.matches if m.section[-1] == part]
    assert len(fields) == 1 and fields[0] is report.matches[-1]  # after the area's own items
    assert fields[0].text.startswith(part) and len(fields[0].text) > len(part) + 20
    assert plan_kb.sources[fields[0].doc][fields[0].start : fields[0].end] == fields[0].text


def test_a_fit_cites_no_part_heading(plan_kb: KnowledgeBase) -> None:
    report = plan_kb.fit("我公司计划在六盘水建设一条氢燃料电池膜电极生产线")
    assert report.verdict == "fit"
    assert not any(m.section[-1].startswith(("一、", "二、")) for m in report.matches)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the market a shop trades in is its address (建材 is a priority; bathroom taps are not)
        ("在五金建材市场租了个门面卖卫浴洁具和水龙头，也帮客户上门安装", "no_fit"),
        # repairing mining machines' cables, and contract drilling for coal exploration:
        # services in a priority area, not the technology an item names
        ("我们在矿区开了个修理车间，专门修补煤矿井下用坏的采煤机电缆和液压支架油管", "partial"),
        ("我们是一支钻探队，常年接煤田勘查的活，按进尺收费", "partial"),
        # a cleaning crew serves the plants whose work the plan names
        (
            "我们是一支十个人的清洗队，专门上门给电厂清洗冷却塔和除尘设备，想再买两台高压水射流机",
            "partial",
        ),
        # raising geese is 生态畜禽 farming, whose items name traceability and breeds
        ("我们在山坡上放养了两千只白鹅，卖给城里的餐馆", "partial"),
        # in English, the everyday names of a named item's products
        ("We design and build snow guns for small ski slopes.", "fit"),
        ("We develop a connected home oxygen concentrator for elderly patients.", "fit"),
    ],
)
def test_services_trades_and_products_said_in_everyday_words_get_their_verdicts(
    plan_kb: KnowledgeBase, text: str, verdict: str
) -> None:
    assert plan_kb.fit_checker().check(text).verdict == verdict


def test_a_coal_to_gas_project_under_a_company_profile_fits_on_its_own_work(
    plan_kb: KnowledgeBase,
) -> None:
    """The profile paragraph (About us: the methanol plant it runs, its honours) is the
    company's record; the project's coal-to-SNG line is named by 现代煤化工 (煤制LNG)."""
    text = (
        "About us\nFounded in 2010, we run a coal-to-methanol plant and hold a provincial "
        "enterprise technology centre.\nThe project\nWe will build a coal-to-synthetic-natural-"
        "gas line and truck the LNG to filling stations.\nOutside the scope\nOur group also "
        "owns two petrol stations. They are separate businesses."
    )
    report = plan_kb.fit_checker().check(text)
    assert report.verdict == "fit"
    assert "煤制LNG" in report.matches[0].text
