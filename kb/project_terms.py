"""What a project description's key terms are: each term with the forms the documents may
name it by, and the description's terms together with its business forms.

:class:`~kb.keyterms.KeyTerms` finds them; :class:`~kb.fit.FitChecker` weighs them.

Example::

    term = KeyTerm("膜电极", (("膜电极", 1.0),), compound=True)
    ProjectTerms([term], missing=["生产线"]).commerce_only     # False
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["STAND_IN", "KeyTerm", "ProjectTerms"]

STAND_IN = 0.8  # credit of a thesaurus word that stands in for the project's own


@dataclass(frozen=True)
class KeyTerm:
    """One thing a project makes or does, and how the documents may name it.

    :param text: as the description says it (``膜电极``, ``membrane electrode``).
    :param forms: ``(string to look for, credit)``: the term itself (1.0), a thesaurus
        stand-in (0.8), or for English the glossary's Chinese renderings (1.0).
    :param background: only said in sentences about the company, not about the project.
    :param common: a common word of general Chinese (煤炭, 汽车, 旅游): it can name the
        project's area, never its specific work.
    :param noun: it names a thing (煤炭, 钢材), not a manner or an act (不断, 坚持).
    :param count: how often the description says it.
    :param compound: a domain compound general Chinese does not know (膜电极, 煤制烯烃):
        strong evidence on its own.
    """

    text: str
    forms: tuple[tuple[str, float], ...]
    background: bool = False
    common: bool = False
    noun: bool = True
    count: int = 1
    compound: bool = False


#: A description up to this long, in one sentence, is a few words (a title, a search).
BRIEF_CHARS = 20


@dataclass(frozen=True)
class ProjectTerms:
    """A description's key terms (named by the documents or not) and business forms."""

    named: list[KeyTerm] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    commerce: list[str] = field(default_factory=list)
    trade: int = 0
    make: int = 0
    sentences: int = 0
    long: bool = False
    traded: frozenset[str] = frozenset()  # terms said beside a business word (卖雪具)
    project: str = ""  # the sentences about the project, not the company, joined
    venues: list[str] = field(default_factory=list)  # consumer venues it runs (火锅店)

    @property
    def brief(self) -> bool:
        """A description of a few words (煤泥综合利用项目): each of its terms is its core."""
        return self.sentences <= 1 and len(self.project) <= BRIEF_CHARS

    @property
    def commerce_only(self) -> bool:
        """Does the project sell, trade, rent or host more than it researches or makes?"""
        return bool(self.commerce) and self.trade > self.make
