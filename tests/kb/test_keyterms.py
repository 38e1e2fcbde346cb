"""A project description's key terms, found by asking the plan what it names."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase


@pytest.fixture(scope="module")
def keyterms(plan_kb: KnowledgeBase):
    return plan_kb.fit_checker().keyterms


def _named(terms) -> list[str]:
    return [t.text for t in terms.named]


def test_longest_stretches_the_plan_names_are_the_terms(keyterms) -> None:
    terms = keyterms.find("我厂计划对现有两台60万千瓦火电机组实施超超临界改造，降低煤耗")
    assert "超超临界" in _named(terms)  # 超 + 超临界 joined: the plan says 超超临界机组
    assert "煤耗" in terms.missing


def test_a_word_part_counts_only_from_the_words_start(keyterms) -> None:
    named = _named(keyterms.find("滑雪板和雪具装备制造"))  # 滑雪 of 滑雪板 (or 滑雪板 itself)
    assert any(t.startswith("滑雪") for t in named) and "雪板" not in named
    assert "联网" not in _named(keyterms.find("建设互联网医院平台"))  # not 联网 of 互联网


def test_generic_words_and_business_forms_are_never_terms(keyterms) -> None:
    terms = keyterms.find("开一家铝合金门窗销售门店，提供技术服务")
    named = _named(terms)
    assert not {"技术", "服务", "销售", "门店"} & set(named)
    assert {"销售", "门店"} <= set(terms.commerce) and terms.commerce_only


def test_sentences_about_the_company_are_background(keyterms) -> None:
    terms = keyterms.find("公司成立于2015年，曾获煤层气开发奖项。我们计划研发膜电极。")
    background = {t.text: t.background for t in terms.named}
    assert background["膜电极"] is False and background.get("煤层气", True) is True


def test_an_english_clause_saying_what_the_company_makes_is_about_the_project(keyterms) -> None:
    terms = keyterms.find(
        "Founded in 2016, Westgate Coal Chemicals (300 staff) is building a plant that "
        "turns syngas into ethylene glycol. Total investment is RMB 4.5 billion."
    )
    background = {t.text: t.background for t in terms.named}
    assert background["ethylene glycol"] is False  # the clause after "Founded in 2016,"


def test_a_compounds_head_is_a_term_when_the_plan_names_only_the_head(keyterms) -> None:
    named = _named(keyterms.find("生产全生物降解地膜"))  # 生物降解 = 生物 + 降解; plan: 农膜降解
    assert "降解" in named


def test_english_phrases_count_through_their_renderings(keyterms) -> None:
    terms = keyterms.find("We make membrane electrode assemblies and bipolar plates")
    forms = {f for t in terms.named for f, _ in t.forms}
    assert {"膜电极", "双极板"} <= forms


def test_thesaurus_stands_in_for_an_everyday_word(keyterms) -> None:
    terms = keyterms.find("自产玻璃钢三格化粪池")
    stand_ins = {t.text: [f for f, _ in t.forms] for t in terms.named}
    assert any("厕所" in form for form in stand_ins.get("三格化粪池", []))


#: A trade's own word for a thing, or a service's for a measure → the plan's term it
#: stands in for (kb/data/zh_trade.tsv, en_trade.tsv, zh_measures.tsv, en_measures.tsv,
#: written from the plan alone); 查新 is found though jieba cuts 做查新 as 做查 | 新.
TRADE_WORDS = {
    "我们专门做查新，帮课题组出报告": ("查新", "科技咨询"),
    "We offer patent pledge loans to small factories": ("patent pledge loan", "质押融资"),
    "两条棒线的轧机要上5G专网": ("轧机", "钢材"),
    "猪舍装摄像头和拾音器": ("猪舍", "养殖"),
    "染缸排出的热水回收预热": ("染缸", "印染"),
    "We run a cross-dock for city deliveries": ("cross-dock", "物流配送"),
    "a stenter line for finished fabric": ("stenter", "染整"),
    "用膜过滤把多糖分出来，再喷雾干燥成粉": ("膜过滤", "分离和纯化"),
}


def test_a_trades_own_word_stands_in_for_the_plans_term(keyterms) -> None:
    for text, (word, plan) in TRADE_WORDS.items():
        forms = {t.text: [f for f, _ in t.forms] for t in keyterms.find(text).named}
        assert plan in forms.get(word, []), text


def test_an_everyday_phrase_outranks_the_named_word_inside_it(keyterms) -> None:
    named = {t.text: [f for f, _ in t.forms] for t in keyterms.find("新建工厂化育苗中心").named}
    assert "集约化育苗" in named.get("工厂化育苗", [])  # not just 育苗, its last word
    assert "育苗" not in named


@pytest.mark.parametrize(
    "text",
    [
        "新建工厂，把土豆做成淀粉，再卖给食品厂",
        "上一条生产线，把鲜果做成果脯卖",
        "We recover the protein from the waste water and sell it as feed",
    ],
)
def test_a_project_that_makes_what_it_sells_is_not_commerce_only(keyterms, text) -> None:
    terms = keyterms.find(text)  # 做成, 工厂, 生产线: making words, beside 卖
    assert terms.commerce and terms.make >= terms.trade and not terms.commerce_only


@pytest.mark.parametrize(
    "text",
    [
        "安全咨询机构，帮煤矿做安全生产标准化的资料，按年收取服务费",
        "危货运输公司购置长管拖车拉氢气，按吨公里收运费",
        "果园托管服务队，给猕猴桃种植户代做修剪和授粉",
    ],
)
def test_consulting_hauling_and_crews_for_others_are_business_forms(keyterms, text) -> None:
    terms = keyterms.find(text)  # 咨询, 运费, 托管, 服务队: they serve the work, not do it
    assert terms.commerce and terms.commerce_only


def test_english_function_words_are_never_missing_terms(keyterms) -> None:
    terms = keyterms.find("Every supplier now sends its own half-empty van to each store.")
    assert not {"every", "now", "own", "half", "each"} & set(terms.missing)


def test_english_filler_words_are_never_missing_terms(keyterms) -> None:
    """Numbers in words, common verbs and adverbs: listing them as "not named" says nothing."""
    terms = keyterms.find(
        "Our twelve tow trucks work around the clock; we want to be able to handle heavy "
        "lorries and hold a licence for mountain roads."
    )
    assert not {"twelve", "around", "want", "able", "heavy", "hold"} & set(terms.missing)
    assert {"lorry", "licence"} <= set(terms.missing)  # its own words still are


def test_pieces_jieba_guesses_across_words_are_never_missing_terms(keyterms) -> None:
    terms = keyterms.find("我们是个做煤矿安全标志牌的小厂，十来个人，老师库里挑人，省里报来")
    assert not {"十来个", "库里", "省里"} & set(terms.missing)
    assert "标志牌" in terms.missing


def test_english_business_words_count_as_whole_words_only(keyterms) -> None:
    terms = keyterms.find("We test workshop machines and restore current transformers.")
    assert terms.commerce == [] and not terms.commerce_only  # shop, store, rent: not here


def test_english_text_splits_into_sentences_at_full_stops(keyterms) -> None:
    terms = keyterms.find(
        "Guizhou Shuncheng Building Materials Co., Ltd. was founded in 2016 and has 200 "
        "employees. We will produce plasterboard from FGD gypsum."
    )
    background = {t.text: t.background for t in terms.named}
    assert terms.sentences == 2 and background["plasterboard"] is False


def test_a_stretch_of_words_every_project_uses_is_never_a_term(keyterms) -> None:
    assert "重点开展" not in _named(keyterms.find("重点开展法律咨询和诉讼代理"))


def test_english_city_names_are_never_terms_but_county_sounding_words_stay(keyterms) -> None:
    named = _named(keyterms.find("A Liupanshui company making cili fruit extract"))
    assert "liupanshui" not in named and "cili" in named  # Cili is also a county (慈利)


@pytest.mark.parametrize("word", ["smart", "data", "platform", "online"])
def test_english_words_every_project_uses_are_never_terms(keyterms, word: str) -> None:
    assert word not in _named(keyterms.find(f"Our hotel adds a {word} booking service."))


def test_an_english_word_general_chinese_renders_commonly_is_common(keyterms) -> None:
    terms = {t.text: t for t in keyterms.find("We restore fire trucks for rescue teams.").named}
    assert terms["rescue"].common  # 救援 is everyday Chinese: an area word, not a work


def test_a_term_never_ends_inside_a_word_the_plan_writes_whole(keyterms) -> None:
    named = _named(keyterms.find("开展线上线下融合教学"))
    assert "线上线" not in named  # (线上线下 itself is a generic business phrase)


def test_a_stretch_ending_on_a_joining_word_is_never_a_term(keyterms) -> None:
    """jieba guesses 机和 is a word; the plan's 农机和植保 must not make it a term."""
    named = _named(keyterms.find("店里有两台大型洗地毯机和一台烘干机"))
    assert "机和" not in named


