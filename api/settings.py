"""The API's settings, read in one place: :func:`load_settings`.

Everything the HTTP face needs from the environment is read here and nowhere else, so
moving to another settings source means changing this one function.

Example::

    settings = load_settings()               # Settings.load() and POLICYKB_API_* variables
    settings.max_body, settings.timeout      # (1048576, 30.0), from the tree's api section
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kb.settings import SearchSettings, Settings

__all__ = ["MAX_FIT_CHARS", "ApiSettings", "load_settings"]

#: The longest project description ``kb.fit`` accepts (its own limit, checked again there).
MAX_FIT_CHARS = 20_000


@dataclass(frozen=True)
class ApiSettings:
    """The settings tree the API serves with, and its key.

    Everything but the key lives in the tree (its ``api`` section holds the limits); the
    properties below name what the HTTP face reads.

    :param tree: the whole settings tree the knowledge base is opened with.
    :param api_key: when non-empty, the key every request but the health checks must
        present (``POLICYKB_API_KEY``; never shown in ``repr``).

    Example::

        ApiSettings(Settings.load(index_dir="/srv/kb"), api_key="k").changed(max_body=2048)
    """

    tree: Settings = field(default_factory=Settings)
    api_key: str = field(default="", repr=False)

    @property
    def index_dir(self) -> Path:
        """The index to serve."""
        return Path(self.tree.paths.index_dir)

    @property
    def corpus_dir(self) -> Path:
        """Documents changed there since the build are logged at start."""
        return Path(self.tree.paths.corpus_dir)

    @property
    def embedder(self) -> str:
        """The embedder the index must have been built with, when one was chosen."""
        chosen = self.tree.sources.get("embedder", "default") != "default"
        return self.tree.index.embedder if chosen else ""

    @property
    def search(self) -> SearchSettings:
        return self.tree.search

    @property
    def max_body(self) -> int:
        """Largest request body in bytes (``POLICYKB_API_MAX_BODY``)."""
        return self.tree.api.max_body

    @property
    def timeout(self) -> float:
        """Seconds a request may run before it gets 504 (``POLICYKB_API_TIMEOUT``)."""
        return self.tree.api.timeout

    @property
    def workers(self) -> int:
        """Threads running the knowledge base's calls (``POLICYKB_API_WORKERS``)."""
        return self.tree.api.workers

    @property
    def max_fit_chars(self) -> int:
        """Longest project description for ``/fit`` (the fit section's limit)."""
        return self.tree.fit.max_chars

    @property
    def max_query_chars(self) -> int:
        """Longest query, question or topic: the search limit."""
        return self.tree.search.max_query_chars

    def changed(self, api_key: str | None = None, **limits: Any) -> ApiSettings:
        """These settings with other API limits (``max_body``, ``timeout``, ``workers``)
        or another key; the limits are checked by the tree's ``api`` section.

        :raises ConfigError: a limit out of range.
        """
        tree = replace(self.tree, api=replace(self.tree.api, **limits))
        return ApiSettings(tree, self.api_key if api_key is None else api_key)


def load_settings(
    config: Settings | None = None, env: Mapping[str, str] | None = None
) -> ApiSettings:
    """The API's settings: the tree's (``config``, or ``Settings.load(env)``) and the key.

    :param config: the settings tree (the CLI passes its own, flags applied).
    :param env: the environment to read the key from (``os.environ`` when omitted).
    :returns: the settings, checked.
    :raises ConfigError: a setting out of range (the tree checks its own, by variable).
    """
    env = os.environ if env is None else env
    config = Settings.load(env) if config is None else config
    return ApiSettings(config, env.get("POLICYKB_API_KEY", "").strip())
