"""Every string the app itself shows, in Chinese and English.

The plan's own words (clauses, section addresses, indicator names) are quoted as they are
and are not here; everything around them is. ``t(key)`` gives a string in the session's
language, ``text(key, lang)`` in a given one (for exports built outside a page).

Example::

    t("result_count", n=12)          # '找到 12 条结果' or '12 results'
"""

from __future__ import annotations

import streamlit as st

__all__ = [
    "KINDS",
    "LANGS",
    "LEVELS",
    "MEASURES",
    "STRINGS",
    "kind_label",
    "lang",
    "level_label",
    "measure",
    "t",
    "text",
]

LANGS = ("zh", "en")

STRINGS: dict[str, tuple[str, str]] = {
    # the app and its pages
    "title": ("政策知识库", "PolicyKB"),
    "ask": ("问答", "Ask"),
    "search": ("检索", "Search"),
    "browse": ("浏览", "Browse"),
    "fit": ("项目匹配", "Project fit"),
    "targets": ("规划指标", "Targets"),
    "compare": ("对比", "Compare"),
    "loading": (
        "正在加载知识库…（首次打开需要几秒钟）",
        "Loading the knowledge base… (a few seconds on first open)",
    ),
    "loading_input": ("正在加载…", "Loading…"),
    "working": ("正在处理…", "Working…"),
    "generative": ("由模型组织答案", "Let the model write the answer"),
    "generative_help": (
        "用已配置的语言模型，仅依据所引条文写成答案；引用编号均经核对。关闭则只列出规划原文。",
        "The configured language model writes the answer from the cited clauses only; its "
        "citation markers are checked. Off: the plan's own clauses only.",
    ),
    "language": ("语言", "Language"),
    # ask
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
    # search
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
    "col_text": ("原文", "Text"),
    "col_terms": ("命中词", "Matched terms"),
    # browse
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
    # fit
    "project": ("项目描述", "Project description"),
    "project_placeholder": (
        "用一句话或一段话描述项目：做什么、用什么技术、在哪个产业。",
        "Describe the project in a sentence or a page: what, with which technology, "
        "in which industry.",
    ),
    "fit_example": ("填入示例", "Use an example"),
    "fit_example_text": (
        "我们公司计划研发煤矿井下智能巡检机器人，实时监测瓦斯和粉尘，减少安全事故。",
        "We plan to develop an intelligent inspection robot for underground coal mines "
        "that monitors gas and dust in real time.",
    ),
    "check": ("检查匹配", "Check fit"),
    "empty_project": (
        "请先输入项目描述（或点“填入示例”）。",
        "Describe the project first (or use the example).",
    ),
    "verdict_line": (
        "结论：{label}（最匹配的条目点名了项目关键词的 {score}）",
        "Verdict: {label} (the best item names {score} of the project's key terms)",
    ),
    "verdict_only": ("结论：{label}", "Verdict: {label}"),
    "verdict_of": ("——《{title}》", " — for “{title}”"),
    "fit_stale": (
        "下面的结果是上一次检查的描述的；点“检查匹配”按现在的描述重新检查。",
        "The result below is for the description checked last; press Check to check this one.",
    ),
    "reason_line": ("理由：{reason}", "Why: {reason}"),
    "fit_label": ("符合", "fits"),
    "partial_label": ("部分相关", "partly related"),
    "no_fit_label": ("不符合", "does not fit"),
    "matches": ("匹配的条目", "Matching items"),
    "near_match": (
        "（意思相近，未点名本项目的关键词）",
        "(close in meaning; names none of its key terms)",
    ),
    "preamble": ("前言", "Preamble"),
    "measures": ("适用的支持措施", "Applicable support measures"),
    "download": ("下载报告（Markdown）", "Download the report (Markdown)"),
    "copy_report": ("复制报告", "Copy the report"),
    "report_title": ("项目匹配报告", "Project fit report"),
    "where_line": ("出处：{where}", "Where: {where}"),
    # targets
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
    # documents: their metadata, narrowing many, a scoped question
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
    # compare
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
    # fit, several documents
    "by_document": ("各文件的匹配情况", "Fit by document"),
    "best_fit": ("最匹配的文件：{title}", "Fits best: {title}"),
    "col_verdict": ("结论", "Verdict"),
    "col_score": ("点名比例", "Terms named"),
    "no_document_fits": (
        "{n} 份文件都没有点名这个项目，也没有把它所在的领域列为重点。",
        "None of the {n} documents names this project or makes its area a priority.",
    ),
    "other_documents": ("其余 {n} 份文件：{label}", "{n} other documents: {label}"),
    # sidebar
    "corpus": ("语料", "Corpus"),
    "corpus_facts": ("文件 {docs} 个 · 片段 {chunks} 个", "Documents: {docs} · passages: {chunks}"),
    "embedder": ("向量模型", "Embedder"),
    "built": ("索引时间", "Indexed"),
    "add_doc": ("添加文件", "Add a document"),
    "add_help": (
        "支持 .txt .docx .pdf .md，每个不超过 50 MB",
        ".txt .docx .pdf .md, up to 50 MB each",
    ),
    "choose_file": ("选择文件", "Choose a file"),
    "add_button": ("添加并重建索引", "Add and re-index"),
    "added": ("已添加并重建索引：{name}", "Added and re-indexed: {name}"),
    "dismiss": ("知道了", "Dismiss"),
    "stage_parse": ("读取文件", "Reading documents"),
    "stage_embed": ("计算向量", "Computing vectors"),
    "stage_other": ("建立索引", "Building the index"),
    "no_index": ("还没有索引。", "There is no index yet."),
    "build": ("从 corpus/ 建立索引", "Build the index from corpus/"),
    # errors (the English column may add kb's own message)
    "err_BadQuery": ("无法处理这个输入：", "This input cannot be used: "),
    "err_query_empty": ("输入为空，请写下问题或描述。", "The input is empty; write a question."),
    "err_description_long": (
        "描述太长（{got} 字，上限 {limit} 字），请分成几段分别检查。",
        "The description is too long ({got} characters; the limit is {limit}). Split it into"
        " parts and check each.",
    ),
    "err_query_long": (
        "输入太长（{got} 字，上限 {limit} 字），请缩短后再试；项目描述请到“项目匹配”页。",
        "The input is too long ({got} characters; the limit is {limit}). Shorten it; for a"
        " project description use the Project fit page.",
    ),
    "err_UnknownDocument": ("索引里没有这个文件。", "That document is not in the index."),
    "err_IndexMissing": ("还没有索引。", "There is no index yet."),
    "err_IndexCorrupt": (
        "索引已损坏，请重新建立索引（policykb ingest）。",
        "The index is damaged; rebuild it (policykb ingest).",
    ),
    "err_IndexBusy": (
        "另一个进程正在写索引，请稍后再试。",
        "Another process is writing the index; try again soon.",
    ),
    "err_UnsupportedFormat": (
        "不支持这种文件：请上传 .txt、.docx、.pdf 或 .md 文件，文件名如“规划.txt”。",
        "This kind of file is not supported: give a .txt, .docx, .pdf or .md file.",
    ),
    "err_EmptyDocument": ("文件里没有文字内容。", "The file holds no text."),
    "err_UndecodableDocument": (
        "无法识别文件的文字编码（可能是二进制文件）。",
        "The file's text encoding cannot be recognised (it may be binary).",
    ),
    "err_DocumentTooLarge": ("文件太大（上限 50 MB）。", "The file is too large (limit 50 MB)."),
    "err_CorruptDocument": (
        "文件已损坏或无法打开（PDF 需含可复制的文字，不能是扫描图片）。",
        "The file is damaged or cannot be opened (a PDF needs selectable text, not scans).",
    ),
    "err_UnreadableDocument": ("无法读取这个文件。", "The file cannot be read."),
    "err_IngestError": (
        "无法添加这个文件（同名文件可能已在语料中）。",
        "The file cannot be added.",
    ),
    "err_other": (
        "无法为该文件建立索引，语料未作改动。",
        "The document could not be indexed; the corpus is unchanged.",
    ),
    "err_generic": ("出错了，请稍后再试。", "Something went wrong; try again."),
}

