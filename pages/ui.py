"""Shared pieces of the Streamlit face: the loaded knowledge base, strings, rendering.

All logic lives in ``kb``; this module only loads it once per process
(``st.cache_resource``), translates labels, and renders text. Document and user text is
shown as text, never as markup: ``esc`` escapes it for HTML blocks (a document holding
``<script>`` shows the tag), ``md`` for Markdown contexts — messages, captions, labels —
where a link or an image in a document, a file name or a deep link's parameters would
otherwise become a live link or a fetched image.
"""

from __future__ import annotations

import html
import re

import streamlit as st

from ingest import IngestError
from kb import Config, KBError, KnowledgeBase, build_index
from kb.corpus import add_and_index
from kb.highlight import mark
from kb.store import generation_id

STRINGS = {
    "title": ("政策知识库", "PolicyKB"),
    "ask": ("问答", "Ask"),
    "search": ("检索", "Search"),
    "browse": ("浏览", "Browse"),
    "fit": ("项目匹配", "Project fit"),
    "targets": ("规划指标", "Targets"),
    "glossary": ("名词解释", "Glossary"),
    "reader": ("阅读", "Read"),
    "question": (
        "输入问题，例如：哪些氢能技术被列为重点？",
        "Ask, e.g. Which hydrogen technologies are priorities?",
    ),
    "query": ("检索词", "Search words"),
    "results": ("结果数", "Results"),
    "document": ("文件", "Document"),
    "chapter": ("章节", "Chapter"),
    "industry": ("产业", "Industry"),
    "all": ("全部", "All"),
    "no_results": ("没有找到结果。", "No results."),
    "not_found": ("规划没有直接回答这个问题", "The plan does not answer this directly"),
    "related": ("最接近的章节", "Nearest sections"),
    "sources": ("引用", "Sources"),
    "open_reader": ("在原文中查看", "Open in the reader"),
    "project": ("项目描述", "Project description"),
    "check": ("检查匹配", "Check fit"),
    "verdict": ("结论", "Verdict"),
    "matches": ("匹配的规划条目", "Matching plan items"),
    "measures": ("适用的支持措施", "Applicable support measures"),
    "download": ("下载报告（Markdown）", "Download report (Markdown)"),
    "indicator": ("指标", "Indicator"),
    "unit": ("单位", "Unit"),
    "v2020": ("2020年完成值", "2020 value"),
    "v2025": ("2025年目标值", "2025 target"),
    "growth": ("增长倍数", "Growth ×"),
    "source": ("出处", "Source"),
    "corpus": ("语料", "Corpus"),
    "chunks": ("片段", "chunks"),
    "embedder": ("向量模型", "Embedder"),
    "built": ("索引时间", "Indexed"),
    "add_doc": ("添加文件（.txt/.docx/.pdf/.md）", "Add a document (.txt/.docx/.pdf/.md)"),
    "added": ("已添加并重建索引：", "Added and re-indexed: "),
    "add_failed": (
        "无法为该文件建立索引，语料未作改动：",
        "The document could not be indexed; the corpus is unchanged:",
    ),
    "no_index": ("还没有索引。", "There is no index yet."),
    "build": ("从 corpus/ 建立索引", "Build the index from corpus/"),
    "fit_label": ("符合", "fit"),
    "partial_label": ("部分相关", "partial"),
    "no_fit_label": ("不符合", "no fit"),
}


def lang() -> int:
    """0 for Chinese (default), 1 for English."""
    return 1 if st.session_state.get("lang") == "English" else 0


def t(key: str) -> str:
    """A label in the chosen language."""
    return STRINGS[key][lang()]


def esc(text: str) -> str:
    """Document or user text for an HTML block (newlines kept as line breaks).

    Only inside a block that starts with a tag (``<div>…</div>``), where Markdown is not
    read; elsewhere use :func:`md`.
    """
    return html.escape(text).replace("\n", "<br>")


_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_AUTOLINK = re.compile(r"(?i)(https?|ftp|www|@)(?=[:./\w])")


