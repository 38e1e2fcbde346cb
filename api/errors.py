"""Error bodies: every 4xx and 5xx the API sends is ``{"error": "<one line>"}``.

The knowledge base's own errors keep their messages (written for users) and get a
status: :class:`~kb.errors.BadQuery` 400, :class:`~kb.errors.UnknownDocument` 404,
:class:`~kb.errors.IndexBusy` 503, any other :class:`~kb.errors.KBError` 500. A request
that does not match its schema gets 422 (400 for malformed JSON) with one line naming
each bad field, what it should be, and what came.

Example::

    app = FastAPI()
    install_error_handlers(app, {"/search": SearchRequest})
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from kb.errors import BadQuery, IndexBusy, KBError, UnknownDocument

__all__ = [
    "JSONBody",
    "RequestTimeout",
    "error_response",
    "install_error_handlers",
    "validation_message",
]

log = logging.getLogger("policykb.api")


class JSONBody(JSONResponse):
    """UTF-8 JSON as the CLI prints it (``ensure_ascii=False``), escaped only when a lone
    surrogate cannot be encoded."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode()


class RequestTimeout(Exception):
    """A request ran longer than the API's time limit."""


def error_response(status: int, message: str, headers: Mapping[str, str] | None = None) -> Response:
    """The API's error body, ``{"error": message}``, with ``status``.

    :param message: one line for the user; line breaks are folded.
    """
    line = " ".join(message.split())
    return JSONBody({"error": line}, status_code=status, headers=dict(headers or {}))


_KB_STATUS: tuple[tuple[type[KBError], int], ...] = (
    (BadQuery, 400),
    (UnknownDocument, 404),
    (IndexBusy, 503),
)


def _kb_status(exc: KBError) -> int:
    return next((status for kind, status in _KB_STATUS if isinstance(exc, kind)), 500)


def _field(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc[1:2]) or loc[0]


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "…"


def _form(branch: object) -> str:
    """A union member as pydantic names it (``list[constrained-str]``), in words."""
    name = str(branch).replace("constrained-", "")
    return {"str": "a string", "list[str]": "a list of strings", "int": "an integer"}.get(
        name, name
    )


def _one(error: Mapping[str, Any], allowed: list[str]) -> str:
    """One validation error as words: the field, what it should be, what came."""
    kind, field, ctx = error["type"], _field(error["loc"]), error.get("ctx") or {}
    given = error.get("input")
    if kind == "missing":
        return f"{field} is required"
    if kind == "extra_forbidden":
        return f"unknown field {field!r} (allowed: {', '.join(allowed) or 'none'})"
    if kind == "string_too_long":
        return f"{field} is {len(given):,} characters; the limit is {ctx['max_length']:,}"
    if kind == "too_long":
        return f"{field} has {len(given):,} items; the limit is {ctx['max_length']:,}"
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        return f"{field}={_shown(given)} is out of range: {error['msg'].lower()}"
    return f"{field}: {error['msg'][0].lower()}{error['msg'][1:]} (got {_shown(given)})"


def validation_message(errors: list[Mapping[str, Any]], allowed: list[str]) -> tuple[int, str]:
    """The status and one-line message for a request that fails its schema.

    :param errors: pydantic's errors (``RequestValidationError.errors()``).
    :param allowed: the fields the endpoint takes, named when an unknown one comes.
    :returns: 400 for malformed JSON, else 422, and the message.
    """
    for error in errors:
        if error["type"] == "json_invalid":
            where = error["loc"][1] if len(error["loc"]) > 1 else 0
            reason = (error.get("ctx") or {}).get("error", "not JSON")
            return 400, f"malformed JSON at character {where}: {reason}."
    for error in errors:
        if tuple(error["loc"]) == ("body",):
            if error["type"] == "missing":
                return 422, "this endpoint needs a JSON object body (application/json)."
            return 422, (
                "the body must be a JSON object sent with Content-Type: application/json "
                f"(fields: {', '.join(allowed)})."
            )
    by_field: dict[str, list[Mapping[str, Any]]] = {}
    for error in errors:
        by_field.setdefault(_field(error["loc"]), []).append(error)
    parts = []
    for field, found in by_field.items():
        branches = list(dict.fromkeys(_form(e["loc"][2]) for e in found if len(e["loc"]) > 2))
        if len(branches) > 1:  # a union: say every form it may take
            forms = " or ".join(branches)
            parts.append(f"{field} must be {forms} (got {_shown(found[0]['input'])})")
        else:
            parts.append(_one(found[0], allowed))
    return 422, "; ".join(parts) + "."


def install_error_handlers(app: FastAPI, models: Mapping[str, type[BaseModel]]) -> None:
    """Make every error the API sends an ``{"error": ...}`` body.

    :param models: each endpoint's path and its request model (to list allowed fields).
    """

    async def on_invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        model = models.get(request.url.path)
        allowed = list(model.model_fields) if model else []
        status, message = validation_message(list(exc.errors()), allowed)
        return error_response(status, message)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no endpoint {request.url.path}; the endpoints are listed at /api-docs."
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}."
        return error_response(exc.status_code, message, exc.headers)

    async def on_kb(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, KBError)
        status = _kb_status(exc)
        if status >= 500:
            log.error("%s %s: %s", request.method, request.url.path, exc)
        return error_response(status, str(exc))

    async def on_timeout(request: Request, exc: Exception) -> Response:
        log.warning("%s %s: %s", request.method, request.url.path, exc)
        return error_response(504, str(exc))

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path, exc_info=exc)
        return error_response(500, "internal error; the server log has the details.")

    app.add_exception_handler(RequestValidationError, on_invalid)
    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(KBError, on_kb)
    app.add_exception_handler(RequestTimeout, on_timeout)
    app.add_exception_handler(Exception, on_crash)
