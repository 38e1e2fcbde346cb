"""The API's settings, read in one place: :func:`load_settings`.

Everything the HTTP face needs from the environment is read here and nowhere else, so
moving to another settings source means changing this one function.

Example::

    settings = load_settings()               # Config.load() and POLICYKB_API_* variables
    settings.max_body, settings.timeout      # (1048576, 30.0)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from kb.config import Config
from kb.errors import ConfigError
from kb.search import SearchSettings

__all__ = ["MAX_FIT_CHARS", "ApiSettings", "load_settings"]

#: The longest project description ``kb.fit`` accepts (its own limit, checked again there).
MAX_FIT_CHARS = 20_000


@dataclass(frozen=True)
class ApiSettings:
    """Every setting of the HTTP API.

    :param index_dir: the index to serve.
    :param corpus_dir: documents changed there since the build are logged at start.
    :param embedder: when set, the index must have been built with this embedder.
    :param search: the search settings the knowledge base is configured with.
    :param max_body: largest request body in bytes (``POLICYKB_API_MAX_BODY``).
    :param timeout: seconds a request may run before it gets 504 (``POLICYKB_API_TIMEOUT``).
    :param workers: threads running the knowledge base's calls (``POLICYKB_API_WORKERS``).
    :param api_key: when non-empty, the key every request but the health checks must
        present (``POLICYKB_API_KEY``; never shown in ``repr``).
    :param max_fit_chars: longest project description for ``/fit``.
    """

    index_dir: Path = Path(".policykb")
    corpus_dir: Path | None = None
    embedder: str = ""
    search: SearchSettings = field(default_factory=SearchSettings)
    max_body: int = 1024 * 1024
    timeout: float = 30.0
    workers: int = 4
    api_key: str = field(default="", repr=False)
    max_fit_chars: int = MAX_FIT_CHARS

    def __post_init__(self) -> None:
        for name, var in (
            ("max_body", "POLICYKB_API_MAX_BODY"),
            ("timeout", "POLICYKB_API_TIMEOUT"),
            ("workers", "POLICYKB_API_WORKERS"),
            ("max_fit_chars", "max_fit_chars"),
        ):
            if not getattr(self, name) > 0:
                raise ConfigError(f"{var}={getattr(self, name)!r} must be a number > 0.")

    @property
    def max_query_chars(self) -> int:
        """Longest query, question or topic: the search limit."""
        return self.search.max_query_chars


N = TypeVar("N", int, float)


def _number(env: Mapping[str, str], name: str, kind: Callable[[str], N], default: N) -> N:
    """The variable ``name`` as a number, or ``default`` when unset or empty."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return kind(raw)
    except ValueError:
        raise ConfigError(
            f"{name}={raw!r} is not a valid {type(default).__name__}; give e.g. {default!r}."
        ) from None


def load_settings(
    config: Config | None = None, env: Mapping[str, str] | None = None
) -> ApiSettings:
    """The API's settings: ``config`` (or ``Config.load()``) and ``POLICYKB_API_*`` variables.

    :param config: the knowledge base's settings (the CLI passes its own, flags applied).
    :param env: the environment to read (``os.environ`` when omitted).
    :returns: the settings, checked.
    :raises ConfigError: a variable that is not a positive number.
    """
    env = os.environ if env is None else env
    config = Config.load(env) if config is None else config
    defaults = ApiSettings()
    return ApiSettings(
        index_dir=config.index_dir,
        corpus_dir=config.corpus_dir,
        embedder=env.get("POLICYKB_EMBEDDER", ""),
        search=config.search_settings(),
        max_body=_number(env, "POLICYKB_API_MAX_BODY", int, defaults.max_body),
        timeout=_number(env, "POLICYKB_API_TIMEOUT", float, defaults.timeout),
        workers=_number(env, "POLICYKB_API_WORKERS", int, defaults.workers),
        api_key=env.get("POLICYKB_API_KEY", "").strip(),
    )
