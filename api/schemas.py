"""Request bodies of the API: pydantic models, strict, unknown fields refused.

The length limits follow the server's settings (the search limit for queries, the fit
limit for project descriptions), so the models are built per app by
:func:`request_models`. Types are strict: ``"5"`` is not a ``k``, ``1`` is not a string.

Example::

    models = request_models(query_chars=1000, fit_chars=20_000)
    models.search(query="氢能", k=5).k          # 5
"""

# No ``from __future__ import annotations``: the models are built inside a function, and
# pydantic resolves their annotations from the function's locals as they are created.

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["MAX_IDS", "MAX_K", "DocQuery", "ErrorBody", "RequestModels", "request_models"]

MAX_K = 100
MAX_IDS = 1000  # document ids in one request
_ID = Annotated[str, Field(max_length=200, description="a document id, as `GET /docs` lists")]
_FILTER = Annotated[str, Field(max_length=200)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class DocQuery(_Strict):
    """Query string of ``GET /outline`` and ``GET /indicators``."""

    doc: _ID | None = None


@dataclass(frozen=True)
class RequestModels:
    """The request model of each endpoint that takes a body."""

    search: type[BaseModel]
    ask: type[BaseModel]
    fit: type[BaseModel]
    compare: type[BaseModel]


def request_models(query_chars: int, fit_chars: int) -> RequestModels:
    """The request models, with these length limits.

    :param query_chars: longest query, question or topic (the search limit).
    :param fit_chars: longest project description.
    """
    Text = Annotated[str, Field(max_length=query_chars)]
    Ids = Annotated[list[_ID], Field(max_length=MAX_IDS)]

    class SearchRequest(_Strict):
        """`policykb search`: hybrid search, filters applied before ranking."""

        model_config = ConfigDict(
            json_schema_extra={"examples": [{"query": "哪些氢能技术被列为重点？", "k": 5}]}
        )
        query: Text = Field(description="words or a question, Chinese or English")
        k: Annotated[int, Field(ge=1, le=MAX_K)] = Field(10, description="number of results")
        doc: _ID | None = Field(None, description="only this document")
        section: _FILTER | None = Field(None, description="only under this section (prefix)")
        industry: _FILTER | None = Field(None, description="only this industry")
        mode: Literal["hybrid", "bm25", "dense"] = Field("hybrid", description="retrievers")
        all_docs: bool = Field(False, description="every document, even when the query names some")

    class AskRequest(_Strict):
        """`policykb ask`: an extractive answer, every clause cited."""

        model_config = ConfigDict(
            json_schema_extra={"examples": [{"question": "2025年高新技术企业目标是多少家"}]}
        )
        question: Text = Field(description="a question in Chinese or English")
        doc: _ID | None = Field(None, description="only this document")
        all_docs: bool = Field(
            False, description="every document, even when the question names some"
        )

    class FitRequest(_Strict):
        """`policykb fit`: does a project fit the documents?"""

        model_config = ConfigDict(
            json_schema_extra={"examples": [{"text": "我们计划研发煤矿井下巡检机器人"}]}
        )
        text: Annotated[str, Field(max_length=fit_chars)] = Field(
            description="the project description"
        )
        doc: _ID | Ids | None = Field(
            None, description="only these documents: one id, ids comma-separated, or a list"
        )

    class CompareRequest(_Strict):
        """`policykb compare`: what each document says on a topic."""

        model_config = ConfigDict(json_schema_extra={"examples": [{"topic": "氢能"}]})
        topic: Text = Field(description="a topic, e.g. 氢能 or 高新技术企业")
        docs: Ids | None = Field(None, description="only these documents")
        kind: _FILTER | None = Field(None, description="only documents of this kind")

    return RequestModels(SearchRequest, AskRequest, FitRequest, CompareRequest)


class ErrorBody(BaseModel):
    """Every error the API sends: one line for the user."""

    error: str = Field(examples=["the query is empty; type a few words or a question."])
