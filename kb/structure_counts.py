"""Counts of a document's own structure: how many boxes a chapter sets, how many areas a
box lists, how many principles a section names.

A plan rarely writes such a count down (专栏17 lists 1．健康医药 … 6．社会治理 and never says
"six"), so no clause answers 社会民生领域技术攻关专栏里列了几个领域; the tree does. A question
is read as one about the structure when it asks a count (几个, 多少个, how many) of a part
the tree holds — it names a heading (by its number, 第四章, 专栏17, or by most of its
words) and either counts a structural noun (专栏, 领域, 方面, 原则 …; boxes, areas …) or
says the heading lists them (列了, 包括, 分为; list, include). The answer is the number of
the heading's parts, each part quoted by its heading.

Example::

    counter = StructureCounts(kb)
    found = counter.answer("社会民生领域技术攻关专栏里列了几个领域？", focus=[])
    found.value, found.lead   # '6个', '**6个**（专栏17 社会民生领域技术攻关：1．健康医药、…）'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ingest.lines import cn_number
from ingest.tree import Node
from kb.answer_numbers import NumberFound
from kb.coverage import FocusTerm
from kb.protocols import Index
from kb.search import Hit
from kb.tokenize import is_english

__all__ = ["StructureCounts"]

#: The phrase a count question counts: what follows 几个 / 多少个 / how many.
_COUNTED = re.compile(
    r"(?:几|多少)([个项条类大部种]?)([^，。？?；、]{0,12})|\bhow many ([a-z ]{0,40})", re.I
)
#: Where an English counted phrase ends: its verb or preposition (how many systems | does
#: chapter 4 set out), so a heading named after it is not read as the thing counted.
_PHRASE_END = re.compile(
    r"\b(?:does|do|did|is|are|was|were|has|have|had|will|can|could|should|would|in|of|on|"
    r"for|under|at)\b",
    re.I,
)
#: Nouns that name parts of a plan's structure (专栏 and chapters first: they are counted
#: over the whole heading, the others among its own parts).
_PART = re.compile(
    r"专栏|章|领域|方面|原则|任务|计划|措施|工程|行动|部分|板块|重点|产业|专项"
    r"|名词|词条|小节|小项|子项|条目|层面|角度|维度"
    r"|\b(?:box|column|chapter|(?:sub)?section|area|field|sector|aspect|principle|task|plan|"
    r"programme|program|measure|part|industry|industrie|item|term)(?:es|s)?\b",
    re.I,
)
#: Parts counted over the whole heading (or document) named, not among its own parts.
_WHOLE = {"专栏": "box", "box": "box", "column": "box", "章": "chapter", "chapter": "chapter"}
#: Words that say a heading lists its parts, or asks how many it has.
_LISTS = re.compile(
    r"列了|列出|列有|列举|(?<!建)设了|设置|设有|包括|包含|分为|分成|分了|涵盖|部署了|提出了|有哪几|[有共](?:几|多少)"
    r"|\b(?:list|lists|listed|include|includes|cover|covers|set out|sets out|contain|contains)\b",
    re.I,
)
#: A heading named by its number: 第四章, 专栏17 / 专栏十七.
_NUMBERED = re.compile(
    r"第([一二三四五六七八九十\d]+)章|专栏\s*([一二三四五六七八九十\d]+)"
    r"|\bchapter\s+(\d+)\b|\b(?:box|column)\s+(\d+)\b",
    re.I,
)
#: A section named by its number inside a chapter: 第六章第六节, section 六 (6) of chapter 6.
_SECTION = re.compile(
    r"第([一二三四五六七八九十\d]+)节|\bsection\s+([一二三四五六七八九十]+|\d+)\b", re.I
)
#: Kinds a heading's parts may be (a paragraph counts when it has a lead title: 坚持…).
_PARTS = ("chapter", "section", "subsection", "box", "item", "subitem", "term")
#: Kinds of heading a question can name (a glossary's parts are its terms).
_HEADINGS = ("chapter", "section", "subsection", "box", "item", "glossary")
#: A structural noun said right before the question word (带“智慧”的专栏有几个).
_NOUN_BEFORE = re.compile(r"(专栏|章|领域|方面|原则|任务|计划|措施)(?:一共|共|总共)?[有是]?$")
#: A quoted phrase the counted parts must carry: 名称中带“倍增计划”的有几个, 含有“示范”的.
_CARRIES = re.compile(r"(?:带|含|含有|包含|带有|名为|叫)[^“”\"，。]{0,2}[“\"]([^”\"]{2,16})[”\"]")
_QUOTED = re.compile(r"[“\"]([^”\"]{2,16})[”\"]")
#: Parts told apart by a parallel frame, asked as 从几个方面来看 / 从哪几个层面分析: the
#: paragraphs that open 从国际环境看, 从六盘水市内看.
_FRAMES_ASKED = re.compile(r"从(?:几|多少|哪几)个?[^，。？?]{0,8}?(?:来|去)?(?:看|分析|阐述|展开)")
_FRAME = re.compile(r"^从[^，。；]{1,12}?(?:来看|看)")
#: An ellipsis inside a quoted pattern (“深化……改革”): any words between.
_ELLIPSIS = re.compile(r"…+|\.{3,}|⋯+")
#: Counters of things no plan's structure is made of: 多少家 (laboratories), 几名, 多少元.
_THING_COUNTER = re.compile(r"^(?:[家人位所座台户元吨]|名(?!词)|万|亿)")
#: What may follow a structural noun that heads the counted phrase (几个领域的, 几个方面需要);
#: any other word after it makes the noun a modifier (几家省重点实验室: laboratories).
_AFTER_HEAD = re.compile(r"^(?:$|[的呢吗啊呀？?、，]|是|有|在|需|要|被|来|用|了|和|与|及|分别|都)")
#: Of a heading's words, at least this share must be in the question to name it.
_NAMED_SHARE = 0.75
_MIN_NAMED = 4


def _said_share(title: str, words: str) -> float:
    """The share of a heading's title the question says (in runs of two characters or
    more); 0 for a title too short to be named by its words."""
    if len(title) < _MIN_NAMED:
        return 0.0
    blocks = SequenceMatcher(None, title, words, autojunk=False)
    return sum(b.size for b in blocks.get_matching_blocks() if b.size >= 2) / len(title)


@dataclass(frozen=True)
class _Heading:
    doc: str
    node: Node
    path: tuple[Node, ...]


def _singular(word: str) -> str:
    return re.sub(r"(?<=x)es$|s$", "", word) if word.isascii() else word


def _parts(node: Node) -> list[Node]:
    """The node's countable parts; through a heading that only holds one box (（一）能源产业
    holds 专栏1) to the box's; of a box that only holds a table (专栏1 “十四五”时期发展目标),
    its rows (the indicators)."""
    parts = [c for c in node.children if c.kind in _PARTS or (c.kind == "paragraph" and c.title)]
    if len(parts) == 1 and parts[0].kind == "box":
        return _parts(parts[0])
    tables = [c for c in node.children if c.kind == "table"]
    if not parts and len(tables) == 1:
        return [r for r in tables[0].children if r.kind == "table_row"]
    return parts


def _carried(question: str, counted: str, frames: bool = False) -> re.Pattern[str] | None:
    """The phrase the counted parts must carry, as a pattern: the parallel frame asked
    (``frames``: 从几个方面来看 → 从…看), said after 带/含 (名称中带“倍增计划”的), or quoted
    as what is counted (几项“深化……改革”); ``None`` if none."""
    if frames:
        return _FRAME
    said = _CARRIES.search(question) or _QUOTED.search(counted)
    if said is None:
        return None
    pieces = [re.escape(p) for p in _ELLIPSIS.split(said.group(1)) if p]
    return re.compile(".{0,24}?".join(pieces)) if pieces else None


class StructureCounts:
    """Answers count questions about a document's structure from its tree (module doc).

    :param kb: the loaded index (its trees and chunks).
    """

    def __init__(self, kb: Index) -> None:
        self.kb = kb

    def answer(
        self, question: str, focus: list[FocusTerm], doc: str | list[str] | None = None
    ) -> NumberFound | None:
        """The count of the parts of the heading the question names, or ``None`` when it
        does not ask one (see module doc).

        :param focus: the question's focus terms (an English question names a heading
            through their Chinese renderings).
        """
        counted = _COUNTED.search(question)
        if counted is None:
            return None
        phrase = counted.group(2) or _PHRASE_END.split(counted.group(3) or "")[0]
        if not counted.group(1) and _THING_COUNTER.match(counted.group(2) or ""):
            return None
        said = list(_PART.finditer(phrase))
        nouns = [_singular(m.group().lower()) for m in said]
        if counted.group(2) and said and not _AFTER_HEAD.match(phrase[said[-1].end() :]):
            nouns = []  # the last noun must head the phrase (not the 重点 of 重点实验室)
        before = _NOUN_BEFORE.search(question[: counted.start()])
        if not nouns and before:  # …的专栏有几个: the noun said before the question word
            nouns = [before.group(1)]
        frames = bool(_FRAMES_ASKED.search(question))  # 从几个方面分析: parts by a frame
        lists = frames or _LISTS.search(question)
        if not nouns and (not lists or not (counted.group(1) or counted.group(3))):
            return None  # 多少亿元 counts nothing of the structure
        english = is_english(question)
        head = (nouns[:1] if english else nouns[-1:]) or [""]  # items of box 17;
        noun = head[0] if head[0] in _WHOLE else ""  # 产业技术攻关专栏: the head noun
        docs = [doc] if isinstance(doc, str) else doc or list(self.kb.trees)
        # an English question names a heading through its words' Chinese renderings; a
        # Chinese one by its own words (a stand-in, 智慧旅游 for 旅游, names no heading)
        renderings = [w for f in focus for w in (f.word, *f.alternatives)] if english else []
        named = self._named(" ".join([question, *renderings]), docs)
        if noun:  # boxes (chapters) of the heading named, else of the one document asked
            if named is None and len(docs) != 1:
                return None
            root = named.node if named else self.kb.trees[docs[0]].root
            doc_id = named.doc if named else docs[0]
            parts = [n for n, _ in root.walk() if n.kind == _WHOLE[noun] and n is not root]
        elif named is not None:
            doc_id, parts = named.doc, _parts(named.node)
        else:
            return None
        carries = _carried(question, counted.group(2) or "", frames)
        if carries is not None:  # 带“倍增计划”的: only the parts that carry it
            if not noun and named is not None:  # untitled paragraphs too (深化……改革。)
                parts = [c for c in named.node.children if c.kind in (*_PARTS, "paragraph")]
            parts = [p for p in parts if carries.search(self._lead(doc_id, p))]
            if not parts:
                return None
        elif len(parts) < 2:
            return None
        return self._found(doc_id, named, parts, counted.group(1), english, carries)

    def _lead(self, doc: str, node: Node) -> str:
        """A part's heading, or the first sentence of its text when it has none."""
        if node.heading or node.title:
            return node.heading or node.title
        opens = self.kb.opening(doc, node.id)
        return re.split(r"[。；]", opens.content, maxsplit=1)[0] if opens else ""

    def _label(self, doc: str, node: Node, carries: re.Pattern[str] | None) -> str:
        """How a part is named in the lead: its heading, else what the pattern it was
        picked by matched in its first sentence, else that sentence."""
        lead = self._lead(doc, node)
        said = None if node.heading or node.title or carries is None else carries.search(lead)
        return said.group() if said else lead

    def _named(self, words: str, docs: list[str]) -> _Heading | None:
        """The heading the question names: by its number first (or a heading inside it
        named by its number, 第六章第六节, or by every word of its title), else the one
        most of whose words the question says (the deepest of equals)."""
        numbered = {
            ("chapter", cn_number(m.group(1) or m.group(3)))
            if m.group(1) or m.group(3)
            else ("box", cn_number(m.group(2) or m.group(4)))
            for m in _NUMBERED.finditer(words)
        }
        sections = {cn_number(m.group(1) or m.group(2)) for m in _SECTION.finditer(words)}
        best: tuple[float, int, _Heading] | None = None
        for d in docs:
            for node, path in self.kb.trees[d].root.walk():
                if node.kind not in _HEADINGS:
                    continue
                share = _said_share(node.title, words)
                inside = any((p.kind, cn_number(p.number)) in numbered for p in path)
                if node.kind == "section" and cn_number(node.number) in sections and inside:
                    score = 3.0  # section 六 of chapter 6: over the chapter
                elif (node.kind, cn_number(node.number)) in numbered:
                    score = 2.0 + share  # of two 专栏1, the one whose title it says too
                elif share >= 1.0 and inside:  # 第七章“深化科技体制改革”一节: the section,
                    score = 3.0  # over the chapter (which may share some of its words too)
                else:
                    score = share
                if score >= _NAMED_SHARE and (best is None or (score, len(path)) > best[:2]):
                    best = (score, len(path), _Heading(d, node, path))
        return best[2] if best else None

    def _found(
        self,
        doc: str,
        named: _Heading | None,
        parts: list[Node],
        counter: str | None,
        english: bool,
        carries: re.Pattern[str] | None = None,
    ) -> NumberFound:
        """The count as the answer's figure, the parts named in its lead, each cited.

        :param counter: the counter asked (条 of 几条); 项, 条 and 类 are kept, others read 个.
        :param carries: what the parts were picked by: an untitled part is named in the
            lead by what of it matched (从国际环境看), not by its whole first sentence.
        """
        unit = counter if counter in ("项", "条", "类") else "个"
        value = f"{len(parts)}{unit}"
        where = named.node.heading or named.node.title if named else ""
        listed = "、".join(self._label(doc, p, carries) for p in parts)
        if english:
            lead = f"**{len(parts)}** ({where + ': ' if where else ''}{listed})"
        else:
            lead = f"**{value}**（{where + '：' if where else ''}{listed}）"
        quotes = []
        for part in parts:
            opens = self.kb.opening(doc, part.id)  # its own first chunk, or a descendant's
            if opens is None:
                continue
            hit = Hit.from_chunk(opens)
            heading = part.heading or part.title
            if part.title and hit.text.startswith(heading):
                end = len(heading)  # 1．健康医药
            else:  # an untitled part (1．) or one whose text starts below its heading
                end = next((m.end() for m in re.finditer("[。；]", hit.text)), 60)
                end = min(end, 60, len(hit.text))
            quotes.append((hit, 0, end))
        start, end = (named.node if named else self.kb.trees[doc].root).span
        return NumberFound(value, lead, quotes, counts=(doc, start, end))
