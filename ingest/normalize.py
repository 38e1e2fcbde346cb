"""Normalise text for the parser while keeping a map back to the original.

The parser sees full-width digits and letters as ASCII (``１．`` → ``1.``), tabs and every
Unicode space (ideographic, no-break, em …) as plain spaces. Every normalised character comes
from exactly one original character, so a normalised span maps back to an original
span with :meth:`Normalized.original_span`, and chunks can cite the original text.

Example::

    norm = normalize("\\t\\u3000１．能矿装备")
    norm.text                      # '  1.能矿装备'
    norm.original_span(2, 4)       # (2, 4): '１．' in the original
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Normalized", "normalize"]

_SPACES = {"\t": " ", "\u3000": " ", "\u00a0": " ", "\ufeff": " ", "\f": " ", "\v": " "}


def _fold(ch: str) -> str:
    code = ord(ch)
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        return chr(code - 0xFEE0)  # full-width digit or Latin letter
    if ch == "．":
        return "."
    if ch in _SPACES or (code > 0x7F and unicodedata.category(ch) == "Zs"):
        return " "  # also em, en, thin and figure spaces (辽宁's reports indent with \u2003\u2003)
    return ch


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for each of its characters, the original index.

    Normalisation here is one character to one character, so the map is the identity
    on positions (a ``range``: no memory per character, which matters for a 40 MB
    file); it is kept explicit so that a later normalisation that drops or merges
    characters only has to fill it differently.
    """

    text: str
    origin: Sequence[int]
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised ``[start, end)`` to the original text's ``[start, end)``.

        :raises ValueError: the span is outside the text or reversed.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(
                f"span ({start}, {end}) is outside the normalised text of length "
                f"{len(self.text)}; give 0 <= start <= end <= length."
            )
        if start == end:
            pos = self.origin[start] if start < len(self.origin) else self.original_length
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1


def normalize(text: str) -> Normalized:
    """Fold full-width digits/letters and odd spaces for parsing.

    :param text: the original text (universal newlines already applied by ``read``).
    :returns: the normalised text and its offset map.
    """
    return Normalized(
        text="".join(_fold(ch) for ch in text),
        origin=range(len(text)),
        original_length=len(text),
    )
