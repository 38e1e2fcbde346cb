"""Filter masks on tiny fixtures: document, section prefix or node id, industry."""

from __future__ import annotations

import pytest
from haystack import Document

from kb.errors import BadQuery
from kb.filters import filter_mask, in_section

CHUNKS = [
    Document(
        content="氢能",
        meta={
            "doc": "a",
            "node": "ch4.s1.ss1.box1.i2",
            "section": ["第四章 加快推进", "（一）能源产业"],
            "industry": "能源产业",
        },
    ),
    Document(
        content="钢铁",
        meta={
            "doc": "a",
            "node": "ch4.s1.ss3",
            "section": ["第四章 加快推进"],
            "industry": "钢铁产业",
        },
    ),
    Document(
        content="人才", meta={"doc": "b", "node": "ch6", "section": ["第六章"], "industry": None}
    ),
]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"doc": "a"}, [True, True, False]),
        ({"section": "第四章"}, [True, True, False]),
        ({"section": "（一）能源产业"}, [True, False, False]),  # any heading, not only the first
        ({"section": "ch4.s1.ss3"}, [False, True, False]),  # a node id prefix
        ({"industry": "钢铁"}, [False, True, False]),  # part of a name
        ({"doc": "a", "industry": "能源产业"}, [True, False, False]),
    ],
)
def test_filter_mask_allows_the_matching_rows(kwargs: dict, expected: list[bool]) -> None:
    assert filter_mask(CHUNKS, **kwargs).tolist() == expected


def test_no_filter_is_no_mask() -> None:
    assert filter_mask(CHUNKS) is None


def test_filter_matching_nothing_raises_listing_industries_and_headings() -> None:
    with pytest.raises(BadQuery, match=r"industries: 能源产业, 钢铁产业.*第六章"):
        filter_mask(CHUNKS, section="第九章")


def test_in_section_matches_the_joined_address_prefix() -> None:
    assert in_section(CHUNKS[0].meta, "第四章 加快推进 › （一）")
