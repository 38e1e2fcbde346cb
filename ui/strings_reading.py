"""Strings of the pages that read the plan: ask, search, browse and targets.

Each table maps a key to its (Chinese, English) string; :data:`ui.strings.STRINGS`
holds them all, and :func:`ui.strings.t` looks them up.
"""

from __future__ import annotations

__all__ = ["ASK", "BROWSE", "SEARCH", "TARGETS"]


#: The ask page.
ASK: dict[str, tuple[str, str]] = {
    "question": ("输入问题…", "Ask about the plan…"),
    "examples": ("可以这样问：", "Try asking:"),
    "ask_ex1": ("哪些氢能技术被列为重点？", "Which hydrogen technologies are priorities?"),
    "ask_ex2": ("2025年高新技术企业目标是多少家？", "How will the plan support coal mine safety?"),
    "ask_ex3": ("科技特派员有哪些工作？", "What will science and technology commissioners do?"),
    "ask_ex4": ("什么是R&D经费投入强度？", "What is R&D expenditure intensity?"),
    "clear_chat": ("清空对话", "Clear chat"),
    "framing": ("规划原文，按章节摘录：", "The plan's own words (quoted in Chinese), by section:"),
    "not_found": ("规划没有直接回答这个问题", "The plan does not answer this directly"),
    "related": (
        "可能相关的章节（它们并不回答这个问题）：",
        "Sections that may be related (they do not answer the question):",
    ),
    "nothing_related": (
        "规划中也没有与之相关的章节。可以换个说法，或试试示例问题。",
        "Nothing in the plan relates to it either. Try other words, or an example question.",
    ),
    "sources": ("引用", "Sources"),
    "open_reader": ("在原文中查看", "Open in the reader"),
    "copy_answer": ("复制回答", "Copy answer"),
    "copy_citation": ("复制引文", "Copy citation"),
    "copied": ("已复制", "Copied"),
    "q_line": ("问：{q}", "Q: {q}"),
    "target_label": ("{year}年目标值", "{year} target"),
    "value_label": ("{year}年完成值", "{year} value"),
    "number_context": (
        "{name}，{label}（{other_label}：{other}）",
        "{name} — {label} ({other_label}: {other})",
    ),
}

#: The search page.
SEARCH: dict[str, tuple[str, str]] = {
    "query": ("检索词", "Search words"),
    "query_placeholder": (
        "例如：氢能、矿井水处理、科技金融",
        "e.g. hydrogen, mine water, tea varieties",
    ),
    "document": ("文件", "Document"),
    "chapter": ("章节", "Chapter"),
    "industry": ("产业", "Industry"),
    "all": ("全部", "All"),
    "results": ("显示条数", "Results shown"),
    "result_count": ("找到 {n} 条结果", "{n} results"),
    "no_results": ("没有找到结果。", "No results."),
    "search_filter_only": (
        "筛选已选好：输入检索词后在其中检索（按章节和产业通读请用“浏览”页）。",
        "Filters set: type words to search within them (to read a chapter or industry: Browse).",
    ),
    "export_csv": ("导出结果（CSV）", "Export results (CSV)"),
    "col_rank": ("序号", "Rank"),
    "col_document": ("文件", "Document"),
    "col_section": ("章节", "Section"),
    "col_unit": ("单位", "Unit"),
    "export_targets_csv": ("导出指标（CSV）", "Export the targets (CSV)"),
    "col_text": ("原文", "Text"),
    "col_terms": ("命中词", "Matched terms"),
}

#: The browse page (the reader and the glossary).
BROWSE: dict[str, tuple[str, str]] = {
    "reader": ("阅读", "Read"),
    "glossary": ("名词解释", "Glossary"),
    "contents": ("目录", "Contents"),
    "cited_here": ("引文位置：", "Cited passage: "),
    "chapter_start": ("本章开头", "Start of the chapter"),
    "previous": ("上一章", "Previous chapter"),
    "next": ("下一章", "Next chapter"),
    "no_such_passage": (
        "找不到这段引文（链接可能已过期），已打开文件开头。",
        "That passage is not in the index (the link may be out of date); "
        "showing the start of the document.",
    ),
    "no_terms": ("这份文件没有名词解释。", "This document has no glossary."),
}

#: The targets page.
TARGETS: dict[str, tuple[str, str]] = {
    "indicator": ("指标", "Indicator"),
    "unit": ("单位", "Unit"),
    "v2020": ("2020年完成值", "2020 value"),
    "v2025": ("2025年目标值", "2025 target"),
    "growth": ("变化", "Change"),
    "points": ("{n}个百分点", "{n} pp"),
    "targets_from": ("来自《{title}》", "From 《{title}》"),
    "chart_caption": (
        "每项指标：2020年完成值（浅色）与2025年目标值（深色）",
        "Each indicator: the 2020 value (light) against the 2025 target (dark)",
    ),
    "year_2020": ("2020年", "2020"),
    "year_2025": ("2025年", "2025"),
    "row_sources": ("每行的出处", "Where each row comes from"),
    "no_targets": ("这些文件里没有指标表。", "These documents hold no targets table."),
}
