"""Dictionary senses for English words the glossary lacks, chosen against the question."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from kb import KnowledgeBase, Settings
from kb.search import SearchSettings
from kb.senses import Senses, SenseVectors, load_dictionary, named_words

#: A toy multilingual space: trade and economy near 经贸 and 贸易, growing plants near 栽培.
_AXES = {"经贸": 0, "贸易": 0, "economic": 0, "增长": 1, "gdp": 1, "栽培": 2, "plant": 2}


class AxisEmbedder:
    """Texts → unit vectors on the axes of the words they hold (no model; deterministic)."""

    name, dim = "axes", 3

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.embed_query(t) for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        vector = np.full(self.dim, 0.01, dtype=np.float32)
        for word, axis in _AXES.items():
            vector[axis] += text.lower().count(word)
        return vector / np.linalg.norm(vector)


@pytest.mark.parametrize(
    ("question", "word", "expected"),
    [
        ("By how much did GDP grow?", "grow", "增长"),
        ("How do farmers grow and plant tea?", "grow", "栽培"),
    ],
)
def test_renderings_choose_the_sense_nearest_the_question(
    question: str, word: str, expected: str
) -> None:
    vectors = SenseVectors(AxisEmbedder())
    senses = Senses(vectors, lambda w: [w], lambda: {"增长": 3, "栽培": 3}, 100)
    assert senses.renderings(question, [word]) == [(word, expected)]


def test_renderings_keep_only_senses_the_index_has() -> None:
    embedder = SenseVectors(AxisEmbedder())
    some = Senses(embedder, lambda w: [w], lambda: {"贸易": 5}, 100, 0.2)
    assert some.renderings("economic trade", ["trade"]) == [("trade", "贸易")]
    absent = Senses(embedder, lambda w: [w], lambda: {"国贸": 5}, 100, 0.2)
    assert absent.renderings("economic trade", ["trade"]) == []


def test_a_word_whose_nearest_sense_is_in_too_many_chunks_gets_none() -> None:
    # 增长 is the meaning; in 90 of 100 chunks it says nothing, and 栽培 would mislead
    senses = Senses(
        SenseVectors(AxisEmbedder()), lambda w: [w], lambda: {"增长": 90, "栽培": 3}, 100
    )
    assert senses.renderings("By how much did GDP grow?", ["grow"]) == []


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("What did the government work report say?", ["government", "report", "say"]),
        ("Hunan trade", ["hunan"]),  # a region: scoping reads it
        ("in 2024", ["in", "2024"]),
    ],
)
def test_renderings_skip_framing_words_region_names_and_numbers(
    question: str, words: list[str]
) -> None:
    senses = Senses(SenseVectors(AxisEmbedder()), lambda w: [w], lambda: {}, 100)
    senses._rarest = lambda sense: 1  # every sense indexed: only the word filters act
    assert senses.renderings(question, words) == []


def test_inflected_words_find_their_dictionary_form() -> None:
    vectors = SenseVectors(AxisEmbedder())
    senses = Senses(vectors, lambda w: [w], lambda: {"证明": 1, "聘用": 1}, 100)
    assert senses.renderings("hiring", ["hiring"]) == [("hiring", "聘用")]


def test_dictionary_knows_common_policy_words_in_simplified_chinese() -> None:
    table = load_dictionary()
    assert "贸易" in table["trade"] and "增长" in table["grow"] and "中非" in table["china-africa"]
    assert all(2 <= len(s) <= 4 for senses in list(table.values())[:500] for s in senses)


def test_named_words_are_the_words_of_region_names() -> None:
    assert named_words("What does Inner Mongolia plan for Baotou?") >= {"inner", "mongolia"}


def test_english_word_the_glossary_lacks_finds_the_clause_by_its_sense(
    plan_kb: KnowledgeBase, plan_index
) -> None:
    question = "autonomy of universities in hiring"  # hiring: 聘用 (技术经理人市场化聘用制)
    assert "聘用" in plan_kb.search(question, k=1)[0].text
    off = dataclasses.replace(Settings(), search=SearchSettings(english_senses=0))
    plain = KnowledgeBase.open(plan_index, settings=off)
    assert plain.searcher().senses is None
    assert "聘用" not in plain.search(question, k=1)[0].text


def test_each_documents_searcher_shares_the_sense_embeddings(two_doc_kb: KnowledgeBase) -> None:
    whole = two_doc_kb.searcher()
    searchers = [two_doc_kb.document_searcher(d.doc)[0] for d in two_doc_kb.documents]
    assert all(s is not None and s.sense_vectors is whole.sense_vectors for s in searchers)
