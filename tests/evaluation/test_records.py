"""Recorded eval runs (`insightstack eval run --record`): what is stored, read back and listed."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from services.evaluation import records
from services.platform import audit, prompt_labels
from services.platform.settings import REPO_ROOT
from tests.cli.test_cli import run as run_cli
from tests.conftest import PlatformFactory
from tests.support.eval_runs import document, suite

RELEASE = audit.Caller("rel-eng", "admin")


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """The shipped catalogue plus a newer 1.1.0 of the narrative prompt."""
    root = tmp_path / "prompts"
    shutil.copytree(REPO_ROOT / "services" / "prompts", root)
    old = (root / "reports.narrative" / "1.0.0.yaml").read_text()
    (root / "reports.narrative" / "1.1.0.yaml").write_text(old.replace("version: 1.0.0", "version: 1.1.0"))
    return root


def test_a_run_is_stored_with_the_prompt_versions_it_measured(make_platform: PlatformFactory, catalogue: Path) -> None:
    """What the cases' model calls rendered, whatever the deployment's labels say."""
    platform = make_platform(env="staging", prompts_dir=catalogue)
    with platform.db.session() as session:
        prompt_labels.promote(session, platform.prompts, RELEASE, "reports.narrative", "1.0.0", "staging", "pin the reviewed one")
    first = records.record(platform.db, document(suite("reports", 3, 1, version="1.1.0"), suite("builder", 2)))
    assert first.prompt_versions == {"reports.narrative": "1.1.0", "strategies.builder": "1.0.0"}
    doc = document(suite("reports", 3, 1), suite("builder", 2))
    second = records.record(platform.db, doc)
    assert second.prompt_versions["reports.narrative"] == "1.0.0"

    with platform.db.session() as session:
        stored = records.listing(session)
        assert [run.id for run in stored] == [second.id, first.id]
        assert [run.id for run in records.runs_measuring(session, "reports.narrative", "1.1.0")] == [first.id]
    run = stored[0]
    assert run.model == "smollm2-135m-instruct" and run.profile == "cpu" and run.git_commit == "0123456789abcdef" and run.created_by
    assert run.suites == [
        {"product": "reports", "lang": "en", "file": "data/eval/reports.yaml", "cases": 4, "pass_rate": 0.75, "pass_all_k": 0.75},
        {"product": "builder", "lang": "en", "file": "data/eval/builder.yaml", "cases": 2, "pass_rate": 1.0, "pass_all_k": 1.0},
    ]
    assert run.document == json.loads(json.dumps(doc))  # the whole document, as `--json` writes it
    assert records.summary(run)["prompt_versions"] == run.prompt_versions and "document" not in records.summary(run)


def test_the_latest_run_of_each_model(make_platform: PlatformFactory) -> None:
    platform = make_platform()
    old_smol = records.record(platform.db, document(suite("chatops", 1, 1)))
    tiny = records.record(platform.db, document(suite("chatops", 0, 2), model="insightstack-tiny"))
    new_smol = records.record(platform.db, document(suite("chatops", 2)))
    with platform.db.session() as session:
        assert [run.id for run in records.latest_per_model(session)] == [new_smol.id, tiny.id]
        assert old_smol.id not in {run.id for run in records.latest_per_model(session)}


@pytest.fixture
def failing_model() -> Iterator[str]:
    """An OpenAI-compatible server that lists one model and fails every generation: enough for
    `eval run` to complete a run (every case fails) without a vLLM server."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            body = json.dumps({"object": "list", "data": [{"id": "failing-model", "object": "model"}]}).encode()
            self.send_response(200 if self.path.endswith("/models") else 404)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # noqa: N802
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


@pytest.mark.slow  # runs the CLI as processes
def test_eval_run_records_in_the_configured_database_and_eval_runs_lists_it(tmp_path: Path, failing_model: str) -> None:
    """Through the CLI: the run goes to the data dir's database, not the runner's per-suite ones."""
    suites = str(REPO_ROOT / "data" / "eval" / "reports.yaml")
    ran = run_cli(tmp_path, "eval", "run", suites, "--llm-url", failing_model, "--limit", "1", "--record")
    assert ran.returncode == 0, ran.stdout[-2000:] + ran.stderr[-2000:]
    assert "recorded eval run 1" in ran.stdout

    listed = run_cli(tmp_path, "eval", "runs", "--json")
    assert listed.returncode == 0, listed.stderr
    (shown,) = json.loads(listed.stdout)
    assert shown["id"] == 1 and shown["model"] == "failing-model" and shown["created_by"]
    assert shown["prompt_versions"] == {"reports.narrative": "2.0.0"}  # the one prompt the run's model calls rendered (the newest file)
    assert shown["suites"] == [{"product": "reports", "lang": "en", "file": suites, "cases": 1, "pass_rate": 0.0, "pass_all_k": 0.0}]
    table = run_cli(tmp_path, "eval", "runs")
    assert table.returncode == 0 and "reports.yaml 0%" in table.stdout and "failing-model" in table.stdout
