"""`insightstack backtests import`, `reports batch` and `factcheck` as real processes on the real vLLM server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.reports.conftest import SAMPLES, sample

pytestmark = pytest.mark.llm


def test_import_batch_resume_and_factcheck(tmp_path: Path, llm_url: str) -> None:
    env = {"INSIGHTSTACK_LLM_BASE_URLS": llm_url}
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    for name in ("eq-us-ma-crossover", "fx-eurusd-bollinger", "crypto-btc-keltner"):
        (incoming / f"{name}.json").write_text((SAMPLES / f"{name}.json").read_text())
    (incoming / "broken.json").write_text(json.dumps({**sample("eq-us-ma-crossover"), "timeframe": "weekly"}))
    imported = run(tmp_path, "backtests", "import", str(incoming), **env)
    assert imported.returncode == 1
    assert "3 file(s) accepted, 3 new revision(s), 1 failed" in imported.stdout and "broken.json" in imported.stdout
    assert "timeframe" in imported.stdout
    assert "eq-us-ma-crossover" in run(tmp_path, "backtests", "list", **env).stdout

    out = tmp_path / "reports"
    batch = run(tmp_path, "reports", "batch", "--top", "2", "--by", "cagr", "--format", "md,html", "--out", str(out), **env)
    assert batch.returncode == 0, batch.stdout + batch.stderr
    assert "generated 2, cached 0" in batch.stdout and "failed 0" in batch.stdout
    assert len(list(out.glob("*.md"))) == 2 and len(list(out.glob("*.html"))) == 2 and not list(out.glob("*.json"))

    resumed = run(tmp_path, "reports", "batch", "--format", "json", "--out", str(out), **env)
    assert "generated 1, cached 2" in resumed.stdout and resumed.returncode == 0
    assert json.loads((out / "eq-us-ma-crossover.json").read_text())["backtest_id"] == "eq-us-ma-crossover"

    down = run(tmp_path, "reports", "batch", "--ids", "eq-us-ma-crossover", "--out", str(out), INSIGHTSTACK_LLM_BASE_URLS="http://127.0.0.1:9/v1")
    assert down.returncode == 0 and "cached 1" in down.stdout  # cached reports need no LLM
    unknown = run(tmp_path, "reports", "batch", "--ids", "nope", "--out", str(out), **env)
    assert unknown.returncode == 2 and "nope" in unknown.stderr

    kpis = sample("eq-us-ma-crossover")["kpis"]
    claim = tmp_path / "edit.txt"
    claim.write_text(f"The strategy compounded at {kpis['cagr'] * 100:.1f}% a year.")
    ok = run(tmp_path, "factcheck", "eq-us-ma-crossover", "--text-file", str(claim), "--json", **env)
    assert ok.returncode == 0 and json.loads(ok.stdout)["verdict"] == "verified"
    claim.write_text(f"The strategy compounded at {kpis['cagr'] * 100 + 3:.1f}% a year.")
    wrong = run(tmp_path, "factcheck", "eq-us-ma-crossover", "--text-file", str(claim), **env)
    assert wrong.returncode == 1 and "contradicted" in wrong.stdout
