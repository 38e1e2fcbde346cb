"""The API's settings: read in one place, checked, the key never shown."""

from __future__ import annotations

from typing import get_args

import pytest

from api.schemas import request_models
from api.settings import MAX_FIT_CHARS, ApiSettings, load_settings
from kb.errors import ConfigError
from kb.fit import FitSettings
from kb.search import MODES
from kb.settings import Settings


def test_settings_come_from_the_config_and_the_api_variables() -> None:
    env = {
        "POLICYKB_INDEX_DIR": "/srv/kb",
        "POLICYKB_MAX_QUERY_CHARS": "500",
        "POLICYKB_API_MAX_BODY": "2048",
        "POLICYKB_API_TIMEOUT": "2.5",
        "POLICYKB_API_WORKERS": "8",
        "POLICYKB_API_KEY": " k3y ",
    }
    settings = load_settings(env=env)
    assert str(settings.index_dir) == "/srv/kb"
    assert settings.max_query_chars == 500 and settings.search.max_query_chars == 500
    assert (settings.max_body, settings.timeout, settings.workers) == (2048, 2.5, 8)
    assert settings.api_key == "k3y"


def test_flags_given_to_the_config_win_over_the_environment() -> None:
    env = {"POLICYKB_INDEX_DIR": "/srv/kb"}
    settings = load_settings(Settings.load(env, index_dir="/tmp/other"), env=env)
    assert str(settings.index_dir) == "/tmp/other"


def test_defaults_without_any_variable() -> None:
    settings = load_settings(env={})
    assert settings == ApiSettings(Settings())
    assert settings.api_key == "" and settings.max_body == 1024 * 1024


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("POLICYKB_API_MAX_BODY", "lots"),
        ("POLICYKB_API_MAX_BODY", "0"),
        ("POLICYKB_API_TIMEOUT", "-1"),
        ("POLICYKB_API_WORKERS", "1.5"),
    ],
)
def test_a_bad_variable_is_a_config_error_naming_it(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_settings(env={name: value})


def test_the_key_is_never_shown_in_the_settings_repr() -> None:
    assert "s3cret" not in repr(load_settings(env={"POLICYKB_API_KEY": "s3cret"}))


def test_the_fit_limit_is_the_knowledge_bases_own() -> None:
    assert FitSettings().max_chars == MAX_FIT_CHARS


def test_the_modes_accepted_are_the_searchers_modes() -> None:
    search = request_models(1000, 20_000).search
    assert get_args(search.model_fields["mode"].annotation) == MODES


def test_settings_hold_the_tree_and_the_key_only() -> None:
    tree = Settings.load({}, index_dir="/srv/kb", api_max_body=4096)
    settings = ApiSettings(tree, api_key="k")
    assert settings.tree is tree and settings.max_body == 4096
    assert str(settings.index_dir) == "/srv/kb"
    changed = settings.changed(timeout=2.0)
    assert (changed.timeout, changed.max_body, changed.api_key) == (2.0, 4096, "k")


def test_changed_limits_are_checked_by_the_tree() -> None:
    with pytest.raises(ConfigError, match="POLICYKB_API_TIMEOUT"):
        ApiSettings().changed(timeout=-1)
