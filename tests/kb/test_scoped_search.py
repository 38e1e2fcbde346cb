"""A search as a user asks it: scope, places nobody indexed, and the JSON shape."""

from __future__ import annotations

import pytest

from kb.errors import UnknownDocument
from kb.knowledge_base import KnowledgeBase
from kb.scoped_search import search_as_asked


def test_a_place_no_document_covers_is_named_beside_the_hits(plan_kb: KnowledgeBase) -> None:
    found = search_as_asked(plan_kb, "青海的生产总值", k=3)
    assert found.scope is None and found.elsewhere == ["青海"]
    assert found.hits  # the hits are kept, under the notice


def test_a_question_on_the_plan_has_no_places_elsewhere(plan_kb: KnowledgeBase) -> None:
    found = search_as_asked(plan_kb, "氢燃料电池", k=3)
    assert found.elsewhere == [] and "氢" in found.hits[0].text


def test_a_chosen_document_is_searched_as_is_and_no_place_is_flagged(
    plan_kb: KnowledgeBase,
) -> None:
    doc = plan_kb.documents[0].doc
    found = search_as_asked(plan_kb, "青海的生产总值", k=3, doc=doc)
    assert found.scope is None and found.elsewhere == []


def test_to_dict_is_the_documented_search_json(plan_kb: KnowledgeBase) -> None:
    shown = search_as_asked(plan_kb, "膜电极", k=2).to_dict()
    assert list(shown) == ["query", "scope", "elsewhere", "results"]
    assert shown["query"] == "膜电极" and len(shown["results"]) == 2


def test_an_unknown_document_raises(plan_kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownDocument):
        search_as_asked(plan_kb, "膜电极", doc="no-such-doc")
