"""Docs that stay true: the generated reference pages match the code, every setting and
every command and option is documented, the README stays short, links resolve."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cli.main import build_parser
from cli.reference import BEGIN, _subparsers, cli_reference, configuration_page
from kb.settings_sources import keys

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PAGES = sorted([ROOT / "README.md", *DOCS.glob("*.md")])
FIX = "run `python -m cli.reference` to regenerate it"


def test_configuration_page_is_generated_from_the_settings_tree() -> None:
    assert (DOCS / "configuration.md").read_text(encoding="utf-8") == configuration_page(), FIX


def test_cli_reference_is_generated_from_the_parser() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert BEGIN in text
    assert text[text.index(BEGIN) :] == cli_reference(), FIX


def test_every_setting_is_documented_with_its_variable() -> None:
    page = (DOCS / "configuration.md").read_text(encoding="utf-8")
    missing = [k for k in keys() if f"`POLICYKB_{k.upper()}` / `{k}`" not in page]
    assert missing == []


def test_every_command_and_option_is_documented() -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    missing = []
    for name, sub in _subparsers(build_parser()).items():
        if f"### `policykb {name}`" not in page:
            missing.append(name)
        missing += [
            f"{name} {o}"
            for a in sub._actions
            for o in a.option_strings
            if o not in page and o not in ("-h", "--help")
        ]
    assert missing == []


def test_readme_is_at_most_200_lines_and_names_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 200
    for name in _subparsers(build_parser()):
        assert f"policykb {name}" in readme, f"the README's CLI brief lacks `policykb {name}`"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_resolve(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    broken = [
        target
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text)
        if "://" not in target and not (page.parent / target).exists()
    ]
    assert broken == []
