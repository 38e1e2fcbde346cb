"""Real documents beyond the plan: reports (.docx), opinions and plans (.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import discover, ingest_file


def test_every_extra_document_ingests_with_exact_offsets(shared_dir: Path) -> None:
    files = discover([shared_dir / "corpus-extra"])
    assert len(files) == 20
    for path in files:
        parsed = ingest_file(path)
        assert parsed.chunks, path.name
        for c in parsed.chunks:
            assert parsed.source.text[c.meta["start"] : c.meta["end"]] == c.content


def test_work_report_docx_parses_into_its_headings(shared_dir: Path) -> None:
    parsed = ingest_file(shared_dir / "corpus-extra" / "gwr_beijing_2025.docx")
    assert parsed.source.title == "2025年北京市政府工作报告"
    sections = [s.title for s in parsed.tree.find("section")]
    assert sections[0] == "2024年工作回顾"
    assert len(parsed.tree.find("subsection")) >= 5


def test_national_plan_has_ten_chapters_and_eight_boxes(shared_dir: Path) -> None:
    path = shared_dir / "corpus-extra" / "plan_national_13th_fyp_eco_env_protection_2016.txt"
    parsed = ingest_file(path)
    chapters = parsed.tree.find("chapter")
    assert len(chapters) == 10
    assert chapters[0].title == "全国生态环境保护形势"
    assert len(parsed.tree.find("box")) == 8


def test_anhui_plan_keeps_its_twelve_titled_boxes(shared_dir: Path) -> None:
    parsed = ingest_file(
        shared_dir / "corpus-extra" / "plan_anhui_industrial_internet_2021_2023.txt"
    )
    boxes = parsed.tree.find("box")
    assert [int(b.number) for b in boxes] == list(range(1, 13))
    assert all(b.title for b in boxes)


@pytest.mark.parametrize(
    ("name", "sections"),
    [("opinion_central_rural_revitalization_2018.txt", 12), ("gwr_tianjin_2025.docx", 3)],
)
def test_top_level_sections_counted(shared_dir: Path, name: str, sections: int) -> None:
    parsed = ingest_file(shared_dir / "corpus-extra" / name)
    assert len(parsed.tree.find("section")) == sections
