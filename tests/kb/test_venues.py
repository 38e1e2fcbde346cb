"""Consumer venues a project runs, told from its customers, side lines and tourism."""

from __future__ import annotations

import pytest

from kb.description import project_words
from kb.venues import venues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在商场开一家火锅店，用机器人送餐", ["火锅店"]),
        ("A plant-based restaurant that sells itself as green and low-carbon", ["restaurant"]),
        ("开一家24小时无人值守的智能健身房，会员刷脸进门", ["健身房"]),
        ("A teeth-whitening studio in a shopping mall", ["teeth-whitening"]),
        ("A chain of nail salons", ["nail-salon"]),
        ("We are opening a bubble tea shop downtown", ["bubble-tea"]),  # not 茶叶产业
        ("A kiosk at the railway station selling phone cases", ["kiosk"]),
        ("A boutique selling perfume in refillable bottles", ["boutique"]),
        ("打造面向本地单身青年的婚恋交友平台", ["婚恋"]),  # 的: the platform is the project's
        ("在老城区开了三家干洗门店，衣物统一送洗衣工厂", ["干洗门店", "洗衣工厂"]),
        ("开一家儿童摄影工作室，拍周岁照", ["儿童摄影工作室", "摄影工作室", "儿童摄影"]),
        # a place opened for visitors, named by its kind (吧, 馆, 会所, 俱乐部, 工作室)
        ("在大学城开一家酸奶吧，外卖平台也接单", ["酸奶吧"]),
        ("开了个室内射箭馆，按小时收费", ["室内射箭馆"]),
        # the "to" of "plan to open" names no customer; visitors aimed at are customers
        ("We plan to open a karaoke bar aimed at students and weekend visitors.", ["karaoke"]),
        ("We plan to open a sauna near the station.", ["sauna"]),
        # visitors who like its food are its customers, not a tourist place it stands in
        ("公司经营中餐连锁门店6家。招牌菜深受本地食客和外地游客欢迎。", ["中餐"]),
        ("We run three noodle restaurants popular with tourists.", ["restaurant"]),
    ],
)
def test_a_venue_the_project_runs_is_found(text: str, expected: list[str]) -> None:
    assert venues(text, project_words()) == expected


@pytest.mark.parametrize(
    "text",
    [
        "我们生产铝箔餐盒，卖给餐厅和外卖商家",  # its customers
        "野菜焯水装袋，卖给重庆、贵阳的餐馆和超市",  # its buyers, past a 的
        "客户包括农贸市场、学校食堂和连锁超市",
        "We stamp aluminium-foil containers for restaurants and bakeries.",
        "在物流园旁边开一座加气站，顺带开便利店",  # a side line
        "加氢站为物流车辆加注，站内同时配套便利店",
        "A pick-your-own cherry orchard with a farm cafe",
        "项目可带动装修、运输、家政等行业就业",  # the trades it brings jobs to
        "在景区入口开一家餐厅，接待游客",  # tourism, which plans make a priority
        "我们研发煤矿井下巡检机器人",  # no venue at all
        "我们生产滚筒洗衣机的电机",  # a washing machine is made, not a laundry run
        "开一家工业设计工作室，为煤机厂做产品设计",  # its kind says making
        "We are a small R&D matchmaking agency for local factories.",  # research's
        "We run a technology matchmaking service for SMEs.",
        # the businesses of the people it brings together, not its own
        "Ten business owners (two restaurant chains, a karaoke bar) set up an angel fund.",
        "由五位股东（一家火锅店、两家建材商）合伙成立创业投资基金",
        # a side business outside the application, to the end of its paragraph
        "我们建一条铝型材挤压生产线。\n除主业外公司还有两项副业：一是卖废铝；二是开了一家火锅店",
        "We build an aluminium extrusion line. Our side businesses, unrelated to this "
        "project: we also run a cafe.",
    ],
)
def test_a_venue_of_customers_side_lines_or_tourism_is_not_the_projects(text: str) -> None:
    assert venues(text, project_words()) == []


def test_an_english_venue_is_a_whole_word() -> None:
    """pub is not in public, bar-less words stay: only whole words or plurals count."""
    assert venues("We publish public transport timetables", project_words()) == []
    assert venues("We run two pubs in town", project_words()) == ["pub"]
