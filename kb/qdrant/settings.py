"""Where the Qdrant store lives: the one place that reads the ``qdrant_*`` settings.

A build takes its settings from :class:`~kb.settings.Settings` (``--store qdrant``,
``POLICYKB_QDRANT_URL`` …) and records where it wrote in the generation's manifest; a
reader connects where the configuration says, else where the manifest says (local
mode's folder is recorded relative to the index folder, so a copied index still finds
it). The API key is never a setting: it is read from ``POLICYKB_QDRANT_API_KEY`` when a
connection is made (see :mod:`kb.qdrant.connection`).

Example::

    settings = QdrantSettings.from_config(Settings.load(store="qdrant"))
    settings.local, settings.where      # (True, '.policykb/qdrant')
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kb.errors import ConfigError, IndexCorrupt
from kb.settings import QdrantPlace, Settings

__all__ = ["API_KEY_ENV", "QdrantSettings"]

API_KEY_ENV = "POLICYKB_QDRANT_API_KEY"
LOCAL_FOLDER = "qdrant"  # inside the index folder, when no path or URL is configured
_NAME = re.compile(r"^[A-Za-z0-9_-]{1,120}$")


@dataclass(frozen=True)
class QdrantSettings(QdrantPlace):
    """A Qdrant location (a server URL or a local folder) and how to create collections:
    the settings tree's :class:`~kb.settings.QdrantPlace` (its fields: ``url``, ``path``,
    ``collection`` — the alias; collections are ``<collection>-<stamp>-<id>`` —,
    ``shards``, ``replicas``), made complete and checked for a store to use.

    :raises ConfigError: no location, a collection name Qdrant would refuse, or a count < 1.
    """

    def __post_init__(self) -> None:
        if not (self.url or self.path):
            raise ConfigError(
                "the Qdrant store needs a location: set POLICYKB_QDRANT_URL (a server) or "
                "POLICYKB_QDRANT_PATH (local mode, a folder)."
            )
        if not _NAME.match(self.collection):
            raise ConfigError(
                f"qdrant_collection={self.collection!r} is not a usable collection name; "
                "use letters, digits, '-' and '_' (POLICYKB_QDRANT_COLLECTION)."
            )
        if self.shards < 1 or self.replicas < 1:
            raise ConfigError(
                f"qdrant_shards={self.shards} and qdrant_replicas={self.replicas} must be "
                "at least 1 (POLICYKB_QDRANT_SHARDS / POLICYKB_QDRANT_REPLICAS)."
            )

    @classmethod
    def from_config(cls, config: Settings) -> QdrantSettings:
        """The settings a build uses (local mode in ``<index_dir>/qdrant`` by default)."""
        return cls.from_place(config.qdrant, Path(config.paths.index_dir))

    @classmethod
    def from_place(cls, place: QdrantPlace, index_dir: Path) -> QdrantSettings:
        """The settings tree's ``qdrant`` section, with local mode's default folder."""
        path = place.path
        if not (place.url or path):
            path = str(index_dir / LOCAL_FOLDER)
        return cls(**{**asdict(place), "path": path})

    @classmethod
    def for_reader(
        cls, recorded: dict[str, Any], index_dir: Path, place: QdrantPlace | None = None
    ) -> QdrantSettings:
        """Where a reader connects: the configured location, else the recorded one.

        :param recorded: the manifest's ``store`` section (see :meth:`record`).
        :param place: the settings tree's ``qdrant`` section, when one is configured.
        :raises IndexCorrupt: the manifest records no location.
        """
        if place is not None and (place.url or place.path):
            return cls.from_place(place, Path(index_dir))
        if recorded.get("url"):
            return cls(url=recorded["url"], collection=recorded.get("alias", "policykb"))
        if recorded.get("path"):
            path = Path(recorded["path"])
            path = path if path.is_absolute() else Path(index_dir) / path
            return cls(path=str(path), collection=recorded.get("alias", "policykb"))
        raise IndexCorrupt(
            f"the manifest of the index at {index_dir} names no Qdrant location; "
            "re-run `policykb ingest --store qdrant` to rebuild."
        )

    @property
    def local(self) -> bool:
        """In-process local mode (a folder), not a server."""
        return not self.url

    @property
    def where(self) -> str:
        """The URL, or the local folder, for messages."""
        return self.url or self.path

    def record(self, index_dir: Path) -> dict[str, str]:
        """The location as the manifest keeps it (a local folder inside the index: relative)."""
        if self.url:
            return {"url": self.url}
        path = Path(self.path).resolve()
        try:
            return {"path": str(path.relative_to(Path(index_dir).resolve()))}
        except ValueError:
            return {"path": str(path)}
