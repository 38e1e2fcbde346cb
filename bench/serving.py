"""Peak memory of a serving process: load an index, warm up, answer queries, print RSS.

``python -m bench.serving --index DIR`` prints ``{"rss_mb": …, "torch_loaded": …}``. By
default torch is kept out (as in the default install, which has no torch): Haystack
imports torch whenever it is installed, and the test environment installs it for the
sentence-transformers extra. ``--allow-torch`` measures with it.
"""

from __future__ import annotations

import argparse
import json
import sys

from bench.timing import peak_rss_mb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serving")
    parser.add_argument("--index", required=True)
    parser.add_argument("--allow-torch", action="store_true", help="let Haystack import torch")
    args = parser.parse_args(argv)
    if not args.allow_torch:
        sys.modules["torch"] = None  # type: ignore[assignment]  # import torch → ImportError
    from kb import KnowledgeBase

    kb = KnowledgeBase.open(args.index)
    kb.warm_up()
    for q in (
        "哪些氢能技术被列为重点？",
        "hydrogen fuel cell",
        "科技金融",
        "2025年高新技术企业目标是多少家",
    ):
        kb.search(q, k=10)
        kb.ask(q)
    kb.fit("我们计划研发煤矿井下巡检机器人")
    rss = peak_rss_mb()
    print(json.dumps({"rss_mb": rss, "torch_loaded": sys.modules.get("torch") is not None}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
