"""The structure parser, on the real plan and on tiny documents."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ingest import ParsedDocument, SourceText, Tree, parse, read

BOX_TITLES = [
    "“十四五”时期发展目标",
    "能源产业技术攻关",
    "煤炭产业技术攻关",
    "钢铁产业技术攻关",
    "纺织产业技术攻关",
    "新材料产业技术攻关",
    "先进装备制造业技术攻关",
    "物联网（大数据）产业技术攻关",
    "建材产业技术攻关",
    "城镇现代化治理技术攻关",
    "现代物流产业技术攻关",
    "特色农业产业技术攻关",
    "良种良法创新技术攻关",
    "农业机械化、智能化技术攻关",
    "乡村振兴技术攻关",
    "旅游装备制造技术攻关",
    "智慧旅游技术攻关",
    "社会民生领域技术攻关",
]


def _tree(text: str, title: str = "测试") -> Tree:
    return parse(SourceText("t", title, text, "t.txt", "utf-8", "txt", "0" * 64))


def test_plan_has_seven_chapters_in_order(plan: ParsedDocument) -> None:
    chapters = plan.tree.find("chapter")
    assert [c.number for c in chapters] == list("一二三四五六七")
    assert chapters[3].heading == "第四章 加快推进重点产业关键技术攻关"
    assert chapters[6].title == "保障措施"


def test_plan_has_eighteen_boxes_one_in_chapter_three(plan: ParsedDocument) -> None:
    boxes = plan.tree.find("box")
    assert [b.title for b in boxes] == BOX_TITLES
    assert [b.id.split(".")[0] for b in boxes].count("ch3") == 1
    assert [b.id.split(".")[0] for b in boxes].count("ch4") == 17


def test_plan_box_numbering_restarts_but_ids_stay_unique(plan: ParsedDocument) -> None:
    boxes = plan.tree.find("box")
    assert boxes[0].number == boxes[1].number == "1"
    ids = [n.id for n, _ in plan.tree.root.walk()]
    assert len(ids) == len(set(ids))


def test_plan_box_title_without_space_is_parsed(plan: ParsedDocument) -> None:
    box = plan.tree.find("box")[11]
    assert (box.number, box.heading) == ("11", "专栏11特色农业产业技术攻关")


def test_plan_energy_box_items_and_full_width_numbers(plan: ParsedDocument) -> None:
    energy = plan.tree.get("ch4.s1.ss1.box1")
    assert [i.title for i in energy.children] == ["火电", "氢能源", "非常规天然气", "其他能源"]
    equipment = plan.tree.get("ch4.s1.ss6.box6")
    assert equipment.children[0].heading == "１．能矿装备制造"
    assert [i.number for i in equipment.children] == ["1", "2", "3"]


def test_plan_sub_items_sit_under_their_item(plan: ParsedDocument) -> None:
    coal_processing = plan.tree.get("ch4.s1.ss2.box2.i3")
    assert coal_processing.title == "煤炭加工"
    assert [s.title for s in coal_processing.children] == ["煤焦化", "现代煤化工"]
    assert all(s.kind == "subitem" for s in coal_processing.children)


def test_plan_lead_sentence_paragraphs_get_titles(plan: ParsedDocument) -> None:
    support = plan.tree.get("ch7.s1")
    assert [p.title for p in support.children] == ["加强组织领导", "强化资金保障", "完善制度保障"]
    principles = plan.tree.get("ch3.s2")
    assert [p.title for p in principles.children] == [
        "坚持需求导向",
        "坚持开放合作",
        "坚持人才优先",
        "坚持企业创新主体",
    ]


def test_plan_appendix_has_glossary_of_eight_terms(plan: ParsedDocument) -> None:
    terms = plan.tree.find("term")
    assert len(terms) == 8
    assert terms[0].title == "R&D经费投入强度"
    assert terms[-1].title == "万人发明专利拥有量"
    assert plan.tree.find("glossary")[0].heading == "名词解释"


def test_plan_preamble_holds_text_before_first_chapter(plan: ParsedDocument) -> None:
    pre = plan.tree.root.children[0]
    assert pre.kind == "preamble"
    assert plan.source.text[slice(*pre.children[0].body)].startswith("“十四五”时期是")


@pytest.mark.parametrize(
    ("node_id", "industry"),
    [
        ("ch4.s1.ss1.box1.i2", "能源产业"),
        ("ch4.s1.ss2.box2.i3.p1", "煤炭产业"),
        ("ch4.s3.ss1.box11.i1", "生态特色农业"),
        ("ch4.s5.box17.i1", "社会民生领域"),
        ("ch5.s1.ss1", None),
        ("ch3.s3.box1", None),
    ],
)
def test_plan_industry_comes_from_industry_heading(
    plan: ParsedDocument, node_id: str, industry: str | None
) -> None:
    assert plan.tree.get(node_id).industry == industry


def test_parse_is_deterministic(plan_path: Path, plan: ParsedDocument) -> None:
    assert parse(read(plan_path)).to_dict() == plan.tree.to_dict()


def test_inline_heading_splits_title_from_body() -> None:
    tree = _tree("一、坚持农业农村优先发展。把实现乡村振兴作为全党的共同意志。\n")
    section = tree.find("section")[0]
    assert section.title == "坚持农业农村优先发展"
    assert section.children[0].kind == "paragraph"


@pytest.mark.parametrize(
    "line",
    [
        "（三）转型升级步伐加快、提质增效。注重以科技创新引领产业创新。",
        "（一）聚力抓投资促消费，推动经济持续稳定增长。深入实施扩大内需战略。",
        "（三）加强“三农”工作队伍建设。把懂农业作为基本要求。",
    ],
)
def test_heading_running_into_its_paragraph_is_titled_by_its_first_sentence(line: str) -> None:
    text = f"一、2024年工作回顾\n{line}\n"
    title = line[3 : line.index("。")]
    sub = _tree(text).find("subsection")[0]
    assert sub.title == title
    assert sub.heading == line[: line.index("。")]
    paragraph = sub.children[0]
    assert paragraph.kind == "paragraph" and paragraph.body is not None
    assert text[slice(*paragraph.body)].startswith(title)  # the sentence stays in the body


def test_heading_whose_first_sentence_is_long_prose_has_no_title() -> None:
    sentence = "坚持" + "推进各项工作" * 10
    tree = _tree(f"（一）{sentence}。第二句。\n")
    assert tree.find("subsection")[0].title == ""


def test_headings_indented_with_em_spaces_are_headings() -> None:
    indent = "\u2003\u2003"  # 辽宁's report indents every line with two em spaces
    tree = _tree(f"{indent}一、2024年工作回顾\n{indent}（一）政策举措加力见效。坚持稳中求进。\n")
    assert [s.heading for s in tree.find("section")] == ["一、2024年工作回顾"]
    assert tree.find("subsection")[0].title == "政策举措加力见效"


def test_markdown_headings_build_levels() -> None:
    tree = _tree("# 总则\n正文。\n## 目标\n1. 发展\n")
    chapter = tree.find("chapter")[0]
    assert chapter.title == "总则"
    assert chapter.children[1].kind == "section"
    assert chapter.children[1].children[0].kind == "item"


def test_table_of_contents_line_is_not_a_chapter() -> None:
    tree = _tree("第一章 形势 第二章 目标 第三章 任务\n\n第一章 形势\n正文。\n")
    assert [c.title for c in tree.find("chapter")] == ["形势"]


def test_repeated_box_number_under_one_parent_gets_unique_id() -> None:
    tree = _tree("专栏1 甲\n1．一项。\n专栏1 乙\n1．二项。\n")
    assert [b.id for b in tree.find("box")] == ["box1", "box1_2"]


def test_paragraph_after_items_returns_to_the_container() -> None:
    tree = _tree("专栏2 任务\n1．甲。\n2．乙。\n说明文字，不属于第二项。\n")
    box = tree.find("box")[0]
    assert [c.kind for c in box.children] == ["item", "item", "paragraph"]


def _short_lines(n: int) -> SourceText:
    text = "\n".join(f"项目{i}" for i in range(n))
    return SourceText("x", "x", text, "x.txt", "utf-8", "txt", "")


def _best_of(runs: int, fn) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def test_parsing_is_linear_in_the_number_of_lines() -> None:
    """100,000 short lines parse in about ten times what 10,000 take (a quadratic scan,
    as before, took a hundred times as long: 10,000 lines took four minutes)."""
    small, large = _short_lines(10_000), _short_lines(100_000)
    reference = _best_of(3, lambda: parse(small))
    tree = None

    def run() -> None:
        nonlocal tree
        tree = parse(large)

    elapsed = _best_of(1, run)
    assert len(tree.find("paragraph")) == 100_000
    assert elapsed < 30 * reference, (elapsed, reference)


def test_runs_of_short_lines_longer_than_a_row_are_paragraphs_not_a_table() -> None:
    text = (
        "\n".join(f"项目{i}" for i in range(40)) + "\n\n" + "\n".join(f"事项{i}" for i in range(40))
    )
    tree = parse(SourceText("x", "x", text, "x.txt", "utf-8", "txt", ""))
    assert tree.find("table") == [] and len(tree.find("paragraph")) == 80


def test_a_work_reports_unnumbered_parts_are_sections() -> None:
    tree = _tree(
        "各位代表：\n\n2024年工作回顾\n\n过去一年，经济稳中向好。\n\n2025年工作安排建议\n\n"
        "重点做好以下工作：\n\n（一）扩大内需。\n\n（二）发展产业。\n\n"
        "加强政府自身建设\n\n新形势提出新要求。\n\n（一）树牢正确政绩观。"
    )
    sections = tree.find("section")
    assert [s.title for s in sections] == [
        "2024年工作回顾",
        "2025年工作安排建议",
        "加强政府自身建设",
    ]
    assert [c.title for c in sections[1].children if c.kind == "subsection"] == [
        "扩大内需",
        "发展产业",
    ]
    assert [c.kind for c in sections[2].children][-1] == "subsection"


@pytest.mark.parametrize(
    "line", ["西藏自治区代理主席 嘎玛泽登", "2025年西藏政府工作报告", "过去一年"]
)
def test_a_short_line_that_heads_no_list_stays_a_paragraph(line: str) -> None:
    assert not _tree(f"{line}\n\n正文第一段。\n\n正文第二段。").find("section")


def test_a_heading_on_two_lines_is_one_heading() -> None:
    tree = _tree("三、持续提升政府\n治理效能和服务水平\n人民满意是衡量政府工作的根本标准。")
    (section,) = tree.find("section")
    assert section.title == "持续提升政府治理效能和服务水平"
    assert section.heading == "三、持续提升政府治理效能和服务水平"
    assert [c.kind for c in section.children] == ["paragraph"]


def _paragraphs(text: str) -> list[tuple[str, str]]:
    """(title, first characters) of each paragraph node, in order."""
    tree = _tree(text)
    return [
        (n.title, text[n.body[0] : n.body[0] + 6])
        for n, _ in tree.root.walk()
        if n.kind == "paragraph"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # numbered points: one paragraph each, titled by its lead; the intro its own
        (
            "第一章 回顾\n全市成效明显，指标向好。一是投入加大。资金增加。二是“科技银行”试点推进。"
            "贷款增加。三是争取支持大幅提升。资金1.44亿元。\n",
            [
                ("", "全市成效明显"),
                ("一是投入加大", "一是投入加大"),
                ("二是“科技银行”试点推进", "二是“科技银"),
                ("三是争取支持大幅提升", "三是争取支持"),
            ],
        ),
        # one point alone, or points out of order, are not a list: the paragraph stays whole
        ("第一章 回顾\n一是投入加大。资金增加。\n", [("一是投入加大", "一是投入加大")]),
        (
            "第一章 回顾\n全市成效明显，指标向好。二是投入加大。三是支持提升。\n",
            [("", "全市成效明显")],
        ),
    ],
)
def test_a_paragraph_of_numbered_points_is_one_paragraph_per_point(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _paragraphs(text) == expected
