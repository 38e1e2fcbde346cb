"""Figures in text, what a number question asks, and which figure answers it.

A **figure** is a quantity the text states (1.44亿元, 54家, 1.8%, 不少于2000万元) —
never a list label (1．, （2）), a year (2015年), a date, a box number (专栏1) or a
code (5G). A **number question** asks for a target (2025, 目标, 到“十四五”末, by 2025)
or a base value (2020, “十三五”末, 现状, was), about an indicator named by its table
name, its glossary name (R&D经费投入强度 is the row 全社会研发经费支出占地区生产总值的比重)
or in English, perhaps in a unit (多少亿元, 百分之几, how many). It is read without the
words that name its document (the 2025 of "according to its 2025 work report").

Example::

    [f.text for f in figures("“十三五”时期向上争取资金1.44亿元，较“十二五”时期增加1.07亿元")]
    # ['1.44亿元', '1.07亿元']
    NumberQuestion.parse("研发经费投入强度2025年要达到多少？").wants      # 'target'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ingest import Indicator
from kb.unit_hints import STATED_PERCENT, asked_unit

__all__ = ["AREA_UNIT", "IN_BRACKETS", "Figure", "NumberQuestion", "asking_clause", "figures"]

_UNITS = (
    "人/万人|个百分点|百分点|万千瓦|千瓦时|千瓦|万吨|亿吨|吨|亿元|万元|美元|欧元|港元|元|万人次|人次|万人|人|名(?![称单录义字牌片额次])|万家|家|个|项|件|组|"
    "倍|万亩|亩|万公顷|公顷|万平方公里|平方公里|公里|千米|平方米|立方米|小时|万场次|场次|张(?![家力贴口])|部(?![门署分委长队件位属])|"
    "岁|处(?![理置罚于长级室在分事境])|万标准箱|标准箱|万辆|辆|万列|列|亿斤|斤|所|座|条|台|套|批|户|款|株|棵|艘|头(?![部条号等])|对(?![接外象标口于比话应])|%|％|"
    "GWh|MWh|kWh|GW|MW|kW"
)
#: Said before a figure, it leaves the figure inside a bracket (13项（其中：一等奖1项…）,
#: （含…平台9个）): a part or a note, not a member of the list outside.
IN_BRACKETS = re.compile(r"[（(][^）)]*$")
_FIGURE = re.compile(rf"(?<![\d.])(\d+(?:,\d{{3}})*(?:\.\d+)?)\s*(万|亿)?\s*({_UNITS})?")
_LABEL_AFTER = re.compile(r"\s*[．.、)）]")
_NOT_QUANTITY_AFTER = re.compile(r"\s*(?:年(?!度?\d)|月|日|号|届|章|节|期|[A-Za-z])")
#: A span of years after a small number (连续26年, 再延长30年), not a year (2015年, 2025年度).
_YEARS_AFTER = re.compile(r"年(?!度|\d|底|末|初|月)")
_NOT_QUANTITY_BEFORE = re.compile(r"(?:专栏|第|[A-Za-z]|—|-|~|～)\s*$")

_TARGET = re.compile(
    r"2025|目标|到.{0,6}末|十四五|要达到|将达到|力争|预期|今年|"
    r"\b(?:target|goal|by 20\d\d|will|should|planned|aim(?:s|ing)?|striv\w*|wants? to|"
    r"this year|calls? for|set for|expect\w*|seek\w*|intend\w*|plans? to)\b",
    re.I,
)
_BASE = re.compile(
    r"2020|十三五|现状|完成值|目前|现在|已经|当时|基期|基数|基准|起点|起始|当前|现有|了(?:多少|几)|"
    r"[前上]一个五年|"
    r"去年|上年|\b(?:was|were|had|did|grew|in 20\d\d|back in|baseline|base (?:year|value|level)|"
    r"last year|so far|past year|previous year|"
    r"(?:preceding|previous|last|past) (?:period|plan period|five years)|"
    r"starting (?:value|point|level)|current(?:ly)?|at present|now|today|existing)\b",
    re.I,
)
#: 多 + the verb it says more of + 多少 (相比…多投入了多少, 多拿了多少): the amount added.
_MORE_VERBED = r"多(?:投入|投|拿|花|用|收|赚|建|招|引进|争取)了?多少"
_GROWTH = re.compile(
    r"增长了?多少|增加了?多少|增幅|增速|幅度|多了|多出|少了|增加了|增长了|涨了|涨幅|翻|"
    r"比[^，。？?]{1,12}[多少][^，。？?多少]{0,3}多少|"  # 比“十二五”多拿了多少: the difference
    rf"{_MORE_VERBED}|"
    r"\b(?:grow|grew|grown|growth(?! (?:ladders?|echelons?|stages?|enterprises?|compan\w+|"
    r"firms?|poles?|engines?|zones?|drivers?|points?))|increased?|rise|rose|risen|"
    r"by how (?:many|much)|by what)\b|"
    r"\bhow (?:much|many) (?:more|less|fewer|higher|lower|larger|bigger|faster|slower)\b",
    re.I,
)


def _unstated(question: str) -> str:
    """The question without its clauses that state a percentage (比前一个五年多了41%; was
    286% up on the 12th.): what it says is known, not what it asks."""
    return " ".join(c for c in _CLAUSE_END.split(question) if not STATED_PERCENT.search(c))


@dataclass(frozen=True)
class Figure:
    """A quantity in a text: number, unit, and ``[start, end)`` in that text."""

    number: str
    unit: str
    start: int
    end: int

    @property
    def text(self) -> str:
        return f"{self.number}{self.unit}"

    @property
    def value(self) -> float:
        return float(self.number.replace(",", ""))


def figures(text: str) -> list[Figure]:
    """The quantities ``text`` states (see module doc for what is not one)."""
    found = []
    for m in _FIGURE.finditer(text):
        number, scale, unit = m.group(1), m.group(2) or "", m.group(3) or ""
        before, after = text[: m.start()], text[m.end(1) :]
        clause_start = not before.strip() or before.rstrip()[-1] in "。；;：:\n，,"
        if clause_start and _LABEL_AFTER.match(after):
            continue  # a list label: 1． 2、 3)
        if before.endswith(("（", "(")) and after[:1] in "）)":
            continue  # a list label: （2）
        if not (scale or unit) and len(number) <= 2 and _YEARS_AFTER.match(after):
            if not _NOT_QUANTITY_BEFORE.search(before):
                found.append(Figure(number, "年", m.start(), m.end(1) + 1))  # 26年: a span
            continue
        if _NOT_QUANTITY_BEFORE.search(before) or (
            not (scale or unit) and _NOT_QUANTITY_AFTER.match(after)
        ):
            continue  # 专栏1, 第5, （2）, 5G, 2015年, 3月
        if re.fullmatch(r"(19|20)\d\d", number) and not (scale or unit):
            continue  # a bare year
        end = m.end() if (scale or unit) else m.end(1)
        found.append(Figure(number, scale + unit, m.start(), end))
    return found


_ASKS_NUMBER = re.compile(
    r"多少|第几|几[个家项件组人期次座所条类批种位倍成大宝部方化]|百分之几|多[大高长远重宽深]|"
    r"数量|目标值?|指标|比重|占比|强度|规模|金额|增幅|增速|"
    r"how many|how much|how (?:long|far)\b|\b(?:what|which) (?:number|sum|count)\b|most numerous|"
    r"\brank(?:ed|ing)?\b|\bshare\b|percent|proportion|\bratio\b|\brate\b|"
    r"number of|target|goal|"
    r"by how|value of|amount|基期值|基数|to what (?:level|extent)|what level|\btotal\b|"
    r"how (?:fast|large|big|high)\b(?!-)|\bfigure\b|\bintensity\b|\bconcentration\b|\bvolume\b|"
    r"\bbaseline\b|\b(?:current|base|starting) (?:level|value)\b",
    re.I,
)


_PAPERS = r"(?:government )?work report|plan|scheme|measures|opinions?|programme|program"
_WORDS = r"(?:(?!(?:do|does|did|is|was|were|are|has|have|had|will|would)\b)[\w\-'’&.]+\s+){0,9}?"
#: Where a question says which document it asks ("according to its 2025 government work
#: report", "under Liupanshui's plan", 《…》): words about the source, not the figure.
_SOURCE = re.compile(
    r"(?:,\s*)?\b(?:(?:according to|as (?:reported|stated|set out|laid out|given) in|per)\s+"
    rf"{_WORDS}(?:report|{_PAPERS})|(?:in|under|from)\s+{_WORDS}(?:{_PAPERS}))\b(?!\s+to\b)"
    r"|\b20\d\d\s+(?:(?:government\s+)?work\s+)?report\b"
    r"|《[^》]*》|(?:20\d\d年)?(?:省|市|自治区)?政府工作报告",
    re.I,
)


_TO = re.compile(
    r"提高到|增加到|增长到|提升到|上升到|达到|到了|至多少|到多少|现在|目前|"
    r"(?:调整|提高|提升|增加|上调|下调|降低|变更|改)后|"
    r"\b(?:now|to what|to how (?:many|much)|reach(?:ed|es)?|"
    r"(?:rise|rose|risen|climb(?:ed)?|raised?|increased?) to)\b",
    re.I,
)
#: A change the question names to ask where it started (the starting point of that rise):
#: the start is asked, no change.
_STARTED = (
    r"\b(?:starting point|start|beginning|baseline|base) of (?:that|the|this|its|their) "
    r"(?:rise|increase|growth|climb|jump)\b"
)
_CHANGE_NAMED = re.compile(_STARTED, re.I)
_FROM = re.compile(rf"原来|原先|以前|过去|从多少|起初|\bused to\b|\boriginally\b|{_STARTED}", re.I)


_COUNT_ASKED = re.compile(r"\bhow many\b", re.I)
#: An amount asked (how much, 多少钱): never a count of things (15项 beside 1969.9亿元).
_AMOUNT_ASKED = re.compile(
    r"\bhow much\b(?! (?:more|less|higher|lower|larger|bigger|faster))"
    r"|多少钱|多少资金|资金多少|金额",
    re.I,
)
_MONEY_OR_SHARE = re.compile(r"\b(?:yuan|rmb|percent\w*|share|proportion)\b|元|%", re.I)
_RATE_ASKED = re.compile(r"幅|速|倍|\b(?:percentage|fold|times|fast)\b", re.I)
_MORE_ASKED = re.compile(
    rf"多了|多出|比[^，。？?]{{1,12}}多|{_MORE_VERBED}"
    r"|绝对(?:值|量|额)|\bhow much more\b|\bmore than\b"
    r"|\bin (?:absolute|money|cash|yuan) terms\b|\bin (?:yuan|rmb)\b",
    re.I,
)
#: Where a question's clause ends: one that states a percentage says what is known, not
#: what is asked (比前一个五年多了41%).
_CLAUSE_END = re.compile(r"[，,。；;？?]|\.(?=\s|$)")
#: What a stated change was measured against: 比前一个五年 of 比前一个五年多了41%.
_COMPARED_WITH = re.compile(
    r"(?:比|较)([^，,。；;？?比较]{2,10}?)(?:多了|少了|多出|增长|增加|提高|上涨|涨了|下降|减少)"
    r"[^，,。；;？?]{0,6}\d"
)
_SHARE_ASKED = re.compile(
    r"比重|占比|比例|之比|率|强度|百分|%|％|\b(?:share|proportion|ratio|percent\w*|rate|intensity)\b",
    re.I,
)


_AREA_ASKED = re.compile(r"面积|多大(?:的)?地|\b(?:area|acreage|acres?)\b", re.I)
#: The units of an area (万亩, 公顷, 平方公里, 平方米).
AREA_UNIT = re.compile(r"亩|公顷|平方(?:公里|千米|米)")
_WHOLE = re.compile(
    r"一共|总共|合计|总数|(?:含|包括|包含)[^，。？?]{0,12}在内"
    r"|\b(?:in total|altogether|all told)\b",
    re.I,
)
_MEASURE = re.compile(
    r"产量|产值|总量|吞吐量|覆盖率|增长率|增速|生产总值|总产|营收|收入|人均|客流|开行量|装机|"
    r"成交额|投资额|利用率|寿命|平均|面积|里程|销量|销售额|出口额|进口额|花费|支出|"
    r"\b(?:output|throughput|turnover|revenue|rate|gdp|capacity|per capita|life expectancy|"
    r"average|(?:sown|planted|cultivated|irrigated|floor|built-up) area|acreage|mileage|"
    r"production|yield|harvest|sales|exports|imports|spen[dt]|spending|expenditure|"
    r"incomes?|earnings)\b",
    re.I,
)
_LIST = re.compile(r"哪些|如何|怎么|怎样|什么措施|举措|\b(?:which|how to|what measures)\b", re.I)


#: A year a question names: not an amount that begins like one (2000万元, 2000 million).
_YEAR = re.compile(
    r"(?<![\d.,])((?:19|20)\d\d)(?!\d|[.,]\d|\s*(?:[万亿千百元个家项人户台套名座辆吨%]"
    r"|million|billion|thousand|yuan|mu\b|tonnes?|tons?|km|kilomet|hectares?))",
    re.I,
)


#: A word that asks (多少, which): the clause holding it is the one that asks.
_ASKING = re.compile(r"多少|几|哪|什么|\b(?:how|what|which)\b", re.I)


def asking_clause(question: str) -> str | None:
    """The one clause of a question of several that asks (重庆去年装了7000公里护栏，今年还要
    再装多少公里 → 今年还要再装多少公里): its tense and target are the ones asked; else
    ``None``."""
    clauses = [c for c in re.split(r"[，,；;]", question) if c.strip()]
    asking = [c for c in clauses if _ASKING.search(c)]
    return asking[0] if len(clauses) > 1 and len(asking) == 1 else None


@dataclass(frozen=True)
class NumberQuestion:
    """What a number question asks: target or base value, years, unit, growth, and for
    "从X增加至Y" facts, the end (``to``) or the start (``from``). What else it asks
    (``asks_*``) is read once, when first needed: a scorer asks it of every figure."""

    text: str
    wants: str | None
    years: tuple[str, ...]
    unit: str | None
    growth: bool
    end: str | None = None
    soft_unit: bool = False  # the unit is guessed from 比重/占比, not said (多少亿元)

    def unit_agrees(self, unit: str) -> bool:
        """Could a figure in ``unit`` answer? (人 agrees with 人/万人; a guessed % with any.)"""
        return not self.unit or self.soft_unit or unit.startswith(self.unit) or self.unit in unit

    @cached_property
    def asks_count(self) -> bool:
        """Does it ask "how many" of something, which is never money or a share?"""
        return bool(_COUNT_ASKED.search(self.text)) and not _MONEY_OR_SHARE.search(self.text)

    @cached_property
    def asks_amount(self) -> bool:
        """Does it ask "how much" (an amount, never a count of things)?"""
        return bool(_AMOUNT_ASKED.search(self.text))

    @cached_property
    def asks_whole(self) -> bool:
        """Does it ask for a whole with its parts in it (一共, 含…在内, in total)?"""
        return bool(_WHOLE.search(self.text))

    @cached_property
    def asks_area(self) -> bool:
        """Does it ask for an area (面积, how large an area, acreage), in no unit it names?"""
        return self.unit is None and bool(_AREA_ASKED.search(self.text))

    @cached_property
    def asks_compared(self) -> bool:
        """Does it ask for what a change it states was measured against (比前一个五年多了
        41%，那前一个五年一共投了多少; 比上年增长5%，上年是多少)? Its clause of what is
        asked names the thing compared with again."""
        said = _COMPARED_WITH.search(self.text)
        if said is None:
            return False
        compared = said.group(1).strip('的“”" ')
        return len(compared) >= 2 and compared in _unstated(self.text)

    @cached_property
    def asks_more(self) -> bool:
        """Does it ask by how much more, as an amount (比2015年多了多少, how much more), not
        as a rate (增幅, 增速, 几倍, by what percentage)? "How much did GDP grow" asks no
        amount: a growth is a rate unless "more" says otherwise."""
        text = _unstated(self.text)
        if _RATE_ASKED.search(text) or _SHARE_ASKED.search(text):
            return False
        return bool(_MORE_ASKED.search(text))

    @cached_property
    def asks_share(self) -> bool:
        """Does it ask for a share (比重, 占比, what proportion, percent…)? A percentage
        it states (286% up on the 12th) asks none."""
        return bool(_SHARE_ASKED.search(STATED_PERCENT.sub(" ", self.text)))

    def fits_row(self, row: Indicator) -> bool:
        """Could ``row`` answer? A share row (技术合同成交额占地区生产总值比重, %) answers a
        question that asks for a share (比重, 强度, 率, share, percent…), not one about
        the amount itself ("technology contract turnover in 2020" is 18.69亿元)."""
        if row.unit.strip() not in ("%", "％"):
            return True
        return self.asks_share

    @staticmethod
    def asks_number(question: str) -> bool:
        """Does the question ask for a quantity (多少, 比重, how many, target …), or name
        one without asking for a list (新能源汽车产量, 港口吞吐量; not 哪些…)?"""
        if _ASKS_NUMBER.search(question):
            return True
        return bool(_MEASURE.search(question)) and not _LIST.search(question)

    @classmethod
    def parse(cls, question: str) -> NumberQuestion:
        """What ``question`` asks, read without the words naming its document (the
        2025 of "its 2025 work report" asks for no 2025 figure)."""
        question = _SOURCE.sub(" ", question)
        asking = asking_clause(question)  # 去年…，今年还要再装多少: this year's is asked
        said = asking if asking and (_TARGET.search(asking) or _BASE.search(asking)) else question
        target, base = bool(_TARGET.search(said)), bool(_BASE.search(said))
        explicit = re.search(
            r"2025|目标(?!表)|(?:target|goal)(?!s? (?:table|list|box))", question, re.I
        )
        wants = "base" if base and not explicit else ("target" if target else None)
        unit = asked_unit(question)
        soft = unit is not None and unit.endswith("~")
        years = tuple(dict.fromkeys(_YEAR.findall(question)))
        end = "from" if _FROM.search(question) else ("to" if _TO.search(question) else None)
        growth = bool(_GROWTH.search(_CHANGE_NAMED.sub(" ", _unstated(question))))
        return cls(question, wants, years, unit and unit.rstrip("~"), growth, end, soft)
