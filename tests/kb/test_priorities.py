"""Which chunks are the plan's priorities: industry items and numbered measures."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.priorities import industrial_chapters, is_measure, is_priority


@pytest.mark.parametrize(
    ("chunk", "priority", "measure"),
    [
        ("ch4.s1.ss1.box1.i2", True, False),  # 专栏1 › 2．氢能源: an industry's item
        ("ch6.s4.ss2.para1", False, True),  # （二）提升科技成果转移转化服务能力
        ("ch5.s3.ss2.para1.c1", False, True),  # （二）加快构建企业创新孵化平台
        ("ch1.s2.para1", False, False),  # a review of past work
        ("ch3.s2.para1", False, False),  # a basic principle
        ("ch6.para1", False, False),  # a chapter's opening, under no numbered heading
        ("ch7.s2.para1", False, True),  # 第七章 保障措施 › 二、深化科技体制改革
        ("ch4.s2.para1", False, False),  # 二、构建支撑新型城镇化的技术体系: surveys industries
        ("ch3.s3.para1", False, False),  # 三、发展目标: the goals, not a measure
    ],
)
def test_priority_items_and_numbered_measures_are_told_apart(
    plan_kb: KnowledgeBase, chunk: str, priority: bool, measure: bool
) -> None:
    meta = next(c.meta for c in plan_kb.chunks if c.meta["id"].split(":")[1].startswith(chunk))
    industrial = industrial_chapters([c.meta for c in plan_kb.chunks])
    assert (is_priority(meta), is_measure(meta, industrial)) == (priority, measure)


def test_the_chapter_of_industries_is_the_plans_fourth(plan_kb: KnowledgeBase) -> None:
    chapters = {chapter for _, chapter in industrial_chapters([c.meta for c in plan_kb.chunks])}
    assert chapters == {"第四章 加快推进重点产业关键技术攻关"}
