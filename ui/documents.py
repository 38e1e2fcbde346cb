"""Documents as the app shows them: a line of metadata, the sidebar's list, the choice
of a document (narrowed by kind, level and region when there are many), and the notice
above a scoped answer or search with its one click to every document.

A document's title, region and the words of a question are shown as text: escaped
with :func:`~ui.common.esc` in HTML and :func:`~ui.common.md` in Markdown.

Example::

    label(kb.document("gwr_shandong_2025"))
    # '2025年山东省政府工作报告 · 山东省 · 省 · 政府工作报告 · 2025'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import streamlit as st

from ui.common import esc, md, plan
from ui.strings import kind_label, level_label, t

if TYPE_CHECKING:
    from kb import KnowledgeBase
    from kb.documents import DocumentInfo
    from kb.scope import Scope

__all__ = [
    "NARROW_AT",
    "choose",
    "facts",
    "label",
    "listing",
    "narrow",
    "narrowed",
    "place",
    "scope_line",
    "scope_notice",
]

NARROW_AT = 6  # more documents than this: the choice can be narrowed by kind, level, region
_FIELDS = ("kind", "level", "region")


def place(doc: DocumentInfo) -> str:
    """Where a document is for narrowing: its province (a city's plan is under its
    province), else its region (全国 for a national one)."""
    return doc.province or doc.region


def facts(doc: DocumentInfo) -> str:
    """Region · level · kind · year, those it has, in the session's language."""
    parts = [doc.region, level_label(doc.level), kind_label(doc.kind), str(doc.year or "")]
    return " · ".join(p for p in parts if p)


def label(doc: DocumentInfo) -> str:
    """A document as a choice shows it: its title and then its facts (plain text)."""
    more = facts(doc)
    return f"{doc.title} · {more}" if more else doc.title


def narrow(
    docs: Sequence[DocumentInfo], kind: str = "", level: str = "", region: str = ""
) -> list[DocumentInfo]:
    """The documents of that kind, level and region (``""``: any)."""
    return [
        d
        for d in docs
        if (not kind or d.kind == kind)
        and (not level or d.level == level)
        and (not region or place(d) == region)
    ]


def _options(docs: Sequence[DocumentInfo], field: str) -> list[str]:
    values = (place(d) if field == "region" else getattr(d, field) for d in docs)
    return sorted({v for v in values if v})


def narrowed(docs: Sequence[DocumentInfo], key: str) -> list[DocumentInfo]:
    """The documents left by the user's kind, level and region (an expander of three
    choices, drawn only when there are more than :data:`NARROW_AT` documents)."""
    if len(docs) <= NARROW_AT:
        return list(docs)
    chosen: dict[str, str] = {}
    with st.expander(t("narrow_docs")):
        names = {"kind": kind_label, "level": level_label, "region": str}
        for column, field in zip(st.columns(3), _FIELDS, strict=True):
            chosen[field] = column.selectbox(
                t(f"doc_{field}"),
                ["", *_options(docs, field)],
                key=f"{key}_{field}",
                format_func=lambda v, f=names[field]: f(v) if v else t("all"),
            )
    return narrow(docs, **chosen)


def choose(
    docs: Sequence[DocumentInfo],
    key: str,
    multi: bool = False,
    where: Any = st,
    title: str | None = None,
    every: Sequence[DocumentInfo] = (),
) -> Any:
    """A document (``""``: all) or, with ``multi``, a list of them, by their ids.

    A single choice the narrowing has left out goes back to all; a multiple one keeps
    what was picked (it stays offered).

    :param where: the container to draw in (a column).
    :param every: all documents, to name those picked before a narrowing.
    """
    labels = {d.doc: label(d) for d in (*every, *docs)}
    offered = [d.doc for d in docs]
    if multi:
        kept = [d for d in st.session_state.get(key, []) if d in labels]
        if key in st.session_state:
            st.session_state[key] = kept
        picked = [d for d in kept if d not in offered]
        return where.multiselect(
            title or t("document"),
            [*picked, *offered],
            key=key,
            format_func=labels.__getitem__,
            placeholder=t("by_docs"),
        )
    if st.session_state.get(key, "") not in ("", *offered):
        st.session_state[key] = ""
    return where.selectbox(
        title or t("document"),
        ["", *offered],
        key=key,
        format_func=lambda d: labels[d] if d else t("all"),
    )


def listing(docs: Sequence[DocumentInfo]) -> str:
    """The documents as compact HTML: each title with its facts on the next line."""
    rows = "".join(f"<li>{plan(esc(d.title))}<br><small>{esc(facts(d))}</small></li>" for d in docs)
    return f"<ul class='pkb-docs'>{rows}</ul>"


def scope_line(kb: KnowledgeBase, scope: Scope) -> str:
    """Which documents a question was kept to and why, as Markdown-safe text."""
    titles = "、".join(f"《{kb.document(d).title}》" for d in scope.docs[:3])
    if len(scope.docs) > 3:
        titles += t("scope_more", n=len(scope.docs) - 3)
    why = t("scope_because", because=scope.because) if scope.because else t("scope_home")
    return md(t("scope_notice", titles=titles, why=why))


def scope_notice(
    kb: KnowledgeBase,
    scope: Scope,
    button: str,
    on_click: Callable[..., None],
    args: tuple[Any, ...],
    key: str,
) -> None:
    """The notice of a scoped answer or search, and the one click to every document.

    :param key: unique on the page (one notice per scoped answer in a chat).
    """
    with st.container(horizontal=True, vertical_alignment="center", key=key):
        st.info(scope_line(kb, scope), icon=":material/filter_alt:", width="stretch")
        st.button(
            button,
            key=f"{key}-all",
            icon=":material/travel_explore:",
            on_click=on_click,
            args=args,
        )
