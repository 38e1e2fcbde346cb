"""The optional API key: ``Authorization: Bearer <key>`` or ``X-API-Key: <key>``.

An ASGI middleware, so a request without the key is refused before its body is read
or validated. The key is compared with :func:`hmac.compare_digest` (constant time).

Example::

    app.add_middleware(ApiKeyMiddleware, key="s3cret", open_paths={"/healthz"})
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

from api.errors import error_response

__all__ = ["ApiKeyMiddleware", "presented_keys"]

MISSING = (
    "this API needs a key: send the header 'Authorization: Bearer <key>' or 'X-API-Key: <key>'."
)
WRONG = "the API key is wrong; send the key the server was started with (POLICYKB_API_KEY)."


def presented_keys(headers: Iterable[tuple[bytes, bytes]]) -> list[bytes]:
    """The keys a request presents: a bearer token and an ``X-API-Key`` value.

    :param headers: the ASGI headers (lower-case names, raw values).
    """
    keys = []
    for name, value in headers:
        if name == b"x-api-key":
            keys.append(value.strip())
        elif name == b"authorization":
            scheme, _, token = value.strip().partition(b" ")
            if scheme.lower() == b"bearer":
                keys.append(token.strip())
    return [k for k in keys if k]


class ApiKeyMiddleware:
    """Refuse requests that do not present ``key`` with 401, except on ``open_paths``.

    :param app: the application to guard.
    :param key: the key; when empty, every request passes.
    :param open_paths: paths served without a key (health checks, the API's docs).
    """

    def __init__(self, app: ASGIApp, key: str, open_paths: Iterable[str] = ()) -> None:
        self.app = app
        self.key = key.encode("utf-8")
        self.open_paths = frozenset(open_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.key or scope["type"] != "http" or scope["path"] in self.open_paths:
            await self.app(scope, receive, send)
            return
        given = presented_keys(scope["headers"])
        # every presented key is compared, so the time taken says nothing of which one failed
        matches = [hmac.compare_digest(k, self.key) for k in given]
        if any(matches):
            await self.app(scope, receive, send)
            return
        response = error_response(
            401, WRONG if given else MISSING, {"WWW-Authenticate": 'Bearer realm="policykb"'}
        )
        await response(scope, receive, send)
