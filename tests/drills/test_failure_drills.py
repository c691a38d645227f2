"""Failure drills through real vLLM CPU servers and a real PostgreSQL (issue 8's "done when").

- a replica is killed (SIGKILL) during a 20-report batch: every report is done, none twice, its
  supervisor restarts it once, and the pool re-admits it, which then answers again;
- every vLLM server of a deployment stops: reports come stale or 503 with Retry-After, ChatOps
  answers from runbooks and tool output, and everything recovers without an API restart;
- PostgreSQL restarts under load: requests fail fast with 503 and succeed again afterwards,
  with nothing half-written.
(Killing the batch process itself and resuming it is in tests/reports/test_reports_cli_llm.py.)
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import select

from inference.launcher import VLLMServer
from services.operations import jobs
from services.platform import audit
from services.platform.models import AuditEntry, LLMCall
from services.platform.permissions import Role
from services.platform.runtime import Platform
from services.platform.settings import REPO_ROOT
from services.app.products import report_service
from services.app.reports_cli import run_batch
from services.reports import store
from services.reports.models import BacktestRevision
from tests.conftest import PlatformFactory, new_postgres_database
from tests.reports.conftest import SAMPLES, import_samples
from services.demo import postgres
from tests.support.api import api_for
from tests.support.waiting import wait_for

pytestmark = [pytest.mark.llm, pytest.mark.postgres]
BATCH_SIZE = 20


def twenty_backtests(platform: Platform) -> list[str]:
    """Twenty backtests: the samples, with renamed copies if there are fewer."""
    import_samples(platform)
    samples = sorted(SAMPLES.glob("*.json"))
    with platform.db.session() as session:
        for n, path in enumerate(samples[: max(0, BATCH_SIZE - len(samples))]):
            copy = json.loads(path.read_text())
            copy["id"] = f"{copy['id']}-copy{n}"
            store.ingest(session, store.parse_document(copy, path.name), actor="drill", role="analyst")
        return sorted(row.id for row in store.summaries(session))[:BATCH_SIZE]


def generations(platform: Platform) -> Counter[str]:
    with platform.db.session() as session:
        return Counter(session.scalars(select(AuditEntry.target).where(AuditEntry.action == "reports.generate")))


def test_a_replica_killed_during_a_batch(pg_server: str, make_platform: PlatformFactory, llm_url: str, second_replica: VLLMServer, tmp_path: Path) -> None:
    platform = make_platform(database_url=new_postgres_database(pg_server), llm_base_urls=[second_replica.url, llm_url])
    ids = twenty_backtests(platform)
    assert len(ids) == BATCH_SIZE
    job_id = jobs.create(platform.db, "reports.batch", ids, {}, "drill")
    restarts = second_replica.restarts
    killer = threading.Thread(target=_kill_when_busy, args=(platform, second_replica), daemon=True)
    killer.start()
    outcomes = run_batch(report_service(platform), platform, job_id, ids, tmp_path, ["json"], 4)
    killer.join()

    assert {outcome for outcome, _status, _detail in outcomes.values()} == {"generated"}, outcomes
    assert jobs.finish(platform.db, job_id) == "done"
    assert generations(platform) == Counter({backtest_id: 1 for backtest_id in ids})  # none generated twice
    replica = next(ep for ep in platform.pool.endpoints if ep.url == second_replica.url)
    assert replica.errors >= 1  # its in-flight requests failed and were retried on the other replica

    assert wait_for(lambda: second_replica.state == "up", timeout_s=300), second_replica.log_tail()  # the supervisor restarted it
    assert second_replica.restarts == restarts + 1
    assert wait_for(lambda: replica.state == "probation", timeout_s=30)  # the pool's health check saw it
    report_service(platform).get_report(ids[0], audit.Caller("drill", "analyst"), refresh=True)
    assert replica.state == "up"  # its trial request succeeded: re-admitted
    with platform.db.session() as session:
        last = session.scalars(select(LLMCall).order_by(LLMCall.id.desc()).limit(1)).one()
    assert last.endpoint == second_replica.url


def _kill_when_busy(platform: Platform, replica: VLLMServer) -> None:
    """SIGKILL the replica's process group once it has requests in flight and a few reports are done."""
    endpoint = next(ep for ep in platform.pool.endpoints if ep.url == replica.url)
    assert wait_for(lambda: endpoint.in_flight > 0 and sum(generations(platform).values()) >= 3, timeout_s=300, interval_s=0.05)
    os.killpg(replica.pid, signal.SIGKILL)


