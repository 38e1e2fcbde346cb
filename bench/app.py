"""The app's own figures: first render after the index exists, and time per query.

Run ``python -m bench.app`` (uses the index at ``POLICYKB_INDEX_DIR`` or .policykb).
Drives the real app script with Streamlit's ``AppTest`` in this process: the first
render includes loading the index and warming the models (``st.cache_resource``);
each query is a full script rerun, as a click in the browser causes.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")
QUESTIONS = [
    "哪些氢能技术被列为重点？",
    "2025年高新技术企业目标是多少家",
    "科技特派员",
    "What are the priorities for coal chemical industry?",
    "住房限购政策有哪些",
]
SEARCHES = ["氢能", "矿井水处理", "tea varieties", "科技金融", "北斗应用"]


def main() -> int:
    t = time.perf_counter()
    at = AppTest.from_file(APP, default_timeout=120).run()
    first = time.perf_counter() - t
    ask = []
    for q in QUESTIONS:
        at = AppTest.from_file(APP, default_timeout=120).run()
        t = time.perf_counter()
        at.chat_input[0].set_value(q).run()
        ask.append((time.perf_counter() - t) * 1000)
    at.switch_page("pages/search.py").run()
    search = []
    for q in SEARCHES:
        t = time.perf_counter()
        at.text_input(key="search_query").input(q).run()
        search.append((time.perf_counter() - t) * 1000)
    print("| app | value |\n|---|---|")
    print(f"| first render (loads index and models) | {first:.2f} s |")
    print(f"| ask, full rerun | median {statistics.median(ask):.0f} ms, max {max(ask):.0f} ms |")
    print(
        f"| search, full rerun | median {statistics.median(search):.0f} ms, "
        f"max {max(search):.0f} ms |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
