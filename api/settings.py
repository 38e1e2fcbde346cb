"""The API's settings, read in one place: :func:`load_settings`.

Everything the HTTP face needs from the environment is read here and nowhere else, so
moving to another settings source means changing this one function.

Example::

    settings = load_settings()               # Settings.load() and POLICYKB_API_* variables
    settings.max_body, settings.timeout      # (1048576, 30.0)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import ConfigError
from kb.settings import SearchSettings, Settings

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
    :param tree: the whole settings tree the knowledge base is opened with.
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
    tree: Settings | None = field(default=None, repr=False, compare=False)

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


def load_settings(
    config: Settings | None = None, env: Mapping[str, str] | None = None
) -> ApiSettings:
    """The API's settings: the tree's (``config``, or ``Settings.load(env)``) and the key.

    :param config: the settings tree (the CLI passes its own, flags applied).
    :param env: the environment to read the key from (``os.environ`` when omitted).
    :returns: the settings, checked.
    :raises ConfigError: a setting out of range (the tree checks its own).
    """
    env = os.environ if env is None else env
    config = Settings.load(env) if config is None else config
    chosen = config.sources.get("embedder", "default") != "default"
    return ApiSettings(
        index_dir=config.paths.index_dir,
        corpus_dir=config.paths.corpus_dir,
        embedder=config.index.embedder if chosen else "",
        search=config.search,
        max_body=config.api.max_body,
        timeout=config.api.timeout,
        workers=config.api.workers,
        api_key=env.get("POLICYKB_API_KEY", "").strip(),
        max_fit_chars=config.fit.max_chars,
        tree=config,
    )