def md(text: str) -> str:
    """Document or user text for a Markdown context (``st.error``, captions, labels).

    Every ASCII punctuation mark is backslash-escaped, as CommonMark allows, so
    ``[t](url)``, ``![t](url)``, ``<b>``, ``**``, ``$x$`` and Streamlit's ``:red[…]`` and
    ``:icon:`` all show as the characters they are. GitHub-style bare links
    (``http://…``, ``www.…``, ``a@b.cn``) are found after escapes are read, so an
    invisible word joiner (U+2060) after ``http``, ``www`` and ``@`` keeps them text.
    """
    return _ASCII_PUNCTUATION.sub(r"\\\1", _AUTOLINK.sub("\\1\u2060", text))


def highlight(text: str, terms: list[str]) -> str:
    """Escaped HTML of ``text`` with ``terms`` wrapped in ``<mark>``."""
    return mark(text, terms, "<mark>", "</mark>", esc)


def address(section: list[str]) -> str:
    return " › ".join(section)


@st.cache_resource(show_spinner=False, max_entries=1)
def load_kb(index_dir: str, generation: str) -> KnowledgeBase:
    """The knowledge base, loaded once per process (and again when the index changes)."""
    del generation  # part of the cache key: a rebuild makes a new generation
    kb = KnowledgeBase.open(index_dir)
    kb.answerer()  # tokenizer, pipelines, coverage statistics: before the first query
    kb.fit_checker()
    kb.warm_up(background=True)  # the embedding model loads while the page renders
    return kb


def config() -> Config:
    return Config.load()


def get_kb() -> KnowledgeBase | None:
    """The loaded knowledge base, or ``None`` (with a message) when there is no index."""
    cfg = config()
    try:
        return load_kb(str(cfg.index_dir), generation_id(cfg.index_dir) or "")
    except KBError as exc:
        st.warning(f"{t('no_index')} {md(str(exc))}")
        if st.button(t("build")):
            try:
                with st.spinner("…"):
                    build_index(cfg)
            except (IngestError, KBError) as build_error:
                st.error(md(str(build_error)))
                return None
            st.rerun()
        return None


def browse_link(doc: str, chunk_id: str, label: str | None = None) -> None:
    """A link that opens the reader at a chunk (a shareable deep link)."""
    st.page_link(
        "pages/browse.py",
        label=md(label) if label else t("open_reader"),
        icon=":material/menu_book:",
        query_params={"doc": doc, "chunk": chunk_id},
    )


def sidebar(kb: KnowledgeBase | None) -> None:
    """Language switch, corpus facts and the upload of a new document."""
    with st.sidebar:
        st.radio("Language / 语言", ["中文", "English"], key="lang", horizontal=True)
        if kb is None:
            return
        st.subheader(t("corpus"))
        for d in kb.documents:
            st.caption(f"《{md(d.title)}》")
        m = kb.manifest
        st.caption(
            md(
                f"{len(kb.documents)} · {m.get('chunk_count')} {t('chunks')} · "
                f"{t('embedder')}: {m.get('embedder', {}).get('name')} · "
                f"{t('built')}: {m.get('created', '')[:16]}"
            )
        )
        upload = st.file_uploader(t("add_doc"), type=["txt", "md", "docx", "pdf"])
        if upload is not None and st.button("＋", key="add"):
            _add(upload.name, upload.getvalue())


def _add(name: str, data: bytes) -> None:
    bar = st.progress(0.0)
    try:
        path, _ = add_and_index(
            config(),
            name,
            data,
            progress=lambda stage, done, total: bar.progress(done / max(total, 1), stage),
        )
    except (IngestError, KBError) as exc:
        st.error(md(str(exc)))
        return
    except Exception as exc:  # MemoryError and the unforeseen; the corpus is restored
        st.error(md(f"{t('add_failed')} {type(exc).__name__}: {exc}"))
        return
    st.success(md(t("added") + path.name))
    st.rerun()
