"""Names that carry a place but are not about it (awards, institutions, firms)."""

from __future__ import annotations

import pytest

from kb.named_after import named_after, without_topics


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("贵州省科学技术奖一等奖有几项？", "贵州"),
        ("北京理工大学的团队", "北京"),
        ("the slag process of Guizhou Hezhong Manganese", "Guizhou"),
        ("Liupanshui Shenghua Technology builds cells", "Liupanshui"),
        ("a team from Beijing Institute of Technology", "Beijing"),
    ],
)
def test_a_place_that_starts_a_longer_name_is_part_of_it(text: str, place: str) -> None:
    assert named_after(text, text.index(place) + len(place))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Guizhou's grain output", "Guizhou"),
        ("Guizhou Government Work Report", "Guizhou"),  # English words, not pinyin
        ("贵州的粮食产量", "贵州"),
        ("What did Hunan Province invest", "Hunan"),
    ],
)
def test_a_place_standing_alone_is_not_part_of_a_name(text: str, place: str) -> None:
    assert not named_after(text, text.index(place) + len(place))


def test_a_place_followed_by_another_place_is_not_a_firm() -> None:
    text = "Guizhou Liupanshui coal output"
    end = len("Guizhou")
    assert named_after(text, end)  # pinyin-shaped: read as a firm's name …
    assert not named_after(text, end, frozenset({end + 1}))  # … unless a place starts there


def test_topics_are_blanked_and_keep_the_length() -> None:
    text = "长江经济带的生态保护"
    assert without_topics(text) == " " * 5 + "的生态保护"
