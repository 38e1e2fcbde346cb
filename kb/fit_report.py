"""What a fit check reports: the verdict, the evidence behind it, and its words.

A report is built from evidence a reader can check: the project's key terms the plan
names (each with where), the ones it does not, and, for a project that only sells or
trades, the business words that kept it from a full fit. The reason is written from
that evidence, in Chinese or English (:meth:`FitReport.reason_in`), and the report
downloads as Markdown in either language.

Example::

    report.reason
    # '规划点名了 膜电极、质子交换膜（专栏1 能源产业技术攻关 › 2．氢能源）；未提及：生产线。'
    report.reason_in("en")
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kb.documents import kind_of

__all__ = ["FitMatch", "FitReport", "Named"]

VERDICTS = ("fit", "partial", "no_fit")
_LABEL = {
    "zh": {"fit": "符合", "partial": "部分相关", "no_fit": "不符合"},
    "en": {"fit": "fit", "partial": "partial", "no_fit": "no fit"},
}


@dataclass(frozen=True)
class FitMatch:
    """A plan item or measure matching the project: the plan's exact words and address.

    :param terms: the project's key terms this item names (for a measure: its topic).
    :param forms: the plan's words for ``terms``, in their order (服装加工 for 做衣服,
        膜电极 for membrane electrode); empty for a measure.
    :param kind: ``work`` (the item names the project's work), ``area`` (it is the
        project's priority area), ``near`` (it names none of the project's key terms, but
        a search for the project and its closeness in meaning both rank it high: the work
        said in other words) or ``measure``.
    """

    id: str
    doc: str
    section: list[str]
    text: str
    score: float
    start: int
    end: int
    label: str | None = None
    terms: list[str] = field(default_factory=list)
    kind: str = "work"
    forms: list[str] = field(default_factory=list)

    def as_named(self) -> list[str]:
        """Each term as the reason says it: with the plan's word after it when the plan
        writes it otherwise (做衣服→服装, membrane electrode → 膜电极)."""
        forms = self.forms or [""] * len(self.terms)
        return [arrow(t, f) for t, f in zip(self.terms, forms, strict=True)]

    @property
    def address(self) -> list[str]:
        """The section as shown under the quote: without its last heading when the quote
        starts with it (3．服装加工。支持…; （一）生态特色农业 加强…), so it is not said twice."""
        last = self.section[-1] if self.section else ""
        return self.section[:-1] if last and self.line.startswith(last) else self.section

    @property
    def line(self) -> str:
        """The text on one line, as shown: a heading quoted with the paragraph that
        opens it (（四）纺织产业 支持围绕…) is joined by a space, not a line break."""
        return " ".join(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        """``id, doc, section, text, score, start, end, terms, kind, forms`` (+ ``label``)."""
        out = dict(self.__dict__)
        if out["label"] is None:
            del out["label"]
        return out


@dataclass(frozen=True)
class Named:
    """A key term of the project and where the plan names it (the best place)."""

    term: str
    where: list[str]
    id: str
    kind: str  # work | area
    form: str = ""  # the plan's word for it, when the plan writes it otherwise

    @property
    def said(self) -> str:
        """The term as a reason says it (see :func:`arrow`)."""
        return arrow(self.term, self.form)


def arrow(term: str, form: str) -> str:
    """A project's term with the plan's word after it when the plan writes it otherwise
    (做衣服→服装, membrane electrode → 膜电极); the term alone when it writes it so."""
    if form in ("", term):
        return term
    return f"{term} → {form}" if term.isascii() else f"{term}→{form}"


def _join(words: list[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(words)


def _where(section: list[str]) -> str:
    return " › ".join(section[-2:])


@dataclass(frozen=True)
class FitReport:
    """The verdict, the evidence and the matching items and measures.

    :param named: key terms the plan names, best places first.
    :param missing: key terms the plan does not name.
    :param commerce: business words (批发, dealership) of a project that only sells or
        trades: why a named area is only ``partial``.
    :param venues: consumer venues the project runs (火锅店, salon): why it is ``no_fit``
        whatever the plan names of the technology it uses.
    :param doc: the document judged (the best one, when several were).
    :param documents: with several documents, each one's report, best first.
    """

    text: str
    verdict: str
    score: float
    matches: list[FitMatch] = field(default_factory=list)
    measures: list[FitMatch] = field(default_factory=list)
    named: list[Named] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    commerce: list[str] = field(default_factory=list)
    venues: list[str] = field(default_factory=list)
    sentences: int = 0
    lang: str = "zh"
    doc: str = ""
    doc_title: str = ""
    documents: list[FitReport] = field(default_factory=list)

    @property
    def one_term(self) -> bool:
        """Does a ``fit`` rest on one of the project's terms only, while the description
        says others the plan does not name? Such verdicts are right less often (54 of 77
        on the evaluation sets read so far, against 269 of 288 when the best item names two
        terms or more), so the reason says to check the quoted item."""
        return (
            self.verdict == "fit"
            and bool(self.matches and self.missing)
            and len(self.matches[0].terms) == 1
        )

    @property
    def reason(self) -> str:
        """Why, in the description's language (see :meth:`reason_in`)."""
        return self.reason_in(self.lang)

    def reason_in(self, lang: str) -> str:
        """Why, in ``lang`` (``zh`` or ``en``): what the plan names, where, and what not;
        led by the document's title when several were judged."""
        reason = self._reason(lang)
        return f"《{self.doc_title}》：{reason}" if self.documents and self.doc_title else reason

    def _reason(self, lang: str) -> str:
        work = [n for n in self.named if n.kind == "work"]
        area = [n for n in self.named if n.kind == "area"]
        missing = _join(self.missing[:6], lang)
        zh = lang == "zh"
        plan = not self.doc_title or kind_of(self.doc_title) == "规划"  # a work report is none
        noun = ("规划" if plan else "文件") if zh else ("The plan" if plan else "The document")
        if self.verdict == "fit":
            best = self.matches[0] if self.matches else None
            where = _where(best.section if best else work[0].where)
            said = best.as_named() if best else [work[0].said]
            terms = _join(said[:6], lang)
            text = f"{noun}点名了 {terms}（{where}）" if zh else f"{noun} names {terms} ({where})"
            also = self._also(said, lang)  # the other items that name its work
            if also:
                text += f"；另见 {also}" if zh else f"; also {also}"
            if self.one_term:  # right less often: say so
                text += (
                    "；只凭这一个词对应，请对照所引条目核实"
                    if zh
                    else "; on this one term only: check the quoted item"
                )
        elif self.verdict == "partial" and self.commerce:
            first = (work or area)[0]
            terms = _join([n.said for n in (work or area)][:4], lang)
            words = [w for w in self.commerce if len(w) > 1] or self.commerce  # 批发, not 卖
            trade = _join(words[:4], lang)
            text = (
                f"{noun}把 {terms} 列为重点（{_where(first.where)}），支持的是研发、生产和应用，"
                f"没有点名 {trade} 这类经营活动"
                if zh
                else f"{noun} makes {terms} a priority ({_where(first.where)}) for research, "
                f"making and use; it does not name trade such as {trade}"
            )
            return text + ("。" if zh else ".")
        elif self.verdict == "partial":  # area names, or words named all over (智能化)
            shown = area or work
            terms = _join([n.said for n in shown][:4], lang)
            where = _where(shown[0].where)
            text = (
                f"{noun}把 {terms} 所在的领域列为重点（{where}），但没有点名项目的具体工作"
                if zh
                else f"{noun} makes the area of {terms} a priority ({where}), but does not "
                "name the project's own work"
            )
        elif self.venues:
            venue = _join(self.venues[:3], lang)
            text = (
                f"项目经营的是面向消费者的门店或服务（{venue}）；{noun}支持的是技术研发、"
                "产业和应用，没有把这类服务列为重点"
                if zh
                else f"The project runs a consumer venue or service ({venue}); "
                f"{noun.lower()} supports research, industry and their use, and does not "
                "make such services a priority"
            )
        else:
            text = (
                f"{noun}没有点名项目的关键内容，也没有把它所在的领域列为重点"
                if zh
                else f"{noun} names neither the project's key terms nor its area as a priority"
            )
        if missing:
            text += f"；未提及：{missing}" if zh else f"; not named: {missing}"
        return text + ("。" if zh else ".")

    def _also(self, said: list[str], lang: str, limit: int = 2) -> str:
        """The project's other terms that the next matching items name, each with where
        (井下人员、定位（专栏2 … › 1．煤炭开采及洗选）): a reason names all the work the
        plan names, not only the first item's."""
        seen, parts = set(said), []
        for m in self.matches[1:]:
            if m.kind != "work":
                continue
            terms = [t for t in m.as_named() if t not in seen]
            if terms:
                seen.update(terms)
                where = _where(m.section)
                named = _join(terms[:4], lang)
                parts.append(f"{named}（{where}）" if lang == "zh" else f"{named} ({where})")
            if len(parts) == limit:
                break
        return ("；" if lang == "zh" else "; ").join(parts)

    def to_markdown(self, lang: str | None = None) -> str:
        """The report as Markdown, for download: verdict, reason, matches, measures."""
        lang = lang or self.lang
        zh = lang == "zh"
        titles = (
            ("项目匹配报告", "匹配的条目", "适用的支持措施", "结论")
            if zh
            else ("Project fit report", "Matching items", "Support measures", "Verdict")
        )
        lines = [
            f"# {titles[0]}",
            "",
            f"> {self.text[:500]}",
            "",
            f"**{titles[3]}: {_LABEL[lang][self.verdict]}**",
            "",
            self.reason_in(lang),
            "",
        ]
        for title, rows in ((titles[1], self.matches), (titles[2], self.measures)):
            if rows:
                lines += [f"## {title}", ""]
                for m in rows:
                    label = f"**{m.label}**{'：' if zh else ': '}" if m.label else ""
                    lines.append(f"- {label}“{m.line}”  \n  {' › '.join(m.address)}")
                lines.append("")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape; ``documents`` lists each document's verdict."""
        return {
            "text": self.text,
            "verdict": self.verdict,
            "reason": self.reason,
            "score": self.score,
            "doc": self.doc,
            "doc_title": self.doc_title,
            "matches": [m.to_dict() for m in self.matches],
            "measures": [m.to_dict() for m in self.measures],
            "named": [n.__dict__ for n in self.named],
            "missing": self.missing,
            "commerce": self.commerce,
            "venues": self.venues,
            "one_term": self.one_term,
            "documents": [
                {
                    "doc": r.doc,
                    "title": r.doc_title,
                    "verdict": r.verdict,
                    "score": r.score,
                    "reason": r._reason(r.lang),
                    "matches": [m.to_dict() for m in r.matches],
                    "measures": [m.to_dict() for m in r.measures],
                }
                for r in self.documents
            ],
        }
