"""ReportGenerationService: backtest in, fact-checked executive narrative out, cached.

A report is cached under everything that determines it (backtest revision, prompt version and
hash, model, output schema version). On a miss the narrative is generated under a schema
that forbids digits (figures are placeholders filled by code), fact-checked against the stored
numbers, and stored as `verified` or `needs_review`. Concurrent first requests for the same
report generate it once across every worker and batch process (`single_flight`): the others
wait for it and read it from the store.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from typing import Any

import structlog
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from guardrails.factcheck import FactCheckResult, FactSheet, check
from guardrails.policy import Action, Stage
from inference.errors import GenerationFailedError, LLMUnavailableError
from inference.structured import CallContext, StructuredGenerator
from services.platform import audit, single_flight
from services.platform.audit import Caller
from services.platform.caches import CacheRegistry
from services.platform.db import Database
from services.platform.errors import Conflict, NotFound, Unprocessable
from services.platform.languages import Lang
from services.platform.models import utcnow
from services.platform.screening import Screener
from services.platform.served_prompts import ServedPrompts
from services.reports import store
from services.reports.cache import CACHE_NAME, ReportCache
from services.reports.facts import fact_sheet, figures
from services.reports.models import Report, ReportRequest, ReportReview
from services.reports.composition import compose
from services.reports.insights import Insight, insights
from services.reports.narrative import SCHEMA_VERSION, fill, narrative_type, render_text
from services.reports.schemas import KPI_NAMES, BacktestIn, ReportOut, ReviewIn, ReviewQueueItem

log = structlog.get_logger(__name__)
PROMPT_ID = "reports.narrative"
SURFACE = "reports"


class ReportGenerationService:
    """Reports for backtests: cache, generation, fact check, review."""

    def __init__(
        self, db: Database, prompts: ServedPrompts, generator: StructuredGenerator, screener: Screener, caches: CacheRegistry, *, generation_lease_s: float,
    ) -> None:
        self.db, self.prompts, self.generator, self.screener, self.caches = db, prompts, generator, screener, caches
        self.generation_lease_s = generation_lease_s
        caches.register(ReportCache(db))

    # --- reading and generating --------------------------------------------------------------

    def get_report(self, backtest_id: str, caller: Caller, *, refresh: bool = False, lang: Lang = "en") -> ReportOut:
        """The cached report in ``lang``, else a freshly generated one; stale cached copy if the LLM is down."""
        with self.db.session() as session:
            revision = store.latest(session, backtest_id)
            backtest = store.backtest_of(revision)
            key = self.cache_key(session, backtest_id, revision.revision, lang)
            cached = None if refresh else self._by_key(session, key)
            outcome = "bypass" if refresh else "hit" if cached is not None else "miss"
            session.add(ReportRequest(backtest_id=backtest_id, revision=revision.revision, requested_by=caller.name, cache=outcome))
        if cached is not None:
            log.info("report.cache_hit", backtest_id=backtest_id, revision=revision.revision)
            self.caches.hit(CACHE_NAME)
            return self._out(cached, backtest)
        self.caches.miss(CACHE_NAME)
        asked_at = utcnow()

        def stored() -> Report | None:  # what another worker may have generated meanwhile (a newer one on refresh)
            with self.db.session() as session:
                found = self._by_key(session, key)
            return found if found is not None and (not refresh or found.generated_at >= asked_at) else None

        try:
            report = single_flight.run_once(
                self.db, key, stored, lambda: self._generate(backtest, revision.revision, key, caller, lang),
                lease_s=self.generation_lease_s, wait_s=self.generation_lease_s,
            )
        except LLMUnavailableError as exc:
            stale = self._last_verified(backtest_id, lang)
            if stale is None:
                raise
            log.warning("report.served_stale", backtest_id=backtest_id, error=str(exc))
            with self.db.session() as session:
                stale_backtest = store.backtest_at(session, backtest_id, stale.revision)
            return self._out(stale, stale_backtest, stale_reason=f"LLM unavailable, serving the last report (revision {stale.revision}): {exc}")
        return self._out(report, backtest)

    def is_cached(self, backtest_id: str, lang: Lang = "en") -> bool:
        with self.db.session() as session:
            revision = store.latest(session, backtest_id)
            return self._by_key(session, self.cache_key(session, backtest_id, revision.revision, lang)) is not None

    def cache_key(self, session: Session, backtest_id: str, revision: int, lang: Lang = "en") -> str:
        """Everything that determines a report's content; English keys are those from before
        reports had a language, so English reports cached then stay cached."""
        prompt = self.prompts.spec(PROMPT_ID, session)
        parts = [backtest_id, str(revision), prompt.version, prompt.content_hash(), self.generator.model.name, SCHEMA_VERSION]
        return hashlib.sha256("\x1f".join(parts + ([lang] if lang != "en" else [])).encode()).hexdigest()

    def _generate(self, backtest: BacktestIn, revision: int, key: str, caller: Caller, lang: Lang) -> Report:
        values, found = figures(backtest, lang), insights(backtest)
        output_type = narrative_type(
            placeholders=sorted(values),
            regimes=[regime.label for regime in backtest.regimes],
            metrics=[name for name in KPI_NAMES if name in values],
            insight_ids=[insight.id for insight in found if insight.has_figures],
        )
        prompt = self.prompts.render(PROMPT_ID, _prompt_variables(backtest, values, found))
        context = CallContext(feature="reports", user=caller.name, request_id=caller.request_id or uuid.uuid4().hex, prompt=prompt)
        started = time.perf_counter()
        try:
            written: dict[str, Any] | None = self.generator.generate(prompt.messages, output_type, context=context, seed=_seed(key)).model_dump()
        except GenerationFailedError as exc:  # every attempt recorded by the generator; the statements need no model
            log.warning("report.no_valid_model_answer", backtest_id=backtest.id, error=str(exc)[:300])
            written = None
        narrative = compose(written, found, backtest.strategy.name, lang)
        text, flags = self._screen(backtest, render_text(narrative, values), caller)
        sheet = fact_sheet(backtest)
        result = check(text, sheet)
        status = "verified" if result.verdict == "verified" and not flags and _every_section_checked(narrative, values, found, sheet) else "needs_review"
        elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
        with self.db.session() as session:
            report = self._by_key(session, key, include_invalidated=True) or Report(cache_key=key)
            report.backtest_id, report.revision = backtest.id, revision
            report.prompt_id, report.prompt_version, report.prompt_hash = prompt.prompt_id, prompt.version, prompt.hash
            report.model, report.schema_version = self.generator.model.name, SCHEMA_VERSION
            report.narrative, report.text, report.factcheck = narrative, text, result.model_dump()
            report.status, report.generated_by, report.generation_ms = status, caller.name, elapsed_ms
            report.generated_at, report.invalidated_at = utcnow(), None
            session.add(report)
            audit.record(
                session, caller, "reports.generate", backtest.id,
                {"revision": revision, "status": status, "supported": result.supported, "contradicted": result.contradicted,
                 "unverifiable": result.unverifiable, "generation_ms": elapsed_ms, "prompt_version": prompt.version, "guardrail_flags": flags},
            )
            try:
                session.flush()
            except IntegrityError as exc:  # another process stored the same report first
                raise Conflict(f"report for {backtest.id} was generated concurrently; retry to read it") from exc
        log.info("report.generated", backtest_id=backtest.id, revision=revision, status=status, ms=elapsed_ms)
        return report

    def _screen(self, backtest: BacktestIn, text: str, caller: Caller) -> tuple[str, list[str]]:
        """The narrative with secrets redacted, and the checks that fired on the backtest's free text
        (instructions smuggled into a strategy name or an alert) or on the narrative: each sends the
        report to a reviewer instead of publishing it."""
        screener = self.screener
        free_text = "\n".join([backtest.strategy.name, *(s.name for s in backtest.signals), *(a.description for a in backtest.anomalies)])
        inbound = screener.screen(SURFACE, Stage.input, free_text, caller)
        outbound = screener.screen(SURFACE, Stage.output, text, caller)
        fired = [f"{d.stage.value}:{d.check}" for d in inbound.decisions + outbound.decisions if d.action in (Action.flag, Action.block)]
        return outbound.text, fired

    # --- reviews -----------------------------------------------------------------------------

    def review(self, backtest_id: str, decision: ReviewIn, caller: Caller, lang: Lang = "en") -> ReportOut:
        """Approve or reject the current report in ``lang``; edited text is fact-checked again
        and cannot be approved while it contradicts the store."""
        with self.db.session() as session:
            report = self._current(session, backtest_id, lang)
            backtest = store.backtest_at(session, backtest_id, report.revision)
            edited_check: FactCheckResult | None = None
            if decision.edited_text is not None:
                edited_check = check(decision.edited_text, fact_sheet(backtest))
                if decision.decision == "approve" and edited_check.contradicted:
                    raise Unprocessable(
                        f"edited text contradicts the stored figures in {edited_check.contradicted} claim(s): "
                        + "; ".join(f.note for f in edited_check.findings if f.status == "contradicted")
                    )
                report.text, report.factcheck = decision.edited_text, edited_check.model_dump()
            report.status = "approved" if decision.decision == "approve" else "rejected"
            session.add(
                ReportReview(
                    report_id=report.id, reviewer=caller.name, decision=decision.decision, rating=decision.rating, comment=decision.comment,
                    edited_text=decision.edited_text, factcheck=edited_check.model_dump() if edited_check else None,
                )
            )
            audit.record(
                session, caller, "reports.review", backtest_id,
                {"decision": decision.decision, "rating": decision.rating, "revision": report.revision, "edited": decision.edited_text is not None,
                 "comment": decision.comment[:200]},
            )
        return self._out(report, backtest)

    def queue(self) -> list[ReviewQueueItem]:
        """Reports waiting for a reviewer, oldest first."""
        with self.db.session() as session:
            rows = session.scalars(select(Report).where(Report.status == "needs_review").order_by(Report.generated_at))
            return [
                ReviewQueueItem(
                    backtest_id=r.backtest_id, revision=r.revision, lang=language(r), status=r.status, generated_at=r.generated_at,
                    contradicted=r.factcheck["contradicted"], unverifiable=r.factcheck["unverifiable"],
                )
                for r in rows
            ]

    # --- helpers -----------------------------------------------------------------------------

    def _current(self, session: Session, backtest_id: str, lang: Lang) -> Report:
        revision = store.latest(session, backtest_id)
        report = self._by_key(session, self.cache_key(session, backtest_id, revision.revision, lang))
        if report is None:
            raise NotFound(f"no report generated yet for backtest {backtest_id!r} revision {revision.revision}")
        return report

    def _last_verified(self, backtest_id: str, lang: Lang) -> Report | None:
        """The newest report in ``lang`` that passed the fact check or a reviewer: the only kind worth serving stale."""
        with self.db.session() as session:
            query = select(Report).where(Report.backtest_id == backtest_id, Report.status.in_(("verified", "approved")))
            return next((r for r in session.scalars(query.order_by(Report.generated_at.desc())) if language(r) == lang), None)

    @staticmethod
    def _by_key(session: Session, key: str, *, include_invalidated: bool = False) -> Report | None:
        query = select(Report).where(Report.cache_key == key)
        return session.scalar(query if include_invalidated else query.where(Report.invalidated_at.is_(None)))

    @staticmethod
    def _out(report: Report, backtest: BacktestIn, *, stale_reason: str | None = None) -> ReportOut:
        etag = hashlib.sha256(f"{report.cache_key}:{report.status}:{report.generated_at.isoformat()}:{report.text}".encode()).hexdigest()[:32]
        return ReportOut(
            backtest_id=report.backtest_id, revision=report.revision, lang=language(report), status=report.status, stale=stale_reason is not None, stale_reason=stale_reason,
            narrative=report.narrative, text=report.text, figures=figures(backtest, language(report)),
            factcheck=FactCheckResult.model_validate(report.factcheck), prompt_id=report.prompt_id,
            prompt_version=report.prompt_version, model=report.model, generated_at=report.generated_at,
            generation_ms=report.generation_ms, etag=f'"{etag}"',
        )


def language(report: Report) -> Lang:
    """The report's language, kept in its narrative (reports from before languages are English)."""
    return "ko" if report.narrative.get("lang") == "ko" else "en"


