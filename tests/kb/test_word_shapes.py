"""A stretch of a description judged by its shape (kb.word_shapes)."""

from __future__ import annotations

import pytest

from kb.tokenize import Tokenizer
from kb.word_shapes import content_word, counted, dangling, fragment


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer()


@pytest.mark.parametrize(
    ("word", "amount"), [("七八十米", True), ("两百多", True), ("三台", True), ("膜电极", False)]
)
def test_an_amount_is_counted_not_a_thing(word: str, amount: bool) -> None:
    assert counted(word) is amount


@pytest.mark.parametrize(
    ("word", "is_content"),
    [
        ("氢能", True),
        ("hydrogen", True),
        ("的", False),
        ("2025", False),
        # a term that mixes scripts is a word of its own (the plan's 煤制LNG, 5G通信)
        ("煤制lng", True),
        ("5g通信", True),
        ("5g+医疗", True),
        ("煤", False),
    ],
)
def test_a_content_word_has_two_characters_or_a_latin_word(word: str, is_content: bool) -> None:
    assert content_word(word) is is_content


@pytest.mark.parametrize(
    ("word", "dangles"), [("机和", True), ("和谐", False), ("烘干机", False), ("的确", False)]
)
def test_a_stretch_on_a_joining_word_dangles_unless_it_is_a_word(
    tokenizer: Tokenizer, word: str, dangles: bool
) -> None:
    assert dangling(word, tokenizer) is dangles


@pytest.mark.parametrize(
    ("word", "piece"),
    [
        ("十来个", True),  # jieba's dictionary has it, rarely, as no noun
        ("库里", True),  # a name (Curry), not a store
        ("省里", True),
        ("好几趟", True),
        ("比前", True),  # 比前一个五年: a preposition and the word after it
        ("比重", False),
        ("那曲", False),  # a place
        ("个性化", False),  # a noun it knows well
        ("里程碑", False),
        ("标志牌", False),  # no particle at its edge
        ("不锈钢管", False),
    ],
)
def test_a_piece_guessed_across_words_is_a_fragment(
    tokenizer: Tokenizer, word: str, piece: bool
) -> None:
    assert fragment(word, tokenizer) is piece
