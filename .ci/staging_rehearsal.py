"""Staging rehearsal (`make staging-rehearsal`): deploy, smoke, promote a bad prompt, roll back.

Everything is real and local: a PostgreSQL 15 server from the machine's binaries in a temporary
directory, migrations applied by `insightstack db upgrade`, the API as `insightstack serve` with
2 worker processes and 2 supervised vLLM CPU replicas (or replicas already running, with
--llm-urls), and a smoke suite over HTTP across reports, the strategy builder, ChatOps and the
gateway. Then prompt `reports.narrative` 1.1.0, which needs a variable the code does not supply,
is promoted to staging; the smoke suite must fail on it; `insightstack releases rollback` goes
back to the release recorded at start-up and the smoke suite must pass again.

Exit 0 when that story holds; the steps and their results are in <workdir>/summary.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import yaml
from prometheus_client.parser import text_string_to_metric_families

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from services.demo import postgres  # noqa: E402  (the repo root goes on the path first)
from services.platform.ports import free_port  # noqa: E402

PROMPT = "reports.narrative"
BAD_VERSION = "1.1.0"
INSIGHTSTACK = str(Path(sys.executable).with_name("insightstack"))
READY_TIMEOUT_S = 900
Check = Callable[[httpx.Client], str]


def main() -> int:
    args = _arguments()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="insightstack-staging-"))
    workdir.mkdir(parents=True, exist_ok=True)
    summary: dict[str, Any] = {"workdir": str(workdir), "steps": []}
    try:
        with postgres.local_postgres() as database:
            ok = rehearse(Rehearsal(workdir, database.url, args.llm_urls, summary))
    finally:
        (workdir / "summary.json").write_text(json.dumps(summary, indent=2))
    print(f"{'PASSED' if ok else 'FAILED'}: staging rehearsal; details in {workdir / 'summary.json'}")
    return 0 if ok else 1


class Rehearsal:
    """One rehearsal's environment, processes and record of steps."""

    def __init__(self, workdir: Path, database_url: str, llm_urls: str | None, summary: dict[str, Any]) -> None:
        self.workdir, self.llm_urls, self.summary = workdir, llm_urls, summary
        self.port = free_port()
        self.env = {
            **os.environ,
            "INSIGHTSTACK_ENV": "staging",
            "INSIGHTSTACK_DATABASE_URL": database_url,
            "INSIGHTSTACK_DATA_DIR": str(workdir / "var"),
            "INSIGHTSTACK_PROMPTS_DIR": str(_catalogue_with_bad_version(workdir)),
            "INSIGHTSTACK_LOG_LEVEL": "WARNING",
            "COLUMNS": "200",
        }
        if llm_urls:
            self.env["INSIGHTSTACK_LLM_BASE_URLS"] = llm_urls
        self.server: subprocess.Popen[bytes] | None = None
        self.started = time.monotonic()

    def step(self, name: str, **result: Any) -> None:
        result["at_s"] = round(time.monotonic() - self.started, 1)  # seconds since the rehearsal began
        self.summary["steps"].append({"step": name, **result})
        print(f"- {name}: {json.dumps(result)[:300]}", flush=True)

    def cli(self, *args: str) -> str:
        done = subprocess.run([INSIGHTSTACK, *args], capture_output=True, text=True, env=self.env, timeout=600)
        if done.returncode != 0:
            raise RuntimeError(f"insightstack {' '.join(args)} failed ({done.returncode}): {done.stdout[-2000:]}{done.stderr[-2000:]}")
        return done.stdout

    def serve(self) -> None:
        command = [INSIGHTSTACK, "serve", "--port", str(self.port), "--workers", "2"]
        if not self.llm_urls:
            command += ["--with-llm", "--llm-replicas", "2", "--llm-port", str(free_port())]
        log = (self.workdir / "serve.log").open("wb")
        self.server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=self.env, start_new_session=True)

    def stop(self) -> None:
        if self.server is None or self.server.poll() is not None:
            return
        os.killpg(self.server.pid, signal.SIGTERM)  # uvicorn stops its workers, serve stops the vLLM replicas
        try:
            self.server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.server.pid, signal.SIGKILL)
            self.server.wait()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def rehearse(run: Rehearsal) -> bool:
    run.cli("db", "upgrade")
    key = run.cli("users", "create", "rehearsal-admin", "--role", "admin").strip().splitlines()[-1]
    run.env["INSIGHTSTACK_API_KEY"] = key  # the admin who promotes and rolls back (never on a command line)
    run.cli("backtests", "import", str(REPO / "data" / "backtests"))
    run.cli("runbooks", "import", str(REPO / "data" / "runbooks"))
    run.cli("prompts", "promote", PROMPT, "--version", "1.0.0", "--env", "staging", "--reason", "staging baseline")
    run.step("prepared", database="postgresql", migrations="applied", prompt_label=f"{PROMPT}=1.0.0")
    run.serve()
    try:
        with httpx.Client(base_url=run.base, headers={"Authorization": f"Bearer {key}"}, timeout=600) as http:
            _wait_ready(run, http)
            first = smoke(run, http, "smoke: baseline", backtest_rank=0)
            release = _latest_release(run)
            run.cli("prompts", "promote", PROMPT, "--version", BAD_VERSION, "--env", "staging", "--reason", "rehearsal: new narrative")
            run.step("promoted", prompt=f"{PROMPT}={BAD_VERSION}", previous_release=release)
            promoted = smoke(run, http, "smoke: after promotion", backtest_rank=1)
            rolled = run.cli("releases", "rollback", "--to", str(release))
            run.step("rolled back", release=release, output=rolled.strip().splitlines())
            after = smoke(run, http, "smoke: after rollback", backtest_rank=1)
    finally:
        run.stop()
    stopped = run.server is not None and run.server.returncode is not None
    run.step("stopped", clean=stopped)
    story = first["ok"] and not promoted["ok"] and promoted["failed"] == ["reports"] and after["ok"] and stopped
    run.summary["passed"] = story
    return story


