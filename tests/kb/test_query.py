"""The query side of search: a query's tokens, expansions and English renderings."""

from __future__ import annotations

import pytest

from kb.query import QueryAnalyzer
from kb.tokenize import QueryExpander, Tokenizer

TITLE = "安徽省工业互联网创新发展行动计划"


@pytest.fixture(scope="module")
def parts() -> tuple[Tokenizer, QueryExpander]:
    return Tokenizer(), QueryExpander()


def test_analyzer_of_one_document_drops_the_words_of_its_title(parts) -> None:
    titled = QueryAnalyzer(*parts, synonym_weight=0.5, title=TITLE).run(
        "工业互联网行动计划 标识解析"
    )
    plain = QueryAnalyzer(*parts, synonym_weight=0.5).run("工业互联网行动计划 标识解析")
    assert "互联网" in plain["tokens"] and "互联网" not in titled["tokens"]
    assert "标识" in titled["tokens"] and "解析" in titled["tokens"]
    assert titled["chars"] == plain["chars"]  # character n-grams are not words of the title


def test_analyzer_keeps_a_query_made_only_of_title_words(parts) -> None:
    out = QueryAnalyzer(*parts, synonym_weight=0.5, title=TITLE).run("工业互联网")
    assert "互联网" in out["tokens"]


def test_analyzer_drops_title_words_from_english_renderings(parts) -> None:
    question = "How many industrial internet identifier nodes?"
    titled = QueryAnalyzer(*parts, synonym_weight=0.5, title=TITLE).run(question)
    plain = QueryAnalyzer(*parts, synonym_weight=0.5).run(question)
    flat = lambda out: {t for g in out["groups"] for term in g for t in term}  # noqa: E731
    assert "互联网" in flat(plain) and "互联网" not in flat(titled)
    assert flat(titled) and flat(titled) < flat(plain)


@pytest.mark.parametrize(
    ("question", "grams"),
    [
        ("How many sites of the (城管进社区) scheme?", {"城管", "社区"}),
        ("How many urban sites?", set()),  # no Chinese: no character n-grams
    ],
)
def test_an_english_query_matches_the_chinese_it_quotes_character_by_character(
    parts, question: str, grams: set[str]
) -> None:
    chars = QueryAnalyzer(*parts, synonym_weight=0.5).run(question)["chars"]
    assert grams <= set(chars) and (not grams) == (not chars)
