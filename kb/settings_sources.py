"""Reading the settings tree from its sources, and saying where each value came from.

Precedence, lowest to highest: the defaults of :mod:`kb.settings`, a TOML file
(``[search]`` / ``fusion = "rrf"``), ``POLICYKB_*`` variables, then flags. This is the
one place PolicyKB reads its configuration from the environment.

Example::

    settings = load(env={"POLICYKB_FUSION": "rrf"}, flags={"index_dir": "/tmp/kb"})
    [r.source for r in rows(settings) if r.key in ("fusion", "index_dir")]
    # ['env POLICYKB_FUSION', 'flag']
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from kb.errors import ConfigError
from kb.settings import SECTIONS, Settings

__all__ = ["ENV_PREFIX", "FILE_NAME", "Setting", "keys", "load", "rows"]

ENV_PREFIX = "POLICYKB_"
FILE_NAME = "policykb.toml"
_KINDS = {"Path": Path, "int": int, "float": float, "str": str}


@dataclass(frozen=True)
class Setting:
    """One setting as ``policykb config`` shows it.

    :param key: the flag key (``fusion``); ``POLICYKB_`` + its capitals is the variable.
    :param section: the tree's section (``search``); ``field`` its name there.
    :param value: the effective value; ``default`` the built-in one.
    :param source: ``default``, ``file <path>``, ``env <VARIABLE>`` or ``flag``.
    :param doc: what it does (from the section's docstring).
    """

    key: str
    section: str
    field: str
    value: Any
    default: Any
    source: str
    doc: str

    @property
    def env(self) -> str:
        """The environment variable that sets it."""
        return ENV_PREFIX + self.key.upper()


def keys() -> dict[str, tuple[str, str, str]]:
    """Every flag key → (section, field, type name), in the tree's order."""
    out: dict[str, tuple[str, str, str]] = {}
    for section, (cls, prefix) in SECTIONS.items():
        for f in fields(cls):
            out[(prefix + f.name).lower()] = (section, f.name, str(f.type))
    return out


def _convert(key: str, kind: str, raw: Any, source: str) -> Any:
    convert = _KINDS.get(kind.split(" |")[0], str)
    if isinstance(raw, bool) or (convert is int and isinstance(raw, float)):
        raise ConfigError(f"{source}: {key}={raw!r} is not a valid {convert.__name__}.")
    try:
        return convert(raw)
    except (TypeError, ValueError):
        default = getattr(getattr(Settings(), keys()[key][0]), keys()[key][1])
        raise ConfigError(
            f"{source}: {key}={raw!r} is not a valid {convert.__name__}; give e.g. {default!r}."
        ) from None


def _file_values(path: Path) -> dict[str, Any]:
    """The file's values by flag key; unknown sections or keys are errors."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"settings file {path}: {exc}; fix or remove it.") from exc
    known = keys()
    by_place = {(s, f): k for k, (s, f, _) in known.items()}
    values: dict[str, Any] = {}
    for section, table in data.items():
        if section not in SECTIONS or not isinstance(table, dict):
            raise ConfigError(
                f"settings file {path}: [{section}] is not a section; known: {', '.join(SECTIONS)}."
            )
        for name, value in table.items():
            key = by_place.get((section, name))
            if key is None:
                names = [f for s, f in by_place if s == section]
                raise ConfigError(
                    f"settings file {path}: {section}.{name} is not a setting; "
                    f"[{section}] has {', '.join(names)}."
                )
            values[key] = value
    return values


def _find_file(
    file: str | Path | None, env: Mapping[str, str], cwd: Path, index_dir: Path
) -> Path | None:
    named = file or env.get(ENV_PREFIX + "CONFIG") or None
    if named:
        path = Path(named)
        if not path.is_file():
            raise ConfigError(f"settings file {path} does not exist; give an existing file.")
        return path
    for folder in (cwd, cwd / index_dir):
        if (folder / FILE_NAME).is_file():
            return folder / FILE_NAME
    return None


def load(
    env: Mapping[str, str] | None = None,
    file: str | Path | None = None,
    cwd: str | Path | None = None,
    flags: Mapping[str, Any] | None = None,
) -> Settings:
    """The settings tree from its sources (see the module doc).

    :raises ConfigError: an unknown key, a value of the wrong type or out of range, or
        an unreadable settings file.
    """
    env = os.environ if env is None else env
    flags = {k: v for k, v in (flags or {}).items() if v is not None}
    known = keys()
    for key in flags:
        if key not in known:
            raise ConfigError(f"unknown setting {key!r}; known: {', '.join(known)}.")
    from_env = {k: env[ENV_PREFIX + k.upper()] for k in known if env.get(ENV_PREFIX + k.upper())}
    where = flags.get("index_dir") or from_env.get("index_dir")
    cwd = Path.cwd() if cwd is None else Path(cwd)
    path = _find_file(file, env, cwd, Path(where or Settings().paths.index_dir))
    from_file = _file_values(path) if path else {}
    values: dict[str, Any] = {}
    sources: dict[str, str] = {k: "default" for k in known}
    for layer, source in (
        (from_file, f"file {path}"),
        (from_env, "env"),
        (flags, "flag"),
    ):
        for key, raw in layer.items():
            label = f"env {ENV_PREFIX}{key.upper()}" if source == "env" else source
            values[key] = _convert(key, known[key][2], raw, label)
            sources[key] = label
    return _build(values, sources)


def _build(values: Mapping[str, Any], sources: dict[str, str]) -> Settings:
    known = keys()
    base = Settings()
    parts: dict[str, Any] = {}
    for section in SECTIONS:
        changed = {known[k][1]: v for k, v in values.items() if known[k][0] == section}
        current = getattr(base, section)
        try:
            parts[section] = replace(current, **changed) if changed else current
        except ValueError as exc:  # ingest's own sections raise ValueError
            raise ConfigError(f"{exc} Set them in [{section}] or POLICYKB_* .") from exc
    return Settings(**parts, sources=sources)


def _docs(cls: type) -> dict[str, str]:
    """``:param name: text`` entries of a section's docstring."""
    out: dict[str, str] = {}
    name = None
    for line in (cls.__doc__ or "").splitlines():
        line = line.strip()
        if line.startswith(":param "):
            name, _, text = line[len(":param ") :].partition(":")
            out[name] = text.strip()
        elif name and line and not line.startswith(":"):
            out[name] += " " + line
        else:
            name = None
    return out


def rows(settings: Settings) -> list[Setting]:
    """Every setting with its value, default, source and doc, in the tree's order."""
    out = []
    default = Settings()
    for key, (section, name, _) in keys().items():
        cls = SECTIONS[section][0]
        out.append(
            Setting(
                key=key,
                section=section,
                field=name,
                value=getattr(getattr(settings, section), name),
                default=getattr(getattr(default, section), name),
                source=settings.sources.get(key, "default"),
                doc=_docs(cls).get(name, ""),
            )
        )
    return out
