"""The policykb CLI contract: ingest, outline, indicators, errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import build_parser, main


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory, plan_path: Path) -> Path:
    index = tmp_path_factory.mktemp("cli") / "index"
    assert main(["ingest", str(plan_path.parent), "--index-dir", str(index)]) == 0
    return index


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> dict:
    capsys.readouterr()
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_outline_json_matches_contract(index_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, ["outline", "--json", "--index-dir", str(index_dir)])
    (doc,) = out["documents"]
    assert doc["doc"] == "liupanshui-14th-fyp-sci-tech"
    assert doc["title"] == "六盘水市“十四五”科技创新规划"
    kinds = set()

    def walk(nodes: list[dict]) -> None:
        for n in nodes:
            assert set(n) == {"id", "title", "kind", "children"}
            kinds.add(n["kind"])
            walk(n["children"])

    walk(doc["nodes"])
    assert {"chapter", "section", "subsection", "box", "item"} <= kinds


def test_indicators_json_matches_contract(
    index_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _json(capsys, ["indicators", "--json", "--index-dir", str(index_dir)])
    rows = out["indicators"]
    assert len(rows) == 8
    row = rows[2]
    assert (row["name"], row["unit"], row["value_2020"], row["target_2025"]) == (
        "高新技术企业",
        "家",
        54,
        180,
    )
    assert row["section"][-1] == "专栏1 “十四五”时期发展目标"


def test_ingest_of_bad_file_exits_2_and_keeps_index(
    tmp_path: Path, index_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = tmp_path / "index"
    shutil.copytree(index_dir, index)
    before = {p.name: p.read_bytes() for p in index.rglob("*") if p.is_file()}
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    assert main(["ingest", str(bad), "--index-dir", str(index)]) == 2
    err = capsys.readouterr().err
    assert "bad.txt" in err and "error" in err
    assert {p.name: p.read_bytes() for p in index.rglob("*") if p.is_file()} == before


def test_missing_index_exits_2_with_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", "--index-dir", str(tmp_path / "none")]) == 2
    assert "policykb ingest" in capsys.readouterr().err


def test_unknown_doc_exits_2_listing_known(
    index_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["outline", "--doc", "nope", "--index-dir", str(index_dir)]) == 2
    assert "liupanshui-14th-fyp-sci-tech" in capsys.readouterr().err


def test_ask_json_matches_contract(index_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, ["ask", "什么是R&D经费投入强度", "--json", "--index-dir", str(index_dir)])
    assert out["found"] is True
    assert {"question", "found", "answer", "groups", "citations"} <= set(out)


def test_ask_text_prints_answer_and_citation_list(
    index_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "2025年高新技术企业目标是多少家", "--index-dir", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("**180家**") and "[1] 第三章" in out


def test_ask_with_unreachable_llm_falls_back_with_notice(
    index_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICYKB_LLM_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("POLICYKB_LLM_MODEL", "stub")
    monkeypatch.setenv("POLICYKB_LLM_TIMEOUT", "2")
    out = _json(capsys, ["ask", "科技特派员", "--json", "--index-dir", str(index_dir)])
    assert out["found"] and "could not be reached" in out["notice"]


def test_fit_reads_stdin_and_prints_json(
    index_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("我们计划研发煤矿井下巡检机器人\n"))
    out = _json(capsys, ["fit", "-", "--json", "--index-dir", str(index_dir)])
    assert out["verdict"] == "fit"
    assert {"text", "verdict", "reason", "score", "matches", "measures", "named", "missing"} <= set(
        out
    )


def test_fit_text_output_names_verdict(index_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fit", "举办明星演唱会", "--index-dir", str(index_dir)]) == 0
    assert capsys.readouterr().out.startswith("NO_FIT")


def test_every_command_has_help() -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert {"ingest", "outline", "indicators"} <= set(commands)
    for name, sub in commands.items():
        assert sub.format_help().strip(), name


def test_console_script_runs_as_module(index_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cli", "indicators", "--index-dir", str(index_dir)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "高新技术企业" in result.stdout


HELD_OUT = Path(__file__).resolve().parents[2] / "eval" / "holdout_queries.jsonl"


def test_eval_on_the_held_out_set_meets_the_targets(
    index_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _json(capsys, ["eval", str(HELD_OUT), "--json", "--index-dir", str(index_dir)])
    hybrid = next(s["report"] for s in report["sets"] if s["system"] == "policykb-hybrid")
    assert hybrid["zh"]["mrr@10"] >= 0.95 and hybrid["zh"]["recall@300ch"] >= 0.92
    assert hybrid["zh-para"]["mrr@10"] >= 0.93
    assert hybrid["en"]["recall@10"] >= 0.95 and hybrid["en"]["mrr@10"] >= 0.80


def test_eval_scoped_to_a_document_and_with_the_baseline_prints_both_systems(
    index_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["eval", str(HELD_OUT), "--doc", "liupanshui-14th-fyp-sci-tech", "--baseline"]
    capsys.readouterr()
    assert main([*argv, "--index-dir", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert "| holdout_queries | queries | policykb-hybrid | zh |" in out
    assert "| holdout_queries | queries | haystack-default-bm25-lines | en |" in out


def test_eval_of_the_shared_folder_reports_every_kind_in_one_table(
    index_dir: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["eval", str(shared_dir / "eval"), "--index-dir", str(index_dir)]) == 0
    out = capsys.readouterr().out
    for row in ("| dev_queries | queries |", "| dev_fit | fit |", "| dev_numbers | numbers |"):
        assert row in out
    assert "| dev_multidoc | documents |" in out


def _unreadable(tmp_path: Path, problem: str) -> Path:
    path = tmp_path / "queries.txt"
    if problem == "folder":
        path.mkdir()
    elif problem == "not-utf8":
        path.write_bytes("氢能\n".encode("gb18030") + b"\xff\xfe\n")
    return path


@pytest.mark.parametrize("problem", ["missing", "folder", "not-utf8"])
@pytest.mark.parametrize("command", ["search", "eval"])
def test_unreadable_input_file_is_one_line_with_exit_2(
    index_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, problem: str
) -> None:
    path = _unreadable(tmp_path, problem)
    argv = ["search", "--queries-from", str(path)] if command == "search" else ["eval", str(path)]
    capsys.readouterr()
    assert main([*argv, "--index-dir", str(index_dir)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "queries.txt" in err[0] and "Traceback" not in err[0]


def test_batch_search_answers_every_line_in_order_and_exits_1_on_a_failed_line(
    index_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ["氢能", "", "氢" * 2_000, "\x00\x00", "煤炭"]
    path = tmp_path / "queries.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    capsys.readouterr()
    argv = ["search", "--queries-from", str(path), "--json", "-k", "2"]
    assert main([*argv, "--index-dir", str(index_dir)]) == 1
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["query"] for o in out] == lines
    assert ["error" in o for o in out] == [False, True, True, True, False]
    assert out[0]["results"] and out[4]["results"]
    assert "limit is 1,000" in out[2]["error"]


def test_batch_search_of_good_lines_exits_0(
    index_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "queries.txt"
    path.write_text("氢能\n煤炭\n", encoding="utf-8")
    argv = ["search", "--queries-from", str(path), "--json", "-k", "1"]
    assert main([*argv, "--index-dir", str(index_dir)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("target", ["folder-with-files", "corpus", "cwd"])
def test_ingest_into_a_folder_that_is_not_an_index_exits_2_and_changes_nothing(
    tmp_path: Path,
    plan_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    target: str,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(plan_path, corpus)
    folder = tmp_path / "mine"
    (folder / "photos").mkdir(parents=True)
    (folder / "thesis.txt").write_text("years of work")
    (folder / "photos" / "1.jpg").write_bytes(b"\xff\xd8")
    index = {"folder-with-files": folder, "corpus": corpus, "cwd": Path(".")}[target]
    if target == "cwd":
        monkeypatch.chdir(folder)
    before = _snapshot(tmp_path)
    capsys.readouterr()
    assert main(["ingest", str(corpus), "--index-dir", str(index)]) == 2
    err = capsys.readouterr().err
    assert "not a PolicyKB index" in err and len(err.strip().splitlines()) == 1
    assert _snapshot(tmp_path) == before


def test_ingest_of_a_file_deleted_meanwhile_is_one_line_with_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    gone = tmp_path / "corpus" / "plan.txt"
    monkeypatch.setattr("kb.build.discover", lambda paths: [gone])  # listed, then deleted
    assert main(["ingest", str(tmp_path), "--index-dir", str(tmp_path / "index")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "plan.txt: cannot be read" in err[0]


def test_a_read_only_command_from_the_shell_prints_all_and_exits_with_its_code(
    index_dir: Path,
) -> None:
    """Run as a command, search ends without the interpreter's teardown: what it printed
    must still arrive whole, and its exit code must still be the command's."""
    cli = [sys.executable, "-m", "cli", "search", "--index-dir", str(index_dir)]
    done = subprocess.run([*cli, "氢能", "--json"], capture_output=True, text=True)
    assert done.returncode == 0 and json.loads(done.stdout)["results"]
    empty = subprocess.run([*cli, ""], capture_output=True, text=True)
    assert empty.returncode == 2 and "give a QUERY" in empty.stderr


def test_a_reader_that_stops_early_is_no_error(index_dir: Path) -> None:
    # 200 results as JSON are more than a pipe holds: the write itself meets the closed pipe
    command = (
        f"set -o pipefail; '{sys.executable}' -m cli search 氢能 -k 200 --json "
        f"--index-dir '{index_dir}' | head -c 20"
    )
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True)
    assert done.returncode == 0 and "error" not in done.stderr


def test_search_says_when_no_document_is_about_the_place_asked(
    index_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["search", "青海的生产总值", "-k", "1", "--index-dir", str(index_dir)]) == 0
    assert "no indexed document is about 青海" in capsys.readouterr().out
    argv = ["search", "青海的生产总值", "-k", "1", "--json", "--index-dir", str(index_dir)]
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out)["elsewhere"] == ["青海"]
