"""Tokens for BM25, domain terms, expansions, character n-grams."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from kb import KnowledgeBase
from kb.tokenize import (
    QueryExpander,
    Tokenizer,
    char_ngrams,
    chinese_runs,
    clean_query,
    harvest_terms,
    is_english,
)


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer()


@pytest.mark.parametrize("term", ["质子交换膜", "煤层气", "玄武岩纤维", "刺梨", "科技特派员"])
def test_curated_domain_terms_are_kept_whole(tokenizer: Tokenizer, term: str) -> None:
    assert term in tokenizer.tokens(f"加强{term}技术研究")


def test_stop_words_and_punctuation_are_dropped(tokenizer: Tokenizer) -> None:
    tokens = tokenizer.tokens("哪些氢能技术，被列为重点？")
    assert "哪些" not in tokens and "，" not in tokens and "？" not in tokens
    assert "氢能" in tokens


def test_documents_and_queries_share_one_tokenizer(tokenizer: Tokenizer) -> None:
    assert tokenizer.tokens("煤层气抽采") == tokenizer.tokens("煤层气抽采")


def test_harvested_enumeration_members_become_terms() -> None:
    terms = harvest_terms(["开展催化剂、质子交换膜、膜电极、双极板等核心技术研究"])
    assert {"催化剂", "质子交换膜", "膜电极", "双极板"} <= terms


def test_extra_terms_are_kept_whole() -> None:
    assert "喀斯特山地" in Tokenizer(extra_terms=["喀斯特山地"]).tokens("喀斯特山地农业")


def test_tokenizers_do_not_share_state() -> None:
    Tokenizer(extra_terms=["独有词汇甲"])
    assert "独有词汇甲" not in Tokenizer().tokens("独有词汇甲")


def test_derived_tokenizer_has_its_own_terms_and_shares_the_dictionary() -> None:
    base = Tokenizer(extra_terms=["独有词汇乙"])
    derived = base.derive(["独有词汇丙"])
    assert "独有词汇丙" in derived.tokens("独有词汇丙") and "独有词汇乙" not in derived.tokens(
        "独有词汇乙"
    )
    assert "独有词汇丙" not in base.tokens("独有词汇丙")  # the parent is unchanged
    assert derived._base is base._base  # one dictionary in memory
    text = "加快突破氢燃料电池电堆关键技术"
    assert Tokenizer().derive([]).tokens(text) == Tokenizer().tokens(text)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hydrogen fuel cells", {"氢能", "燃料电池"}),
        ("tea varieties", {"茶叶", "品种"}),
        ("年轻科研人员培养", {"青年"}),
        ("节约建筑能耗", {"节能", "降耗"}),
        ("六盘水会不会越落越远", {"差距拉大"}),  # kb/data/zh_policy.tsv
        ("各县错开发展", {"差异化发展"}),
    ],
)
def test_expander_maps_english_and_everyday_words_to_plan_terms(
    query: str, expected: set[str]
) -> None:
    assert expected <= set(QueryExpander().expand(query))


def test_expander_does_not_repeat_words_already_in_a_chinese_query() -> None:
    assert "节能" not in QueryExpander().expand("节能节约")


def test_char_ngrams_have_unigrams_bigrams_and_latin_words() -> None:
    grams = char_ngrams("节能降耗 5G")
    assert {"节", "能", "节能", "能降", "降耗", "5g"} <= set(grams)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("  氢能\x00\x07 技术\u200b ", "氢能 技术"), ("\ud800煤炭", "煤炭"), ("\t\n", "")],
)
def test_clean_query_strips_control_and_format_characters(raw: str, clean: str) -> None:
    assert clean_query(raw) == clean


@pytest.mark.parametrize(
    ("text", "english"), [("hydrogen", True), ("氢能 hydrogen", True), ("氢能源技术", False)]
)
def test_is_english(text: str, english: bool) -> None:
    assert is_english(text) is english


def _word_list(name: str) -> list[list[str]]:
    """The rows (word, its terms) of a word list in ``kb/data/``; each has both."""
    text = resources.files("kb").joinpath("data", name).read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    assert rows and all(len(r) == 2 and r[1].split() for r in rows)
    return rows


@pytest.mark.parametrize("name", ["zh_synonyms.tsv", "zh_everyday.tsv", "en_everyday.tsv"])
def test_everyday_words_stand_for_terms_the_plan_writes(name: str) -> None:
    """Every plan-side term of the everyday-word files is a string of the plan (else
    it stands for nothing the plan says): checked on the files written from the plan."""
    plan = (Path(__file__).parents[2] / "corpus" / "liupanshui-14th-fyp-sci-tech.txt").read_text(
        "utf-8"
    )
    rows = _word_list(name)
    if name != "zh_synonyms.tsv":  # the older thesaurus also serves the other documents
        absent = [t for _, terms in rows for t in terms.split() if t not in plan]
        assert absent == []


def test_document_glossary_renders_words_the_other_documents_write(
    all_kb: KnowledgeBase,
) -> None:
    """``en_documents.tsv`` was written from corpus-extra's documents: every Chinese
    rendering is a string of one of them (else it stands for nothing they say)."""
    text = "\n".join(all_kb.index.sources.values())
    rows = _word_list("en_documents.tsv")
    assert len(rows) > 500
    assert [t for _, terms in rows for t in terms.split() if t not in text] == []


def test_the_expander_reads_an_enterprises_own_words() -> None:
    expander = QueryExpander()
    assert "集约化育苗" in expander.synonyms("穴盘育苗")
    assert "植保无人机" in expander.expand("打药飞机")


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("How many sites of the (城管进社区) scheme, and 兜底保障?", ["城管进社区", "兜底保障"]),
        ("the 省 alone is one character", []),
        ("No Chinese here", []),
    ],
)
def test_chinese_runs_are_the_stretches_of_two_or_more_characters(text: str, runs: list) -> None:
    assert chinese_runs(text) == runs