def test_company_form_words_are_never_terms(keyterms) -> None:
    assert "有限" not in _named(keyterms.find("六盘水某某新材料有限责任公司计划研发玄武岩纤维"))


def test_english_business_words_count_in_the_plural_once(keyterms) -> None:
    terms = keyterms.find("We will open 6 more stores and grow our sales of tea.")
    assert set(terms.commerce) == {"store", "sale"} and terms.trade == 2


def test_a_longer_english_phrase_the_plan_lacks_keeps_its_word_the_plan_names(keyterms) -> None:
    terms = keyterms.find("We build industrial robot grippers for car plants.")
    assert "robot" in _named(terms)  # industrial robot (工业机器人) is not the plan's; 机器人 is


def test_english_names_inside_sentences_are_not_missing_terms(keyterms) -> None:
    terms = keyterms.find("Founded in 2016, Westgate Coal builds XRF sorters for Ballard.")
    assert not {"westgate", "ballard"} & set(terms.missing)  # names of firms
    assert "xrf" in terms.missing  # an acronym may be a thing the plan lacks


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("足疗连锁门店接入大数据平台，技师派单全部上云", "大数据"),
        ("儿童乐园的孩子戴物联网手环入场计时", "物联网"),
        ("A laundromat chain whose washers are connected to an IoT dashboard.", "iot"),
        ("游泳馆买了带传感器的智能手环，家长看孩子的体能数据", "传感器"),  # a device it uses
        ("洗车房装了摄像头自动识别车牌", "摄像头"),
        ("We run a bowling alley and bought robots that reset the pins.", "robot"),
    ],
)
def test_an_enabler_the_project_only_uses_is_background(keyterms, text: str, term: str) -> None:
    found = {t.text.lower(): t for t in keyterms.find(text).named}
    assert term in found and found[term].background


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("我们研发区块链底层平台和智能合约，在政务数据共享中示范", "区块链"),
        ("We develop blockchain software for the traceability of tea.", "blockchain"),
        ("我们研制传感器和变送器", "传感器"),  # a device it makes
        ("代理经销工业机器人，面向本地工厂", "机器人"),  # a device it sells: its goods
        ("We are an agent distributing industrial robots to factories.", "robot"),
    ],
)
def test_an_enabler_it_makes_or_a_device_it_sells_is_the_projects_work(
    keyterms, text: str, term: str
) -> None:
    found = {t.text.lower(): t for t in keyterms.find(text).named}
    assert term in found and not found[term].background


