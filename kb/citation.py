"""What an answer is made of: quoted clauses, their citations, groups by section.

Every quoted span satisfies ``source[start:end] == text``, so a reader (or a test) can
check each clause against the document it cites.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kb.clauses import readable
from kb.documents import kind_of
from kb.scope import Scope
from kb.search import Hit

__all__ = ["Answer", "Citation", "Clause", "Group", "group_heading", "render_markdown"]


@dataclass(frozen=True)
class Clause:
    """A span of the plan's text quoted in an answer: ``source[start:end] == text``."""

    text: str
    citation: int
    start: int
    end: int


@dataclass(frozen=True)
class Group:
    """Clauses under one section address."""

    section: list[str]
    doc: str
    clauses: list[Clause]


@dataclass(frozen=True)
class Citation:
    """The chunk behind a citation marker ``[n]``."""

    n: int
    id: str
    doc: str
    doc_title: str
    section: list[str]
    text: str
    start: int
    end: int


def group_heading(group: Group, citations: list[Citation], several: bool) -> list[str]:
    """A group's section address, led by its document's title 《…》 when ``several``
    documents answer (otherwise the reader could not tell whose 第四章 it is)."""
    if not several:
        return list(group.section)
    title = next((c.doc_title for c in citations if c.doc == group.doc), group.doc)
    return [f"《{title}》", *group.section]


def render_markdown(
    groups: list[Group], citations: list[Citation], lead: str, english: bool
) -> str:
    """An answer as Markdown: the lead (a figure), then, for an English question, a line
    that frames the Chinese quotes, then each group's heading in bold and its clauses as
    ``- text [n]`` (the text is the plan's own, quoted).

    :param english: frame the quotes for an English question.
    """
    source = "plan's" if all(kind_of(c.doc_title) == "规划" for c in citations) else "document's"
    framing = f"The {source} own words on this (quoted in Chinese), by section:" if english else ""
    body = [lead, framing]  # the figure first, in either language
    several = len({g.doc for g in groups}) > 1
    for g in groups:
        body.append(f"**{' › '.join(group_heading(g, citations, several))}**")
        body.extend(f"- {readable(c.text)} [{c.citation}]" for c in g.clauses)
    return "\n\n".join(b for b in body if b)


@dataclass(frozen=True)
class Answer:
    """An answer: Markdown text, grouped clauses and their citations.

    :param value: for a number answer, the figure it leads with (``1.8%``, ``1.44亿元``).
    :param indicator: for an answer from a targets table, the indicator's name.
    :param scope: the documents it was answered from, when the question named them (or
        the corpus's own answered it); ``None``: every document.
    """

    question: str
    found: bool
    answer: str
    groups: list[Group] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    kind: str = "list"
    related: list[Hit] = field(default_factory=list)
    notice: str | None = None
    value: str | None = None
    indicator: str | None = None
    scope: Scope | None = None

    @property
    def several_documents(self) -> bool:
        """Do the quoted clauses come from more than one document?"""
        return len({g.doc for g in self.groups}) > 1

    def heading(self, group: Group) -> list[str]:
        """``group``'s address as shown (see :func:`group_heading`)."""
        return group_heading(group, self.citations, self.several_documents)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape (plus ``kind``, ``related`` and ``notice``)."""
        return {
            "question": self.question,
            "found": self.found,
            "answer": self.answer,
            "groups": [
                {
                    "section": g.section,
                    "doc": g.doc,
                    "clauses": [{"text": c.text, "citation": c.citation} for c in g.clauses],
                }
                for g in self.groups
            ],
            "citations": [c.__dict__ for c in self.citations],
            "kind": self.kind,
            "related": [h.to_dict() for h in self.related],
            "notice": self.notice,
            "value": self.value,
            "indicator": self.indicator,
            "scope": self.scope.to_dict() if self.scope else None,
        }
