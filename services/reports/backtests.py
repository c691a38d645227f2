"""The backtests the reports are written from, as the routes see them: import, list, read one
revision, fact-check any text against the newest one. Each call is one transaction."""

from __future__ import annotations

from guardrails.factcheck import FactCheckResult, check
from services.platform.audit import Caller
from services.platform.db import Database
from services.reports import store
from services.reports.facts import fact_sheet
from services.reports.schemas import BacktestIn, BacktestOut, BacktestSummary, IngestResult


class Backtests:
    def __init__(self, db: Database) -> None:
        self.db = db

    def ingest(self, backtest: BacktestIn, caller: Caller) -> IngestResult:
        """A new backtest or a new revision (`created`), or the same content again (not created)."""
        with self.db.session() as session:
            return store.ingest(session, backtest, actor=caller.name, role=caller.role)

    def summaries(self) -> list[BacktestSummary]:
        with self.db.session() as session:
            return store.summaries(session)

    def newest(self, backtest_id: str) -> BacktestOut:
        with self.db.session() as session:
            return store.as_out(store.latest(session, backtest_id))

    def at(self, backtest_id: str, revision: int) -> BacktestIn:
        with self.db.session() as session:
            return store.backtest_at(session, backtest_id, revision)

    def factcheck(self, backtest_id: str, text: str) -> FactCheckResult:
        """``text`` checked against the newest revision's figures."""
        with self.db.session() as session:
            backtest = store.backtest_of(store.latest(session, backtest_id))
        return check(text, fact_sheet(backtest))
