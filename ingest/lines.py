"""What one line of a policy document is: a heading, an item, or prose.

The parser (:mod:`ingest.parse`) reads a document line by line; this module names each
line's kind by its marker — 第X章 / 第X节 / 一、 / （一） / 专栏N / 1． / （1） / 附录 /
名词解释 / Markdown ``#`` — and finds the headings that carry no marker: a work report's
parts (2024年工作回顾), a short line heading a list of （一）…, a heading broken over two
lines.

Example::

    classify("（三）推进高校科研院所专业化技术转移机构建设")   # ("subsection", "三", 3)
"""

from __future__ import annotations

import re

from ingest.table import Line

__all__ = [
    "CHINESE_DIGITS",
    "CHINESE_NUMERAL",
    "GLOSSARY_TITLES",
    "PATTERNS",
    "classify",
    "cn_number",
    "continued",
    "heads_a_list",
    "numeral_in",
    "split_lines",
]

#: The characters of a Chinese numeral (第十二, 二〇二五, 两), for patterns that read one.
CHINESE_DIGITS = "零〇一二两三四五六七八九十百"
#: A small number in Chinese numerals, as counts and ordinals write it (四, 十九, 一百).
CHINESE_NUMERAL = f"[{CHINESE_DIGITS}]{{1,3}}"
_NUM = f"[{CHINESE_DIGITS}]+"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("chapter", re.compile(rf"第({_NUM}|\d+)章 *")),
    ("section", re.compile(rf"第({_NUM}|\d+)节 *")),
    ("section", re.compile(rf"({_NUM})、 *")),
    ("subsection", re.compile(rf"[（(]({_NUM})[）)] *")),
    ("box", re.compile(r"专栏 *(\d+) *")),
    ("subitem", re.compile(r"[（(](\d{1,2})[）)] *")),
    ("item", re.compile(r"(\d{1,2})(?:\.|、)(?!\d) *")),
    ("appendix", re.compile(r"(附录|附件)(?: *\d+)? *[:：]? *")),
    ("markdown", re.compile(r"(#{1,6}) +")),
]
#: An unnumbered part of a work report (2024年工作回顾, 2025年工作安排建议): a section, as
#: 一、2024年工作回顾 is in the reports that number it.
_PART = re.compile(
    r"(?:19|20)\d\d年(?:[^，。：；、,:;]{0,6})工作(?:回顾|总结|安排|部署|任务)(?:建议)?"
)
GLOSSARY_TITLES = {"名词解释", "名词术语", "术语解释", "名词术语解释"}


def cn_number(text: str) -> int:
    """The value of a Chinese or Arabic numeral (``十二`` → 12, ``二十`` → 20, ``7`` → 7)."""
    if text.isdigit():
        return int(text)
    digits = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
    digits.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


def numeral_in(term: str) -> int | None:
    """The number a term holds in Chinese numerals (``四个面向`` → 4, ``双轮驱动`` → 2, as
    两; ``四两拨千斤`` → 4: a 两 after a digit is the weight liang), ``None`` if none."""
    found = re.search(f"[{CHINESE_DIGITS}]+", term.replace("双", "两"))
    if found is None:
        return None
    run = found.group()
    if run[1:2] == "两" and run[0] not in "十百":
        run = run[0]
    return cn_number(run)


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip(" ")
        start = pos + (len(raw) - len(raw.lstrip(" ")))
        lines.append(Line(stripped, start, start + len(stripped)))
        pos += len(raw) + 1
    return lines


def classify(text: str) -> tuple[str, str, int] | None:
    if text in GLOSSARY_TITLES:
        return "glossary", "", 0
    if _PART.fullmatch(text):
        return "part", "", 0
    for kind, pattern in PATTERNS:
        m = pattern.match(text)
        if (m and m.end() < len(text)) or (m and kind == "appendix"):
            return kind, m.group(1), m.end()
    return None


def continued(title: str, lines: list[Line], i: int) -> bool:
    """Does a short heading go on in the next line (三、持续提升政府 / 治理效能和服务水平)?
    Both parts hold no punctuation, and the next line is no heading of its own."""
    if i + 1 >= len(lines) or not re.fullmatch(r"[\u4e00-\u9fff]{2,12}", title):
        return False
    following = lines[i + 1].text
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,12}", following)) and classify(following) is None


def heads_a_list(text: str, lines: list[Line], i: int) -> bool:
    """Is an unnumbered short line (加强政府自身建设) the heading of the list of （一）… that
    follows it? Such a line holds no punctuation and is followed by （一）, at most one
    paragraph of introduction between."""
    if not re.fullmatch(r"[\u4e00-\u9fff\d]{4,16}", text):
        return False
    after = (lines[j].text for j in range(i + 1, len(lines)) if lines[j].text)  # no copy
    for found in (classify(text) for text, _ in zip(after, range(2), strict=False)):
        if found is not None:
            return found[0] == "subsection" and cn_number(found[1]) == 1
    return False
