"""What one line of a policy document is."""

from __future__ import annotations

import pytest

from ingest.lines import classify, cn_number, continued, numeral_in, split_lines


@pytest.mark.parametrize(
    ("text", "value"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("7", 7)]
)
def test_cn_number(text: str, value: int) -> None:
    assert cn_number(text) == value


@pytest.mark.parametrize(
    ("term", "value"),
    [
        ("四个面向", 4),
        ("三中心·三示范", 3),  # the first numeral
        ("双轮驱动", 2),  # 双 as 两
        ("四两拨千斤", 4),  # 两 after a digit is the weight liang, not two
        ("两个百年", 2),
        ("十二届八次", 12),
        ("老三线", 3),
        ("一码游贵州", 1),
        ("创新驱动", None),
    ],
)
def test_numeral_in_reads_the_number_a_term_holds(term: str, value: int | None) -> None:
    assert numeral_in(term) == value


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("第四章 产业创新", "chapter"),
        ("一、发展基础", "section"),
        ("（三）推进高校科研院所专业化技术转移机构建设", "subsection"),
        ("专栏1 能源产业技术攻关", "box"),
        ("2.氢能源。", "item"),
        ("（1）支持研发。", "subitem"),
        ("名词解释", "glossary"),
        ("2024年工作回顾", "part"),
        ("2025年工作安排建议", "part"),
    ],
)
def test_a_lines_marker_names_its_kind(text: str, kind: str) -> None:
    found = classify(text)
    assert found is not None and found[0] == kind


@pytest.mark.parametrize(
    "text", ["2025年山东省政府工作报告", "2024年，经济稳中向好。", "各位代表："]
)
def test_prose_and_titles_have_no_kind(text: str) -> None:
    assert classify(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三、持续提升政府\n治理效能和服务水平\n正文。", True),
        ("三、持续提升政府\n\n治理效能和服务水平", False),  # a blank line ends a heading
        ("三、持续提升政府\n（一）以政治铸魂淬炼忠诚", False),  # a heading of its own
        ("三、持续提升政府治理效能，服务人民\n治理效能", False),  # punctuated: complete
    ],
)
def test_a_short_heading_continues_on_the_next_line_only_without_punctuation(
    text: str, expected: bool
) -> None:
    lines = split_lines(text)
    head = classify(lines[0].text)
    assert head is not None
    assert continued(lines[0].text[head[2] :], lines, 0) is expected
