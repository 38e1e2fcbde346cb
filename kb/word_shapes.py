"""What a stretch of a description is by its shape alone, before any document is asked:
an amount (三台, 两百多), a content word at all (not 的, not a number), a stretch that
dangles on a joining word (机和), or a piece jieba guessed across words (十来个, 库里).

:class:`~kb.keyterms.KeyTerms` keeps such stretches out of the key terms and out of the
words it lists as not named.

Example::

    counted("七八十米")                                  # True: an amount
    dangling("机和", tokenizer)                           # True
    fragment("十来个", tokenizer)                         # True
    fragment("个性化", tokenizer)                         # False: a noun it knows well
"""

from __future__ import annotations

import re

from kb.tokenize import Tokenizer

__all__ = ["content_word", "counted", "dangling", "fragment"]

#: An amount, not a thing: 多家, 十余年, 两百多, 三台, 七八十米 (a numeral and at most one
#: character after it).
_COUNTED = re.compile(
    r"[余多][\u4e00-\u9fff]|[\d一二三四五六七八九十百千万两几余多]+[\u4e00-\u9fff]?"
)
_CONTENT = re.compile(
    r"[\u4e00-\u9fff]{2,}|[a-z][a-z0-9&\-]{2,}|[a-z0-9]*[a-z][a-z0-9]*"
    # a term that mixes scripts (煤制lng, 5g通信, 3d打印): a Chinese character and a letter
    r"|(?=[^\u4e00-\u9fff]*[\u4e00-\u9fff])(?=[^a-z]*[a-z])[\u4e00-\u9fffa-z0-9+&\-]{3,}"
)
#: Joining words and particles (和, 的): a stretch that begins or ends on one is no term.
_JOINERS = frozenset("和与及或的了并")
#: Measure words, particles and place words a guessed piece of several words holds (十来个,
#: 开了个, 库里, 活是, 好几趟).
_FRAGMENT_CHARS = frozenset("个了里是在好几把被给着的得趟吗呢吧啊嘛哪")
#: Prepositions and pointers a guessed piece may begin with (比前一个五年: 比前).
_LEADING = frozenset("比那这从向对")
#: jieba's frequency from which a noun holding such a character is a word (省里 249 is
#: not a noun; 库里 48 is a name).
_KNOWN_NOUN = 100


def counted(word: str) -> bool:
    """Is the word an amount (三台, 两百多, 十余年), not a thing?"""
    return bool(_COUNTED.fullmatch(word))


def content_word(word: str) -> bool:
    """Is the word a content word at all: two Chinese characters or more, or a Latin
    word (not a number alone)?"""
    return bool(_CONTENT.fullmatch(word))


def dangling(word: str, tokenizer: Tokenizer) -> bool:
    """Does the stretch begin or end on a joining word general Chinese does not join to
    it (机和 of 洗地毯机和一台烘干机, which jieba guesses is a word)?"""
    joined = word[0] in _JOINERS or word[-1] in _JOINERS
    return joined and not tokenizer.general_frequency(word)


def fragment(word: str, tokenizer: Tokenizer) -> bool:
    """Is the word a piece jieba guessed across words (十来个, 开了个, 库里, 好几趟)? It
    begins or ends on a measure word or particle, and is no noun that general Chinese
    lacks or knows well (个性化)."""
    frequency = tokenizer.general_frequency(word)
    if word[0] in _LEADING and not frequency and not tokenizer.is_noun(word):
        return True  # 比前, 那前: a preposition or pointer and the word after it
    if word[0] not in _FRAGMENT_CHARS and word[-1] not in _FRAGMENT_CHARS:
        return False
    return not (tokenizer.is_noun(word) and (frequency == 0 or frequency >= _KNOWN_NOUN))
