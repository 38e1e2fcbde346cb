"""The string tables: every UI string in both languages, each in its own language."""

from __future__ import annotations

import re
import string

import pytest

from ui.strings import MEASURES, STRINGS, text

CJK = re.compile(r"[\u4e00-\u9fff]")
# Latin words the Chinese column may hold: names and formats shown as they are.
NAMES = {"R", "D", "corpus", "policykb", "ingest", "txt", "docx", "pdf", "md", "MB", "PDF"}
NAMES |= {"CSV", "Markdown", "SMT"}


def _fields(value: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(value) if f}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_string_has_both_languages_with_the_same_fields(key: str) -> None:
    zh, en = STRINGS[key]
    assert zh and en and _fields(zh) == _fields(en)


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_english_strings_hold_no_chinese_and_chinese_strings_no_english_words(key: str) -> None:
    zh, en = STRINGS[key]
    assert not CJK.search(en)
    words = set(re.findall(r"[A-Za-z]+", re.sub(r"\{\w+\}", "", zh)))
    assert words <= NAMES


def test_measure_labels_have_english_names() -> None:
    assert all(CJK.search(zh) and not CJK.search(en) for zh, en in MEASURES.items())


@pytest.mark.parametrize(("lang", "expected"), [("zh", "找到 3 条结果"), ("en", "3 results")])
def test_text_fills_fields_in_the_language_asked(lang: str, expected: str) -> None:
    assert text("result_count", lang, n=3) == expected


def test_an_unknown_key_is_an_error_not_a_blank() -> None:
    with pytest.raises(KeyError):
        text("no-such-key", "zh")
