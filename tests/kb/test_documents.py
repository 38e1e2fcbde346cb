"""Documents described: issuer, region, level, kind, year, period."""

from __future__ import annotations

import pytest

from kb.documents import describe, kind_of
from kb.regions import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("title", "given", "region", "level", "kind", "year", "period"),
    [
        ("2025年山东省政府工作报告", {}, "山东省", "省", "政府工作报告", 2025, ""),
        ("2025年西藏政府工作报告", {}, "西藏自治区", "省", "政府工作报告", 2025, ""),
        ("2025年北京市政府工作报告", {}, "北京市", "省", "政府工作报告", 2025, ""),
        (
            "包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知",
            {},
            "包头市",
            "市",
            "办法",
            2022,
            "",
        ),
        (
            "中共中央 国务院关于实施乡村振兴战略的意见（2018年1月2日）",
            {},
            "全国",
            "国家",
            "意见",
            2018,
            "",
        ),
        ("“十三五”生态环境保护规划", {"issuer": "国务院"}, "全国", "国家", "规划", None, "十三五"),
        (
            "安徽省人民政府办公厅关于印发安徽省工业互联网创新发展行动计划（2021-2023年）的通知",
            {},
            "安徽省",
            "省",
            "计划",
            2021,
            "2021-2023",
        ),
        (
            "六盘水市“十四五”科技创新规划",
            {"period": "2021–2025", "kind": "plan"},
            "六盘水市",
            "市",
            "规划",
            2021,
            "2021–2025",
        ),
    ],
)
def test_a_document_is_described_from_its_title(
    gazetteer: Gazetteer, title: str, given: dict, region: str, level: str, kind: str, year, period
) -> None:
    meta = describe(title, given, "", gazetteer)
    assert (meta["region"], meta["level"], meta["kind"], meta["year"], meta["period"]) == (
        region,
        level,
        kind,
        year,
        period,
    )


def test_what_the_sidecar_says_wins(gazetteer: Gazetteer) -> None:
    meta = describe("2025年山东省政府工作报告", {"region": "济南市", "year": "2024"}, "", gazetteer)
    assert meta["region"] == "济南市" and meta["year"] == 2024


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("关于印发《某市数字政府建设考评办法》的通知", "办法"),  # the kind of what it carries
        ("某省关于加快发展氢能产业的实施意见", "意见"),
        ("关于开展检查的通知", "通知"),
    ],
)
def test_kind_of_a_notice_is_the_kind_of_what_it_carries(title: str, kind: str) -> None:
    assert kind_of(title) == kind