# kb's support-measure topics (kb/data/measures.tsv) are labels, not plan text.
MEASURES = {
    "研发费用加计扣除与税收优惠": "R&D super-deduction and tax relief",
    "研发投入后补助": "Subsidies after R&D spending",
    "科技银行与科技贷款": "Science and technology banks and loans",
    "高新技术企业培育": "High-tech enterprise development",
    "创新平台建设": "Innovation platforms",
    "成果转化与技术转移": "Commercialisation and technology transfer",
    "创业孵化": "Start-up incubation",
    "科技金融与基金": "Science finance and funds",
    "人才引进与培养": "Attracting and training talent",
}


# Documents' kinds and levels (kb.documents) are labels too.
KINDS = {
    "规划": "plan",
    "政府工作报告": "work report",
    "计划": "action plan",
    "方案": "programme",
    "意见": "opinions",
    "办法": "measures",
    "条例": "regulations",
    "规定": "rules",
    "决定": "decision",
    "政策": "policies",
    "报告": "report",
    "通知": "notice",
}
LEVELS = {"国家": "national", "省": "provincial", "市": "city", "县": "county"}


def kind_label(kind: str) -> str:
    """A document's kind in the session's language (as kb gives it if unknown)."""
    return KINDS.get(kind, kind) if lang() == "en" else kind


def level_label(level: str) -> str:
    """A document's level (国家 / 省 / 市 / 县) in the session's language, read as a level:
    省级 / provincial (北京市 is a provincial-level city, not a province)."""
    if lang() == "en":
        return LEVELS.get(level, level)
    return f"{level}级" if level in LEVELS else level


def measure(label: str) -> str:
    """A support measure's label in the session's language (as kb gives it if unknown)."""
    return MEASURES.get(label, label) if lang() == "en" else label


def text(key: str, lang: str, **fields: object) -> str:
    """``key``'s string in ``lang`` (``zh`` or ``en``), with ``fields`` filled in.

    :raises KeyError: an unknown key (every string must be in :data:`STRINGS`).
    """
    value = STRINGS[key][LANGS.index(lang) if lang in LANGS else 0]
    return value.format(**fields) if fields else value


def lang() -> str:
    """The session's language: ``zh`` (default) or ``en``."""
    value = st.session_state.get("lang", "zh")
    return value if value in LANGS else "zh"


def t(key: str, **fields: object) -> str:
    """``key``'s string in the session's language (see :func:`text`)."""
    return text(key, lang(), **fields)
