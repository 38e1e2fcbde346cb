"""Strings about documents: their metadata, narrowing many, a scoped question, and
comparing them on a topic.

Each table maps a key to its (Chinese, English) string; :data:`ui.strings.STRINGS`
holds them all, and :func:`ui.strings.t` looks them up.
"""

from __future__ import annotations

__all__ = ["COMPARE", "DOCUMENTS"]


#: Documents: their metadata, narrowing many, a scoped question.
DOCUMENTS: dict[str, tuple[str, str]] = {
    "documents_n": ("文件（{n} 个）", "Documents ({n})"),
    "doc_kind": ("类型", "Kind"),
    "doc_level": ("层级", "Level"),
    "doc_region": ("地区", "Region"),
    "doc_year": ("年份", "Year"),
    "narrow_docs": ("按类型、层级、地区筛选文件", "Narrow the documents by kind, level, region"),
    "scope_notice": ("只看{titles}（{why}）", "Only in {titles} ({why})"),
    "scope_because": ("问题提到 {because}", "the question names {because}"),
    "scope_elsewhere": (
        "已索引的文件都不是关于 {places} 的；以下结果可能答非所问。",
        "No indexed document is about {places}; these results may not answer it.",
    ),
    "scope_home": (
        "问题没有提到地区或文件，默认看本库自有的文件",
        "the question names no place or document, so the corpus's own documents by default",
    ),
    "scope_more": ("等 {n} 个文件", " and {n} more"),
    "ask_everywhere": ("在所有文件中问", "Ask across all documents"),
    "search_everywhere": ("在所有文件中检索", "Search all documents"),
}

#: The compare page.
COMPARE: dict[str, tuple[str, str]] = {
    "topic": ("主题", "Topic"),
    "topic_placeholder": (
        "例如：数字经济、新能源、人工智能",
        "e.g. digital economy, new energy, artificial intelligence",
    ),
    "compare_by": ("对比哪些文件", "Which documents"),
    "by_docs": ("选择文件", "Choose documents"),
    "by_kind": ("同一类型的全部文件", "Every document of a kind"),
    "compare_docs": ("文件（至少两个）", "Documents (two or more)"),
    "compare_run": ("开始对比", "Compare them"),
    "compare_need": (
        "请输入主题，并选择至少两个文件（或一种类型）。",
        "Give a topic and choose two or more documents (or a kind).",
    ),
    "compare_one_doc": (
        "索引里只有一个文件，无法对比；请先在侧栏添加文件。",
        "The index holds one document; add another in the sidebar to compare.",
    ),
    "compare_found": (
        "{n} 个文件中有 {m} 个谈到“{topic}”",
        "{m} of {n} documents speak of “{topic}”",
    ),
    "said_nothing": ("未谈到这个主题", "Says nothing on this topic"),
    "compare_title": ("对比：{topic}", "Compare: {topic}"),
    "export_md": ("导出对比（Markdown）", "Export the comparison (Markdown)"),
    "export_compare_csv": ("导出对比（CSV）", "Export the comparison (CSV)"),
    "col_topic": ("主题", "Topic"),
    "col_region": ("地区", "Region"),
    "col_kind": ("类型", "Kind"),
    "col_year": ("年份", "Year"),
    "col_id": ("片段编号", "Passage id"),
}