def test_making_words_in_a_clause_that_disclaims_them_do_not_count(keyterms) -> None:
    said = "本公司承包运营瓦斯抽采泵站，负责日常运行和检修"
    plain = keyterms.find(said + "，并设计监测系统")
    disclaimed = keyterms.find(said + "，设计和监测系统仍由矿方负责")
    assert plain.make > disclaimed.make and disclaimed.commerce_only


def test_charging_by_the_job_is_a_business_form(keyterms) -> None:
    terms = keyterms.find("买两台吸污车，给乡镇农户上门清掏化粪池，按次收费。")
    assert "按次收费" in terms.commerce and terms.commerce_only


@pytest.mark.parametrize(
    "text",
    [
        "We sell and install barcode scanners and RFID tags for supermarkets.",
        "主要给工业园区企业做箱式变电站和配电房安装，今年计划承接光伏电站送出线路的施工",
    ],
)
def test_installing_for_others_is_not_making(keyterms, text: str) -> None:
    terms = keyterms.find(text)
    assert terms.make == 0 and terms.commerce_only


def test_a_means_only_used_is_not_a_thing_traded(keyterms) -> None:
    terms = keyterms.find("足疗连锁门店接入大数据平台，会员在门店储值")
    assert terms.commerce_only and "大数据平台" not in terms.traded
    assert "接入" not in terms.missing  # a word of use is no key term


@pytest.mark.parametrize(
    ("text", "traded"),
    [
        ("We are a distributor of NB-IoT modules for meter makers.", True),  # the goods
        ("The new store adds a smart refill bar with IoT weighing scales.", False),  # a means
    ],
)
def test_an_enabler_a_business_word_just_governs_is_what_it_deals_in(
    keyterms, text: str, traded: bool
) -> None:
    found = {t.text: t for t in keyterms.find(text).named}
    assert "iot" in found and found["iot"].background is not traded


def test_an_english_enabler_of_two_words_is_known_by_its_hyphenated_form(keyterms) -> None:
    terms = keyterms.find("An insurance agency where big-data scoring matches each customer.")
    found = {t.text: t for t in terms.named}
    assert "big data" in found and found["big data"].background


def test_a_counter_after_a_number_is_never_a_missing_term(keyterms) -> None:
    terms = keyterms.find("公司已在贵州建成30余座瓦斯抽采泵站，服务800多户企业")
    assert not {"余座", "多户"} & set(terms.missing)


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # amounts and place names are not what the project does
        (
            "我们公司成立十余年，在曲靖和六盘水有两百多名员工，三台搅拌车，做预拌砂浆",
            ["十余年", "曲靖", "两百多", "三台"],
            ["搅拌车"],
        ),
        # nor are English words of a sentence's grammar
        (
            "We bring together universities across Guizhou to test mortar admixtures.",
            ["together", "across", "bring"],
            ["admixture"],
        ),
    ],
)
def test_the_words_a_plan_does_not_name_are_things_not_amounts_places_or_grammar(
    keyterms, text: str, absent: list[str], present: list[str]
) -> None:
    missing = keyterms.find(text).missing
    assert not set(absent) & set(missing)
    assert set(present) <= set(missing)


def test_the_words_of_a_charge_by_the_job_are_no_key_terms(keyterms) -> None:
    terms = keyterms.find("We fabricate steel guards to drawings, charging per piece.")
    said = {t.text for t in terms.named} | set(terms.missing)
    assert "charging per piece" in terms.commerce and not {"charging", "piece"} & said
