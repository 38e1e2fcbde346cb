"""The unit a number question asks its figure in: 百分之几 → %, 多少家 → 家, how many
kilometres → 公里, 多少万吨 → 万吨 — or ``None`` when it names none.

A figure in the unit asked gains (:mod:`kb.figure_score`); a soft unit (``%~``: 比重,
share) gains less, since a share is also written bare. An English count takes its unit
from the noun that heads the phrase asked: how many enterprise technology centres are
centres (个), not enterprises (家).

Example::

    asked_unit("研发经费投入强度是百分之几？")               # '%'
    asked_unit("How many enterprise technology centres?")   # '个'
    asked_unit("全市粮食产量多少万吨？")                     # '万吨'
"""

from __future__ import annotations

import re

__all__ = ["STATED_PERCENT", "asked_unit"]

#: A unit of measure asked in, beyond the hints: 多少万吨, 多少公里, 几万亩.
_MEASURED_IN = re.compile(
    r"(?:多少|几)([万亿]?(?:吨|公里|千米|亩|平方米|立方米|千瓦|辆|台|座|所|条|户|头|张|个|对))"
)


#: Things counted in their own right that a firm, a person or a base may name (enterprise
#: technology centres, talent teams, base stations).
_COUNTED_THINGS = (
    r"(?:teams?|cent(?:er|re)s?|platforms?|stations?|programmes?|programs?|funds?|zones?|"
    r"clusters?|alliances?|incubators?|laborator(?:y|ies)|parks?|bases?)\b"
)


def _headed(nouns: str) -> str:
    """An English count of ``nouns`` that head the phrase asked, not of a thing named after
    them (how many enterprise technology centres → centres; talent teams → teams)."""
    return rf"how many .*?\b(?:{nouns})\b(?!\s+(?:[\w-]+\s+)?{_COUNTED_THINGS})"


_UNIT_HINTS = [
    (re.compile(r"\bin (?:yuan|rmb|renminbi)\b", re.I), "元"),
    (
        re.compile(r"增速|增幅|幅度|增长率|百分之|%|percent|\bwhat (?:proportion|share)\b", re.I),
        "%",
    ),
    (re.compile(r"比重|占比|比例|强度|率|share|proportion|ratio", re.I), "%~"),
    (re.compile(r"多少亿元|几亿|多少亿"), "亿元"),
    # money asked by what it is (收入多少以上, 补贴多少): a yuan amount, whatever its scale
    (
        re.compile(r"(?:收入|营收|营业额|销售额|投资额|资金|经费|补贴|补助|奖励)[在是达为要]?多少"),
        "元",
    ),
    (re.compile(r"多长(?!时间)|多少公里"), "公里"),
    (re.compile(r"多少万元|几万元"), "万元"),
    (
        re.compile(rf"几家|多少家|企业数|{_headed('enterprises?|compan(?:y|ies)|firms?')}", re.I),
        "家",
    ),
    (
        re.compile(
            rf"几个|多少个|{_headed('platforms?|cent(?:er|re)s?|bases?|parks?|stations?')}", re.I
        ),
        "个",
    ),
    (re.compile(r"人次"), "人次"),
    (re.compile(rf"多少人|几人|{_headed('people|talents?|persons?|researchers?')}", re.I), "人"),
    (re.compile(rf"多少项|几项|{_headed('projects?|awards?|achievements?')}", re.I), "项"),
    (re.compile(rf"多少件|几件|{_headed('patents?')}", re.I), "件"),
    (re.compile(r"多少组|几组"), "组"),
    (re.compile(r"多少年|几年|how many (?:more |consecutive )?years", re.I), "年"),
    *((re.compile(rf"\b{u}\b"), u) for u in ("GWh", "MWh", "kWh", "GW", "MW", "kW")),
    *(  # measured in English: how many kilometres (公里), tonnes (万吨 too), schools (所)
        (re.compile(rf"\bhow many (?:more |new |additional )?(?:{en})\b", re.I), zh)
        for en, zh in (
            (r"kilomet(?:er|re)s?|km", "公里"),
            (r"(?:metric )?(?:tonnes?|tons?)", "吨"),
            (r"hectares?", "公顷"),
            (r"mu", "亩"),
            (r"square met(?:er|re)s?", "平方米"),
            (r"cubic met(?:er|re)s?", "立方米"),
            (r"vehicles?|cars?", "辆"),
            (r"households?", "户"),
            (r"schools?", "所"),
            (r"times|-?fold", "倍"),
            (r"hours?", "小时"),
        )
    ),
]


#: A percentage the question states (286% up on the 12th, 比上年增长5%): given, not the
#: unit asked.
STATED_PERCENT = re.compile(r"\d[\d.,]*\s*[%％]")


_QUOTED = re.compile(r"“[^”]{2,40}”|\"[^\"]{2,40}\"|《[^》]{2,40}》")


def asked_unit(question: str) -> str | None:
    """The unit ``question`` asks in (``"%~"`` for a soft share), else ``None``."""
    question = STATED_PERCENT.sub(" ", question)
    # a quoted name (“规上工业企业中有研发活动企业占比”这个指标) names what is asked about;
    # the words outside it say the unit asked, when they say one
    unquoted = _QUOTED.sub(" ", question)
    unit = next((u for pattern, u in _UNIT_HINTS if pattern.search(unquoted)), None)
    if unit is None and unquoted != question:
        unit = next((u for pattern, u in _UNIT_HINTS if pattern.search(question)), None)
    if unit is None and (measured := _MEASURED_IN.search(question)):
        unit = measured.group(1)  # 多少万吨, 多少公里
    return unit
