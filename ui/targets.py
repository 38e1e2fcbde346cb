"""规划指标 Targets: the targets table (2020 vs 2025) as a table and as charts, each cited.

The table is plain HTML that wraps on a phone (no sideways scrolling); the charts follow
the table's order, one small chart per indicator with its values written on the bars,
two to a row on a desktop and one on a phone.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui import nav
from ui.common import esc, knowledge_base, plan
from ui.export import targets_csv
from ui.strings import lang, t

__all__ = ["render"]


def _number(value: float | int) -> str:
    return f"{value:g}"


def _growth(row: Any) -> str:
    """The change from 2020 to 2025: percentage points for a percentage (0.89% → 1.8%
    is +0.91个百分点, not ×2.02), else a factor."""
    if "%" in row.unit:
        return t("points", n=f"{row.target_2025 - row.value_2020:+.2f}".rstrip("0").rstrip("."))
    return f"×{row.target_2025 / row.value_2020:.2f}" if row.value_2020 else "–"


def _table(rows: list[Any]) -> str:
    head = (
        f"<tr><th>{esc(t('indicator'))}</th><th class='n'>{esc(t('v2020'))}</th>"
        f"<th class='n'>{esc(t('v2025'))}</th><th class='n'>{esc(t('growth'))}</th></tr>"
    )
    body = "".join(
        f"<tr><td>{plan(esc(r.name))} <small>{plan(esc(r.unit))}</small></td>"
        f"<td class='n'>{_number(r.value_2020)}</td><td class='n'>{_number(r.target_2025)}</td>"
        f"<td class='n'>{_growth(r)}</td></tr>"
        for r in rows
    )
    return f"<table class='pkb-table'><thead>{head}</thead><tbody>{body}</tbody></table>"


def _chart(row: Any) -> Any:
    import altair as alt
    import pandas as pd

    data = pd.DataFrame(
        {
            "year": [t("year_2020"), t("year_2025")],
            "value": [row.value_2020, row.target_2025],
            "label": [_number(row.value_2020), _number(row.target_2025)],
        }
    )
    top = max(row.value_2020, row.target_2025) or 1
    base = alt.Chart(data).encode(
        y=alt.Y("year:N", title=None, sort=None, axis=alt.Axis(labelPadding=6, ticks=False)),
        x=alt.X("value:Q", title=None, axis=None, scale=alt.Scale(domain=[0, top * 1.18])),
    )
    bars = base.mark_bar(cornerRadiusEnd=2).encode(
        color=alt.Color("year:N", legend=None, scale=alt.Scale(range=["#9ecae1", "#1f6fb4"]))
    )
    labels = base.mark_text(align="left", dx=4, fontSize=12).encode(text="label:N")
    title = alt.TitleParams(f"{row.name}（{row.unit}）", anchor="start", fontSize=13, offset=6)
    return (bars + labels).properties(height=alt.Step(22), title=title)


def render() -> None:
    """The Targets page."""
    kb = knowledge_base()
    if kb is None:
        return
    st.title(t("targets"))
    rows = kb.indicators()
    if not rows:
        st.info(t("no_targets"))
        return
    titles = {r.doc: kb.document(r.doc).title for r in rows}
    st.download_button(
        t("export_targets_csv"),
        targets_csv(rows, titles, lang()),
        file_name="policykb-targets.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )
    by_doc: dict[str, list[Any]] = {}
    for r in rows:
        by_doc.setdefault(r.doc, []).append(r)
    for doc, doc_rows in by_doc.items():  # whose targets they are, table by table
        st.subheader(t("targets_from", title=kb.document(doc).title), divider="gray")
        st.markdown(_table(doc_rows), unsafe_allow_html=True)
        st.caption(t("chart_caption"))
        for start in range(0, len(doc_rows), 2):
            for col, row in zip(st.columns(2), doc_rows[start : start + 2], strict=False):
                col.altair_chart(_chart(row), width="stretch")
    with st.expander(t("row_sources")):
        for r in rows:
            nav.reader_link(
                r.doc,
                r.row_id,
                f"{r.name}：{_number(r.value_2020)} → {_number(r.target_2025)} {r.unit}",
            )