def test_every_llm_server_down_then_back_without_a_restart(pg_server: str, make_platform: PlatformFactory, second_replica: VLLMServer) -> None:
    platform = make_platform(database_url=new_postgres_database(pg_server), llm_base_urls=[second_replica.url])
    import_samples(platform, "eq-us-ma-crossover", "fx-eurusd-bollinger")
    api = next(api_for(platform))
    analyst = api.as_(Role.analyst)
    assert api.client.get("/backtests/eq-us-ma-crossover/report", headers=analyst).status_code == 200
    approved = api.client.post("/backtests/eq-us-ma-crossover/report/review", json={"decision": "approve", "rating": 4}, headers=api.as_(Role.reviewer))
    assert approved.status_code == 200, approved.text  # only a verified or approved report is served stale
    chatops = api.client.app.state.chatops
    chatops.library.import_dir(REPO_ROOT / "data" / "runbooks", audit.Caller("ops", "admin"), set(chatops.executor.tools))

    second_replica.stop()
    try:
        stale = api.client.get("/backtests/eq-us-ma-crossover/report?refresh=true", headers=analyst)
        assert stale.status_code == 200 and stale.json()["stale"] is True
        started = time.monotonic()
        missing = api.client.get("/backtests/fx-eurusd-bollinger/report", headers=analyst)
        assert missing.status_code == 503 and missing.headers["retry-after"] and time.monotonic() - started < 10
        asked = api.client.post("/chatops/ask", json={"question": "The market data feed is stale, what should I check?"}, headers=api.as_(Role.operator))
        answer = asked.json()
        assert asked.status_code == 200 and answer["outcome"] == "degraded" and "language model is unavailable" in answer["answer"]
        assert answer["runbooks"] and answer["tool_calls"]  # runbook retrieval and tool output only
    finally:
        second_replica.start()

    recovered = api.client.get("/backtests/fx-eurusd-bollinger/report", headers=analyst)
    assert recovered.status_code == 200 and recovered.json()["stale"] is False


def test_postgres_restarted_under_load(make_platform: PlatformFactory, llm_url: str) -> None:
    with postgres.local_postgres() as server:
        platform = make_platform(database_url=server.url, llm_base_urls=[llm_url])
        import_samples(platform, "eq-us-ma-crossover")
        api = next(api_for(platform))
        analyst = api.as_(Role.analyst)
        assert api.client.get("/backtests/eq-us-ma-crossover/report", headers=analyst).status_code == 200
        sample = json.loads((SAMPLES / "eq-us-ma-crossover.json").read_text())
        results: list[tuple[str, int, float]] = []
        stop = threading.Event()

        def load(worker: int) -> None:
            n = 0
            while not stop.is_set():
                n += 1
                started = time.monotonic()
                if n % 2:
                    response = api.client.get("/backtests/eq-us-ma-crossover/report", headers=analyst)
                else:
                    body = {**sample, "id": f"load-{worker}-{n}"}
                    response = api.client.post("/backtests", json=body, headers=analyst)
                results.append((response.json().get("error", {}).get("code", "ok") if response.status_code >= 400 else "ok", response.status_code, time.monotonic() - started))

        with ThreadPoolExecutor(4) as pool:
            for worker in range(4):
                pool.submit(load, worker)
            time.sleep(2)
            server.stop()
            time.sleep(3)
            server.start()
            time.sleep(3)
            stop.set()

        statuses = Counter(status for _code, status, _s in results)
        assert set(statuses) <= {200, 201, 503}, statuses
        assert statuses[503] > 0 and statuses[200] + statuses[201] > 0
        assert {code for code, status, _s in results if status == 503} == {"database_unavailable"}
        assert max(seconds for _c, status, seconds in results if status == 503) < 6  # failed fast, no hang
        assert results[-1][1] in (200, 201)  # and works again without a restart
        with platform.db.session() as session:
            imported = set(session.scalars(select(BacktestRevision.backtest_id).where(BacktestRevision.backtest_id.like("load-%"))))
            audited = set(session.scalars(select(AuditEntry.target).where(AuditEntry.action == "backtests.import", AuditEntry.target.like("load-%"))))
            assert imported == audited  # every import wrote its revision and its audit entry, or neither
            assert audit.verify(session).ok
