"""Shared pieces of the Streamlit face: the loaded knowledge base, strings, rendering.

All logic lives in ``kb``; this module only loads it once per process
(``st.cache_resource``), translates labels, and renders text. Document and user text is
always escaped before any HTML is produced (``esc``), so a document containing
``<script>`` shows as text.
"""

from __future__ import annotations

import html
from pathlib import Path

import streamlit as st

from ingest import IngestError
from kb import Config, KBError, KnowledgeBase, build_index
from kb.corpus import add_document
from kb.highlight import mark

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
    """Escape document or user text for HTML (newlines kept as line breaks)."""
    return html.escape(text).replace("\n", "<br>")


def highlight(text: str, terms: list[str]) -> str:
    """Escaped HTML of ``text`` with ``terms`` wrapped in ``<mark>``."""
    return mark(text, terms, "<mark>", "</mark>", esc)


def address(section: list[str]) -> str:
    return " › ".join(section)


@st.cache_resource(show_spinner=False)
def load_kb(index_dir: str, stamp: float) -> KnowledgeBase:
    """The knowledge base, loaded once per process (and again when the index changes)."""
    del stamp  # part of the cache key: the manifest's modification time
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
    manifest = Path(cfg.index_dir) / "manifest.json"
    try:
        stamp = manifest.stat().st_mtime if manifest.exists() else 0.0
        return load_kb(str(cfg.index_dir), stamp)
    except KBError as exc:
        st.warning(f"{t('no_index')} {exc}")
        if st.button(t("build")):
            with st.spinner("…"):
                build_index(cfg)
            st.rerun()
        return None


def browse_link(doc: str, chunk_id: str, label: str | None = None) -> None:
    """A link that opens the reader at a chunk (a shareable deep link)."""
    st.page_link(
        "pages/browse.py",
        label=label or t("open_reader"),
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
            st.caption(f"《{d.title}》")
        m = kb.manifest
        st.caption(
            f"{len(kb.documents)} · {m.get('chunk_count')} {t('chunks')} · "
            f"{t('embedder')}: {m.get('embedder', {}).get('name')} · "
            f"{t('built')}: {m.get('created', '')[:16]}"
        )
        upload = st.file_uploader(t("add_doc"), type=["txt", "md", "docx", "pdf"])
        if upload is not None and st.button("＋", key="add"):
            _add(upload.name, upload.getvalue())


def _add(name: str, data: bytes) -> None:
    cfg = config()
    try:
        path = add_document(cfg.corpus_dir, name, data, cfg.limits())
    except IngestError as exc:
        st.error(str(exc))
        return
    bar = st.progress(0.0)
    try:
        build_index(
            cfg, progress=lambda stage, done, total: bar.progress(done / max(total, 1), stage)
        )
    except (IngestError, KBError) as exc:
        path.unlink(missing_ok=True)  # keep the corpus as it was
        st.error(str(exc))
        return
    st.success(t("added") + path.name)
    st.rerun()
