"""Runs suites through the real products (a fresh data dir per suite, the same services the API
uses) against one model server, K times per case, and scores every run with the verifiers."""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import structlog
from sqlalchemy import func, select

from services.chatops.schemas import AskIn
from services.chatops.service import ChatOpsService
from services.evaluation import verifiers
from services.evaluation.suite import BuilderCase, Case, ChatOpsCase, ReportsCase, Suite
from services.evaluation.world import ChatOpsWorld, MarketDataWorld, MonitoringWorld, WorldError, components_file
from services.platform.audit import Caller
from services.platform.models import LLMCall
from services.platform.runtime import Platform
from services.platform.settings import Settings
from services.reports import store as backtests
from services.reports.service import ReportGenerationService
from services.strategies.schemas import BuildRequest, Constraints
from services.strategies.service import StrategyBuilderService

log = structlog.get_logger(__name__)

Progress = Callable[[str], None]


class ProductServices(Protocol):
    """The products as the API builds them (`services.app.products.Products`)."""

    @property
    def reports(self) -> ReportGenerationService: ...
    @property
    def strategies(self) -> StrategyBuilderService: ...
    @property
    def chatops(self) -> ChatOpsService: ...


@dataclass
class CaseResult:
    id: str
    runs: int = 0
    runs_passed: int = 0
    failures: list[str] = field(default_factory=list)  # of the first failing run
    latencies_ms: list[float] = field(default_factory=list)
    tokens_in: int = 0
    tokens_out: int = 0
    counts: dict[str, bool] = field(default_factory=dict)  # of the first run (verifiers.counts_*)

    @property
    def passed(self) -> bool:
        return self.runs > 0 and self.runs_passed == self.runs


@dataclass
class SuiteResult:
    file: str
    product: str
    lang: str
    repeat: int
    results: list[CaseResult]
    prompts: dict[str, str] = field(default_factory=dict)  # prompt id -> the version the cases' model calls rendered
    wall_s: float = 0.0  # the suite from its first platform built to its last case scored

    @property
    def cases(self) -> int:
        return len(self.results)

    @property
    def passed(self) -> int:
        """Cases that passed in every repeat (pass^K)."""
        return sum(result.passed for result in self.results)

    @property
    def pass_rate(self) -> float:
        """Runs that passed over all runs (mean pass@1)."""
        runs = sum(result.runs for result in self.results)
        return sum(result.runs_passed for result in self.results) / runs if runs else 0.0

    @property
    def pass_all_k(self) -> float:
        return self.passed / self.cases if self.cases else 0.0

    def counts(self) -> dict[str, int]:
        """How many cases each count held for (first runs)."""
        names = dict.fromkeys(name for result in self.results for name in result.counts)
        return {name: sum(result.counts.get(name, False) for result in self.results) for name in names}

    def latency_ms(self) -> dict[str, float]:
        values = sorted(value for result in self.results for value in result.latencies_ms)
        if not values:
            return {"p50": 0.0, "p95": 0.0}
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        return {"p50": round(statistics.median(values), 1), "p95": round(p95, 1)}


@dataclass(frozen=True)
class EvalConfig:
    build_products: Callable[[Platform], ProductServices]  # the composition root's, so cases run through what the API serves
    market_data: Callable[[], MarketDataWorld]  # for ChatOps suites: the demo package's stand-in
    llm_url: str
    profile: str | None
    workdir: Path
    repeat: int = 1
    concurrency: int = 4  # platforms running a suite's cases at once (vLLM batches their calls)
    llm_timeout_s: float = 600.0  # a slow CPU host must not turn a case into a timeout: the eval measures answers, latency is reported
    base_settings: Settings | None = None
    monitoring: Callable[[int, set[str]], MonitoringWorld] | None = None  # those systems; Prometheus scrapes that market-data port


