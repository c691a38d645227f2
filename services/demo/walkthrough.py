"""The executive walk-through `make demo` ends with, over HTTP as real clients would do it.

The top 5 backtests get fact-checked reports, a few plain-language intents become strategy
drafts and a reviewer approves one, the operations agent answers the top 10 questions
(docs/chatops-questions.md) and investigates an alert from a local Prometheus, and the showcase is written to `var/showcase/` and served at
`/showcase`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from services.chatops.top_questions import top_questions
from services.operations.metrics_summary import PlanMetrics
from services.platform import audit, auth
from services.platform.errors import AppError
from services.platform.permissions import Role
from services.platform.runtime import Platform
from services.reports import store
from services.reports.narrative import fill
from services.reports.service import ReportGenerationService
from services.showcase.export import export
from services.showcase.views import DEMO_USER_PREFIX

Say = Callable[[str], None]
TOP_REPORTS = 5
INTENTS = (
    ("Buy SPY when RSI is oversold and sell when it recovers, low risk", ["SPY"]),
    ("Trend following on QQQ with a moving-average crossover", ["QQQ"]),
    ("Breakout strategy on gold using Donchian channels", ["XAUUSD"]),
)
TIMEOUT_S = 600


@dataclass(frozen=True)
class Demo:
    """The walk-through's API, its users (one key per role) and where it prints."""

    platform: Platform
    base: str
    keys: dict[Role, str]
    say: Say

    def call(self, method: str, path: str, role: Role, **kwargs: object) -> dict:
        response = httpx.request(method, f"{self.base}{path}", headers={"Authorization": f"Bearer {self.keys[role]}"}, timeout=TIMEOUT_S, **kwargs)  # type: ignore[arg-type]
        if response.status_code >= 300:
            raise AppError(f"{method} {path} failed: {response.status_code} {response.text[:300]}")
        return response.json()


def demo_keys(platform: Platform) -> dict[Role, str]:
    """A fresh key per role for the demo users (created on the first run, rotated after); the
    showcase labels what they made or decided as demo content."""
    keys = {}
    with platform.db.session() as session:
        for role in (Role.viewer, Role.analyst, Role.reviewer, Role.operator):
            name = f"{DEMO_USER_PREFIX}{role.value}"
            try:
                keys[role] = auth.rotate_key(session, name)
            except auth.UserNotFound:
                keys[role] = auth.create_user(session, name, role)[1]
    return keys


def top_reports(demo: Demo) -> None:
    """Fact-checked reports of the top backtests by Sharpe."""
    with demo.platform.db.session() as session:
        ranked = sorted(store.summaries(session), key=lambda row: row.sharpe if row.sharpe is not None else float("-inf"), reverse=True)
    for row in ranked[:TOP_REPORTS]:
        report = demo.call("GET", f"/backtests/{row.id}/report", Role.analyst)
        withheld = report["narrative"].get("withheld") or {}
        demo.say(f"  {row.id:<26} Sharpe {row.sharpe}: {report['status']}, fact check {report['factcheck']['verdict']} "
                 f"({report['factcheck']['supported']} verified, {report['factcheck']['contradicted']} contradicted; "
                 f"{len(withheld)} prose field(s) withheld)\n    {fill(report['narrative']['executive_summary'], report['figures'])[:320]}")


def strategies(demo: Demo) -> None:
    """Drafts from plain-language intents; a reviewer approves the first valid one."""
    approved = False
    for intent, universe in INTENTS:
        body = {"intent": intent, "constraints": {"universe": universe, "timeframe": "1d", "risk_level": "low"}}
        draft = demo.call("POST", "/strategies/generative-builder", Role.analyst, json=body)
        demo.say(f"  {intent!r} -> {draft['config'].get('template')} ({draft['status']}, {len(draft['validation_errors'])} validation problem(s))")
        if not approved and not draft["validation_errors"]:
            decided = demo.call("POST", f"/strategies/drafts/{draft['id']}/approve", Role.reviewer, json={"comment": "Reviewed in the demo: parameters within the low-risk bounds."})
            demo.say(f"    approved by {decided['decided_by']} (nothing is deployed: approval is a record)")
            approved = True


def chatops(demo: Demo) -> None:
    """The top 10 operational questions, after a failed pipeline run is reported."""
    for question in (top.question for top in top_questions()):
        answer = demo.call("POST", "/chatops/ask", Role.operator, json={"question": question})
        cited = ", ".join(r["id"] for r in answer["runbooks"] if r["cited"]) or "none"
        demo.say(f"  {question}\n    {answer['outcome']} · cited: {cited} · audit #{answer['audit_id']}\n    {answer['answer'][:320]}")


def alert_investigation(demo: Demo, marketdata_url: str, feed: str = "equities-us", lag_s: float = 400) -> None:
    """A feed goes stale; Prometheus fires FeedStale, Alertmanager calls the webhook, and the
    read-only investigation it started is printed (then the feed recovers)."""
    earlier = {i["id"] for i in demo.call("GET", "/chatops/investigations", Role.viewer)}  # a previous demo's, same data dir
    httpx.post(f"{marketdata_url}/admin/feeds/{feed}", json={"lag_s": lag_s}, timeout=5).raise_for_status()
    demo.say(f"  {feed} made {lag_s:g} s stale; waiting for Prometheus -> Alertmanager -> POST /alerts/webhook")
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            done = [i for i in demo.call("GET", "/chatops/investigations", Role.viewer) if i["status"] != "running" and i["id"] not in earlier]
            if done:
                demo.say(f"  {done[0]['question']}\n    {done[0]['status']} · posted: {done[0]['posted']}\n    {(done[0]['answer'] or done[0]['error'] or '')[:400]}")
                return
            time.sleep(1)
        demo.say("  no investigation within 120 s (see GET /chatops/toolsets and the Alertmanager log)")
    finally:
        httpx.post(f"{marketdata_url}/admin/feeds/{feed}", json={"lag_s": 2}, timeout=5).raise_for_status()


def report_failed_run(demo: Demo) -> None:
    """The scheduler reports a failed KPI rollup, so the agent has something real to find."""
    now = time.time()

    def stamp(seconds_ago: float) -> str:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now - seconds_ago))

    run = {
        "pipeline": "kpi-rollup", "run_id": f"demo-{int(now)}", "status": "failed", "started_at": stamp(900), "finished_at": stamp(240),
        "tasks": [{"name": "extract", "status": "succeeded"}, {"name": "upsert_kpis", "status": "failed", "error": "deadlock detected"}],
    }
    demo.call("POST", "/pipelines/runs", Role.operator, json=run)


def write_showcase(demo: Demo, reports: ReportGenerationService, plan: PlanMetrics, out: Path) -> Path:
    """The showcase as files; the server shows the same at /showcase."""
    return export(demo.platform.db, reports, plan, out, audit.Caller(name="demo-viewer", role=Role.viewer.value))
