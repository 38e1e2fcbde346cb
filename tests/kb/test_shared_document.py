"""rescored: a new document with a new score, the old one untouched."""

from __future__ import annotations

import copy
import dataclasses
import warnings

from kb.shared_document import SharedDocument, rescored


def test_rescored_equals_dataclasses_replace_and_leaves_the_original() -> None:
    chunk = SharedDocument(id="c1", content="氢能", meta={"doc": "plan"}, score=0.2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        new = rescored(chunk, 0.9)
    assert new == dataclasses.replace(chunk, score=0.9)
    assert type(new) is SharedDocument and new is not chunk
    assert chunk.score == 0.2 and new.meta is chunk.meta


def test_shared_documents_are_not_copied_by_deepcopy() -> None:
    chunk = SharedDocument(id="c1", content="氢能")
    assert copy.deepcopy(chunk) is chunk
