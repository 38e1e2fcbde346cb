"""What a description's key terms are: terms with their forms, and the business balance."""

from __future__ import annotations

import pytest

from kb.project_terms import KeyTerm, ProjectTerms


@pytest.mark.parametrize(
    ("commerce", "trade", "make", "expected"),
    [
        (["批发"], 2, 1, True),  # sells more than it makes
        (["批发"], 1, 1, False),  # as much making as selling
        ([], 0, 0, False),  # no business form at all
    ],
)
def test_a_project_is_commerce_only_when_it_trades_more_than_it_makes(
    commerce: list[str], trade: int, make: int, expected: bool
) -> None:
    terms = ProjectTerms([], commerce=commerce, trade=trade, make=make)
    assert terms.commerce_only is expected


def test_a_key_term_defaults_to_a_specific_foreground_thing_said_once() -> None:
    term = KeyTerm("膜电极", (("膜电极", 1.0),))
    assert (term.background, term.common, term.noun, term.count) == (False, False, True, 1)