def smoke(run: Rehearsal, http: httpx.Client, name: str, backtest_rank: int) -> dict[str, Any]:
    """Each product once over HTTP; {"ok", "failed": [check names], "results": {check: detail}}."""
    checks: dict[str, Check] = {
        "replicas": _replicas,
        "reports": lambda h: _report(h, backtest_rank),
        "builder": _builder,
        "chatops": _chatops,
        "gateway": _gateway,
        "metrics": _metrics,
    }
    results: dict[str, str] = {}
    failed: list[str] = []
    for check, probe in checks.items():
        try:
            results[check] = probe(http)
        except (AssertionError, httpx.HTTPError, KeyError, ValueError) as exc:
            results[check] = f"FAILED: {exc}"[:500]
            failed.append(check)
    outcome = {"ok": not failed, "failed": failed, "results": results}
    run.step(name, **outcome)
    return outcome


def _replicas(http: httpx.Client) -> str:
    replicas = _json(http.get("/admin/llm/replicas"))["replicas"]
    assert len(replicas) == 2 and {r["state"] for r in replicas} <= {"up", "probation"}, replicas
    return ", ".join(f"{r['url']} {r['state']} pid={r['pid']}" for r in replicas)


def _report(http: httpx.Client, rank: int) -> str:
    """Four concurrent first requests for one report (spread over both workers): one generation."""
    backtests = sorted(_json(http.get("/backtests")), key=lambda b: b["sharpe"] or float("-inf"), reverse=True)
    backtest_id = backtests[rank]["id"]
    before = _report_calls(http)
    with ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(lambda _: http.get(f"/backtests/{backtest_id}/report"), range(4)))
    bodies = [_json(response) for response in responses]
    generated = _report_calls(http) - before
    assert generated <= 1 and len({body["generated_at"] for body in bodies}) == 1, f"{generated} generations for one report"
    body = bodies[0]
    return f"{backtest_id}: {body['status']}, prompt {body['prompt_version']}, fact check {body['factcheck']['verdict']}, {generated} generation(s)"


def _report_calls(http: httpx.Client) -> int:
    return len(_json(http.get("/admin/llm-calls", params={"feature": "reports", "outcome": "ok", "limit": 1000})))


