"""Configuration: defaults, POLICYKB_* variables, flags, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.config import Config
from kb.errors import ConfigError


def test_defaults() -> None:
    config = Config.load(env={})
    assert config.index_dir == Path(".policykb")
    assert config.embedder == "use-multilingual"


def test_environment_overrides_defaults_and_flags_override_environment() -> None:
    env = {"POLICYKB_INDEX_DIR": "/srv/kb", "POLICYKB_CHUNK_MAX_CHARS": "200"}
    assert Config.load(env=env).index_dir == Path("/srv/kb")
    assert Config.load(env=env).chunk_max_chars == 200
    assert Config.load(env=env, index_dir="/tmp/x").index_dir == Path("/tmp/x")


def test_none_override_keeps_environment_value() -> None:
    assert Config.load(env={"POLICYKB_EMBEDDER": "m"}, embedder=None).embedder == "m"


@pytest.mark.parametrize(
    ("env", "match"),
    [
        ({"POLICYKB_MAX_BYTES": "lots"}, "POLICYKB_MAX_BYTES='lots'"),
        ({"POLICYKB_MAX_BYTES": "-1"}, "max_bytes=-1"),
        ({"POLICYKB_CHUNK_MAX_CHARS": "5"}, "max_chars"),
    ],
)
def test_bad_setting_raises_config_error_naming_it(env: dict, match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        Config.load(env=env)


def test_unknown_override_raises() -> None:
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        Config.load(env={}, colour="red")
