"""Every string the app itself shows, in Chinese and English.

The plan's own words (clauses, section addresses, indicator names) are quoted as they are
and are not here; everything around them is. ``t(key)`` gives a string in the session's
language, ``text(key, lang)`` in a given one (for exports built outside a page).

Example::

    t("result_count", n=12)          # '找到 12 条结果' or '12 results'
"""

from __future__ import annotations

import streamlit as st

from ui.strings_app import APP, ERRORS, SIDEBAR
from ui.strings_documents import COMPARE, DOCUMENTS
from ui.strings_fit import FIT, FIT_DOCUMENTS
from ui.strings_reading import ASK, BROWSE, SEARCH, TARGETS

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

#: Every string, by key: (Chinese, English), page by page.
STRINGS: dict[str, tuple[str, str]] = {
    **APP,
    **ASK,
    **SEARCH,
    **BROWSE,
    **FIT,
    **TARGETS,
    **DOCUMENTS,
    **COMPARE,
    **FIT_DOCUMENTS,
    **SIDEBAR,
    **ERRORS,
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
