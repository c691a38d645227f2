"""`insightstack backtests import`, `reports batch` and `factcheck` as real processes on the real vLLM server."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli import cli, cli_env, run
from tests.support.waiting import wait_for
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


def test_a_batch_killed_with_sigkill_resumes_without_redoing_work(tmp_path: Path, llm_url: str) -> None:
    env = {"INSIGHTSTACK_LLM_BASE_URLS": llm_url}
    incoming = tmp_path / "incoming"  # six samples: enough to kill the batch with work left on both sides
    incoming.mkdir()
    for path in sorted(SAMPLES.glob("*.json"))[:6]:
        (incoming / path.name).write_text(path.read_text())
    assert run(tmp_path, "backtests", "import", str(incoming), **env).returncode == 0
    out = tmp_path / "reports"
    batch = subprocess.Popen(
        cli("reports", "batch", "--out", str(out), "--format", "json", "--concurrency", "1"),
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=cli_env(tmp_path, **env),
    )
    assert batch.stdout is not None
    job_id = batch.stdout.readline().strip()  # the first line is the job id
    # Three files, for two items surely marked done: an item's report is written before the item is
    # marked done in the job store, and with one at a time the third file means the second is marked.
    assert wait_for(lambda: len(list(out.glob("*.json"))) >= 3, timeout_s=180)
    batch.kill()
    batch.wait()

    killed = job(tmp_path, job_id)
    done_before = {item["id"] for item in killed["items"] if item["state"] == "done"}
    assert killed["state"] == "running" and 2 <= len(done_before) < len(killed["items"])

    resumed = run(tmp_path, "reports", "batch", "--resume", job_id, **env)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert resumed.stdout.splitlines()[0] == job_id and f"job {job_id}: done" in resumed.stdout
    final = job(tmp_path, job_id)
    assert final["state"] == "done" and {item["state"] for item in final["items"]} == {"done"}
    assert all(item["attempts"] == 1 for item in final["items"] if item["id"] in done_before)
    with sqlite3.connect(tmp_path / "var" / "insightstack.db") as db:
        generations = dict(db.execute("SELECT target, count(*) FROM audit_log WHERE action = 'reports.generate' GROUP BY target"))
    assert set(generations) == {item["id"] for item in final["items"]} and set(generations.values()) == {1}  # none generated twice

    assert run(tmp_path, "jobs", "show", "nope").returncode == 1
    assert "--ids/--top" in run(tmp_path, "reports", "batch", "--resume", job_id, "--top", "2", **env).stderr


def job(tmp_path: Path, job_id: str) -> dict[str, Any]:
    shown = run(tmp_path, "jobs", "show", job_id, "--json")
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)
