"""项目匹配 Fit: a project description in, verdict, matching items and measures out."""

import streamlit as st

from kb import KBError
from pages.ui import address, browse_link, esc, get_kb, md, t

kb = get_kb()
if kb is None:
    st.stop()
st.title(f"{t('fit')}")
text = st.text_area(t("project"), height=160, key="fit_text")
if st.button(t("check"), type="primary") and text.strip():
    try:
        report = kb.fit(text)
    except KBError as exc:
        st.error(md(str(exc)))
    else:
        verdict = t(f"{report.verdict}_label")
        box = {"fit": st.success, "partial": st.warning, "no_fit": st.error}[report.verdict]
        box(f"{t('verdict')}: {verdict} ({report.score:.2f}) — {md(report.reason)}")
        for title, rows in ((t("matches"), report.matches), (t("measures"), report.measures)):
            if rows:
                st.subheader(title)
            for m in rows:
                label = f"<b>{esc(m.label)}</b>：" if m.label else ""
                st.markdown(
                    f"{label}“{esc(m.text)}”<br><small>{esc(address(m.section))}</small>",
                    unsafe_allow_html=True,
                )
                browse_link(m.doc, m.id)
        st.download_button(
            t("download"), report.to_markdown(), file_name="fit-report.md", mime="text/markdown"
        )
