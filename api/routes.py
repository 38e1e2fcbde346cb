"""The endpoints: each validates its request, runs one call of :mod:`api.calls` in the
thread pool, and returns the CLI's JSON.

Example::

    router = knowledge_routes(kb, request_models(1000, 20_000))
    app.include_router(router)
"""

# No ``from __future__ import annotations``: the endpoints' parameter types are classes
# built at run time (:func:`api.schemas.request_models`); FastAPI reads them as given.

from collections.abc import Callable, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.params import Depends
from starlette.responses import Response

from api import calls
from api.errors import JSONBody, error_response
from api.readiness import WarmUp
from api.schemas import DocQuery, ErrorBody, RequestModels
from kb.knowledge_base import KnowledgeBase

__all__ = ["health_routes", "knowledge_routes"]


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    reasons = {
        400: "a bad query (empty, too long, an unknown section or industry) or malformed JSON",
        401: "the API key is missing or wrong (only when the server has one)",
        404: "an unknown document id",
        413: "the request body is over the size limit",
        422: "the request does not match its schema (types, bounds, unknown fields)",
        504: "the request ran over the time limit",
    }
    return {code: {"model": ErrorBody, "description": reasons[code]} for code in codes}


async def _run(
    request: Request, fn: Callable[..., dict[str, Any]], *args: Any, **kw: Any
) -> Response:
    return JSONBody(await request.app.state.runner.run(fn, *args, **kw))


def knowledge_routes(
    kb: KnowledgeBase, models: RequestModels, dependencies: Sequence[Depends] = ()
) -> APIRouter:
    """The knowledge base's endpoints, in the CLI's JSON shapes.

    :param kb: the knowledge base every request shares.
    :param models: the request bodies (:func:`api.schemas.request_models`).
    :param dependencies: added to every endpoint (the API key's OpenAPI description).
    """
    router = APIRouter(dependencies=list(dependencies), responses=_errors(401, 413, 422, 504))
    Search, Ask, Fit, Compare = models.search, models.ask, models.fit, models.compare
    doc_query = Annotated[DocQuery, Query()]

    @router.post("/search", responses=_errors(400, 404), summary="Search the clauses")
    async def search(body: Search, request: Request) -> Response:
        """As `policykb search --json`: `{"query", "scope", "elsewhere", "results": [hit, …]}`.

        Without `doc` or `all_docs`, a query that names a place, issuer, kind or year is
        kept to those documents (`scope` says which and why).
        """
        return await _run(request, calls.search, kb, **body.model_dump())

    @router.post("/ask", responses=_errors(400, 404), summary="Answer a question")
    async def ask(body: Ask, request: Request) -> Response:
        """As `policykb ask --extractive --json`: the answer in the documents' own words,
        every clause cited."""
        return await _run(request, calls.ask, kb, **body.model_dump())

    @router.post("/fit", responses=_errors(400, 404), summary="Check a project's fit")
    async def fit(body: Fit, request: Request) -> Response:
        """As `policykb fit --json`: verdict (fit / partial / no_fit), score, matching
        plan items and support measures, per document."""
        return await _run(request, calls.fit, kb, **body.model_dump())

    @router.post("/compare", responses=_errors(400, 404), summary="Compare documents")
    async def compare(body: Compare, request: Request) -> Response:
        """As `policykb compare --json`: what each document says on the topic, cited."""
        return await _run(request, calls.compare, kb, **body.model_dump())

    @router.get("/outline", responses=_errors(404), summary="The documents' structure")
    async def outline(query: doc_query, request: Request) -> Response:
        """As `policykb outline --json`: each document's tree of chapters, sections, items."""
        return await _run(request, calls.outline, kb, query.doc)

    @router.get("/indicators", responses=_errors(404), summary="The targets table")
    async def indicators(query: doc_query, request: Request) -> Response:
        """As `policykb indicators --json`: 2020 values vs 2025 targets."""
        return await _run(request, calls.indicators, kb, query.doc)

    @router.get("/docs", summary="The indexed documents")
    async def documents(request: Request) -> Response:
        """As `policykb docs --json`: each document's title, issuer, region, kind, year."""
        return await _run(request, calls.documents, kb)

    return router


def health_routes(warm: WarmUp) -> APIRouter:
    """``/healthz`` (the process is up) and ``/readyz`` (warmed up); never need a key.

    :param warm: the warm-up whose state ``/readyz`` reports.
    """
    router = APIRouter(tags=["health"])

    @router.get("/healthz", summary="The process is up")
    async def healthz() -> Response:
        """200 `{"status": "ok"}` whenever the server answers."""
        return JSONBody({"status": "ok"})

    @router.get(
        "/readyz",
        summary="Warmed up",
        responses={503: {"model": ErrorBody, "description": "still warming up, or it failed"}},
    )
    async def readyz() -> Response:
        """200 `{"status": "ready"}` once searchers and models are loaded; 503 before."""
        if warm.ready:
            return JSONBody({"status": "ready"})
        return error_response(503, f"not ready: {warm.status()}.")

    return router