class SuiteRun:
    """Some cases of a suite, one after another, on a platform of their own (fresh database,
    vector store, data dir and, for ChatOps, market-data stand-in): a case's world never leaks
    into another platform's cases."""

    def __init__(self, suite: Suite, cases: list[Case], config: EvalConfig, data_dir: Path) -> None:
        self.suite, self.cases, self.config = suite, cases, config
        data_dir.mkdir(parents=True, exist_ok=True)
        self.market_data = config.market_data() if suite.product == "chatops" else None
        base = config.base_settings or Settings()
        overrides: dict[str, object] = {  # nothing of the configured deployment's state: its own SQLite and embedded Qdrant
            "data_dir": data_dir, "database_url": None, "qdrant_url": None, "qdrant_path": None,
            "profile": config.profile, "llm_base_urls": [config.llm_url], "llm_timeout_s": config.llm_timeout_s, "log_json": base.log_json,
        }
        systems = set().union(*(c.world.systems for c in suite.cases if isinstance(c, ChatOpsCase)))  # every platform of the suite, healthy cases too
        self.monitoring = self._monitoring(systems) if self.market_data is not None and systems else None
        if self.market_data is not None:
            overrides["components_file"] = components_file(data_dir / "services.yaml", base.components_file, self.market_data.port)
        if self.monitoring is not None:
            overrides["toolset_environ"] = self.monitoring.environ
        self.platform = Platform(base.model_copy(update=overrides))
        self._runs = itertools.count(1)
        self.platform.db.upgrade()
        self.products = config.build_products(self.platform)
        self.platform.screener.guardrails.warm_up()  # models load here, one platform at a time, not in the cases' threads
        if suite.product == "builder":
            self.products.strategies.ensure_index()
        self.world = (
            ChatOpsWorld(self.platform.db, self.platform.pool, self.products.chatops, self.market_data, self.monitoring, base.components_file.parent / "runbooks")
            if self.market_data is not None else None
        )

    def _monitoring(self, systems: set[str]) -> MonitoringWorld | None:
        """The monitored systems for this platform; None (its cases then fail naming why) where unavailable."""
        assert self.market_data is not None
        try:
            return self.config.monitoring(self.market_data.port, systems) if self.config.monitoring else None
        except WorldError as exc:
            log.warning("eval.no_monitoring", reason=str(exc))
            return None

    def close(self) -> None:
        if self.monitoring is not None:
            self.monitoring.stop()
        if self.market_data is not None:
            self.market_data.stop()
        self.platform.close()

    def run(self, progress: Progress | None = None) -> dict[str, CaseResult]:
        results = {}
        for case in self.cases:
            result = results[case.id] = CaseResult(id=case.id)
            for _ in range(self.config.repeat):
                failures, counts, latency_ms, tokens = self._once(case)
                result.counts = result.counts or counts
                result.runs += 1
                result.runs_passed += not failures
                result.failures = result.failures or failures
                result.latencies_ms.append(latency_ms)
                result.tokens_in += tokens[0]
                result.tokens_out += tokens[1]
            if progress:
                progress(case.id)
        return results

    def _once(self, case: Case) -> tuple[list[str], dict[str, bool], float, tuple[int, int]]:
        """One run of a case, as a caller of its own so its model calls (and tokens) are its own."""
        caller_name = f"eval-{next(self._runs)}-{case.id}"[:64]
        started = time.perf_counter()
        counts: dict[str, bool] = {}
        try:
            failures, counts = self._score(case, caller_name)
        except WorldError as exc:
            failures = [str(exc)]
        except Exception as exc:  # a case that crashes fails with its reason; the run goes on
            failures = [f"error: {type(exc).__name__}: {str(exc)[:300]}"]
        latency_ms = (time.perf_counter() - started) * 1000
        return failures, counts, latency_ms, self._tokens_of(caller_name)

    def _score(self, case: Case, caller_name: str) -> tuple[list[str], dict[str, bool]]:
        if isinstance(case, ChatOpsCase):
            return self._chatops(case, Caller(name=caller_name, role=case.role))
        caller = Caller(name=caller_name, role="analyst")
        if isinstance(case, BuilderCase):
            return self._builder(case, caller)
        return self._reports(case, caller)

    def _chatops(self, case: ChatOpsCase, caller: Caller) -> tuple[list[str], dict[str, bool]]:
        assert self.world is not None
        self.world.apply(case.world, self.suite.path.parent)
        chatops = self.products.chatops
        out = chatops.ask(AskIn(question=case.question), caller)
        tools = chatops.executor.tools
        changes = [call.tool for call in out.tool_calls if tools[call.tool].mutating]
        if out.pending_action is not None:
            changes.append(out.pending_action.tool)
        seen = verifiers.ChatOpsObservation(
            answer=out.answer, outcome=out.outcome, cited_runbooks=[ref.id for ref in out.runbooks if ref.cited],
            tools_run=[call.tool for call in out.tool_calls], state_changes=changes,
        )
        return verifiers.verify_chatops(case.expect, seen, self.suite.lang), verifiers.counts_chatops(case.expect, seen)

    def _builder(self, case: BuilderCase, caller: Caller) -> tuple[list[str], dict[str, bool]]:
        constraints = Constraints(universe=case.universe, **({"risk_level": case.risk_level} if case.risk_level else {}))
        draft = self.products.strategies.build(BuildRequest(intent=case.intent, constraints=constraints), caller)
        retrieved = next((c.id for c in draft.candidates if c.kind == "template"), None)
        seen = verifiers.BuilderObservation(draft.config.get("template"), draft.config.get("params") or {}, draft.validation_errors, retrieved)
        return verifiers.verify_builder(case.expect, seen), verifiers.counts_builder(case.expect, seen)

    def _reports(self, case: ReportsCase, caller: Caller) -> tuple[list[str], dict[str, bool]]:
        backtest = backtests.load_file(self.suite.resolve(case.backtest))
        with self.platform.db.session() as session:
            backtests.ingest(session, backtest, actor=caller.name, role=caller.role)
        report = self.products.reports.get_report(backtest.id, caller, refresh=True, lang="ko" if self.suite.lang == "ko" else "en")
        findings = report.factcheck.findings
        seen = verifiers.ReportsObservation(
            status=report.status, checked_claims=report.factcheck.supported + report.factcheck.contradicted,
            contradicted=report.factcheck.contradicted, text=report.text, withheld=len(report.narrative.get("withheld") or {}),
            claimed_metrics=[f"benchmark_{f.metric}" if f.entity == "benchmark" else f.metric for f in findings if f.metric and f.status != "unverifiable"],
        )
        return verifiers.verify_reports(case.expect, seen), verifiers.counts_reports(case.expect, seen)

    def prompt_versions(self) -> dict[str, str]:
        """Prompt id -> version, as the model calls recorded them (what was measured, whatever
        the deployment's labels say)."""
        with self.platform.db.session() as session:
            rows = session.execute(select(LLMCall.prompt_id, LLMCall.prompt_version).where(LLMCall.prompt_id.is_not(None)).distinct())
            return {prompt_id: version for prompt_id, version in rows}

    def _tokens_of(self, caller_name: str) -> tuple[int, int]:
        with self.platform.db.session() as session:
            row = session.execute(
                select(func.coalesce(func.sum(LLMCall.input_tokens), 0), func.coalesce(func.sum(LLMCall.output_tokens), 0)).where(LLMCall.user == caller_name)
            ).one()
        return int(row[0]), int(row[1])


