"""问答 Ask: a question box with history; answers grouped by section, every clause cited."""

import streamlit as st

from kb import KBError
from pages.ui import address, browse_link, esc, get_kb, md, t

kb = get_kb()
if kb is None:
    st.stop()
st.title(f"{t('ask')}")
history = st.session_state.setdefault("history", [])


def show(question: str, answer) -> None:
    with st.chat_message("user"):
        st.text(question)
    with st.chat_message("assistant"):
        if answer.notice:
            st.info(md(answer.notice))
        if not answer.found:
            st.warning(t("not_found"))
            st.caption(t("related"))
            for hit in answer.related:
                browse_link(hit.doc, hit.id, address(hit.section) or hit.doc_title)
            return
        lead = answer.answer.split("\n\n", 1)[0]
        if answer.kind.startswith("number"):
            st.markdown(f"### {md(lead.replace('**', ''))}")
        elif "generated" in answer.kind:
            st.markdown(f"<div>{esc(answer.answer)}</div>", unsafe_allow_html=True)
        for group in answer.groups:
            lines = "".join(
                f"<li>{esc(c.text)} <sup>[{c.citation}]</sup></li>" for c in group.clauses
            )
            heading = esc(address(answer.heading(group)))
            st.markdown(
                f"<div class='pkb-section'><b>{heading}</b><ul>{lines}</ul></div>",
                unsafe_allow_html=True,
            )
        st.caption(t("sources"))
        for c in answer.citations:
            with st.expander(md(f"[{c.n}] {address(c.section)}")):
                quoted = [cl for g in answer.groups for cl in g.clauses if cl.citation == c.n]
                body = esc(c.text)
                for cl in quoted:
                    body = body.replace(esc(cl.text), f"<mark>{esc(cl.text)}</mark>")
                st.markdown(body, unsafe_allow_html=True)
                browse_link(c.doc, c.id)


for past_question, past_answer in history:
    show(past_question, past_answer)

question = st.chat_input(t("question"))
if question:
    try:
        answer = kb.ask(question)
    except KBError as exc:
        st.error(md(str(exc)))
    else:
        history.append((question, answer))
        show(question, answer)
