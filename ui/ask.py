"""问答 Ask: a question box with history; answers grouped by section, every clause cited.

An answer leads with what was asked (a number answer with its figure), groups the
plan's clauses under a short address (the last two headings; the full address is in
the citation), and marks each clause ``[n]``: a click opens citation ``n``. After a
question the view scrolls to the question and its answer, not to the end of the sources.

A question kept to the documents it names (山东 → Shandong's work report) says so above
its answer, with one click to ask it of every document instead (the answer is replaced).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import streamlit as st

from ui import nav
from ui.browser import copy_button, ref, scroll_here
from ui.common import esc, knowledge_base, md, plan, short_address, show_error
from ui.documents import scope_notice
from ui.export import answer_markdown, citation_text, lead_figure, where
from ui.state import work
from ui.strings import lang, t

if TYPE_CHECKING:
    from kb import KnowledgeBase

__all__ = ["render"]

_EXAMPLES = ("ask_ex1", "ask_ex2", "ask_ex3", "ask_ex4")


def render() -> None:
    """The Ask page."""
    kb = knowledge_base()
    if kb is None:
        return
    from kb import KBError  # imported with the knowledge base, after the loading state

    history = work().history
    question = st.session_state.get("ask_input") or st.session_state.pop("ask_pending", None)
    head = st.container(horizontal=True, vertical_alignment="bottom")
    head.title(t("ask"), width="stretch")
    if history or question:
        head.button(t("clear_chat"), icon=":material/delete_sweep:", on_click=history.clear)
    else:
        st.pills(
            t("examples"),
            [t(key) for key in _EXAMPLES],
            key="ask_examples",
            on_change=_picked,
        )
    again = _everywhere_now(kb, history)
    for turn, (asked, answer) in enumerate(history):
        _show(kb, turn, asked, answer, new=turn == again)
    if kb.settings.llm.enabled:  # offered only when a model is configured
        st.toggle(t("generative"), value=True, key="ask_generative", help=t("generative_help"))
    st.chat_input(t("question"), key="ask_input")
    if question:
        try:
            with st.spinner(t("working")):
                answer = kb.ask(question, generative=_generative(kb))
        except KBError as exc:  # shown in the user's language
            _show_question(question)
            show_error(exc)
            return
        history.append((question, answer))
        _show(kb, len(history) - 1, question, answer, new=True)


def _generative(kb: KnowledgeBase) -> bool:
    """Whether the user wants the configured model to write the answer (default yes)."""
    return kb.settings.llm.enabled and bool(st.session_state.get("ask_generative", True))


def _everywhere(turn: int) -> None:
    """The one click under a scoped answer: ask its question again of every document."""
    st.session_state.ask_everywhere = turn


def _everywhere_now(kb: KnowledgeBase, history: list[tuple[str, Any]]) -> int | None:
    """Answer the question clicked for from every document, in its place in the history.

    :returns: its turn (to scroll to), or ``None`` when nothing was clicked.
    """
    from kb import KBError

    turn = st.session_state.pop("ask_everywhere", None)
    if not isinstance(turn, int) or not 0 <= turn < len(history):
        return None
    question = history[turn][0]
    try:
        with st.spinner(t("working")):
            answer = kb.ask(question, doc=[d.doc for d in kb.documents], generative=_generative(kb))
    except KBError as exc:
        show_error(exc)
        return None
    history[turn] = (question, answer)
    return turn


def _picked() -> None:
    """An example chip was clicked: ask it, and leave the chips unselected."""
    st.session_state.ask_pending = st.session_state.get("ask_examples")
    st.session_state.ask_examples = None


def _show_question(question: str) -> None:
    with st.chat_message("user"):
        st.markdown(md(question))


def _show(kb: KnowledgeBase, turn: int, question: str, answer: Any, new: bool) -> None:
    _show_question(question)
    with st.chat_message("assistant"):
        marker = f"<span {scroll_here('answer')}></span>" if new else ""
        if answer.scope is not None and len(kb.documents) > 1:
            key = f"pkb-scope-{turn}"
            scope_notice(kb, answer.scope, t("ask_everywhere"), _everywhere, (turn,), key)
        if answer.notice:
            st.info(md(answer.notice))
        if not answer.found:
            if marker:
                st.markdown(f"<div>{marker}</div>", unsafe_allow_html=True)
            if not answer.notice:  # the notice says why (no document is about 青海)
                _not_found(answer)
            return
        if answer.kind.endswith("+generated"):  # the model's prose, escaped, then the sources
            st.markdown(f"<div>{marker}</div>", unsafe_allow_html=True)
            st.markdown(md(answer.answer))
            _citations(turn, answer)
            copy_button(answer_markdown(answer, lang(), frozenset()), t("copy_answer"))
            return
        table_rows = _table_rows(kb, answer)
        st.markdown(
            f"<div>{marker}{_body(kb, turn, answer, table_rows)}</div>", unsafe_allow_html=True
        )
        _citations(turn, answer)
        copy_button(answer_markdown(answer, lang(), table_rows), t("copy_answer"))


def _table_rows(kb: KnowledgeBase, answer: Any) -> frozenset[int]:
    """Citations of a number answer's table row: shown as the figure, not as a clause."""
    if lead_figure(answer) is None:
        return frozenset()
    return frozenset(c.n for c in answer.citations if kb.chunk(c.id).meta["kind"] == "table_row")