def run_suites(suites: list[Suite], config: EvalConfig, progress: Progress | None = None) -> list[SuiteResult]:
    return [run_suite(suite, config, config.workdir / f"{index:02d}-{suite.product}", progress) for index, suite in enumerate(suites)]


def run_suite(suite: Suite, config: EvalConfig, workdir: Path, progress: Progress | None = None) -> SuiteResult:
    """The suite's cases dealt round-robin to `concurrency` platforms, run at once. Platforms are
    built one after another (migrations and model loading are not for concurrent threads)."""
    started = time.perf_counter()
    shards = [shard for shard in (suite.cases[start::config.concurrency] for start in range(config.concurrency)) if shard]
    runs: list[SuiteRun] = []
    try:
        for number, shard in enumerate(shards):
            runs.append(SuiteRun(suite, shard, config, workdir / f"platform-{number}"))
        with ThreadPoolExecutor(len(runs), thread_name_prefix="eval") as pool:
            merged = {case_id: result for results in pool.map(lambda run: run.run(progress), runs) for case_id, result in results.items()}
        prompts = {prompt_id: version for run in runs for prompt_id, version in run.prompt_versions().items()}
    finally:
        for run in runs:
            run.close()
    wall_s = round(time.perf_counter() - started, 1)
    return SuiteResult(str(suite.path), suite.product, suite.lang, config.repeat, [merged[case.id] for case in suite.cases], prompts, wall_s)
