"""规划指标 Targets: the targets table (2020 vs 2025) as a table and a chart, each cited."""

import altair as alt
import pandas as pd
import streamlit as st

from pages.ui import browse_link, get_kb, t

kb = get_kb()
if kb is None:
    st.stop()
st.title(f"{t('targets')}")
rows = kb.indicators()
if not rows:
    st.info(t("no_results"))
    st.stop()
table = pd.DataFrame(
    {
        t("indicator"): [r.name for r in rows],
        t("unit"): [r.unit for r in rows],
        t("v2020"): [r.value_2020 for r in rows],
        t("v2025"): [r.target_2025 for r in rows],
        t("growth"): [
            round(r.target_2025 / r.value_2020, 2) if r.value_2020 else None for r in rows
        ],
    }
)
st.dataframe(table, hide_index=True, width="stretch")

long = pd.DataFrame(
    [
        {"indicator": f"{r.name}（{r.unit}）", "year": year, "value": value}
        for r in rows
        for year, value in (("2020", r.value_2020), ("2025", r.target_2025))
    ]
)
chart = (
    alt.Chart(long)
    .mark_bar()
    .encode(
        x=alt.X("value:Q", title=None),
        y=alt.Y("year:N", title=None),
        color=alt.Color("year:N", title=None),
        tooltip=["indicator", "year", "value"],
    )
    .properties(height=48, width=260)
    .facet(facet=alt.Facet("indicator:N", title=None), columns=2)
    .resolve_scale(x="independent")
)
st.altair_chart(chart)
st.caption(t("source"))
for r in rows:
    browse_link(r.doc, r.row_id, f"{r.name}: {r.value_2020} → {r.target_2025} {r.unit}")
