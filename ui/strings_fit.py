"""Strings of the project-fit page, against one document or several.

Each table maps a key to its (Chinese, English) string; :data:`ui.strings.STRINGS`
holds them all, and :func:`ui.strings.t` looks them up.
"""

from __future__ import annotations

__all__ = ["FIT", "FIT_DOCUMENTS"]


#: The project-fit page.
FIT: dict[str, tuple[str, str]] = {
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
}

#: The project-fit page, with several documents.
FIT_DOCUMENTS: dict[str, tuple[str, str]] = {
    "by_document": ("各文件的匹配情况", "Fit by document"),
    "best_fit": ("最匹配的文件：{title}", "Fits best: {title}"),
    "col_verdict": ("结论", "Verdict"),
    "col_score": ("点名比例", "Terms named"),
    "no_document_fits": (
        "{n} 份文件都没有点名这个项目，也没有把它所在的领域列为重点。",
        "None of the {n} documents names this project or makes its area a priority.",
    ),
    "other_documents": ("其余 {n} 份文件：{label}", "{n} other documents: {label}"),
}
