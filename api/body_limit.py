"""The request size limit: a body over ``max_body`` bytes gets 413.

Checked twice: a declared ``Content-Length`` over the limit is refused before anything
is read, and a body sent without one (chunked) is counted as it streams in and refused
as soon as it passes the limit, so a large body is never held in memory whole.

Starlette's own ``RequestBodyLimitMiddleware`` answers in plain text; this one answers
with the API's ``{"error": ...}`` body.

Example::

    app.add_middleware(BodyLimitMiddleware, max_body=1024 * 1024)
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_response

__all__ = ["BodyLimitMiddleware", "BodyTooLarge"]


class BodyTooLarge(HTTPException):
    """A request body over the limit (status 413)."""

    def __init__(self, max_body: int, size: int | None = None) -> None:
        said = f"is {size:,} bytes" if size is not None else "is larger"
        super().__init__(
            413,
            f"the request body {said}; the limit is {max_body:,} bytes "
            "(server setting POLICYKB_API_MAX_BODY).",
        )


class BodyLimitMiddleware:
    """Answer 413 to a request whose body is over ``max_body`` bytes.

    :param app: the application to guard.
    :param max_body: the largest body accepted, in bytes.
    """

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body:
            too_large = BodyTooLarge(self.max_body, int(declared))
            await error_response(413, str(too_large.detail))(scope, receive, send)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge as exc:  # raised where the app's own handlers do not see it
            if started:
                raise
            await error_response(413, str(exc.detail))(scope, receive, send)
