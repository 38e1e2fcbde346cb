"""Documents as first-class objects: who issued them, for where, what kind, when.

Each indexed document is described by its title, issuer, region (province, city or
county, from the gazetteer: :mod:`kb.regions`), level (国家 / 省 / 市 / 县), kind (规划,
政府工作报告, 意见, 办法, 通知 …), year and period. A sidecar ``<stem>.meta.json`` or a
``SOURCES.tsv`` row may give any of them; what they do not give is derived from the title
and the opening lines, at build time, and stored in the index.

Example::

    meta = describe("2025年山东省政府工作报告", {}, text, gazetteer)
    meta["region"], meta["level"], meta["kind"], meta["year"]
    # ('山东省', '省', '政府工作报告', 2025)
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from kb.regions import LEVELS, Gazetteer, Region

__all__ = ["FIVE_YEAR", "DocumentInfo", "describe", "kind_of"]

# The kinds of document, most specific first, as their titles name them.
KINDS = (
    ("政府工作报告", "政府工作报告"),
    ("规划纲要", "规划"),
    ("规划", "规划"),
    ("行动计划", "计划"),
    ("行动方案", "方案"),
    ("实施方案", "方案"),
    ("方案", "方案"),
    ("实施意见", "意见"),
    ("指导意见", "意见"),
    ("意见", "意见"),
    ("考评办法", "办法"),
    ("管理办法", "办法"),
    ("办法", "办法"),
    ("条例", "条例"),
    ("规定", "规定"),
    ("决定", "决定"),
    ("若干政策", "政策"),
    ("政策", "政策"),
    ("计划", "计划"),
    ("报告", "报告"),
    ("通知", "通知"),
)
_NATIONAL = re.compile(
    r"国务院|中共中央|党中央|全国人大|国家发展改革委|国家[\u4e00-\u9fff]{0,6}部|^国家"
)
# Kinds as sidecars may write them in English.
_ENGLISH_KINDS = {
    "plan": "规划",
    "report": "报告",
    "work report": "政府工作报告",
    "opinion": "意见",
    "opinions": "意见",
    "measures": "办法",
    "notice": "通知",
    "action plan": "计划",
    "policy": "政策",
}
#: A five-year period's name (十三五, 十四五).
FIVE_YEAR = "十[一二三四五六七八九]五"
_PERIOD = re.compile(rf"[“\"]?({FIVE_YEAR})[”\"]?|(20\d\d)\s*[-–—至]\s*(20\d\d)")


def kind_of(title: str) -> str | None:
    """The kind a title names; for "关于印发《X》的通知", the kind of X."""
    carried = re.search(r"关于印发(.+?)的通知", title) or re.search(r"《(.+?)》", title)
    for text in ([carried.group(1)] if carried else []) + [title]:
        for word, kind in KINDS:
            if word in text:
                return kind
    return None


def _region(gazetteer: Gazetteer, *texts: str) -> Region | None:
    """The region the first text that names one names first (issuer, title, opening)."""
    matcher = gazetteer.matcher()
    for text in texts:
        mentions = [m for m in matcher.find(text) if len(m.text) > 1]
        if mentions:
            return mentions[0].region
    return None


def describe(title: str, given: dict[str, Any], text: str, gazetteer: Gazetteer) -> dict[str, Any]:
    """A document's issuer, region, level, kind, year and period.

    :param given: metadata from the sidecar or ``SOURCES.tsv``; what it gives wins.
    :returns: ``issuer, region, region_code, province, level, kind, year, period``.
    """
    issuer = str(given.get("issuer") or "")
    if not issuer:
        found = re.match(r"(.{2,30}?)关于", title)
        issuer = found.group(1) if found else ""
    opening = text[:300]
    national = bool(_NATIONAL.search(issuer) or (not issuer and _NATIONAL.search(title)))
    region = None if national else _region(gazetteer, issuer, title, opening)
    if region is None and not national:
        national = bool(_NATIONAL.search(title + opening))
    period = _PERIOD.search(title)
    years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d|19\d\d)(?=年)", title)]
    start = int(period.group(2)) if period and period.group(2) else None  # 2021-2023: 2021
    year = given.get("year") or start or (years[0] if years else None)
    province = gazetteer.province(region) if region else None
    derived = {
        "issuer": issuer or (region.name if region else ""),
        "region": region.name if region else ("全国" if national else ""),
        "region_code": region.code if region else ("000000000000" if national else ""),
        "province": province.name if province else "",
        "level": "国家" if national else (LEVELS[region.level] if region else ""),
        "kind": kind_of(title) or "",
        "year": int(year) if year else None,
        "period": (period.group(1) or f"{period.group(2)}-{period.group(3)}") if period else "",
    }
    for key in derived:
        if given.get(key) not in (None, ""):
            derived[key] = given[key]  # the sidecar or SOURCES.tsv says so
    derived["kind"] = _ENGLISH_KINDS.get(str(derived["kind"]).lower(), derived["kind"])
    if isinstance(derived["year"], str) and derived["year"][:4].isdigit():
        derived["year"] = int(derived["year"][:4])
    if derived["year"] is None and str(derived["period"])[:4].isdigit():
        derived["year"] = int(str(derived["period"])[:4])  # a plan's first year
    return derived


@dataclass(frozen=True)
class DocumentInfo:
    """One indexed document: its file, its description, and where it came from.

    :param home: one of the corpus's own documents (``POLICYKB_CORPUS_DIR``): a question
        that names no document is answered from these first.
    """

    doc: str
    title: str
    path: str
    encoding: str
    format: str
    sha256: str
    meta: dict = field(default_factory=dict)
    issuer: str = ""
    region: str = ""
    region_code: str = ""
    province: str = ""
    level: str = ""
    kind: str = ""
    year: int | None = None
    period: str = ""
    home: bool = False
    chunks: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape of a document (``policykb docs --json``)."""
        out = asdict(self)
        del out["meta"], out["encoding"], out["sha256"]
        return out