def _every_section_checked(narrative: dict[str, Any], values: dict[str, str], found: list[Insight], sheet: FactSheet) -> bool:
    """`verified` needs a supported claim in each section that states figures: a report with
    nothing checked is never verified (SmolLM2's were, with 0 claims checked)."""
    sections = {insight.section for insight in found if insight.has_figures}
    return bool(sections) and all(check(fill(narrative[section], values), sheet).supported > 0 for section in sections)


def _prompt_variables(backtest: BacktestIn, values: dict[str, str], found: list[Insight]) -> dict[str, str]:
    regimes = "\n".join(
        f"- {r.label} ({r.start} to {r.end}): return {{{r.label}.total_return}}, sharpe {{{r.label}.sharpe}}" for r in backtest.regimes
    )
    signals = "\n".join(f"- {s.name}: {s.count} signals, hit rate {s.hit_rate}" for s in backtest.signals)
    anomalies = "\n".join(f"- {a.at}: {a.severity} {a.kind}: {a.description}" for a in backtest.anomalies)
    return {
        "strategy": f"{backtest.strategy.name} (template {backtest.strategy.template}, params {json.dumps(backtest.strategy.params)})",
        "period": f"{backtest.period.start} to {backtest.period.end}, timeframe {backtest.timeframe}",
        "universe": ", ".join(backtest.universe),
        "benchmark": backtest.benchmark or "none",
        "figures": "\n".join(f"{{{name}}} = {value}" for name, value in sorted(values.items())),
        "regimes": regimes or "none recorded",
        "signals": signals or "none recorded",
        "anomalies": anomalies or "none",
        "placeholders": ", ".join(f"{{{name}}}" for name in sorted(values)),
        "insights": "\n".join(f"- {insight.id}: {insight.text}" for insight in found),
    }


def _seed(key: str) -> int:
    """A seed derived from the cache key: regenerating the same inputs gives the same report."""
    return int(key[:8], 16)
