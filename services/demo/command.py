"""`insightstack demo` (`make demo`): the stack on the embedded defaults (the profile's model, the
market-data stand-in, the API, and Prometheus and Alertmanager where Debian's packages are
installed), the structured-generation spine, the walk-through over HTTP, the OpenAI-compatible
gateway, and the showcase written to files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from contextlib import ExitStack

import httpx
import uvicorn
from fastapi import FastAPI
from rich.console import Console

from services.app.app import create_app
from services.app.llm_servers import start_llm
from services.app.products import PLAN_METRICS
from services.app.reports_cli import import_paths
from services.demo import monitoring, walkthrough
from services.platform import audit
from services.platform.demo import market_brief
from services.platform.errors import AppError
from services.platform.permissions import Role
from services.platform.runtime import Platform, open_platform
from services.platform.settings import REPO_ROOT

console = Console()
SAMPLE_BACKTESTS = REPO_ROOT / "data" / "backtests"
MARKETDATA_PORT = 8701


def run_demo(port: int, keep_serving: bool) -> None:
    """Bring the stack up on the embedded defaults and walk through it (`insightstack demo`)."""
    platform = open_platform()
    supervisor = None if platform.settings.llm_base_urls else start_llm(platform)
    marketdata = subprocess.Popen([sys.executable, "-m", "services.demo.marketdata", "--port", str(MARKETDATA_PORT)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    api = create_app(platform.settings, platform)
    server = uvicorn.Server(uvicorn.Config(api, port=port, log_config=None))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    monitors = ExitStack()
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(f"{base}/healthz")
        ready = httpx.get(f"{base}/readyz", timeout=30).json()
        console.rule("GET /readyz")
        console.print_json(json.dumps(ready))
        console.rule("structured generation: platform.market_brief -> MarketBrief")
        brief = market_brief(platform.served_prompts, platform.generator, "AAPL", user="demo", seed=7)
        console.print_json(brief.model_dump_json())
        keys = walkthrough.demo_keys(platform)
        demo = walkthrough.Demo(platform, base, keys, lambda line: console.print(line, highlight=False, markup=False))
        _demo_walkthrough(demo, api)
        _demo_alerts(demo, api, monitors)
        _demo_gateway(base, {"Authorization": f"Bearer {keys[Role.analyst]}"})
        index = walkthrough.write_showcase(demo, api.state.reports, PLAN_METRICS, platform.settings.data_dir / "showcase")
        console.rule("Showcase")
        console.print(f"written to {index.resolve()}\nserved at {base}/showcase (sign in at {base}/signin with the demo viewer key: {keys[Role.viewer]})")
        console.print(f"\nAPI on {base} (docs: {base}/docs)")
        if keep_serving:
            console.print("serving; Ctrl-C stops")
            thread.join()
    except KeyboardInterrupt:
        pass
    finally:
        monitors.close()
        server.should_exit = True
        thread.join(timeout=10)
        if supervisor is not None:
            supervisor.stop()
        marketdata.terminate()
        platform.close()


def _demo_gateway(base: str, headers: dict[str, str]) -> None:
    """The official openai client against /v1, a guardrail refusal, and what Prometheus scrapes."""
    import openai  # noqa: PLC0415 (imported when used: about a second of every CLI start otherwise)

    console.rule("OpenAI-compatible gateway: openai.OpenAI(base_url=.../v1)")
    client = openai.OpenAI(base_url=f"{base}/v1", api_key=headers["Authorization"].removeprefix("Bearer "), max_retries=0)
    answer = client.chat.completions.create(model="default", messages=[{"role": "user", "content": "One line on momentum."}], max_tokens=24, seed=7)
    console.print(f"models: {', '.join(m.id for m in client.models.list().data)}")
    usage = f"{answer.usage.prompt_tokens} tokens in, {answer.usage.completion_tokens} out" if answer.usage else "no usage"
    console.print(f"chat ({answer.model}, {usage}, finish_reason={answer.choices[0].finish_reason}):\n  {answer.choices[0].message.content}", highlight=False)
    try:
        client.chat.completions.create(model="default", messages=[{"role": "user", "content": "you are a useless idiot"}], max_tokens=8)
    except openai.BadRequestError as exc:
        console.print(f"guardrails: {exc.status_code} {exc.body}")
    metrics = httpx.get(f"{base}/metrics", timeout=30).text.splitlines()
    shown = [line for line in metrics if line.startswith(("insightstack_llm_calls_total", "insightstack_guardrail_decisions_total{")) and 'outcome="pass"' not in line]
    console.print("/metrics (LLM calls, guardrail decisions that fired):\n" + "\n".join(shown), soft_wrap=True)


def _demo_walkthrough(demo: walkthrough.Demo, api: FastAPI) -> None:
    """The three products as an executive sees them: reports, drafts and an approval, answers."""
    console.rule(f"D1 narrative reports: the top {walkthrough.TOP_REPORTS} sample backtests by Sharpe, fact-checked")
    created, failures = import_paths(demo.platform, sorted(SAMPLE_BACKTESTS.glob("*.json")))
    console.print(f"imported {created} new backtest revision(s), {len(failures)} failed")
    walkthrough.top_reports(demo)
    console.rule("D2 strategy builder: plain-language intents -> validated drafts -> a reviewer's approval")
    walkthrough.strategies(demo)
    console.rule("D3 ChatOps: the top 10 operational questions")
    chatops = api.state.chatops
    result = chatops.library.import_dir(REPO_ROOT / "data" / "runbooks", audit.Caller(name="demo", role="admin"), set(chatops.executor.tools))
    console.print(f"runbooks: {len(result.added)} added, {len(result.updated)} updated, {len(result.unchanged)} unchanged")
    walkthrough.report_failed_run(demo)
    walkthrough.chatops(demo)


def _demo_alerts(demo: walkthrough.Demo, api: FastAPI, monitors: ExitStack) -> None:
    """Prometheus scraping the API, vLLM and the market data, its FeedStale alert, Alertmanager's
    webhook, and the investigation it starts (skipped where the Debian packages are absent)."""
    console.rule("D3 ChatOps on Prometheus and Alertmanager: a stale feed, its alert, the investigation")
    if not monitoring.available():
        console.print("Prometheus/Alertmanager not installed (apt-get install prometheus prometheus-alertmanager): skipped")
        return
    root = monitors.enter_context(monitoring.monitoring_root())
    alertmanager = monitors.enter_context(monitoring.running_alertmanager(f"{demo.base}/alerts/webhook", demo.keys[Role.operator], root))
    targets = {"insightstack": monitoring.host_port(demo.base), "market-data": f"127.0.0.1:{MARKETDATA_PORT}", **_vllm_targets(demo.platform)}
    prometheus = monitors.enter_context(monitoring.running_prometheus(targets, alertmanager.url, root))
    os.environ |= {"INSIGHTSTACK_PROMETHEUS_URL": prometheus.url, "INSIGHTSTACK_ALERTMANAGER_URL": alertmanager.url}
    statuses = api.state.chatops.reload_toolsets(audit.Caller(name="demo", role="admin"))
    console.print("toolsets: " + "; ".join(f"{s.name} {'available' if s.available else 'unavailable: ' + (s.reason or '')[:80]}" for s in statuses))
    console.print(f"Prometheus {prometheus.url}, Alertmanager {alertmanager.url}")
    walkthrough.alert_investigation(demo, f"http://127.0.0.1:{MARKETDATA_PORT}")


def _vllm_targets(platform: Platform) -> dict[str, str]:
    """The first vLLM replica's host:port (Prometheus reads its /metrics)."""
    urls = [endpoint.url for endpoint in platform.pool.endpoints]
    return {"vllm": monitoring.host_port(urls[0])} if urls else {}


def _wait_for(url: str, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AppError(f"{url} did not answer within {timeout_s:.0f}s")
