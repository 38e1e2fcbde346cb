"""Counts of the items a sentence lists: how many a question asks when the plan names
them one by one and never says the number.

Four shapes of a list, each item said with (or named by) the word the question counts by:

- quoted items side by side: 采取“项目+人才”“产业+人才”“载体+人才”“活动+人才”等模式 — four
  “…+人才” (asked: 几种“某某+人才”的模式; the 某某 is a placeholder), or four 模式;
- items joined by 、 和 及, each ending with the word: 使企业成为需求创新的主体、创新决策的
  主体、…和科技成果应用的主体 — five 主体;
- clauses set off by ；, each opening with the word: 对基础人才，突出…；对应用研究和科技开发
  人才，突出…；… — one kind of 人才 each;
- items joined by 、 和 及 before 等 and the word, the kind they are of: 指纹识别、静脉识别、
  人脸识别、虹膜识别等生物识别技术 — four 生物识别技术.

A list needs two items at least; the longest list of any of the question's words, in the
first passage (in rank order) that has one, is the count.

Example::

    listed("采取“项目+人才”“产业+人才”“载体+人才”等模式", ["+人才"])   # (3, 2, 26)
"""

from __future__ import annotations

import re

from kb.answer_numbers import NumberFound
from kb.counts import asked_counter
from kb.coverage import FocusTerm
from kb.search import Hit

__all__ = ["count_listed", "counted_words", "first_list", "listed"]

#: Words a question writes in place of the varying part of an item (“某某+人才”).
_PLACEHOLDER = re.compile(r"某某|某|XX|xx|什么|……|…|\.\.\.")
_QUOTED = re.compile(r"[“\"]([^”\"]{1,24})[”\"]")
#: A run of quoted items: nothing between them but 、 or a space.
_QUOTE_RUN = re.compile(r"(?:“[^”]{1,24}”[、\s]?){2,}")
_JOINED = re.compile(r"、|和|及")
#: A stretch of a sentence between its stops and commas: where one list's items stand.
_STRETCH = re.compile(r"[^，,。；;：:\n]+")
_MIN_ITEMS = 2


def counted_words(question: str, focus: list[str]) -> list[str]:
    """The words a list's items may be said with: the fixed part of each term the
    question quotes (+人才 of “某某+人才”, 主体 of “主体”), then its focus words."""
    quoted = [_PLACEHOLDER.sub("", q).strip() for q in _QUOTED.findall(question)]
    return list(dict.fromkeys([q for q in quoted if len(q) >= 2] + focus))


def listed(text: str, words: list[str]) -> tuple[int, int, int] | None:
    """The longest list in ``text`` whose items are said with one of ``words``:
    ``(items, start, end)`` of the list, or ``None`` when there is none of two items."""
    best: tuple[int, int, int] | None = None
    for word in words:
        shapes = (_quote_runs, _joined, _frames, _kinds_of)
        for found in (f for shape in shapes for f in shape(text, word)):
            if found[0] >= _MIN_ITEMS and (best is None or found[0] > best[0]):
                best = found
    return best


def first_list(passages: list[Hit], words: list[str]) -> tuple[Hit, int, int, int] | None:
    """The first passage (in rank order) with a list (:func:`listed`), as ``(passage,
    items, start, end)``, or ``None``."""
    for passage in passages:
        found = listed(passage.text, words)
        if found is not None:
            return (passage, *found)
    return None


#: Counters a list's count is written with (几种 → 4种); others count in 个.
_OWN_COUNTER = frozenset("种类项条个")


def count_listed(question: str, relevant: list[Hit], focus: list[FocusTerm]) -> NumberFound | None:
    """The count a question asks (几种, 几个方面, how many), as the number of items the
    first relevant passage lists (:func:`first_list`); ``None`` when it asks no count
    of things, or no passage lists them."""
    counter = asked_counter(question)
    if counter is None or (len(counter) > 1 and counter not in ("部委", "部门")):
        return None  # no count asked, or a duration (多长时间)
    words = counted_words(question, [t for f in focus for t in (f.word, *f.alternatives)])
    found = first_list(relevant, words)
    if found is None:
        return None
    hit, items, start, end = found
    value = f"{items}{counter if counter in _OWN_COUNTER else '个'}"
    return NumberFound(value, f"**{value}**", [(hit, start, end)])


def _quote_runs(text: str, word: str) -> list[tuple[int, int, int]]:
    """Runs of quoted items that all say ``word`` (“项目+人才”“产业+人才”), or that it
    names after them (“揭榜挂帅”“赛马制”等方式)."""
    runs = []
    for m in _QUOTE_RUN.finditer(text):
        items = _QUOTED.findall(m.group())
        named_after = re.match(rf"等?{re.escape(word)}", text[m.end() :])  # “…”“…”等方式
        if named_after or all(word in item for item in items):
            runs.append((len(items), m.start(), m.end()))
    return runs


def _joined(text: str, word: str) -> list[tuple[int, int, int]]:
    """Items of one clause joined by 、 和 及, consecutive ones ending with ``word``."""
    runs = []
    for clause in _STRETCH.finditer(text):
        count, first, last, at = 0, 0, 0, clause.start()
        for piece in _JOINED.split(clause.group()):
            end = at + len(piece)
            if piece.endswith(word) and len(piece) > len(word):
                count, first, last = count + 1, first if count else at, end
            else:
                if count:
                    runs.append((count, first, last))
                count = 0
            at = end + 1
        if count:
            runs.append((count, first, last))
    return runs


def _kinds_of(text: str, word: str) -> list[tuple[int, int, int]]:
    """Items of one clause joined by 、 和 及 before 等 and ``word``, the kind they are
    of: 指纹识别、静脉识别、人脸识别、虹膜识别等生物识别技术 — four (the first item keeps
    the words that lead into the list)."""
    runs = []
    for clause in _STRETCH.finditer(text):
        said = clause.group()
        for kind in re.finditer(rf"等[^、和及等]{{0,6}}?{re.escape(word)}", said):
            items = [p for p in _JOINED.split(said[: kind.start()]) if p.strip()]
            if len(items) >= _MIN_ITEMS:
                runs.append((len(items), clause.start(), clause.start() + kind.end()))
    return runs


def _frames(text: str, word: str) -> list[tuple[int, int, int]]:
    """Clauses set off by ；, consecutive ones opening with a head (up to its ，) that ends
    with ``word``: …标准和方式，对基础人才，…；对应用研究和科技开发人才，… (the first
    item may follow what leads into the list)."""
    runs, count, first, last, at = [], 0, 0, 0, 0
    for part in re.split(r"(?<=[；;])", text):
        clauses = re.split(r"(?<=[，,：:])", part)
        heads = clauses[:-1] if count else clauses[:-1][::-1]  # the first: its last head
        head = next((c for c in heads if _said_by(c.rstrip("，,：:"), word)), None)
        if head is not None and (count == 0 or head is clauses[0]):
            start = at + part.index(head)
            count, first, last = count + 1, first if count else start, at + len(part)
        else:
            if count:
                runs.append((count, first, last))
            count = 0
        at += len(part)
    if count:
        runs.append((count, first, last))
    return runs


def _said_by(head: str, word: str) -> bool:
    return len(head) > len(word) and head.endswith(word)
