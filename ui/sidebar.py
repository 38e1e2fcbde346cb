"""The sidebar: the language switch, what is in the corpus (each document with its
region, level, kind and year), adding a document."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from ui.common import md, show_error
from ui.documents import facts, listing
from ui.state import work
from ui.strings import LANGS, t

if TYPE_CHECKING:
    from kb import KnowledgeBase

__all__ = ["corpus", "language_switch"]

_NAMES = {"zh": "中文", "en": "English"}


def _switch_language() -> None:
    chosen = st.session_state.get("lang_choice")
    if chosen in LANGS:
        work().lang = st.session_state.lang = chosen
        st.query_params["lang"] = chosen


def language_switch() -> None:
    """中文 | English; the choice is kept with the user's work and in the URL."""
    with st.sidebar:
        if st.session_state.get("lang_choice") != st.session_state.get("lang"):
            st.session_state.lang_choice = st.session_state.get("lang", "zh")
        st.radio(
            t("language"),
            LANGS,
            format_func=_NAMES.__getitem__,
            key="lang_choice",
            horizontal=True,
            label_visibility="collapsed",
            on_change=_switch_language,
        )


def corpus(kb: KnowledgeBase) -> None:
    """The documents, index facts, and the upload of a new document."""
    with st.sidebar:
        st.subheader(t("corpus"))
        if len(kb.documents) == 1:
            st.caption(f"《{md(kb.documents[0].title)}》 {md(facts(kb.documents[0]))}")
        else:
            with st.expander(t("documents_n", n=len(kb.documents))):
                st.markdown(listing(kb.documents), unsafe_allow_html=True)
        m = kb.manifest
        st.caption(
            md(
                t("corpus_facts", docs=len(kb.documents), chunks=m.get("chunk_count"))
                + f" · {t('embedder')}: {m.get('embedder', {}).get('name')}"
                + f" · {t('built')}: {m.get('created', '')[:16].replace('T', ' ')}"
            )
        )
        notice = work().notice
        if notice:
            st.success(md(notice))
            st.button(t("dismiss"), key="dismiss", on_click=_dismiss)
        uploads = st.session_state.setdefault("uploads", 0)  # a new key empties the widget
        upload = st.file_uploader(
            t("add_doc"), type=["txt", "md", "docx", "pdf"], key=f"upload-{uploads}"
        )
        st.caption(t("add_help"))
        clicked = st.button(
            t("add_button"),
            key="add",
            type="primary",
            icon=":material/upload_file:",
            disabled=upload is None,
            width="stretch",  # the sidebar's width: the label is not clipped
        )
        if clicked and upload is not None:
            add(upload.name, upload.getvalue())


def _dismiss() -> None:
    work().notice = None


def add(name: str, data: bytes) -> None:
    """Add a document and rebuild the index, with progress; on success keep a notice."""
    from ingest import IngestError
    from kb import KBError, Settings
    from kb.corpus import add_and_index

    bar = st.progress(0.0)

    def progress(stage: str, done: int, total: int) -> None:
        label = t(f"stage_{stage}") if stage in ("parse", "embed") else t("stage_other")
        bar.progress(done / max(total, 1), label)

    try:
        path, _ = add_and_index(Settings.load(), name, data, progress=progress)
    except (IngestError, KBError) as exc:
        bar.empty()
        show_error(exc)
        return
    except Exception as exc:  # MemoryError and the unforeseen; the corpus is restored
        bar.empty()
        st.error(md(f"{t('err_other')} {type(exc).__name__}"))
        return
    work().notice = t("added", name=path.name)
    st.session_state.uploads = st.session_state.get("uploads", 0) + 1
    st.rerun()