def _builder(http: httpx.Client) -> str:
    draft = _json(http.post("/strategies/generative-builder", json={"intent": "Trend following on US large caps with a moving-average crossover"}))
    return f"draft {draft['id']}: {draft['status']}, {len(draft['validation_errors'])} validation error(s), prompt {draft['prompt_version']}"


def _chatops(http: httpx.Client) -> str:
    answer = _json(http.post("/chatops/ask", json={"question": "Why did the kpi-rollup pipeline fail?"}))
    assert answer["outcome"] in ("answered", "escalated", "needs_confirmation"), answer["outcome"]
    return f"{answer['outcome']} after {answer['steps']} step(s), {len(answer['tool_calls'])} tool call(s), runbooks {[r['id'] for r in answer['runbooks']]}"


def _gateway(http: httpx.Client) -> str:
    reply = _json(http.post("/v1/chat/completions", json={"model": "default", "messages": [{"role": "user", "content": "Say hello."}], "max_tokens": 8}))
    return f"{reply['model']}: finish {reply['choices'][0]['finish_reason']}, {reply['usage']['total_tokens']} tokens"


def _metrics(http: httpx.Client) -> str:
    """A scrape counts every worker's requests: ten /healthz calls on fresh connections (spread
    over the workers by the kernel) all show up, whichever worker answers the scrape."""
    before = _healthz_count(http)
    for _ in range(10):
        httpx.get(http.base_url.join("/healthz"), timeout=10).raise_for_status()
    deadline = time.monotonic() + 5  # a worker counts a request as its response completes
    while (counted := _healthz_count(http) - before) < 10 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert counted == 10, f"a scrape counted {counted} of 10 requests: it sees one worker's counters"
    return "a scrape counts every worker's requests"


def _healthz_count(http: httpx.Client) -> float:
    exposition = http.get("/metrics").text
    return sum(
        sample.value for family in text_string_to_metric_families(exposition) if family.name == "insightstack_http_requests"
        for sample in family.samples if sample.name.endswith("_total") and sample.labels.get("route") == "/healthz"
    )


def _json(response: httpx.Response) -> Any:
    assert response.status_code < 300, f"{response.request.method} {response.request.url.path}: {response.status_code} {response.text[:300]}"
    return response.json()


def _wait_ready(run: Rehearsal, http: httpx.Client) -> None:
    started = time.monotonic()
    while time.monotonic() - started < READY_TIMEOUT_S:
        assert run.server is not None and run.server.poll() is None, f"serve exited: {(run.workdir / 'serve.log').read_text()[-3000:]}"
        try:
            if http.get("/readyz", timeout=5).status_code == 200:
                run.step("ready", seconds=round(time.monotonic() - started, 1), url=run.base)
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise RuntimeError(f"the API was not ready within {READY_TIMEOUT_S}s")


def _latest_release(run: Rehearsal) -> int:
    listed = run.cli("releases", "list", "--limit", "1")
    return int(next(line.split("│")[1] for line in listed.splitlines() if line.startswith("│") and line.split("│")[1].strip().isdigit()))


def _catalogue_with_bad_version(workdir: Path) -> Path:
    """The shipped catalogue plus reports.narrative 1.1.0, whose template needs `house_view`,
    a variable the report service does not supply (a mistake a prompt author can make)."""
    root = workdir / "prompts"
    shutil.copytree(REPO / "services" / "prompts", root, dirs_exist_ok=True)
    spec = yaml.safe_load((root / PROMPT / "1.0.0.yaml").read_text())
    spec["version"] = BAD_VERSION
    spec["input_variables"] = [*spec["input_variables"], "house_view"]
    spec["template"] = "House view: {{ house_view }}\n" + spec["template"]
    (root / PROMPT / f"{BAD_VERSION}.yaml").write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True))
    return root


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", help="Where logs, data and summary.json go (default: a new temporary directory).")
    parser.add_argument("--llm-urls", help="Comma-separated vLLM replicas already running (default: serve starts 2).")
    return parser.parse_args()


if __name__ == "__main__":
    raise SystemExit(main())