def _key(turn: int, n: int) -> str:
    return f"pkb-cite-{turn}-{n}"


def _body(kb: KnowledgeBase, turn: int, answer: Any, table_rows: frozenset[int]) -> str:
    parts = []
    figure = lead_figure(answer)
    if figure:
        first = answer.citations[0].n if answer.citations else None
        marker = ref(first, _key(turn, first)) if first else ""
        parts.append(
            f"<div class='pkb-lead'>{plan(esc(figure))}{marker}"
            f"<br><small>{_number_context(kb, answer)}</small></div>"
        )
    else:
        parts.append(f"<p class='pkb-addr'>{esc(t('framing'))}</p>")
    several = answer.several_documents
    for group in answer.groups:
        clauses = [c for c in group.clauses if c.citation not in table_rows]
        if not clauses:
            continue
        heading = answer.heading(group) if several else group.section
        context, leaf = heading[:-1], heading[-1] if heading else ""
        shown = short_address(context, 1)
        if several and len(context) > 1:  # the document's title, then the nearest heading
            shown = f"{context[0]} › {short_address(context[1:], 1)}"
        parent = f"<small>{plan(esc(shown))} › </small>" if context else ""
        items = "".join(
            f"<li>{plan(esc(' '.join(c.text.split())))}{ref(c.citation, _key(turn, c.citation))}"
            "</li>"
            for c in clauses
        )
        parts.append(
            f"<div class='pkb-section' title='{esc(' › '.join(heading))}'>"
            f"<div class='pkb-head'>{parent}{plan(esc(leaf))}</div><ul>{items}</ul></div>"
        )
    return "".join(parts)


def _number_context(kb: KnowledgeBase, answer: Any) -> str:
    """What the figure is, in the user's language (the indicator's name quoted as is)."""
    ids = {c.id for c in answer.citations}
    row = next((r for r in kb.indicators() if r.row_id in ids), None)
    if row is None:
        lead = answer.answer.split("\n\n", 1)[0]
        rest = lead.split("**", 2)[-1].strip() if lead.count("**") >= 2 else ""
        return plan(esc(rest)) if lang() == "zh" else ""
    figure = lead_figure(answer) or ""
    is_2020 = figure.startswith(str(row.value_2020)) and not figure.startswith(str(row.target_2025))
    label = t("value_label", year=2020) if is_2020 else t("target_label", year=2025)
    other_label = t("target_label", year=2025) if is_2020 else t("value_label", year=2020)
    other = row.target_2025 if is_2020 else row.value_2020
    return t(
        "number_context",
        name=plan(esc(row.name)),
        label=esc(label),
        other_label=esc(other_label),
        other=plan(esc(f"{other}{row.unit}")),
    )


def _target_rows() -> set[str]:
    """The chunk ids of the targets tables' rows (2020 value | 2025 target)."""
    kb = knowledge_base()
    return {r.row_id for r in kb.indicators()} if kb is not None else set()


def _citations(turn: int, answer: Any) -> None:
    st.caption(t("sources"))
    several = answer.several_documents  # whose 前言: the document's title first
    rows = _target_rows()
    for c in answer.citations:
        title = f"《{c.doc_title}》 " if several and c.doc_title else ""
        with (
            st.container(key=_key(turn, c.n)),
            st.expander(md(f"[{c.n}] {title}{short_address(c.section)}")),
        ):
            st.caption(md(where(c.doc_title, c.section)))
            if c.id in rows:  # a targets row: what its bare numbers are
                st.caption(" | ".join(t(k) for k in ("indicator", "v2020", "v2025")))
            quoted = [cl for g in answer.groups for cl in g.clauses if cl.citation == c.n]
            body = esc(c.text)
            for cl in quoted:
                body = body.replace(esc(cl.text), f"<mark>{esc(cl.text)}</mark>")
            st.markdown(f"<div>{plan(body)}</div>", unsafe_allow_html=True)
            with st.container(horizontal=True, vertical_alignment="center"):
                nav.reader_link(c.doc, c.id)
                copy_button(citation_text(c), t("copy_citation"))


def _not_found(answer: Any) -> None:
    st.warning(t("not_found"))
    related = [h for h in answer.related if h.matched]
    if not related:
        st.caption(t("nothing_related"))
        return
    st.caption(t("related"))
    for hit in related:
        nav.reader_link(hit.doc, hit.id, short_address(hit.section) or hit.doc_title)
