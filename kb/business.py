"""How a project description says it earns: the business forms it names (sells, rents,
repairs, charges by the job), the research and making it says of itself, and the means it
only uses (大数据, IoT) rather than deals in.

:class:`~kb.keyterms.KeyTerms` counts these per sentence: a project that names more
business forms than making is one that trades or services (``commerce_only``), and a
means only used is background, never evidence.

Example::

    words = project_words()
    business_forms("按次收费，上门清掏化粪池", words, english=False)   # ['按次收费']
    making("我们研发激光甲烷传感器", words, english=False)              # ['研发']
    only_used("大数据", "足疗门店接入大数据平台", words, english=False)  # True
"""

from __future__ import annotations

import re

from kb.description import said

__all__ = ["business_forms", "making", "only_used", "without_fees"]

#: A clause that says the project does not do the work itself (设计和施工仍由矿方负责,
#: 公司不做软件和设备开发, we do not develop): its research and making words do not count.
_DISCLAIMS = re.compile(
    r"不(?:做|搞|从事|涉及|参与|负责|开发|研发|研究|生产|制造|设计|加工)|没有(?:研发|研究|生产)"
    r"|仍由|均由|由[^，,；;。]{1,12}负责"
    r"|do not|don't|does not|doesn't|(?:do|does|did) no |not our own|no in-house",
    re.I,
)
#: Clause bounds, kept by the split so the undisclaimed text reads as written.
_CLAUSE_BOUND = re.compile(r"([，,；;。.])")
#: Charging by the job (按次收费, 按亩收费, 按公里数和头数收运费, billed per metre): a
#: service business form.
_FEE = re.compile(
    r"按[^，,；;。]{1,8}?(?:收费|计费|收取|结算|收钱|算钱|收租|收[^，,；;。按]{1,3}费)"
    r"|(?:charg(?:e|es|ed|ing)|bill(?:s|ed|ing)?|fees?) (?:by the|per) \w+",
    re.I,
)


#: Work taken on for others by the job (常年接煤田勘查的活, 接装修活儿): a contractor's.
_JOBS = re.compile(r"(?:接|揽)[^，,；;。]{0,16}?活(?:儿|计)?(?![动力跃泼性])")

#: Goods sourced from their makers or mines (货都是从几家厂家拿的, 从厂里进货, we buy them
#: from the mills, we buy coal from twenty small mines): a reseller's business form.
_SOURCED = re.compile(
    r"从[^，,；;。]{0,16}?(?:厂家|工厂|厂商|厂里|批发市场)(?:那里|那儿)?(?:拿|进|采购|批发|订)"
    r"|\b(?:buy|buys|bought|source|sources|sourced)(?: [\w,-]+){0,6}? from "
    r"(?:the |local |several |a few |about \w+ |\w+ )?(?:small and medium |small )?"
    r"(?:mills?|factor(?:y|ies)|makers?|manufacturers?|wholesalers?|mines|collieries)\b",
    re.I,
)


#: A shop where things are made (finishing shop, machine shop, paint shop): a workshop.
_WORKSHOP = re.compile(
    r"\b(?:machine|machining|finishing|fabrication|welding|assembly|paint|press|stamping|"
    r"tool|job|steel|metal|sheet-metal|casting|forging) shops?\b"
)


#: A crew of the project's own (our crew of 22, we are a 30-worker building crew): a
#: service it hires out, unlike the crews of others it serves (utility crews, site crews).
_OWN_CREW = re.compile(
    r"\bour (?:[\w-]+ )?crews?\b|\bwe are an? (?:[\w-]+ ){0,3}crews?\b"
    r"|^an? (?:[\w-]+ ){0,2}crews?\b"
)


#: Operating a line or a plant of its own (already operates one juice line): making.
_RUNS_PLANT = re.compile(
    r"\boperat(?:e|es|ed|ing)\b(?=(?:\s+[\w-]+){0,3}?\s+(?:production |processing )?"
    r"(?:lines?|plants?|factor(?:y|ies)|mills?|works|furnaces?|kilns?|smelters?)\b)"
)


