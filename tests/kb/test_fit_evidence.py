"""The evidence a fit verdict rests on: what the plan's priority items name of a project."""

from __future__ import annotations

from kb import KnowledgeBase


def test_a_strong_term_named_in_an_item_establishes_the_work(plan_kb: KnowledgeBase) -> None:
    checker = plan_kb.fit_checker()
    terms = checker.keyterms.find("建设一条氢燃料电池膜电极生产线")
    rows = checker.items.gather(terms, checker.priority)
    best = max(rows.values(), key=lambda r: r.work)
    assert "膜电极" in (best.terms or {})
    assert checker.items.established(best, terms, "work")


def test_a_rare_form_weighs_more_than_a_common_one(plan_kb: KnowledgeBase) -> None:
    items = plan_kb.fit_checker().items
    assert items.weight("膜电极") > items.weight("技术") > 0


def test_a_sector_word_is_found_and_a_cross_cutting_one_is_not(plan_kb: KnowledgeBase) -> None:
    checker = plan_kb.fit_checker()
    garments = checker.keyterms.find("我们做服装来料加工")
    assert [n.term for n, _, _ in checker.items.sectors(garments, checker.priority)] == ["服装"]
    villages = checker.keyterms.find("在农村开一个电商服务站")
    assert checker.items.sectors(villages, checker.priority) == []
