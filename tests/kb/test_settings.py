"""The settings tree: defaults ← policykb.toml ← POLICYKB_* ← flags; sources; clear errors."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from kb.errors import ConfigError
from kb.settings import SECTIONS, Settings
from kb.settings_sources import keys, rows


def test_defaults_without_file_or_environment(tmp_path: Path) -> None:
    settings = Settings.load(env={}, cwd=tmp_path)
    assert settings == Settings()
    assert settings.paths.index_dir == Path(".policykb")
    assert settings.index.embedder == "use-multilingual"
    assert set(settings.sources.values()) == {"default"}


def test_environment_overrides_defaults_and_flags_override_environment(tmp_path: Path) -> None:
    env = {"POLICYKB_INDEX_DIR": "/srv/kb", "POLICYKB_CHUNK_MAX_CHARS": "200"}
    assert Settings.load(env=env, cwd=tmp_path).paths.index_dir == Path("/srv/kb")
    assert Settings.load(env=env, cwd=tmp_path).chunking.max_chars == 200
    flagged = Settings.load(env=env, cwd=tmp_path, index_dir="/tmp/x")
    assert flagged.paths.index_dir == Path("/tmp/x")
    assert flagged.sources["index_dir"] == "flag"
    assert flagged.sources["chunk_max_chars"] == "env POLICYKB_CHUNK_MAX_CHARS"


def test_none_flag_keeps_the_environment_value(tmp_path: Path) -> None:
    env = {"POLICYKB_EMBEDDER": "m"}
    assert Settings.load(env=env, cwd=tmp_path, embedder=None).index.embedder == "m"


def test_every_section_is_reached_by_its_variable(tmp_path: Path) -> None:
    env = {
        "POLICYKB_FUSION": "rrf",
        "POLICYKB_SPARSE_WEIGHT": "0.9",
        "POLICYKB_ANSWER_MIN_COVERAGE": "0.6",
        "POLICYKB_FIT_MAX_MATCHES": "3",
        "POLICYKB_LLM_URL": "http://x/v1",
        "POLICYKB_QDRANT_SHARDS": "4",
        "POLICYKB_API_WORKERS": "2",
        "POLICYKB_MAX_BYTES": "1000",
    }
    s = Settings.load(env=env, cwd=tmp_path)
    assert (s.search.fusion, s.search.sparse_weight) == ("rrf", 0.9)
    assert (s.answer.min_coverage, s.fit.max_matches) == (0.6, 3)
    assert (s.llm.url, s.qdrant.shards, s.api.workers, s.limits.max_bytes) == (
        "http://x/v1",
        4,
        2,
        1000,
    )


def test_file_in_the_working_directory_sits_below_environment(tmp_path: Path) -> None:
    (tmp_path / "policykb.toml").write_text(
        '[search]\nfusion = "rrf"\ncandidates = 80\n[answer]\nmax_groups = 5\n', encoding="utf-8"
    )
    s = Settings.load(env={"POLICYKB_CANDIDATES": "60"}, cwd=tmp_path)
    assert (s.search.fusion, s.search.candidates, s.answer.max_groups) == ("rrf", 60, 5)
    assert s.sources["fusion"] == f"file {tmp_path / 'policykb.toml'}"
    assert s.sources["candidates"] == "env POLICYKB_CANDIDATES"


def test_file_in_the_index_folder_is_read_when_the_working_directory_has_none(
    tmp_path: Path,
) -> None:
    (tmp_path / "idx").mkdir()
    (tmp_path / "idx" / "policykb.toml").write_text("[fit]\nmax_matches = 2\n", encoding="utf-8")
    s = Settings.load(env={}, cwd=tmp_path, index_dir=tmp_path / "idx")
    assert s.fit.max_matches == 2


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("[serch]\nfusion = 'rrf'\n", r"\[serch\] is not a section"),
        ("[search]\nfuson = 'rrf'\n", "search.fuson is not a setting"),
        ("[search]\ncandidates = 'many'\n", "candidates='many' is not a valid int"),
        ("[search]\nfusion = \n", "policykb.toml"),
    ],
)
def test_bad_file_raises_config_error_naming_the_key(tmp_path: Path, text: str, match: str) -> None:
    (tmp_path / "policykb.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=match):
        Settings.load(env={}, cwd=tmp_path)


@pytest.mark.parametrize(
    ("env", "match"),
    [
        ({"POLICYKB_MAX_BYTES": "lots"}, "POLICYKB_MAX_BYTES: max_bytes='lots'"),
        ({"POLICYKB_MAX_BYTES": "-1"}, "max_bytes=-1"),
        ({"POLICYKB_CHUNK_MAX_CHARS": "5"}, "max_chars"),
        ({"POLICYKB_FUSION": "sum"}, "fusion='sum' is not one of merge, rrf"),
        ({"POLICYKB_STORE": "s3"}, "store='s3'"),
        ({"POLICYKB_ANSWER_DEPTH": "0"}, "POLICYKB_ANSWER_DEPTH"),
        ({"POLICYKB_SPARSE_WEIGHT": "-1"}, "POLICYKB_SPARSE_WEIGHT"),
        ({"POLICYKB_ENGLISH_SENSES": "1.5"}, "english_senses=1.5 is a share of chunks"),
        ({"POLICYKB_CONFIG": "/no/such.toml"}, "does not exist"),
    ],
)
def test_bad_setting_raises_config_error_naming_it(tmp_path: Path, env: dict, match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        Settings.load(env=env, cwd=tmp_path)


def test_unknown_flag_raises(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        Settings.load(env={}, cwd=tmp_path, colour="red")


def test_flag_keys_are_unique_and_cover_every_field() -> None:
    total = sum(len(fields(cls)) for cls, _ in SECTIONS.values())
    assert len(keys()) == total


def test_rows_document_every_setting() -> None:
    listed = rows(Settings())
    assert len(listed) == len(keys())
    undocumented = [r.key for r in listed if not r.doc]
    assert undocumented == []
