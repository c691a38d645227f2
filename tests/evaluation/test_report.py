"""The eval documents as Markdown: runs of one model merged, counts shown (pure)."""

from __future__ import annotations

from typing import Any

import pytest

from services.app.eval_cli import ProgressLines
from services.evaluation.report import as_markdown, by_model, eval_document, failures


def suite(file: str, cases: int, passed: int, counts: dict[str, int] | None = None) -> dict[str, Any]:
    return {
        "file": f"data/eval/{file}", "product": file.split(".")[0], "lang": "en", "repeat": 1, "cases": cases, "passed": passed,
        "pass_rate": passed / cases, "pass_all_k": passed / cases, "latency_ms": {"p50": 1.0, "p95": 2.0}, "wall_s": 10.0,
        "tokens": {"in": 10, "out": 5}, "counts": counts or {}, "results": [],
    }


def document(model: str, commit: str, *suites: dict[str, Any]) -> dict[str, Any]:
    return {"model": model, "profile": "cpu", "commit": commit, "date": "2026-12-03", "prompts": {}, "suites": list(suites)}


def test_runs_of_one_model_are_one_document_and_a_rerun_suite_keeps_its_later_run() -> None:
    first = document("m", "aaaaaaaaaaaa", suite("chatops.yaml", 4, 1), suite("builder.yaml", 2, 1))
    second = document("m", "bbbbbbbbbbbb", suite("chatops.yaml", 4, 3))
    other = document("tiny", "cccccccccccc", suite("chatops.yaml", 4, 0))
    merged = by_model([first, second, other])
    assert [d["model"] for d in merged] == ["m", "tiny"] and merged[0]["commit"] == "aaaaaaaaaa, bbbbbbbbbb"
    assert [(s["file"], s["passed"]) for s in merged[0]["suites"]] == [("data/eval/builder.yaml", 1), ("data/eval/chatops.yaml", 3)]
    assert "| chatops.yaml | chatops | en | m | 4 | 75% |" in eval_document([first, second, other])


def test_counts_are_shown_under_the_table() -> None:
    text = as_markdown(document("m", "a", suite("builder.yaml", 12, 9, {"template by the model": 10, "template by retrieval alone": 11})))
    assert "- builder.yaml: template by the model 10/12, template by retrieval alone 11/12" in text


def test_a_held_out_suites_failures_are_counted_not_listed() -> None:
    failed = [{"id": "case-a", "passed": False, "failures": ["template: x, expected y"], "latency_ms": 1.0}]
    tuning, held = ({**suite(name, 1, 0), "results": failed} for name in ("builder.yaml", "builder-blind.yaml"))
    text = failures(document("m", "a", tuning, held))
    assert "- `case-a`: template: x, expected y" in text
    assert "Failed in builder-blind.yaml: 1 case(s), held out: not listed here" in text and text.count("case-a") == 1


def test_off_a_terminal_progress_is_a_line_at_each_tenth_of_the_cases(capsys: pytest.CaptureFixture[str]) -> None:
    lines = ProgressLines("m", 25)
    for _ in range(25):
        lines.advance()
    printed = capsys.readouterr().err.splitlines()
    assert [line.split(",")[0] for line in printed] == [f"eval m: {n}/25 cases" for n in (3, 5, 8, 10, 13, 15, 18, 20, 23, 25)]
