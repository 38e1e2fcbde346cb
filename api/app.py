"""The HTTP API over one knowledge base: :func:`create_app`.

One :class:`~kb.knowledge_base.KnowledgeBase` per process, shared by every request (it
is thread-safe); its blocking calls run in a thread pool with a time limit. The
interactive docs are at ``/api-docs`` and the schema at ``/openapi.json`` (``/docs``
is the documents).

Example::

    kb = KnowledgeBase.open(".policykb")
    app = create_app(kb, load_settings())
    uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Security
from fastapi.security import APIKeyHeader, HTTPBearer

from api.api_key import ApiKeyMiddleware
from api.body_limit import BodyLimitMiddleware
from api.errors import JSONBody, install_error_handlers
from api.readiness import WarmUp, warm_every_endpoint
from api.routes import health_routes, knowledge_routes
from api.runner import Runner
from api.schemas import DocQuery, request_models
from api.settings import ApiSettings
from kb.knowledge_base import KnowledgeBase

__all__ = ["DOCS_URL", "OPEN_PATHS", "create_app"]

DOCS_URL = "/api-docs"
#: Served without the API key: the health checks, and the docs so a browser can open them
#: and send the key from their "Authorize" button.
OPEN_PATHS = ("/healthz", "/readyz", DOCS_URL, f"{DOCS_URL}/oauth2-redirect", "/openapi.json")

DESCRIPTION = """Search, quote and cite Chinese policy documents over HTTP.

Every endpoint answers in the same JSON as the CLI's `--json`; every error is
`{"error": "<one line>"}`. See docs/api.md for curl examples, limits and the API key."""


def create_app(kb: KnowledgeBase, settings: ApiSettings) -> FastAPI:
    """The API over ``kb``.

    Starting the app (its lifespan) starts the thread pool and warms ``kb`` up in the
    background; ``/readyz`` answers 200 once that is done.

    :param kb: an opened knowledge base (its searcher configured as wanted).
    :param settings: limits, time-out and API key (:func:`api.settings.load_settings`).
    :returns: the FastAPI application, ready for uvicorn or a test client.
    """
    runner = Runner(settings.workers, settings.timeout)
    warm = WarmUp(lambda: warm_every_endpoint(kb))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runner.start()
        warm.start()
        try:
            yield
        finally:
            runner.close()

    app = FastAPI(
        title="PolicyKB API",
        description=DESCRIPTION,
        version="1",
        docs_url=DOCS_URL,
        redoc_url=None,
        openapi_url="/openapi.json",
        default_response_class=JSONBody,
        lifespan=lifespan,
    )
    app.state.runner = runner
    app.state.warm = warm
    app.state.kb = kb
    models = request_models(settings.max_query_chars, settings.max_fit_chars)
    bodies = {f"/{n}": getattr(models, n) for n in ("search", "ask", "fit", "compare")}
    install_error_handlers(app, {**bodies, "/outline": DocQuery, "/indicators": DocQuery})
    # Documents the key in the schema so the docs' "Authorize" button sends it; the
    # middleware below is what enforces it (before a body is read).
    described = (
        [
            Security(HTTPBearer(auto_error=False, description="the API key as a bearer token")),
            Security(APIKeyHeader(name="X-API-Key", auto_error=False)),
        ]
        if settings.api_key
        else []
    )
    app.include_router(health_routes(warm))
    app.include_router(knowledge_routes(kb, models, described))
    # the last added runs first: the key is checked before the body is read
    app.add_middleware(BodyLimitMiddleware, max_body=settings.max_body)
    app.add_middleware(ApiKeyMiddleware, key=settings.api_key, open_paths=OPEN_PATHS)
    return app
