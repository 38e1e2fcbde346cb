"""The gazetteer: places named by full or short name, abbreviation, English or nickname."""

from __future__ import annotations

import pytest

from kb.regions import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("山东高新技术企业数量", "山东省"),
        ("山东省政府工作报告", "山东省"),
        ("鲁 2024年粮食产量", "山东省"),  # a one-character abbreviation standing alone
        ("Shandong high-tech enterprises", "山东省"),
        ("What is Hebei's grain output", "河北省"),  # the province, not Tianjin's 河北区
        ("Inner Mongolia grain", "内蒙古自治区"),
        ("兰州中川机场旅客吞吐量", "兰州市"),
        ("凉都的猕猴桃", "六盘水市"),  # a nickname
        ("盘州市的煤矿", "盘县"),  # a renamed county
    ],
)
def test_a_place_is_named_every_way_people_write_it(
    gazetteer: Gazetteer, text: str, region: str
) -> None:
    assert [m.region.name for m in gazetteer.find(text)] == [region]


@pytest.mark.parametrize("text", ["京津冀协同发展", "鲁菜馆", "中国移动"])
def test_an_abbreviation_inside_a_word_names_no_place(gazetteer: Gazetteer, text: str) -> None:
    assert [m for m in gazetteer.find(text) if len(m.text) == 1] == []


def test_a_city_knows_its_province(gazetteer: Gazetteer) -> None:
    lanzhou = gazetteer.by_name["兰州市"]
    assert gazetteer.province(lanzhou).name == "甘肃省"
    assert gazetteer.within(lanzhou, gazetteer.by_name["甘肃省"])
    assert not gazetteer.within(gazetteer.by_name["甘肃省"], lanzhou)


def test_every_province_has_its_english_name_and_abbreviation(gazetteer: Gazetteer) -> None:
    provinces = [r for r in gazetteer.by_code.values() if r.level == "province"]
    assert len(provinces) == 34
    assert all(r.english and any(len(n) == 1 for n in r.names) for r in provinces)


@pytest.mark.parametrize(
    ("text", "found"),
    [("湘去年粮食产量", ["湖南省"]), ("晋升机制", []), ("鲁迅文化", []), ("川渝合作", [])],
)
def test_with_a_dictionary_an_abbreviation_apart_from_words_names_its_region(
    gazetteer: Gazetteer, text: str, found: list[str]
) -> None:
    words = {"晋升", "晋升机制", "鲁迅", "鲁迅文化", "合作"}
    matcher = gazetteer.matcher(word=lambda s: "v" if s in words else None)
    assert [m.region.name for m in matcher.find(text) if len(m.text) == 1] == found


def test_an_everyday_character_names_its_province_only_standing_alone(
    gazetteer: Gazetteer,
) -> None:
    matcher = gazetteer.matcher(word=lambda s: None)
    assert [m.text for m in matcher.find("推动企业上云用数")] == []  # 云 is cloud here
    assert [m.region.name for m in matcher.find("云 2024年粮食产量")] == ["云南省"]


@pytest.mark.parametrize("text", ["How many yuan did it cost?", "cost 10,000 Yuan"])
def test_the_currency_is_not_the_county_romanised_the_same(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.find(text) == []


def test_a_county_is_named_in_english_only_capitalised(gazetteer: Gazetteer) -> None:
    assert [m.region.name for m in gazetteer.find("Cili county tea")] == ["慈利县"]
    assert gazetteer.find("cili county tea") == []


def test_a_provinces_english_name_never_names_a_county_spelled_the_same(
    gazetteer: Gazetteer,
) -> None:
    shanxi = next(r for r in gazetteer.by_code.values() if r.name == "山西省")
    inside = [r for r in gazetteer.by_code.values() if gazetteer.within(r, shanxi)]
    assert any(r.name == "新绛县" for r in inside)  # Xinjiang in pinyin
    assert gazetteer.matcher(inside).find("What was Xinjiang's GDP in 2024?") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [("地级及以上城市", []), ("杭州上城区", ["上城区"]), ("上城和拱墅", ["上城区", "拱墅区"])],
)
def test_with_a_dictionary_a_two_character_name_at_the_seam_of_two_words_names_no_place(
    gazetteer: Gazetteer, text: str, found: list[str]
) -> None:
    words = {"以上", "城市", "地级"}  # 以上 + 城市: 上城 is their seam, not Hangzhou's 上城区
    matcher = gazetteer.matcher(word=lambda s: "n" if s in words else None)
    assert [m.region.name for m in matcher.find(text) if m.region.level == "county"] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [("雄安新区中关村科技园", []), ("安新县的学校", ["安新县"]), ("到安新考察", ["安新县"])],
)
def test_a_two_character_name_two_segmented_words_straddle_names_no_place(
    gazetteer: Gazetteer, text: str, found: list[str]
) -> None:
    known = ("雄安", "新区", "中关村", "科技园")

    def cut(s: str) -> list[tuple[str, int, int]]:  # 雄安 + 新区: 安新 is their seam
        spans, i = [], 0
        while i < len(s):
            w = next((w for w in known if s.startswith(w, i)), s[i])
            spans.append((w, i, i + len(w)))
            i += len(w)
        return spans

    matcher = gazetteer.matcher(cut=cut)
    assert [m.region.name for m in matcher.find(text) if m.region.level == "county"] == found