def without_fees(text: str) -> str:
    """The text with its charges by the job (按次收费, charging per piece) blanked."""
    return _FEE.sub(" ", text)


def business_forms(folded: str, words: dict[str, frozenset[str]], english: bool) -> list[str]:
    """The business forms a sentence says: ``commerce`` words, charges by the job and
    goods sourced from their makers (a finishing shop or a machine shop is a workshop,
    not a store)."""
    if english:  # a workshop, a plant it runs: making, not trade; a crew of its own
        folded = _RUNS_PLANT.sub("run", _WORKSHOP.sub("workshop", folded))
        folded = _OWN_CREW.sub("crew-for-hire", folded)
    return (
        said(words["commerce"], folded, english)
        + _FEE.findall(folded)
        + _SOURCED.findall(folded)
        + _JOBS.findall(folded)
    )


def making(folded: str, words: dict[str, frozenset[str]], english: bool) -> list[str]:
    """The research and making words a sentence says of the project itself: not in a
    clause that disclaims them (设计和施工仍由矿方负责)."""
    # Clause by clause, not one regex with [^，]* around the keyword: that retried from
    # every start and took 26 s on 20,000 unpunctuated characters.
    kept = (" " if _DISCLAIMS.search(part) else part for part in _CLAUSE_BOUND.split(folded))
    return said(words["make"], "".join(kept), english)


def only_used(word: str, folded: str, words: dict[str, frozenset[str]], english: bool) -> bool:
    """Is ``word`` an ``enabler`` (大数据, IoT, 低碳) or a ``device`` (摄像头, 传感器) the
    sentence only uses? It is the project's work where a clause that says it also says a
    research or making word and no word of use (研发区块链…, not 接入大数据平台)."""
    word = word.replace(" ", "-")  # big data is listed as big-data

    def listed(kind: str) -> bool:  # 大数据平台: an enabler and words every project uses
        return any(
            word == e or (word.startswith(e) and word[len(e) :] in words["generic"])
            for e in words[kind]
        )

    device = listed("device")
    if not device and not listed("enabler"):
        return False
    # ai, not the ai of maintain; robots for robot
    edge = r"(?<![a-z]){}(?:e?s)?(?![a-z])" if word.isascii() else "{}"
    says = re.compile(edge.format(re.escape(word)))
    clauses = [c for c in re.split(r"[，,；;。:：]", folded) if says.search(c.replace(" ", "-"))]
    if any(_sold(says, c, words, english, near=not device) for c in clauses):
        return False  # the goods it deals in (经销工业机器人, distributor of NB-IoT modules)
    return not any(
        making(c, words, english) and not said(words["use"], c, english) for c in clauses
    )


def _sold(
    says: re.Pattern[str],
    clause: str,
    words: dict[str, frozenset[str]],
    english: bool,
    near: bool = False,
) -> bool:
    """Does the clause sell what ``says`` finds: a commerce word before it (经销工业机器人;
    a sales agent distributing robots; not 机器人售卖亭, a robot that sells), just before
    it in Chinese, anywhere before it in an English clause — or, ``near``, within its
    last few words (a distributor of NB-IoT modules, not a store that adds IoT scales)?"""
    found = says.search(clause.replace(" ", "-"))
    if found is None or said(words["use"], clause, english):
        return False
    if not english:
        before = clause[max(0, found.start() - 6) : found.start()]
    elif near:  # the business word, then only words that lead to its goods
        last = clause[: found.start()].split()[-_NEAR_WORDS:]
        while last and last[-1] not in _BREAKS and not said(words["commerce"], last[-1], True):
            last.pop()
        before = last[-1] if last else ""
    else:
        before = clause[: found.start()]
    return bool(said(words["commerce"], before, english))


_NEAR_WORDS = 3  # a distributor of NB-IoT: the business word a few words before
#: Words that end what a business word governs (an agency where big-data scoring…).
_BREAKS = frozenset(
    {
        "where",
        "that",
        "which",
        "who",
        "whose",
        "with",
        "using",
        "by",
        "via",
        "and",
        "or",
        "to",
        "through",
        "while",
        "when",
    }
)
